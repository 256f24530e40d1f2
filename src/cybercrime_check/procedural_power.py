"""Procedural powers: the surveillance and evidence-gathering tools a law grants.

The fields are the safeguards that Art 24 of the Convention, the Necessary
and Proportionate principles and ECtHR case law look for. Each defaults to
``unspecified`` so that a power we know little about can never pass a check.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictInt

from ._types import Period, ShortText, Text, TriState
from .provision import Provision

PowerKind = Literal[
    "expedited_preservation",
    "partial_disclosure_traffic",
    "production_order_subscriber",
    "production_order_other",
    "search_and_seizure",
    "compelled_assistance",
    "realtime_traffic_collection",
    "content_interception",
    "general_data_retention",
    "content_blocking",
    "remote_hacking",
    "other",
]
Authorisation = Literal[
    "prior_judicial",
    "independent_body",
    "prosecutor",
    "executive_or_police",
    "none",
    "unspecified",
]
Notification = Literal["required", "required_may_be_delayed", "not_required", "unspecified"]
Grounds = Literal["specific_threshold", "vague", "none", "unspecified"]
PowerScope = Literal["all_crimes", "serious_crimes", "listed_offences", "cyber_dependent_only", "unspecified"]
DataCategory = Literal["subscriber", "traffic", "content", "location", "biometric", "other"]

AUTHORISATION_RANK: dict[str, int] = {
    "prior_judicial": 4,
    "independent_body": 3,
    "prosecutor": 2,
    "executive_or_police": 1,
    "none": 0,
}
"""How independent the authorising body is (higher is stronger). ``unspecified`` has no rank."""


class ProceduralPower(Provision):
    """A power that lets authorities obtain, keep, block or intercept data."""

    kind: PowerKind
    authorisation: Authorisation = "unspecified"
    ex_post_judicial_review: TriState = "unspecified"
    duration: Period = "unspecified"
    """Time limit of one authorisation (for retention duties: the retention period)."""
    renewals: StrictInt | Literal["unlimited", "none", "unspecified"] = "unspecified"
    notification: Notification = "unspecified"
    remedy: TriState = "unspecified"
    grounds: Grounds = "unspecified"
    grounds_text: Text | None = None
    proportionality_test: TriState = "unspecified"
    applies_to: PowerScope = "unspecified"
    minimum_penalty_threshold: Period = "unspecified"
    """For ``serious_crimes``: the penalty an offence must carry for the power to be used."""
    public_reporting: TriState = "unspecified"
    self_incrimination_protection: TriState = "unspecified"
    """For compelled assistance: whether suspects are protected from being compelled."""
    data_categories: tuple[DataCategory, ...] = ()
    exercised_by: Annotated[ShortText, Field(description="who carries it out")] | None = None
