"""Evaluate a law: select the checkers, run each in isolation, resolve and order the findings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from .._version import __version__
from ..errors import UsageError
from ..files.loader import origin_of
from ..model.law import NationalLaw
from .catalogue import DEFAULT_VERSION, Catalogue, catalogue
from .checker import EvaluationContext
from .findings import ProvisionRefs, error_finding, finding_order, resolve_draft
from .isolation import run_checker
from .registry import Registry, build_registry
from .summary import summarise
from .verdict import (
    CheckerInfo,
    Finding,
    LawIdentity,
    TreatyLine,
    Verdict,
)
from .worker import describe


def default_as_of() -> date:
    """Today, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds).

    A ``SOURCE_DATE_EPOCH`` that is not a whole number of seconds naming a day between the years 1 and
    9999 is a :class:`~cybercrime_check.errors.UsageError`, not today's date.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if epoch.isascii() and epoch.isdigit() and len(epoch) <= 15:
            try:
                return datetime.fromtimestamp(int(epoch), tz=UTC).date()
            except (OverflowError, OSError, ValueError):
                pass
        shown = epoch if len(epoch) <= 40 else epoch[:37] + "..."
        raise UsageError(
            f"SOURCE_DATE_EPOCH={shown!r} is not a number of seconds since 1970-01-01 giving a date "
            "up to 9999-12-31 (unset it, or use --as-of)"
        )
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
            error_finding(
                law,
                f"plugin:{failure.plugin}",
                "0",
                cat,
                convention,
                f"Plugin {failure.plugin!r} failed to load ({failure.error}).",
            )
        )
    refs = ProvisionRefs(law)  # the whole law: findings may cite what is no longer in force
    for checker, plugin in selected:
        drafts, problem = run_checker(checker, current, ctx, refs.ids, trusted=plugin == "builtin", limbs=refs.limb_ids)
        if problem is None:
            try:
                resolved = [resolve_draft(d, checker, refs, cat, convention) for d in drafts]
            except Exception as exc:  # a draft that passed validation but cannot be cited
                problem = f"Checker {checker.id!r} returned a finding that cannot be resolved ({describe(exc)})."
        if problem is not None:
            complete = False
            findings.append(error_finding(law, checker.id, checker.version, cat, convention, problem))
            continue
        findings.extend(resolved)
    findings.sort(key=finding_order)
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
        treaties=treaty_lines(law.jurisdiction, day, cat),
    )


def treaty_lines(state: str, day: date, cat: Catalogue) -> tuple[TreatyLine, ...]:
    """The state's standing under each treaty with a status file, on the verdict's date."""
    from ..model.treaty import standing_on

    lines = []
    for instrument, treaty in sorted(cat.treaties.items()):
        s = standing_on(treaty, state, day)
        lines.append(
            TreatyLine(
                instrument=instrument,
                title=treaty.short_title,
                standing=s.standing,
                words=s.words,
                confidence=s.confidence,
                known_as_of=treaty.as_of,
            )
        )
    return tuple(lines)
