"""Options of the ``triage`` and ``exposure`` subcommands.

Kept apart from :mod:`._cli_triage` so that building the command line (``--version``, ``validate``)
does not import the triage machinery; the handlers import it when they run.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

TEXT_VERSIONS = ("uncc-2024", "uncc-draft-2024-02")
DEFAULT_VERSION = "uncc-2024"


def _handler(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from . import triage

        result: int = getattr(triage, name)(args)
        return result

    return run


run_triage = _handler("run_triage")
run_exposure = _handler("run_exposure")


def add_parsers(sub: Any) -> None:
    """Add ``triage`` and ``exposure`` to the ``cybercrime-check`` subcommands."""
    from . import _date, _positive_int

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
    p.add_argument("-o", "--output", metavar="FILE", help="write decisions to FILE instead of standard output")
    p.add_argument("--errors", metavar="FILE", help="write malformed-line reports to FILE (default: standard error)")
    p.add_argument("--jobs", type=_positive_int, default=1, metavar="N", help="worker processes (default 1)")
    _common(p, _date)
    p.set_defaults(handler=run_triage)

    p = sub.add_parser(
        "exposure",
        help="map which states' speech offences other states' laws would help (dual criminality)",
        description="For every ordered pair of modelled states, the requesting state's offences that restrict "
        "protected expression and meet the four-year threshold, and whether the requested state's law meets "
        "dual criminality. Output is analysis support, not legal advice.",
    )
    p.add_argument("--laws", nargs="+", required=True, metavar="DIR_OR_FILE", help="law files or directories")
    p.add_argument("--format", choices=["html", "csv", "json"], default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _common(p, _date)
    p.set_defaults(handler=run_exposure)


def _common(p: argparse.ArgumentParser, as_date: Callable[[str], date]) -> None:
    p.add_argument(
        "--convention",
        choices=list(TEXT_VERSIONS),
        default=DEFAULT_VERSION,
        help="Convention text whose article numbers are cited (default: the adopted text)",
    )
    p.add_argument(
        "--as-of", type=as_date, default=None, help="the day whose law applies (triage: when a request has no date)"
    )
