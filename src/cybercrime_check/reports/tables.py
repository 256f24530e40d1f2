"""CSV, written one way: the one writer and cell guard that every CSV of the project goes through.

Law data is untrusted input and CSV files are opened in spreadsheets, so every cell passes the same
guard (text that a spreadsheet would run as a formula gets a leading apostrophe) and every row the
same writer. Verdicts, comparisons, triage decisions and the exposure map all use :func:`csv_text`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from ..engine.verdict import Verdict
from ..model.wording import article_label

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
"""Column order of the verdict CSV; new columns are only ever appended."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A CSV cell; text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV text (``\\n`` line ends), every cell through :func:`cell`.

    A field holding a line break is quoted, a bare carriage return included: Python's writer quotes only
    the characters of its line terminator, so a lone ``\\r`` would otherwise end the row in a spreadsheet
    and start a new one with whatever follows (``=1+1``). Such a row is written with ``\\r\\n`` as the
    terminator, which makes the writer quote every field holding either character, and then given the
    ``\\n`` of every other row; rows without a carriage return are written exactly as before.
    """
    buf = io.StringIO()
    plain = csv.writer(buf, lineterminator="\n")
    for row in rows:
        cells = [cell(x) for x in row]
        if any("\r" in c for c in cells):
            one = io.StringIO()
            csv.writer(one, lineterminator="\r\n").writerow(cells)
            buf.write(one.getvalue()[:-2] + "\n")
        else:
            plain.writerow(cells)
    return buf.getvalue()


def csv_rows(v: Verdict) -> str:
    """The CSV rows (no header) of one verdict's findings."""
    return csv_text(
        (
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
            "; ".join(article_label(a.ref, missing="(no counterpart)") for a in f.articles),
            "; ".join(a.title for a in f.articles),
            "; ".join(p.name for p in f.principles),
            "; ".join(f.red_lines),
            f.confidence,
            f.reason,
            f.recommendation,
            json.dumps([[e.path, e.value] for e in f.evidence], ensure_ascii=False),
        )
        for f in v.findings
    )


def render_csv(verdicts: Sequence[Verdict]) -> str:
    """One row per finding, in :data:`CSV_COLUMNS` order, for spreadsheets."""
    return csv_text([CSV_COLUMNS]) + "".join(csv_rows(v) for v in verdicts)
