"""Run checkers on a law, each in isolation, and assemble the verdict.

pluggy stops at the first exception and has no time-outs, so the engine does
not call checkers through the hook: it collects the registered
:class:`Checker` objects and runs each one itself, in its own daemon thread.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Any, cast

import pluggy

from . import hookspec
from ._gc import gc_paused
from ..model.fields import lowest_confidence
from .._version import __version__
from .catalogue import CATALOGUE_TO_DATA, DEFAULT_VERSION, Catalogue, catalogue
from .checker import Checker, EvaluationContext, FindingDraft
from ..errors import UsageError
from ..model.law import NationalLaw
from ..files.loader import origin_of
from .verdict import (
    DIMENSIONS,
    ArticleCitation,
    CheckerInfo,
    Evidence,
    Finding,
    LawIdentity,
    PrincipleCitation,
    ProvisionRef,
    Summary,
    SummaryRow,
    Verdict,
    worst_status,
)

ENTRY_POINT_GROUP = "cybercrime_check"


@dataclass(frozen=True)
class LoadFailure:
    plugin: str
    error: str


@dataclass(frozen=True)
class Registry:
    """The checkers available, where each came from, and plugins that failed to load."""

    checkers: tuple[tuple[Checker, str], ...]
    failures: tuple[LoadFailure, ...]

    def select(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] = ()
    ) -> tuple[tuple[Checker, str], ...]:
        known = {c.id for c, _ in self.checkers}
        wanted = set(include) if include is not None else None
        unknown = ((wanted or set()) | set(exclude)) - known
        if unknown:
            raise UsageError(
                "unknown checker id(s): " + ", ".join(sorted(unknown)) + "; see `cybercrime-check checkers`"
            )
        return tuple(
            (c, p) for c, p in self.checkers if (wanted is None or c.id in wanted) and c.id not in set(exclude)
        )


def build_registry(
    plugins: Sequence[object] = (), *, third_party: bool = True, cat: Catalogue | None = None
) -> Registry:
    """Collect checkers from the built-ins, installed entry points and ``plugins``.

    Each entry point is loaded on its own: one broken plugin becomes a
    :class:`LoadFailure`, never a crash.
    """
    from ..checkers import builtin_plugin

    cat = cat or catalogue()
    pm = pluggy.PluginManager(hookspec.PROJECT)
    pm.add_hookspecs(hookspec)
    failures: list[LoadFailure] = []
    sources: list[tuple[str, object]] = [("builtin", builtin_plugin)]
    if third_party:
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            try:
                sources.append((ep.name, ep.load()))
            except Exception as exc:  # a broken plugin must not stop the others
                failures.append(LoadFailure(ep.name, f"{type(exc).__name__}: {exc}"))
    sources.extend((_plugin_name(p), p) for p in plugins)
    checkers: list[tuple[Checker, str]] = []
    seen: set[str] = set()
    for name, plugin in sources:
        try:
            pm.register(plugin, name=name)
            impl = pm.hook.cybercrime_check_checkers.get_hookimpls()
            contributed = [h for h in impl if h.plugin_name == name]
            for hook in contributed:
                for checker in cast("Sequence[Any]", hook.function()):
                    _validate_checker(checker, cat, seen)
                    seen.add(checker.id)
                    checkers.append((checker, name))
        except Exception as exc:
            failures.append(LoadFailure(name, f"{type(exc).__name__}: {exc}"))
    checkers.sort(key=lambda cp: cp[0].id)
    return Registry(tuple(checkers), tuple(failures))


def _plugin_name(plugin: object) -> str:
    return getattr(plugin, "__name__", None) or type(plugin).__name__


def _validate_checker(checker: Any, cat: Catalogue, seen: set[str]) -> None:
    if not isinstance(checker, Checker):
        raise TypeError(f"expected a Checker, got {type(checker).__name__}")
    if checker.id in seen:
        raise ValueError(f"checker id {checker.id!r} is already registered")
    for key in checker.concepts:
        cat.resolve(key)
    for pid in checker.principles:
        cat.principle(pid)


def default_as_of() -> date:
    """Today, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def evaluate(
    law: NationalLaw,
    *,
    convention: str = DEFAULT_VERSION,
    checkers: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    as_of: date | None = None,
    plugins: Sequence[object] = (),
    third_party: bool = True,
    registry: Registry | None = None,
    options: dict[str, Any] | None = None,
) -> Verdict:
    """Evaluate ``law`` with the selected checkers and return the verdict.

    ``checkers`` selects by id (default: all), ``exclude`` removes ids,
    ``third_party=False`` disables installed plugins, ``plugins`` adds plugin
    objects, and ``as_of`` evaluates the law as it stood on that date.
    """
    with gc_paused():
        return _evaluate(law, convention, checkers, exclude, as_of, plugins, third_party, registry, options)


