"""Render verdicts as terminal text, Markdown, JSON or CSV (HTML lives in :mod:`.report`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..engine.verdict import DIMENSIONS, SEVERITY_RANK, STATUS_MARK, Finding, Verdict

if TYPE_CHECKING:
    from .compare import Comparison

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
    if fmt == "csv":
        return render_csv(verdicts)
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


CSV_COLUMNS = (
    "law_id",
    "jurisdiction",
    "law_title",
    "as_of",
    "convention",
    "checker",
    "checker_version",
    "rule",
    "dimension",
    "status",
    "severity",
    "provision_id",
    "citation",
    "file",
    "line",
    "articles",
    "article_titles",
    "principles",
    "red_lines",
    "confidence",
    "reason",
    "recommendation",
    "evidence",
)
"""Column order of the CSV output; new columns are only ever appended."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell; text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_rows_text(rows: Sequence[Sequence[str]]) -> str:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def csv_rows(v: Verdict) -> str:
    """The CSV rows (no header) of one verdict's findings."""
    return csv_rows_text(
        [
            [
                _cell(x)
                for x in (
                    v.law.id,
                    v.law.jurisdiction,
                    v.law.title,
                    v.as_of.isoformat(),
                    v.convention,
                    f.checker,
                    f.checker_version,
                    f.rule,
                    f.dimension,
                    f.status,
                    f.severity,
                    f.provision.provision_id,
                    f.provision.citation,
                    f.provision.file,
                    f.provision.line,
                    "; ".join(f"Art {a.ref}" if a.ref else "(no counterpart)" for a in f.articles),
                    "; ".join(a.title for a in f.articles),
                    "; ".join(p.name for p in f.principles),
                    "; ".join(f.red_lines),
                    f.confidence,
                    f.reason,
                    f.recommendation,
                    json.dumps([[e.path, e.value] for e in f.evidence], ensure_ascii=False),
                )
            ]
            for f in v.findings
        ]
    )


def render_csv(verdicts: Sequence[Verdict]) -> str:
    """One row per finding, in :data:`CSV_COLUMNS` order, for spreadsheets."""
    return csv_rows_text([CSV_COLUMNS]) + "".join(csv_rows(v) for v in verdicts)



def render_comparison_markdown(c: Comparison) -> str:
    """The heatmaps as Markdown tables, then the findings behind every cell that is not a pass."""
    verdicts = {v.law.id: v for v in c.verdicts}
    out = [
        f"# Comparison of {len(c.verdicts)} laws in {len(c.rows)} jurisdictions",
        "",
        f"*{_md(c.disclaimer)}*",
        "",
        f"- As of {c.as_of.isoformat()}; Convention text `{c.convention}`; cybercrime-check {c.library_version}",
        "- Each cell: the worst status among the findings about that principle or red line "
        "(✗ non-compliant, ◐ partially compliant, ! checker error, ? insufficient information, "
        "✓ compliant, – not applicable, · no finding), then the number of findings.",
    ]
    for title, columns, attr in (
        ("By principle", c.principle_columns, "principles"),
        ("By red line", c.red_line_columns, "red_lines"),
    ):
        out += ["", f"## {title}", "", "| Jurisdiction | " + " | ".join(_md(col.label) for col in columns) + " |"]
        out.append("|---" * (len(columns) + 1) + "|")
        for row in c.rows:
            cells = getattr(row, attr)
            marks = (f"{STATUS_MARK[x.status]} {len(x.findings)}" if x.findings else STATUS_MARK[None] for x in cells)
            out.append(f"| {_md(row.name)} ({row.jurisdiction}) | " + " | ".join(marks) + " |")
    out += ["", "## Findings behind the cells", ""]
    labels = {col.key: col.label for col in (*c.principle_columns, *c.red_line_columns)}
    for row in c.rows:
        out += [f"### {_md(row.name)} ({row.jurisdiction})", ""]
        for cell in (*row.principles, *row.red_lines):
            shown = [r for r in cell.findings if r.status in SHOWN_BY_DEFAULT]
            if not shown:
                continue
            out.append(f"- **{_md(labels[cell.key])}**: {STATUS_LABEL[cell.status or 'not_applicable']}")
            for ref in shown:
                f = verdicts[ref.law_id].findings[ref.index]
                out.append(
                    f"  - {_md(f.provision.citation)} (`{ref.law_id}`), {STATUS_LABEL[f.status]}, {f.severity}; "
                    f"{_md(_articles(f))}: {_md(f.reason)}"
                )
        out.append("")
    return "\n".join(out)
