"""What every command shares: the parser class, option types, common options and output writing.

Kept free of the library's heavy modules so that building the command line (``--version``,
``--help``) imports nothing but argparse; each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

TEXT_VERSIONS = ("uncc-2024", "uncc-draft-2024-02")
"""The Convention texts (as in the catalogue; a test keeps the two equal without importing it here)."""
DEFAULT_VERSION = "uncc-2024"
SEVERITIES = ("info", "low", "medium", "high", "critical")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 on usage errors already
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def convention_option(p: argparse.ArgumentParser, help_text: str) -> None:
    p.add_argument("--convention", choices=list(TEXT_VERSIONS), default=DEFAULT_VERSION, help=help_text)


def numbering_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--both-numberings",
        action="store_true",
        help="html: also show each article's number in the other Convention text",
    )


def evaluation_options(p: argparse.ArgumentParser) -> None:
    convention_option(p, "Convention text whose article numbers are shown (default: the adopted text)")
    p.add_argument("--as-of", type=iso_date, default=None, help="evaluate the law as it stood on this date")
    p.add_argument("--checker", action="append", dest="checkers", metavar="ID", help="run only these checkers")
    p.add_argument("--exclude", action="append", default=[], metavar="ID", help="skip these checkers")
    p.add_argument("--no-plugins", action="store_true", help="disable third-party plugins")


def output_option(p: argparse.ArgumentParser, what: str = "write to FILE instead of standard output") -> None:
    p.add_argument("-o", "--output", metavar="FILE", help=what)


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output``, or to standard output."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one command, and restore it afterwards.

    Law files and verdicts are large, acyclic trees of objects; the collector's passes over them make
    reading, evaluating and rendering super-linear in their size (see ``benchmarks/README.md``), while
    reference counting frees them all anyway. The library never touches the collector; the command line
    owns its process, so it may, for the commands that read and judge laws (``triage`` streams and
    keeps it on). Third-party checkers are not affected: they run in worker processes of their own.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
