"""JSON Schemas published for editors and other tools (law file, verdict, expected findings, request,
decision, exposure map)."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_BASE = "https://cybercrime-check.invalid/schema/"


def schema(which: str) -> dict[str, Any]:
    if which == "law":
        from ..model.law import NationalLaw

        data = NationalLaw.model_json_schema(by_alias=True)
        title = "cybercrime-check law file"
    elif which == "verdict":
        from ..engine.verdict import Verdict

        data = Verdict.model_json_schema(by_alias=True, mode="serialization")
        title = "cybercrime-check verdict (cybercrime-check/verdict/1)"
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
    else:  # pragma: no cover - argparse restricts choices
        raise ValueError(which)
    # Editors see the file's own "# yaml-language-server" comment, not a $schema key.
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + which,
        **data,
        "title": title,
    }


def schema_json(which: str) -> str:
    return json.dumps(schema(which), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
