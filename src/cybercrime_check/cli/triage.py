"""``cybercrime-check triage``: cross-border assistance requests triaged against the modelled laws.

Streams JSON Lines in and out (see :mod:`cybercrime_check.cooperation.triage.stream`), or triages one
request in a YAML or JSON file. Exit codes: 0 every request triaged; 2 a line was malformed, or bad
usage or law files.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ._args import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Sink,
    capped_jobs,
    check_outputs,
    collecting,
    convention_option,
    input_files,
    iso_date,
    open_output,
    output_option,
    positive_int,
    standard_input,
)

if TYPE_CHECKING:
    from ..cooperation.triage.tally import Tally
    from ..cooperation.triage.triager import Triager

SINGLE_FILE_SUFFIXES = (".yaml", ".yml", ".json")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "triage",
        help="triage cross-border assistance requests (JSON Lines, or one YAML/JSON request)",
        description="Triage requests for mutual legal assistance or extradition against the modelled laws. "
        "Exit codes: 0 every request triaged; 2 a malformed line, or bad usage. "
        "Output is analysis support, not legal advice.",
    )
    p.add_argument("requests", metavar="REQUESTS", help="JSON Lines file, '-' for standard input, or one .yaml/.json")
    p.add_argument("--laws", nargs="+", required=True, metavar="DIR_OR_FILE", help="law files or directories")
    p.add_argument("--format", choices=["jsonl", "csv", "markdown"], default="jsonl")
    output_option(p, "write decisions to FILE instead of standard output")
    p.add_argument("--errors", metavar="FILE", help="write malformed-line reports to FILE (default: standard error)")
    p.add_argument("--jobs", type=positive_int, default=1, metavar="N", help="worker processes (default 1)")
    convention_option(p, "Convention text whose article numbers are cited (default: the adopted text)")
    p.add_argument(
        "--as-of", type=iso_date, default=None, help="the day whose law applies (triage: when a request has no date)"
    )
    p.set_defaults(handler=run)  # the collector is paused: a valid line leaves no cycles (see collecting)


def _progress_bar() -> Any:
    """A tqdm bar on an interactive terminal only (tqdm is imported only then)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" lines", file=sys.stderr, mininterval=0.5, desc="triage")


def run(args: argparse.Namespace) -> int:
    from ..cooperation.triage.triager import Triager
    from ..files.loader import load_laws
    from ..reports.decisions import render_header, render_summary

    reads_stdin = args.requests == "-"
    law_files = input_files(args.laws)
    inputs = law_files if reads_stdin else [*law_files, Path(args.requests)]
    check_outputs(inputs, [("-o", args.output), ("--errors", args.errors)], reads_stdin=reads_stdin)
    stdin = standard_input() if reads_stdin else None
    args.jobs = capped_jobs(args.jobs)
    laws = load_laws(law_files)
    triager = Triager(laws, convention=args.convention, as_of=args.as_of)
    bar = _progress_bar()
    # Decisions and error reports stream into temporary files that replace -o and --errors only when the
    # run is over (see open_output): a run that fails half-way leaves both files as they were.
    with ExitStack() as stack:
        out = stack.enter_context(open_output(args.output, newline=""))
        err = stack.enter_context(open_output(args.errors)) if args.errors else _stderr()
        if bar is not None:
            stack.callback(bar.close)
        out.write(render_header(args.format))
        if stdin is None and Path(args.requests).suffix in SINGLE_FILE_SUFFIXES:
            tally = _triage_single(triager, args.requests, args.format, out.write, err.write)
        else:
            # A file (opened with newline="") takes the JSON Lines as the UTF-8 bytes they are built as.
            raw = out.write_bytes if args.output else None
            tally = _triage_lines(triager, args, stdin, out.write, collecting(err.write), bar, raw)
    summary = render_summary(tally, args.errors or "standard error")
    summary_to = sys.stderr if args.output is None else sys.stdout
    if summary_to is not None:
        Sink(summary_to, "standard output" if summary_to is sys.stdout else "standard error").write(summary)
    return EXIT_BAD_INPUT if tally.malformed else EXIT_OK


def _stderr() -> Sink:
    return Sink(sys.stderr if sys.stderr is not None else open(os.devnull, "w"), "standard error")


def _triage_lines(
    triager: Triager,
    args: argparse.Namespace,
    stdin: BinaryIO | None,
    write: Callable[[str], Any],
    report: Callable[[str], Any],
    bar: Any,
    write_bytes: Callable[[bytes], Any] | None = None,
) -> Tally:
    from ..cooperation.triage.stream import read_records, run_stream
    from ..errors import LawDataError, Problem
    from ..files.loader import display_name

    stream: BinaryIO
    if stdin is not None:
        stream, name = stdin, "<stdin>"
    else:
        name = display_name(Path(args.requests))
        try:
            stream = open(args.requests, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise LawDataError([Problem(name, 0, 0, "", f"cannot read file: {exc.strerror}", "io")]) from None
    try:
        return run_stream(
            read_records(stream, name),
            triager=triager,
            fmt=args.format,
            filename=name,
            write=write,
            report=report,
            jobs=args.jobs,
            progress=bar.update if bar is not None else None,
            write_bytes=write_bytes,
        )
    finally:
        if stream is not stdin:
            stream.close()


def _triage_single(
    triager: Triager, path: str, fmt: str, write: Callable[[str], Any], report: Callable[[str], Any]
) -> Tally:
    """One request in a YAML or JSON file; it counts as one input."""
    from ..cooperation.request import load_request
    from ..cooperation.triage.tally import Tally
    from ..errors import LawDataError
    from ..files.loader import read_file
    from ..files.strict_yaml import read_yaml
    from ..reports.decisions import render_decision

    tally = Tally(lines=1)
    try:
        decision = triager.triage(load_request(path))
    except LawDataError as exc:
        tally.malformed += 1
        for p in exc.problems:
            if p.file == "(request)":  # a reference to an unknown law or offence: place it in the file
                doc, _ = read_yaml(read_file(Path(path), path), path)
                line, column, _ = doc.locate(tuple(p.field.split("."))) if doc else (1, 1, "")
                p = replace(p, file=os.path.relpath(path), line=line, column=column)
            report(str(p) + "\n")
        return tally
    tally.record(decision)
    write(render_decision(decision, fmt))
    return tally
