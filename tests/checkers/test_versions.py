"""Policy: a checker's ``version`` changes whenever its outcomes on the bundled corpus change.

``outcomes.json`` records, per built-in checker, its version and a fingerprint of its outcomes
(law, provision, rule, status, severity, dimension, concepts, principles; not the wording of the
reasons). A change of outcomes with the same version fails; after bumping the version, record the
new fingerprint with ``UPDATE_CHECKER_OUTCOMES=1 python -m pytest tests/checkers/test_versions.py``
and say in CHANGELOG.md which findings changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict

import pytest

from cybercrime_check import build_registry, evaluate, load_laws
from tests.paths import AS_OF, LAWS, ROOT

RECORD = ROOT / "tests" / "checkers" / "outcomes.json"


def fingerprints() -> dict[str, dict[str, str]]:
    registry = build_registry(third_party=False)
    rows: dict[str, list[str]] = defaultdict(list)
    for law in load_laws([LAWS]):
        for f in evaluate(law, as_of=AS_OF, registry=registry).findings:
            concepts = ",".join(a.concept for a in f.articles)
            principles = ",".join(p.id for p in f.principles)
            rows[f.checker].append(
                "|".join(
                    (
                        law.id,
                        f.provision.provision_id or "-",
                        f.rule,
                        f.status,
                        f.severity,
                        f.dimension,
                        concepts,
                        principles,
                    )
                )
            )
    versions = {c.id: c.version for c, _ in registry.checkers}
    return {
        cid: {"version": versions[cid], "outcomes": hashlib.sha256("\n".join(sorted(rows[cid])).encode()).hexdigest()}
        for cid in sorted(versions)
    }


def test_checker_versions_change_with_their_outcomes() -> None:
    now = fingerprints()
    if os.environ.get("UPDATE_CHECKER_OUTCOMES"):
        RECORD.write_text(json.dumps(now, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip("outcomes.json rewritten")
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    assert sorted(now) == sorted(recorded), "checkers added or removed: record them (UPDATE_CHECKER_OUTCOMES=1)"
    unbumped = [
        c for c in now if now[c]["outcomes"] != recorded[c]["outcomes"] and now[c]["version"] == recorded[c]["version"]
    ]
    assert not unbumped, f"outcomes changed on the bundled corpus without a version bump: {unbumped}"
    stale = [c for c in now if now[c] != recorded[c]]
    assert not stale, f"versions bumped but outcomes.json not updated: {stale} (UPDATE_CHECKER_OUTCOMES=1)"
