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
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, Protocol

from ..._version import __version__
from ...model.law import NationalLaw
from ..request import AssistanceRequest, Measure, OffenceReference
from .basis import TREATIES, legal_basis_ground, scope_ground
from .cells import (
    DAY,
    DAY_BYTES,
    PRESERVE_OR_EXTRADITE,
    Cell,
    TableMeasures,
    TableOffence,
    TableView,
    breakpoints,
    dates_in,
    decode,
    store,
)
from .decision import DISCLAIMER, SCHEMA_ID, Ground, Rendered
from .dual_criminality import dual_criminality_ground, dual_criminality_status
from .facts import Context, Jurisdiction, OffenceFacts
from .measures import measure_limits_ground, personal_data_ground
from .protection import death_penalty_ground, protected_person_ground
from .refusal import persecution_ground, political_offence_ground, protected_expression_ground


class Reference(Protocol):
    """What the tables read of the :class:`~.triager.Triager` they compile (named so, not imported: the
    triager builds its compiled path)."""

    @property
    def context(self) -> Context: ...

    @property
    def default_day(self) -> date: ...

    @property
    def by_id(self) -> dict[str, NationalLaw]: ...

    @property
    def offence_facts(self) -> Callable[..., OffenceFacts]: ...

    @property
    def convention(self) -> str: ...

    def jurisdiction(self, state: str, day: date) -> Jurisdiction: ...

    def _in_force(self, off: OffenceFacts, day: date, extradition: bool) -> Rendered: ...


