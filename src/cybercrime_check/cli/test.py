"""``cybercrime-check test``: agreement of the verdicts with expert conclusions (expected-findings files)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ._args import EXIT_FAILED, EXIT_OK, input_files, iso_date


def add_parser(sub: Any) -> None:
    p = sub.add_parser("test", help="compare verdicts with expected findings files")
    p.add_argument("files", nargs="+", metavar="EXPECTED")
    p.add_argument(
        "--laws",
        nargs="+",
        metavar="DIR_OR_FILE",
        default=None,
        help="where to find the laws (default: the file named in each expected file)",
    )
    p.add_argument("--as-of", type=iso_date, default=None)
    p.add_argument("-q", "--quiet", action="store_true", help="print only mismatches and the total")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return run_expected(args.files, laws=args.laws, as_of=args.as_of, quiet=args.quiet)


def run_expected(files: Sequence[str], *, laws: Sequence[str] | None, as_of: date | None, quiet: bool) -> int:
    """Print agreement per expectation; 0 if all match, else 1."""
    from ..engine.evaluation import evaluate
    from ..engine.expected import compare, find_law, load_expected
    from ..engine.registry import build_registry
    from ..errors import one_line as term
    from ..files.loader import load_laws

    given = {law.id: law for law in load_laws(input_files(laws))} if laws else None
    registry = build_registry()
    total = matched = 0
    for name in files:
        path = Path(name)
        expected = load_expected(path)
        law = find_law(expected, path, given)
        day = as_of or (expected.as_of if isinstance(expected.as_of, date) else None)
        verdict = evaluate(law, as_of=day, registry=registry)
        for o in compare(expected, verdict):
            total += 1
            matched += o.matched
            e = o.expectation
            if o.matched and quiet:
                continue
            mark = "ok  " if o.matched else "FAIL"
            print(
                term(
                    f"{mark} {expected.law_id}:{e.id} [{e.provision or 'instrument'}] expected {e.status} "
                    f"({e.dimension}) per {e.source.author}"
                )
            )
            if not o.matched:
                if o.actual:
                    for checker, status, reason in o.actual:
                        print(term(f"       library: {checker} -> {status}: {reason}"))
                else:
                    print("       library: no finding about this provision in this dimension")
    share = f"{matched / total:.0%}" if total else "n/a"
    print(f"agreement: {matched}/{total} expected findings matched ({share})")
    sys.stdout.flush()
    return EXIT_OK if matched == total else EXIT_FAILED
