"""Minimal hand-made laws that pin each built-in checker's outcomes."""

from __future__ import annotations

from typing import Any

import pytest

from cybercrime_check import NationalLaw, evaluate
from tests.paths import AS_OF

BASE: dict[str, Any] = {
    "id": "t",
    "jurisdiction": "TN",
    "title": "Test",
    "instrument_type": "statute",
    "text_used": {"language": "en"},
    "sources": [{"id": "s", "url": "https://example.org", "title": "S", "confidence": "primary"}],
    "coverage": "selected_provisions",
}


def law(offences: list[dict[str, Any]] = (), powers: Any = "unspecified", rules: Any = "unspecified") -> NationalLaw:  # type: ignore[assignment]
    return NationalLaw.model_validate(
        {**BASE, "offences": list(offences), "procedural_powers": powers, "cooperation_rules": rules}
    )


def offence(**kw: Any) -> dict[str, Any]:
    return {"id": "o", "citation": "Art 1", "paraphrase": "Conduct.", "sources": ["s"], "confidence": "primary", **kw}


def power(**kw: Any) -> dict[str, Any]:
    return {"id": "p", "citation": "Art 9", "paraphrase": "Power.", "sources": ["s"], "confidence": "primary", **kw}


def status(subject: NationalLaw, checker: str, rule: str | None = None, provision: str | None = "o") -> set[str]:
    v = evaluate(subject, as_of=AS_OF, third_party=False, checkers=[checker])
    return {f.status for f in v.findings if (rule is None or f.rule == rule) and f.provision.provision_id == provision}


FALSE_NEWS = offence(
    category="false_information",
    mental_element="intent",
    paraphrase="Spreading false news.",
    penalty={"imprisonment": {"max": "5 years"}},
)


def test_scope() -> None:
    assert status(law([FALSE_NEWS]), "scope") == {"non_compliant"}
    assert status(law([offence(category="illegal_access")]), "scope") == {"compliant"}
    assert status(law([offence(category="unspecified")]), "scope") == {"insufficient_information"}


def test_criminalisation() -> None:
    ok = offence(category="illegal_access", mental_element="intent", without_right=True)
    assert status(law([ok]), "criminalisation", "established") == {"compliant"}
    bad = offence(category="illegal_access", mental_element="none_stated", without_right=False)
    assert status(law([bad]), "criminalisation") == {"partially_compliant"}
    unknown = offence(category="illegal_access")
    assert status(law([unknown]), "criminalisation") == {"insufficient_information"}
    complete = law([ok]).model_copy(update={"coverage": "complete"})
    # absent from a complete instrument is still not absent from the state's law
    assert status(complete, "criminalisation", "missing-fraud", None) == {"insufficient_information"}
    reason = next(
        f.reason
        for f in evaluate(complete, as_of=AS_OF, third_party=False, checkers=["criminalisation"]).findings
        if f.rule == "missing-fraud"
    )
    assert reason.startswith("This instrument does not establish") and "cannot be concluded" in reason
    assert status(law([ok]), "criminalisation", "missing-fraud", None) == {"insufficient_information"}


def test_legality() -> None:
    assert status(law([FALSE_NEWS]), "legality") == {"non_compliant"}
    assert status(law([offence(category="fraud")]), "legality") == {"compliant"}
    assert status(law([offence(category="fraud", undefined_terms=["benefit"])]), "legality") == {"non_compliant"}
    # A harm element in a system offence is not a speech term.
    sysint = offence(category="system_interference", paraphrase="Damage to national security.")
    assert status(law([sysint]), "legality") == {"compliant"}


def test_protected_expression() -> None:
    assert status(law([FALSE_NEWS]), "protected-expression") == {"non_compliant"}
    strife_vague = offence(category="national_unity_strife", paraphrase="Content that provokes strife.")
    assert status(law([strife_vague]), "protected-expression") == {"non_compliant"}
    strife = offence(category="national_unity_strife", paraphrase="Incitement to violence against a group.")
    assert status(law([strife]), "protected-expression") == {"insufficient_information"}
    lgbt = offence(category="lgbtq")
    assert status(law([lgbt]), "protected-expression", "targets-group-lgbtq") == {"non_compliant"}
    used = offence(
        category="public_order_morals",
        paraphrase="Immorality online.",
        groups_affected=[{"group": "lgbtq", "basis": "in_application", "sources": ["s"]}],
    )
    assert status(law([used]), "protected-expression", "targets-group-lgbtq") == {"partially_compliant"}
    assert status(law([offence(category="fraud")]), "protected-expression") == set()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"mental_element": "intent", "without_right": True, "defences": "none"}, "non_compliant"),
        ({"mental_element": "intent", "without_right": False, "defences": "none"}, "non_compliant"),
        ({"mental_element": "intent", "without_right": True}, "insufficient_information"),
        (
            {
                "mental_element": "intent",
                "without_right": True,
                "defences": [{"kind": "security_research", "citation": "Art 2", "description": "d", "sources": ["s"]}],
            },
            "compliant",
        ),
        (
            {
                "mental_element": "intent",
                "without_right": True,
                "defences": [
                    {
                        "kind": "security_research",
                        "citation": "Policy",
                        "description": "d",
                        "binding": False,
                        "sources": ["s"],
                    }
                ],
            },
            "partially_compliant",
        ),
    ],
)
def test_researchers(fields: dict[str, Any], expected: str) -> None:
    assert status(law([offence(category="illegal_access", **fields)]), "researchers") == {expected}


