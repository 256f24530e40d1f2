"""``cybercrime-check compare``: many laws side by side, as a heatmap or one row per finding."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ._args import (
    EXIT_OK,
    capped_jobs,
    check_outputs,
    evaluation_options,
    input_files,
    numbering_option,
    open_output,
    output_option,
    positive_int,
    write_output,
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("compare", help="evaluate many laws and compare them (heatmap by principle and red line)")
    p.add_argument("files", nargs="+", metavar="FILE")
    evaluation_options(p)
    p.add_argument("--format", choices=["html", "markdown", "csv", "json"], default="html")
    output_option(p)
    p.add_argument("--jobs", type=positive_int, default=1, metavar="N", help="evaluate in N processes")
    numbering_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..reports.batch import evaluate_files, iter_compare_text
    from ..reports.compare import build_comparison

    if args.checkers or args.exclude:
        raise UsageError("compare runs every checker so that jurisdictions are comparable; drop --checker/--exclude")
    paths = input_files(args.files)
    check_outputs(paths, [("-o", args.output)])
    _refuse_repeated(paths)
    options: dict[str, Any] = {
        "convention": args.convention,
        "as_of": args.as_of,
        "third_party": not args.no_plugins,
        "jobs": capped_jobs(args.jobs),
    }
    if args.format in ("json", "csv"):  # rendered in the workers; the parent never rebuilds typed verdicts
        chunks = iter_compare_text(paths, args.format, **options)
        first = next(chunks)  # every law is read and evaluated before the output is opened
        with open_output(args.output) as out:
            out.write(first)
            out.writelines(chunks)
        return EXIT_OK
    results = evaluate_files(paths, keep_laws=args.format == "html", **options)
    comparison = build_comparison([v for _, v in results])
    if args.format == "html":
        from ..reports.html import render_comparison_html

        laws = [law for law, _ in results if law is not None]
        text = render_comparison_html(comparison, laws, both_numberings=args.both_numberings)
    else:
        from ..reports.markdown import render_comparison_markdown

        text = render_comparison_markdown(comparison)
    write_output(text, args.output)
    return EXIT_OK


def _refuse_repeated(paths: list[Path]) -> None:
    """The same file named twice (directly, through a directory or a link) would count its findings twice."""
    seen: dict[object, Path] = {}
    for path in paths:
        try:
            found = os.stat(path)
            key: object = (found.st_dev, found.st_ino)
        except OSError:  # reported when it is read
            key = os.path.realpath(path)
        if key in seen:
            raise UsageError(f"the same law file is given twice: {seen[key]} and {path}")
        seen[key] = path
