"""Verdicts and comparisons as Markdown, with one escaping rule for every cell."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine.verdict import STATUS_MARK, Verdict
from ..errors import one_line
from ..model.wording import words
from .text import SHOWN_BY_DEFAULT, STATUS_LABEL, articles_text

if TYPE_CHECKING:
    from ..model.law import NationalLaw
    from .compare import Cell, Comparison


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


def render_markdown(v: Verdict, *, show_all: bool = False, law: NationalLaw | None = None) -> str:
    """The verdict for a submission: the same lawyer-first order as the HTML report (summary, most serious
    violations, what is not in force, data gaps, then provision by provision with caveats, sources with their
    confidence, and how to cite). Passes are listed only with ``show_all``."""
    from ..engine.review import review_words
    from .lawyer import finding_caveats, law_view

    view = law_view(law, v)
    provisions = {p.id: p for p in law.provisions()} if law is not None else {}
    out = [
        f"# {md(v.law.title)} ({v.law.jurisdiction})",
        "",
        f"*{md(v.disclaimer)}*",
        "",
        md(view["lede"]) + ("" if v.complete else " **Incomplete: a checker failed, so some findings are missing.**"),
        "",
    ]
    out += [f"- **{row['label']}:** {md(row['text'])}" for row in view["sentences"]]
    if v.treaties:
        said = "; ".join(f"{v.law.jurisdiction} is {t.words} ({t.confidence})" for t in v.treaties)
        out += ["", f"**Treaties on {v.as_of.isoformat()}:** {md(said)}."]
    if v.baseline is not None:
        b = v.baseline
        out += [
            "",
            f"> Compared with a baseline ({md(b.file)}, as of {b.as_of.isoformat()}): {b.shown} finding(s) new or "
            f"worse are listed; {b.hidden} unchanged are left out; {b.resolved} of the baseline's no longer appear.",
        ]
    if v.unmatched_reviews:
        out += ["", "> Reviews that match no finding: " + md("; ".join(v.unmatched_reviews)) + "."]
    out += ["", "## Most serious violations", ""]
    if view["top"]:
        for n, (_, f, first) in enumerate(view["top"], 1):
            prov = provisions.get(f.provision.provision_id or "")
            what = f" ({md(prov.title)})" if first and prov is not None and prov.title else ""
            out.append(
                f"{n}. **{md(f.provision.citation)}**{what}, {STATUS_LABEL[f.status]}, {f.severity}: {md(f.reason)} "
                f"({md(articles_text(f))}; {md(', '.join(p.name for p in f.principles))})"
            )
    else:
        out.append("No violation was found.")
    if view["ended"]:
        out += ["", f"## Not in force on {v.as_of.isoformat()}", ""]
        out += [f"- {md(f.provision.citation)}: {md(f.reason)}" for _, f in view["ended"]]
    if view["gaps"]:
        out += ["", "## What the data does not say", ""]
        out += [f"- {md(g['what'])}: {g['count']} ({md(', '.join(g['where']))})" for g in view["gaps"]]
    if view["scope_note"] or view["law_notes"]:
        out += ["", "## What the model covers", ""]
        if view["scope_note"]:
            out.append(f"> **Scope:** {md(view['scope_note'])}")
        if view["law_notes"]:
            out += ["", f"> **Modeller's notes:** {md(view['law_notes'])}"]
    out += ["", "## Provision by provision"]
    for block in view["by_provision"]:
        shown = [(i, f) for i, f in block["findings"] if show_all or f.status in SHOWN_BY_DEFAULT]
        title = f": {md(block['title'])}" if block["title"] else ""
        out += ["", f"### {md(block['citation'])}{title}", ""]
        line = next((f.provision.line for _, f in block["findings"] if f.provision.line), None)
        meta = [f"{md(block['counts'])}"]
        if block["confidence"]:
            meta.append(f"data confidence {block['confidence']}")
        if line and v.law.file:
            meta.append(f"{md(v.law.file)}, line {line}")
        out.append("*" + "; ".join(meta) + "*")
        if block["paraphrase"]:
            out += ["", md(block["paraphrase"]) + " *(our paraphrase)*"]
        for limb in block["limbs"]:
            out.append(f"- {md(words(limb.id))}: {md(limb.conduct)} ({words(limb.category)})")
        for c in block["caveats"]:
            out += ["", f"> **Caveat:** {md(c)}"]
        if shown:
            out.append("")
        for _, f in shown:
            stake = f"at stake: {f.severity}" if f.status == "insufficient_information" else f.severity
            principles = ", ".join(p.name for p in f.principles)
            out.append(
                f"- {STATUS_LABEL[f.status]}, {stake} ({f.confidence}): {md(f.reason)} "
                f"({md(articles_text(f))}; {md(principles)})"
            )
            if f.recommendation and f.status not in ("compliant", "not_applicable"):
                out.append(f"  - What would resolve it: {md(f.recommendation)}")
            for c in finding_caveats(f, provisions):
                out.append(f"  - Caveat: {md(c)}")
            words_ = review_words(f)
            if words_:
                out.append(f"  - Review: {md(words_)}")
    if law is not None and law.sources:
        out += ["", "## Sources of the modelled law", ""]
        for src in law.sources:
            publisher = f", {md(src.publisher)}" if src.publisher else ""
            out.append(f"- {md(src.title)}{publisher}: {md(src.url)} \\[{md(src.id)}; confidence {src.confidence}\\]")
    out += ["", "## How to cite this report", "", md(view["cite"])]
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
        "finding. A column marked (not tested) is a principle no checker that ran tests. The UN Convention column "
        "is the state's standing under it on the date (policies/treaties).",
    ]
    for title, columns, attr in (
        ("By principle", c.principle_columns, "principles"),
        ("By red line", c.red_line_columns, "red_lines"),
    ):
        heads = [md(col.label) + ("" if col.tested else " (not tested)") for col in columns]
        out += ["", f"## {title}", "", "| Jurisdiction | UN Convention | " + " | ".join(heads) + " |"]
        out.append("|---" * (len(columns) + 2) + "|")
        for row in c.rows:
            marks = (cell_text(x) for x in getattr(row, attr))
            out.append(f"| {md(row.name)} ({row.jurisdiction}) | {row.un_convention} | " + " | ".join(marks) + " |")
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
