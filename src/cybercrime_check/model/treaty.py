"""Treaty status as data: who signed, who consented to be bound, since when, and with what reservations.

A treaty binds two states only when it is in force for both on the day in question. A signature alone binds no
one to cooperate. Every row names its sources and a confidence, like a provision, and a state the file does not
list is of unknown status unless the file says its list is complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import Field, StrictBool, model_validator

from .fields import Confidence, DateOrUnspecified, Identifier, Model, ShortText, Text
from .law import CountryCode
from .provision import Source

ConsentKind = Literal["ratification", "acceptance", "approval", "accession", "unspecified"]
Affects = Literal["scope", "dual_criminality", "serious_crime_threshold", "safeguards", "cooperation", "other"]


class Consent(Model):
    """A state's consent to be bound: ratification, acceptance, approval or accession, and when it was deposited."""

    kind: ConsentKind
    date: DateOrUnspecified = "unspecified"
    """Date of deposit with the depositary; ``unspecified`` when only reported (e.g. a parliament's approval)."""


class Reservation(Model):
    """A reservation or declaration a state made, with the article it concerns and what it changes."""

    kind: Literal["reservation", "declaration"]
    article: ShortText
    """The article it concerns, as the treaty numbers it, e.g. '7(2)'."""
    summary: Text
    """What it says, in our own words."""
    affects: tuple[Affects, ...] = ()
    """Which triage grounds it bears on (``dual_criminality``, ``scope``, ...)."""
    categories: tuple[Identifier, ...] = ()
    """Offence categories it narrows (e.g. ``illegal_access``), when it narrows criminalisation."""
    made: DateOrUnspecified = "unspecified"
    """When it was made (at signature, or with the instrument of consent)."""


class StateStatus(Model):
    """One state's relation to the treaty."""

    state: CountryCode
    signed: DateOrUnspecified | Literal["none"] = "unspecified"
    """Date of signature; ``none`` when the state did not sign (it may still accede)."""
    consent: Consent | Literal["none", "unspecified"] = "none"
    """The instrument by which the state consented to be bound, or ``none``."""
    in_force: DateOrUnspecified | Literal["none"] = "none"
    """When the treaty entered into force *for this state*; ``none`` while it has not."""
    party_by: date | None = None
    """A day on which a source shows the state a party, when the day the treaty entered into force for it is not
    known (e.g. listed among the contracting states of a depositary notification)."""
    withdrawn: DateOrUnspecified | None = None
    """When a denunciation took effect, if the state left."""
    reservations: tuple[Reservation, ...] = ()
    sources: tuple[Identifier, ...] = Field(min_length=1)
    confidence: Confidence
    note: Text | None = None


class NonParty(Model):
    """A state a source shows outside the treaty on a date (not signed, not a party)."""

    state: CountryCode
    as_of: date
    """The date on which the source shows it outside."""
    sources: tuple[Identifier, ...] = Field(min_length=1)
    confidence: Confidence
    note: Text | None = None


class TreatyStatus(Model):
    """The status file of one instrument (``policies/treaties/<id>.yaml``)."""

    schema_: Literal["cybercrime-check/treaty-status/1"] = Field("cybercrime-check/treaty-status/1", alias="schema")
    id: Identifier
    """How requests name it: ``uncc`` (UN Convention against Cybercrime), ``ets-185`` (Budapest), ``cets-224``."""
    title: ShortText
    short_title: ShortText
    adopted: date
    entry_into_force: DateOrUnspecified | Literal["not_yet"] = "unspecified"
    """When the treaty entered into force; ``not_yet`` when the sources, as of ``as_of``, show it is not in force."""
    entry_into_force_rule: Text
    """The rule (e.g. 'Art 65(1): the 90th day after the 40th instrument'), with its article."""
    as_of: date
    """The date of the latest source read: nothing later is known."""
    complete: StrictBool = False
    """Whether ``states`` lists every signatory and party known on ``as_of`` (then a state not listed had neither
    signed nor joined by then)."""
    sources: tuple[Source, ...] = Field(min_length=1)
    states: tuple[StateStatus, ...] = ()
    non_parties: tuple[NonParty, ...] = ()
    notes: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> TreatyStatus:
        ids = {s.id for s in self.sources}
        seen: set[str] = set()
        rows: list[StateStatus | NonParty] = [*self.states, *self.non_parties]
        for any_row in rows:
            missing = [ref for ref in any_row.sources if ref not in ids]
            if missing:
                raise ValueError(f"{any_row.state}: unknown source id(s) {missing}; declare them under sources")
        for row in self.states:
            if row.state in seen:
                raise ValueError(f"{row.state} is listed twice")
            seen.add(row.state)
            if isinstance(row.in_force, date) and row.consent in ("none", "unspecified"):
                raise ValueError(f"{row.state}: in force for a state that has not consented to be bound")
        for outside in self.non_parties:
            if outside.state in seen:
                raise ValueError(f"{outside.state} is both listed and a non-party")
        return self

    def row(self, state: str) -> StateStatus | None:
        return next((s for s in self.states if s.state == state), None)


