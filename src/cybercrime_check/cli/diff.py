"""``cybercrime-check diff``: what changed between two versions of one jurisdiction's law."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._args import EXIT_FAILED, EXIT_OK, check_outputs, convention_option, iso_date, output_option, write_output


def add_parser(sub: Any) -> None:
    p = sub.add_parser("diff", help="what changed between two versions of one jurisdiction's law")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    convention_option(p, "Convention text whose article numbers are shown (default: the adopted text)")
    p.add_argument(
        "--old-as-of",
        type=iso_date,
        default=None,
        help="judge OLD as it stood on this date (default: the day before NEW came into force, if known)",
    )
    p.add_argument("--as-of", type=iso_date, default=None, dest="new_as_of", help="judge NEW as of this date")
    p.add_argument("--no-plugins", action="store_true", help="disable third-party plugins")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    output_option(p)
    p.add_argument(
        "--fail-on-regression",
        action="store_true",
        help="exit 1 if any finding got worse, or a verdict is incomplete",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..files.loader import load_law
    from ..reports.diff import diff_laws, render_diff

    check_outputs([args.old, args.new], [("-o", args.output)])
    old, new = load_law(args.old), load_law(args.new)
    d = diff_laws(
        old,
        new,
        convention=args.convention,
        old_as_of=args.old_as_of,
        new_as_of=args.new_as_of,
        third_party=not args.no_plugins,
    )
    write_output(render_diff(d, args.format), args.output)
    if args.fail_on_regression and d.incomplete:  # a failed checker may hide a regression
        print(f"cybercrime-check: incomplete verdict (a checker failed): {', '.join(d.incomplete)}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if args.fail_on_regression and d.regressions else EXIT_OK