def _evaluate(
    law: NationalLaw,
    convention: str,
    checkers: Iterable[str] | None,
    exclude: Iterable[str],
    as_of: date | None,
    plugins: Sequence[object],
    third_party: bool,
    registry: Registry | None,
    options: dict[str, Any] | None,
) -> Verdict:
    cat = catalogue()
    cat.check_version(convention)
    day = as_of or default_as_of()
    reg = registry or build_registry(plugins, third_party=third_party, cat=cat)
    selected = reg.select(checkers, exclude)
    ctx = EvaluationContext(convention=convention, as_of=day, catalogue=cat, options=options or {})
    current = law.as_of(day)
    findings: list[Finding] = []
    complete = not reg.failures
    for failure in reg.failures:
        findings.append(
            _error_finding(
                law,
                f"plugin:{failure.plugin}",
                "0",
                cat,
                convention,
                f"Plugin {failure.plugin!r} failed to load ({failure.error}).",
            )
        )
    refs = _ProvisionRefs(current)
    for checker, plugin in selected:
        drafts, problem = _run(checker, current, ctx, refs.ids, trusted=plugin == "builtin")
        if problem is not None:
            complete = False
            findings.append(_error_finding(law, checker.id, checker.version, cat, convention, problem))
            continue
        for d in drafts:
            findings.append(_resolve(d, checker, refs, cat, convention))
    findings.sort(key=_finding_order)
    origin = origin_of(law)
    return Verdict(
        law=LawIdentity(
            id=law.id,
            jurisdiction=law.jurisdiction,
            title=law.title,
            content_hash=law.content_hash(),
            file=origin.path if origin else None,
        ),
        as_of=day,
        convention=convention,
        library_version=__version__,
        checkers=tuple(CheckerInfo(id=c.id, version=c.version, title=c.title, plugin=p) for c, p in selected),
        complete=complete,
        findings=tuple(findings),
        summary=summarise(findings, cat),
    )


def _run(
    checker: Checker,
    law: NationalLaw,
    ctx: EvaluationContext,
    provision_ids: frozenset[str],
    *,
    trusted: bool = False,
) -> tuple[list[FindingDraft], str | None]:
    """Run one checker and return its drafts or a problem description.

    Third-party checkers run in a daemon thread so that a hang becomes a
    time-out; the built-ins (which never block) run inline, and exceeding the
    budget still counts as a failure.
    """
    box: dict[str, Any] = {}
    if trusted:
        start = time.perf_counter()
        try:
            box["result"] = list(checker.check(law, ctx))
        except Exception as exc:
            return [], f"Checker {checker.id!r} raised {type(exc).__name__}: {exc}."
        if time.perf_counter() - start > checker.timeout:
            return [], f"Checker {checker.id!r} did not finish within {checker.timeout:g} s."
        return _validate_output(checker, provision_ids, box["result"])

    def target() -> None:
        try:
            box["result"] = list(checker.check(law, ctx))
        except Exception as exc:
            box["error"] = f"{type(exc).__name__}: {exc}"

    thread = threading.Thread(target=target, name=f"checker:{checker.id}", daemon=True)
    thread.start()
    thread.join(checker.timeout)
    if thread.is_alive():
        return [], f"Checker {checker.id!r} did not finish within {checker.timeout:g} s."
    if "error" in box:
        return [], f"Checker {checker.id!r} raised {box['error']}."
    return _validate_output(checker, provision_ids, box.get("result", []))


def _validate_output(
    checker: Checker, provision_ids: frozenset[str], drafts: list[Any]
) -> tuple[list[FindingDraft], str | None]:
    allowed_concepts = set(checker.concepts)
    allowed_principles = set(checker.principles)
    for item in drafts:
        if not isinstance(item, FindingDraft):
            return [], f"Checker {checker.id!r} returned {type(item).__name__}, not a FindingDraft."
        bad = set(item.concepts) - allowed_concepts
        if bad:
            return [], f"Checker {checker.id!r} cited undeclared concept(s) {sorted(bad)}."
        badp = set(item.principles) - allowed_principles
        if badp:
            return [], f"Checker {checker.id!r} cited undeclared principle(s) {sorted(badp)}."
        if item.provision_id is not None and item.provision_id not in provision_ids:
            return [], f"Checker {checker.id!r} cited unknown provision {item.provision_id!r}."
    return drafts, None


class _ProvisionRefs:
    """The citable provisions of one law, built once per evaluation."""

    def __init__(self, law: NationalLaw) -> None:
        origin = origin_of(law)
        self.file = origin.path if origin else None
        lines = origin.lines if origin else {}
        self.by_id = {
            p.id: (
                ProvisionRef(
                    law_id=law.id, provision_id=p.id, citation=p.citation, file=self.file, line=lines.get(p.id)
                ),
                p.confidence,
            )
            for p in law.provisions()
        }
        self.ids = frozenset(self.by_id)
        self.whole = ProvisionRef(law_id=law.id, citation="(the instrument as a whole)", file=self.file)

    def get(self, provision_id: str | None) -> tuple[ProvisionRef, str]:
        if provision_id is None:
            return self.whole, "primary"
        return self.by_id[provision_id]  # validated in _run


