"""Triage grounds compiled into decision tables: a request costs about ten dict lookups and a string join.

Each ground's result depends on a few discrete inputs: the offence's facts, the requested state's law (one
*view* per state and period), and the request's categorical facts. The tables map exactly those inputs to a
:class:`Cell`: the ground's JSON rendered once (as UTF-8 bytes), its effects as bit masks, and its missing
facts and conditions as JSON. A cell is computed by the ground functions themselves the first time its key
is seen, so the legal analysis exists once; the keys leave out every input a ground does not read, so a
million random requests fill a few tens of thousands of cells. The result is byte-identical to
:meth:`Triager.triage_json` (the reference), which a differential test checks on generated requests.

Two inputs are continuous, the request's date and the treaty status on it: the legal-basis cell is keyed
by the interval between the dates at which a state's treaty standing can change (so the date enters only
as text, filled in per request), and the offence-in-force cell by the interval between its own dates.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..._version import __version__
from ...model.wording import words_and
from ..request import MEASURES, TRANSFER_MEASURES, AssistanceRequest, Measure, OffenceReference
from .basis import TREATIES, legal_basis_ground, scope_ground
from .decision import DISCLAIMER, OUTCOMES, SCHEMA_ID, STRICTNESS, Ground
from .dual_criminality import _dual_criminality_required, dual_criminality_ground, dual_criminality_status
from .facts import Jurisdiction, OffenceFacts
from .measures import MEASURE_POWERS, measure_limits_ground, personal_data_ground
from .protection import death_penalty_ground, protected_person_ground
from .refusal import persecution_ground, political_offence_ground, protected_expression_ground, request_kinds

if TYPE_CHECKING:
    from .triager import Triager

TABLE_LIMIT = 65536
"""Keys per table; past it a table starts afresh (outputs never depend on what is cached)."""

DAY = "\ue000"
"""Stands for the request's date in a legal-basis cell (a private-use character, which JSON keeps as it is; a
text that already holds one is not templated)."""
_DAY = DAY.encode()

_BIT = {m: i for i, m in enumerate(MEASURES)}
_MUST = 1 << STRICTNESS["must_refuse"]
_WITH_CONDITIONS = 1 << STRICTNESS["assist_with_conditions"]
_PRESERVE_OR_EXTRADITE = (1 << _BIT["preservation"]) | (1 << _BIT["extradition"])
_WIDTH = len(OUTCOMES)
_SCOPED = _WIDTH * len(MEASURES)
_WHOLE = _SCOPED + _WIDTH


class Cell:
    """What one ground function returned for one key, ready to combine.

    ``whole``, ``scoped``: bit ``1 << rank`` per effect of the grounds about the whole request and of those
    about some measures; ``per_measure``: the same per measure, ``_WIDTH`` bits per measure in
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
                    self.per_measure |= bit << (_WIDTH * _BIT[m])
        self.missing = tuple(_json(m) for g, _ in grounds for m in g.missing)
        self.conditions = tuple(_json(c) for g, _ in grounds for c in g.conditions)
        self.tally = tuple((g.ground, g.effect) for g, _ in grounds)
        self.dated = dated
        self.signature = self.per_measure | (self.scoped << _SCOPED) | (self.whole << _WHOLE)
        self.notes = bool(self.missing or self.conditions)

    def on(self, day: bytes) -> Cell:
        """This dated cell with the request's date filled in."""
        cell = Cell.__new__(Cell)
        cell.comma_fragment = self.comma_fragment.replace(_DAY, day)
        cell.missing = tuple(m.replace(_DAY, day) for m in self.missing) if self.missing else ()
        cell.conditions = tuple(c.replace(_DAY, day) for c in self.conditions) if self.conditions else ()
        cell.whole, cell.scoped, cell.per_measure = self.whole, self.scoped, self.per_measure
        cell.tally, cell.dated, cell.signature, cell.notes = self.tally, False, self.signature, self.notes
        return cell


