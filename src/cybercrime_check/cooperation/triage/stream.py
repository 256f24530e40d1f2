"""Triage of a JSON Lines stream: read, triage and write in chunks, so memory stays flat.

A malformed line is reported with its line number and the other lines are still triaged; the tally
counts every input line. With ``jobs > 1`` chunks go to worker processes, at most ``2 * jobs`` in
flight, and results are written in input order.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import replace
from datetime import date
from typing import Any, BinaryIO

from ...errors import LawDataError, Problem
from ...model.law import NationalLaw
from ...reports.decisions import render_decision
from ..request import MAX_LINE_BYTES, AssistanceRequest, parse_request_line
from .cells import Cell
from .tally import Tally
from .triager import Triager

CHUNK_LINES = 512


Record = tuple[int, bytes | Problem]


def read_records(stream: BinaryIO, filename: str) -> Iterator[Record]:
    """Number the lines of a JSON Lines stream; a line over the size limit becomes a problem (and is skipped)."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, Problem(filename, number, 0, "", f"line longer than {MAX_LINE_BYTES} bytes", "too_long")
            continue
        yield number, line.rstrip(b"\n").rstrip(b"\r")


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


ChunkResult = tuple[str | bytes, list[str], Tally]


def triage_chunk(
    triager: Triager, fmt: str, filename: str, chunk: list[Record], cells: Counter[Cell] | None = None
) -> ChunkResult:
    """Triage one chunk of lines: (rendered output, error reports, tally); JSON Lines come as UTF-8 bytes.

    Two passes: pydantic validates every line of the chunk, then the valid requests are triaged. Each runs
    faster on its own than alternated with the other line by line (the processor's caches serve one at a
    time): ~13% in isolation, a few per cent of the whole stream (``benchmarks/README.md``). Reports stay in
    line order. With ``cells``, the grounds of JSON Lines decisions are counted there as cells, to be added to a
    tally once by :func:`count_grounds` (cheaper than per chunk); without it, in the chunk's tally.
    """
    errors: list[tuple[int, list[str]]] = []
    tally = Tally(lines=len(chunk))
    parsed: list[tuple[int, bytes, AssistanceRequest]] = []
    for number, raw in chunk:
        if raw.__class__ is not bytes:
            assert isinstance(raw, Problem)
            tally.malformed += 1
            errors.append((number, [str(raw)]))
            continue
        if not raw or raw.isspace():
            tally.blank += 1
            continue
        try:
            parsed.append((number, raw, parse_request_line(raw, filename, number)))
        except LawDataError as exc:
            tally.malformed += 1
            errors.append((number, [str(p) for p in _placed(exc.problems, raw, filename, number)]))
    out: list[str] = []
    lines: list[bytes] = []
    used: list[Cell] = []
    jsonl = fmt == "jsonl"
    line_into = triager.compiled.line_into if jsonl else None
    outcomes: dict[str, int] = {}
    late = False
    for number, raw, request in parsed:
        try:
            if line_into is not None:  # the line from the compiled tables (a differential test checks it)
                outcome, found = line_into(request, lines, True)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
                used += found
                continue
            decision = triager.triage(request)
        except LawDataError as exc:
            tally.malformed += 1
            errors.append((number, [str(p) for p in _placed(exc.problems, raw, filename, number)]))
            late = True
            continue
        tally.record(decision)
        out.append(render_decision(decision, fmt))
    tally.outcomes.update(outcomes)
    if late:  # a reference error found while triaging: report it in line order
        errors.sort(key=lambda e: e[0])
    if cells is None:
        count_grounds(Counter(used), tally)
    else:
        cells.update(used)
    reports = [e for _, found in errors for e in found]
    if jsonl:
        return b"".join(lines), reports, tally
    return "".join(out), reports, tally


def count_grounds(cells: Counter[Cell], tally: Tally) -> None:
    """Add the grounds that ``cells`` (each counted once per decision holding it) stand for to ``tally``."""
    grounds = tally.grounds
    for cell, n in cells.items():
        for kind in cell.tally:
            grounds[kind] += n


def _placed(problems: Iterable[Problem], raw: bytes, filename: str, line: int) -> list[Problem]:
    """Give a reference problem (unknown law or offence) its line and column in the input."""
    from ...files.strict_yaml import read_yaml

    placed = []
    for p in problems:
        if p.line == 0:
            doc, _ = read_yaml(raw, filename)
            column = doc.locate(tuple(p.field.split(".")))[1] if doc else 1
            p = replace(p, file=filename, line=line, column=column)
        placed.append(p)
    return placed


_WORKER: dict[str, Any] = {}


def _init_worker(laws: tuple[NationalLaw, ...], convention: str, as_of: date | None) -> None:
    _WORKER["triager"] = Triager(laws, convention=convention, as_of=as_of)


def _worker_chunk(fmt: str, filename: str, chunk: list[Record]) -> ChunkResult:
    return triage_chunk(_WORKER["triager"], fmt, filename, chunk)


def run_stream(
    records: Iterable[Record],
    *,
    triager: Triager,
    law_paths: list[str] | None = None,
    fmt: str,
    filename: str,
    write: Callable[[str], Any],
    report: Callable[[str], Any],
    jobs: int = 1,
    progress: Callable[[int], Any] | None = None,
    chunk_lines: int = CHUNK_LINES,
    write_bytes: Callable[[bytes], Any] | None = None,
) -> Tally:
    """Triage ``records`` in chunks, writing decisions in input order; returns the tally of every line.

    With ``jobs > 1`` chunks run in worker processes, with at most ``2 * jobs`` chunks in flight, so memory
    does not grow with the input. The workers receive the laws the parent already read (``triager.laws``),
    never the files: a law file that changes during the run cannot make the workers disagree with it.
    ``law_paths`` is accepted for callers of earlier versions and not used. JSON Lines are written with
    ``write_bytes`` (UTF-8) when it is given, which saves encoding them again.
    """
    tally = Tally()

    def handle(result: ChunkResult) -> None:
        text, errors, part = result
        if isinstance(text, bytes):
            if write_bytes is not None:
                write_bytes(text)
            elif text:
                write(text.decode())
        elif text:
            write(text)
        for e in errors:
            report(e + "\n")
        tally.merge(part)
        if progress is not None:
            progress(part.lines)

    if jobs == 1:
        cells: Counter[Cell] = Counter()
        for chunk in _chunks(records, chunk_lines):
            handle(triage_chunk(triager, fmt, filename, chunk, cells))
        count_grounds(cells, tally)
        return tally
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    pending: deque[Future[ChunkResult]] = deque()
    initargs = (triager.laws, triager.convention, triager.default_day)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=initargs) as pool:
        for chunk in _chunks(records, chunk_lines):
            pending.append(pool.submit(_worker_chunk, fmt, filename, chunk))
            if len(pending) >= 2 * jobs:
                handle(pending.popleft().result())
        while pending:
            handle(pending.popleft().result())
    return tally
