"""Scope: is each offence a cybercrime the Convention covers, an ordinary crime, or content it does not contain?

Red line 1 asks that the Convention stay with cyber-dependent crime; content offences outside it are where
national laws restrict protected speech, and what red line 1 is about when they sit in a cybercrime or
online-content law (in a penal code they are judged on expression grounds only). Threats, harassment, stalking
and extortion committed online are ordinary crimes: the Convention neither requires nor excludes them.
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
        "Does a cybercrime or online-content law criminalise content the Convention does not contain (in a general "
        "law, the offence is judged on expression grounds only)?",
        ("non_compliant", "not_applicable", "insufficient_information"),
        "UN Convention Arts 3 and 6(2); civil-society red line 1 (EFF and NGO coalition, 2024).",
    ),
    Rule(
        "not-an-offence",
        "Is the rule a criminal offence at all (not civil or administrative liability)?",
        ("not_applicable", "insufficient_information"),
        "UN Convention Arts 3 and 7-17 (offences).",
    ),
    Rule(
        "offence-unclassified",
        "Can the offence be placed inside or outside the Convention's scope at all?",
        ("insufficient_information",),
        "UN Convention Art 3.",
    ),
)
CYBER_LAWS = frozenset({"cybercrime", "online_content"})
SUBJECTS = {
    "penal_code": "general penal code",
    "communications": "communications law",
    "surveillance": "surveillance law",
    "other": "law of another kind",
    "unspecified": "law",
}
LIABILITY = {"civil": "civil liability", "administrative": "administrative liability"}
LABELS = {
    "cyber_dependent": "a cyber-dependent offence (an attack on systems or data)",
    "cyber_enabled": "a cyber-enabled offence the Convention covers",
    "content_in_convention": "a content offence the Convention itself requires",
}


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    for u in units(law):
        rule = category_of(u, ctx.catalogue)
        evidence: list[tuple[str, object]] = [(f"{u.path}.category", u.category)]
        if u.offence.liability != "criminal":
            if u.limb is None or u.limb == u.offence.limbs[0]:
                yield _not_an_offence(u.offence.id, u.offence.cited, u.offence.liability)
            continue
        if rule.group == "content_outside" and law.subject not in CYBER_LAWS:
            yield finding_for(
                "content-offence-outside-convention",
                "rights_risk",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=("scope.application",),
                principles=("freedom_of_expression", "legality"),
                evidence=[*evidence, ("subject", law.subject)],
            )(
                *(("insufficient_information", "low") if law.subject == "unspecified" else ("not_applicable", "info")),
                f"{u.citation} criminalises content ({rule.label}) that is not an offence under the Convention; "
                + (
                    "whether the law is a cybercrime or online-content law, which would bring it within what civil "
                    "society asked the treaty to keep out, is not recorded."
                    if law.subject == "unspecified"
                    else f"it sits in a {SUBJECTS[law.subject]}, not a cybercrime law, so it is judged on expression "
                    "grounds only."
                ),
            )
            continue
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
                "requires nor excludes it"
                + (
                    ", and it is not a restriction of protected expression."
                    if rule.expression == "not_expression"
                    else "; restricting speech to protect others' rights is an aim Art 19(3) admits, if the offence "
                    "is precise."
                ),
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
                (
                    f"What {u.citation} criminalises is not recorded"
                    if u.category == "unspecified"
                    else f"{u.citation} is recorded as '{words(u.category)}'"
                )
                + ", so it cannot be placed inside or outside the Convention's scope.",
                recommendation="Record the offence's category (or its limbs' categories).",
            )


def _not_an_offence(provision_id: str, cited: str, liability: str) -> FindingDraft:
    known = liability in LIABILITY
    return finding_for(
        "not-an-offence",
        "rights_risk",
        provision_id=provision_id,
        concepts=("scope.application",),
        principles=("legality",),
        evidence=[("liability", liability)],
    )(
        "not_applicable" if known else "insufficient_information",
        "info" if known else "low",
        f"{cited} imposes {LIABILITY[liability]}, not a criminal penalty, so it is no offence within the "
        "Convention's scope."
        if known
        else f"Whether {cited} is a criminal offence or civil or administrative liability is not recorded.",
        recommendation=None if known else "Record what liability the provision imposes.",
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