class _Offence:
    """An offence as the tables see it: ``cls`` is shared by offences whose grounds cannot differ (a
    described offence of any requesting state with the same description)."""

    __slots__ = ("category", "cite_json", "cls", "confidence", "dates", "death", "expression_cites", "facts", "law")

    def __init__(self, facts: OffenceFacts, cls: int, law: Any) -> None:
        self.facts = facts
        self.cls = cls
        self.category = facts.category
        self.confidence = facts.confidence
        self.cite_json = facts.cite_json.encode()
        self.death = facts.death_penalty is not False
        self.expression_cites = any(
            (d.status == "non_compliant" and d.rule.startswith("restrict")) or d.rule == "restriction-needs-review"
            for d in facts.expression
        )
        self.law = law
        self.dates = _breakpoints(_dates((facts.offence, law.in_force_from if law is not None else None)))


class _Measures:
    """The requested measures, as the grounds read them."""

    __slots__ = ("data", "extradition", "limits", "mask", "ordered", "preservation", "transfers")

    def __init__(self, requested: tuple[Measure, ...]) -> None:
        self.ordered = tuple(m for m in MEASURES if m in requested)
        self.mask = sum(1 << _BIT[m] for m in self.ordered)
        self.extradition = "extradition" in self.ordered
        self.data = not self.extradition or len(self.ordered) > 1
        self.transfers = bool(TRANSFER_MEASURES.intersection(self.ordered))
        self.preservation = "preservation" in self.ordered
        self.limits = tuple(m for m in self.ordered if m in MEASURE_POWERS)


class _View:
    """The tables of one jurisdiction view (the requested state's law in one period)."""

    __slots__ = ("death", "dual", "dual_yes", "expression", "jur", "need_mask", "persecution", "political", "state")

    def __init__(self, jur: Jurisdiction, intern: dict[str, int]) -> None:
        self.jur = jur
        self.dual_yes: dict[str, bool] = {}
        self.need_mask = sum(1 << _BIT[m] for m in MEASURES if _dual_criminality_required(jur, m) != "not_required")
        self.dual: dict[tuple[Any, ...], Cell] = {}
        self.state = jur.state
        # What the refusal grounds read of the view, interned, so that views citing the same provisions share
        # cells (a view citing none shows only its name, and only in some reasons).
        self.political = tuple(_intern(intern, _refusal_key(jur, ext, "political_offence")) for ext in (False, True))
        self.persecution = tuple(
            _intern(intern, _refusal_key(jur, ext, "persecution_discrimination")) for ext in (False, True)
        )
        self.death = tuple(_intern(intern, _refusal_key(jur, ext, "death_penalty")) for ext in (False, True))
        self.expression = tuple(_intern(intern, _refusal_key(jur, ext, "human_rights")) for ext in (False, True))


