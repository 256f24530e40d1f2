"""Procedural scope (Art 23; red line 4): what an intrusive power may be used for, and on whose say-so.

The Convention itself requires domestic powers to reach electronic evidence of *any* criminal offence
(Art 23(2)(c)), as the Budapest Convention did (Art 14(2)(c), deliberately: Explanatory Report para 141).
Breadth alone is therefore not a violation, and a search warrant for any offence is ordinary criminal
procedure. The risk is an intrusive power usable for any crime without independent prior authorisation, and
interception or hacking for any crime at all, which ECtHR case law requires to be limited by the nature of
the offences (Roman Zakharov v Russia). Art 30's limit of interception to serious offences is a minimum the
Convention sets, not a ceiling a state can breach by doing more, so this is a rights risk, not treaty
non-conformity.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..model.law import NationalLaw
from ..model.procedural_power import AUTHORISATION_RANK
from ..model.wording import words
from ._common import finding_for, powers_gate
from .safeguards import authority_words, needs_independent

CONCEPTS = ("procedural.scope", "procedural.scope.any_offence")
SURVEILLANCE = frozenset({"content_interception", "remote_hacking"})
RULES = (
    Rule(
        "scope",
        "May an intrusive power be used for any crime without independent prior authorisation, or interception or "
        "hacking for any crime at all?",
        ("compliant", "non_compliant", "insufficient_information"),
        "UN Convention Arts 23(2)(c) and 30; Budapest Convention Art 14(2)(c) and Explanatory Report para 141; ECtHR "
        "Roman Zakharov v Russia (GC, 2015); civil-society red line 4.",
    ),
    Rule(
        "powers-unknown",
        "Are the instrument's powers recorded?",
        ("insufficient_information",),
        "UN Convention Art 23.",
    ),
    Rule(
        "powers-not-modelled",
        "Are any powers in force modelled?",
        ("insufficient_information",),
        "UN Convention Art 23.",
    ),
    Rule("no-powers", "Does a complete model show no power in force?", ("not_applicable",), "UN Convention Art 23."),
)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    gate = powers_gate(law, CONCEPTS, "proportionality")
    if gate is not None:
        yield gate
        return
    for p in law.powers:
        kind = ctx.catalogue.power_kinds[p.kind]
        name = f"{words(p.kind)} power in {p.cited}"
        scope = (f"procedural_powers[{p.id}].applies_to", p.applies_to)
        finding = finding_for(
            "scope",
            "rights_risk",
            provision_id=p.id,
            concepts=CONCEPTS,
            principles=("proportionality",),
            evidence=[scope],
        )
        judged = finding_for(
            "scope",
            "rights_risk",
            provision_id=p.id,
            concepts=CONCEPTS,
            principles=("proportionality",),
            evidence=[scope, (f"procedural_powers[{p.id}].authorisation", p.authorisation)],
        )
        if p.applies_to == "unspecified":
            yield finding(
                "insufficient_information",
                "medium",
                f"The data does not record which offences the {name} may be used for.",
                recommendation="Record the power's scope.",
            )
            continue
        if p.applies_to != "all_crimes":
            yield finding("compliant", "info", f"The {name} is limited to {words(p.applies_to)}.")
            continue
        if p.kind in SURVEILLANCE:
            yield finding(
                "non_compliant",
                kind.severity,
                f"The {name} may be used for any crime: interception and hacking must be limited by the nature of the "
                "offences (the Convention itself confines interception to serious offences).",
                recommendation="Confine the power to a defined range of serious offences.",
                data_confidence=p.confidence,
            )
            continue
        need = needs_independent(p, kind)
        if not need:
            yield finding(
                "compliant",
                "info",
                f"The {name} may be used for any crime, as Art 23(2)(c) of the Convention provides; its safeguards "
                "are judged on their own.",
            )
        elif p.authorisation == "unspecified":
            yield judged(
                "insufficient_information",
                kind.severity,
                f"The {name} may be used for any crime, and the data does not record who authorises it.",
                recommendation="Record who authorises the power.",
            )
        elif AUTHORISATION_RANK[p.authorisation] >= AUTHORISATION_RANK["independent_body"]:
            yield judged(
                "compliant",
                "info",
                f"The {name} may be used for any crime, as Art 23(2)(c) provides, but each use needs authorisation by "
                f"{authority_words(p.authorisation).removesuffix(' beforehand')} beforehand.",
            )
        else:
            yield judged(
                "non_compliant",
                kind.severity,
                f"The intrusive {name} may be used for any crime on the authority of {words(p.authorisation)}, with no "
                "judge or independent body deciding beforehand.",
                recommendation="Require independent prior authorisation, or confine the power to listed serious offences.",
                data_confidence=p.confidence,
            )


CHECKER = Checker(
    id="procedural-scope",
    title="Procedural scope (Art 23)",
    version="2.0",
    concepts=CONCEPTS,
    principles=("proportionality",),
    check=check,
    description="Intrusive powers usable for any crime without independent prior authorisation, and interception or hacking for any crime.",
    authority="UN Convention Arts 23 and 30; Budapest Convention Art 14(2)(c); ECtHR Roman Zakharov v Russia (GC, 2015); civil-society red line 4.",
    rules=RULES,
)