def _resolve(d: FindingDraft, checker: Checker, refs: _ProvisionRefs, cat: Catalogue, version: str) -> Finding:
    provision, provision_conf = refs.get(d.provision_id)
    cited = [_article(cat, k, version) for k in d.concepts]
    return Finding(
        checker=checker.id,
        checker_version=checker.version,
        rule=d.rule,
        status=d.status,
        severity=d.severity,
        dimension=d.dimension,
        provision=provision,
        articles=tuple(a for a, _ in cited),
        principles=tuple(_principle(cat, pid) for pid in d.principles),
        red_lines=_red_lines(cat, d.principles, d.concepts),
        reason=d.reason,
        evidence=tuple(Evidence(path=p, value=v) for p, v in d.evidence),
        confidence=lowest_confidence(d.data_confidence, provision_conf, *(c for _, c in cited)),
        recommendation=d.recommendation,
    )


@lru_cache(maxsize=4096)
def _article(cat: Catalogue, key: str, version: str) -> tuple[ArticleCitation, str]:
    """A concept as cited in ``version``, and the data confidence it lends a finding.

    Confidence rests on the adopted-text numbering: changing the text version
    changes article numbers, never a finding's status or confidence.
    """
    a = cat.resolve(key, version)
    citation = ArticleCitation(concept=a.concept, ref=a.ref, title=a.title, version=version, confidence=a.confidence)
    return citation, CATALOGUE_TO_DATA[cat.resolve(key).confidence]


@lru_cache(maxsize=4096)
def _red_lines(cat: Catalogue, principles: tuple[str, ...], concepts: tuple[str, ...]) -> tuple[str, ...]:
    return cat.red_lines_for(principles, concepts)


@lru_cache(maxsize=1024)
def _principle(cat: Catalogue, pid: str) -> PrincipleCitation:
    p = cat.principle(pid)
    return PrincipleCitation(
        id=p.id,
        name=p.name,
        sources=tuple(f"{cat.instruments[s.instrument].title.split(' (')[0]} {s.provision}" for s in p.sources),
    )


def _error_finding(law: NationalLaw, checker_id: str, version: str, cat: Catalogue, conv: str, reason: str) -> Finding:
    ref = cat.resolve("general.human_rights", conv)
    return Finding(
        checker=checker_id,
        checker_version=version,
        rule="checker-error",
        status="error",
        severity="high",
        dimension="rights_risk",
        provision=ProvisionRef(law_id=law.id, citation="(the instrument as a whole)"),
        articles=(
            ArticleCitation(concept=ref.concept, ref=ref.ref, title=ref.title, version=conv, confidence=ref.confidence),
        ),
        principles=(),
        reason=reason + " Its findings are missing, so this verdict is incomplete.",
        confidence="unconfirmed",
        recommendation="Fix or disable the checker and evaluate again.",
    )


_DIM_ORDER = {d: i for i, d in enumerate(DIMENSIONS)}


def _finding_order(f: Finding) -> tuple[Any, ...]:
    return (
        _DIM_ORDER[f.dimension],
        f.checker,
        f.provision.line or 0,
        f.provision.provision_id or "",
        f.rule,
        f.status,
        f.reason,
    )


def summarise(findings: Sequence[Finding], cat: Catalogue) -> Summary:
    """Derive the summaries from the findings (rule: :func:`worst_status`)."""

    def rows(groups: dict[str, list[str]], labels: dict[str, str], order: list[str]) -> tuple[SummaryRow, ...]:
        out = []
        for key in order:
            statuses = groups.get(key, [])
            counts: dict[str, int] = defaultdict(int)
            for s in statuses:
                counts[s] += 1
            out.append(
                SummaryRow(
                    key=key,
                    label=labels[key],
                    status=worst_status(statuses),
                    findings=len(statuses),
                    counts=dict(sorted(counts.items())),
                )
            )
        return tuple(out)

    by_dim: dict[str, list[str]] = defaultdict(list)
    by_art: dict[str, list[str]] = defaultdict(list)
    by_pr: dict[str, list[str]] = defaultdict(list)
    by_rl: dict[str, list[str]] = defaultdict(list)
    art_labels: dict[str, str] = {}
    for f in findings:
        by_dim[f.dimension].append(f.status)
        for a in f.articles:
            by_art[a.concept].append(f.status)
            art_labels[a.concept] = f"{'Art ' + a.ref if a.ref else 'no counterpart'}: {a.title}"
        for p in f.principles:
            by_pr[p.id].append(f.status)
        for rl in f.red_lines:
            by_rl[rl].append(f.status)
    concept_order = [k for k in cat.concepts if k in by_art]
    return Summary(
        by_dimension=rows(by_dim, {d: d.replace("_", " ") for d in DIMENSIONS}, list(DIMENSIONS)),
        by_article=rows(by_art, art_labels, concept_order),
        by_principle=rows(by_pr, {k: p.name for k, p in cat.principles.items()}, list(cat.principles)),
        by_red_line=rows(
            by_rl, {k: f"Red line {r.number}: {r.title}" for k, r in cat.red_lines.items()}, list(cat.red_lines)
        ),
    )
