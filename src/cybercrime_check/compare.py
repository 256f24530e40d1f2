"""Many laws side by side: the jurisdiction x principle (and x red line) heatmap.

A cell holds the worst status (rule: :func:`~cybercrime_check.verdict.worst_status`)
among the findings of every evaluated law of that jurisdiction that cite the
principle or speak to the red line, and the findings behind it, so a reader can
always go from a colour to its reasons. Rows are jurisdictions, not laws: a
state with two instruments (a penal code and a cybercrime statute) has one row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import Field

from ._types import ISODate, Model, ShortText, Text
from ._version import __version__
from .catalogue import DEFAULT_VERSION, catalogue
from .errors import LawDataError
from .law import NationalLaw
from .verdict import DISCLAIMER, Status, Verdict, worst_status


class FindingRef(Model):
    """A pointer from a heatmap cell to one finding of one verdict."""

    law_id: ShortText
    index: int
    """Position of the finding in that law's verdict (stable: findings are sorted)."""
    status: Status


class Cell(Model):
    key: ShortText
    status: Status | None
    """Worst status of the findings behind the cell; ``None`` when no checker said anything."""
    findings: tuple[FindingRef, ...] = ()


class Row(Model):
    jurisdiction: ShortText
    name: ShortText
    law_ids: tuple[ShortText, ...]
    principles: tuple[Cell, ...]
    red_lines: tuple[Cell, ...]


class Column(Model):
    key: ShortText
    label: ShortText
    description: Text


class Comparison(Model):
    """The comparison of several verdicts; everything a renderer needs, nothing recomputed there."""

    schema_: ShortText = Field("cybercrime-check/comparison/1", alias="schema")
    disclaimer: Text = DISCLAIMER
    library_version: ShortText
    convention: ShortText
    as_of: ISODate
    principle_columns: tuple[Column, ...]
    red_line_columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    verdicts: tuple[Verdict, ...]

    model_config = Model.model_config | {"populate_by_name": True}

    def verdict(self, law_id: str) -> Verdict:
        for v in self.verdicts:
            if v.law.id == law_id:
                return v
        raise KeyError(law_id)

    def to_json(self) -> str:
        """Deterministic JSON; serialised by pydantic's core (a thousand verdicts are tens of megabytes)."""
        return self.model_dump_json(by_alias=True, indent=2) + "\n"


def _jurisdiction_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or country.name) if country else code


def build_comparison(verdicts: Sequence[Verdict]) -> Comparison:
    """Arrange verdicts (one per law, same Convention text and date) into the heatmap."""
    if not verdicts:
        raise ValueError("nothing to compare: no verdicts")
    conventions = {v.convention for v in verdicts}
    days = {v.as_of for v in verdicts}
    if len(conventions) > 1 or len(days) > 1:
        raise ValueError("verdicts to compare must share one Convention text and one as-of date")
    cat = catalogue()
    ordered = sorted(verdicts, key=lambda v: (v.law.jurisdiction, v.law.id))
    by_jurisdiction: dict[str, list[Verdict]] = defaultdict(list)
    for v in ordered:
        by_jurisdiction[v.law.jurisdiction].append(v)
    principle_keys = list(cat.principles)
    red_line_keys = list(cat.red_lines)

    rows = []
    for code, group in by_jurisdiction.items():
        by_principle: dict[str, list[FindingRef]] = defaultdict(list)
        by_red_line: dict[str, list[FindingRef]] = defaultdict(list)
        for v in group:
            for i, f in enumerate(v.findings):
                ref = FindingRef(law_id=v.law.id, index=i, status=f.status)
                for p in f.principles:
                    by_principle[p.id].append(ref)
                for rl in f.red_lines:
                    by_red_line[rl].append(ref)

        def cells(groups: dict[str, list[FindingRef]], keys: Iterable[str]) -> tuple[Cell, ...]:
            return tuple(
                Cell(
                    key=k,
                    status=worst_status([r.status for r in groups[k]]) if groups.get(k) else None,
                    findings=tuple(groups.get(k, ())),
                )
                for k in keys
            )

        rows.append(
            Row(
                jurisdiction=code,
                name=_jurisdiction_name(code),
                law_ids=tuple(v.law.id for v in group),
                principles=cells(by_principle, principle_keys),
                red_lines=cells(by_red_line, red_line_keys),
            )
        )
    first = ordered[0]
    return Comparison(
        library_version=__version__,
        convention=first.convention,
        as_of=first.as_of,
        principle_columns=tuple(
            Column(key=k, label=p.name, description=p.description) for k, p in cat.principles.items()
        ),
        red_line_columns=tuple(
            Column(key=k, label=f"Red line {r.number}", description=f"{r.title}. {r.description}")
            for k, r in cat.red_lines.items()
        ),
        rows=tuple(rows),
        verdicts=tuple(ordered),
    )


_Job = tuple[str, str, date | None, bool, bool]


def _evaluate_file(job: _Job) -> tuple[NationalLaw | None, Verdict] | LawDataError:
    from .engine import evaluate
    from .loader import load_law

    path, convention, as_of, third_party, keep_law = job
    try:
        law = load_law(path)
    except LawDataError as exc:  # returned, so that every bad file is reported, not just the first
        return exc
    verdict = evaluate(law, convention=convention, as_of=as_of, third_party=third_party)
    # Sending the law back from a worker costs as much as the verdict; only HTML reports need it.
    return (law if keep_law else None), verdict


def evaluate_files(
    paths: Sequence[str | Path],
    *,
    convention: str = DEFAULT_VERSION,
    as_of: date | None = None,
    third_party: bool = True,
    jobs: int = 1,
    keep_laws: bool = True,
    progress: Callable[[int], Any] | None = None,
) -> list[tuple[NationalLaw | None, Verdict]]:
    """Load and evaluate each file; with ``jobs > 1`` in that many processes.

    Results come back in the order of ``paths`` whatever the number of jobs,
    so the output does not depend on scheduling. With ``keep_laws=False`` the
    law slot is ``None`` (cheaper across processes). Bad input in any file raises
    :class:`~cybercrime_check.errors.LawDataError` naming the file.
    """
    from .engine import default_as_of

    day = as_of or default_as_of()
    work: list[_Job] = [(str(p), convention, day, third_party, keep_laws) for p in paths]
    results: list[tuple[NationalLaw | None, Verdict] | LawDataError] = []
    if jobs <= 1 or len(work) < 2:
        for job in work:
            results.append(_evaluate_file(job))
            if progress:
                progress(1)
    else:
        chunk = max(1, len(work) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for item in pool.map(_evaluate_file, work, chunksize=chunk):
                results.append(item)
                if progress:
                    progress(1)
    problems = [p for r in results if isinstance(r, LawDataError) for p in r.problems]
    if problems:
        raise LawDataError(problems)
    return [r for r in results if not isinstance(r, LawDataError)]
