"""SARIF output validates against the official SARIF 2.1.0 schema for every bundled law, and keeps waivers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from cybercrime_check import evaluate, load_law
from cybercrime_check.engine.registry import build_registry
from cybercrime_check.engine.review import FindingKey, Review, ReviewFile, apply_reviews
from cybercrime_check.reports.sarif import verdicts_to_sarif
from tests.paths import AS_OF, LAWS

SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text())
VALIDATOR = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
REGISTRY = build_registry(third_party=False)


@pytest.mark.parametrize("path", sorted(LAWS.glob("*.yaml")), ids=lambda p: p.stem)
def test_sarif_for_every_bundled_law_validates(path: Path) -> None:
    verdict = evaluate(load_law(path), as_of=AS_OF, registry=REGISTRY)
    log = verdicts_to_sarif([verdict], REGISTRY)
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, errors[0].message
    results = log["runs"][0]["results"]
    assert len(results) == len(verdict.findings)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(path.name)


def test_a_waived_finding_is_suppressed_not_dropped() -> None:
    verdict = evaluate(load_law(LAWS / "tn-decree-law-2022-54.yaml"), as_of=AS_OF, registry=REGISTRY)
    target = next(f for f in verdict.findings if f.status == "non_compliant" and f.provision.provision_id)
    key = FindingKey(
        law=verdict.law.id,
        provision=target.provision.provision_id,
        limb=target.provision.limb,
        checker=target.checker,
        rule=target.rule,
    )
    review = Review(
        finding=key,
        decision="waive",
        reviewer="A. Reviewer (law clinic)",
        date=date(2026, 11, 1),
        justification="Reform bill before parliament.",
        expires=date(2027, 1, 1),
    )
    reviewed = apply_reviews(verdict, ReviewFile(reviews=(review,)), date(2026, 11, 29)).verdict
    log = verdicts_to_sarif([reviewed], REGISTRY)
    assert not list(VALIDATOR.iter_errors(log))
    suppressed = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert suppressed and all(r["ruleId"] == f"{target.checker}/{target.rule}" for r in suppressed)
    assert suppressed[0]["suppressions"][0]["justification"].startswith("A. Reviewer")
    assert len(log["runs"][0]["results"]) == len(verdict.findings)
