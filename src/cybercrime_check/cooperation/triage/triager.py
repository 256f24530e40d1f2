"""The triager: every ground for a request, computed once per combination of facts and combined."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from ..._version import __version__
from ...checkers import protected_expression
from ...checkers._common import highest_maximum, penalty_max_months, penalty_maximum
from ...engine.catalogue import DEFAULT_VERSION, Catalogue, catalogue
from ...engine.checker import EvaluationContext, FindingDraft
from ...errors import LawDataError, Problem
from ...model.history import start_date
from ...model.law import NationalLaw, TextUsed
from ...model.offence import Offence, OffenceUnit
from ...model.penalty import Imprisonment, Penalty
from ...model.provision import Source
from ...model.wording import words
from ..request import (
    MEASURES,
    TRANSFER_MEASURES,
    AssistanceRequest,
    DescribedOffence,
    Measure,
    OffenceReference,
)
from .basis import legal_basis_ground, offence_in_force_ground, scope_ground
from .cells import Cell
from .compiled import CompiledTriager
from .decision import (
    DISCLAIMER,
    SCHEMA_ID,
    Decision,
    Ground,
    MeasureOutcome,
    NationalCitation,
    Outcome,
    Rendered,
    _compact,
    _decide,
)
from .dual_criminality import dual_criminality_ground, dual_criminality_status
from .facts import Context, Jurisdiction, OffenceFacts, change_dates, cite_provision
from .measures import MEASURE_POWERS, measure_limits_ground, personal_data_ground
from .protection import PERSON_FACTS, death_penalty_ground, protected_person_ground
from .refusal import (
    PERSECUTION_FACTS,
    documented_use,
    persecution_ground,
    political_offence_ground,
    protected_expression_ground,
)

GROUND_CACHE = 2048
"""Cached results per ground function (each holds a Ground and its JSON, about 2 KB)."""
COMBINATION_CACHE = 4096
"""Cached combinations of grounds; with the ground caches this bounds a batch's memory."""


