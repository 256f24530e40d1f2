"""A provision's history: dated events by legislatures, courts and international bodies.

Real provisions do not have one status. A court suspends a section and later upholds it; a supreme
court strikes one down (India's IT Act s.66A, *Shreya Singhal*, 2015) or reads it down to something
narrower without annulling it; a UN treaty body condemns it while it stays in force, which is exactly
what civil-society analyses cite. Each event names its authority and source, and :func:`state_on`
derives what applied on a given day, so a verdict "as of" a date sees each provision as it stood then
and can say why a provision is not in force instead of silently leaving it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import model_validator

from .fields import Confidence, DateOrUnspecified, Identifier, Model, ShortText, Text, Url

EventKind = Literal[
    "enacted",
    "in_force",
    "amended",
    "suspended",
    "reinstated",
    "read_down",
    "upheld",
    "struck_down",
    "repealed",
    "condemned",
]
COURT_EVENTS = frozenset({"suspended", "reinstated", "read_down", "upheld", "struck_down", "condemned"})
"""Events that a decision makes: each names the decision (case name or number)."""
ENDING_EVENTS = frozenset({"struck_down", "repealed"})

State = Literal[
    "in_force",
    "not_yet_in_force",
    "suspended",
    "struck_down",
    "repealed",
    "superseded",
    "unknown",
]
"""What applied on a day: in force (possibly read down), not yet in force, suspended by a court, struck
down, repealed, superseded by a later version of the same provision, or unknown (an end whose date is
not known)."""


class ProvisionEvent(Model):
    """One dated event in the life of a provision, with the authority behind it."""

    kind: EventKind
    """What happened: ``enacted``, ``in_force`` (entered into force), ``amended`` (the text changed, so this
    modelled version ends; ``replaced_by`` names the provision that models the new text), ``suspended`` and
    ``reinstated`` (by a court), ``read_down`` (a court narrowed what it covers without annulling it),
    ``upheld`` (a court found it valid), ``struck_down`` (annulled by a court), ``repealed`` (by the
    legislature), or ``condemned`` (an international body found it incompatible with human rights while it
    stays in force)."""
    date: DateOrUnspecified
    """The day the event took effect (YYYY-MM-DD), or ``unspecified``. An ending event on an unknown day
    makes the provision's status unknown from then on, never silently in force or gone."""
    authority: ShortText
    """Who acted: the legislature, a court or an international body, e.g. 'Supreme Court of India' or
    'UN Human Rights Committee'."""
    decision: ShortText | None = None
    """The decision or instrument: case name and number (required for court and treaty-body events),
    e.g. 'Shreya Singhal v Union of India, W.P.(Crl.) 167 of 2012'."""
    url: Url | None = None
    """Where the decision can be read."""
    sources: tuple[Identifier, ...] = ()
    """Ids of the law's sources that record the event."""
    confidence: Confidence
    """How sure the record of the event is (``primary`` if the decision itself was read)."""
    limbs: tuple[Identifier, ...] = ()
    """The limbs of the offence the event concerns; empty for the whole provision."""
    narrowed_to: Text | None = None
    """For ``read_down``: what the court narrowed the provision to, in our own words (required)."""
    adds_elements: tuple[ShortText, ...] = ()
    """For ``read_down``: elements the court's reading adds, which checkers then judge the provision with."""
    ulterior_intent: ShortText | None = None
    """For ``read_down``: a wrongful purpose the court's reading requires, one good-faith research lacks (e.g.
    'that the tool's purpose is to commit a computer offence'); see the offence's ``ulterior_intent``."""
    clarifies: tuple[ShortText, ...] = ()
    """Terms of the provision the decision construed authoritatively (``read_down`` or ``upheld``),
    quoted as the provision's ``terms`` record them."""
    principles: tuple[Identifier, ...] = ()
    """For ``condemned``: the human-rights principles the body found breached (ids of
    ``policies/principles.yaml``, e.g. 'freedom_of_expression')."""
    replaced_by: Identifier | None = None
    """For ``amended``: the id of the provision that models the amended text."""
    note: Text | None = None
    """Remarks, e.g. what the decision held, in our own words."""

    @model_validator(mode="after")
    def _complete(self) -> ProvisionEvent:
        if self.kind in COURT_EVENTS and self.decision is None:
            raise ValueError(f"a {self.kind!r} event needs the 'decision' (case name or number) that made it")
        if self.kind == "read_down" and self.narrowed_to is None:
            raise ValueError("a 'read_down' event needs 'narrowed_to': what the court narrowed the provision to")
        if self.narrowed_to is not None and self.kind != "read_down":
            raise ValueError("'narrowed_to' belongs to 'read_down' events only")
        if self.ulterior_intent is not None and self.kind != "read_down":
            raise ValueError("'ulterior_intent' belongs to 'read_down' events only")
        if self.adds_elements and self.kind != "read_down":
            raise ValueError("'adds_elements' belongs to 'read_down' events only")
        if self.clarifies and self.kind not in ("read_down", "upheld"):
            raise ValueError("'clarifies' belongs to 'read_down' and 'upheld' events only")
        if self.principles and self.kind != "condemned":
            raise ValueError("'principles' belongs to 'condemned' events only")
        if self.replaced_by is not None and self.kind != "amended":
            raise ValueError("'replaced_by' belongs to 'amended' events only")
        return self

    def describe(self) -> str:
        """The event in one clause, e.g. 'struck down by the Supreme Court of India in Shreya Singhal v
        Union of India (24 Mar 2015)'."""
        verb = {
            "enacted": "enacted by",
            "in_force": "brought into force by",
            "amended": "amended by",
            "suspended": "suspended by",
            "reinstated": "reinstated by",
            "read_down": "read down by",
            "upheld": "upheld by",
            "struck_down": "struck down by",
            "repealed": "repealed by",
            "condemned": "found incompatible with human rights by",
        }[self.kind]
        what = f" in {self.decision}" if self.decision else ""
        when = f" ({_day(self.date)})" if isinstance(self.date, date) else " (date not recorded)"
        if self.authority == "unspecified":
            # "amended by the unspecified" is not English; say what is missing instead.
            if self.decision:
                return f"{verb} {self.decision}{when}"
            return f"{verb.removesuffix(' by')} (by whom is not recorded){when}"
        return f"{verb} the {self.authority.removeprefix('the ')}{what}{when}"


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%b')} {d.year}"


