"""``cybercrime-check validate``: strict validation of law files, one line per problem."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._args import EXIT_BAD_INPUT, EXIT_OK, input_files


def add_parser(sub: Any) -> None:
    p = sub.add_parser("validate", help="validate law files; one line per problem")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import LawDataError
    from ..files.loader import load_law

    failed = False
    count = 0
    for path in input_files(args.files):
        count += 1
        try:
            load_law(path)
        except LawDataError as exc:
            failed = True
            for problem in exc.problems:
                print(str(problem), file=sys.stderr)
    if not failed:
        print(f"{count} file(s) valid")
    return EXIT_BAD_INPUT if failed else EXIT_OK
