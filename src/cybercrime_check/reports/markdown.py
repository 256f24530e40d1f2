"""Verdicts and comparisons as Markdown, with one escaping rule for every cell."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine.verdict import DIMENSIONS, STATUS_MARK, Verdict
from ..errors import one_line
from ..model.wording import words
from .text import SHOWN_BY_DEFAULT, STATUS_LABEL, articles_text, by_severity

if TYPE_CHECKING:
    from .compare import Comparison


_MARKDOWN = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "<": "&lt;",
        ">": "&gt;",
        "\r": " ",
        "\n": " ",
        "\t": " ",
    }
)
_SPECIAL = frozenset("\\|`[]<>\r\n\t")
_BLOCK_START = re.compile(r"^(?:[#+*=-]|[0-9]{1,9}[.)])")
"""What starts a heading, list item, rule or setext underline when it opens a line."""


def md(text: str) -> str:
    """Text for a Markdown table cell or line: the one escaping rule of every Markdown output.

    Data stays data: ``|`` cannot end a table cell, line breaks (CR and LF) cannot end the line, ``[``,
    ``]``, ``<`` and ``>`` cannot make a link, an autolink or raw HTML (``<script>``), a backtick cannot
    open code, a leading ``#``, ``-``, ``+``, ``*``, ``=`` or ``1.`` cannot start a heading or a list,
    and other control characters (NUL, ESC) are shown as escapes. Text without any of these is returned
    unchanged, so reports of ordinary data read as before.
    """
    if not _SPECIAL.isdisjoint(text):
        text = text.replace("\r\n", " ").translate(_MARKDOWN)
    text = one_line(text)
    match = _BLOCK_START.match(text)
    if match:
        text = text[: match.end() - 1] + "\\" + text[match.end() - 1 :]
    return text


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


def render_comparison_markdown(c: Comparison) -> str:
    """The heatmaps as Markdown tables, then the findings behind every cell that is not a pass."""
    verdicts = {v.law.id: v for v in c.verdicts}
    out = [
        f"# Comparison of {len(c.verdicts)} laws in {len(c.rows)} jurisdictions",
        "",
        f"*{md(c.disclaimer)}*",
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
        out += ["", f"## {title}", "", "| Jurisdiction | " + " | ".join(md(col.label) for col in columns) + " |"]
        out.append("|---" * (len(columns) + 1) + "|")
        for row in c.rows:
            cells = getattr(row, attr)
            marks = (f"{STATUS_MARK[x.status]} {len(x.findings)}" if x.findings else STATUS_MARK[None] for x in cells)
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
