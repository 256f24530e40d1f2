"""The ``triage`` and ``exposure`` subcommands (their options are in :mod:`._cli_triage_options`).

``triage`` streams JSON Lines in and out: requests are read, triaged and written in chunks, so
memory stays flat however long the input is. A malformed line is reported with its line number to
the error output and the other lines are still triaged; the summary counts every input line.
With ``--jobs N`` chunks go to N worker processes, at most ``2 N`` chunks in flight, and results
are written in input order.

Exit codes: 0 every request triaged; 2 a line was malformed, or bad usage or law files.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import IO, Any, BinaryIO

from ..errors import LawDataError, Problem
from ..cooperation.request import MAX_LINE_BYTES, parse_request_line
from ..cooperation.triage.grounds import DISCLAIMER, GROUND_KINDS, OUTCOMES, Decision, Ground, Triager

EXIT_OK = 0
EXIT_BAD_INPUT = 2
CHUNK_LINES = 512
SINGLE_FILE_SUFFIXES = (".yaml", ".yml", ".json")


# --- tallies and rendering -----------------------------------------------------------------


@dataclass
class Tally:
    """What happened to every input line: the summary is built from this alone."""

    lines: int = 0
    blank: int = 0
    malformed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    grounds: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def triaged(self) -> int:
        return sum(self.outcomes.values())

    def record(self, decision: Decision) -> None:
        self.count(decision.outcome, decision.grounds)

    def count(self, outcome: str, grounds: Iterable[Ground]) -> None:
        self.outcomes[outcome] += 1
        for g in grounds:
            self.grounds[(g.ground, g.effect)] += 1

    def merge(self, other: Tally) -> None:
        self.lines += other.lines
        self.blank += other.blank
        self.malformed += other.malformed
        self.outcomes.update(other.outcomes)
        self.grounds.update(other.grounds)


CSV_COLUMNS = (
    "request",
    "requesting_state",
    "requested_state",
    "as_of",
    "convention",
    "outcome",
    "measures",
    "grounds",
    "missing",
    "conditions",
    "disclaimer",
)


def _articles(g: Any) -> str:
    return ", ".join(f"Art {a.ref}" if a.ref else f"({a.title}: number not recorded)" for a in g.convention)


def render_header(fmt: str) -> str:
    if fmt == "csv":
        return _csv_line(CSV_COLUMNS)
    if fmt == "markdown":
        return f"# Triage of assistance requests\n\n*{DISCLAIMER}*\n"
    return ""


def render_decision(d: Decision, fmt: str) -> str:
    if fmt == "jsonl":
        return d.to_json() + "\n"
    if fmt == "csv":
        return _csv_line(
            (
                d.request,
                d.requesting_state,
                d.requested_state,
                d.as_of.isoformat(),
                d.convention,
                d.outcome,
                "; ".join(f"{m.measure}={m.outcome}" for m in d.measures),
                " | ".join(
                    f"{g.ground}={g.effect} [{_articles(g)}]"
                    + (f" ({'; '.join(c.citation for c in g.requested_state_law)})" if g.requested_state_law else "")
                    for g in d.grounds
                ),
                " | ".join(d.missing),
                " | ".join(d.conditions),
                d.disclaimer,
            )
        )
    return _markdown(d)


def _csv_line(row: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(list(row))
    return buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _words(identifier: str) -> str:
    return identifier.replace("_", " ")


def _markdown(d: Decision) -> str:
    measures = ", ".join(f"{_words(m.measure)} ({_words(m.outcome)})" for m in d.measures)
    out = [
        "",
        f"## {_md(d.request)}: {d.requesting_state} to {d.requested_state}, **{_words(d.outcome)}**",
        "",
        f"Offence: {_md(d.offence.citation)}"
        + (f" ({d.offence.law_id})" if d.offence.law_id else " (as described in the request)")
        + f". Measures: {measures}. Law as of {d.as_of.isoformat()}; Convention text `{d.convention}`.",
        "",
        "| Ground | Effect | Convention | Requested state's law | Confidence | Reason |",
        "|---|---|---|---|---|---|",
    ]
    for g in d.grounds:
        own = "; ".join(f"{c.citation} ({c.law_id})" for c in g.requested_state_law) or "(none modelled)"
        scope = f" ({', '.join(m.replace('_', ' ') for m in g.measures)})" if g.measures else ""
        out.append(
            f"| {g.ground.replace('_', ' ')}{scope} | {g.effect.replace('_', ' ')} | {_md(_articles(g))} | "
            f"{_md(own)} | {g.confidence} | {_md(g.reason)} |"
        )
    if d.missing:
        out += ["", "Missing: " + "; ".join(_md(m) for m in d.missing)]
    if d.conditions:
        out += ["", "Conditions: " + " ".join(_md(c) for c in d.conditions)]
    return "\n".join(out) + "\n"


def render_summary(t: Tally, errors_to: str) -> str:
    lines = [
        f"Triage summary ({DISCLAIMER.split(':')[0].lower()})",
        f"  input lines {t.lines:>12}",
        f"  triaged     {t.triaged:>12}",
        f"  malformed   {t.malformed:>12}" + (f"  (reported to {errors_to})" if t.malformed else ""),
        f"  blank       {t.blank:>12}",
        "",
        f"  {'outcome':<24}{'count':>10}",
    ]
    lines += [f"  {o:<24}{t.outcomes.get(o, 0):>10}" for o in OUTCOMES]
    head = "".join(f"{o.replace('assist_with_conditions', 'with_conditions'):>17}" for o in OUTCOMES)
    lines += ["", f"  {'ground':<22}{head}"]
    for kind in GROUND_KINDS:
        counts = [t.grounds.get((kind, o), 0) for o in OUTCOMES]
        if any(counts):
            lines.append(f"  {kind:<22}" + "".join(f"{c:>17}" for c in counts))
    return "\n".join(lines) + "\n"


# --- the streaming pipeline ------------------------------------------------------------------

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


ChunkResult = tuple[str, list[str], Tally]


def triage_chunk(triager: Triager, fmt: str, filename: str, chunk: list[Record]) -> ChunkResult:
    """Triage one chunk of lines: (rendered output, error reports, tally)."""
    out: list[str] = []
    errors: list[str] = []
    tally = Tally(lines=len(chunk))
    for number, raw in chunk:
        if isinstance(raw, Problem):
            tally.malformed += 1
            errors.append(str(raw))
            continue
        if not raw.strip():
            tally.blank += 1
            continue
        try:
            request = parse_request_line(raw, filename, number)
            if fmt == "jsonl":  # the line without building the Decision object (tests check they agree)
                line, outcome, grounds = triager.triage_json(request)
                out.append(line + "\n")
                tally.count(outcome, grounds)
                continue
            decision = triager.triage(request)
        except LawDataError as exc:
            tally.malformed += 1
            errors.extend(str(p) for p in _placed(exc.problems, raw, filename, number))
            continue
        tally.record(decision)
        out.append(render_decision(decision, fmt))
    return "".join(out), errors, tally


def _placed(problems: Iterable[Problem], raw: bytes, filename: str, line: int) -> list[Problem]:
    """Give a reference problem (unknown law or offence) its line and column in the input."""
    from ..files.strict_yaml import read_yaml

    placed = []
    for p in problems:
        if p.line == 0:
            doc, _ = read_yaml(raw, filename)
            column = doc.locate(tuple(p.field.split(".")))[1] if doc else 1
            p = replace(p, file=filename, line=line, column=column)
        placed.append(p)
    return placed


_WORKER: dict[str, Any] = {}


def _init_worker(law_paths: list[str], convention: str, as_of: date | None) -> None:
    from ..files.loader import load_laws

    _WORKER["triager"] = Triager(load_laws(law_paths), convention=convention, as_of=as_of)


def _worker_chunk(fmt: str, filename: str, chunk: list[Record]) -> ChunkResult:
    return triage_chunk(_WORKER["triager"], fmt, filename, chunk)


def run_stream(
    records: Iterable[Record],
    *,
    triager: Triager,
    law_paths: list[str],
    fmt: str,
    filename: str,
    write: Callable[[str], Any],
    report: Callable[[str], Any],
    jobs: int = 1,
    progress: Callable[[int], Any] | None = None,
    chunk_lines: int = CHUNK_LINES,
) -> Tally:
    """Triage ``records`` in chunks, writing decisions in input order; returns the tally of every line.

    With ``jobs > 1`` chunks run in worker processes that load ``law_paths`` themselves, with at most
    ``2 * jobs`` chunks in flight, so memory does not grow with the input.
    """
    tally = Tally()

    def handle(result: ChunkResult) -> None:
        text, errors, part = result
        if text:
            write(text)
        for e in errors:
            report(e + "\n")
        tally.merge(part)
        if progress is not None:
            progress(part.lines)

    if jobs == 1:
        for chunk in _chunks(records, chunk_lines):
            handle(triage_chunk(triager, fmt, filename, chunk))
        return tally
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # workers load the laws themselves; no fork of a threaded parent
    pending: deque[Future[ChunkResult]] = deque()
    initargs = (law_paths, triager.convention, triager.default_day)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=initargs) as pool:
        for chunk in _chunks(records, chunk_lines):
            pending.append(pool.submit(_worker_chunk, fmt, filename, chunk))
            if len(pending) >= 2 * jobs:
                handle(pending.popleft().result())
        while pending:
            handle(pending.popleft().result())
    return tally


def _open_out(path: str | None) -> IO[str]:
    if path:
        return open(path, "w", encoding="utf-8", newline="")  # closed by the caller
    return sys.stdout


def _progress_bar() -> Any:
    """A tqdm bar on an interactive terminal only (tqdm is imported only then)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" lines", file=sys.stderr, mininterval=0.5, desc="triage")


