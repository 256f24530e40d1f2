"""What every modelled provision shares: citation, sources, confidence, legal status.

A provision keeps its own status because courts strike down single articles
(Kenya, the Philippines, Pakistan) and legislatures amend single sections; an
evaluation "as of" a date must see each provision as it stood then.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from ._types import (
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
    url: Url
    title: ShortText
    publisher: ShortText | None = None
    accessed: DateOrUnspecified = "unspecified"
    confidence: Confidence
    note: Text | None = None


class Decision(Model):
    """A court or body's decision that struck down or suspended a provision."""

    body: ShortText
    date: ISODate
    citation: ShortText
    url: Url | None = None


class LegalStatus(Model):
    """The provision's status and the dates between which it applies."""

    state: StatusState = "unspecified"
    applies_from: DateOrUnspecified = Field("unspecified", alias="from")
    until: DateOrUnspecified | None = None
    decision: Decision | None = None
    note: Text | None = None

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
    claims: tuple[Claim, ...] = Field(min_length=2)
    note: Text | None = None


class Claim(Model):
    value: ShortText
    source: Identifier


Conflict.model_rebuild()


class Provision(Model):
    """Fields common to offences, procedural powers and cooperation rules."""

    id: Identifier
    citation: ShortText
    title: ShortText | None = None
    paraphrase: Text
    excerpt: Excerpt | None = None
    sources: tuple[Identifier, ...] = Field(min_length=1)
    confidence: Confidence
    status: LegalStatus | None = None
    conflicts: tuple[Conflict, ...] = ()
    notes: Text | None = None
