"""The hypothesis strategies of ``cybercrime_check.testing``: valid, registered, parametrised, and rich
enough to reach every outcome of every built-in checker."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies._internal.types import _global_type_lookup
from pydantic import BaseModel

import cybercrime_check
from cybercrime_check import Finding, FindingDraft, NationalLaw, Offence, ProceduralPower, Verdict, catalogue, testing
from cybercrime_check.checkers import BUILTIN
from cybercrime_check.engine.checker import EvaluationContext
from cybercrime_check.engine.findings import finding_order as _finding_order
from cybercrime_check.engine.summary import summarise
from cybercrime_check.testing import (
    CONTENT_CATEGORIES,
    INDEPENDENT,
    WITHOUT_JUDGE,
    cooperation_rules,
    durations,
    finding_drafts,
    findings,
    national_laws,
    offences,
    procedural_powers,
    verdicts,
)

PUBLIC_MODELS = sorted(
    (
        obj
        for name in cybercrime_check.__all__
        if isinstance(obj := getattr(cybercrime_check, name), type) and issubclass(obj, BaseModel)
    ),
    key=lambda t: t.__name__,
)


def test_every_public_model_has_a_registered_strategy() -> None:
    assert {m.__name__ for m in PUBLIC_MODELS} >= {
        "NationalLaw",
        "Offence",
        "Penalty",
        "ProceduralPower",
        "CooperationRule",
        "Finding",
        "FindingDraft",
        "Verdict",
    }
    for model in PUBLIC_MODELS:
        # st.from_type falls back to st.builds (which ignores constraints) for unregistered types.
        assert model in _global_type_lookup, model


def test_all_names_are_exported() -> None:
    for name in testing.__all__:
        assert hasattr(testing, name), name


@pytest.mark.parametrize("model", PUBLIC_MODELS, ids=lambda m: m.__name__)
def test_generated_values_are_valid(model: type[BaseModel]) -> None:
    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_type(model))
    def round_trip(value: BaseModel) -> None:
        assert isinstance(value, model)
        again = model.model_validate(value.model_dump(mode="json", by_alias=True))
        assert again == value

    round_trip()


@given(offences(category=CONTENT_CATEGORIES), procedural_powers(authorisation=WITHOUT_JUDGE, kind="remote_hacking"))
def test_parameters_narrow_the_values(offence: Offence, power: ProceduralPower) -> None:
    assert offence.category in CONTENT_CATEGORIES
    assert power.authorisation not in (*INDEPENDENT, "unspecified")
    assert power.kind == "remote_hacking"


@given(national_laws(min_powers=1, max_offences=0, rules_unspecified=True))
def test_law_sizes_and_unspecified_groups(law: NationalLaw) -> None:
    assert law.powers and not law.offences and law.cooperation_rules == "unspecified"
    ids = [p.id for p in law.provisions()]
    assert len(ids) == len(set(ids))


@given(national_laws(offences=offences(category="fraud"), min_offences=3))
def test_duplicate_ids_are_renamed_not_dropped(law: NationalLaw) -> None:
    assert len(law.offences) >= 3


@pytest.mark.parametrize(
    "make",
    [
        lambda: offences(category="speeding"),
        lambda: offences(category=[]),
        lambda: procedural_powers(authorisation=("prosecutor", "judge")),
        lambda: procedural_powers(remedy="yes"),
        lambda: national_laws(min_offences=3, max_offences=1),
        lambda: national_laws(min_powers=1, powers_unspecified=True),
        lambda: durations(max_years=0),
        lambda: durations(units=("fortnight",)),
        lambda: cooperation_rules(kind="treaty"),
        lambda: finding_drafts(provision_ids=()),
        lambda: finding_drafts(concepts="procedural.article_99"),
    ],
    ids=[
        "category",
        "empty",
        "authorisation",
        "tri-state",
        "sizes",
        "contradiction",
        "max_years",
        "unit",
        "kind",
        "provision_ids",
        "concept",
    ],
)
def test_bad_arguments_fail_eagerly(make: Any) -> None:
    with pytest.raises(InvalidArgument):
        make()


@given(findings(status="non_compliant"))
def test_findings_cite_catalogue_rows(finding: Finding) -> None:
    cat = catalogue()
    assert finding.status == "non_compliant"
    assert finding.articles and all(a.concept in cat.concepts for a in finding.articles)
    assert all(p.id in cat.principles for p in finding.principles)


@given(
    finding_drafts(concepts="procedural.conditions_and_safeguards", principles=("notification",), status="compliant")
)
def test_drafts_cite_what_they_are_told(d: FindingDraft) -> None:
    assert d.concepts == ("procedural.conditions_and_safeguards",)
    assert set(d.principles) <= {"notification"}
    assert d.severity == "info"


@given(verdicts())
def test_verdict_summaries_are_derived(verdict: Verdict) -> None:
    assert verdict.summary == summarise(list(verdict.findings), catalogue())
    assert list(verdict.findings) == sorted(verdict.findings, key=_finding_order)


def _outcome(checker: str, rule: str, status: str) -> tuple[str, str, str]:
    return checker, rule, status


OUTCOMES = {(checker.id, rule.id, status) for checker in BUILTIN for rule in checker.rules for status in rule.outcomes}
"""Every outcome the built-in checkers declare (their ``RULES``): each must be reachable from generated laws."""

REACH_BUDGET = int(os.environ.get("CC_REACH_EXAMPLES", "8000"))
"""Laws at most; the test stops as soon as every outcome has been seen (about 300 laws when run alone, up
to about 3,000 after other tests: Hypothesis mixes constants from every imported module of the library
into what it generates, so the draws for one seed depend on what was imported before)."""


def test_generated_laws_reach_every_outcome_of_every_builtin_checker() -> None:
    ctx = EvaluationContext(convention="uncc-2024", as_of=date(2026, 1, 1), catalogue=catalogue())
    seen: set[tuple[str, str, str]] = set()
    chunk = min(100, REACH_BUDGET)
    for run in range(max(1, REACH_BUDGET // chunk)):

        @seed(run)
        @settings(max_examples=chunk, database=None, deadline=None, suppress_health_check=list(HealthCheck))
        @given(national_laws())
        def collect(law: NationalLaw) -> None:
            current = law.as_of(ctx.as_of)  # as the engine gives it: cut to the day, ended provisions kept aside
            for checker in BUILTIN:
                seen.update(_outcome(checker.id, d.rule, d.status) for d in checker.check(current, ctx))

        collect()
        if seen >= OUTCOMES:
            break
    assert not seen - OUTCOMES, f"outcomes missing from the list above: {sorted(seen - OUTCOMES)}"
    assert not OUTCOMES - seen, f"generated laws never reached: {sorted(OUTCOMES - seen)}"


def test_the_core_never_imports_the_testing_kit() -> None:
    code = (
        "import sys, cybercrime_check\n"
        "from cybercrime_check.cli import main\n"
        "main(['evaluate', 'examples/laws/tn-decree-law-2022-54.yaml', '--format', 'json', '-o', '/dev/null'])\n"
        "main(['checkers', '--format', 'json'])\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('hypothesis', 'cybercrime_check.testing')))\n"
        "assert not bad, bad\n"
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, capture_output=True)
