"""Criminalisation conformity: does the law establish the Convention's mandatory offences?

Arts 7-17 oblige states to criminalise conduct that is intentional and (for
Arts 7-11) "without right". A missing category is a treaty-conformity gap of
*this instrument*; the offence may live in other national law.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, draft
from ..model.law import NationalLaw
from ..model.wording import words
from ._common import CATEGORY_CONCEPT

WITHOUT_RIGHT_REQUIRED = frozenset(
    {"illegal_access", "illegal_interception", "data_interference", "system_interference", "misuse_of_devices"}
)
INTENT_OK = frozenset({"intent", "knowledge"})


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    for category, concept in CATEGORY_CONCEPT.items():
        matching = [o for o in law.offences if o.category == category]
        label = ctx.catalogue.concepts[concept].title
        if not matching:
            if law.coverage == "complete":
                # The Convention binds the state, and no model holds a state's whole criminal law: an
                # instrument without the offence does not show that the state lacks it.
                yield draft(
                    f"missing-{category}",
                    "insufficient_information",
                    "low",
                    "treaty_conformity",
                    concepts=(concept,),
                    principles=(),
                    reason=(
                        f"This instrument does not establish the offence of {label.lower()}, which the "
                        "Convention makes mandatory; whether other national law does is not modelled, so the "
                        "state's conformity cannot be concluded."
                    ),
                    evidence=[("coverage", law.coverage)],
                    recommendation="Check other national law; if absent, establish the offence with intent and 'without right' elements.",
                )
            else:
                yield draft(
                    f"missing-{category}",
                    "insufficient_information",
                    "low",
                    "treaty_conformity",
                    concepts=(concept,),
                    principles=(),
                    reason=(
                        f"No offence of {label.lower()} is modelled, but only selected provisions of this "
                        "instrument are, so its absence cannot be concluded."
                    ),
                    evidence=[("coverage", law.coverage)],
                )
            continue
        for o in matching:
            missing: list[str] = []
            unknown: list[str] = []
            if o.mental_element in INTENT_OK:
                pass
            elif o.mental_element == "unspecified":
                unknown.append("the mental element")
            elif o.mental_element != "recklessness":
                missing.append(f"intent (mental element: {words(o.mental_element)})")
            if category in WITHOUT_RIGHT_REQUIRED:
                if o.without_right == "unspecified":
                    unknown.append("the 'without right' element")
                elif o.without_right is False:
                    missing.append("the 'without right' element")
            evidence: list[tuple[str, object]] = [(f"offences[{o.id}].mental_element", o.mental_element)]
            if category in WITHOUT_RIGHT_REQUIRED:
                evidence.append((f"offences[{o.id}].without_right", o.without_right))
            if missing:
                yield draft(
                    "elements-missing",
                    "partially_compliant",
                    "medium",
                    "treaty_conformity",
                    provision_id=o.id,
                    concepts=(concept,),
                    principles=("legality",),
                    reason=f"{o.citation} establishes {label.lower()} but lacks {' and '.join(missing)}, which the Convention requires.",
                    evidence=evidence,
                    recommendation="Add the missing elements so that only intentional conduct without right is punished.",
                    data_confidence=o.confidence,
                )
            elif unknown:
                yield draft(
                    "elements-unknown",
                    "insufficient_information",
                    "low",
                    "treaty_conformity",
                    provision_id=o.id,
                    concepts=(concept,),
                    principles=("legality",),
                    reason=f"{o.citation} establishes {label.lower()}, but the data does not record {' or '.join(unknown)}.",
                    evidence=evidence,
                    recommendation="Record the offence's elements from the statute's text.",
                )
            else:
                yield draft(
                    "established",
                    "compliant",
                    "info",
                    "treaty_conformity",
                    provision_id=o.id,
                    concepts=(concept,),
                    principles=("legality",),
                    reason=f"{o.citation} establishes {label.lower()} with the elements the Convention requires.",
                    evidence=evidence,
                )


CHECKER = Checker(
    id="criminalisation",
    title="Criminalisation conformity (Arts 7-17)",
    version="1.0",
    concepts=tuple(CATEGORY_CONCEPT.values()),
    principles=("legality",),
    check=check,
    description="Which mandatory offences the instrument establishes, and whether with intent and 'without right'.",
    authority="UN Convention against Cybercrime Arts 7-17.",
)