def test_safeguards() -> None:
    weak = power(
        kind="content_interception",
        authorisation="executive_or_police",
        duration="none",
        notification="not_required",
        remedy=False,
        grounds="vague",
        proportionality_test=False,
    )
    assert status(law(powers=[weak]), "safeguards", provision="p") == {"non_compliant"}
    strong = power(
        kind="content_interception",
        authorisation="prior_judicial",
        duration="3 months",
        notification="required",
        remedy=True,
        grounds="specific_threshold",
        proportionality_test=True,
    )
    assert status(law(powers=[strong]), "safeguards", provision="p") == {"compliant"}
    assert status(law(powers=[power(kind="search_and_seizure")]), "safeguards", provision="p") == {
        "insufficient_information"
    }
    reviewed = power(kind="content_blocking", authorisation="prosecutor", ex_post_judicial_review=True)
    assert status(law(powers=[reviewed]), "safeguards", "authorisation", "p") == {"partially_compliant"}
    assert status(law(powers=[]), "safeguards", provision=None) == {"not_applicable"}
    assert status(law(), "safeguards", provision=None) == {"insufficient_information"}


def test_procedural_scope() -> None:
    assert status(
        law(powers=[power(kind="content_interception", applies_to="all_crimes")]), "procedural-scope", provision="p"
    ) == {"non_compliant"}
    assert status(
        law(powers=[power(kind="search_and_seizure", applies_to="serious_crimes")]), "procedural-scope", provision="p"
    ) == {"compliant"}
    assert status(law(powers=[power(kind="search_and_seizure")]), "procedural-scope", provision="p") == {
        "insufficient_information"
    }


def test_compelled_assistance() -> None:
    p = power(kind="compelled_assistance", authorisation="executive_or_police", self_incrimination_protection=False)
    assert status(law(powers=[p]), "compelled-assistance", provision="p") == {"non_compliant"}
    p = power(kind="compelled_assistance", authorisation="prior_judicial", self_incrimination_protection=True)
    assert status(law(powers=[p]), "compelled-assistance", provision="p") == {"compliant"}
    assert status(law(powers=[power(kind="compelled_assistance")]), "compelled-assistance", provision="p") == {
        "insufficient_information"
    }


def test_cooperation_exposure() -> None:
    assert status(law([FALSE_NEWS]), "cooperation-exposure") == {"non_compliant"}
    short = offence(category="false_information", penalty={"imprisonment": {"max": "3 years"}})
    assert status(law([short]), "cooperation-exposure") == {"compliant"}
    aggravated = offence(
        category="defamation_insult",
        penalty={"imprisonment": {"max": "2 years"}},
        aggravated=[{"condition": "Target is an official.", "penalty": {"imprisonment": {"max": "10 years"}}}],
    )
    assert status(law([aggravated]), "cooperation-exposure") == {"non_compliant"}
    open_ended = offence(category="defamation_insult", penalty={"imprisonment": {"min": "3 months", "max": "none"}})
    assert status(law([open_ended]), "cooperation-exposure") == {"insufficient_information"}
    hacking = offence(category="illegal_access", penalty={"imprisonment": {"max": "10 years"}})
    assert status(law([hacking]), "cooperation-exposure") == {"compliant"}


def test_data_sharing() -> None:
    rule = {
        "id": "r",
        "citation": "Art 40",
        "paraphrase": "MLA.",
        "sources": ["s"],
        "confidence": "primary",
        "kind": "mutual_legal_assistance",
        "dual_criminality": "not_required",
        "refusal_grounds": "none",
    }
    assert status(law(rules=[rule]), "data-sharing", provision="r") == {"non_compliant"}
    good = {
        **rule,
        "dual_criminality": "required",
        "refusal_grounds": [
            {"ground": g} for g in ("persecution_discrimination", "political_offence", "death_penalty", "human_rights")
        ],
    }
    assert status(law(rules=[good]), "data-sharing", provision="r") == {"compliant"}
    assert status(law(), "data-sharing", provision=None) == {"insufficient_information"}
    direct = {
        **rule,
        "kind": "direct_disclosure",
        "authorisation": "executive_or_police",
        "data_protection_conditions": False,
    }
    assert status(law(rules=[direct]), "data-sharing", provision="r") == {"non_compliant"}


def test_long_quoted_data_is_shortened_not_fatal() -> None:
    # Found by generated laws: valid texts up to the 4,000-character limit made four
    # checkers build reasons longer than a finding may hold, so they raised instead.
    long_terms = [f"{i}" * 400 for i in range(1, 10)] + ["a" * 400, "b" * 400, "c" * 400]
    offences = [
        offence(id="o", category="national_unity_strife", undefined_terms=long_terms),
        offence(
            id="o2",
            category="fraud",
            penalty={"imprisonment": {"max": "1 year"}},
            aggravated=[{"condition": "x" * 4000, "penalty": {"imprisonment": {"max": "5 years"}}}],
        ),
    ]
    powers = [power(kind="content_interception", grounds="vague", grounds_text="g" * 4000)]
    verdict = evaluate(law(offences, powers), as_of=AS_OF, third_party=False)
    assert verdict.complete, [f.reason for f in verdict.findings if f.status == "error"]
    shortened = [f for f in verdict.findings if "…" in f.reason]
    assert {f.checker for f in shortened} == {"legality", "protected-expression", "safeguards", "cooperation-exposure"}
    assert all(len(f.reason) <= 4000 and all(len(e.value) <= 4000 for e in f.evidence) for f in verdict.findings)
