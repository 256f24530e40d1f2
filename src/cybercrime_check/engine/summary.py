"""Summaries derived from the findings, by dimension, article, principle and red line."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model.wording import words
from .catalogue import Catalogue
from .verdict import (
    DIMENSIONS,
    Finding,
    Summary,
    SummaryRow,
    worst_status,
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
        by_dimension=rows(by_dim, {d: words(d) for d in DIMENSIONS}, list(DIMENSIONS)),
        by_article=rows(by_art, art_labels, concept_order),
        by_principle=rows(by_pr, {k: p.name for k, p in cat.principles.items()}, list(cat.principles)),
        by_red_line=rows(
            by_rl, {k: f"Red line {r.number}: {r.title}" for k, r in cat.red_lines.items()}, list(cat.red_lines)
        ),
    )
