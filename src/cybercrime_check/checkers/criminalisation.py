"""Criminalisation conformity: does the law establish the Convention's mandatory offences?

Arts 7-17 oblige states to criminalise conduct that is intentional and (for Arts 7-11) "without right".
A missing offence is never a conformity gap of the *state* here: no model holds a state's whole criminal
law, so an instrument without the offence does not show that the state lacks it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..model.law import NationalLaw
from ..model.wording import lower_first, words
from ._common import finding_for, units

WITHOUT_RIGHT_REQUIRED = frozenset(
    {"illegal_access", "illegal_interception", "data_interference", "system_interference", "misuse_of_devices"}
)
INTENT_OK = frozenset({"intent", "knowledge"})
CONVENTION_CATEGORIES = (
    "illegal_access",
    "illegal_interception",
    "data_interference",
    "system_interference",
    "misuse_of_devices",
    "forgery",
    "fraud",
    "csam",
    "grooming",
    "ncii",
    "laundering",
)
AUTHORITY = "UN Convention against Cybercrime Arts 7-17 (intentional conduct; 'without right' for Arts 7-11)."
RULES = (
    Rule(
        "established",
        "Does an offence establish the conduct with the elements the Convention requires?",
        ("compliant",),
        AUTHORITY,
    ),
    Rule("elements-missing", "Does the offence lack intent or 'without right'?", ("partially_compliant",), AUTHORITY),
    Rule("elements-unknown", "Are the offence's elements recorded?", ("insufficient_information",), AUTHORITY),
    Rule(
        "missing-offence",
        "Is a mandatory offence missing from the instrument (which is not the state's whole criminal law)?",
        ("insufficient_information",),
        AUTHORITY,
    ),
)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    all_units = list(units(law))
    for category in CONVENTION_CATEGORIES:
        concept = ctx.catalogue.category(category).concept
        assert concept is not None
        label = lower_first(ctx.catalogue.concepts[concept].title)
        matching = [u for u in all_units if u.category == category]
        if not matching:
            finding = finding_for(
                "missing-offence",
                "treaty_conformity",
                provision_id=None,
                concepts=(concept,),
                principles=(),
                evidence=[("coverage", law.coverage), ("offence", category)],
            )
            if law.coverage == "complete":
                yield finding(
                    "insufficient_information",
                    "low",
                    f"This instrument does not establish the offence of {label}, which the Convention makes mandatory; "
                    "whether other national law does is not modelled, so the state's conformity cannot be concluded.",
                    recommendation="Check other national law; if absent, establish the offence with intent and 'without right' elements.",
                )
            else:
                yield finding(
                    "insufficient_information",
                    "low",
                    f"No offence of {label} is modelled, but only selected provisions of this instrument are, so its "
                    "absence cannot be concluded.",
                )
            continue
        for u in matching:
            missing: list[str] = []
            unknown: list[str] = []
            if u.mental_element == "unspecified":
                unknown.append("the mental element")
            elif u.mental_element not in INTENT_OK and u.mental_element != "recklessness":
                missing.append(f"intent (mental element: {words(u.mental_element)})")
            evidence: list[tuple[str, object]] = [(f"{u.path}.mental_element", u.mental_element)]
            if category in WITHOUT_RIGHT_REQUIRED:
                evidence.append((f"{u.path}.without_right", u.without_right))
                if u.without_right == "unspecified":
                    unknown.append("the 'without right' element")
                elif u.without_right is False:
                    missing.append("the 'without right' element")
            if missing:
                yield finding_for(
                    "elements-missing",
                    "treaty_conformity",
                    provision_id=u.id,
                    limb=u.limb_id,
                    concepts=(concept,),
                    principles=("legality",),
                    evidence=evidence,
                )(
                    "partially_compliant",
                    "medium",
                    f"{u.citation} establishes {label} but lacks {' and '.join(missing)}, which the Convention requires.",
                    recommendation="Add the missing elements so that only intentional conduct without right is punished.",
                    data_confidence=u.confidence,
                )
            elif unknown:
                yield finding_for(
                    "elements-unknown",
                    "treaty_conformity",
                    provision_id=u.id,
                    limb=u.limb_id,
                    concepts=(concept,),
                    principles=("legality",),
                    evidence=evidence,
                )(
                    "insufficient_information",
                    "low",
                    f"{u.citation} establishes {label}, but the data does not record {' or '.join(unknown)}.",
                    recommendation="Record the offence's elements from the statute's text.",
                )
            else:
                yield finding_for(
                    "established",
                    "treaty_conformity",
                    provision_id=u.id,
                    limb=u.limb_id,
                    concepts=(concept,),
                    principles=("legality",),
                    evidence=evidence,
                )("compliant", "info", f"{u.citation} establishes {label} with the elements the Convention requires.")


CHECKER = Checker(
    id="criminalisation",
    title="Criminalisation conformity (Arts 7-17)",
    version="2.0",
    concepts=(
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
    principles=("legality",),
    check=check,
    description="Which mandatory offences the instrument establishes, and whether with intent and 'without right'.",
    authority=AUTHORITY,
    rules=RULES,
)