Standing = Literal["party", "consented", "signatory", "not_party", "unknown", "not_in_force"]
"""``party``: in force for the state on the day; ``consented``: bound once in force; ``signatory``: signed only;
``not_party``: neither; ``unknown``: not recorded; ``not_in_force``: the treaty itself was not in force that day."""


@dataclass(frozen=True)
class TreatyStanding:
    """A state's standing under a treaty on one day, with a sentence a reason can quote and the sources."""

    instrument: str
    state: str
    day: date
    standing: Standing
    words: str
    confidence: Confidence
    reservations: tuple[Reservation, ...] = ()


def standing_on(treaty: TreatyStatus, state: str, day: date) -> TreatyStanding:
    """Where ``state`` stood under ``treaty`` on ``day``, from the recorded rows only (never a guess)."""

    def result(
        standing: Standing, words: str, confidence: Confidence = "primary", row: StateStatus | None = None
    ) -> TreatyStanding:
        return TreatyStanding(
            treaty.id, state, day, standing, words, confidence, row.reservations if row is not None else ()
        )

    row = treaty.row(state)
    eif = treaty.entry_into_force
    if eif == "not_yet" and day <= treaty.as_of:
        return result("not_in_force", f"the {treaty.short_title} was not in force on {day} (as of {treaty.as_of})")
    if isinstance(eif, date) and day < eif:
        return result("not_in_force", f"the {treaty.short_title} entered into force only on {eif}")
    if row is not None:
        if isinstance(row.withdrawn, date) and row.withdrawn <= day:
            return result("not_party", f"withdrew from the {treaty.short_title} ({row.withdrawn})", row.confidence, row)
        if row.party_by is not None and row.party_by <= day and not isinstance(row.in_force, date):
            return result(
                "party",
                f"a party to the {treaty.short_title} (shown as one on {row.party_by}; the day it entered into force "
                "for it is not recorded)",
                row.confidence,
                row,
            )
        if isinstance(row.in_force, date) and row.in_force <= day:
            return result(
                "party",
                f"a party to the {treaty.short_title} (in force for it since {row.in_force})",
                row.confidence,
                row,
            )
        consent = row.consent
        if not isinstance(consent, str) and (not isinstance(consent.date, date) or consent.date <= day):
            when = f" ({consent.date})" if isinstance(consent.date, date) else ""
            how = f"by {consent.kind}" if consent.kind != "unspecified" else "(instrument not recorded)"
            if row.in_force == "unspecified" or eif in ("unspecified",):
                return result(
                    "unknown",
                    f"has consented to the {treaty.short_title} {how}{when}; whether it was in force "
                    f"for it on {day} is not recorded",
                    row.confidence,
                    row,
                )
            return result(
                "consented",
                f"has consented to the {treaty.short_title} {how}{when}, not yet in force for it on {day}",
                row.confidence,
                row,
            )
        later = f"; nothing after {treaty.as_of} is recorded" if day > treaty.as_of else ""
        if isinstance(row.signed, date) and row.signed <= day:
            return result(
                "signatory",
                f"a signatory of the {treaty.short_title} (signed {row.signed}), not bound to cooperate under "
                f"it{later}",
                row.confidence,
                row,
            )
        if row.signed == "unspecified" and day >= treaty.as_of:
            # The signature is recorded as of the file's date, so it happened by then; its day is not known.
            return result(
                "signatory",
                f"a signatory of the {treaty.short_title} (date of signature not recorded), not bound to cooperate "
                f"under it{later}",
                row.confidence,
                row,
            )
        if isinstance(row.signed, date) and row.signed > day:
            return result("not_party", f"had not signed the {treaty.short_title} by {day}", row.confidence, row)
        return result(
            "unknown", f"its status under the {treaty.short_title} on {day} is not recorded", row.confidence, row
        )
    records = sorted((n for n in treaty.non_parties if n.state == state), key=lambda n: n.as_of)
    outside = next((n for n in records if n.as_of >= day), None)
    if outside is not None:
        return result(
            "not_party", f"not a party to the {treaty.short_title} (as of {outside.as_of})", outside.confidence
        )
    if records:
        last = records[-1]
        return result(
            "unknown",
            f"had neither signed nor joined the {treaty.short_title} on {last.as_of}; nothing later is recorded",
            last.confidence,
        )
    if treaty.complete and day <= treaty.as_of:
        return result(
            "not_party", f"not among the signatories and parties of the {treaty.short_title} (as of {treaty.as_of})"
        )
    return result("unknown", f"its status under the {treaty.short_title} is not recorded", "unconfirmed")
