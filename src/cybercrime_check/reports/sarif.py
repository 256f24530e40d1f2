"""SARIF 2.1.0: verdicts as static-analysis results, so code-scanning tools annotate law files in pull requests.

One SARIF rule per checker rule, with the question it answers and its authority as help text; one result per
finding, located at the provision's line in the law file. Violations are errors or warnings, data gaps and
exposure notes, passes are results of kind ``pass``. A waived finding carries a SARIF suppression with the
reviewer's justification, so tools show it as suppressed rather than dropping it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._version import __version__
from ..engine.registry import Registry
from ..engine.verdict import DISCLAIMER, Finding, Verdict
from ..model.wording import words

SARIF_SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
LEVEL = {
    "non_compliant": "error",
    "partially_compliant": "warning",
    "error": "error",
    "insufficient_information": "note",
    "exposed": "note",
    "compliant": "none",
    "not_applicable": "none",
}
KIND = {
    "non_compliant": "fail",
    "partially_compliant": "fail",
    "error": "fail",
    "insufficient_information": "review",
    "exposed": "informational",
    "compliant": "pass",
    "not_applicable": "notApplicable",
}


def _uri(path: str | None) -> str:
    if not path:
        return "unknown"
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def _rules(registry: Registry) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for checker, _ in registry.checkers:
        rules = checker.rules or ()
        for rule in rules:
            out.append(
                {
                    "id": f"{checker.id}/{rule.id}",
                    "name": rule.id,
                    "shortDescription": {"text": rule.question},
                    "fullDescription": {"text": f"{checker.title}: {rule.question}"},
                    "help": {"text": f"Authority: {rule.authority}"},
                    "properties": {"checker": checker.id, "checkerVersion": checker.version},
                }
            )
    return out


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    rule_id = f"{f.checker}/{f.rule}"
    articles = ", ".join(f"Art {a.ref}" if a.ref else f"no counterpart ({a.title})" for a in f.articles)
    principles = ", ".join(p.name for p in f.principles)
    text = f"{f.provision.citation}: {f.reason} [{words(f.status)}, {f.severity}; {articles}; {principles}]"
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.provision.file)}}
    if f.provision.line:
        location["region"] = {"startLine": f.provision.line, "startColumn": 1}
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "level": LEVEL[f.status],
        "kind": KIND[f.status],
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {
            "findingKey/v1": "|".join(
                (f.provision.law_id, f.provision.provision_id or "", f.provision.limb or "", f.checker, f.rule)
            )
        },
        "properties": {
            "status": f.status,
            "severity": f.severity,
            "dimension": f.dimension,
            "confidence": f.confidence,
            "articles": [a.ref or a.title for a in f.articles],
            "principles": [p.id for p in f.principles],
        },
    }
    if rule_id in index:
        result["ruleIndex"] = index[rule_id]
    if f.review is not None:
        r = f.review
        result["properties"]["review"] = {
            "decision": r.decision,
            "reviewer": r.reviewer,
            "date": r.date.isoformat(),
            "expires": r.expires.isoformat() if r.expires else None,
            "expired": r.expired,
        }
        if r.decision == "waive" and not r.expired:
            result["suppressions"] = [
                {"kind": "external", "status": "accepted", "justification": f"{r.reviewer}: {r.justification}"}
            ]
    return result


def verdicts_to_sarif(verdicts: Sequence[Verdict], registry: Registry) -> dict[str, Any]:
    """One SARIF log with one run for all the verdicts given."""
    rules = _rules(registry)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [_result(f, index) for v in verdicts for f in v.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cybercrime-check",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
                "properties": {
                    "disclaimer": DISCLAIMER,
                    "laws": [
                        {"id": v.law.id, "hash": v.law.content_hash, "asOf": v.as_of.isoformat()} for v in verdicts
                    ],
                    "convention": verdicts[0].convention if verdicts else None,
                },
            }
        ],
    }


def render_sarif(verdicts: Sequence[Verdict], registry: Registry) -> str:
    """SARIF as reproducible JSON text."""
    return json.dumps(verdicts_to_sarif(verdicts, registry), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