class Triager:
    """Triage requests against a set of modelled laws.

    Analyses that do not depend on the request's own identity (an offence's classification, a
    state's law on a day, each ground for a combination of facts) are computed once and reused,
    so a batch of a million requests costs little more than reading them.
    """

    def __init__(
        self,
        laws: Iterable[NationalLaw],
        *,
        convention: str = DEFAULT_VERSION,
        as_of: date | None = None,
        cat: Catalogue | None = None,
    ) -> None:
        from ...engine.evaluation import default_as_of

        self.catalogue = cat or catalogue()
        self.catalogue.check_version(convention)
        self.context = Context(self.catalogue, convention)
        self.laws = tuple(laws)
        self.by_id = {law.id: law for law in self.laws}
        self.default_day = as_of or default_as_of()
        self._eval = EvaluationContext(convention=convention, as_of=self.default_day, catalogue=self.catalogue)
        self._views: dict[tuple[str, int], Jurisdiction] = {}
        self._changes = {
            state: change_dates(law for law in self.laws if law.jurisdiction == state)
            for state in {law.jurisdiction for law in self.laws}
        }
        self.offence_facts = lru_cache(maxsize=4096)(self._offence_facts)
        self._expression = lru_cache(maxsize=64)(self._expression_findings)
        self.legal_basis = self._cached(legal_basis_ground, 4096)
        self.scope = self._cached(scope_ground, GROUND_CACHE)
        self.in_force = self._cached(offence_in_force_ground, 256)
        self.dual = self._cached(dual_criminality_ground, GROUND_CACHE)
        self.political = self._cached(political_offence_ground, GROUND_CACHE)
        self.persecution = self._cached(persecution_ground, GROUND_CACHE)
        self.expression = self._cached(protected_expression_ground, GROUND_CACHE)
        self.person = self._cached(protected_person_ground, GROUND_CACHE)
        self.death = self._cached(death_penalty_ground, GROUND_CACHE)
        self.limits = self._cached(measure_limits_ground, GROUND_CACHE)
        self.data = self._cached(personal_data_ground, GROUND_CACHE)
        self._combinations: OrderedDict[tuple[tuple[str, ...], tuple[Measure, ...]], _Combination] = OrderedDict()
        self._status = lru_cache(maxsize=4096)(dual_criminality_status)
        self._prefix = f'{{"schema":"{SCHEMA_ID}","disclaimer":{json.dumps(DISCLAIMER, ensure_ascii=False)},"request":'
        self._compiled: CompiledTriager | None = None

    def _cached(self, ground: Callable[..., Ground | tuple[Ground, ...]], size: int) -> Callable[..., Rendered]:
        """``ground`` with the context bound, its results cached with their JSON rendered once."""
        ctx = self.context

        def render(*args: Any) -> Rendered:
            result = ground(ctx, *args)
            grounds = result if isinstance(result, tuple) else (result,)
            return tuple((g, g.model_dump_json(by_alias=True)) for g in grounds)

        return lru_cache(maxsize=size)(render)

    def _dual_criminality(self, off: OffenceFacts, jur: Jurisdiction, measures: tuple[Measure, ...]) -> Rendered:
        """Where dual criminality is met, only preservation and extradition among the measures change the
        ground (their articles are cited), and the offence's confidence counts; otherwise the measures
        matter and the confidence does not. Passing only that keeps the cache small."""
        if self._status(off.category, jur)[0] == "yes":
            cited = tuple(m for m in measures if m in ("preservation", "extradition"))
            return self.dual(off.category, off.confidence, jur, cited)
        return self.dual(off.category, "primary", jur, measures)

    def jurisdiction(self, state: str, day: date) -> Jurisdiction:
        """The state's modelled law on ``day``, shared by every day on which the same provisions apply."""
        period = bisect_right(self._changes.get(state, ()), day)
        view = self._views.get((state, period))
        if view is None:
            laws = tuple(law.as_of(day) for law in self.laws if law.jurisdiction == state)
            view = self._views[(state, period)] = Jurisdiction(state, day, laws, period)
        return view

    @property
    def convention(self) -> str:
        return self.context.version

    def _expression_findings(self, law: NationalLaw) -> dict[str | None, tuple[FindingDraft, ...]]:
        found: dict[str | None, list[FindingDraft]] = {}
        for d in protected_expression.check(law, self._eval):
            found.setdefault(d.provision_id, []).append(d)
        return {k: tuple(v) for k, v in found.items()}

    def _offence_facts(self, offence: OffenceReference | DescribedOffence, state: str) -> OffenceFacts:
        if isinstance(offence, OffenceReference):
            law = self.by_id.get(offence.law)
            if law is None:
                raise _reference_error(
                    "offence.law",
                    f"unknown law id {offence.law!r}; the laws loaded are: "
                    + (", ".join(sorted(self.by_id)) or "(none)"),
                )
            if law.jurisdiction != state:
                raise _reference_error(
                    "offence.law", f"law {law.id!r} is a law of {law.jurisdiction}, not of the requesting state {state}"
                )
            o = next((x for x in law.offences if x.id == offence.offence), None)
            if o is None:
                raise _reference_error("offence.offence", f"law {law.id!r} has no offence {offence.offence!r}")
            limb = next((x for x in o.limbs if x.id == offence.limb), None)
            if offence.limb is not None and limb is None:
                raise _reference_error("offence.limb", f"offence {o.id!r} of {law.id!r} has no limb {offence.limb!r}")
            unit = OffenceUnit(o, limb)
            cite = cite_provision(law, o)
            key: tuple[str, ...] = ("law", law.id, o.id, offence.limb or "")
            label = f"{unit.citation} ({law.id})"
            expression = tuple(d for d in self._expression(law).get(o.id, ()) if d.limb == offence.limb)
        else:
            o = _described(offence)
            law = _synthetic_law(o, state)
            unit = OffenceUnit(o, None)
            cite = NationalCitation(state=state, citation=offence.citation, confidence=o.confidence)
            key = (
                "described",
                state,
                offence.category,
                str(offence.max_penalty),
                str(offence.death_penalty),
                offence.citation,
            )
            label = f"{offence.citation} (as described in the request)"
            expression = tuple(protected_expression.check(law, self._eval))
        classes = law.penalty_classes()
        highest, _ = highest_maximum(unit, classes)
        dp = {p.death_penalty for p in unit.penalties()}
        facts = OffenceFacts(
            key=key,
            unit=unit,
            cite=cite,
            label=label,
            classification=self.catalogue.category(unit.category).group,
            basic_max=penalty_max_months(unit.penalty, classes),
            basic_label=penalty_maximum(unit.penalty, classes).label,
            highest_max=highest.months if highest is not None else None,
            highest_label=highest.label if highest is not None else "",
            death_penalty=True if True in dp else (False if dp == {False} else "unspecified"),
            expression=expression,
        )
        return replace(facts, documented=documented_use(facts), cite_json=cite.model_dump_json())

    def triage(self, request: AssistanceRequest) -> Decision:
        day = request.date if isinstance(request.date, date) else self.default_day
        off = self.offence_facts(request.offence, request.requesting_state)
        jur = self.jurisdiction(request.requested_state, day)
        rendered = self._grounds(request, off, jur, day)
        combo = self._combination(rendered, request.measures)
        # Every part is already validated (the request, the cached grounds), so the decision is
        # assembled without validating it again; tests check it against the model.
        decision = Decision.model_construct(
            request=request.id,
            requesting_state=request.requesting_state,
            requested_state=request.requested_state,
            as_of=day,
            convention=self.convention,
            outcome=combo.outcome,
            measures=tuple(MeasureOutcome.model_construct(measure=m, outcome=o) for m, o in combo.measures),
            offence=off.cite,
            grounds=combo.grounds,
            missing=combo.missing,
            conditions=combo.conditions,
        )
        decision._json = self._line(request, day, off, combo)
        return decision

    def triage_json(self, request: AssistanceRequest) -> tuple[str, Outcome, tuple[Ground, ...]]:
        """The decision's JSON line (as :meth:`Decision.to_json`), its outcome and grounds, without
        building the :class:`Decision` object: the path a batch of JSON Lines takes."""
        day = request.date if isinstance(request.date, date) else self.default_day
        off = self.offence_facts(request.offence, request.requesting_state)
        jur = self.jurisdiction(request.requested_state, day)
        rendered = self._grounds(request, off, jur, day)
        combo = self._combination(rendered, request.measures)
        return self._line(request, day, off, combo), combo.outcome, combo.grounds

    def triage_line(self, request: AssistanceRequest) -> tuple[bytes, Outcome, list[Cell]]:
        """The decision's JSON line (as :meth:`triage_json`, encoded as UTF-8), its outcome and the cells holding
        its grounds, from the compiled decision tables: the path a batch of JSON Lines takes."""
        return self.compiled.line(request)  # type: ignore[return-value]

    def triage_into(
        self, request: AssistanceRequest, out: list[bytes], newline: bool = False
    ) -> tuple[Outcome, list[Cell]]:
        """:meth:`triage_line` with the line's pieces appended to ``out``, and a newline if ``newline``."""
        return self.compiled.line_into(request, out, newline)  # type: ignore[return-value]

    @property
    def compiled(self) -> CompiledTriager:
        """The compiled decision tables behind :meth:`triage_line` (built on first use)."""
        if self._compiled is None:
            self._compiled = CompiledTriager(self)
        return self._compiled

    def _grounds(self, request: AssistanceRequest, off: OffenceFacts, jur: Jurisdiction, day: date) -> Rendered:
        measures = tuple(m for m in MEASURES if m in request.measures)
        extradition = "extradition" in measures
        data_measures = extradition is False or len(measures) > 1
        t = request.target
        return (
            *self.legal_basis(
                request.legal_basis,
                request.treaty,
                extradition,
                request.requesting_state,
                request.requested_state,
                day,
                off.category,
            ),
            *self.scope(off, request.legal_basis, extradition),
            *self._in_force(off, day, extradition),
            *self._dual_criminality(off, jur, measures),
            *self.political(off.category, off.confidence, jur, t.political_opponent, t.identified, extradition),
            *self.persecution(
                off.documented,
                off.confidence if off.documented else "primary",
                jur,
                tuple((n, getattr(t, n)) for n in PERSECUTION_FACTS),
                t.identified,
                extradition,
            ),
            *self.expression(off, jur, extradition),
            *self.person(tuple((n, getattr(t, n)) for n in PERSON_FACTS), t.identified, extradition, data_measures),
            *self.death(off, jur, request.assurances.no_death_penalty, extradition),
            *(pair for m in measures if m in MEASURE_POWERS for pair in self.limits(off, jur, m)),
            *self.data(
                jur,
                bool(TRANSFER_MEASURES.intersection(measures)),
                "preservation" in measures,
                request.categories,
                request.assurances.speciality,
            ),
        )

    def _in_force(self, off: OffenceFacts, day: date, extradition: bool) -> Rendered:
        """The offence-in-force ground, only when a modelled offence of the requesting state did not apply on
        ``day`` (a described offence has no dates; unknown dates are not a ground)."""
        if off.key[0] != "law":
            return ()
        law = self.by_id[off.key[1]]
        standing = off.offence.standing(day, law.in_force_from)
        if standing.applies is not False:
            return ()
        not_yet = standing.state == "not_yet_in_force"
        return self.in_force(off, not_yet, _in_force_words(law, off.offence, day), extradition)

    def _combination(self, rendered: Rendered, requested: tuple[Measure, ...]) -> _Combination:
        """What a combination of grounds adds up to, with its JSON; cached, keyed by the grounds' JSON
        (strings whose hashes Python keeps), so a recurring combination costs one lookup."""
        measures = tuple(m for m in MEASURES if m in requested)
        fragments = tuple(j for _, j in rendered)
        key = (fragments, measures)
        found = self._combinations.get(key)
        if found is None:
            found = self._combine(fragments, tuple(g for g, _ in rendered), measures)
            self._combinations[key] = found
            if len(self._combinations) > COMBINATION_CACHE:  # least recently used goes: memory stays flat
                self._combinations.popitem(last=False)
        else:
            self._combinations.move_to_end(key)
        return found

    def _combine(
        self, fragments: tuple[str, ...], grounds: tuple[Ground, ...], measures: tuple[Measure, ...]
    ) -> _Combination:
        outcome, pairs, extra = _decide(grounds, measures)
        missing = tuple(dict.fromkeys(m for g in grounds for m in g.missing))
        conditions = tuple(dict.fromkeys([*(c for g in grounds for c in g.conditions), *extra]))
        # Written as Decision.model_dump_json writes these fields (tests compare the two).
        tail = (
            f'"missing":{_compact(list(missing))},"conditions":{_compact(list(conditions))},'
            f'"library_version":{json.dumps(__version__)}'
        )
        return _Combination(
            outcome=outcome,
            measures=pairs,
            grounds=grounds,
            missing=missing,
            conditions=conditions,
            measures_json=json.dumps([{"measure": m, "outcome": o} for m, o in pairs], separators=(",", ":")),
            grounds_json=",".join(fragments),
            tail_json=tail,
        )

    def _line(self, request: AssistanceRequest, day: date, off: OffenceFacts, combo: _Combination) -> str:
        """The decision's JSON, field for field as ``Decision.model_dump_json(by_alias=True)`` writes it."""
        return (
            f"{self._prefix}{json.dumps(request.id)},"
            f'"requesting_state":"{request.requesting_state}","requested_state":"{request.requested_state}",'
            f'"as_of":"{day.isoformat()}","convention":"{self.convention}","outcome":"{combo.outcome}",'
            f'"measures":{combo.measures_json},"offence":{off.cite_json},"grounds":[{combo.grounds_json}],'
            f"{combo.tail_json}}}"
        )


