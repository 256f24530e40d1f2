"""Cooperation exposure (Art 35(1)(c)): which offences open the door to cross-border evidence gathering.

Any offence punishable by at least four years (the "serious crime"
threshold, a parameter in ``policies/``) lets the state ask others to gather
electronic evidence. When that offence criminalises speech, the Convention
becomes a channel for transnational repression.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..engine.checker import Checker, EvaluationContext, FindingDraft, draft
from ..model.fields import Duration
from ..model.law import NationalLaw
from ..model.offence import Offence
from ._common import classify, describe_max, penalty_max_months, quote

CONCEPTS = ("cooperation.serious_crime", "definitions.serious_crime")


def max_exposure(o: Offence) -> tuple[Fraction | None, str, bool]:
    """Highest known maximum across basic and aggravated penalties, its description,
    and whether some penalty's maximum is unknown (or not stated in the law)."""
    best: Fraction | None = None
    label = ""
    unknown = False
    for i, p in enumerate(o.penalties()):
        m = penalty_max_months(p)
        if m is None or m == "none":
            unknown = True
            continue
        if best is None or m > best:
            best = m
            label = describe_max(p) + ("" if i == 0 else f" ({quote(o.aggravated[i - 1].condition.rstrip('.'))})")
    return best, label, unknown


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    threshold_value = ctx.parameters.serious_crime_threshold.value
    assert isinstance(threshold_value, Duration)
    threshold = threshold_value.months()
    for o in law.offences:
        months, label, unknown = max_exposure(o)
        content = classify(o) == "content_outside"
        evidence = [
            (f"offences[{o.id}].penalty", describe_max(o.penalty)),
            ("serious-crime threshold", str(threshold_value)),
        ]
        principles = ("data_protection", "freedom_of_expression") if content else ("data_protection",)
        if months is not None and months >= threshold:
            if content:
                yield draft(
                    "speech-offence-is-serious-crime",
                    "non_compliant",
                    "critical",
                    "cooperation_exposure",
                    provision_id=o.id,
                    concepts=CONCEPTS,
                    principles=principles,
                    evidence=evidence,
                    reason=(
                        f"{o.citation} carries {label}, which meets the {threshold_value} 'serious crime' threshold, "
                        "so other states could be asked to gather electronic evidence about speech."
                    ),
                    recommendation="Refuse cooperation for this offence; reduce or repeal it domestically.",
                    data_confidence=o.confidence,
                )
            else:
                yield draft(
                    "serious-crime",
                    "compliant",
                    "info",
                    "cooperation_exposure",
                    provision_id=o.id,
                    concepts=CONCEPTS,
                    principles=principles,
                    evidence=evidence,
                    reason=f"{o.citation} carries {label} and is a 'serious crime' open to cross-border evidence gathering.",
                )
        elif unknown:
            yield draft(
                "threshold-unknown",
                "insufficient_information",
                "high" if content else "medium",
                "cooperation_exposure",
                provision_id=o.id,
                concepts=CONCEPTS,
                principles=principles,
                evidence=evidence,
                reason=(
                    f"The maximum penalty for {o.citation} is not stated in the data or in the law, so whether it "
                    f"meets the {threshold_value} 'serious crime' threshold cannot be decided."
                ),
                recommendation="Record the maximum penalty, including any default maximum in the general penal code.",
            )
        else:
            assert months is not None
            yield draft(
                "below-threshold",
                "compliant",
                "info",
                "cooperation_exposure",
                provision_id=o.id,
                concepts=CONCEPTS,
                principles=principles,
                evidence=evidence,
                reason=f"{o.citation} carries at most {label}, below the {threshold_value} 'serious crime' threshold.",
            )


CHECKER = Checker(
    id="cooperation-exposure",
    title="Cooperation exposure: the four-year 'serious crime' threshold (Art 35(1)(c))",
    version="1.0",
    concepts=CONCEPTS,
    principles=("data_protection", "freedom_of_expression"),
    check=check,
    description="Offences meeting the serious-crime threshold, especially content offences that would open cross-border cooperation for speech.",
    authority="UN Convention Arts 2(h) and 35(1)(c); civil-society red line 4.",
)
