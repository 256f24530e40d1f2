"""The transnational-repression exposure map: which speech offences of one state another state's law would help.

For every ordered pair of modelled states (requesting A, requested B): the offences of A that
restrict protected expression *and* meet the four-year "serious crime" threshold (so the
Convention's cooperation on electronic evidence reaches them), and whether B's modelled law would
meet dual criminality for each (``yes`` with the provision, or ``unknown``: absence from a model is
not absence from the law, since no model holds a state's whole criminal law). Every cell carries
what a report needs to render it without recomputing anything.

Analysis support, not legal advice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Literal

from pydantic import Field

from .._version import __version__
from ..checkers import cooperation_exposure, protected_expression
from ..checkers._common import highest_maximum
from ..engine.catalogue import DEFAULT_VERSION, Catalogue, catalogue
from ..engine.checker import EvaluationContext
from ..engine.verdict import ArticleCitation
from ..model.fields import Confidence, ISODate, Model, ShortText, Text, Url
from ..model.law import NationalLaw
from ..model.wording import category_words, state_name
from .triage.decision import NationalCitation
from .triage.dual_criminality import dual_criminality_status
from .triage.facts import Jurisdiction, cite_provision

SCHEMA_ID = "cybercrime-check/exposure/1"
DISCLAIMER = (
    "Analysis support, not legal advice: the map rests on the modelled laws, which cover selected provisions of "
    "most states; an offence missing from a model may still exist in the law."
)
ExposureLabel = Literal["none", "dual_criminality_not_met", "dual_criminality_unknown", "dual_criminality_met"]
LABELS: tuple[ExposureLabel, ...] = (
    "none",
    "dual_criminality_not_met",
    "dual_criminality_unknown",
    "dual_criminality_met",
)
"""Cell labels from least to most exposed (the worst case of the cell's offences)."""
CONCEPTS = (
    "cooperation.serious_crime",
    "definitions.serious_crime",
    "general.human_rights.no_suppression",
    "cooperation.dual_criminality",
    "cooperation.preservation",
)


class ExposedOffence(Model):
    """A speech offence of the requesting state that meets the threshold, seen from one requested state."""

    law_id: ShortText
    offence_id: ShortText
    citation: ShortText
    category: ShortText
    max_penalty: ShortText
    """The highest maximum (basic or aggravated), as the cooperation-exposure finding states it."""
    source_url: Url | None = None
    confidence: Confidence
    dual_criminality: Literal["yes", "no", "unknown"]
    counterparts: tuple[NationalCitation, ...] = ()
    """The requested state's provisions that criminalise conduct of the same category."""
    reasons: tuple[Text, ...] = Field(min_length=1)
    """Why it restricts protected expression, why it is a serious crime, and the dual-criminality finding."""


class ExposureCell(Model):
    requesting: ShortText
    requested: ShortText
    requesting_name: ShortText
    requested_name: ShortText
    label: ExposureLabel
    offences: tuple[ExposedOffence, ...] = ()
    legal_bases: tuple[ShortText, ...] = ()
    """The treaties in force between the two states on the map's date (from ``policies/treaties``): where a
    request can rest on a treaty rather than on reciprocity alone."""


class LawCoverage(Model):
    law_id: ShortText
    jurisdiction: ShortText
    title: ShortText
    coverage: ShortText


class ExposureMap(Model):
    schema_: Literal["cybercrime-check/exposure/1"] = Field("cybercrime-check/exposure/1", alias="schema")
    disclaimer: Text = DISCLAIMER
    as_of: ISODate
    convention: ShortText
    threshold: ShortText
    articles: tuple[ArticleCitation, ...]
    notes: tuple[Text, ...]
    states: tuple[ShortText, ...]
    laws: tuple[LawCoverage, ...]
    cells: tuple[ExposureCell, ...]
    instrument: ShortText | None = None
    """When the map is restricted to pairs both bound by one treaty on its date: that treaty's id."""
    library_version: ShortText = __version__

    model_config = Model.model_config | {"populate_by_name": True}

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2) + "\n"


def _speech_offences(law: NationalLaw, ctx: EvaluationContext) -> list[tuple[str, list[str], str]]:
    """(offence id, reasons, maximum) for offences restricting protected expression that meet the threshold."""
    restricts = {
        d.provision_id: d.reason
        for d in protected_expression.check(law, ctx)
        if d.status == "non_compliant" and d.rule.startswith("restrict")
    }
    out = []
    classes = law.penalty_classes()
    for d in cooperation_exposure.check(law, ctx):
        if d.rule == "speech-offence-is-serious-crime" and d.provision_id in restricts:
            offence = next(o for o in law.offences if o.id == d.provision_id)
            unit = next(u for u in offence.units() if u.limb_id == d.limb)
            highest, _ = highest_maximum(unit, classes)
            out.append((offence.id, [restricts[d.provision_id], d.reason], highest.label if highest else ""))
    return out