@dataclass(frozen=True)
class _Combination:
    outcome: Outcome
    measures: tuple[tuple[Measure, Outcome], ...]
    grounds: tuple[Ground, ...]
    missing: tuple[str, ...]
    conditions: tuple[str, ...]
    measures_json: str
    grounds_json: str
    tail_json: str


def triage(
    request: AssistanceRequest,
    laws: Iterable[NationalLaw],
    *,
    convention: str = DEFAULT_VERSION,
    as_of: date | None = None,
) -> Decision:
    """Triage one request against ``laws`` (for batches, build one :class:`Triager` and reuse it).

    ``as_of`` is the day whose law applies when the request carries no date.
    Raises :class:`LawDataError` when the request names an offence that is not in ``laws``.
    """
    return Triager(laws, convention=convention, as_of=as_of).triage(request)


def _in_force_words(law: NationalLaw, offence: Offence, day: date) -> str:
    """Why the offence did not apply on ``day``, as its history (or, without one, its law) says."""
    standing = offence.standing(day, law.in_force_from)
    start = start_date(offence.history) or law.in_force_from
    if standing.state == "not_yet_in_force":
        return f"not yet in force (it applies from {start})"
    if standing.event is not None:
        return standing.event.describe()
    return f"{words(standing.state)} ({law.id} is in force from {law.in_force_from})"


def _reference_error(field: str, message: str) -> LawDataError:
    return LawDataError([Problem("(request)", 0, 0, field, message, "reference")])


def _described(d: DescribedOffence) -> Offence:
    return Offence(
        id="described-offence",
        citation=d.citation,
        paraphrase=f"Offence as described in the request: {d.citation}",
        category=d.category,
        penalty=Penalty(imprisonment=Imprisonment(max=d.max_penalty), death_penalty=d.death_penalty),
        sources=("request",),
        confidence="unconfirmed",
    )


def _synthetic_law(o: Offence, state: str) -> NationalLaw:
    """A one-offence law, so the checkers' own analysis applies to an offence the request describes."""
    return NationalLaw(
        id="described-offence",
        jurisdiction=state,
        title="Offence described in the request",
        instrument_type="other",
        text_used=TextUsed(language="en"),
        sources=(
            Source(
                id="request",
                url="https://cybercrime-check.invalid/request",
                title="The request",
                confidence="unconfirmed",
            ),
        ),
        offences=(o,),
        coverage="selected_provisions",
    )
