"""``cybercrime-check checkers``: the registered checkers, their articles and principles."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._args import EXIT_OK


def add_parser(sub: Any) -> None:
    p = sub.add_parser("checkers", help="list registered checkers")
    p.add_argument("--no-plugins", action="store_true", help="only the built-in checkers")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..engine.catalogue import TEXT_VERSIONS, catalogue
    from ..engine.registry import build_registry

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
        from ..errors import one_line as term  # a plugin's id, title or error must not drive the terminal

        for row in rows:
            arts = ", ".join(dict.fromkeys(row["articles"]["uncc-2024"]))
            print(term(f"{row['id']} {row['version']}  [{row['plugin']}]  {row['title']}"))
            print(f"    articles (uncc-2024): {arts}")
            print(f"    principles: {', '.join(row['principles'])}")
        for failure in registry.failures:
            print(term(f"LOAD FAILURE {failure.plugin}: {failure.error}"), file=sys.stderr)
    return EXIT_OK