class CompiledTriager:
    """The JSON Lines path of a :class:`Triager`: the same decisions, from tables filled on first use."""

    def __init__(self, triager: Triager) -> None:
        self.triager = triager
        self.ctx = triager.context
        self.default_day = triager.default_day
        self.convention = triager.convention
        self._cells: dict[bytes, Cell] = {}
        self._offences: dict[tuple[Any, ...], _Offence] = {}
        self._classes: dict[tuple[Any, ...], int] = {}
        self._views: dict[tuple[str, date], _View] = {}
        self._view_by_period: dict[tuple[str, int], _View] = {}
        self._measures: dict[tuple[Measure, ...], _Measures] = {}
        self._intern: dict[str, int] = {}
        self._treaties = {b: t for b, t in TREATIES.items() if t in self.ctx.catalogue.treaties}
        """Legal bases judged by a treaty status file that is on record."""
        self._standing: dict[tuple[str, str], tuple[list[date], frozenset[str]]] = {}
        self._basis: dict[tuple[Any, ...], Cell | None] = {}
        self._basis_exact: dict[tuple[Any, ...], Cell] = {}
        self._scope: dict[tuple[Any, ...], Cell] = {}
        self._in_force: dict[tuple[Any, ...], Cell | None] = {}
        self._political: dict[tuple[Any, ...], Cell] = {}
        self._persecution: dict[tuple[Any, ...], Cell] = {}
        self._expression: dict[tuple[Any, ...], Cell] = {}
        self._person: dict[tuple[Any, ...], Cell] = {}
        self._death: dict[tuple[Any, ...], Cell] = {}
        self._limits: dict[tuple[Any, ...], Cell | None] = {}
        self._data: dict[tuple[Any, ...], Cell] = {}
        self._decoded: dict[tuple[int, int], tuple[str, bytes, bytes, bytes | None]] = {}
        self._prefix = (
            f'{{"schema":"{SCHEMA_ID}","disclaimer":{json.dumps(DISCLAIMER, ensure_ascii=False)},"request":'.encode()
        )
        self._convention = f'","convention":"{self.convention}","outcome":"'.encode()
        self._tail = f'],"library_version":{json.dumps(__version__)}}}'.encode()

    # --- the hot path ------------------------------------------------------------------------

    def line(self, request: AssistanceRequest) -> tuple[bytes, str, list[Cell]]:
        """The decision's JSON line, its outcome, and the cells whose grounds it holds (for the tally)."""
        out: list[bytes] = []
        outcome, cells = self.line_into(request, out)
        return b"".join(out), outcome, cells

    def line_into(self, request: AssistanceRequest, out: list[bytes]) -> tuple[str, list[Cell]]:
        """:meth:`line`, its pieces appended to ``out``: a chunk of lines is joined once, not line by line."""
        cells, off, ms, iso = self.cells(request)
        basis = cells[0]
        signature = 0
        missing: list[bytes] = []
        conditions: list[bytes] = []
        for c in cells:
            signature |= c.signature
            if c.notes:
                missing += c.missing
                conditions += c.conditions
        dkey = (signature, ms.mask)
        decoded = self._decoded.get(dkey) or self._decode(dkey, ms)
        outcome, outcome_json, measures_json, extra = decoded
        grounds = [c.comma_fragment for c in cells]
        if not basis.dated:
            grounds[0] = basis.comma_fragment[1:]
        else:  # the request's date goes where the legal-basis cell holds DAY (its notes come first)
            grounds[0] = basis.comma_fragment[1:].replace(_DAY, iso)
            if basis.notes:
                n, k = len(basis.missing), len(basis.conditions)
                missing[:n] = [m.replace(_DAY, iso) for m in missing[:n]]
                conditions[:k] = [c.replace(_DAY, iso) for c in conditions[:k]]
        if extra is not None:
            conditions.append(extra)
        if len(missing) > 1:
            missing = list(dict.fromkeys(missing))
        if len(conditions) > 1:
            conditions = list(dict.fromkeys(conditions))
        out += (
            self._prefix,
            f'"{request.id}","requesting_state":"{request.requesting_state}",'
            f'"requested_state":"{request.requested_state}","as_of":"'.encode(),
            iso,
            self._convention,
            outcome_json,
            measures_json,
            off.cite_json,
            b',"grounds":[',
        )
        out += grounds
        out += (b'],"missing":[', b",".join(missing), b'],"conditions":[', b",".join(conditions), self._tail)
        return outcome, cells

    def cells(self, request: AssistanceRequest) -> tuple[list[Cell], _Offence, _Measures, bytes]:
        """The table lookups: the cells of ``request``'s grounds in the decision's order (the legal basis
        first), the offence and measures as the tables see them, and the date as the line writes it."""
        rs, rd = request.requesting_state, request.requested_state
        day = request.date if request.date.__class__ is date else self.default_day
        assert isinstance(day, date)
        o = request.offence
        okey: tuple[Any, ...] = (
            (o.law, o.offence, o.limb, rs)
            if o.__class__ is OffenceReference
            else (o.category, str(o.max_penalty), o.death_penalty, o.citation, rs)  # type: ignore[union-attr]
        )
        off = self._offences.get(okey) or self._offence(okey, request)
        view = self._views.get((rd, day)) or self._view(rd, day)
        ms = self._measures.get(request.measures) or self._measure_info(request.measures)
        ext = ms.extradition
        t = request.target
        a = request.assurances
        iso = day.isoformat().encode()

        basis = self._legal_basis(request, off, day, ext)
        cells = [basis]
        key: tuple[Any, ...] = (off.cls, request.legal_basis in ("un_convention", "unspecified"), ext)
        cells.append(self._scope.get(key) or self._fill(self._scope, key, self._scope_cell, off, request, ext))
        if off.law is not None:
            key = (off.cls, bisect_right(off.dates, day) if off.dates else 0, ext)
            found = self._in_force.get(key, _UNSEEN)
            if found is _UNSEEN:
                found = self._in_force_cell(key, off, day, ext)
            if found is not None:
                cells.append(found)
        cells.append(self._dual(view, off, ms))
        po, idf = t.political_opponent, t.identified
        reasons = po is True or off.category in _POLITICAL
        key = (
            view.political[ext] or (view.state if reasons else ""),
            off.category,
            off.confidence if reasons else None,
            po,
            idf is False if po == "unspecified" else None,
            ext,
        )
        cells.append(self._political.get(key) or self._political_cell(key, view, off, po, idf, ext))
        facts = (po, t.religious_minority, t.lgbtq)
        documented = off.facts.documented
        key = (
            view.persecution[ext] or (view.state if True in facts else ""),
            documented,
            off.confidence if documented else None,
            facts,
            idf is False,
            ext,
        )
        cells.append(self._persecution.get(key) or self._persecution_cell(key, view, off, facts, idf, ext))
        key = (off.cls, view.expression[ext] if off.expression_cites else None, ext)
        cells.append(
            self._expression.get(key) or self._fill(self._expression, key, self._expression_cell, off, view, ext)
        )
        pf = (t.journalist, t.human_rights_defender, t.refugee_or_asylum_seeker)
        key = (pf, idf is False, ext, ms.data)
        cells.append(self._person.get(key) or self._person_cell(key, pf, idf, ext, ms.data))
        ndp = a.no_death_penalty
        key = (off.cls, view.death[ext], ext, ndp if off.death else None)
        cells.append(self._death.get(key) or self._fill(self._death, key, self._death_cell, off, view, ndp, ext))
        for m in ms.limits:
            cells.append(self._limit(view, off, m))
        spec = a.speciality
        key = (view, True, request.data_categories, spec) if ms.transfers else (view, False, ms.preservation)
        cells.append(self._data.get(key) or self._data_cell(key, view, ms, request.categories, spec))

        return cells, off, ms, iso

    def _legal_basis(self, request: AssistanceRequest, off: _Offence, day: date, ext: bool) -> Cell:
        """The legal-basis cell; a dated one holds :data:`DAY` where the request's date goes."""
        basis = request.legal_basis
        tid = self._treaties.get(basis)
        if tid is None:
            key: tuple[Any, ...] = (basis, request.treaty, ext)
            cell = self._basis.get(key)
            if cell is None:
                cell = self._fill(self._basis, key, self._basis_cell, request, off, day, ext)
            return cell
        rs, rd = request.requesting_state, request.requested_state
        a_dates, _ = self._standing.get((tid, rs)) or self._standing_dates(tid, rs)
        b_dates, narrowed = self._standing.get((tid, rd)) or self._standing_dates(tid, rd)
        category = off.category
        key = (
            basis,
            rs,
            rd,
            bisect_right(a_dates, day),
            bisect_right(b_dates, day),
            category if category in narrowed else None,
        )
        cell = self._basis.get(key, _UNSEEN)
        if cell is _UNSEEN:
            cell = self._treaty_cell(key, request, off, day, a_dates, b_dates)
        if cell is None:  # the date also appears as a constant in the text: keyed by the date itself
            exact = (*key, day)
            found = self._basis_exact.get(exact)
            if found is None:
                found = self._fill(self._basis_exact, exact, self._basis_cell, request, off, day, ext)
            return found
        assert isinstance(cell, Cell)
        return cell

    def _dual(self, view: _View, off: _Offence, ms: _Measures) -> Cell:
        cat = off.category
        yes = view.dual_yes.get(cat)
        if yes is None:
            yes = view.dual_yes[cat] = dual_criminality_status(cat, view.jur)[0] == "yes"
        if yes:
            key: tuple[Any, ...] = (cat, off.confidence, ms.mask & _PRESERVE_OR_EXTRADITE)
        else:
            needing = ms.mask & view.need_mask
            key = (cat, None, ms.mask & _PRESERVE_OR_EXTRADITE, needing, needing == ms.mask)
        found = view.dual.get(key)
        if found is None:
            found = self._fill(view.dual, key, self._dual_cell, view, off, ms, yes)
        return found

    def _limit(self, view: _View, off: _Offence, m: Measure) -> Cell:
        # Whether the requested state's power reaches the offence depends on its category; only the refusal
        # (the power cannot reach it) names the offence, so only then is the offence part of the key.
        key: tuple[Any, ...] = (view, off.category, m)
        found = self._limits.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._limits_cell(key, view, off, m)
        if found is None:
            key = (view, off.cls, m)
            found = self._limits.get(key)
            if found is None:
                found = self._fill(self._limits, key, self._limits_named, view, off, m)
        assert isinstance(found, Cell)
        return found

    # --- filling the tables ------------------------------------------------------------------

    def _fill(self, table: dict[Any, Any], key: Any, compute: Any, *args: Any) -> Cell:
        cell: Cell = compute(*args)
        _store(table, key, cell)
        return cell

    def _cell(self, result: Ground | tuple[Ground, ...], dated: bool = False) -> Cell:
        grounds = result if isinstance(result, tuple) else (result,)
        cell = Cell(tuple((g, g.model_dump_json(by_alias=True)) for g in grounds), dated)
        return self._intern_cell(cell)

    def _intern_cell(self, cell: Cell) -> Cell:
        """One cell per distinct JSON: many keys share an output (a ground that does not read some input)."""
        found = self._cells.get(cell.comma_fragment)
        if found is None:
            _store(self._cells, cell.comma_fragment, cell)
            found = cell
        return found

    def _offence(self, okey: tuple[Any, ...], request: AssistanceRequest) -> _Offence:
        facts = self.triager.offence_facts(request.offence, request.requesting_state)
        if facts.key[0] == "law":
            ckey: tuple[Any, ...] = facts.key
            law = self.triager.by_id[facts.key[1]]
        else:  # the requesting state shows only in the citation; the grounds read the description
            found = tuple((d.status, d.rule, d.reason, d.limb) for d in facts.expression)
            ckey, law = (*facts.key[:1], *facts.key[2:], found), None
        cls = self._classes.setdefault(ckey, len(self._classes))
        off = _Offence(facts, cls, law)
        _store(self._offences, okey, off)
        return off

    def _view(self, state: str, day: date) -> _View:
        jur = self.triager.jurisdiction(state, day)
        view = self._view_by_period.get((state, jur.period))
        if view is None:
            view = self._view_by_period[(state, jur.period)] = _View(jur, self._intern)
        _store(self._views, (state, day), view)
        return view

    def _measure_info(self, requested: tuple[Measure, ...]) -> _Measures:
        info = _Measures(requested)
        _store(self._measures, requested, info)
        return info

    def _standing_dates(self, tid: str, state: str) -> tuple[list[date], frozenset[str]]:
        """The days on which ``state``'s standing under treaty ``tid`` can change, and the categories its
        reservations narrow (standing_on compares the day with dates of the treaty and of the state's rows)."""
        status = self.ctx.catalogue.treaties[tid]
        rows = [r for r in status.states if r.state == state] + [r for r in status.non_parties if r.state == state]
        top = {v for v in (status.entry_into_force, status.as_of, status.adopted) if isinstance(v, date)}
        narrowed = frozenset(
            c
            for r in status.states
            if r.state == state
            for res in r.reservations
            if "dual_criminality" in res.affects or "scope" in res.affects
            for c in res.categories
        )
        found = (_breakpoints(top | _dates(rows)), narrowed)
        self._standing[(tid, state)] = found
        return found

    def _basis_cell(self, request: AssistanceRequest, off: _Offence, day: date, ext: bool) -> Cell:
        args = (request.legal_basis, request.treaty, ext, request.requesting_state, request.requested_state)
        return self._cell(legal_basis_ground(self.ctx, *args, day, off.category))

    def _treaty_cell(
        self, key: Any, request: AssistanceRequest, off: _Offence, day: date, a_dates: list[date], b_dates: list[date]
    ) -> Cell | None:
        """The legal-basis cell for treaty standings, the date left as :data:`DAY`, or ``None`` when the date
        cannot be told apart from the text (another day of the same interval renders differently)."""
        rs, rd, basis = request.requesting_state, request.requested_state, request.legal_basis

        def render(d: date) -> tuple[Ground, str]:
            g = legal_basis_ground(self.ctx, basis, request.treaty, False, rs, rd, d, off.category)
            return g, g.model_dump_json(by_alias=True)

        ground, text = render(day)
        if DAY in text:
            _store(self._basis, key, None)
            return None
        iso = day.isoformat()
        other = next(
            (
                d
                for d in (day + timedelta(days=1), day - timedelta(days=1))
                if bisect_right(a_dates, d) == key[3] and bisect_right(b_dates, d) == key[4]
            ),
            None,
        )
        template = ground.model_copy(
            update={
                "reason": ground.reason.replace(iso, DAY),
                "missing": tuple(m.replace(iso, DAY) for m in ground.missing),
                "conditions": tuple(c.replace(iso, DAY) for c in ground.conditions),
            }
        )
        cell: Cell | None = Cell(((template, text.replace(iso, DAY)),), dated=True)
        assert cell is not None
        checks = [(iso.encode(), Cell(((ground, text),)))]
        if other is not None:
            checks.append((other.isoformat().encode(), Cell((render(other),))))
        if any(_texts(cell.on(d)) != _texts(real) for d, real in checks):
            cell = None
        _store(self._basis, key, cell)
        return cell

    def _scope_cell(self, off: _Offence, request: AssistanceRequest, ext: bool) -> Cell:
        return self._cell(scope_ground(self.ctx, off.facts, request.legal_basis, ext))

    def _in_force_cell(self, key: Any, off: _Offence, day: date, ext: bool) -> Cell | None:
        found = self.triager._in_force(off.facts, day, ext)
        cell = self._intern_cell(Cell(found)) if found else None
        _store(self._in_force, key, cell)
        return cell

    def _dual_cell(self, view: _View, off: _Offence, ms: _Measures, yes: bool) -> Cell:
        if yes:
            cited = tuple(m for m in ms.ordered if m in ("preservation", "extradition"))
            return self._cell(dual_criminality_ground(self.ctx, off.category, off.confidence, view.jur, cited))
        return self._cell(dual_criminality_ground(self.ctx, off.category, "primary", view.jur, ms.ordered))

    def _political_cell(self, key: Any, view: _View, off: _Offence, po: bool | str, idf: bool | str, ext: bool) -> Cell:
        ground = political_offence_ground(self.ctx, off.category, off.confidence, view.jur, po, idf, ext)
        return self._fill(self._political, key, self._cell, ground)

    def _persecution_cell(
        self, key: Any, view: _View, off: _Offence, facts: tuple[bool | str, ...], idf: bool | str, ext: bool
    ) -> Cell:
        documented = off.facts.documented
        named = tuple(zip(("political_opponent", "religious_minority", "lgbtq"), facts, strict=True))
        conf = off.confidence if documented else "primary"
        ground = persecution_ground(self.ctx, documented, conf, view.jur, named, idf, ext)
        return self._fill(self._persecution, key, self._cell, ground)

    def _expression_cell(self, off: _Offence, view: _View, ext: bool) -> Cell:
        return self._cell(protected_expression_ground(self.ctx, off.facts, view.jur, ext))

    def _person_cell(self, key: Any, pf: tuple[bool | str, ...], idf: bool | str, ext: bool, data: bool) -> Cell:
        named = tuple(zip(("journalist", "human_rights_defender", "refugee_or_asylum_seeker"), pf, strict=True))
        return self._fill(self._person, key, self._cell, protected_person_ground(self.ctx, named, idf, ext, data))

    def _death_cell(self, off: _Offence, view: _View, ndp: bool | str, ext: bool) -> Cell:
        return self._cell(death_penalty_ground(self.ctx, off.facts, view.jur, ndp, ext))

    def _limits_cell(self, key: Any, view: _View, off: _Offence, m: Measure) -> Cell | None:
        ground = measure_limits_ground(self.ctx, off.facts, view.jur, m)
        cell = None if ground.effect == "must_refuse" else self._cell(ground)
        _store(self._limits, key, cell)
        return cell

    def _limits_named(self, view: _View, off: _Offence, m: Measure) -> Cell:
        return self._cell(measure_limits_ground(self.ctx, off.facts, view.jur, m))

    def _data_cell(self, key: Any, view: _View, ms: _Measures, cats: tuple[str, ...] | None, spec: bool | str) -> Cell:
        ground = personal_data_ground(self.ctx, view.jur, ms.transfers, ms.preservation, cats, spec)
        return self._fill(self._data, key, self._cell, ground)

    def _decode(self, key: tuple[int, int], ms: _Measures) -> tuple[str, bytes, bytes, bytes | None]:
        """The outcome, the measures' JSON and the partial-execution condition, from the cells' effect masks
        (as :func:`decide` combines grounds)."""
        mask = (1 << _WIDTH) - 1
        whole, scoped, per = key[0] >> _WHOLE, (key[0] >> _SCOPED) & mask, key[0] & ((1 << _SCOPED) - 1)
        pairs = []
        blocked = []
        for m in ms.ordered:
            bits = whole | ((per >> (_WIDTH * _BIT[m])) & mask)
            pairs.append((m, OUTCOMES[bits.bit_length() - 1] if bits else "assist"))
            if (per >> (_WIDTH * _BIT[m])) & _MUST:
                blocked.append(m)
        partial = bool(blocked) and len(blocked) < len(ms.ordered)
        effects = whole | (scoped & ~_MUST if partial else scoped) | (_WITH_CONDITIONS if partial else 0)
        outcome = OUTCOMES[effects.bit_length() - 1] if effects else "assist"
        extra = _json(f"Only part of the request can be carried out: not {words_and(blocked)}.") if partial else None
        measures = json.dumps([{"measure": m, "outcome": o} for m, o in pairs], separators=(",", ":"))
        found = (outcome, f'{outcome}","measures":'.encode(), f'{measures},"offence":'.encode(), extra)
        _store(self._decoded, key, found)
        return found


