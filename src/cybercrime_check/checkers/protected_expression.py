"""Protected expression, the protection of journalists, and non-discrimination.

How each offence category restricts expression is a legal choice recorded with its authority in
``policies/offence-categories.yaml``: some restrictions cannot be justified at all (false news as such,
insult to officials, blasphemy, LGBTQ+ expression, publication about officials, anonymity tools,
intermediary liability); criminal defamation may protect others' reputation but never with prison; others
(public order, morals, strife, extremism, incitement, hate speech) pass only with precise terms; threats and
harassment pursue an aim Art 19(3) admits. Use against journalists and human-rights defenders is a matter of
free expression and their protection; offences that target a group breach equal protection.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..engine.catalogue import CategoryRule
from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..model.fields import Confidence, Duration, lowest_confidence
from ..model.general_part import PenaltyClass
from ..model.law import NationalLaw
from ..model.offence import GroupImpact, OffenceUnit
from ..model.wording import lower_first, words
from ._common import (
    CATALOGUE_TO_DATA_CONFIDENCE,
    analyse_terms,
    category_of,
    finding_for,
    highest_maximum,
    lexicon_confidence,
    lexicon_text,
    prison_possible,
    quoted,
    units,
    vague_words,
)

CONCEPTS = ("general.human_rights.no_suppression",)
PRESS = frozenset({"journalists", "human_rights_defenders"})
CATEGORY_POLICY = "The category's entry in policies/offence-categories.yaml, with its authority."
RULES = (
    Rule(
        "restricts-protected-expression",
        "Does the offence criminalise expression that no aim of Art 19(3) can justify (for intermediaries: "
        "liability other than for disobeying a court's order)?",
        ("non_compliant", "compliant", "insufficient_information"),
        CATEGORY_POLICY + " ICCPR Art 19(3).",
    ),
    Rule(
        "imprisonment-for-defamation",
        "Can criminal defamation or insult of persons be punished with prison (critical when the term is a "
        "'serious crime' one or the offence is used against the press)?",
        ("non_compliant", "partially_compliant", "insufficient_information"),
        "ICCPR Art 19(3)(a); HRC General Comment 34 para 47 (imprisonment is never an appropriate penalty).",
    ),
    Rule(
        "restriction-not-provided-by-law",
        "Does a restriction on an admissible ground (including others' rights: threats, harassment) rest on vague "
        "terms?",
        ("non_compliant",),
        CATEGORY_POLICY + " ICCPR Art 19(3) ('provided by law').",
    ),
    Rule(
        "restriction-needs-review",
        "Is a restriction on an admissible ground precise, necessary and proportionate, as far as the data shows?",
        ("insufficient_information",),
        CATEGORY_POLICY + " ICCPR Art 19(3) (necessity).",
    ),
    Rule(
        "used-against-press",
        "Does the offence target, or is it documented as used against, journalists or human-rights defenders?",
        ("non_compliant", "partially_compliant"),
        "ICCPR Art 19; HRC General Comment 34 paras 42-46 (journalists, bloggers and defenders); civil-society red line 2.",
    ),
    Rule(
        "targets-group",
        "Does the offence target a group on its face, or is it documented as used against one?",
        ("non_compliant", "partially_compliant"),
        "ICCPR Art 26 (equal protection of the law); Art 2(1).",
    ),
)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    classes = law.penalty_classes()
    value = ctx.parameters.serious_crime_threshold.value
    assert isinstance(value, Duration)
    threshold = value.months()
    grouped: set[str] = set()
    for u in units(law):
        if u.offence.liability not in ("criminal", "unspecified") and u.category != "intermediary_liability":
            continue
        rule = category_of(u, ctx.catalogue)
        evidence: list[tuple[str, object]] = [(f"{u.path}.category", u.category), ("authority", rule.authority or "-")]
        policy_confidence = lowest_confidence(u.confidence, CATALOGUE_TO_DATA_CONFIDENCE[rule.confidence])
        prison = prison_possible(u)
        if rule.expression == "per_se":
            yield from _per_se(u, rule, evidence, prison, policy_confidence)
        elif rule.expression == "no_prison":
            yield from _no_prison(u, rule, evidence, prison, policy_confidence, _serious(u, classes, threshold))
        elif rule.expression in ("strict_test", "legitimate_aim"):
            yield from _precise(u, rule, evidence, prison, policy_confidence, ctx)
        # Groups recorded on a section with limbs belong to the section: say so once, not once per limb.
        if u.limb is not None and u.limb.groups_affected is None:
            if u.id in grouped:
                continue
            grouped.add(u.id)
            yield from _groups(u, whole_section=True)
        else:
            yield from _groups(u)


def _serious(u: OffenceUnit, classes: dict[str, PenaltyClass], threshold: Fraction) -> bool:
    """Prison that reaches the 'serious crime' threshold, or use against the press: what makes it critical."""
    highest, _ = highest_maximum(u, classes)
    reaches = highest is not None and highest.months is not None and highest.months >= threshold
    return reaches or any(g.group in PRESS for g in u.group_list)


def _per_se(
    u: OffenceUnit, rule: CategoryRule, evidence: list[tuple[str, object]], prison: bool | None, confidence: Confidence
) -> Iterator[FindingDraft]:
    # Liability only for disobeying a court's order is allowed whatever the penalty: that finding does not
    # rest on imprisonment, so it does not cite it.
    court_order_only = rule.order_exception and u.offence.order_required == "court"
    finding = finding_for(
        "restricts-protected-expression",
        "rights_risk",
        provision_id=u.id,
        limb=u.limb_id,
        concepts=CONCEPTS,
        principles=("freedom_of_expression", "legitimate_aim"),
        evidence=[
            *evidence,
            *([] if court_order_only else [("imprisonment possible", prison if prison is not None else "unspecified")]),
            *([(f"{u.path}.order_required", u.offence.order_required)] if rule.order_exception else []),
        ],
    )
    what = "makes" if u.offence.liability == "criminal" else "imposes"
    if court_order_only:
        yield finding(
            "compliant",
            "info",
            f"{u.citation} {what} liability only for disobeying a court's order, the exception the standard allows "
            f"({rule.authority}).",
        )
        return
    if rule.order_exception and u.offence.order_required == "unspecified":
        yield finding(
            "insufficient_information",
            "medium",
            f"{u.citation} {what} intermediaries liable for content others produce; whether only for disobeying a "
            "court's order, which the standard allows, is not recorded.",
            recommendation="Record whose order, if any, the intermediary must have disobeyed.",
        )
        return
    why = lower_first(rule.why or "")
    if rule.order_exception and u.offence.order_required == "executive":
        why = "liability follows an order of the executive, not of a court: " + why
    yield finding(
        "non_compliant",
        "critical" if prison is not False else "high",
        f"{u.citation} restricts protected expression ({rule.label}): {why}",
        recommendation="Repeal the offence; address any real harm through precise, proportionate law.",
        data_confidence=confidence,
    )


def _no_prison(
    u: OffenceUnit,
    rule: CategoryRule,
    evidence: list[tuple[str, object]],
    prison: bool | None,
    confidence: Confidence,
    serious: bool,
) -> Iterator[FindingDraft]:
    finding = finding_for(
        "imprisonment-for-defamation",
        "rights_risk",
        provision_id=u.id,
        limb=u.limb_id,
        concepts=CONCEPTS,
        principles=("freedom_of_expression", "proportionality"),
        evidence=[*evidence, ("imprisonment possible", prison if prison is not None else "unspecified")],
    )
    if prison is True:
        yield finding(
            "non_compliant",
            "critical" if serious else "high",
            f"{u.citation} can punish {rule.label} with imprisonment, which is never a proportionate penalty "
            "for defamation"
            + (" (here a 'serious crime' term, or used against journalists or defenders)." if serious else "."),
            recommendation="Remove imprisonment; protect reputation through civil law, or criminal law only for the most serious cases.",
            data_confidence=confidence,
        )
    elif prison is False:
        yield finding(
            "partially_compliant",
            "medium",
            f"{u.citation} makes {rule.label} a crime, though without prison; criminal law should be kept for "
            "the most serious cases and decriminalisation considered.",
            recommendation="Consider decriminalising; keep any sanction civil and proportionate.",
            data_confidence=confidence,
        )
    else:
        yield finding(
            "insufficient_information",
            "medium",
            f"The data does not record whether {u.citation} can punish {rule.label} with imprisonment, which "
            "is never a proportionate penalty for defamation.",
            recommendation="Record the penalty.",
        )


def _precise(
    u: OffenceUnit,
    rule: CategoryRule,
    evidence: list[tuple[str, object]],
    prison: bool | None,
    confidence: Confidence,
    ctx: EvaluationContext,
) -> Iterator[FindingDraft]:
    """Restrictions on an admissible ground: precise terms first (the lexicon reads speech offences only)."""
    terms = analyse_terms(u, rule, ctx.catalogue)
    strict = rule.expression == "strict_test"
    if terms.vague or terms.lexicon:
        said = "; ".join(filter(None, (vague_words(terms.vague), lexicon_text(terms.lexicon) if terms.lexicon else "")))
        ground = (
            f"on a ground that needs precise terms ({rule.label})"
            if strict
            else f"to protect others' rights ({rule.label}), an aim Art 19(3) admits,"
        )
        yield finding_for(
            "restriction-not-provided-by-law",
            "rights_risk",
            provision_id=u.id,
            limb=u.limb_id,
            concepts=CONCEPTS,
            principles=("freedom_of_expression", "legality", "legitimate_aim"),
            evidence=evidence,
        )(
            "non_compliant",
            "high" if strict or prison is not False else "medium",
            f"{u.citation} restricts expression {ground} but rests on vague terms ({said}) that can reach protected "
            "speech, so it fails the 'provided by law' test.",
            recommendation="Confine the offence to intentional incitement to violence or discrimination, in precise terms."
            if strict
            else "Define the conduct precisely, with intent and a real harm to the person.",
            data_confidence=lowest_confidence(confidence, lexicon_confidence(terms.lexicon)),
        )
        return
    if not strict:
        return
    review = finding_for(
        "restriction-needs-review",
        "rights_risk",
        provision_id=u.id,
        limb=u.limb_id,
        concepts=CONCEPTS,
        principles=("freedom_of_expression", "necessity", "legitimate_aim"),
        evidence=evidence,
    )
    if terms.unchecked or terms.recorded == "unspecified":
        which = quoted(terms.unchecked) if terms.unchecked else "its terms"
        yield review(
            "insufficient_information",
            "medium",
            f"{u.citation} restricts expression on a ground that needs precise terms ({rule.label}); whether "
            f"{which} are defined by the law or construed by a court is not recorded, so whether it is 'provided by "
            "law', necessary and proportionate cannot be judged.",
            recommendation="Record where the law defines each term or which judgment construed it.",
        )
        return
    yield review(
        "insufficient_information",
        "medium",
        f"{u.citation} restricts expression on a ground Art 19(3) admits ({rule.label}), in terms the law or the "
        "courts define; whether it is necessary and proportionate depends on facts the data does not show.",
    )


def _groups(u: OffenceUnit, *, whole_section: bool = False) -> Iterator[FindingDraft]:
    impacts: list[GroupImpact] = list(u.group_list)
    limb = None if whole_section else u.limb_id
    cited = u.offence.cited if whole_section else u.citation
    if u.category == "lgbtq" and not any(g.group == "lgbtq" for g in impacts):
        impacts.append(GroupImpact(group="lgbtq", basis="on_its_face", sources=u.offence.sources))
    for impact in impacts:
        on_face = impact.basis == "on_its_face" or u.category == "lgbtq"
        verb = "targets" if on_face else "has been documented as used against"
        evidence: list[tuple[str, object]] = [(f"{u.path}.groups_affected", f"{impact.group} ({impact.basis})")]
        if impact.group in PRESS:
            yield finding_for(
                "used-against-press",
                "rights_risk",
                provision_id=u.id,
                limb=limb,
                concepts=CONCEPTS,
                principles=("freedom_of_expression", "protection_of_researchers_journalists"),
                evidence=evidence,
            )(
                "non_compliant" if on_face else "partially_compliant",
                "high",
                f"{cited} {verb} {words(impact.group)}, whose work free expression protects in particular.",
                recommendation="Protect journalism and the defence of human rights in the offence's text, and review prosecutions under it.",
                data_confidence=u.confidence,
            )
        else:
            yield finding_for(
                "targets-group",
                "rights_risk",
                provision_id=u.id,
                limb=limb,
                concepts=CONCEPTS,
                principles=("non_discrimination",),
                evidence=evidence,
            )(
                "non_compliant" if on_face else "partially_compliant",
                "high",
                f"{cited} {verb} {words(impact.group)}, contrary to equal protection of the law.",
                recommendation="Remove the discriminatory element and review prosecutions under it.",
                data_confidence=u.confidence,
            )


CHECKER = Checker(
    id="protected-expression",
    title="Protected expression, journalists and non-discrimination",
    version="2.0",
    concepts=CONCEPTS,
    principles=(
        "freedom_of_expression",
        "legality",
        "legitimate_aim",
        "necessity",
        "proportionality",
        "non_discrimination",
        "protection_of_researchers_journalists",
    ),
    check=check,
    description="Offences criminalising speech Art 19(3) ICCPR does not allow, or allows only with precise terms; use against the press; offences targeting groups.",
    authority="ICCPR Arts 19, 20(2) and 26; HRC General Comment 34; policies/offence-categories.yaml.",
    rules=RULES,
)
