"""``cybercrime-check schema``: the published JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._args import EXIT_OK

SCHEMAS = ("law", "verdict", "expected", "request", "decision", "exposure", "review", "treaty-status")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("schema", help="print a JSON Schema (law file or verdict)")
    p.add_argument("which", nargs="?", choices=list(SCHEMAS), default="law")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..files.schema import schema_json

    sys.stdout.write(schema_json(args.which))
    return EXIT_OK
