"""Procedural powers: the surveillance and evidence-gathering tools a law grants.

The fields are the safeguards that Art 24 of the Convention, the Necessary
and Proportionate principles and ECtHR case law look for. Each defaults to
``unspecified`` so that a power we know little about can never pass a check.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictInt

from .fields import Identifier, ListTag, Model, Period, ShortText, Text, TriState, WordTag, word_or_list_discriminator
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
Notification = Literal[
    "required", "required_may_be_delayed", "required_may_be_dispensed", "not_required", "unspecified"
]
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


Reviewer = Literal["judge", "independent_body", "prosecutor", "executive", "legislature", "unspecified"]


class ExPostReview(Model):
    """Review of a use of the power after the fact, with what the reviewer can do."""

    reviewer: Reviewer
    """Who reviews: a ``judge``, an ``independent_body``, the ``prosecutor``, the ``executive``, the
    ``legislature``, or ``unspecified``."""
    deadline_hours: Annotated[StrictInt, Field(ge=0, le=100_000)] | Literal["none", "unspecified"] = "unspecified"
    """Within how many hours of the measure the review must happen; ``none`` if the law sets no deadline."""
    can_quash: TriState = "unspecified"
    """Whether the reviewer can end or annul the measure."""
    can_order_destruction: TriState = "unspecified"
    """Whether the reviewer can order the data obtained destroyed."""
    report_only: StrictBool = False
    """``true`` when the law only requires a report to the reviewer, who decides nothing."""

    @property
    def effective(self) -> bool | None:
        """Review by a judge or independent body that can quash the measure (None: not known)."""
        if self.report_only or self.reviewer in ("prosecutor", "executive", "legislature"):
            return False
        if self.reviewer == "unspecified" or self.can_quash == "unspecified":
            return None
        return self.can_quash is True


class ProceduralPower(Provision):
    """A power that lets authorities obtain, keep, block or intercept data."""

    kind: PowerKind
    """The type of power, from expedited preservation to remote hacking (or ``other``). The safeguards check
    weighs intrusiveness by type: interception, remote hacking, real-time traffic collection, general data
    retention, content blocking and compelled assistance need a judge or an independent body."""
    authorisation: Authorisation = "unspecified"
    """Who authorises each use: ``prior_judicial`` (a judge, beforehand), ``independent_body``, ``prosecutor``,
    ``executive_or_police``, ``none`` (no authorisation needed), or ``unspecified`` (our sources do not say)."""
    authoriser_independent: TriState = "unspecified"
    """Whether the judge or body that authorises is independent of the executive: ``false`` when a court or
    authority found it is not (e.g. a judge the minister appoints and renews at will: Constitutional Court of South
    Africa, AmaBhungane, 2021), which then counts as executive authorisation; ``true`` or ``unspecified`` (the
    default: a judge is presumed independent)."""
    ex_post_review: Annotated[
        Annotated[ExPostReview, ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """Review of each use after the fact (for urgent uses without prior authorisation, say): who reviews, how
    soon, and whether the reviewer can quash the measure and order the data destroyed; ``none`` if the law
    provides none, ``unspecified`` if our sources do not say. "A report to a judge afterwards" is not review."""
    duration: Period = "unspecified"
    """How long one authorisation lasts, as a duration such as '30 days' (for retention duties: the retention
    period); ``none`` if the law sets no limit, ``unspecified`` if our sources do not say."""
    renewals: Annotated[StrictInt, Field(ge=0, le=1000)] | Literal["unlimited", "none", "unspecified"] = "unspecified"
    """How many times an authorisation may be renewed: a number, ``unlimited``, ``none`` (the law provides for no
    renewal), or ``unspecified``."""
    notification: Notification = "unspecified"
    """Whether the people affected must be told: ``required``, ``required_may_be_delayed`` (notice may be
    postponed, e.g. to protect the investigation), ``required_may_be_dispensed`` (notice is the rule, but may be
    withheld for good), ``not_required``, or ``unspecified``."""
    remedy: TriState = "unspecified"
    """Whether the people affected can challenge the use of the power, e.g. before a court: ``true``, ``false`` or
    ``unspecified``."""
    remedy_without_notice: TriState = "unspecified"
    """Whether someone who merely suspects the measure, never told of it, can use that remedy (a tribunal open to
    anyone, as in ECtHR Kennedy v UK, 2010): only then can the remedy stand in for notification."""
    grounds: Grounds = "unspecified"
    """The grounds required for use: ``specific_threshold`` (e.g. reasonable suspicion of a specified offence),
    ``vague`` (e.g. 'useful to reveal the truth'), ``none`` (the law states none), or ``unspecified``."""
    grounds_text: Text | None = None
    """The grounds as the law words them, quoted or closely paraphrased; findings on vague grounds quote it."""
    proportionality_test: TriState = "unspecified"
    """Whether each use must be necessary and proportionate: ``true``, ``false`` or ``unspecified``."""
    applies_to: PowerScope = "unspecified"
    """Which offences the power may be used for: ``all_crimes``, ``serious_crimes``, ``listed_offences``,
    ``cyber_dependent_only``, or ``unspecified``."""
    listed_offences: tuple[Identifier, ...] = ()
    """For ``listed_offences``: the ids of this law's offences on the list, when the list is in this law. Then the
    scope check can tell a list of speech offences from a list of attacks on systems."""
    minimum_penalty_threshold: Period = "unspecified"
    """For ``serious_crimes``: the penalty an offence must carry for the power to be used, as a duration such as
    '4 years'; ``none`` if the law sets no such threshold, ``unspecified`` if not known or not relevant."""
    public_reporting: TriState = "unspecified"
    """Whether use of the power is reported publicly (e.g. annual figures or an oversight body's published
    reports): ``true``, ``false`` or ``unspecified``."""
    self_incrimination_protection: TriState = "unspecified"
    """For compelled assistance: whether suspects are protected from being compelled to incriminate themselves
    (e.g. to decrypt their own data): ``true``, ``false`` or ``unspecified``."""
    data_categories: Annotated[
        Annotated[tuple[DataCategory, ...], ListTag] | Annotated[Literal["unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """The kinds of data the power reaches: ``subscriber``, ``traffic``, ``content``, ``location``, ``biometric``,
    ``other``; ``unspecified`` (the default) if not recorded."""
    exercised_by: Annotated[ShortText, Field(description="who carries it out")] | None = None
    """Who carries out the power, as the law names them (e.g. 'judicial-police officers', 'telecom operators')."""

    @property
    def ex_post_judicial_review(self) -> bool | Literal["unspecified"]:
        """Deprecated (the 0.1 field, for plugins written against it): whether a judge or independent body that
        can end the measure reviews each use afterwards, from :attr:`ex_post_review`. Removed in 0.3."""
        import warnings

        warnings.warn(
            "ProceduralPower.ex_post_judicial_review is deprecated; read ex_post_review (an ExPostReview, 'none' "
            "or 'unspecified') instead",
            DeprecationWarning,
            stacklevel=2,
        )
        review = self.ex_post_review
        if review == "none":
            return False
        if isinstance(review, ExPostReview):
            effective = review.effective
            return "unspecified" if effective is None else effective
        return "unspecified"
