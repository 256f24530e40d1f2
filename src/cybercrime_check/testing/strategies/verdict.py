"""Strategies for finding drafts, findings and verdicts, resolved against the real catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ...engine.catalogue import TEXT_VERSIONS, catalogue
from ...engine.checker import FindingDraft
from ...engine.findings import finding_order
from ...engine.summary import summarise
from ...engine.verdict import (
    DIMENSIONS,
    ArticleCitation,
    CheckerInfo,
    Evidence,
    Finding,
    LawIdentity,
    ProvisionRef,
    Severity,
    Status,
    Verdict,
)
from ...model.law import NationalLaw
from ._base import _CONFIDENCE, _DATE, _OPTIONAL_TEXT, _pick, _size, identifiers, texts
from .law import national_laws

# --- findings and verdicts ---------------------------------------------------

_STATUSES: tuple[Status, ...] = (
    "compliant",
    "non_compliant",
    "partially_compliant",
    "insufficient_information",
    "not_applicable",
)
_ANY_STATUS = st.sampled_from(_STATUSES)
_SEVERITY: st.SearchStrategy[Severity] = st.sampled_from(("info", "low", "medium", "high", "critical"))
_DIMENSION = st.sampled_from(DIMENSIONS)
_EVIDENCE = st.lists(st.tuples(texts(), texts()), max_size=2).map(tuple)


def _concept_keys() -> tuple[str, ...]:
    return tuple(catalogue().concepts)


def _principle_ids() -> tuple[str, ...]:
    return tuple(catalogue().principles)


@st.composite
def _draft(
    draw: st.DrawFn,
    concepts: st.SearchStrategy[list[Any]],
    principles: st.SearchStrategy[list[Any]],
    provision_ids: st.SearchStrategy[Any],
    status: st.SearchStrategy[Any],
) -> FindingDraft:
    chosen: Status = draw(status)
    severity: Severity = "info" if chosen in ("compliant", "not_applicable") else draw(_SEVERITY)
    return FindingDraft(
        rule=draw(identifiers()),
        status=chosen,
        severity=severity,
        dimension=draw(_DIMENSION),
        provision_id=draw(provision_ids),
        concepts=tuple(draw(concepts)),
        principles=tuple(draw(principles)),
        reason=draw(texts()),
        evidence=draw(_EVIDENCE),
        recommendation=draw(_OPTIONAL_TEXT),
        data_confidence=draw(_CONFIDENCE),
    )


def finding_drafts(
    *,
    concepts: Any = None,
    principles: Any = None,
    provision_ids: Sequence[str | None] = (None,),
    status: Any = None,
) -> st.SearchStrategy[FindingDraft]:
    """What a checker returns. By default a draft cites any concept and principle of the
    catalogue; pass those a checker declares (and the ids of a law's provisions) to get
    drafts the engine accepts from that checker for that law."""
    if not provision_ids:
        raise InvalidArgument("provision_ids: give at least one (None stands for the law as a whole)")
    concept_pick = (
        st.deferred(lambda: st.sampled_from(_concept_keys()))
        if concepts is None
        else _pick("concepts", concepts, _concept_keys())
    )
    principle_pick = (
        st.deferred(lambda: st.sampled_from(_principle_ids()))
        if principles is None
        else _pick("principles", principles, _principle_ids())
    )
    return _draft(
        _concept_lists(concept_pick),
        _principle_lists(principle_pick),
        st.sampled_from(tuple(provision_ids)),
        _pick("status", status, _STATUSES),
    )


def _concept_lists(concepts: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(concepts, min_size=1, max_size=2, unique=True)


def _principle_lists(principles: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(principles, max_size=2, unique=True)


_ANY_CONCEPTS = _concept_lists(st.deferred(lambda: st.sampled_from(_concept_keys())))
_ANY_PRINCIPLES = _principle_lists(st.deferred(lambda: st.sampled_from(_principle_ids())))
_ANY_DRAFT = finding_drafts()


def _resolved(d: FindingDraft, law: NationalLaw, convention: str, checker: str, version: str) -> Finding:
    """A draft resolved as the engine resolves one: articles, principles and red lines from the catalogue."""
    cat = catalogue()
    provision = next((p for p in law.provisions() if p.id == d.provision_id), None)
    return Finding(
        checker=checker,
        checker_version=version,
        rule=d.rule,
        status=d.status,
        severity=d.severity,
        dimension=d.dimension,
        provision=ProvisionRef(
            law_id=law.id,
            provision_id=provision.id if provision else None,
            citation=provision.citation if provision else "(the instrument as a whole)",
        ),
        articles=tuple(
            ArticleCitation(concept=a.concept, ref=a.ref, title=a.title, version=convention, confidence=a.confidence)
            for a in (cat.resolve(k, convention) for k in d.concepts)
        ),
        principles=tuple(cat.principle_citation(pid) for pid in d.principles),
        red_lines=cat.red_lines_for(d.principles, d.concepts),
        reason=d.reason,
        evidence=tuple(Evidence(path=p, value=v) for p, v in d.evidence),
        confidence=d.data_confidence,
        recommendation=d.recommendation,
    )


_SMALL_LAW = national_laws(max_offences=2, max_powers=1, max_rules=1)
_CONVENTION = st.sampled_from(TEXT_VERSIONS)
_VERSION = st.sampled_from(("1.0", "0.1", "2.3"))


@st.composite
def _finding(draw: st.DrawFn, law: NationalLaw | None, status: st.SearchStrategy[Any]) -> Finding:
    subject = law if law is not None else draw(_SMALL_LAW)
    ids = (None, *(p.id for p in subject.provisions()))
    d = draw(_draft(_ANY_CONCEPTS, _ANY_PRINCIPLES, st.sampled_from(ids), status))
    return _resolved(d, subject, draw(_CONVENTION), draw(identifiers()), draw(_VERSION))


def findings(*, law: NationalLaw | None = None, status: Any = None) -> st.SearchStrategy[Finding]:
    """Resolved findings about ``law`` (a generated law if not given), citing real catalogue rows."""
    return _finding(law, _pick("status", status, _STATUSES))


@st.composite
def _verdict(draw: st.DrawFn, laws: st.SearchStrategy[NationalLaw], max_findings: int) -> Verdict:
    law = draw(laws)
    convention = draw(_CONVENTION)
    checker_ids = draw(st.lists(identifiers(), min_size=1, max_size=3, unique=True))
    ids = st.sampled_from((None, *(p.id for p in law.provisions())))
    found = []
    for _ in range(draw(st.integers(0, max_findings))):
        d = draw(_draft(_ANY_CONCEPTS, _ANY_PRINCIPLES, ids, _ANY_STATUS))
        found.append(_resolved(d, law, convention, draw(st.sampled_from(checker_ids)), "1.0"))
    found.sort(key=finding_order)
    return Verdict(
        law=LawIdentity(id=law.id, jurisdiction=law.jurisdiction, title=law.title, content_hash=law.content_hash()),
        as_of=draw(_DATE),
        convention=convention,
        library_version=draw(st.sampled_from(("0.1.0", "1.0.0"))),
        checkers=tuple(CheckerInfo(id=c, version="1.0", title=c, plugin="generated") for c in sorted(checker_ids)),
        complete=True,
        findings=tuple(found),
        summary=summarise(found, catalogue()),
    )


def verdicts(
    *, laws: st.SearchStrategy[NationalLaw] | None = None, max_findings: int = 6
) -> st.SearchStrategy[Verdict]:
    """Complete verdicts whose summaries are derived from their findings by the engine's own rule."""
    _size("findings", 0, max_findings)
    subjects = laws if laws is not None else national_laws(max_offences=3, max_powers=2, max_rules=1)
    return _verdict(subjects, max_findings)
