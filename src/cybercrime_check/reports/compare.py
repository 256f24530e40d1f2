"""Many laws side by side: the jurisdiction x principle (and x red line) heatmap.

A cell holds the worst status (rule: :func:`~cybercrime_check.engine.verdict.worst_status`)
among the findings of every evaluated law of that jurisdiction that cite the
principle or speak to the red line, and the findings behind it, so a reader can
always go from a colour to its reasons. Rows are jurisdictions, not laws: a
state with two instruments (a penal code and a cybercrime statute) has one row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import Field

from ..model.fields import ISODate, Model, ShortText, Text
from .._version import __version__
from ..engine.catalogue import DEFAULT_VERSION, catalogue
from ..errors import LawDataError
from ..model.law import NationalLaw
from ..engine.verdict import DISCLAIMER, Status, Verdict, worst_status


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


@dataclass(frozen=True)
class Digest:
    """What the heatmap needs from one verdict: per finding its status, principles and red lines.

    Small and made of plain values, so that worker processes can send it cheaply; rebuilding a
    thousand typed verdicts in the parent would cost more than evaluating them in parallel saves.
    """

    law_id: str
    jurisdiction: str
    convention: str
    as_of: date
    marks: tuple[tuple[Status, tuple[str, ...], tuple[str, ...]], ...]

    @classmethod
    def of(cls, v: Verdict) -> Digest:
        return cls(
            v.law.id,
            v.law.jurisdiction,
            v.convention,
            v.as_of,
            tuple((f.status, tuple(p.id for p in f.principles), f.red_lines) for f in v.findings),
        )


def build_comparison(verdicts: Sequence[Verdict]) -> Comparison:
    """Arrange verdicts (one per law, same Convention text and date) into the heatmap."""
    if not verdicts:
        raise ValueError("nothing to compare: no verdicts")
    ordered = sorted(verdicts, key=lambda v: (v.law.jurisdiction, v.law.id))
    return _comparison([Digest.of(v) for v in ordered], tuple(ordered))


def _comparison(digests: Sequence[Digest], verdicts: tuple[Verdict, ...]) -> Comparison:
    if not digests:
        raise ValueError("nothing to compare: no verdicts")
    if len({d.convention for d in digests}) > 1 or len({d.as_of for d in digests}) > 1:
        raise ValueError("verdicts to compare must share one Convention text and one as-of date")
    cat = catalogue()
    ordered = sorted(digests, key=lambda d: (d.jurisdiction, d.law_id))
    by_jurisdiction: dict[str, list[Digest]] = defaultdict(list)
    for d in ordered:
        by_jurisdiction[d.jurisdiction].append(d)
    principle_keys = list(cat.principles)
    red_line_keys = list(cat.red_lines)

    rows = []
    for code, group in by_jurisdiction.items():
        by_principle: dict[str, list[FindingRef]] = defaultdict(list)
        by_red_line: dict[str, list[FindingRef]] = defaultdict(list)
        for d in group:
            for i, (status, principles, red_lines) in enumerate(d.marks):
                # Built from validated verdicts: construct without validating again (100,000s of refs).
                ref = FindingRef.model_construct(law_id=d.law_id, index=i, status=status)
                for pid in principles:
                    by_principle[pid].append(ref)
                for rl in red_lines:
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
                law_ids=tuple(d.law_id for d in group),
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
        verdicts=verdicts,
    )


_Job = tuple[str, str, date | None, bool, bool]


def _evaluate_file(job: _Job) -> tuple[NationalLaw | None, Verdict] | LawDataError:
    from ..engine.evaluate import evaluate
    from ..files.loader import load_law

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
    from ..engine.evaluate import default_as_of

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


@dataclass(frozen=True)
class _Rendered:
    digest: Digest
    text: str
    """The verdict as the chosen format renders it: indented JSON, or CSV rows without the header."""


def _render_file(job: tuple[_Job, str]) -> _Rendered | LawDataError:
    result = _evaluate_file(job[0])
    if isinstance(result, LawDataError):
        return result
    verdict = result[1]
    if job[1] == "json":  # indented as an item of the comparison's "verdicts" list
        text = verdict.model_dump_json(by_alias=True, indent=2).replace("\n", "\n    ")
    else:
        from .render import csv_rows

        text = csv_rows(verdict)
    return _Rendered(Digest.of(verdict), text)


def compare_files_text(
    paths: Sequence[str | Path],
    fmt: str,
    *,
    convention: str = DEFAULT_VERSION,
    as_of: date | None = None,
    third_party: bool = True,
    jobs: int = 1,
) -> str:
    """The comparison of ``paths`` as JSON or CSV, byte for byte what :func:`build_comparison`
    followed by :meth:`Comparison.to_json` (or ``render_csv``) gives, but rendered in the workers:
    the parent only receives each verdict's text and its :class:`Digest`, never typed verdicts.
    """
    return "".join(
        iter_compare_text(paths, fmt, convention=convention, as_of=as_of, third_party=third_party, jobs=jobs)
    )


def iter_compare_text(
    paths: Sequence[str | Path],
    fmt: str,
    *,
    convention: str = DEFAULT_VERSION,
    as_of: date | None = None,
    third_party: bool = True,
    jobs: int = 1,
) -> Iterator[str]:
    """:func:`compare_files_text` in pieces, to write a large comparison without joining it in memory."""
    from ..engine.evaluate import default_as_of

    if fmt not in ("json", "csv"):
        raise ValueError(f"compare_files_text renders json or csv, not {fmt!r}")
    day = as_of or default_as_of()
    work = [((str(p), convention, day, third_party, False), fmt) for p in paths]
    if jobs <= 1 or len(work) < 2:
        results = [_render_file(job) for job in work]
    else:
        chunk = max(1, len(work) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_render_file, work, chunksize=chunk))
    problems = [p for r in results if isinstance(r, LawDataError) for p in r.problems]
    if problems:
        raise LawDataError(problems)
    done = sorted(
        (r for r in results if isinstance(r, _Rendered)), key=lambda r: (r.digest.jurisdiction, r.digest.law_id)
    )
    if fmt == "csv":
        from .render import CSV_COLUMNS, csv_rows_text

        yield csv_rows_text([CSV_COLUMNS])
        yield from (r.text for r in done)
        return
    head = _comparison([r.digest for r in done], ()).to_json()
    marker = '"verdicts": []'
    before, found, after = head.partition(marker)
    assert found and marker not in after
    yield before + '"verdicts": [\n    '
    for i, r in enumerate(done):
        yield (",\n    " if i else "") + r.text
    yield "\n  ]" + after
