"""The cells of the compiled decision tables (:mod:`.compiled`) and the inputs as the tables see them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from ...model.wording import words_and
from ..request import MEASURES, TRANSFER_MEASURES, Measure
from .decision import OUTCOMES, STRICTNESS, Ground
from .dual_criminality import _dual_criminality_required
from .facts import Jurisdiction, OffenceFacts
from .measures import MEASURE_POWERS
from .refusal import request_kinds

TABLE_LIMIT = 65536
"""Keys per table; past it a table starts afresh (outputs never depend on what is cached)."""

DAY = "\ue000"
"""Stands for the request's date in a legal-basis cell (a private-use character, which JSON keeps as it is; a
text that already holds one is not templated)."""
DAY_BYTES = DAY.encode()

BIT = {m: i for i, m in enumerate(MEASURES)}
MUST = 1 << STRICTNESS["must_refuse"]
WITH_CONDITIONS = 1 << STRICTNESS["assist_with_conditions"]
PRESERVE_OR_EXTRADITE = (1 << BIT["preservation"]) | (1 << BIT["extradition"])
WIDTH = len(OUTCOMES)
SCOPED = WIDTH * len(MEASURES)
WHOLE = SCOPED + WIDTH


class Cell:
    """What one ground function returned for one key, ready to combine.

    ``whole``, ``scoped``: bit ``1 << rank`` per effect of the grounds about the whole request and of those
    about some measures; ``per_measure``: the same per measure, ``WIDTH`` bits per measure in
    :data:`MEASURES` order. ``comma_fragment`` (the grounds' JSON after a comma), ``missing``, ``conditions``:
    JSON, encoded as UTF-8 once (a line is assembled and written as bytes: joining text that mixes Arabic
    and ASCII, then encoding it, would cost more than the rest of triage). ``dated``: the texts hold
    :data:`DAY` where the request's date goes.
    """

    __slots__ = (
        "comma_fragment",
        "conditions",
        "dated",
        "missing",
        "notes",
        "per_measure",
        "scoped",
        "signature",
        "tally",
        "whole",
    )

    def __init__(self, grounds: tuple[tuple[Ground, str], ...], dated: bool = False) -> None:
        self.comma_fragment = ("," + ",".join(j for _, j in grounds)).encode()
        self.whole = self.scoped = self.per_measure = 0
        for g, _ in grounds:
            bit = 1 << STRICTNESS[g.effect]
            if not g.measures:
                self.whole |= bit
            else:
                self.scoped |= bit
                for m in g.measures:
                    self.per_measure |= bit << (WIDTH * BIT[m])
        self.missing = tuple(json_text(m) for g, _ in grounds for m in g.missing)
        self.conditions = tuple(json_text(c) for g, _ in grounds for c in g.conditions)
        self.tally = tuple((g.ground, g.effect) for g, _ in grounds)
        self.dated = dated
        self.signature = self.per_measure | (self.scoped << SCOPED) | (self.whole << WHOLE)
        self.notes = bool(self.missing or self.conditions)

    def on(self, day: bytes) -> Cell:
        """This dated cell with the request's date filled in."""
        cell = Cell.__new__(Cell)
        cell.comma_fragment = self.comma_fragment.replace(DAY_BYTES, day)
        cell.missing = tuple(m.replace(DAY_BYTES, day) for m in self.missing) if self.missing else ()
        cell.conditions = tuple(c.replace(DAY_BYTES, day) for c in self.conditions) if self.conditions else ()
        cell.whole, cell.scoped, cell.per_measure = self.whole, self.scoped, self.per_measure
        cell.tally, cell.dated, cell.signature, cell.notes = self.tally, False, self.signature, self.notes
        return cell


class TableOffence:
    """An offence as the tables see it: ``cls`` is shared by offences whose grounds cannot differ (a
    described offence of any requesting state with the same description)."""

    __slots__ = (
        "category",
        "cite_grounds",
        "cite_json",
        "cls",
        "confidence",
        "dates",
        "death",
        "expression_cites",
        "facts",
        "law",
    )

    def __init__(self, facts: OffenceFacts, cls: int, law: Any) -> None:
        self.facts = facts
        self.cls = cls
        self.category = facts.category
        self.confidence = facts.confidence
        self.cite_json = facts.cite_json.encode()
        self.cite_grounds = self.cite_json + b',"grounds":['  # the offence's JSON and what follows it in a line
        self.death = facts.death_penalty is not False
        self.expression_cites = any(
            (d.status == "non_compliant" and d.rule.startswith("restrict")) or d.rule == "restriction-needs-review"
            for d in facts.expression
        )
        self.law = law
        self.dates = breakpoints(dates_in((facts.offence, law.in_force_from if law is not None else None)))


class TableMeasures:
    """The requested measures, as the grounds read them."""

    __slots__ = ("data", "extradition", "limits", "mask", "ordered", "preservation", "transfers")

    def __init__(self, requested: tuple[Measure, ...]) -> None:
        self.ordered = tuple(m for m in MEASURES if m in requested)
        self.mask = sum(1 << BIT[m] for m in self.ordered)
        self.extradition = "extradition" in self.ordered
        self.data = not self.extradition or len(self.ordered) > 1
        self.transfers = bool(TRANSFER_MEASURES.intersection(self.ordered))
        self.preservation = "preservation" in self.ordered
        self.limits = tuple(m for m in self.ordered if m in MEASURE_POWERS)


class TableView:
    """The tables of one jurisdiction view (the requested state's law in one period)."""

    __slots__ = ("death", "dual", "dual_yes", "expression", "jur", "need_mask", "persecution", "political", "state")

    def __init__(self, jur: Jurisdiction, names: dict[str, int]) -> None:
        self.jur = jur
        self.dual_yes: dict[str, bool] = {}
        self.need_mask = sum(1 << BIT[m] for m in MEASURES if _dual_criminality_required(jur, m) != "not_required")
        self.dual: dict[tuple[Any, ...], Cell] = {}
        self.state = jur.state
        # What the refusal grounds read of the view, interned, so that views citing the same provisions share
        # cells (a view citing none shows only its name, and only in some reasons).
        self.political = tuple(intern(names, refusal_key(jur, ext, "political_offence")) for ext in (False, True))
        self.persecution = tuple(
            intern(names, refusal_key(jur, ext, "persecution_discrimination")) for ext in (False, True)
        )
        self.death = tuple(intern(names, refusal_key(jur, ext, "death_penalty")) for ext in (False, True))
        self.expression = tuple(intern(names, refusal_key(jur, ext, "human_rights")) for ext in (False, True))


def json_text(text: str) -> bytes:
    return json.dumps(text, ensure_ascii=False).encode()


def store(table: dict[Any, Any], key: Any, value: Any) -> None:
    if len(table) >= TABLE_LIMIT:
        table.clear()
    table[key] = value


def intern(table: dict[str, int], key: str) -> int:
    """A small number for ``key``; 0 only for the empty key (no provision cited)."""
    if not key:
        return 0
    return table.setdefault(key, len(table) + 1)


def refusal_key(jur: Jurisdiction, ext: bool, ground: str) -> str:
    """What a refusal ground reads of the view: the provisions that set ``ground``, whether one is mandatory, and
    the state's name (in the reason once it cites them)."""
    cites, mandatory = jur.refusal(request_kinds(ext), ground)
    if not cites:
        return ""
    return json.dumps([[c.model_dump(mode="json") for c in cites], mandatory, jur.owner])


def dates_in(value: Any) -> set[date]:
    """Every date in a model, tuple or list (the points where a comparison with the request's date can flip)."""
    found: set[date] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, date):
            found.add(item)
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif hasattr(item, "__pydantic_fields__"):
            stack.extend(getattr(item, name) for name in type(item).model_fields)
    return found


