"""Scope: is each offence a cybercrime the Convention covers, or content it does not?

Red line 1 asks that the Convention stay with cyber-dependent crime; content
offences outside it are where national laws restrict protected speech.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, draft
from ..model.law import NationalLaw
from ..model.wording import words
from ._common import CATEGORY_CONCEPT, classify, prison_possible

LABELS = {
    "cyber_dependent": "a cyber-dependent offence (an attack on systems or data)",
    "cyber_enabled": "a cyber-enabled offence the Convention covers",
    "content_in_convention": "a content offence the Convention itself requires",
}


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    for o in law.offences:
        kind = classify(o)
        evidence = [(f"offences[{o.id}].category", o.category)]
        if kind == "content_outside":
            prison = prison_possible(o)
            yield draft(
                "content-offence-outside-convention",
                "non_compliant",
                "high" if prison is not False else "medium",
                "rights_risk",
                provision_id=o.id,
                concepts=("scope.application", "general.human_rights.no_suppression"),
                principles=("freedom_of_expression", "legality"),
                reason=(
                    f"{o.citation} criminalises content ({words(o.category)}) that is not an "
                    "offence under the Convention, so it falls outside the cybercrime core civil society "
                    "asked the treaty to keep to."
                ),
                evidence=evidence,
                recommendation="Repeal or narrow the offence; do not treat it as implementing the Convention.",
            )
        elif kind == "unknown":
            yield draft(
                "offence-unclassified",
                "insufficient_information",
                "low",
                "rights_risk",
                provision_id=o.id,
                concepts=("scope.application",),
                principles=("legality",),
                reason=f"{o.citation} has category '{o.category}', so it cannot be placed inside or outside the Convention's scope.",
                evidence=evidence,
                recommendation="Record the offence's category.",
            )
        else:
            yield draft(
                "offence-within-convention",
                "compliant",
                "info",
                "rights_risk",
                provision_id=o.id,
                concepts=("scope.application", CATEGORY_CONCEPT[o.category]),
                principles=("legality",),
                reason=f"{o.citation} is {LABELS[kind]}.",
                evidence=evidence,
            )


CHECKER = Checker(
    id="scope",
    title="Scope: cyber-dependent, cyber-enabled or content offence",
    version="1.0",
    concepts=("scope.application", "general.human_rights.no_suppression", *CATEGORY_CONCEPT.values()),
    principles=("freedom_of_expression", "legality"),
    check=check,
    description="Classifies every offence; content offences the Convention does not contain are a rights risk.",
    authority="UN Convention against Cybercrime Arts 3, 7-17; civil-society red line 1 (EFF and NGO coalition, 2024).",
)
