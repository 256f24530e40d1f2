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
    p.add_argument("--format", choices=["text", "json", "markdown", "csv", "html", "sarif"], default="text")
    output_option(p)
    numbering_option(p)
    p.add_argument(
        "--fail-on",
        choices=list(SEVERITIES),
        metavar="SEVERITY",
        help="exit 1 if a non-compliant finding at or above SEVERITY exists, or a verdict is incomplete",
    )
    p.add_argument("--all", action="store_true", help="text/markdown: also list compliant findings")
    p.add_argument(
        "--review",
        metavar="FILE",
        default=None,
        help="a review file: findings a reviewer accepted, disputed or waived are marked (never hidden); "
        "--fail-on ignores only waivers that have not expired",
    )
    p.add_argument("--ignore-reviews", action="store_true", help="show the raw verdict even when --review is given")
    p.add_argument(
        "--baseline",
        metavar="VERDICT_JSON",
        default=None,
        help="a verdict saved earlier (--format json, one law): list only findings new or worse than in it",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..engine.evaluation import default_as_of, evaluate
    from ..engine.registry import build_registry
    from ..engine.review import apply_reviews, load_reviews, waived
    from ..engine.verdict import SEVERITY_RANK
    from ..errors import UsageError
    from ..files.loader import load_laws
    from ..reports.baseline import against_baseline, load_baseline
    from ..reports.render import render_verdicts

    files = input_files(args.files)
    extra = [x for x in (args.review, args.baseline) if x]
    check_outputs([*files, *extra], [("-o", args.output)])
    reviews = load_reviews(args.review) if args.review and not args.ignore_reviews else None
    baseline = load_baseline(args.baseline) if args.baseline else None
    laws = load_laws(files)
    if baseline is not None and len(laws) != 1:
        raise UsageError("--baseline compares one law with its earlier verdict; give one law file")
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
    if reviews is not None:
        today = args.as_of or default_as_of()
        applied = [apply_reviews(v, reviews, today) for v in verdicts]
        verdicts = [r.verdict for r in applied]
        for r in applied:
            for review in r.unmatched:
                print(f"cybercrime-check: review matches no finding: {review.finding.label()}", file=sys.stderr)
    if baseline is not None:
        verdicts = [against_baseline(verdicts[0], baseline, args.baseline)]
    if args.format == "html":
        from ..reports.html import render_html

        text = render_html(list(zip(laws, verdicts, strict=True)), both_numberings=args.both_numberings)
    elif args.format == "sarif":
        from ..reports.sarif import render_sarif

        text = render_sarif(verdicts, registry)
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
            if any(
                f.status == "non_compliant" and SEVERITY_RANK[f.severity] >= limit and not waived(f) for f in v.findings
            ):
                return EXIT_FAILED
    return EXIT_OK
