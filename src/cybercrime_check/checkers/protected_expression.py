"""Protected expression: offences that criminalise speech ICCPR Art 19(3) protects.

Per-se categories (false news as such, insult to officials or the monarch,
criminal defamation, blasphemy, LGBTQ+ expression) cannot be justified at all;
strict-test categories (public order, strife, extremism speech) pass only with
precise terms. Offences that target a group also breach non-discrimination.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, draft
from ..model.law import NationalLaw
from ..model.wording import words
from ._common import listing, prison_possible, vague_terms

CONCEPTS = ("general.human_rights.no_suppression",)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    rules = ctx.parameters.protected_expression
    per_se = {r.category: r for r in rules.per_se}
    strict = {r.category: r for r in rules.strict_test}
    for o in law.offences:
        evidence = [(f"offences[{o.id}].category", o.category)]
        if o.category in per_se:
            rule = per_se[o.category]
            prison = prison_possible(o)
            yield draft(
                "restricts-protected-expression",
                "non_compliant",
                "critical" if prison is not False else "high",
                "rights_risk",
                provision_id=o.id,
                concepts=CONCEPTS,
                principles=("freedom_of_expression", "necessity"),
                reason=f"{o.citation} restricts protected expression: {rule.why[0].lower()}{rule.why[1:]}",
                evidence=[
                    *evidence,
                    ("authority", rule.provision),
                    ("imprisonment possible", prison if prison is not None else "unspecified"),
                ],
                recommendation="Repeal the offence; protect reputation, if at all, through civil law.",
                data_confidence=o.confidence,
            )
        elif o.category in strict:
            rule = strict[o.category]
            lexicon, undefined = vague_terms(o, ctx.catalogue)
            if lexicon or undefined:
                yield draft(
                    "restriction-not-provided-by-law",
                    "non_compliant",
                    "high",
                    "rights_risk",
                    provision_id=o.id,
                    concepts=CONCEPTS,
                    principles=("freedom_of_expression", "legality", "necessity"),
                    reason=(
                        f"{o.citation} restricts expression on a ground that needs precise terms, but rests on "
                        f"vague ones ({listing(tuple(dict.fromkeys((*undefined, *lexicon))))}), so it fails the "
                        "'provided by law' test."
                    ),
                    evidence=[*evidence, ("authority", rule.provision)],
                    recommendation="Confine the offence to intentional incitement to violence or discrimination, in precise terms.",
                    data_confidence=o.confidence,
                )
            else:
                yield draft(
                    "restriction-needs-review",
                    "insufficient_information",
                    "medium",
                    "rights_risk",
                    provision_id=o.id,
                    concepts=CONCEPTS,
                    principles=("freedom_of_expression", "necessity"),
                    reason=(
                        f"{o.citation} restricts expression on a ground Art 19(3) admits; whether it is necessary "
                        "and proportionate depends on facts the data does not show."
                    ),
                    evidence=[*evidence, ("authority", rule.provision)],
                )
        for impact in o.groups_affected:
            on_face = impact.basis == "on_its_face" or o.category == "lgbtq"
            yield draft(
                f"targets-group-{impact.group}",
                "non_compliant" if on_face else "partially_compliant",
                "high",
                "rights_risk",
                provision_id=o.id,
                concepts=CONCEPTS,
                principles=("non_discrimination",),
                reason=(
                    f"{o.citation} {'targets' if on_face else 'has been documented as used against'} "
                    f"{words(impact.group)}, contrary to equal protection of the law."
                ),
                evidence=[(f"offences[{o.id}].groups_affected", f"{impact.group} ({impact.basis})")],
                recommendation="Remove the discriminatory element and review prosecutions under it.",
                data_confidence=o.confidence,
            )
        if o.category == "lgbtq" and not any(g.group == "lgbtq" for g in o.groups_affected):
            yield draft(
                "targets-group-lgbtq",
                "non_compliant",
                "high",
                "rights_risk",
                provision_id=o.id,
                concepts=CONCEPTS,
                principles=("non_discrimination",),
                reason=f"{o.citation} targets LGBTQ+ people or expression, contrary to equal protection of the law.",
                evidence=evidence,
                recommendation="Repeal the offence.",
                data_confidence=o.confidence,
            )


CHECKER = Checker(
    id="protected-expression",
    title="Protected expression and non-discrimination",
    version="1.0",
    concepts=CONCEPTS,
    principles=("freedom_of_expression", "legality", "necessity", "non_discrimination"),
    check=check,
    description="Offences criminalising speech that Art 19(3) ICCPR does not allow to be restricted, and offences targeting groups.",
    authority="ICCPR Arts 19 and 26; UN Human Rights Committee General Comment 34 paras 38, 46-49; 2017 Joint Declaration on 'fake news'.",
)
