"""The corpus agrees with what courts, UN experts and NGOs concluded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cybercrime_check import evaluate, load_law
from cybercrime_check.engine.expected import compare, load_expected
from tests.paths import AS_OF, EXPECTED

FILES = sorted(EXPECTED.glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_expected_findings_match(path: Path) -> None:
    expected = load_expected(path)
    law = load_law(path.parent / expected.law)
    day = expected.as_of if isinstance(expected.as_of, date) else AS_OF
    verdict = evaluate(law, as_of=day, third_party=False)
    outcomes = compare(expected, verdict)
    misses = [
        f"{o.expectation.id}: expected {o.expectation.status}, library said {o.actual}"
        for o in outcomes
        if not o.matched and o.expectation.known_disagreement is None
    ]
    fixed = [o.expectation.id for o in outcomes if o.matched and o.expectation.known_disagreement is not None]
    print(f"{path.stem}: {sum(o.matched for o in outcomes)}/{len(outcomes)} expected findings matched")
    assert not misses
    assert not fixed, f"known disagreements that now agree (remove 'known_disagreement'): {fixed}"


def test_corpus_size() -> None:
    total = sum(len(load_expected(p).expectations) for p in FILES)
    print(f"corpus: {len(FILES)} expected files, {total} expert-sourced conclusions")
    assert FILES
