"""Legality: offences that rest on vague or undefined terms.

A criminal offence must be precise enough for people to foresee what is
forbidden (ICCPR Art 19(3) "provided by law"; HRC General Comment 34 para 25).
Terms come from the lexicon in ``policies/parameters.yaml`` and from the
undefined terms recorded in the law data.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.checker import Checker, EvaluationContext, FindingDraft, draft
from ..model.law import NationalLaw
from ._common import classify, listing, vague_terms


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    for o in law.offences:
        lexicon, undefined = vague_terms(o, ctx.catalogue)
        terms = tuple(dict.fromkeys((*undefined, *lexicon)))
        evidence = [
            (f"offences[{o.id}].undefined_terms", listing(undefined) if undefined else undefined),
            ("lexicon matches", lexicon),
        ]
        if terms:
            content = classify(o) == "content_outside"
            yield draft(
                "vague-terms",
                "non_compliant",
                "high" if content else "medium",
                "rights_risk",
                provision_id=o.id,
                concepts=("general.human_rights",),
                principles=("legality",),
                reason=(
                    f"{o.citation} rests on vague or undefined terms ({listing(terms)}), so people cannot "
                    "foresee what conduct is punishable."
                ),
                evidence=evidence,
                recommendation="Define the terms precisely in the law or remove them.",
                data_confidence=o.confidence,
            )
        else:
            yield draft(
                "no-vague-terms",
                "compliant",
                "info",
                "rights_risk",
                provision_id=o.id,
                concepts=("general.human_rights",),
                principles=("legality",),
                reason=f"{o.citation} uses no term from the vagueness lexicon and no undefined term is recorded.",
                evidence=evidence,
            )


CHECKER = Checker(
    id="legality",
    title="Legality: vague or undefined terms",
    version="1.0",
    concepts=("general.human_rights",),
    principles=("legality",),
    check=check,
    description="Flags offences whose text uses vague terms from the lexicon or terms the data records as undefined.",
    authority="ICCPR Art 19(3); UN Human Rights Committee General Comment 34 para 25; N&P Principle 1.",
)
