"""Data sharing (red lines 5 and 6; Arts 36, 40, 47).

Mutual legal assistance should keep dual criminality and refusal grounds
that protect people from persecution; spontaneous sharing and direct
disclosure to foreign authorities need data-protection conditions and, for
direct disclosure, prior judicial authorisation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule, draft
from ..model.cooperation import CooperationRule
from ..model.law import NationalLaw
from ..model.wording import words
from ._common import finding_for

CONCEPTS = (
    "cooperation.mla",
    "cooperation.personal_data",
    "cooperation.spontaneous_sharing",
    "cooperation.refusal_persecution",
    "cooperation.law_enforcement",
    "cooperation.extradition",
)
PROTECTIVE_GROUNDS = ("persecution_discrimination", "political_offence", "death_penalty", "human_rights")
RED_LINES = "Civil-society red lines 5 and 6 (EFF and NGO coalition, 2024)."
RULES = (
    Rule(
        "refusal-grounds",
        "Does the state's law let it refuse requests that serve persecution?",
        ("compliant", "partially_compliant", "non_compliant", "insufficient_information"),
        "UN Convention Art 40 (refusal grounds); ICCPR Art 26; " + RED_LINES,
    ),
    Rule(
        "dual-criminality",
        "Must the conduct be an offence at home too?",
        ("compliant", "non_compliant", "insufficient_information"),
        "UN Convention Art 35; " + RED_LINES,
    ),
    Rule(
        "data-protection",
        "Are personal data shared abroad protected (purpose limitation, adequate protection)?",
        ("compliant", "non_compliant", "insufficient_information"),
        "UN Convention Art 36; N&P Principle 12; " + RED_LINES,
    ),
    Rule(
        "direct-disclosure-authorisation",
        "Does each direct disclosure need prior judicial authorisation?",
        ("compliant", "non_compliant", "insufficient_information"),
        "UN Convention Art 47; " + RED_LINES,
    ),
    Rule("other-rule", "Is the rule of a kind the checker assesses?", ("insufficient_information",), RED_LINES),
    Rule("rules-unknown", "Are the instrument's cooperation rules recorded?", ("insufficient_information",), RED_LINES),
    Rule("no-rules", "Does the instrument have cooperation rules?", ("not_applicable",), RED_LINES),
)


def _for_rule(
    r: CooperationRule, rule: str, concepts: tuple[str, ...], principle: str, evidence: list[tuple[str, Any]]
) -> Callable[..., FindingDraft]:
    return finding_for(
        rule, "cooperation_exposure", provision_id=r.id, concepts=concepts, principles=(principle,), evidence=evidence
    )


def _refusal(r: CooperationRule, concept: str) -> Iterator[FindingDraft]:
    evidence = [
        (
            f"cooperation_rules[{r.id}].refusal_grounds",
            r.refusal_grounds if isinstance(r.refusal_grounds, str) else [g.ground for g in r.refusal_grounds],
        )
    ]
    finding = _for_rule(
        r, "refusal-grounds", (concept, "cooperation.refusal_persecution"), "non_discrimination", evidence
    )
    if r.refusal_grounds == "unspecified":
        yield finding(
            "insufficient_information", "medium", f"The data does not record the refusal grounds in {r.cited}."
        )
        return
    present = {g.ground for g in r.refusal_grounds} if isinstance(r.refusal_grounds, tuple) else set()
    missing = [g for g in PROTECTIVE_GROUNDS if g not in present]
    if missing:
        yield finding(
            "non_compliant" if "persecution_discrimination" in missing else "partially_compliant",
            "high",
            f"{r.cited} lacks refusal grounds for {', '.join(words(m) for m in missing)}.",
            recommendation="Add mandatory refusal grounds for persecution, political offences, death penalty and human-rights risks.",
            data_confidence=r.confidence,
        )
    else:
        yield finding("compliant", "info", f"{r.cited} provides refusal grounds that protect against persecution.")


def _protection(r: CooperationRule, concept: str, red_line_concept: str) -> FindingDraft:
    value = r.data_protection_conditions
    evidence = [(f"cooperation_rules[{r.id}].data_protection_conditions", value)]
    finding = _for_rule(r, "data-protection", (concept, red_line_concept), "data_protection", evidence)
    if value is True:
        return finding("compliant", "info", f"Transfers under {r.cited} are subject to data-protection conditions.")
    if value is False:
        return finding(
            "non_compliant",
            "high",
            f"Personal data can be shared under {r.cited} without data-protection conditions.",
            recommendation="Condition transfers on purpose limitation and adequate protection.",
            data_confidence=r.confidence,
        )
    return finding(
        "insufficient_information",
        "medium",
        f"The data does not record whether transfers under {r.cited} carry data-protection conditions.",
    )


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    if law.cooperation_rules == "unspecified":
        yield draft(
            "rules-unknown",
            "insufficient_information",
            "medium",
            "cooperation_exposure",
            concepts=("cooperation.mla",),
            principles=("data_protection",),
            reason="The data does not record this instrument's rules on international cooperation.",
            recommendation="Model the cooperation provisions, or record that there are none.",
        )
        return
    if not law.rules:
        yield draft(
            "no-rules",
            "not_applicable",
            "info",
            "cooperation_exposure",
            concepts=("cooperation.mla",),
            principles=("data_protection",),
            reason="This instrument contains no rules on international cooperation.",
        )
        return
    for r in law.rules:
        if r.kind in ("mutual_legal_assistance", "extradition"):
            concept = "cooperation.mla" if r.kind == "mutual_legal_assistance" else "cooperation.extradition"
            dc = r.dual_criminality
            finding = _for_rule(
                r,
                "dual-criminality",
                (concept,),
                "data_protection",
                [(f"cooperation_rules[{r.id}].dual_criminality", dc)],
            )
            if dc == "unspecified":
                yield finding(
                    "insufficient_information",
                    "medium",
                    f"The data does not record whether {r.cited} requires dual criminality.",
                )
            elif dc == "not_required":
                yield finding(
                    "non_compliant",
                    "high",
                    f"{r.cited} allows assistance without dual criminality, so conduct that is lawful at home can be investigated for another state.",
                    recommendation="Require dual criminality, at least for coercive measures.",
                    data_confidence=r.confidence,
                )
            else:
                yield finding("compliant", "info", f"{r.cited} requires dual criminality ({words(dc)}).")
            yield from _refusal(r, concept)
        elif r.kind == "spontaneous_sharing":
            yield _protection(r, "cooperation.spontaneous_sharing", "cooperation.personal_data")
        elif r.kind == "direct_disclosure":
            yield _protection(r, "cooperation.law_enforcement", "cooperation.personal_data")
            finding = _for_rule(
                r,
                "direct-disclosure-authorisation",
                ("cooperation.personal_data",),
                "prior_judicial_authorisation",
                [(f"cooperation_rules[{r.id}].authorisation", r.authorisation)],
            )
            if r.authorisation == "prior_judicial":
                yield finding(
                    "compliant", "info", f"Direct disclosure under {r.cited} needs prior judicial authorisation."
                )
            elif r.authorisation == "unspecified":
                yield finding(
                    "insufficient_information",
                    "medium",
                    f"The data does not record who authorises direct disclosure under {r.cited}.",
                )
            else:
                yield finding(
                    "non_compliant",
                    "high",
                    f"Personal data can be disclosed directly to foreign authorities under {r.cited} without prior judicial authorisation.",
                    recommendation="Require prior judicial authorisation for each disclosure.",
                    data_confidence=r.confidence,
                )
        elif r.kind == "data_transfer_conditions":
            yield _protection(r, "cooperation.personal_data", "cooperation.personal_data")
        else:
            yield draft(
                "other-rule",
                "insufficient_information",
                "low",
                "cooperation_exposure",
                provision_id=r.id,
                concepts=("cooperation.mla",),
                principles=("data_protection",),
                reason=f"{r.cited} is a cooperation rule of a kind this checker does not assess.",
            )


CHECKER = Checker(
    id="data-sharing",
    rules=RULES,
    title="Data sharing: MLA, spontaneous and direct disclosure (Arts 36, 40, 47)",
    version="2.0",
    concepts=CONCEPTS,
    principles=("data_protection", "non_discrimination", "prior_judicial_authorisation"),
    check=check,
    description="Dual criminality and refusal grounds in assistance; data protection and authorisation for sharing.",
    authority="UN Convention Arts 36, 40, 47; N&P Principle 12; civil-society red lines 5 and 6.",
)
