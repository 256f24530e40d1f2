"""The ``cybercrime-check`` command.

Exit codes: 0 done; 1 a check failed (``--fail-on``, ``test`` mismatches);
2 bad input or usage (one message per problem, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import CybercrimeCheckError, LawDataError, UsageError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 on usage errors already
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cybercrime-check",
        description="Check national cybercrime laws against the UN Convention against Cybercrime "
        "and human-rights principles. Output is analysis support, not legal advice.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("validate", help="validate law files; one line per problem")
    p.add_argument("files", nargs="+", metavar="FILE")

    p = sub.add_parser("schema", help="print a JSON Schema (law file or verdict)")
    schemas = ["law", "verdict", "expected", "request", "decision", "exposure"]
    p.add_argument("which", nargs="?", choices=schemas, default="law")

    p = sub.add_parser("evaluate", help="evaluate law files and print the verdict")
    p.add_argument("files", nargs="+", metavar="FILE")
    _evaluation_options(p)
    p.add_argument("--format", choices=["text", "json", "markdown", "csv", "html"], default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _numbering_option(p)
    p.add_argument(
        "--fail-on",
        choices=["info", "low", "medium", "high", "critical"],
        metavar="SEVERITY",
        help="exit 1 if a non-compliant finding at or above SEVERITY exists",
    )
    p.add_argument("--all", action="store_true", help="text/markdown: also list compliant findings")

    p = sub.add_parser("compare", help="evaluate many laws and compare them (heatmap by principle and red line)")
    p.add_argument("files", nargs="+", metavar="FILE")
    _evaluation_options(p)
    p.add_argument("--format", choices=["html", "markdown", "csv", "json"], default="html")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--jobs", type=_positive_int, default=1, metavar="N", help="evaluate in N processes")
    _numbering_option(p)

    p = sub.add_parser("diff", help="what changed between two versions of one jurisdiction's law")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument(
        "--convention",
        choices=["uncc-2024", "uncc-draft-2024-02"],
        default="uncc-2024",
        help="Convention text whose article numbers are shown (default: the adopted text)",
    )
    p.add_argument(
        "--old-as-of",
        type=_date,
        default=None,
        help="judge OLD as it stood on this date (default: the day before NEW came into force, if known)",
    )
    p.add_argument("--as-of", type=_date, default=None, dest="new_as_of", help="judge NEW as of this date")
    p.add_argument("--no-plugins", action="store_true", help="disable third-party plugins")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--fail-on-regression", action="store_true", help="exit 1 if any finding got worse")

    p = sub.add_parser("checkers", help="list registered checkers")
    p.add_argument("--no-plugins", action="store_true", help="only the built-in checkers")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("test", help="compare verdicts with expected findings files")
    p.add_argument("files", nargs="+", metavar="EXPECTED")
    p.add_argument(
        "--laws",
        nargs="+",
        metavar="DIR_OR_FILE",
        default=None,
        help="where to find the laws (default: the file named in each expected file)",
    )
    p.add_argument("--as-of", type=_date, default=None)
    p.add_argument("-q", "--quiet", action="store_true", help="print only mismatches and the total")

    from .triage_options import add_parsers  # the triage and exposure subcommands

    add_parsers(sub)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _numbering_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--both-numberings",
        action="store_true",
        help="html: also show each article's number in the other Convention text",
    )


def _evaluation_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--convention",
        choices=["uncc-2024", "uncc-draft-2024-02"],
        default="uncc-2024",
        help="Convention text whose article numbers are shown (default: the adopted text)",
    )
    p.add_argument("--as-of", type=_date, default=None, help="evaluate the law as it stood on this date")
    p.add_argument("--checker", action="append", dest="checkers", metavar="ID", help="run only these checkers")
    p.add_argument("--exclude", action="append", default=[], metavar="ID", help="skip these checkers")
    p.add_argument("--no-plugins", action="store_true", help="disable third-party plugins")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        handler = {
            "validate": _validate,
            "schema": _schema,
            "evaluate": _evaluate,
            "compare": _compare,
            "diff": _diff,
            "checkers": _checkers,
            "test": _test,
        }.get(args.command) or args.handler
        return handler(args)
    except LawDataError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_BAD_INPUT
    except CybercrimeCheckError as exc:
        print(f"cybercrime-check: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return EXIT_OK


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _validate(args: argparse.Namespace) -> int:
    from ..files.loader import expand_paths, load_law

    failed = False
    count = 0
    for path in expand_paths(args.files):
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


def _schema(args: argparse.Namespace) -> int:
    from ..files.schema import schema_json

    sys.stdout.write(schema_json(args.which))
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from ..engine.evaluate import build_registry, evaluate
    from ..files.loader import load_laws
    from ..reports.render import render_verdicts

    laws = load_laws(args.files)
    registry = build_registry(third_party=not args.no_plugins)
    verdicts = [
        evaluate(
            law,
            convention=args.convention,
            checkers=args.checkers,
            exclude=args.exclude,
            as_of=args.as_of,
            registry=registry,
        )
        for law in laws
    ]
    if args.format == "html":
        from ..reports.html import render_html

        _write(render_html(list(zip(laws, verdicts, strict=True)), both_numberings=args.both_numberings), args.output)
    else:
        _write(render_verdicts(verdicts, args.format, show_all=args.all), args.output)
    if args.fail_on:
        from ..engine.verdict import SEVERITY_RANK

        limit = SEVERITY_RANK[args.fail_on]
        for v in verdicts:
            if any(f.status == "non_compliant" and SEVERITY_RANK[f.severity] >= limit for f in v.findings):
                return EXIT_FAILED
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from ..reports.compare import build_comparison, evaluate_files, iter_compare_text
    from ..files.loader import expand_paths

    if args.checkers or args.exclude:
        raise UsageError("compare runs every checker so that jurisdictions are comparable; drop --checker/--exclude")
    paths = expand_paths(args.files)
    options: dict[str, Any] = {
        "convention": args.convention,
        "as_of": args.as_of,
        "third_party": not args.no_plugins,
        "jobs": args.jobs,
    }
    if args.format in ("json", "csv"):  # rendered in the workers; the parent never rebuilds typed verdicts
        chunks = iter_compare_text(paths, args.format, **options)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                out.writelines(chunks)
        else:
            sys.stdout.writelines(chunks)
        return EXIT_OK
    results = evaluate_files(paths, keep_laws=args.format == "html", **options)
    comparison = build_comparison([v for _, v in results])
    if args.format == "html":
        from ..reports.html import render_comparison_html

        laws = [law for law, _ in results if law is not None]
        text = render_comparison_html(comparison, laws, both_numberings=args.both_numberings)
    else:
        from ..reports.render import render_comparison_markdown

        text = render_comparison_markdown(comparison)
    _write(text, args.output)
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from ..reports.diff import diff_files, render_diff

    d = diff_files(
        [args.old, args.new],
        convention=args.convention,
        old_as_of=args.old_as_of,
        new_as_of=args.new_as_of,
        third_party=not args.no_plugins,
    )
    _write(render_diff(d, args.format), args.output)
    return EXIT_FAILED if args.fail_on_regression and d.regressions else EXIT_OK


def _checkers(args: argparse.Namespace) -> int:
    from ..engine.catalogue import TEXT_VERSIONS, catalogue
    from ..engine.evaluate import build_registry

    cat = catalogue()
    registry = build_registry(third_party=not args.no_plugins)
    rows: list[dict[str, Any]] = []
    for checker, plugin in registry.checkers:
        rows.append(
            {
                "id": checker.id,
                "version": checker.version,
                "title": checker.title,
                "plugin": plugin,
                "articles": {v: [cat.resolve(k, v).label() for k in checker.concepts] for v in TEXT_VERSIONS},
                "principles": list(checker.principles),
                "authority": checker.authority,
            }
        )
    if args.format == "json":
        sys.stdout.write(
            json.dumps(
                {
                    "checkers": rows,
                    "load_failures": [{"plugin": f.plugin, "error": f.error} for f in registry.failures],
                },
                indent=2,
            )
            + "\n"
        )
    else:
        for row in rows:
            arts = ", ".join(dict.fromkeys(row["articles"]["uncc-2024"]))
            print(f"{row['id']} {row['version']}  [{row['plugin']}]  {row['title']}")
            print(f"    articles (uncc-2024): {arts}")
            print(f"    principles: {', '.join(row['principles'])}")
        for failure in registry.failures:
            print(f"LOAD FAILURE {failure.plugin}: {failure.error}", file=sys.stderr)
    return EXIT_OK


def _test(args: argparse.Namespace) -> int:
    from ..engine.expected import run_expected

    return run_expected(args.files, laws=args.laws, as_of=args.as_of, quiet=args.quiet)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
