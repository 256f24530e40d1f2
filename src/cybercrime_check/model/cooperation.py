"""Cooperation rules: what a state's law says about helping foreign authorities.

Red lines 5 and 6 of the civil-society analysis are about these: direct and
proactive sharing of personal data, and refusal grounds that protect people
from persecution.
"""

from __future__ import annotations

from typing import Annotated, Literal

from .fields import ListTag, Model, ShortText, TriState, WordTag, word_or_list_discriminator
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
    """A ground on which a request from another state may or must be refused."""

    ground: RefusalGroundKind
    """The ground: ``political_offence``, ``persecution_discrimination`` (the request serves to persecute or
    discriminate), ``death_penalty``, ``torture``, ``human_rights``, ``sovereignty_security_ordre_public`` or
    ``other``."""
    mandatory: TriState = "unspecified"
    """``true`` if the request must be refused on this ground, ``false`` if refusal is discretionary,
    ``unspecified`` if our sources do not say."""
    description: ShortText | None = None
    """The ground as the law words it, quoted or briefly paraphrased."""


class CooperationRule(Provision):
    """A rule on mutual legal assistance, sharing, disclosure or extradition."""

    kind: CooperationKind
    """The type of rule: ``mutual_legal_assistance``, ``spontaneous_sharing`` (sending information abroad without a
    request), ``direct_disclosure`` (personal data disclosed directly to foreign authorities),
    ``data_transfer_conditions`` (conditions on sending data abroad), ``extradition`` or ``other``."""
    dual_criminality: DualCriminality = "unspecified"
    """Whether the conduct must be an offence in both states: ``required``, ``not_required``,
    ``required_for_coercive_measures`` (only for coercive measures such as search), or ``unspecified``."""
    refusal_grounds: Annotated[
        Annotated[tuple[RefusalGround, ...], ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """Grounds for refusing a foreign request; ``none`` if the law provides none, ``unspecified`` (the default) if
    our sources do not say."""
    data_protection_conditions: TriState = "unspecified"
    """Whether personal data shared under the rule are subject to data-protection conditions (e.g. purpose
    limitation, adequate protection abroad): ``true``, ``false`` or ``unspecified``."""
    authorisation: Authorisation = "unspecified"
    """Who authorises each disclosure, on the same scale as for procedural powers (``prior_judicial`` to ``none``,
    or ``unspecified``); checked for direct disclosure."""
    requires_request: TriState = "unspecified"
    """Whether data are shared only on a foreign request: ``true``, ``false`` (spontaneous, proactive sharing
    without a request) or ``unspecified``."""
