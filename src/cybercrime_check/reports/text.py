"""Verdicts as terminal text: the summary by dimension, then the findings that need attention."""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.review import review_words
from ..engine.verdict import DIMENSIONS, SEVERITY_RANK, Finding, Verdict
from ..errors import one_line
from ..model.wording import article_label, words

term = one_line
"""Data in terminal text: the one rule of every text output (control characters such as ESC, NUL and line
breaks shown as escapes, so that a law cannot move the cursor, recolour the screen or forge a line)."""

SHOWN_BY_DEFAULT = frozenset({"non_compliant", "partially_compliant", "exposed", "insufficient_information", "error"})
STATUS_LABEL = {
    "compliant": "compliant",
    "non_compliant": "NON-COMPLIANT",
    "partially_compliant": "partially compliant",
    "insufficient_information": "insufficient information",
    "exposed": "exposed to cooperation",
    "not_applicable": "not applicable",
    "error": "ERROR",
}


def articles_text(f: Finding) -> str:
    """The articles a finding cites, as text and Markdown reports show them."""
    return ", ".join(article_label(a.ref, a.title, missing="(no counterpart: {title})") for a in f.articles)


def by_severity(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.provision.line or 0, f.checker, f.rule))


def render_text(v: Verdict, *, show_all: bool = False) -> str:
    lines = [
        f"{term(v.law.title)} [{v.law.jurisdiction}] ({v.law.id})",
        f"Convention text: {v.convention}   as of {v.as_of.isoformat()}   cybercrime-check {v.library_version}",
        f"Input: {term(v.law.file or '(in memory)')}  {v.law.content_hash}",
    ]
    if not v.complete:
        lines.append("INCOMPLETE: a checker failed; see the ERROR findings.")
    for t in v.treaties:
        lines.append(f"Treaty: {v.law.jurisdiction} is {term(t.words)} ({t.confidence})")
    if v.baseline is not None:
        b = v.baseline
        lines.append(
            f"Baseline {term(b.file)} (as of {b.as_of.isoformat()}): {b.shown} new or worse listed, {b.hidden} "
            f"unchanged left out, {b.resolved} of its findings no longer appear."
        )
    for label in v.unmatched_reviews:
        lines.append(f"Review matches no finding: {term(label)}")
    lines.append("")
    lines.append("Summary")
    for row in v.summary.by_dimension:
        counts = ", ".join(f"{n} {STATUS_LABEL[s]}" for s, n in row.counts.items())
        lines.append(f"  {row.label:<22} {STATUS_LABEL[row.status]:<26} ({counts or 'no findings'})")
    for dim in DIMENSIONS:
        found = [f for f in v.findings if f.dimension == dim and (show_all or f.status in SHOWN_BY_DEFAULT)]
        hidden = sum(1 for f in v.findings if f.dimension == dim) - len(found)
        lines.append("")
        lines.append(words(dim).capitalize())
        if not found:
            lines.append("  (nothing to report)")
        for f in by_severity(found):
            where = term(f.provision.citation) + (f" (line {f.provision.line})" if f.provision.line else "")
            principles = term(", ".join(p.name for p in f.principles)) or "-"
            lines.append(
                f"  [{STATUS_LABEL[f.status]}, {f.severity}] {where} -> {term(articles_text(f))}; {principles}"
            )
            lines.append(f"      {term(f.reason)}")
            said = review_words(f)
            if said:
                lines.append(f"      Review: {term(said)}")
            if f.confidence in ("weak", "unconfirmed"):
                lines.append(f"      (confidence: {f.confidence})")
        if hidden:
            lines.append(f"  ... and {hidden} compliant or not-applicable finding(s) (--all shows them)")
    lines.append("")
    lines.append(v.disclaimer)
    return "\n".join(lines) + "\n"
