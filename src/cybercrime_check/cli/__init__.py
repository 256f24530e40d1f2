"""The ``cybercrime-check`` command: one module per command, shared helpers in :mod:`._args`.

Exit codes: 0 done; 1 a check failed (``--fail-on``, ``--fail-on-regression``, ``test`` mismatches);
2 bad input or usage (one message per problem, no traceback).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .._version import __version__
from ..errors import CybercrimeCheckError, LawDataError
from . import checkers, compare, diff, evaluate, exposure, migrate, new, schema, test, triage, validate
from ._args import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, Parser, collector_paused

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILED", "EXIT_OK", "build_parser", "main"]

COMMANDS = (new, validate, schema, evaluate, compare, diff, checkers, test, triage, exposure, migrate)
"""In the order ``--help`` lists them."""


def build_parser() -> Parser:
    parser = Parser(
        prog="cybercrime-check",
        description="Check national cybercrime laws against the UN Convention against Cybercrime "
        "and human-rights principles. Output is analysis support, not legal advice.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if getattr(args, "pause_collector", True):
            with collector_paused():
                result: int = args.handler(args)
        else:
            result = args.handler(args)
        return result
    except LawDataError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_BAD_INPUT
    except CybercrimeCheckError as exc:
        print(f"cybercrime-check: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
