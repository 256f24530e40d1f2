"""Compelled assistance and decryption (the Art 28(4)-type power).

Ordering people to hand over passwords or decrypt data must be limited, and
must not compel suspects to incriminate themselves (ICCPR Art 14(3)(g)).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule, draft
from ..model.law import NationalLaw
from ..model.procedural_power import AUTHORISATION_RANK, ProceduralPower
from ..model.wording import words
from ._common import finding_for, listing

CONCEPT = ("procedural.compelled_assistance",)
AUTHORITY = "UN Convention Art 28(4); ICCPR Art 14(3)(g); N&P Principle 11."
RULES = (
    Rule(
        "self-incrimination",
        "Are suspects protected from being compelled to incriminate themselves (e.g. to decrypt)?",
        ("compliant", "non_compliant", "insufficient_information"),
        AUTHORITY,
    ),
    Rule(
        "limits",
        "Does a judge or independent body issue each order to assist or decrypt?",
        ("compliant", "non_compliant", "insufficient_information"),
        AUTHORITY,
    ),
    Rule("powers-unknown", "Are the instrument's powers recorded?", ("insufficient_information",), AUTHORITY),
    Rule(
        "no-compelled-assistance", "Does a complete model show no such power in force?", ("not_applicable",), AUTHORITY
    ),
    Rule(
        "compelled-assistance-not-modelled",
        "Is such a power modelled at all?",
        ("insufficient_information",),
        AUTHORITY,
    ),
)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    if law.procedural_powers == "unspecified":
        yield draft(
            "powers-unknown",
            "insufficient_information",
            "medium",
            "rights_risk",
            concepts=CONCEPT,
            principles=("self_incrimination",),
            reason="The data does not record whether this instrument compels assistance or decryption.",
        )
        return
    powers = [p for p in law.powers if p.kind == "compelled_assistance"]
    if not powers:
        ended = [
            e.provision.cited
            for e in law.ended_provisions()
            if isinstance(e.provision, ProceduralPower) and e.provision.kind == "compelled_assistance"
        ]
        if law.powers_coverage == "complete":
            reason = "This instrument grants no power in force to compel assistance or decryption"
            yield draft(
                "no-compelled-assistance",
                "not_applicable",
                "info",
                "rights_risk",
                concepts=CONCEPT,
                principles=("self_incrimination",),
                reason=reason + (f" ({listing(tuple(ended))} is not in force)." if ended else "."),
            )
        else:
            yield draft(
                "compelled-assistance-not-modelled",
                "insufficient_information",
                "low",
                "rights_risk",
                concepts=CONCEPT,
                principles=("self_incrimination",),
                reason=(
                    "No power to compel assistance or decryption is modelled, but the instrument's powers are not "
                    "modelled completely, so whether it grants one cannot be concluded."
                ),
            )
        return
    for p in powers:
        finding = finding_for(
            "self-incrimination",
            "rights_risk",
            provision_id=p.id,
            concepts=CONCEPT,
            principles=("self_incrimination",),
            evidence=[(f"procedural_powers[{p.id}].self_incrimination_protection", p.self_incrimination_protection)],
        )
        sip = p.self_incrimination_protection
        if sip is True:
            yield finding("compliant", "info", f"{p.cited} does not compel suspects to incriminate themselves.")
        elif sip is False:
            yield finding(
                "non_compliant",
                "high",
                f"{p.cited} can compel suspects to decrypt or disclose, with no protection against self-incrimination.",
                recommendation="Exempt suspects and protect the privilege against self-incrimination.",
                data_confidence=p.confidence,
            )
        else:
            yield finding(
                "insufficient_information",
                "medium",
                f"The data does not record whether {p.cited} protects suspects against self-incrimination.",
                recommendation="Record whether suspects can be compelled.",
            )
        finding = finding_for(
            "limits",
            "rights_risk",
            provision_id=p.id,
            concepts=CONCEPT,
            principles=("prior_judicial_authorisation",),
            evidence=[(f"procedural_powers[{p.id}].authorisation", p.authorisation)],
        )
        if p.authorisation == "unspecified":
            yield finding(
                "insufficient_information",
                "medium",
                f"The data does not record who may order assistance under {p.cited}.",
            )
        elif AUTHORISATION_RANK[p.authorisation] >= AUTHORISATION_RANK["independent_body"]:
            yield finding(
                "compliant",
                "info",
                f"Orders under {p.cited} need {words(p.authorisation)} authorisation.",
            )
        else:
            yield finding(
                "non_compliant",
                "high",
                f"Orders to assist or decrypt under {p.cited} are issued by {words(p.authorisation)}, without a judge.",
                recommendation="Require a judicial order, limited to specific data and necessary information.",
                data_confidence=p.confidence,
            )


CHECKER = Checker(
    id="compelled-assistance",
    title="Compelled assistance and decryption (Art 28(4))",
    version="2.0",
    rules=RULES,
    concepts=CONCEPT,
    principles=("self_incrimination", "prior_judicial_authorisation"),
    check=check,
    description="Limits on orders to assist searches or decrypt, and protection against self-incrimination.",
    authority="UN Convention Art 28(4); ICCPR Art 14(3)(g); N&P Principle 11.",
)
