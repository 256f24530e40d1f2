"""Scope: is each offence a cybercrime the Convention covers, an ordinary crime, or content it does not contain?

Red line 1 asks that the Convention stay with cyber-dependent crime; content offences outside it are where
national laws restrict protected speech. Threats, harassment, stalking and extortion committed online are
ordinary crimes: the Convention neither requires nor excludes them, and they are not speech restrictions.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..model.law import NationalLaw
from ..model.wording import words
from ._common import category_of, finding_for, prison_possible, units

RULES = (
    Rule(
        "offence-within-convention",
        "Is the offence one the Convention requires (Arts 7-17)?",
        ("compliant",),
        "UN Convention against Cybercrime Arts 7-17.",
    ),
    Rule(
        "ordinary-crime",
        "Is the offence an ordinary crime committed online (threats, harassment, stalking, extortion)?",
        ("not_applicable",),
        "ICCPR Art 19(3)(a); policies/offence-categories.yaml.",
    ),
    Rule(
        "content-offence-outside-convention",
        "Does the offence criminalise content the Convention does not contain?",
        ("non_compliant",),
        "UN Convention Arts 3 and 6(2); civil-society red line 1 (EFF and NGO coalition, 2024).",
    ),
    Rule(
        "offence-unclassified",
        "Can the offence be placed inside or outside the Convention's scope at all?",
        ("insufficient_information",),
        "UN Convention Art 3.",
    ),
)
LABELS = {
    "cyber_dependent": "a cyber-dependent offence (an attack on systems or data)",
    "cyber_enabled": "a cyber-enabled offence the Convention covers",
    "content_in_convention": "a content offence the Convention itself requires",
}


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    for u in units(law):
        rule = category_of(u, ctx.catalogue)
        evidence = [(f"{u.path}.category", u.category)]
        if rule.group == "content_outside":
            finding = finding_for(
                "content-offence-outside-convention",
                "rights_risk",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=("scope.application", "general.human_rights.no_suppression"),
                principles=("freedom_of_expression", "legality"),
                evidence=evidence,
            )
            prison = prison_possible(u)
            yield finding(
                "non_compliant",
                "high" if prison is not False else "medium",
                f"{u.citation} criminalises content ({rule.label}) that is not an offence under the Convention, so it "
                "falls outside the cybercrime core civil society asked the treaty to keep to.",
                recommendation="Repeal or narrow the offence; do not treat it as implementing the Convention.",
            )
        elif rule.group == "ordinary_crime":
            yield finding_for(
                "ordinary-crime",
                "rights_risk",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=("scope.application",),
                principles=("legitimate_aim",),
                evidence=evidence,
            )(
                "not_applicable",
                "info",
                f"{u.citation} punishes {rule.label}, an ordinary crime committed online: the Convention neither "
                "requires nor excludes it, and it is not a restriction of protected expression.",
            )
        elif rule.concept is not None:
            yield finding_for(
                "offence-within-convention",
                "rights_risk",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=("scope.application", rule.concept),
                principles=("legality",),
                evidence=evidence,
            )("compliant", "info", f"{u.citation} is {LABELS[rule.group]}.")
        else:
            yield finding_for(
                "offence-unclassified",
                "rights_risk",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=("scope.application",),
                principles=("legality",),
                evidence=evidence,
            )(
                "insufficient_information",
                "low",
                f"{u.citation} is recorded as '{words(u.category)}', so it cannot be placed inside or outside the "
                "Convention's scope.",
                recommendation="Record the offence's category (or its limbs' categories).",
            )


CHECKER = Checker(
    id="scope",
    title="Scope: cyber-dependent, cyber-enabled, ordinary or content offence",
    version="2.0",
    concepts=(
        "scope.application",
        "general.human_rights.no_suppression",
        "criminalisation.illegal_access",
        "criminalisation.illegal_interception",
        "criminalisation.data_interference",
        "criminalisation.system_interference",
        "criminalisation.misuse_of_devices",
        "criminalisation.forgery",
        "criminalisation.fraud",
        "criminalisation.csam",
        "criminalisation.grooming",
        "criminalisation.ncii",
        "criminalisation.laundering",
    ),
    principles=("freedom_of_expression", "legality", "legitimate_aim"),
    check=check,
    description="Classifies every offence (and limb); content offences the Convention does not contain are a rights risk.",
    authority="UN Convention against Cybercrime Arts 3, 6(2), 7-17; civil-society red line 1 (EFF and NGO coalition, 2024).",
    rules=RULES,
)