def breakpoints(days: Iterable[date]) -> list[date]:
    """Each day and the day after: ``day < x``, ``day <= x`` and their converses are all constant between them."""
    return sorted({d + timedelta(days=k) for d in days for k in (0, 1) if d < date.max})


Decoded = tuple[str, bytes, bytes, bytes | None]
"""The outcome, its JSON up to the measures, the measures' JSON up to the offence, and the partial-execution
condition (JSON), or ``None``."""


def decode(signature: int, ms: TableMeasures) -> Decoded:
    """What the cells' effect masks add up to, as :func:`~.decision.decide` combines grounds."""
    mask = (1 << WIDTH) - 1
    whole, scoped, per = signature >> WHOLE, (signature >> SCOPED) & mask, signature & ((1 << SCOPED) - 1)
    pairs = []
    blocked = []
    for m in ms.ordered:
        bits = whole | ((per >> (WIDTH * BIT[m])) & mask)
        pairs.append((m, OUTCOMES[bits.bit_length() - 1] if bits else "assist"))
        if (per >> (WIDTH * BIT[m])) & MUST:
            blocked.append(m)
    partial = bool(blocked) and len(blocked) < len(ms.ordered)
    effects = whole | (scoped & ~MUST if partial else scoped) | (WITH_CONDITIONS if partial else 0)
    outcome = OUTCOMES[effects.bit_length() - 1] if effects else "assist"
    extra = json_text(f"Only part of the request can be carried out: not {words_and(blocked)}.") if partial else None
    measures = json.dumps([{"measure": m, "outcome": o} for m, o in pairs], separators=(",", ":"))
    return outcome, f'{outcome}","measures":'.encode(), f'{measures},"offence":'.encode(), extra
