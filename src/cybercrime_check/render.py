"""Render verdicts as terminal text, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .verdict import DIMENSIONS, SEVERITY_RANK, Finding, Verdict

SHOWN_BY_DEFAULT = frozenset({"non_compliant", "partially_compliant", "insufficient_information", "error"})
STATUS_LABEL = {
    "compliant": "compliant",
    "non_compliant": "NON-COMPLIANT",
    "partially_compliant": "partially compliant",
    "insufficient_information": "insufficient information",
    "not_applicable": "not applicable",
    "error": "ERROR",
}


def render_verdicts(verdicts: Sequence[Verdict], fmt: str, *, show_all: bool = False) -> str:
    if fmt == "json":
        if len(verdicts) == 1:
            return verdicts[0].to_json()
        data = [v.model_dump(mode="json", by_alias=True) for v in verdicts]
        return json.dumps({"verdicts": data}, ensure_ascii=False, indent=2) + "\n"
    render = render_markdown if fmt == "markdown" else render_text
    return "\n".join(render(v, show_all=show_all) for v in verdicts)


def _articles(f: Finding) -> str:
    return ", ".join(f"Art {a.ref}" if a.ref else f"(no counterpart: {a.title})" for a in f.articles)


def _ordered(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.provision.line or 0, f.checker, f.rule))


def render_text(v: Verdict, *, show_all: bool = False) -> str:
    lines = [
        f"{v.law.title} [{v.law.jurisdiction}] ({v.law.id})",
        f"Convention text: {v.convention}   as of {v.as_of.isoformat()}   cybercrime-check {v.library_version}",
        f"Input: {v.law.file or '(in memory)'}  {v.law.content_hash}",
    ]
    if not v.complete:
        lines.append("INCOMPLETE: a checker failed; see the ERROR findings.")
    lines.append("")
    lines.append("Summary")
    for row in v.summary.by_dimension:
        counts = ", ".join(f"{n} {STATUS_LABEL[s]}" for s, n in row.counts.items())
        lines.append(f"  {row.label:<22} {STATUS_LABEL[row.status]:<26} ({counts or 'no findings'})")
    for dim in DIMENSIONS:
        found = [f for f in v.findings if f.dimension == dim and (show_all or f.status in SHOWN_BY_DEFAULT)]
        hidden = sum(1 for f in v.findings if f.dimension == dim) - len(found)
        lines.append("")
        lines.append(dim.replace("_", " ").capitalize())
        if not found:
            lines.append("  (nothing to report)")
        for f in _ordered(found):
            where = f.provision.citation + (f" (line {f.provision.line})" if f.provision.line else "")
            principles = ", ".join(p.name for p in f.principles) or "-"
            lines.append(f"  [{STATUS_LABEL[f.status]}, {f.severity}] {where} -> {_articles(f)}; {principles}")
            lines.append(f"      {f.reason}")
            if f.confidence in ("weak", "unconfirmed"):
                lines.append(f"      (confidence: {f.confidence})")
        if hidden:
            lines.append(f"  ... and {hidden} compliant or not-applicable finding(s) (--all shows them)")
    lines.append("")
    lines.append(v.disclaimer)
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(v: Verdict, *, show_all: bool = False) -> str:
    out = [
        f"# {_md(v.law.title)} ({v.law.jurisdiction})",
        "",
        f"*{_md(v.disclaimer)}*",
        "",
        f"- Law id: `{v.law.id}`; input hash `{v.law.content_hash}`",
        f"- Convention text: `{v.convention}`; as of {v.as_of.isoformat()}; cybercrime-check {v.library_version}",
        f"- Complete: {'yes' if v.complete else 'no (a checker failed)'}",
        "",
        "## Summary",
        "",
        "| Dimension | Status | Findings |",
        "|---|---|---|",
    ]
    for row in v.summary.by_dimension:
        out.append(f"| {row.label} | {STATUS_LABEL[row.status]} | {row.findings} |")
    for dim in DIMENSIONS:
        found = [f for f in v.findings if f.dimension == dim and (show_all or f.status in SHOWN_BY_DEFAULT)]
        out += ["", f"## {dim.replace('_', ' ').capitalize()}", ""]
        if not found:
            out.append("Nothing to report.")
            continue
        out += ["| Provision | Status | Severity | Convention | Principles | Reason |", "|---|---|---|---|---|---|"]
        for f in _ordered(found):
            out.append(
                f"| {_md(f.provision.citation)} | {STATUS_LABEL[f.status]} | {f.severity} | {_md(_articles(f))} | "
                f"{_md(', '.join(p.name for p in f.principles))} | {_md(f.reason)} |"
            )
    return "\n".join(out) + "\n"
