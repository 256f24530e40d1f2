"""What every modelled provision shares: citation, sources, confidence and history.

A provision keeps its own history because courts strike down, suspend or read down single articles
(India, Kenya, Uganda, Pakistan) and legislatures amend single sections; an evaluation "as of" a date
must see each provision as it stood then (see :mod:`.history`).
"""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from .fields import (
    UNSPECIFIED,
    Confidence,
    DateOrUnspecified,
    Excerpt,
    Identifier,
    Model,
    ShortText,
    Text,
    Url,
)
from .history import ProvisionEvent, Standing, state_on


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
    """The provision's reference as the law numbers it, e.g. 'Art. 24(1)' or 's.3ZA'; ``unspecified`` when
    the sources do not give the number (then ``title`` must say what the provision is, and reports say
    that the number is not recorded). Never a guessed number."""
    title: ShortText | None = None
    """A short heading: the law's own, or a descriptive one (required when the citation is ``unspecified``)."""
    paraphrase: Text
    """What the provision says, in our own words rather than quoted."""
    excerpt: Excerpt | None = None
    """A short quotation of the text, original or translated (at most 300 characters); paraphrase anything longer."""
    sources: tuple[Identifier, ...] = Field(min_length=1)
    """Ids of the sources for this provision (at least one), each declared under the law's ``sources``."""
    confidence: Confidence
    """How sure the data on this provision is: the lowest confidence of the facts recorded (``primary``,
    ``secondary``, ``weak`` or ``unconfirmed``). No finding about the provision claims more."""
    history: tuple[ProvisionEvent, ...] = ()
    """Dated events: entry into force, amendments, suspensions, read-downs, decisions striking it down,
    repeal, international condemnation. Omit to have the provision apply from the law's ``in_force_from``."""
    version_of: Identifier | None = None
    """For one of several modelled versions of the same provision (before and after an amendment): the id
    they share, e.g. 'art-21-1'. Versions of one provision must not be in force at the same time."""
    conflicts: tuple[Conflict, ...] = ()
    """Facts on which the sources disagree, recorded rather than silently resolved."""
    notes: Text | None = None
    """Other remarks, e.g. gaps in the sources or how the text was read."""

    @model_validator(mode="after")
    def _citation_or_title(self) -> Provision:
        if self.citation == UNSPECIFIED and self.title is None:
            raise ValueError("a provision whose citation is 'unspecified' needs a 'title' saying what it is")
        return self

    @property
    def cited(self) -> str:
        """The citation as a reader sees it: the number, or what the provision is when the number is unknown."""
        if self.citation == UNSPECIFIED:
            return f"{self.title} (article number not recorded)"
        return self.citation

    def standing(self, day: date, default_start: date | str) -> Standing:
        """What applied of this provision on ``day``."""
        return state_on(self.history, day, default_start)
