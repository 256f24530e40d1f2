"""Security researchers, journalists and whistleblowers (red line 2).

Access, interception, interference and device offences reach good-faith security research unless something
keeps it out. The offence's own elements come first: an ulterior intent (to defraud, to commit a further
offence) that research lacks, or a binding judicial narrowing (Germany's Federal Constitutional Court read
§ 202c StGB down to tools whose purpose is crime, 2 BvR 2233/07, 2009). Only where the elements do not protect
research does a defence decide: binding law protects, a prosecutor's policy only partly. Art 11 of the
Convention itself excludes authorised testing from the device offence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..model.law import NationalLaw
from ..model.offence import OffenceUnit
from ..model.wording import words
from ._common import finding_for, units

IN_SCOPE = ("illegal_access", "illegal_interception", "data_interference", "system_interference", "misuse_of_devices")
PROTECTIVE = frozenset({"security_research", "public_interest", "whistleblowing", "journalism"})
PRINCIPLES = ("protection_of_researchers_journalists",)
RED_LINE = "Civil-society red line 2 (EFF and NGO coalition, 2024); UN Convention Art 11 (authorised testing)."
RULES = (
    Rule(
        "elements-protect-research",
        "Do the offence's own elements (an ulterior intent, a serious-harm result, a judicial narrowing that requires "
        "a wrongful purpose) keep good-faith research out?",
        ("compliant",),
        RED_LINE + " BVerfG 2 BvR 2233/07 (2009); US Supreme Court, Van Buren v United States (2021).",
    ),
    Rule(
        "elements-do-not-protect-research",
        "Does the offence lack intent or 'without right', so that research falls inside it?",
        ("non_compliant",),
        RED_LINE + " Budapest Convention Explanatory Report on 'without right'.",
    ),
    Rule(
        "research-defence", "Is there a binding defence for research or the public interest?", ("compliant",), RED_LINE
    ),
    Rule(
        "research-protection-is-policy-only",
        "Is research protected only by a policy that courts and claimants need not follow?",
        ("partially_compliant",),
        RED_LINE,
    ),
    Rule(
        "research-protection-unknown",
        "Are the elements and defences that decide research's fate recorded?",
        ("insufficient_information",),
        RED_LINE,
    ),
    Rule(
        "no-research-defence",
        "Is good-faith research left without any protection?",
        ("non_compliant",),
        RED_LINE,
    ),
)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    concept_of = {c: ctx.catalogue.category(c).concept for c in IN_SCOPE}
    for u in units(law):
        concept = concept_of.get(u.category)
        if concept is not None:
            yield from _judge(u, concept, law)


def _judge(u: OffenceUnit, concept: str, law: NationalLaw) -> Iterator[FindingDraft]:
    standing = law.standing_of(u.id)
    # Only a narrowing that requires a wrongful purpose keeps research out; one that only fixes what "access"
    # means (Van Buren) leaves a researcher who goes where they may not inside the offence.
    narrowed = [
        e
        for e in (standing.read_downs if standing else ())
        if e.ulterior_intent and (not e.limbs or u.limb_id in e.limbs)
    ]
    defences = u.defences
    evidence: list[tuple[str, object]] = [
        (f"{u.path}.mental_element", u.mental_element),
        (f"{u.path}.without_right", u.without_right),
        (f"{u.path}.ulterior_intent", u.ulterior_intent),
        (
            f"{u.path}.defences",
            defences if isinstance(defences, str) else [f"{d.kind} ({d.citation})" for d in defences],
        ),
    ]

    def finding(rule: str) -> Callable[..., FindingDraft]:
        return finding_for(
            rule,
            "rights_risk",
            provision_id=u.id,
            limb=u.limb_id,
            concepts=(concept,),
            principles=PRINCIPLES,
            evidence=evidence,
        )

    intent = u.ulterior_intent not in ("none", "unspecified")
    if intent or narrowed or u.harm_threshold == "serious":
        if narrowed:
            why = (
                f"was {narrowed[0].describe()} to require {narrowed[0].ulterior_intent}, a purpose good-faith "
                "research lacks"
            )
            basis: list[tuple[str, object]] = [("decision", narrowed[0].decision or narrowed[0].authority)]
        elif intent:
            why = f"requires an intent {u.ulterior_intent.removeprefix('intent ')} that good-faith research lacks"
            basis = [(f"{u.path}.ulterior_intent", u.ulterior_intent)]
        else:
            why = "reaches only conduct that causes serious damage or a significant risk of it, which good-faith research does not"
            basis = [(f"{u.path}.harm_threshold", u.harm_threshold)]
        yield finding_for(
            "elements-protect-research",
            "rights_risk",
            provision_id=u.id,
            limb=u.limb_id,
            concepts=(concept,),
            principles=PRINCIPLES,
            evidence=basis,
        )("compliant", "info", f"{u.citation} {why}, so its own elements keep good-faith research out.")
        return
    if u.without_right is False or u.mental_element in ("none_stated", "negligence"):
        yield finding("elements-do-not-protect-research")(
            "non_compliant",
            "high",
            f"{u.citation} does not require both intent and acting 'without right', so good-faith security "
            "research and public-interest disclosure can fall within it.",
            recommendation="Require intent and 'without right' (or dishonest intent) as elements.",
            data_confidence=u.confidence,
        )
        return
    relevant = PROTECTIVE | ({"authorised_testing"} if u.category == "misuse_of_devices" else set())
    protective = [d for d in u.defence_list if d.kind in relevant]
    binding = [d for d in protective if d.binding]
    if binding:
        # A binding defence protects research whatever the other elements are: it alone is the evidence.
        yield finding_for(
            "research-defence",
            "rights_risk",
            provision_id=u.id,
            limb=u.limb_id,
            concepts=(concept,),
            principles=PRINCIPLES,
            evidence=[(f"{u.path}.defences", [f"{d.kind} ({d.citation})" for d in binding])],
        )(
            "compliant",
            "info",
            f"{u.citation} has a binding {words(binding[0].kind)} defence ({binding[0].citation}).",
        )
    elif protective:
        yield finding("research-protection-is-policy-only")(
            "partially_compliant",
            "medium",
            f"{u.citation} protects good-faith research only through a non-binding policy "
            f"({protective[0].citation}), which courts and civil claimants need not follow.",
            recommendation="Put the research defence into the statute.",
            data_confidence=u.confidence,
        )
    elif "unspecified" in (defences, u.without_right, u.mental_element, u.ulterior_intent):
        yield finding("research-protection-unknown")(
            "insufficient_information",
            "medium",
            f"The data does not record whether {u.citation} has the elements or defences that protect security research.",
            recommendation="Record the offence's elements (including any ulterior intent) and its defences from the statute.",
        )
    else:
        what = (
            "no exception for authorised testing or research"
            if u.category == "misuse_of_devices"
            else "no defence for good-faith security research or the public interest"
        )
        yield finding("no-research-defence")(
            "non_compliant",
            "medium",
            f"{u.citation} has {what}, so researchers who find and report vulnerabilities risk prosecution.",
            recommendation="Add a statutory defence for good-faith security research and public-interest disclosure.",
            data_confidence=u.confidence,
        )


CHECKER = Checker(
    id="researchers",
    title="Protection of security researchers, journalists and whistleblowers",
    version="2.0",
    concepts=(
        "criminalisation.illegal_access",
        "criminalisation.illegal_interception",
        "criminalisation.data_interference",
        "criminalisation.system_interference",
        "criminalisation.misuse_of_devices",
    ),
    principles=PRINCIPLES,
    check=check,
    description="Cyber-dependent offences judged on their elements first (ulterior intent, judicial narrowing), then on defences for research.",
    authority=RED_LINE,
    rules=RULES,
)
