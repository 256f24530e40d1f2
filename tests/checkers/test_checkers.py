"""Minimal hand-made laws that pin each built-in checker's outcomes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cybercrime_check import NationalLaw, evaluate
from tests.paths import AS_OF

BASE: dict[str, Any] = {
    "id": "t",
    "jurisdiction": "TN",
    "title": "Test",
    "instrument_type": "statute",
    "subject": "cybercrime",
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
    assert status(complete, "criminalisation", "missing-offence", None) == {"insufficient_information"}
    reason = next(
        f.reason
        for f in evaluate(complete, as_of=AS_OF, third_party=False, checkers=["criminalisation"]).findings
        if f.rule == "missing-offence" and any(a.concept == "criminalisation.fraud" for a in f.articles)
    )
    assert reason.startswith("This instrument does not establish") and "cannot be concluded" in reason
    assert status(law([ok]), "criminalisation", "missing-offence", None) == {"insufficient_information"}


def test_legality() -> None:
    assert status(law([FALSE_NEWS]), "legality") == {"non_compliant"}
    # Nobody recorded the terms: a data gap, never a pass.
    assert status(law([offence(category="fraud")]), "legality") == {"insufficient_information"}
    # Text read, no term of concern.
    assert status(law([offence(category="fraud", terms=[])]), "legality") == {"compliant"}
    # A bare missing definition in a non-speech offence is a data gap at low severity, not a violation.
    bare = law([offence(category="fraud", terms=["benefit"])])
    assert status(bare, "legality") == {"insufficient_information"}
    assert {f.severity for f in evaluate(bare, as_of=AS_OF, third_party=False, checkers=["legality"]).findings} == {
        "low"
    }
    # Defined nowhere and construed by no court: vague.
    checked = {"text": "benefit", "defined_in": "none", "clarified_by": "none"}
    assert status(law([offence(category="fraud", terms=[checked])]), "legality") == {"non_compliant"}
    # A speech offence resting on an undefined term is vague.
    assert status(law([offence(category="public_order_morals", terms=["public order"])]), "legality") == {
        "non_compliant"
    }


def test_legality_defined_or_construed_terms_are_not_vague() -> None:
    # UK CMA s.1: "unauthorised" is defined in s.17(5) and was construed by the House of Lords (Allison).
    s1 = offence(
        category="illegal_access",
        terms=[
            {
                "text": "unauthorised",
                "defined_in": "s.17(5)",
                "clarified_by": "R v Bow Street Magistrate, ex p Allison [2000] 2 AC 216",
            },
            {"text": "without right", "convention_wording": True},
        ],
    )
    found = evaluate(law([s1]), as_of=AS_OF, third_party=False, checkers=["legality"]).findings
    assert [(f.status, f.rule) for f in found] == [("compliant", "precise-terms")]
    assert "defined in s.17(5)" in found[0].reason and "Allison" in found[0].reason


def test_legality_quotes_the_laws_words_and_names_the_lexicon_entry() -> None:
    o = offence(category="false_information", paraphrase="Publishing false information about the state.", terms=[])
    (f,) = evaluate(law([o]), as_of=AS_OF, third_party=False, checkers=["legality"]).findings
    # The law's own words first, then the lexicon entry they fall under: the words are not relabelled.
    assert "'false information' (in the vague-terms lexicon under 'false news': Joint Declaration" in f.reason
    # A term matching the entry's own name is not repeated.
    news = offence(category="false_information", paraphrase="Spreading false news online.", terms=[])
    (h,) = evaluate(law([news]), as_of=AS_OF, third_party=False, checkers=["legality"]).findings
    assert "'false news' (in the vague-terms lexicon: Joint Declaration" in h.reason
    # Protecting a person's reputation is a legitimate aim: "reputation" alone is not the state's prestige.
    person = offence(category="defamation_insult", paraphrase="Harming a person's reputation online.", terms=[])
    (g,) = evaluate(law([person]), as_of=AS_OF, third_party=False, checkers=["legality"]).findings
    assert g.status == "compliant" and "reputation of the state" not in g.reason


def test_legality_follows_a_read_down() -> None:
    # Germany § 202c: the Federal Constitutional Court narrowed it (2 BvR 2233/07) and construed "Zweck".
    o = offence(
        category="misuse_of_devices",
        terms=["purpose"],
        history=[
            {"kind": "in_force", "date": "2007-08-11", "authority": "Bundestag", "confidence": "primary"},
            {
                "kind": "read_down",
                "date": "2009-05-18",
                "authority": "Federal Constitutional Court",
                "decision": "2 BvR 2233/07",
                "narrowed_to": "Only tools whose purpose is committing a § 202a or § 202b offence.",
                "ulterior_intent": "an intent to prepare a § 202a or § 202b offence",
                "clarifies": ["purpose"],
                "confidence": "primary",
            },
        ],
    )
    assert status(law([o]), "legality") == {"compliant"}
    assert status(law([o]), "researchers") == {"compliant"}
    assert status(law([o]), "provision-status") == {"not_applicable"}


def test_protected_expression() -> None:
    assert status(law([FALSE_NEWS]), "protected-expression") == {"non_compliant"}
    strife_vague = offence(category="national_unity_strife", paraphrase="Content that provokes strife.")
    assert status(law([strife_vague]), "protected-expression") == {"non_compliant"}
    strife = offence(category="national_unity_strife", paraphrase="Incitement to violence against a group.")
    assert status(law([strife]), "protected-expression") == {"insufficient_information"}
    lgbt = offence(category="lgbtq")
    assert status(law([lgbt]), "protected-expression", "targets-group") == {"non_compliant"}
    used = offence(
        category="public_order_morals",
        paraphrase="Immorality online.",
        groups_affected=[{"group": "lgbtq", "basis": "in_application", "sources": ["s"]}],
    )
    assert status(law([used]), "protected-expression", "targets-group") == {"partially_compliant"}
    assert status(law([offence(category="fraud")]), "protected-expression") == set()
    # Use against journalists is a matter of free expression and their protection, not non-discrimination.
    press = offence(
        category="defamation_insult",
        penalty={"imprisonment": {"max": "1 year"}},
        groups_affected=[{"group": "journalists", "basis": "in_application", "sources": ["s"]}],
    )
    found = evaluate(law([press]), as_of=AS_OF, third_party=False, checkers=["protected-expression"]).findings
    by_rule = {f.rule: f for f in found}
    assert by_rule["used-against-press"].status == "partially_compliant"
    assert {p.id for p in by_rule["used-against-press"].principles} == {
        "freedom_of_expression",
        "protection_of_researchers_journalists",
    }
    assert by_rule["imprisonment-for-defamation"].status == "non_compliant"
    assert "targets-group" not in by_rule


def test_new_categories_are_flagged() -> None:
    # Jordan 2023 Art 12 (circumventing blocking with a fake address) and Art 24 (publishing about the police).
    vpn = offence(category="circumvention_anonymity", penalty={"imprisonment": {"max": "1 year"}})
    police = offence(category="publication_about_officials", penalty={"imprisonment": {"max": "1 year"}})
    assert status(law([vpn]), "protected-expression") == {"non_compliant"}
    assert status(law([police]), "protected-expression") == {"non_compliant"}
    # Intermediaries: liability only for disobeying a court's order is the exception the 2011 Joint Declaration
    # allows (Marco Civil Art 19 before 2025); whose order is needed must be recorded to judge it.
    for order, expected in (("none", "non_compliant"), ("executive", "non_compliant"), ("court", "compliant")):
        host = offence(category="intermediary_liability", order_required=order)
        assert status(law([host]), "protected-expression") == {expected}, order
    unknown = offence(category="intermediary_liability")
    assert status(law([unknown]), "protected-expression") == {"insufficient_information"}


def test_a_threats_limb_gets_no_speech_finding_and_an_offensive_limb_does() -> None:
    s127 = offence(
        category="mixed",
        penalty={"imprisonment": {"max": "6 months"}},
        limbs=[
            {"id": "menacing", "conduct": "Sending a message of a menacing character.", "category": "threats"},
            {
                "id": "grossly-offensive",
                "conduct": "Sending a grossly offensive message.",
                "category": "public_order_morals",
                "terms": ["grossly offensive"],
            },
        ],
    )
    found = evaluate(
        law([s127]), as_of=AS_OF, third_party=False, checkers=["protected-expression", "legality"]
    ).findings
    speech = {f.provision.limb for f in found if f.checker == "protected-expression"}
    assert speech == {"grossly-offensive"}
    assert {f.provision.limb for f in found if f.status == "non_compliant"} == {"grossly-offensive"}
    assert all("limb" in f.provision.citation for f in found)


def test_general_part_gives_the_maximum() -> None:
    general = {
        "id": "eg-penal-code",
        "jurisdiction": "TN",
        "title": "Penal Code",
        "sources": [{"id": "pc", "url": "https://example.org/pc", "title": "Penal Code", "confidence": "primary"}],
        "penalty_classes": [
            {
                "id": "habs",
                "name": "habs",
                "min": "1 day",
                "max": "3 years",
                "citation": "Art 18",
                "sources": ["pc"],
                "confidence": "primary",
            },
            {
                "id": "sijn",
                "name": "sijn",
                "min": "3 years",
                "max": "15 years",
                "citation": "Art 14",
                "sources": ["pc"],
                "confidence": "primary",
            },
        ],
    }
    below = offence(category="false_information", penalty={"imprisonment": {"penalty_class": "habs", "min": "2 years"}})
    meets = offence(id="o2", category="false_information", penalty={"imprisonment": {"penalty_class": "sijn"}})
    subject = NationalLaw.model_validate({**BASE, "offences": [below, meets], "general_part": general})
    found = {
        f.provision.provision_id: f
        for f in evaluate(subject, as_of=AS_OF, third_party=False, checkers=["cooperation-exposure"]).findings
    }
    assert found["o"].status == "compliant" and "3 years (habs, Art 18)" in found["o"].reason
    assert found["o2"].status == "non_compliant" and "15 years (sijn, Art 14)" in found["o2"].reason


def test_history_reports_what_is_not_in_force_and_condemnations() -> None:
    struck = offence(
        id="s66a",
        category="false_information",
        history=[
            {"kind": "in_force", "date": "2009-10-27", "authority": "Parliament of India", "confidence": "primary"},
            {
                "kind": "struck_down",
                "date": "2015-03-24",
                "authority": "Supreme Court of India",
                "decision": "Shreya Singhal v Union of India",
                "confidence": "primary",
            },
        ],
    )
    condemned = offence(
        id="c",
        category="insult_head_of_state",
        history=[
            {
                "kind": "condemned",
                "date": "2017-06-01",
                "authority": "UN Human Rights Committee",
                "decision": "Concluding observations",
                "principles": ["freedom_of_expression"],
                "confidence": "secondary",
            }
        ],
    )
    today = evaluate(law([struck, condemned]), as_of=AS_OF, third_party=False)
    s66a = [f for f in today.findings if f.provision.provision_id == "s66a"]
    assert [(f.checker, f.status) for f in s66a] == [("provision-status", "not_applicable")]
    assert (
        "struck down by the Supreme Court of India in Shreya Singhal v Union of India (24 Mar 2015)" in s66a[0].reason
    )
    assert any(f.rule == "condemned" and f.status == "non_compliant" for f in today.findings)
    before = evaluate(law([struck]), as_of=date(2014, 1, 1), third_party=False)
    assert any(
        f.provision.provision_id == "s66a" and f.rule == "restricts-protected-expression" for f in before.findings
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"mental_element": "intent", "without_right": True, "ulterior_intent": "none", "defences": "none"},
            "non_compliant",
        ),
        ({"mental_element": "intent", "without_right": False, "defences": "none"}, "non_compliant"),
        ({"mental_element": "intent", "without_right": True, "ulterior_intent": "none"}, "insufficient_information"),
        ({"mental_element": "intent", "without_right": True, "defences": "none"}, "insufficient_information"),
        # The offence's own ulterior intent keeps research out: no defence is needed (e.g. intent to defraud).
        ({"mental_element": "intent", "ulterior_intent": "to defraud", "defences": "none"}, "compliant"),
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
        public_reporting=False,
    )
    assert status(law(powers=[weak]), "safeguards", provision="p") == {"non_compliant"}
    strong = power(
        kind="content_interception",
        authorisation="prior_judicial",
        duration="3 months",
        renewals=2,
        notification="required",
        remedy=True,
        grounds="specific_threshold",
        proportionality_test=True,
        public_reporting=True,
    )
    assert status(law(powers=[strong]), "safeguards", provision="p") == {"compliant"}
    assert status(law(powers=[power(kind="search_and_seizure")]), "safeguards", provision="p") == {
        "insufficient_information"
    }
    # Review afterwards by a judge who can quash: partly makes up for no prior authorisation; a report does not.
    quash = {"reviewer": "judge", "deadline_hours": 48, "can_quash": True}
    reviewed = power(kind="content_blocking", authorisation="prosecutor", ex_post_review=quash)
    assert status(law(powers=[reviewed]), "safeguards", "authorisation", "p") == {"partially_compliant"}
    reported = power(
        kind="content_blocking", authorisation="prosecutor", ex_post_review={"reviewer": "judge", "report_only": True}
    )
    assert status(law(powers=[reported]), "safeguards", "authorisation", "p") == {"non_compliant"}
    assert status(law(powers=[]), "safeguards", provision=None) == {"insufficient_information"}
    complete = NationalLaw.model_validate({**BASE, "procedural_powers": [], "powers_coverage": "complete"})
    assert status(complete, "safeguards", provision=None) == {"not_applicable"}
    assert status(law(), "safeguards", provision=None) == {"insufficient_information"}


def test_a_prosecutor_is_not_independent_for_traffic_or_content_data() -> None:
    # CJEU Prokuratuur (C-746/18): a public prosecutor cannot authorise access to traffic and location data.
    traffic = power(kind="production_order_other", authorisation="prosecutor", data_categories=["traffic"])
    assert status(law(powers=[traffic]), "safeguards", "authorisation", "p") == {"non_compliant"}
    stored = power(kind="production_order_other", authorisation="prosecutor", data_categories=["other"])
    assert status(law(powers=[stored]), "safeguards", "authorisation", "p") == {"compliant"}
    unknown = power(kind="production_order_other", authorisation="prosecutor")
    assert status(law(powers=[unknown]), "safeguards", "authorisation", "p") == {"insufficient_information"}


def test_procedural_scope() -> None:
    assert status(
        law(powers=[power(kind="content_interception", applies_to="all_crimes", authorisation="prior_judicial")]),
        "procedural-scope",
        provision="p",
    ) == {"non_compliant"}
    # A search warrant for any offence is ordinary criminal procedure (Art 23(2)(c)); its safeguards decide.
    assert status(
        law(powers=[power(kind="search_and_seizure", applies_to="all_crimes", authorisation="prosecutor")]),
        "procedural-scope",
        provision="p",
    ) == {"compliant"}
    # An intrusive power for any crime: fine with a judge beforehand, not on the executive's say-so.
    judged = power(kind="realtime_traffic_collection", applies_to="all_crimes", authorisation="prior_judicial")
    assert status(law(powers=[judged]), "procedural-scope", provision="p") == {"compliant"}
    police = power(kind="realtime_traffic_collection", applies_to="all_crimes", authorisation="executive_or_police")
    assert status(law(powers=[police]), "procedural-scope", provision="p") == {"non_compliant"}
    assert status(
        law(powers=[power(kind="search_and_seizure", applies_to="serious_crimes")]), "procedural-scope", provision="p"
    ) == {"compliant"}
    assert status(law(powers=[power(kind="search_and_seizure")]), "procedural-scope", provision="p") == {
        "insufficient_information"
    }
    found = evaluate(law(powers=[police]), as_of=AS_OF, third_party=False, checkers=["procedural-scope"]).findings
    assert {f.dimension for f in found} == {"rights_risk"}  # Art 30 sets a minimum, not a ceiling


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
    assert status(law([hacking]), "cooperation-exposure") == {"exposed"}
    fixed = offence(category="fraud", penalty={"imprisonment": {"term": "5 years"}})
    (f,) = evaluate(law([fixed]), as_of=AS_OF, third_party=False, checkers=["cooperation-exposure"]).findings
    assert f.status == "exposed" and "a fixed term of 5 years" in f.reason
    # The conclusion's confidence is the data's; the uncertain paragraph number has its own field.
    assert f.confidence == "primary" and f.citation_confidence == "partial"


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
        offence(id="o", category="national_unity_strife", terms=long_terms),
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
