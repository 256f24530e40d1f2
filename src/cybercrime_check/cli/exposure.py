"""``cybercrime-check exposure``: the map of which states' speech offences other states' laws would help."""

from __future__ import annotations

import argparse
from typing import Any

from ._args import EXIT_OK, check_outputs, convention_option, input_files, iso_date, output_option, write_output


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "exposure",
        help="map which states' speech offences other states' laws would help (dual criminality)",
        description="For every ordered pair of modelled states, the requesting state's offences that restrict "
        "protected expression and meet the four-year threshold, and whether the requested state's law meets "
        "dual criminality. Output is analysis support, not legal advice.",
    )
    p.add_argument("--laws", nargs="+", required=True, metavar="DIR_OR_FILE", help="law files or directories")
    p.add_argument("--format", choices=["html", "csv", "json"], default="json")
    output_option(p)
    convention_option(p, "Convention text whose article numbers are cited (default: the adopted text)")
    p.add_argument(
        "--as-of", type=iso_date, default=None, help="the day whose law applies (triage: when a request has no date)"
    )
    p.add_argument(
        "--instrument",
        choices=["uncc", "ets-185", "cets-224"],
        default=None,
        help="keep only pairs of states both bound by this treaty on the --as-of date (policies/treaties)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..cooperation.exposure import CSV_COLUMNS, exposure_csv_rows, exposure_map
    from ..files.loader import load_laws
    from ..reports.tables import csv_text

    files = input_files(args.laws)
    check_outputs(files, [("-o", args.output)])
    laws = load_laws(files)
    m = exposure_map(laws, convention=args.convention, as_of=args.as_of, instrument=args.instrument)
    if args.format == "json":
        text = m.to_json()
    elif args.format == "html":
        from ..reports.html import render_exposure_html

        text = render_exposure_html(m)
    else:
        text = csv_text([CSV_COLUMNS, *exposure_csv_rows(m)])
    write_output(text, args.output)
    return EXIT_OK