def run_triage(args: argparse.Namespace) -> int:
    from ..files.loader import load_laws

    laws = load_laws(args.laws)
    triager = Triager(laws, convention=args.convention, as_of=args.as_of)
    out = _open_out(args.output)
    err: IO[str] = open(args.errors, "w", encoding="utf-8") if args.errors else sys.stderr  # noqa: SIM115
    bar = _progress_bar()
    try:
        out.write(render_header(args.format))
        if args.requests != "-" and Path(args.requests).suffix in SINGLE_FILE_SUFFIXES:
            tally = _triage_single(triager, args.requests, args.format, out.write, err.write)
        else:
            tally = _triage_lines(triager, args, out.write, err.write, bar)
    finally:
        if bar is not None:
            bar.close()
        if out is not sys.stdout:
            out.close()
        if err is not sys.stderr:
            err.close()
    summary_to = sys.stderr if out is sys.stdout else sys.stdout
    summary_to.write(render_summary(tally, args.errors or "standard error"))
    return EXIT_BAD_INPUT if tally.malformed else EXIT_OK


def _triage_lines(
    triager: Triager, args: argparse.Namespace, write: Callable[[str], Any], report: Callable[[str], Any], bar: Any
) -> Tally:
    if args.requests == "-":
        stream, name = sys.stdin.buffer, "<stdin>"
    else:
        from ..files.loader import _display_name

        name = _display_name(Path(args.requests))
        try:
            stream = open(args.requests, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise LawDataError([Problem(name, 0, 0, "", f"cannot read file: {exc.strerror}", "io")]) from None
    try:
        return run_stream(
            read_records(stream, name),
            triager=triager,
            law_paths=list(args.laws),
            fmt=args.format,
            filename=name,
            write=write,
            report=report,
            jobs=args.jobs,
            progress=bar.update if bar is not None else None,
        )
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _triage_single(
    triager: Triager, path: str, fmt: str, write: Callable[[str], Any], report: Callable[[str], Any]
) -> Tally:
    """One request in a YAML or JSON file; it counts as one input."""
    from ..files.strict_yaml import read_yaml
    from ..cooperation.request import load_request

    tally = Tally(lines=1)
    try:
        decision = triager.triage(load_request(path))
    except LawDataError as exc:
        tally.malformed += 1
        for p in exc.problems:
            if p.file == "(request)":  # a reference to an unknown law or offence: place it in the file
                doc, _ = read_yaml(Path(path).read_bytes(), path)
                line, column, _ = doc.locate(tuple(p.field.split("."))) if doc else (1, 1, "")
                p = replace(p, file=os.path.relpath(path), line=line, column=column)
            report(str(p) + "\n")
        return tally
    tally.record(decision)
    write(render_decision(decision, fmt))
    return tally


def run_exposure(args: argparse.Namespace) -> int:
    from ..cooperation.exposure import CSV_COLUMNS as EXPOSURE_COLUMNS
    from ..cooperation.exposure import exposure_csv_rows, exposure_map
    from ..files.loader import load_laws

    m = exposure_map(load_laws(args.laws), convention=args.convention, as_of=args.as_of)
    if args.format == "json":
        text = m.to_json()
    elif args.format == "html":
        from ..reports.html import render_exposure_html

        text = render_exposure_html(m)
    else:
        text = _csv_line(EXPOSURE_COLUMNS) + "".join(_csv_line(row) for row in exposure_csv_rows(m))
    out = _open_out(args.output)
    try:
        out.write(text)
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_OK
