"""What every modelled provision shares: citation, sources, confidence, legal status.

A provision keeps its own status because courts strike down single articles
(Kenya, the Philippines, Pakistan) and legislatures amend single sections; an
evaluation "as of" a date must see each provision as it stood then.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from .fields import (
    Confidence,
    DateOrUnspecified,
    Excerpt,
    Identifier,
    ISODate,
    Model,
    ShortText,
    Text,
    Url,
)

StatusState = Literal["in_force", "amended", "repealed", "struck_down", "suspended", "not_yet_in_force", "unspecified"]
ENDED_STATES = frozenset({"repealed", "struck_down", "suspended"})


class Source(Model):
    """A document we relied on, declared once per law and cited by id."""

    id: Identifier
    """Short name of the source, unique within the law (lowercase letters, digits, '.', '_', '-'), e.g. 'leg-cma-1990'.
    Provisions, defences, amendments and conflicts cite the source by this id."""
    url: Url
    """Web address (http or https) where the document can be read."""
    title: ShortText
    """Title of the document, as a reader would recognise it."""
    publisher: ShortText | None = None
    """Who published the document (e.g. an official gazette, a ministry, a court, an NGO or a newspaper)."""
    accessed: DateOrUnspecified = "unspecified"
    """Date we consulted the document, as YYYY-MM-DD, or ``unspecified``."""
    confidence: Confidence
    """How reliable the source is: ``primary`` (the legal text itself, or a translation of it), ``secondary`` (a
    reputable secondary source), ``weak`` (a single weak source) or ``unconfirmed`` (memory, inference or conflicting
    sources)."""
    note: Text | None = None
    """Remarks on the source, e.g. which facts it is reliable for."""


class Decision(Model):
    """A court or body's decision that struck down or suspended a provision."""

    body: ShortText
    """The court or other body that decided, e.g. a constitutional court."""
    date: ISODate
    """Date of the decision, as YYYY-MM-DD."""
    citation: ShortText
    """The decision's case number or other reference."""
    url: Url | None = None
    """Web address of the decision or of a report on it."""


class LegalStatus(Model):
    """The provision's status and the dates between which it applies."""

    state: StatusState = "unspecified"
    """The provision's status: ``in_force``, ``amended``, ``repealed``, ``struck_down`` (by a court), ``suspended``,
    ``not_yet_in_force``, or ``unspecified`` (not known). Repealed, struck-down and suspended provisions need
    ``until``; struck-down and suspended ones also need ``decision``."""
    applies_from: DateOrUnspecified = Field("unspecified", alias="from")
    """First day the provision, as modelled, applies (YYYY-MM-DD); ``unspecified`` means the law's ``in_force_from``
    date is used."""
    until: DateOrUnspecified | None = None
    """First day the provision no longer applies (YYYY-MM-DD), or ``unspecified`` if it ended on an unknown date;
    omit while it still applies. An evaluation as of an unknown end keeps the provision."""
    decision: Decision | None = None
    """The decision that struck down or suspended the provision (required for those states)."""
    note: Text | None = None
    """Remarks on the status or dates, e.g. what replaced the provision."""

    model_config = Model.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _ended_needs_end(self) -> LegalStatus:
        if self.state in ENDED_STATES and self.until is None:
            raise ValueError(f"a provision that is {self.state} needs 'until' (a date or 'unspecified')")
        if self.state in {"struck_down", "suspended"} and self.decision is None:
            raise ValueError(f"a provision that is {self.state} needs the 'decision' that did it")
        return self

    def applies_on(self, day: date, default_from: date | str) -> bool | None:
        """Whether the provision applied on ``day``; None when the dates are unknown."""
        start = self.applies_from if self.applies_from != "unspecified" else default_from
        if isinstance(start, date) and day < start:
            return False
        if self.until is not None:
            if self.until == "unspecified":
                return None
            if day >= self.until:
                return False
        return not (self.state == "not_yet_in_force" and not isinstance(start, date))


class Conflict(Model):
    """Two sources that disagree about a fact; we record it, we do not choose silently."""

    field: ShortText
    """The disputed fact: a field path within the provision (e.g. ``penalty.imprisonment.max``) or a short label."""
    claims: tuple[Claim, ...] = Field(min_length=2)
    """What each source says (at least two claims)."""
    note: Text | None = None
    """How the conflict was handled, e.g. which value is modelled and why."""


class Claim(Model):
    """One source's version of a disputed fact."""

    value: ShortText
    """The value the source gives, in short text (e.g. '2 years')."""
    source: Identifier
    """Id of the source making the claim, declared under the law's ``sources``."""


Conflict.model_rebuild()


class Provision(Model):
    """Fields common to offences, procedural powers and cooperation rules."""

    id: Identifier
    """Short name of the provision, unique within the law (lowercase letters, digits, '.', '_', '-'), e.g.
    'art-24-1'. Findings and expected-findings files refer to the provision by this id."""
    citation: ShortText
    """The provision's reference as the law numbers it, e.g. 'Art. 24(1)' or 's.3ZA'."""
    title: ShortText | None = None
    """A short heading: the law's own, or a descriptive one."""
    paraphrase: Text
    """What the provision says, in our own words rather than quoted."""
    excerpt: Excerpt | None = None
    """A short quotation of the text, original or translated (at most 300 characters); paraphrase anything longer."""
    sources: tuple[Identifier, ...] = Field(min_length=1)
    """Ids of the sources for this provision (at least one), each declared under the law's ``sources``."""
    confidence: Confidence
    """How sure the data on this provision is: the lowest confidence of the facts recorded (``primary``,
    ``secondary``, ``weak`` or ``unconfirmed``). No finding about the provision claims more."""
    status: LegalStatus | None = None
    """The provision's own legal status and dates; omit to use the law's ``in_force_from`` date."""
    conflicts: tuple[Conflict, ...] = ()
    """Facts on which the sources disagree, recorded rather than silently resolved."""
    notes: Text | None = None
    """Other remarks, e.g. gaps in the sources or how the text was read."""
