"""Offences: what a law criminalises, with its elements, defences and penalty.

The categories follow the Convention's offence types (Arts 7-17) plus the
content categories the Convention does *not* contain; the latter are what
civil society fears the Convention will export through cooperation.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, StrictBool

from .fields import (
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
    """What the defence protects: ``public_interest``, ``journalism``, ``whistleblowing``, ``security_research``,
    ``authorised_testing``, ``truth`` or ``other``. The researchers check counts the first four (and
    ``authorised_testing`` for device offences) as protecting research."""
    citation: ShortText
    """Where the defence is found: an article of this or another law, or the policy document."""
    description: Text
    """What the defence covers and how it works, in our own words."""
    binding: StrictBool = True
    """``true`` (the default) if the defence is law that binds the courts; ``false`` for a policy, such as a
    prosecutor's charging policy, that courts and civil claimants need not follow."""
    conditions: tuple[ShortText, ...] = ()
    """Conditions the defence sets, each as a short phrase (e.g. 'acted in good faith')."""
    sources: tuple[Identifier, ...] = Field(min_length=1)
    """Ids of the sources for the defence (at least one), declared under the law's ``sources``."""


class Imprisonment(Model):
    """The term of imprisonment the law sets."""

    min: Period = "unspecified"
    """Minimum term, as a duration such as '6 months' (units: year, month, week, day, hour); ``none`` if the law
    sets no minimum, ``unspecified`` if our sources do not say."""
    max: MaxTerm = "unspecified"
    """Maximum term, as a duration such as '5 years', or ``life``; ``none`` if the law states no maximum,
    ``unspecified`` if our sources do not say."""


class Fine(Model):
    """The fine the law sets."""

    min: Amount = "unspecified"
    """Minimum fine, as a whole number (in ``currency``, or in the units the note names, such as day-fine units);
    ``none`` if the law sets no minimum, ``unspecified`` if our sources do not say."""
    max: Amount = "unspecified"
    """Maximum fine, as a whole number (in ``currency``, or in the units the note names); ``none`` if the law sets
    no maximum, ``unspecified`` if our sources do not say."""
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    """Three-letter ISO 4217 code of the currency of the amounts, e.g. 'EUR' or 'SAR'."""
    note: ShortText | None = None
    """Remarks on the fine, e.g. that amounts are day-fine units or a fine category rather than money."""


class Penalty(Model):
    """A sanction as the law sets it; ``none`` where the law sets none."""

    imprisonment: Annotated[
        Annotated[Imprisonment, ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """The term of imprisonment (``min`` and ``max``); ``none`` if the law provides no imprisonment,
    ``unspecified`` if our sources do not say."""
    fine: Annotated[
        Annotated[Fine, ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """The fine (``min``, ``max``, ``currency``); ``none`` if the law provides no fine, ``unspecified`` if our
    sources do not say."""
    combination: Combination = "unspecified"
    """How imprisonment and fine combine: ``imprisonment_and_fine`` (both), ``imprisonment_or_fine`` (one or the
    other), ``imprisonment_and_or_fine`` (either or both), ``imprisonment_only``, ``fine_only``, or ``unspecified``."""
    death_penalty: TriState = "unspecified"
    """Whether the death penalty can be imposed: ``true``, ``false`` or ``unspecified``. If ``true``, the offence
    meets any 'serious crime' threshold."""
    note: Text | None = None
    """Other sanctions or remarks on the penalty, e.g. confiscation or a penalty set by another law."""


class AggravatedPenalty(Model):
    """A different penalty that applies in a stated aggravating circumstance."""

    condition: Text
    """The circumstance in which this penalty applies, e.g. 'the offence targets a government system'."""
    penalty: Penalty
    """The penalty that applies in that circumstance."""
    citation: ShortText | None = None
    """Where the aggravation is found, if not in the offence's own provision."""


class GroupImpact(Model):
    """A group the offence targets on its face, or is documented as used against."""

    group: Group
    """The group affected: ``lgbtq``, ``religious_minority``, ``ethnic_minority``, ``women``, ``journalists``,
    ``human_rights_defenders``, ``political_opposition`` or ``other``."""
    basis: Literal["on_its_face", "in_application"]
    """``on_its_face`` if the offence's text targets the group; ``in_application`` if a source documents that it
    has been used against the group."""
    sources: tuple[Identifier, ...] = Field(min_length=1)
    """Ids of the sources that document the impact (at least one), declared under the law's ``sources``."""
    note: Text | None = None
    """Remarks, e.g. the cases or reports that show the impact."""


class Offence(Provision):
    """A criminal offence in a national law."""

    category: OffenceCategory
    """What the offence criminalises: a Convention offence type (``illegal_access`` to ``laundering``; ``csam`` is
    child sexual abuse material, ``ncii`` non-consensual sharing of intimate images), a content category the
    Convention does not contain (``false_information`` to ``national_unity_strife``), ``other`` or ``unspecified``."""
    mental_element: MentalElement = "unspecified"
    """The fault the offence requires: ``intent``, ``knowledge``, ``recklessness``, ``negligence``, ``none_stated``
    (the text states none), or ``unspecified`` (our sources do not say)."""
    without_right: TriState = "unspecified"
    """Whether acting "without right" (or an equivalent: unauthorised access, dishonest intent) is an element of the
    offence: ``true``, ``false`` or ``unspecified``."""
    additional_elements: tuple[ShortText, ...] = ()
    """Further elements that must be proved, each a short phrase (e.g. 'causes serious harm'). For content
    offences the vague-terms lexicon is matched against them too."""
    defences: Annotated[
        Annotated[tuple[Defence, ...], ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """Defences, exemptions and justifications for the offence; ``none`` only when a source says there are none,
    ``unspecified`` (the default) when our sources do not say."""
    penalty: Penalty = Penalty()
    """The basic penalty."""
    aggravated: tuple[AggravatedPenalty, ...] = ()
    """Different penalties for aggravating circumstances, each with its condition."""
    undefined_terms: tuple[ShortText, ...] = ()
    """Vague terms the text uses without defining them, each briefly quoted (e.g. '"false news"'); the legality and
    protected-expression checks treat each as vague."""
    groups_affected: tuple[GroupImpact, ...] = ()
    """Groups the offence targets on its face, or is documented as used against; each needs a source."""

    @property
    def defence_list(self) -> tuple[Defence, ...]:
        return self.defences if isinstance(self.defences, tuple) else ()

    def penalties(self) -> tuple[Penalty, ...]:
        """The basic penalty followed by every aggravated variant."""
        return (self.penalty, *(a.penalty for a in self.aggravated))
