"""Cooperation exposure (Art 35(1)(c)): which offences open the door to cross-border evidence gathering.

Any offence punishable by at least four years (the "serious crime" threshold, a parameter in ``policies/``)
lets the state ask others to gather electronic evidence. That is *exposure*, a risk reported in its own right
(status ``exposed``), never a pass. When the offence restricts expression, the Convention becomes a channel
for transnational repression: the critical rights finding. Penalties that only name a class ("habs") take
their range from the jurisdiction's general part, and the reason says where the number came from. The
conclusion does not depend on the paragraph number of the article cited, whose own confidence is reported
separately.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.catalogue import CategoryRule
from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..model.fields import Duration, lowest_confidence
from ..model.law import NationalLaw
from ..model.offence import OffenceUnit
from ._common import (
    analyse_terms,
    category_of,
    finding_for,
    highest_maximum,
    minimum_floor,
    penalty_maximum,
    speech,
    units,
)

CONCEPTS = ("cooperation.serious_crime", "definitions.serious_crime")
AUTHORITY = "UN Convention Arts 2(h) and 35(1)(c); civil-society red line 4."
RULES = (
    Rule(
        "speech-offence-is-serious-crime",
        "Does an offence restricting expression carry four years or more, so that other states can be asked to "
        "gather evidence about expression?",
        ("non_compliant",),
        AUTHORITY + " ICCPR Art 19(3).",
    ),
    Rule("serious-crime", "Does the offence carry four years or more?", ("exposed",), AUTHORITY),
    Rule("below-threshold", "Is the offence's maximum below four years?", ("compliant",), AUTHORITY),
    Rule("threshold-unknown", "Is the offence's maximum known?", ("insufficient_information",), AUTHORITY),
)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    value = ctx.parameters.serious_crime_threshold.value
    assert isinstance(value, Duration)
    threshold = value.months()
    classes = law.penalty_classes()
    for u in units(law):
        if u.offence.liability != "criminal":
            continue  # civil or administrative liability is no 'serious crime' (the scope check says so)
        rule = category_of(u, ctx.catalogue)
        content = speech(rule)
        highest, unknown = highest_maximum(u, classes)
        floor = minimum_floor(u) if unknown else None
        if floor is not None and floor.months is not None and floor.months >= threshold:
            highest, unknown = floor, False
        basic = penalty_maximum(u.penalty, classes)
        evidence: list[tuple[str, object]] = [
            (f"{u.path}.penalty", basic.label),
            ("serious-crime threshold", str(value)),
        ]
        if basic.source:
            evidence.append(("general part", basic.source))
        principles = ("data_protection", "freedom_of_expression") if content else ("data_protection",)

        if highest is not None and highest.months is not None and highest.months >= threshold:
            if content:
                yield finding_for(
                    "speech-offence-is-serious-crime",
                    "cooperation_exposure",
                    provision_id=u.id,
                    limb=u.limb_id,
                    concepts=CONCEPTS,
                    principles=principles,
                    evidence=evidence,
                )(
                    "non_compliant",
                    # Critical where the restriction fails in itself (no aim can justify it, prison for defamation,
                    # vague terms where precise ones are needed); high where it may pass, because then the risk
                    # depends on how the offence is used.
                    "critical" if _restriction_fails(u, rule, ctx) else "high",
                    f"{u.citation} carries {highest.label}, which meets the {value} 'serious crime' threshold, so other "
                    "states could be asked to gather electronic evidence about expression.",
                    recommendation="Refuse cooperation for this offence; reduce or repeal it domestically.",
                    data_confidence=lowest_confidence(u.confidence, highest.confidence),
                )
            else:
                yield finding_for(
                    "serious-crime",
                    "cooperation_exposure",
                    provision_id=u.id,
                    limb=u.limb_id,
                    concepts=CONCEPTS,
                    principles=principles,
                    evidence=evidence,
                )(
                    "exposed",
                    "info",
                    f"{u.citation} carries {highest.label} and is a 'serious crime' open to cross-border evidence "
                    "gathering.",
                    data_confidence=lowest_confidence(u.confidence, highest.confidence),
                )
        elif unknown:
            no_max = basic.no_stated_maximum
            yield finding_for(
                "threshold-unknown",
                "cooperation_exposure",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=CONCEPTS,
                principles=principles,
                evidence=evidence,
            )(
                "insufficient_information",
                "high" if content else "medium",
                f"The maximum penalty for {u.citation} is "
                + ("not stated in the law" if no_max else "not recorded in the data")
                + f", so whether it meets the {value} 'serious crime' threshold cannot be decided.",
                recommendation="Record the maximum penalty, or the penalty class whose range the general part sets.",
            )
        else:
            assert highest is not None
            yield finding_for(
                "below-threshold",
                "cooperation_exposure",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=CONCEPTS,
                principles=principles,
                evidence=evidence,
            )(
                "compliant",
                "info",
                f"{u.citation} carries at most {highest.label}, below the {value} 'serious crime' threshold.",
                data_confidence=lowest_confidence(u.confidence, highest.confidence),
            )


def _restriction_fails(u: OffenceUnit, rule: CategoryRule, ctx: EvaluationContext) -> bool:
    if rule.expression in ("per_se", "no_prison"):
        return True  # a 'serious crime' term is prison, which defamation never warrants
    terms = analyse_terms(u, rule, ctx.catalogue)
    return bool(terms.vague or terms.lexicon)


CHECKER = Checker(
    id="cooperation-exposure",
    title="Cooperation exposure: the four-year 'serious crime' threshold (Art 35(1)(c))",
    version="2.0",
    concepts=CONCEPTS,
    principles=("data_protection", "freedom_of_expression"),
    check=check,
    description="Offences meeting the serious-crime threshold are exposed to cross-border evidence gathering; speech offences among them are the critical finding.",
    authority=AUTHORITY,
    rules=RULES,
)
