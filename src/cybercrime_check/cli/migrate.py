"""``cybercrime-check migrate``: convert version-1 law files to version 2 (comments and layout kept)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from ._args import EXIT_BAD_INPUT, EXIT_OK, output_option


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "migrate",
        help="convert version-1 law files to version 2",
        description="Convert version-1 law files to the version-2 format. Prints the new file, or with "
        "--in-place rewrites each file (atomically); a summary of the changes goes to standard error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    output_option(p, "write the converted file to FILE (one input only)")
    p.add_argument("--in-place", action="store_true", help="rewrite each file")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..files.migrate import MigrationError, migrate_text

    if args.output and (args.in_place or len(args.files) > 1):
        raise UsageError("-o takes one input file and excludes --in-place")
    converted: list[tuple[Path, str]] = []
    failed = False
    for name in args.files:
        path = Path(name)
        try:
            text, changes = migrate_text(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, MigrationError) as exc:
            print(f"{name}: not migrated: {exc}", file=sys.stderr)
            failed = True
            continue
        for change in changes:
            print(f"{name}: {change}", file=sys.stderr)
        converted.append((path, text))
    for path, text in converted:
        if args.in_place:
            _replace_file(path, text)
        elif args.output:
            _replace_file(Path(args.output), text)
        else:
            sys.stdout.write(text)
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _replace_file(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
