"""Evaluating and rendering many law files, in worker processes when asked.

Results come back in the order of the paths whatever the number of jobs, so the output does not
depend on scheduling; for JSON and CSV the workers render, and the parent receives text and a small
:class:`~cybercrime_check.reports.compare.Digest` per law, never typed verdicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..engine.catalogue import DEFAULT_VERSION
from ..engine.evaluation import default_as_of, evaluate
from ..engine.verdict import Verdict
from ..errors import LawDataError, Problem
from ..files.loader import display_name, load_law
from ..model.law import NationalLaw
from .compare import Digest, comparison_from_digests
from .tables import CSV_COLUMNS, csv_rows, csv_text

_Job = tuple[str, str, date | None, bool, bool]


def _evaluate_file(job: _Job) -> tuple[NationalLaw | None, Verdict] | LawDataError:
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
    problems += _repeated_ids(
        [(path, r[1].law.id) for path, r in zip(paths, results, strict=True) if isinstance(r, tuple)]
    )
    if problems:
        raise LawDataError(problems)
    return [r for r in results if not isinstance(r, LawDataError)]


def _repeated_ids(laws: Sequence[tuple[str | Path, str]]) -> list[Problem]:
    """A law id given twice would count its findings twice and send a heatmap's links to the wrong file."""
    seen: dict[str, str] = {}
    problems = []
    for path, law_id in laws:
        where = display_name(Path(path))
        if law_id in seen:
            problems.append(
                Problem(where, 1, 1, "id", f"law id {law_id!r} is also used by {seen[law_id]}", "duplicate_law")
            )
        else:
            seen[law_id] = where
    return problems


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
    problems += _repeated_ids(
        [(path, r.digest.law_id) for path, r in zip(paths, results, strict=True) if isinstance(r, _Rendered)]
    )
    if problems:
        raise LawDataError(problems)
    done = sorted(
        (r for r in results if isinstance(r, _Rendered)), key=lambda r: (r.digest.jurisdiction, r.digest.law_id)
    )
    if fmt == "csv":
        yield csv_text([CSV_COLUMNS])
        yield from (r.text for r in done)
        return
    head = comparison_from_digests([r.digest for r in done], ()).to_json()
    marker = '"verdicts": []'
    before, found, after = head.partition(marker)
    assert found and marker not in after
    yield before + '"verdicts": [\n    '
    for i, r in enumerate(done):
        yield (",\n    " if i else "") + r.text
    yield "\n  ]" + after
