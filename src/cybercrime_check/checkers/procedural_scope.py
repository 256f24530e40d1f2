"""Procedural scope (Art 23; red line 4): powers usable for any crime.

The Convention lets domestic powers reach evidence of *any* offence (Art
23(2)(c)) but confines content interception to serious offences (Art 30).
Civil society asks that powers be limited to specific, defined crimes.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, draft
from ..model.law import NationalLaw
from ..model.wording import words
from ._common import powers_gate
from .safeguards import INTRUSIVENESS

CONCEPTS = ("procedural.scope", "procedural.scope.any_offence")


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    gate = powers_gate(law, CONCEPTS, "proportionality")
    if gate is not None:
        yield gate
        return
    for p in law.powers:
        name = words(p.kind)
        evidence = [(f"procedural_powers[{p.id}].applies_to", p.applies_to)]
        if p.applies_to == "unspecified":
            yield draft(
                "scope",
                "insufficient_information",
                "medium",
                "rights_risk",
                provision_id=p.id,
                concepts=CONCEPTS,
                principles=("proportionality",),
                evidence=evidence,
                reason=f"The data does not record which offences the {name} power in {p.citation} may be used for.",
                recommendation="Record the power's scope.",
            )
        elif p.applies_to == "all_crimes":
            yield draft(
                "scope",
                "non_compliant",
                INTRUSIVENESS[p.kind],
                "rights_risk",
                provision_id=p.id,
                concepts=CONCEPTS,
                principles=("proportionality",),
                evidence=evidence,
                reason=f"The {name} power in {p.citation} may be used for any crime, not only for specific serious or cyber-dependent offences.",
                recommendation="Limit the power to listed serious or cyber-dependent offences.",
                data_confidence=p.confidence,
            )
            if p.kind == "content_interception":
                yield draft(
                    "interception-not-limited-to-serious",
                    "non_compliant",
                    "high",
                    "treaty_conformity",
                    provision_id=p.id,
                    concepts=("procedural.content_interception",),
                    principles=("proportionality",),
                    evidence=evidence,
                    reason=f"The Convention confines content interception to serious offences defined in domestic law, but {p.citation} allows it for any crime.",
                    recommendation="Confine interception to a defined range of serious offences.",
                    data_confidence=p.confidence,
                )
        else:
            yield draft(
                "scope",
                "compliant",
                "info",
                "rights_risk",
                provision_id=p.id,
                concepts=CONCEPTS,
                principles=("proportionality",),
                evidence=evidence,
                reason=f"The {name} power in {p.citation} is limited to {words(p.applies_to)}.",
            )


CHECKER = Checker(
    id="procedural-scope",
    title="Procedural scope (Art 23)",
    version="1.0",
    concepts=(*CONCEPTS, "procedural.content_interception"),
    principles=("proportionality",),
    check=check,
    description="Powers available for any crime rather than for specific offences.",
    authority="UN Convention Arts 23 and 30; civil-society red line 4.",
)