class CompiledTriager:
    """The JSON Lines path of a :class:`Triager`: the same decisions, from tables filled on first use."""

    def __init__(self, triager: Reference) -> None:
        self.triager = triager
        self.ctx = triager.context
        self.default_day = triager.default_day
        self.convention = triager.convention
        self._cells: dict[bytes, Cell] = {}
        self._offences: dict[tuple[Any, ...], TableOffence] = {}
        self._classes: dict[tuple[Any, ...], int] = {}
        self._days: dict[date, tuple[bytes, dict[str, TableView]]] = {}
        self._view_by_period: dict[tuple[str, int], TableView] = {}
        self._measures: dict[tuple[Measure, ...], TableMeasures] = {}
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
        self._decoded: dict[tuple[int, int], tuple[str, bytes, bytes | None]] = {}
        self._prefix = (
            f'{{"schema":"{SCHEMA_ID}","disclaimer":{json.dumps(DISCLAIMER, ensure_ascii=False)},"request":'.encode()
        )
        self._convention = f'","convention":"{self.convention}","outcome":"'.encode()
        self._tail = f'],"library_version":{json.dumps(__version__)}}}'.encode()
        self._tail_newline = self._tail + b"\n"
        self._no_notes = b'],"missing":[],"conditions":[' + self._tail
        self._no_notes_newline = self._no_notes + b"\n"

    # --- the hot path ------------------------------------------------------------------------

    def line(self, request: AssistanceRequest) -> tuple[bytes, str, list[Cell]]:
        """The decision's JSON line, its outcome, and the cells whose grounds it holds (for the tally)."""
        out: list[bytes] = []
        outcome, cells = self.line_into(request, out, newline=False)
        return b"".join(out), outcome, cells

    def line_into(self, request: AssistanceRequest, out: list[bytes], newline: bool = False) -> tuple[str, list[Cell]]:
        """:meth:`line`, its pieces appended to ``out`` (ending with a newline if ``newline``): a chunk of lines
        is joined once, not line by line. Pieces that always follow one another are stored joined (fewer
        pieces to list and join: the join is most of what a line costs beyond its lookups)."""
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
        outcome, middle, extra = decoded
        grounds = [c.comma_fragment for c in cells]
        if not basis.dated:
            grounds[0] = basis.comma_fragment[1:]
        else:  # the request's date goes where the legal-basis cell holds DAY (its notes come first)
            grounds[0] = basis.comma_fragment[1:].replace(DAY_BYTES, iso)
            if basis.notes:
                n, k = len(basis.missing), len(basis.conditions)
                missing[:n] = [m.replace(DAY_BYTES, iso) for m in missing[:n]]
                conditions[:k] = [c.replace(DAY_BYTES, iso) for c in conditions[:k]]
        if extra is not None:
            conditions.append(extra)
        d = request.__dict__  # pydantic keeps field values here; reading them so skips its __getattr__ hook
        out += (
            self._prefix,
            f'"{d["id"]}","requesting_state":"{d["requesting_state"]}",'
            f'"requested_state":"{d["requested_state"]}","as_of":"'.encode(),
            iso,
            middle,
            off.cite_grounds,
        )
        out += grounds
        if missing or conditions:
            if len(missing) > 1:
                missing = list(dict.fromkeys(missing))
            if len(conditions) > 1:
                conditions = list(dict.fromkeys(conditions))
            tail = self._tail_newline if newline else self._tail
            out += (b'],"missing":[', b",".join(missing), b'],"conditions":[', b",".join(conditions), tail)
        else:
            out.append(self._no_notes_newline if newline else self._no_notes)
        return outcome, cells

    def cells(self, request: AssistanceRequest) -> tuple[list[Cell], TableOffence, TableMeasures, bytes]:
        """The table lookups: the cells of ``request``'s grounds in the decision's order (the legal basis
        first), the offence and measures as the tables see them, and the date as the line writes it."""
        # Fields read from the models' __dict__ (pydantic keeps them there): attribute access costs twice as much.
        d = request.__dict__
        rs, rd = d["requesting_state"], d["requested_state"]
        day: date = d["date"]
        if day.__class__ is not date:
            day = self.default_day
        o = d["offence"]
        od = o.__dict__
        okey: tuple[Any, ...] = (
            (od["law"], od["offence"], od["limb"], rs)
            if o.__class__ is OffenceReference
            else (od["category"], str(od["max_penalty"]), od["death_penalty"], od["citation"], rs)
        )
        off = self._offences.get(okey) or self._offence(okey, request)
        iso, views = self._days.get(day) or self._day(day)
        view = views.get(rd) or self._view(rd, day, views)
        ms = self._measures.get(d["measures"]) or self._measure_info(d["measures"])
        ext = ms.extradition
        t = d["target"].__dict__
        a = d["assurances"].__dict__

        basis = self._legal_basis(request, off, day, ext)
        cells = [basis]
        key: tuple[Any, ...] = (off.cls, d["legal_basis"] in ("un_convention", "unspecified"), ext)
        cells.append(self._scope.get(key) or self._fill(self._scope, key, self._scope_cell, off, request, ext))
        if off.law is not None:
            key = (off.cls, bisect_right(off.dates, day) if off.dates else 0, ext)
            found = self._in_force.get(key, _UNSEEN)
            if found is _UNSEEN:
                found = self._in_force_cell(key, off, day, ext)
            if found is not None:
                cells.append(found)
        cells.append(self._dual(view, off, ms))
        po, idf = t["political_opponent"], t["identified"]
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
        facts = (po, t["religious_minority"], t["lgbtq"])
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
        pf = (t["journalist"], t["human_rights_defender"], t["refugee_or_asylum_seeker"])
        key = (pf, idf is False, ext, ms.data)
        cells.append(self._person.get(key) or self._person_cell(key, pf, idf, ext, ms.data))
        ndp = a["no_death_penalty"]
        key = (off.cls, view.death[ext], ext, ndp if off.death else None)
        cells.append(self._death.get(key) or self._fill(self._death, key, self._death_cell, off, view, ndp, ext))
        for m in ms.limits:
            cells.append(self._limit(view, off, m))
        spec = a["speciality"]
        key = (view, True, d["data_categories"], spec) if ms.transfers else (view, False, ms.preservation)
        cells.append(self._data.get(key) or self._data_cell(key, view, ms, request.categories, spec))

        return cells, off, ms, iso

    def _legal_basis(self, request: AssistanceRequest, off: TableOffence, day: date, ext: bool) -> Cell:
        """The legal-basis cell; a dated one holds :data:`DAY` where the request's date goes."""
        d = request.__dict__
        basis = d["legal_basis"]
        tid = self._treaties.get(basis)
        if tid is None:
            key: tuple[Any, ...] = (basis, d["treaty"], ext)
            cell = self._basis.get(key)
            if cell is None:
                cell = self._fill(self._basis, key, self._basis_cell, request, off, day, ext)
            return cell
        rs, rd = d["requesting_state"], d["requested_state"]
        a_dates, _ = self._standing.get((tid, rs)) or self._standingdates_in(tid, rs)
        b_dates, narrowed = self._standing.get((tid, rd)) or self._standingdates_in(tid, rd)
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

    def _dual(self, view: TableView, off: TableOffence, ms: TableMeasures) -> Cell:
        cat = off.category
        yes = view.dual_yes.get(cat)
        if yes is None:
            yes = view.dual_yes[cat] = dual_criminality_status(cat, view.jur)[0] == "yes"
        if yes:
            key: tuple[Any, ...] = (cat, off.confidence, ms.mask & PRESERVE_OR_EXTRADITE)
        else:
            needing = ms.mask & view.need_mask
            key = (cat, None, ms.mask & PRESERVE_OR_EXTRADITE, needing, needing == ms.mask)
        found = view.dual.get(key)
        if found is None:
            found = self._fill(view.dual, key, self._dual_cell, view, off, ms, yes)
        return found

    def _limit(self, view: TableView, off: TableOffence, m: Measure) -> Cell:
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
        store(table, key, cell)
        return cell

    def _cell(self, result: Ground | tuple[Ground, ...], dated: bool = False) -> Cell:
        grounds = result if isinstance(result, tuple) else (result,)
        cell = Cell(tuple((g, g.model_dump_json(by_alias=True)) for g in grounds), dated)
        return self._intern_cell(cell)

    def _intern_cell(self, cell: Cell) -> Cell:
        """One cell per distinct JSON: many keys share an output (a ground that does not read some input)."""
        found = self._cells.get(cell.comma_fragment)
        if found is None:
            store(self._cells, cell.comma_fragment, cell)
            found = cell
        return found

    def _offence(self, okey: tuple[Any, ...], request: AssistanceRequest) -> TableOffence:
        facts = self.triager.offence_facts(request.offence, request.requesting_state)
        if facts.key[0] == "law":
            ckey: tuple[Any, ...] = facts.key
            law = self.triager.by_id[facts.key[1]]
        else:  # the requesting state shows only in the citation; the grounds read the description
            found = tuple((d.status, d.rule, d.reason, d.limb) for d in facts.expression)
            ckey, law = (*facts.key[:1], *facts.key[2:], found), None
        cls = self._classes.setdefault(ckey, len(self._classes))
        off = TableOffence(facts, cls, law)
        store(self._offences, okey, off)
        return off

    def _day(self, day: date) -> tuple[bytes, dict[str, TableView]]:
        """The date as a line writes it, and the views of the states' law on it (filled by :meth:`_view`)."""
        found = (day.isoformat().encode(), dict[str, TableView]())
        store(self._days, day, found)
        return found

    def _view(self, state: str, day: date, views: dict[str, TableView]) -> TableView:
        jur = self.triager.jurisdiction(state, day)
        view = self._view_by_period.get((state, jur.period))
        if view is None:
            view = self._view_by_period[(state, jur.period)] = TableView(jur, self._intern)
        views[state] = view
        return view

    def _measure_info(self, requested: tuple[Measure, ...]) -> TableMeasures:
        info = TableMeasures(requested)
        store(self._measures, requested, info)
        return info

    def _standingdates_in(self, tid: str, state: str) -> tuple[list[date], frozenset[str]]:
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
        found = (breakpoints(top | dates_in(rows)), narrowed)
        self._standing[(tid, state)] = found
        return found

    def _basis_cell(self, request: AssistanceRequest, off: TableOffence, day: date, ext: bool) -> Cell:
        args = (request.legal_basis, request.treaty, ext, request.requesting_state, request.requested_state)
        return self._cell(legal_basis_ground(self.ctx, *args, day, off.category))

    def _treaty_cell(
        self,
        key: Any,
        request: AssistanceRequest,
        off: TableOffence,
        day: date,
        a_dates: list[date],
        b_dates: list[date],
    ) -> Cell | None:
        """The legal-basis cell for treaty standings, the date left as :data:`DAY`, or ``None`` when the date
        cannot be told apart from the text (another day of the same interval renders differently)."""
        rs, rd, basis = request.requesting_state, request.requested_state, request.legal_basis

        def render(d: date) -> tuple[Ground, str]:
            g = legal_basis_ground(self.ctx, basis, request.treaty, False, rs, rd, d, off.category)
            return g, g.model_dump_json(by_alias=True)

        ground, text = render(day)
        if DAY in text:
            store(self._basis, key, None)
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
        store(self._basis, key, cell)
        return cell

    def _scope_cell(self, off: TableOffence, request: AssistanceRequest, ext: bool) -> Cell:
        return self._cell(scope_ground(self.ctx, off.facts, request.legal_basis, ext))

    def _in_force_cell(self, key: Any, off: TableOffence, day: date, ext: bool) -> Cell | None:
        found = self.triager._in_force(off.facts, day, ext)
        cell = self._intern_cell(Cell(found)) if found else None
        store(self._in_force, key, cell)
        return cell

    def _dual_cell(self, view: TableView, off: TableOffence, ms: TableMeasures, yes: bool) -> Cell:
        if yes:
            cited = tuple(m for m in ms.ordered if m in ("preservation", "extradition"))
            return self._cell(dual_criminality_ground(self.ctx, off.category, off.confidence, view.jur, cited))
        return self._cell(dual_criminality_ground(self.ctx, off.category, "primary", view.jur, ms.ordered))

    def _political_cell(
        self, key: Any, view: TableView, off: TableOffence, po: bool | str, idf: bool | str, ext: bool
    ) -> Cell:
        ground = political_offence_ground(self.ctx, off.category, off.confidence, view.jur, po, idf, ext)
        return self._fill(self._political, key, self._cell, ground)

    def _persecution_cell(
        self, key: Any, view: TableView, off: TableOffence, facts: tuple[bool | str, ...], idf: bool | str, ext: bool
    ) -> Cell:
        documented = off.facts.documented
        named = tuple(zip(("political_opponent", "religious_minority", "lgbtq"), facts, strict=True))
        conf = off.confidence if documented else "primary"
        ground = persecution_ground(self.ctx, documented, conf, view.jur, named, idf, ext)
        return self._fill(self._persecution, key, self._cell, ground)

    def _expression_cell(self, off: TableOffence, view: TableView, ext: bool) -> Cell:
        return self._cell(protected_expression_ground(self.ctx, off.facts, view.jur, ext))

    def _person_cell(self, key: Any, pf: tuple[bool | str, ...], idf: bool | str, ext: bool, data: bool) -> Cell:
        named = tuple(zip(("journalist", "human_rights_defender", "refugee_or_asylum_seeker"), pf, strict=True))
        return self._fill(self._person, key, self._cell, protected_person_ground(self.ctx, named, idf, ext, data))

    def _death_cell(self, off: TableOffence, view: TableView, ndp: bool | str, ext: bool) -> Cell:
        return self._cell(death_penalty_ground(self.ctx, off.facts, view.jur, ndp, ext))

    def _limits_cell(self, key: Any, view: TableView, off: TableOffence, m: Measure) -> Cell | None:
        ground = measure_limits_ground(self.ctx, off.facts, view.jur, m)
        cell = None if ground.effect == "must_refuse" else self._cell(ground)
        store(self._limits, key, cell)
        return cell

    def _limits_named(self, view: TableView, off: TableOffence, m: Measure) -> Cell:
        return self._cell(measure_limits_ground(self.ctx, off.facts, view.jur, m))

    def _data_cell(
        self, key: Any, view: TableView, ms: TableMeasures, cats: tuple[str, ...] | None, spec: bool | str
    ) -> Cell:
        ground = personal_data_ground(self.ctx, view.jur, ms.transfers, ms.preservation, cats, spec)
        return self._fill(self._data, key, self._cell, ground)

    def _decode(self, key: tuple[int, int], ms: TableMeasures) -> tuple[str, bytes, bytes | None]:
        """The outcome, the line's text from the convention to the offence, and the partial-execution condition."""
        outcome, outcome_json, measures_json, extra = decode(key[0], ms)
        found = (outcome, self._convention + outcome_json + measures_json, extra)
        store(self._decoded, key, found)
        return found


_UNSEEN: Any = object()
"""What a table that may hold ``None`` returns for a key it does not have."""
_POLITICAL = frozenset({"insult_head_of_state", "national_unity_strife"})


def _texts(cell: Cell) -> tuple[bytes, tuple[bytes, ...], tuple[bytes, ...]]:
    return cell.comma_fragment, cell.missing, cell.conditions