_UNSEEN: Any = object()
"""What a table that may hold ``None`` returns for a key it does not have."""
_POLITICAL = frozenset({"insult_head_of_state", "national_unity_strife"})


def _texts(cell: Cell) -> tuple[bytes, tuple[bytes, ...], tuple[bytes, ...]]:
    return cell.comma_fragment, cell.missing, cell.conditions


def _json(text: str) -> bytes:
    return json.dumps(text, ensure_ascii=False).encode()


def _store(table: dict[Any, Any], key: Any, value: Any) -> None:
    if len(table) >= TABLE_LIMIT:
        table.clear()
    table[key] = value


def _intern(table: dict[str, int], key: str) -> int:
    """A small number for ``key``; 0 only for the empty key (no provision cited)."""
    if not key:
        return 0
    return table.setdefault(key, len(table) + 1)


def _refusal_key(jur: Jurisdiction, ext: bool, ground: str) -> str:
    """What a refusal ground reads of the view: the provisions that set ``ground``, whether one is mandatory, and
    the state's name (in the reason once it cites them)."""
    cites, mandatory = jur.refusal(request_kinds(ext), ground)
    if not cites:
        return ""
    return json.dumps([[c.model_dump(mode="json") for c in cites], mandatory, jur.owner])


def _dates(value: Any) -> set[date]:
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


def _breakpoints(days: Iterable[date]) -> list[date]:
    """Each day and the day after: ``day < x``, ``day <= x`` and their converses are all constant between them."""
    return sorted({d + timedelta(days=k) for d in days for k in (0, 1) if d < date.max})
