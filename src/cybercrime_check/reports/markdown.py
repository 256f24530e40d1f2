"""Verdicts and comparisons as Markdown, with one escaping rule for every cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.verdict import DIMENSIONS, STATUS_MARK, Verdict
from ..model.wording import words
from .text import SHOWN_BY_DEFAULT, STATUS_LABEL, articles_text, by_severity

if TYPE_CHECKING:
    from .compare import Cell, Comparison


def md(text: str) -> str:
    """Text for a Markdown table cell or line: the one escaping rule of every Markdown output."""
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(v: Verdict, *, show_all: bool = False) -> str:
    out = [
        f"# {md(v.law.title)} ({v.law.jurisdiction})",
        "",
        f"*{md(v.disclaimer)}*",
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
        out += ["", f"## {words(dim).capitalize()}", ""]
        if not found:
            out.append("Nothing to report.")
            continue
        out += ["| Provision | Status | Severity | Convention | Principles | Reason |", "|---|---|---|---|---|---|"]
        for f in by_severity(found):
            out.append(
                f"| {md(f.provision.citation)} | {STATUS_LABEL[f.status]} | {f.severity} | {md(articles_text(f))} | "
                f"{md(', '.join(p.name for p in f.principles))} | {md(f.reason)} |"
            )
    return "\n".join(out) + "\n"


def cell_text(cell: Cell) -> str:
    """A heatmap cell in words and symbols: violations with their worst severity, else exposure, gaps or a pass."""
    if cell.violations:
        return f"{STATUS_MARK[cell.status]} {cell.violations} ({cell.severity})"
    if cell.status == "error":
        return f"{STATUS_MARK['error']} {len(cell.findings)}"
    if cell.exposed:
        return f"{STATUS_MARK['exposed']} {cell.exposed}"
    if cell.gaps:
        return f"{STATUS_MARK['insufficient_information']} {cell.gaps} (data gaps)"
    return f"{STATUS_MARK[cell.status]} {len(cell.findings)}" if cell.findings else STATUS_MARK[None]


def render_comparison_markdown(c: Comparison) -> str:
    """The heatmaps as Markdown tables, then the findings behind every cell that is not a pass."""
    verdicts = {v.law.id: v for v in c.verdicts}
    out = [
        f"# Comparison of {len(c.verdicts)} laws in {len(c.rows)} jurisdictions",
        "",
        f"*{md(c.disclaimer)}*",
        "",
        f"- As of {c.as_of.isoformat()}; Convention text `{c.convention}`; cybercrime-check {c.library_version}",
        "- Each cell counts violations first: ✗ (non-compliant) or ◐ (partially compliant), their number and the "
        "worst severity. Without violations: ⇄ offences open to cross-border evidence gathering, ! a checker error, "
        "? data gaps (the data does not allow a conclusion: never a pass), ✓ compliant, – not applicable, · no "
        "finding. A column marked (not tested) is a principle no checker that ran tests.",
    ]
    for title, columns, attr in (
        ("By principle", c.principle_columns, "principles"),
        ("By red line", c.red_line_columns, "red_lines"),
    ):
        heads = [md(col.label) + ("" if col.tested else " (not tested)") for col in columns]
        out += ["", f"## {title}", "", "| Jurisdiction | " + " | ".join(heads) + " |"]
        out.append("|---" * (len(columns) + 1) + "|")
        for row in c.rows:
            marks = (cell_text(x) for x in getattr(row, attr))
            out.append(f"| {md(row.name)} ({row.jurisdiction}) | " + " | ".join(marks) + " |")
    out += ["", "## Findings behind the cells", ""]
    labels = {col.key: col.label for col in (*c.principle_columns, *c.red_line_columns)}
    for row in c.rows:
        out += [f"### {md(row.name)} ({row.jurisdiction})", ""]
        for cell in (*row.principles, *row.red_lines):
            shown = [r for r in cell.findings if r.status in SHOWN_BY_DEFAULT]
            if not shown:
                continue
            out.append(f"- **{md(labels[cell.key])}**: {STATUS_LABEL[cell.status or 'not_applicable']}")
            for ref in shown:
                f = verdicts[ref.law_id].findings[ref.index]
                out.append(
                    f"  - {md(f.provision.citation)} (`{ref.law_id}`), {STATUS_LABEL[f.status]}, {f.severity}; "
                    f"{md(articles_text(f))}: {md(f.reason)}"
                )
        out.append("")
    return "\n".join(out)
