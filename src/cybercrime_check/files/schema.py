"""JSON Schemas published for editors and other tools (law file, verdict, expected findings, request,
decision, exposure map, review file, treaty status file)."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_FILE = "{which}.schema.json"
"""The schema's ``$id``: its own file name, resolved against wherever it is read from (``docs/schema/`` in the
repository, or beside a file written by ``cybercrime-check schema``), so the reference always resolves."""


def schema(which: str) -> dict[str, Any]:
    if which == "law":
        from ..model.law import NationalLaw

        data = NationalLaw.model_json_schema(by_alias=True)
        title = "cybercrime-check law file"
    elif which == "verdict":
        from ..engine.verdict import Verdict

        data = Verdict.model_json_schema(by_alias=True, mode="serialization")
        title = "cybercrime-check verdict (cybercrime-check/verdict/2)"
    elif which == "expected":
        from ..engine.expected import ExpectedFile

        data = ExpectedFile.model_json_schema(by_alias=True)
        title = "cybercrime-check expected findings"
    elif which == "request":
        from ..cooperation.request import AssistanceRequest

        data = AssistanceRequest.model_json_schema(by_alias=True)
        title = "cybercrime-check assistance request"
    elif which == "decision":
        from ..cooperation.triage.decision import Decision

        data = Decision.model_json_schema(by_alias=True, mode="serialization")
        title = "cybercrime-check triage decision (cybercrime-check/decision/1)"
    elif which == "exposure":
        from ..cooperation.exposure import ExposureMap

        data = ExposureMap.model_json_schema(by_alias=True, mode="serialization")
        title = "cybercrime-check exposure map (cybercrime-check/exposure/1)"
    elif which == "review":
        from ..engine.review import ReviewFile

        data = ReviewFile.model_json_schema(by_alias=True)
        title = "cybercrime-check review file (cybercrime-check/review/1)"
    elif which == "treaty-status":
        from ..model.treaty import TreatyStatus

        data = TreatyStatus.model_json_schema(by_alias=True)
        title = "cybercrime-check treaty status file (cybercrime-check/treaty-status/1)"
    else:  # pragma: no cover - argparse restricts choices
        raise ValueError(which)
    data = _any_of(data)
    # Editors see the file's own "# yaml-language-server" comment, not a $schema key.
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE.format(which=which),
        **data,
        "title": title,
    }


def _any_of(node: Any) -> Any:
    """``oneOf`` as ``anyOf`` throughout: the unions of the models ('unspecified' or a date, a word or a list)
    are alternatives, and a JSON Schema validator, which does not check ``format: date``, would otherwise find
    'unspecified' matching two of them and refuse it."""
    if isinstance(node, dict):
        return {("anyOf" if k == "oneOf" else k): _any_of(v) for k, v in node.items() if k != "discriminator"}
    if isinstance(node, list):
        return [_any_of(v) for v in node]
    return node


def schema_json(which: str) -> str:
    return json.dumps(schema(which), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
