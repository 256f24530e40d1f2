"""The ``cybercrime-check`` command: one module per command, shared helpers in :mod:`._args`.

Exit codes: 0 done; 1 a check failed (``--fail-on``, ``--fail-on-regression``, ``test`` mismatches);
2 bad input or usage (one message per problem, no traceback).
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence
from contextlib import suppress

from .._version import __version__
from ..errors import CybercrimeCheckError, LawDataError, one_line
from . import checkers, compare, diff, evaluate, exposure, migrate, new, schema, test, triage, validate
from ._args import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, Parser, _silence_stdout, collector_paused

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
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk or closed pipe is reported here, not at exit
        return result
    except LawDataError as exc:
        for problem in exc.problems:
            _error(str(problem))
        return EXIT_BAD_INPUT
    except CybercrimeCheckError as exc:
        _error(f"cybercrime-check: error: {one_line(str(exc))}")
        return EXIT_BAD_INPUT
    except OSError as exc:
        if not _is_stdout_error(exc):
            raise
        _error(f"cybercrime-check: error: cannot write standard output: {exc.strerror or exc}")
        return EXIT_BAD_INPUT


def _error(line: str) -> None:
    if sys.stderr is not None:
        with suppress(OSError):  # standard error itself is gone
            print(line, file=sys.stderr)


def _is_stdout_error(exc: OSError) -> bool:
    """A write to standard output failed (a closed pipe, a full disk): one line and exit 2, then quiet at exit."""
    if exc.errno in (errno.EPIPE, errno.ENOSPC, errno.EDQUOT):  # writing files goes through cli._args.Sink
        _silence_stdout()
        return True
    return False


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
