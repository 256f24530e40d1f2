"""``cybercrime-check new``: start a law file (a valid skeleton with every fact ``unspecified``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ._args import EXIT_OK, output_option, write_output


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "new",
        help="start a law file",
        description="Write a new law file that validates as it is: every fact 'unspecified', each field with a "
        "comment saying what it means. Refuses to overwrite an existing file.",
    )
    p.add_argument("--jurisdiction", required=True, metavar="XX", help="ISO 3166-1 alpha-2 code, e.g. KE")
    p.add_argument("--title", required=True, help="the instrument's title in English")
    p.add_argument("--id", dest="law_id", default=None, help="the law's id (default: from jurisdiction and title)")
    p.add_argument(
        "--instrument-type",
        default="statute",
        choices=["statute", "decree_law", "code", "regulation", "policy", "constitution", "other"],
    )
    p.add_argument("--language", default="en", help="ISO 639-1 code of the text you will rely on (default: en)")
    output_option(p, "write to FILE (refused if it exists) instead of standard output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from ..errors import UsageError
    from ..files.skeleton import skeleton

    if args.output and Path(args.output).exists():
        raise UsageError(f"{args.output} exists; new never overwrites a file")
    schema = "docs/schema/law.schema.json"
    if args.output:
        here = Path(__file__).resolve().parents[3] / "docs" / "schema" / "law.schema.json"
        if here.is_file():
            schema = os.path.relpath(here, Path(args.output).resolve().parent)
    try:
        text = skeleton(
            args.jurisdiction,
            args.title,
            instrument_type=args.instrument_type,
            law_id=args.law_id,
            language=args.language,
            schema_path=schema,
        )
    except ValueError as exc:
        first = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise UsageError(f"cannot start a law file with these values: {first}") from None
    write_output(text, args.output)
    return EXIT_OK
