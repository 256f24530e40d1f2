"""Researchers, journalists and whistleblowers (red line 2).

Access, interception, interference and device offences reach security
researchers unless they require intent and "without right", and unless a
public-interest or good-faith research defence exists. Art 11 of the
Convention itself excludes authorised testing from the device offence.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, draft
from ..model.law import NationalLaw
from ..model.wording import words
from ._common import CATEGORY_CONCEPT

IN_SCOPE = ("illegal_access", "illegal_interception", "data_interference", "system_interference", "misuse_of_devices")
PROTECTIVE = frozenset({"security_research", "public_interest", "whistleblowing", "journalism"})
PRINCIPLES = ("protection_of_researchers_journalists",)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    for o in law.offences:
        if o.category not in IN_SCOPE:
            continue
        concept = CATEGORY_CONCEPT[o.category]
        evidence = [
            (f"offences[{o.id}].mental_element", o.mental_element),
            (f"offences[{o.id}].without_right", o.without_right),
            (
                f"offences[{o.id}].defences",
                o.defences if isinstance(o.defences, str) else [f"{d.kind} ({d.citation})" for d in o.defences],
            ),
        ]
        if o.without_right is False or o.mental_element in ("none_stated", "negligence"):
            yield draft(
                "elements-do-not-protect-research",
                "non_compliant",
                "high",
                "rights_risk",
                provision_id=o.id,
                concepts=(concept,),
                principles=PRINCIPLES,
                reason=(
                    f"{o.citation} does not require both intent and acting 'without right', so good-faith "
                    "security research and public-interest disclosure can fall within it."
                ),
                evidence=evidence,
                recommendation="Require intent and 'without right' (or dishonest intent) as elements.",
                data_confidence=o.confidence,
            )
            continue
        relevant = PROTECTIVE | ({"authorised_testing"} if o.category == "misuse_of_devices" else set())
        defences = [d for d in o.defence_list if d.kind in relevant]
        binding = [d for d in defences if d.binding]
        if binding:
            yield draft(
                "research-defence",
                "compliant",
                "info",
                "rights_risk",
                provision_id=o.id,
                concepts=(concept,),
                principles=PRINCIPLES,
                reason=f"{o.citation} has a binding {words(binding[0].kind)} defence ({binding[0].citation}).",
                evidence=evidence[2:],
            )
        elif defences:
            yield draft(
                "research-protection-is-policy-only",
                "partially_compliant",
                "medium",
                "rights_risk",
                provision_id=o.id,
                concepts=(concept,),
                principles=PRINCIPLES,
                reason=(
                    f"{o.citation} protects good-faith research only through a non-binding policy "
                    f"({defences[0].citation}), which courts and civil claimants need not follow."
                ),
                evidence=evidence,
                recommendation="Put the research defence into the statute.",
                data_confidence=o.confidence,
            )
        elif o.defences == "unspecified" or o.without_right == "unspecified" or o.mental_element == "unspecified":
            yield draft(
                "research-protection-unknown",
                "insufficient_information",
                "medium",
                "rights_risk",
                provision_id=o.id,
                concepts=(concept,),
                principles=PRINCIPLES,
                reason=f"The data does not record whether {o.citation} has the elements or defences that protect security research.",
                evidence=evidence,
                recommendation="Record the offence's elements and defences from the statute.",
            )
        else:
            what = (
                "no exception for authorised testing or research"
                if o.category == "misuse_of_devices"
                else "no defence for good-faith security research or the public interest"
            )
            yield draft(
                "no-research-defence",
                "non_compliant",
                "medium",
                "rights_risk",
                provision_id=o.id,
                concepts=(concept,),
                principles=PRINCIPLES,
                reason=f"{o.citation} has {what}, so researchers who find and report vulnerabilities risk prosecution.",
                evidence=evidence,
                recommendation="Add a statutory defence for good-faith security research and public-interest disclosure.",
                data_confidence=o.confidence,
            )


CHECKER = Checker(
    id="researchers",
    title="Protection of security researchers, journalists and whistleblowers",
    version="1.0",
    concepts=tuple(CATEGORY_CONCEPT[c] for c in IN_SCOPE),
    principles=PRINCIPLES,
    check=check,
    description="Cyber-dependent offences without intent and 'without right' elements, or without a research or public-interest defence.",
    authority="Civil-society red line 2 (EFF and NGO coalition, 2024); UN Convention Art 11 (authorised testing).",
)