@dataclass(frozen=True)
class Standing:
    """What applied of a provision on one day, and which events say so."""

    state: State
    applies: bool | None
    """True if in force, False if not, None if an end whose date is unknown may have passed."""
    event: ProvisionEvent | None = None
    """The event that ended, suspended or superseded the provision (or whose unknown date makes it unknown)."""
    read_downs: tuple[ProvisionEvent, ...] = ()
    """Narrowing decisions in effect that day."""
    clarified: tuple[ProvisionEvent, ...] = ()
    """Decisions (read-downs and upholdings) that construed terms of the provision by that day."""
    condemnations: tuple[ProvisionEvent, ...] = ()
    """International condemnations made by that day (the provision may still be in force)."""
    upheld: tuple[ProvisionEvent, ...] = ()
    """Rulings by that day that upheld the provision (or some of its limbs) against a challenge."""
    ended_limbs: dict[str, ProvisionEvent] = field(default_factory=dict)
    """Limbs struck down or repealed by that day."""


def _ends(e: ProvisionEvent) -> bool:
    """Whether the event ends (or suspends) the whole modelled provision."""
    if e.kind in ENDING_EVENTS:
        return not e.limbs
    return e.kind in ("suspended", "amended")


def start_date(events: Sequence[ProvisionEvent]) -> date | None:
    """When the provision as modelled began to apply: its entry into force, else its enactment."""
    for kind in ("in_force", "enacted"):
        dated = [e.date for e in events if e.kind == kind and isinstance(e.date, date)]
        if dated:
            return min(dated)
    return None


def state_on(events: Sequence[ProvisionEvent], day: date, default_start: date | str) -> Standing:
    """The provision's standing on ``day`` from its events (``default_start``: the law's entry into force)."""
    start = start_date(events)
    begin = start if start is not None else default_start
    if isinstance(begin, date) and day < begin:
        return Standing("not_yet_in_force", False)
    if not isinstance(begin, date) and any(e.kind == "in_force" and e.date == "unspecified" for e in events):
        return Standing("unknown", None)
    dated = sorted(
        (e for e in events if isinstance(e.date, date) and e.date <= day),
        key=lambda e: e.date if isinstance(e.date, date) else day,
    )
    suspended: ProvisionEvent | None = None
    read_downs: list[ProvisionEvent] = []
    clarified: list[ProvisionEvent] = []
    condemned: list[ProvisionEvent] = []
    upheld: list[ProvisionEvent] = []
    ended_limbs: dict[str, ProvisionEvent] = {}
    ended: ProvisionEvent | None = None
    for e in dated:
        if e.kind in ENDING_EVENTS and not e.limbs:
            ended = e
        elif e.kind == "amended":
            return Standing("superseded", False, e, condemnations=tuple(condemned))
        elif e.kind in ENDING_EVENTS:
            ended_limbs.update(dict.fromkeys(e.limbs, e))
        elif e.kind == "suspended":
            suspended = e
        elif e.kind in ("reinstated", "upheld"):
            # A higher court that upholds what a lower court struck down, or a legislature that reinstates,
            # brings the provision (or the limbs it names) back; a repeal is undone only by reinstatement.
            suspended = None
            if e.kind == "upheld":
                upheld.append(e)
            for limb in e.limbs:
                ended_limbs.pop(limb, None)
            if not e.limbs and ended is not None and (ended.kind == "struck_down" or e.kind == "reinstated"):
                ended = None
            if e.clarifies:
                clarified.append(e)
        elif e.kind == "read_down":
            read_downs.append(e)
            clarified.append(e)
        elif e.kind == "condemned":
            condemned.append(e)
    if ended is not None:
        state: State = "struck_down" if ended.kind == "struck_down" else "repealed"
        return Standing(state, False, ended, condemnations=tuple(condemned))
    common = {
        "read_downs": tuple(read_downs),
        "clarified": tuple(clarified),
        "condemnations": tuple(condemned),
        "upheld": tuple(upheld),
        "ended_limbs": ended_limbs,
    }
    if suspended is not None:
        return Standing("suspended", False, suspended, **common)  # type: ignore[arg-type]
    unknown_end = next(
        (e for e in events if e.date == "unspecified" and _ends(e)),
        None,
    )
    if unknown_end is not None:
        return Standing("unknown", None, unknown_end, **common)  # type: ignore[arg-type]
    return Standing("in_force", True, **common)  # type: ignore[arg-type]
