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
from ._authority import authority_words
from ._common import category_of, finding_for, powers_gate, speech
from .safeguards import needs_independent

CONCEPTS = ("procedural.scope", "procedural.scope.any_offence")
SURVEILLANCE = frozenset({"content_interception", "remote_hacking"})
NOT_EVIDENCE = frozenset({"content_blocking"})
RULES = (
    Rule(
        "scope",
        "May an intrusive power be used for any crime without independent prior authorisation, interception or "
        "hacking for any crime at all, or a power for a list of offences that includes speech offences?",
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
    offences = {o.id: o for o in law.offences}
    for p in law.powers:
        if p.kind in NOT_EVIDENCE:
            continue  # blocking gathers no evidence: Art 23 does not reach it, and its grounds are judged elsewhere
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
        if p.applies_to == "listed_offences" and p.listed_offences:
            listed = [offences[i] for i in p.listed_offences if i in offences]
            content = [o for o in listed if any(speech(category_of(u, ctx.catalogue)) for u in o.units())]
            if content:
                yield finding_for(
                    "scope",
                    "rights_risk",
                    provision_id=p.id,
                    concepts=CONCEPTS,
                    principles=("proportionality", "freedom_of_expression"),
                    evidence=[scope, (f"procedural_powers[{p.id}].listed_offences", ", ".join(p.listed_offences))],
                )(
                    "non_compliant",
                    kind.severity,
                    f"The {name} is limited to listed offences, but the list includes offences restricting "
                    f"expression ({', '.join(o.cited for o in content)}).",
                    recommendation="Take speech offences off the list of offences the power may be used for.",
                    data_confidence=p.confidence,
                )
                continue
            yield finding(
                "compliant",
                "info",
                f"The {name} is limited to listed offences ({', '.join(o.cited for o in listed)}), none of them "
                "restricting expression.",
            )
            continue
        if p.applies_to != "all_crimes":
            what = " (which offences are listed is not recorded)" if p.applies_to == "listed_offences" else ""
            yield finding("compliant", "info", f"The {name} is limited to {words(p.applies_to)}{what}.")
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
    principles=("proportionality", "freedom_of_expression"),
    check=check,
    description="Intrusive powers usable for any crime without independent prior authorisation, interception or hacking for any crime, and powers for lists of offences that include speech offences.",
    authority="UN Convention Arts 23 and 30; Budapest Convention Art 14(2)(c); ECtHR Roman Zakharov v Russia (GC, 2015); civil-society red line 4.",
    rules=RULES,
)
