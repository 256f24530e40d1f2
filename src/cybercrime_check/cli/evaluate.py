"""``cybercrime-check evaluate``: the verdict on one or more laws, in the chosen format."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._args import (
    EXIT_FAILED,
    EXIT_OK,
    SEVERITIES,
    check_outputs,
    evaluation_options,
    input_files,
    numbering_option,
    output_option,
    write_output,
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("evaluate", help="evaluate law files and print the verdict")
    p.add_argument("files", nargs="+", metavar="FILE")
    evaluation_options(p)
    p.add_argument("--format", choices=["text", "json", "markdown", "csv", "html"], default="text")
    output_option(p)
    numbering_option(p)
    p.add_argument(
        "--fail-on",
        choices=list(SEVERITIES),
        metavar="SEVERITY",
        help="exit 1 if a non-compliant finding at or above SEVERITY exists, or a verdict is incomplete",
    )
    p.add_argument("--all", action="store_true", help="text/markdown: also list compliant findings")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..engine.evaluation import evaluate
    from ..engine.registry import build_registry
    from ..engine.verdict import SEVERITY_RANK
    from ..files.loader import load_laws
    from ..reports.render import render_verdicts

    files = input_files(args.files)
    check_outputs(files, [("-o", args.output)])
    laws = load_laws(files)
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

        text = render_html(list(zip(laws, verdicts, strict=True)), both_numberings=args.both_numberings)
    else:
        text = render_verdicts(verdicts, args.format, show_all=args.all, laws=laws)
    write_output(text, args.output)
    if args.fail_on:
        incomplete = [v.law.id for v in verdicts if not v.complete]
        if incomplete:  # a failed checker may have hidden exactly the finding --fail-on looks for
            print(f"cybercrime-check: incomplete verdict (a checker failed): {', '.join(incomplete)}", file=sys.stderr)
            return EXIT_FAILED
        limit = SEVERITY_RANK[args.fail_on]
        for v in verdicts:
            if any(f.status == "non_compliant" and SEVERITY_RANK[f.severity] >= limit for f in v.findings):
                return EXIT_FAILED
    return EXIT_OK
