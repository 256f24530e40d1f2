"""Cooperation rules: what a state's law says about helping foreign authorities.

Red lines 5 and 6 of the civil-society analysis are about these: direct and
proactive sharing of personal data, and refusal grounds that protect people
from persecution.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ._types import ListTag, Model, ShortText, TriState, WordTag, word_or_list_discriminator
from .procedural_power import Authorisation
from .provision import Provision

CooperationKind = Literal[
    "mutual_legal_assistance",
    "spontaneous_sharing",
    "direct_disclosure",
    "data_transfer_conditions",
    "extradition",
    "other",
]
DualCriminality = Literal["required", "not_required", "required_for_coercive_measures", "unspecified"]
RefusalGroundKind = Literal[
    "political_offence",
    "persecution_discrimination",
    "death_penalty",
    "torture",
    "human_rights",
    "sovereignty_security_ordre_public",
    "other",
]


class RefusalGround(Model):
    ground: RefusalGroundKind
    mandatory: TriState = "unspecified"
    description: ShortText | None = None


class CooperationRule(Provision):
    """A rule on mutual legal assistance, sharing, disclosure or extradition."""

    kind: CooperationKind
    dual_criminality: DualCriminality = "unspecified"
    refusal_grounds: Annotated[
        Annotated[tuple[RefusalGround, ...], ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    data_protection_conditions: TriState = "unspecified"
    authorisation: Authorisation = "unspecified"
    requires_request: TriState = "unspecified"
    """False for spontaneous (proactive) sharing without a foreign request."""