def exposure_map(
    laws: Iterable[NationalLaw],
    *,
    convention: str = DEFAULT_VERSION,
    as_of: date | None = None,
    cat: Catalogue | None = None,
    instrument: str | None = None,
) -> ExposureMap:
    """The exposure map of ``laws`` as they stood on ``as_of`` (default: today).

    A state with several modelled laws counts all of them; provisions not in force on the day
    (repealed, not yet in force) are left out, as in :meth:`NationalLaw.as_of`. With ``instrument`` (a treaty
    status id such as 'uncc' or 'ets-185'), only pairs of states both bound by it on the day are kept.
    """
    from ..engine.evaluation import default_as_of
    from .triage.facts import Context

    cat = cat or catalogue()
    cat.check_version(convention)
    day = as_of or default_as_of()
    ctx = EvaluationContext(convention=convention, as_of=day, catalogue=cat)
    current = sorted((law.as_of(day) for law in laws), key=lambda law: (law.jurisdiction, law.id))
    by_state: dict[str, list[NationalLaw]] = defaultdict(list)
    for law in current:
        by_state[law.jurisdiction].append(law)
    states = sorted(by_state)
    views = {s: Jurisdiction(s, day, tuple(by_state[s])) for s in states}
    exposed = {
        s: [(law, oid, reasons, label) for law in by_state[s] for oid, reasons, label in _speech_offences(law, ctx)]
        for s in states
    }
    from ..model.treaty import standing_on

    treaties = cat.treaties
    restrict = cat.treaty(instrument) if instrument is not None else None
    parties = {
        t: {s for s in states if standing_on(treaty, s, day).standing == "party"} for t, treaty in treaties.items()
    }
    unknown = (
        {s for s in states if standing_on(restrict, s, day).standing == "unknown"} if restrict is not None else set()
    )
    cells = []
    left_out = unrecorded = 0
    for a in states:
        for b in states:
            if a == b:
                continue
            if restrict is not None and not {a, b} <= parties[restrict.id]:
                left_out += 1
                unrecorded += bool({a, b} & unknown)
                continue
            offences = tuple(_exposed(law, oid, reasons, label, views[b]) for law, oid, reasons, label in exposed[a])
            cells.append(
                ExposureCell(
                    requesting=a,
                    requested=b,
                    requesting_name=state_name(a),
                    requested_name=state_name(b),
                    label=_label(offences),
                    offences=offences,
                    legal_bases=tuple(treaties[t].short_title for t in sorted(treaties) if {a, b} <= parties[t]),
                )
            )
    threshold = cat.parameters.serious_crime_threshold.value
    return ExposureMap(
        as_of=day,
        convention=convention,
        threshold=str(threshold),
        articles=Context(cat, convention).articles(CONCEPTS),
        instrument=instrument,
        notes=(
            *(
                (
                    f"Restricted to pairs of states both bound by the {restrict.short_title} on {day}: "
                    f"{len(cells)} kept, {left_out} left out ({unrecorded} of them because a state's status under "
                    f"it is not recorded; its file is current to {restrict.as_of}).",
                )
                if restrict is not None
                else ()
            ),
            "legal_bases lists the treaties in force between the two states on the map's date (policies/treaties); "
            "an empty list means a request could rest only on reciprocity or a treaty not modelled.",
            "A cell's label is the worst case among its offences: dual_criminality_met where the requested state's "
            "modelled law criminalises conduct of the same category, whatever the offence is called.",
            "dual_criminality_unknown: no counterpart in the requested state's modelled laws; absence from a model "
            "is not absence from the law, since no model holds a state's whole criminal law.",
            "dual_criminality_not_met is never given for that reason. Expedited preservation needs no dual "
            "criminality unless the requested state reserved it.",
        ),
        states=tuple(states),
        laws=tuple(
            LawCoverage(law_id=law.id, jurisdiction=law.jurisdiction, title=law.title, coverage=law.coverage)
            for law in current
        ),
        cells=tuple(cells),
    )


def _exposed(law: NationalLaw, offence_id: str, reasons: list[str], label: str, b: Jurisdiction) -> ExposedOffence:
    offence = next(o for o in law.offences if o.id == offence_id)
    status, counterparts = dual_criminality_status(offence.category, b)
    category = category_words(offence.category)
    if status == "yes":
        where = "; ".join(c.citation for c in counterparts)
        verb = "criminalises" if len(counterparts) == 1 else "criminalise"
        why = f"{b.owner} {where} {verb} {category} conduct: dual criminality met."
    else:
        why = f"Dual criminality unknown: no modelled counterpart ({b.coverage_note})."
    cite = cite_provision(law, offence)
    return ExposedOffence(
        law_id=law.id,
        offence_id=offence.id,
        citation=offence.citation,
        category=offence.category,
        max_penalty=label,
        source_url=cite.source_url,
        confidence=offence.confidence,
        dual_criminality=status,
        counterparts=counterparts,
        reasons=(*reasons, why),
    )


def _label(offences: tuple[ExposedOffence, ...]) -> ExposureLabel:
    if not offences:
        return "none"
    found = {o.dual_criminality for o in offences}
    if "yes" in found:
        return "dual_criminality_met"
    return "dual_criminality_unknown" if "unknown" in found else "dual_criminality_not_met"


CSV_COLUMNS = (
    "requesting",
    "requested",
    "label",
    "law_id",
    "offence_id",
    "citation",
    "category",
    "max_penalty",
    "dual_criminality",
    "counterparts",
    "source_url",
    "confidence",
    "reasons",
    "legal_bases",
)


def exposure_csv_rows(m: ExposureMap) -> Iterable[tuple[str, ...]]:
    """One row per (cell, offence); a cell without offences still gets one row, so every pair appears."""
    for cell in m.cells:
        bases = "; ".join(cell.legal_bases)
        if not cell.offences:
            yield (cell.requesting, cell.requested, cell.label, *[""] * (len(CSV_COLUMNS) - 4), bases)
        for o in cell.offences:
            yield (
                cell.requesting,
                cell.requested,
                cell.label,
                o.law_id,
                o.offence_id,
                o.citation,
                o.category,
                o.max_penalty,
                o.dual_criminality,
                "; ".join(f"{c.citation} ({c.law_id})" for c in o.counterparts),
                o.source_url or "",
                o.confidence,
                " | ".join(o.reasons),
                bases,
            )
