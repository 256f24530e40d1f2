"""Offences: what a law criminalises, with its elements, defences and penalty.

The categories follow the Convention's offence types (Arts 7-17) plus the
content categories the Convention does *not* contain; the latter are what
civil society fears the Convention will export through cooperation.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field

from ._types import (
    Amount,
    Identifier,
    ListTag,
    MaxTerm,
    Model,
    Period,
    ShortText,
    Text,
    TriState,
    WordTag,
    word_or_list_discriminator,
)
from .provision import Provision

CyberDependentCategory = Literal[
    "illegal_access",
    "illegal_interception",
    "data_interference",
    "system_interference",
    "misuse_of_devices",
]
ConventionCategory = Literal[
    "illegal_access",
    "illegal_interception",
    "data_interference",
    "system_interference",
    "misuse_of_devices",
    "forgery",
    "fraud",
    "csam",
    "grooming",
    "ncii",
    "laundering",
]
ContentCategory = Literal[
    "false_information",
    "defamation_insult",
    "insult_head_of_state",
    "public_order_morals",
    "religion",
    "extremism_terrorism_speech",
    "lgbtq",
    "national_unity_strife",
]
OffenceCategory = Literal[
    "illegal_access",
    "illegal_interception",
    "data_interference",
    "system_interference",
    "misuse_of_devices",
    "forgery",
    "fraud",
    "csam",
    "grooming",
    "ncii",
    "laundering",
    "false_information",
    "defamation_insult",
    "insult_head_of_state",
    "public_order_morals",
    "religion",
    "extremism_terrorism_speech",
    "lgbtq",
    "national_unity_strife",
    "other",
    "unspecified",
]

CYBER_DEPENDENT: frozenset[str] = frozenset(get_args(CyberDependentCategory))
CONVENTION_CATEGORIES: frozenset[str] = frozenset(get_args(ConventionCategory))
CONTENT_OUTSIDE_CONVENTION: frozenset[str] = frozenset(get_args(ContentCategory))

MentalElement = Literal["intent", "knowledge", "recklessness", "negligence", "none_stated", "unspecified"]
DefenceKind = Literal[
    "public_interest",
    "journalism",
    "whistleblowing",
    "security_research",
    "authorised_testing",
    "truth",
    "other",
]
Group = Literal[
    "lgbtq",
    "religious_minority",
    "ethnic_minority",
    "women",
    "journalists",
    "human_rights_defenders",
    "political_opposition",
    "other",
]
Combination = Literal[
    "imprisonment_and_fine",
    "imprisonment_or_fine",
    "imprisonment_and_or_fine",
    "imprisonment_only",
    "fine_only",
    "unspecified",
]


class Defence(Model):
    """A defence, exemption or justification that protects some conduct.

    ``binding: false`` records a policy (e.g. a prosecutor's charging policy)
    that courts and civil claimants are not bound by.
    """

    kind: DefenceKind
    citation: ShortText
    description: Text
    binding: bool = True
    conditions: tuple[ShortText, ...] = ()
    sources: tuple[Identifier, ...] = Field(min_length=1)


class Imprisonment(Model):
    min: Period = "unspecified"
    max: MaxTerm = "unspecified"


class Fine(Model):
    min: Amount = "unspecified"
    max: Amount = "unspecified"
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    note: ShortText | None = None


class Penalty(Model):
    """A sanction as the law sets it; ``none`` where the law sets none."""

    imprisonment: Annotated[
        Annotated[Imprisonment, ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    fine: Annotated[
        Annotated[Fine, ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    combination: Combination = "unspecified"
    death_penalty: TriState = "unspecified"
    note: Text | None = None


class AggravatedPenalty(Model):
    condition: Text
    penalty: Penalty
    citation: ShortText | None = None


class GroupImpact(Model):
    """A group the offence targets on its face, or is documented as used against."""

    group: Group
    basis: Literal["on_its_face", "in_application"]
    sources: tuple[Identifier, ...] = Field(min_length=1)
    note: Text | None = None


class Offence(Provision):
    """A criminal offence in a national law."""

    category: OffenceCategory
    mental_element: MentalElement = "unspecified"
    without_right: TriState = "unspecified"
    """Whether "without right", unauthorised access, or dishonest intent is an element."""
    additional_elements: tuple[ShortText, ...] = ()
    defences: Annotated[
        Annotated[tuple[Defence, ...], ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    penalty: Penalty = Penalty()
    aggravated: tuple[AggravatedPenalty, ...] = ()
    undefined_terms: tuple[ShortText, ...] = ()
    groups_affected: tuple[GroupImpact, ...] = ()

    @property
    def defence_list(self) -> tuple[Defence, ...]:
        return self.defences if isinstance(self.defences, tuple) else ()

    def penalties(self) -> tuple[Penalty, ...]:
        """The basic penalty followed by every aggravated variant."""
        return (self.penalty, *(a.penalty for a in self.aggravated))
