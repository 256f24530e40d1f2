"""From a checker's drafts to findings: provision, Convention article, principles and confidence resolved.

A checker cites concept keys and principle ids; this module turns them into the article numbers of
the chosen Convention text, adds the provision's file and line, and caps the confidence at that of
the data used. :func:`findings_from_drafts` is the public way to do it (the plugin test kit uses it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from ..files.loader import origin_of
from ..model.fields import lowest_confidence
from ..model.law import NationalLaw
from ..model.offence import Offence, limb_citation
from .catalogue import DEFAULT_VERSION, Catalogue, catalogue
from .checker import Checker, FindingDraft
from .isolation import validate_output
from .verdict import DIMENSIONS, ArticleCitation, Evidence, Finding, ProvisionRef

WHOLE_INSTRUMENT = "(the instrument as a whole)"


class ProvisionRefs:
    """The citable provisions (and limbs) of one law, built once per evaluation.

    Built from the whole law, not only what is in force, so that a finding can cite a provision that was
    struck down or repealed and say so.
    """

    def __init__(self, law: NationalLaw) -> None:
        origin = origin_of(law)
        self.file = origin.path if origin else None
        lines = origin.lines if origin else {}
        self.by_id: dict[str, tuple[ProvisionRef, str]] = {}
        self.limbs: dict[tuple[str, str], ProvisionRef] = {}
        for p in law.provisions():
            ref = ProvisionRef(law_id=law.id, provision_id=p.id, citation=p.cited, file=self.file, line=lines.get(p.id))
            self.by_id[p.id] = (ref, p.confidence)
            if isinstance(p, Offence):
                for limb in p.limbs:
                    self.limbs[(p.id, limb.id)] = ref.model_copy(
                        update={"limb": limb.id, "citation": limb_citation(p, limb.id)}
                    )
        self.ids = frozenset(self.by_id)
        self.limb_ids: dict[str, frozenset[str]] = {}
        for provision_id, limb_id in self.limbs:
            self.limb_ids[provision_id] = self.limb_ids.get(provision_id, frozenset()) | {limb_id}
        self.whole = ProvisionRef(law_id=law.id, citation=WHOLE_INSTRUMENT, file=self.file)

    def get(self, provision_id: str | None, limb: str | None = None) -> tuple[ProvisionRef, str]:
        if provision_id is None:
            return self.whole, "primary"
        ref, confidence = self.by_id[provision_id]  # checked by validate_output
        if limb is not None:
            ref = self.limbs.get((provision_id, limb), ref)
        return ref, confidence


def resolve_draft(d: FindingDraft, checker: Checker, refs: ProvisionRefs, cat: Catalogue, version: str) -> Finding:
    """One draft as a finding: the provision cited, the concepts as articles of ``version``, the confidence capped."""
    provision, provision_conf = refs.get(d.provision_id, d.limb)
    cited = [cat.article_citation(k, version) for k in d.concepts]
    articles = tuple(a for a, _ in cited)
    return Finding(
        checker=checker.id,
        checker_version=checker.version,
        rule=d.rule,
        status=d.status,
        severity=d.severity,
        dimension=d.dimension,
        provision=provision,
        articles=articles,
        principles=tuple(cat.principle_citation(pid) for pid in d.principles),
        red_lines=cat.red_lines_for(d.principles, d.concepts),
        reason=d.reason,
        evidence=tuple(Evidence(path=p, value=v) for p, v in d.evidence),
        confidence=lowest_confidence(d.data_confidence, provision_conf),
        citation_confidence=weakest_citation(articles),
        recommendation=d.recommendation,
    )


_CITATION_RANK = {"confirmed": 2, "partial": 1, "unconfirmed": 0}


def weakest_citation(articles: Iterable[ArticleCitation]) -> Literal["confirmed", "partial", "unconfirmed"]:
    """The least established article number among ``articles`` (``confirmed`` when there are none)."""
    ranks = [a.confidence for a in articles]
    return min(ranks, key=_CITATION_RANK.__getitem__, default="confirmed")


def findings_from_drafts(
    drafts: Iterable[FindingDraft],
    checker: Checker,
    law: NationalLaw,
    *,
    convention: str = DEFAULT_VERSION,
    cat: Catalogue | None = None,
) -> tuple[Finding, ...]:
    """Resolve ``checker``'s drafts about ``law`` as the engine does, in the engine's order.

    Raises :class:`ValueError` if a draft is not one the checker may return (an undeclared concept
    or principle, an unknown provision), as the engine would record an ``error`` finding instead.
    """
    cat = cat or catalogue()
    cat.check_version(convention)
    refs = ProvisionRefs(law)
    valid, problem = validate_output(checker, refs.ids, list(drafts), limbs=refs.limb_ids)
    if problem is not None:
        raise ValueError(problem)
    return tuple(sorted((resolve_draft(d, checker, refs, cat, convention) for d in valid), key=finding_order))


def error_finding(law: NationalLaw, checker_id: str, version: str, cat: Catalogue, conv: str, reason: str) -> Finding:
    """The finding that stands in for a checker that failed: its findings are missing."""
    citation, _ = cat.article_citation("general.human_rights", conv)
    articles = (citation,)
    return Finding(
        checker=checker_id,
        checker_version=version,
        rule="checker-error",
        status="error",
        severity="high",
        dimension="rights_risk",
        provision=ProvisionRef(law_id=law.id, citation=WHOLE_INSTRUMENT),
        articles=articles,
        principles=(),
        reason=reason + " Its findings are missing, so this verdict is incomplete.",
        confidence="unconfirmed",
        citation_confidence=weakest_citation(articles),
        recommendation="Fix or disable the checker and evaluate again.",
    )


_DIM_ORDER = {d: i for i, d in enumerate(DIMENSIONS)}


def finding_order(f: Finding) -> tuple[Any, ...]:
    """The sort key of findings in a verdict: dimension, checker, provision line and id, rule, status, reason."""
    return (
        _DIM_ORDER[f.dimension],
        f.checker,
        f.provision.line or 0,
        f.provision.provision_id or "",
        f.rule,
        f.status,
        f.reason,
    )
