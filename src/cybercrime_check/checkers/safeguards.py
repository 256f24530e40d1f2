"""Safeguards on every procedural power (Art 24; red line 3).

Each safeguard is judged on its own, so adding one can only improve the finding about it. Who must
authorise depends on how intrusive the power is (``policies/power-kinds.yaml``): interception, hacking,
real-time or retained traffic data, blocking and compelled assistance need a judge or a body independent of
the executive, and so does a production order reaching traffic, location or content data, for which a
prosecutor is not independent (CJEU *Prokuratuur*, C-746/18). Review after the fact counts only when a judge
or independent body can quash the measure; a report afterwards is not review. Notification may give way to
a tribunal open to anyone who suspects surveillance (ECtHR *Kennedy v UK*, *Roman Zakharov v Russia*).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.catalogue import PowerKindRule
from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..engine.verdict import Severity
from ..model.fields import Duration
from ..model.law import NationalLaw
from ..model.procedural_power import AUTHORISATION_RANK, ExPostReview, ProceduralPower
from ..model.wording import words
from ._authority import _not_by, _review_text, _reviewer, authorised_as, authority_words
from ._common import finding_for, powers_gate, quote

CONCEPT = ("procedural.conditions_and_safeguards",)
ART_24 = "UN Convention Art 24 (conditions and safeguards, incl. judicial or other independent supervision)."
RULES = (
    Rule(
        "authorisation",
        "Is each use authorised beforehand by a body independent enough for how intrusive the power is?",
        ("compliant", "partially_compliant", "non_compliant", "insufficient_information"),
        ART_24 + " policies/power-kinds.yaml; CJEU Prokuratuur (2021); ECtHR Big Brother Watch v UK (GC, 2021) "
        "para 351 (an independent body may authorise instead of a judge).",
    ),
    Rule(
        "time-limit",
        "Is each authorisation limited in time, and is each renewal decided afresh by a judge or independent body "
        "(or capped)?",
        ("compliant", "partially_compliant", "non_compliant", "insufficient_information"),
        ART_24 + " N&P Principle 5; ECtHR Kennedy v UK (2010) para 161, Roman Zakharov v Russia (GC, 2015) para 250.",
    ),
    Rule(
        "notification",
        "Are affected people told, or can anyone who suspects the measure go to a tribunal?",
        ("compliant", "partially_compliant", "non_compliant", "insufficient_information"),
        ART_24
        + " N&P Principle 8; ECtHR Roman Zakharov v Russia (GC, 2015) para 234; Kennedy v UK (2010) paras 167-169.",
    ),
    Rule(
        "remedy",
        "Can affected people challenge the measure?",
        ("compliant", "non_compliant", "insufficient_information"),
        ART_24 + " ICCPR Art 2(3); N&P Principle 13.",
    ),
    Rule(
        "grounds",
        "Are the grounds for use stated precisely?",
        ("compliant", "non_compliant", "insufficient_information"),
        ART_24 + " ICCPR Art 17; N&P Principle 1.",
    ),
    Rule(
        "proportionality",
        "Must each use be necessary and proportionate?",
        ("compliant", "non_compliant", "insufficient_information"),
        ART_24 + " N&P Principles 3-5.",
    ),
    Rule(
        "public-reporting",
        "Is use of the intrusive power reported publicly?",
        ("compliant", "non_compliant", "insufficient_information"),
        "N&P Principle 9 (transparency) and 10 (public oversight).",
    ),
    Rule("powers-unknown", "Are the instrument's powers recorded?", ("insufficient_information",), ART_24),
    Rule("powers-not-modelled", "Are any powers in force modelled?", ("insufficient_information",), ART_24),
    Rule("no-powers", "Does a complete model show no power in force?", ("not_applicable",), ART_24),
)
INDEPENDENT = AUTHORISATION_RANK["independent_body"]
REACHES_TRAFFIC = frozenset({"traffic", "content", "location"})


def needs_independent(p: ProceduralPower, kind: PowerKindRule) -> bool | None:
    """Whether each use needs a judge or an independent body (None: depends on data categories not recorded)."""
    if kind.independent:
        return True
    if not kind.traffic_or_content_independent:
        return False
    if p.data_categories == "unspecified":
        return None
    return bool(REACHES_TRAFFIC.intersection(p.data_categories))


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    gate = powers_gate(law, CONCEPT, "prior_judicial_authorisation", "Model the instrument's investigative powers.")
    if gate is not None:
        yield gate
        return
    for p in law.powers:
        yield from _judge(p, ctx.catalogue.power_kinds[p.kind])


def _judge(p: ProceduralPower, kind: PowerKindRule) -> Iterator[FindingDraft]:
    name = f"{words(p.kind)} power in {p.cited}"
    severity: Severity = kind.severity

    yield from _authorisation(p, kind, name, severity)
    duration = finding_for(
        "time-limit",
        "rights_risk",
        provision_id=p.id,
        concepts=CONCEPT,
        principles=("proportionality",),
        evidence=[
            (f"procedural_powers[{p.id}].duration", p.duration),
            (f"procedural_powers[{p.id}].renewals", p.renewals),
        ],
    )
    if p.duration == "unspecified":
        yield duration(
            "insufficient_information",
            severity,
            f"The data does not record a time limit for the {name}.",
            recommendation="Record the time limit.",
        )
    elif (
        isinstance(p.duration, Duration)
        and p.renewals == "unlimited"
        and p.authorisation in AUTHORISATION_RANK
        and AUTHORISATION_RANK[p.authorisation] >= INDEPENDENT
        and p.authoriser_independent is not False
    ):
        # Renewals without a cap are acceptable when each needs fresh independent authorisation (ECtHR Kennedy
        # v UK, 2010, para 161; Roman Zakharov v Russia, GC 2015, para 250).
        yield duration(
            "compliant",
            "info",
            f"The {name} is limited to {p.duration} at a time; each renewal needs fresh authorisation by "
            f"{authority_words(p.authorisation).removesuffix(' beforehand')}.",
        )
    elif isinstance(p.duration, Duration) and p.renewals == "unlimited":
        yield duration(
            "partially_compliant",
            severity,
            f"The {name} is limited to {p.duration} at a time, but may be renewed without limit and without a "
            "judge or independent body deciding each renewal.",
            recommendation="Cap the number of renewals or the total duration, with fresh authorisation for each.",
            data_confidence=p.confidence,
        )
    elif isinstance(p.duration, Duration) and p.renewals == "unspecified":
        yield duration(
            "insufficient_information",
            severity,
            f"The {name} is limited to {p.duration} at a time; whether it may be renewed, how often and on whose "
            "decision is not recorded.",
            recommendation="Record the renewal rule.",
        )
    elif isinstance(p.duration, Duration):
        renewed = "" if p.renewals == "none" else f", renewable {p.renewals} time{'s' if p.renewals != 1 else ''}"
        yield duration("compliant", "info", f"The {name} is limited to {p.duration}{renewed}.")
    else:
        yield duration(
            "non_compliant",
            severity,
            f"The {name} has no time limit.",
            recommendation="Set a maximum duration and conditions for renewal.",
            data_confidence=p.confidence,
        )

    told = (f"procedural_powers[{p.id}].notification", p.notification)
    notify = finding_for(
        "notification",
        "rights_risk",
        provision_id=p.id,
        concepts=CONCEPT,
        principles=("notification",),
        evidence=[told],
    )
    if p.notification in ("required", "required_may_be_delayed"):
        delay = ", possibly after a delay" if p.notification == "required_may_be_delayed" else ""
        yield notify("compliant", "info", f"People affected by the {name} must be notified{delay}.")
    elif p.notification == "required_may_be_dispensed":
        yield notify(
            "partially_compliant",
            severity,
            f"People affected by the {name} must be notified as a rule, but notice may be withheld for good.",
            recommendation="Allow notice to be postponed, not dispensed with, and only under independent control.",
            data_confidence=p.confidence,
        )
    elif p.notification == "not_required" and p.remedy is True:
        remedy_for_all = finding_for(
            "notification",
            "rights_risk",
            provision_id=p.id,
            concepts=CONCEPT,
            principles=("notification", "effective_remedy"),
            evidence=[
                told,
                (f"procedural_powers[{p.id}].remedy", p.remedy),
                (f"procedural_powers[{p.id}].remedy_without_notice", p.remedy_without_notice),
            ],
        )
        if p.remedy_without_notice is True:
            yield remedy_for_all(
                "partially_compliant",
                severity,
                f"People affected by the {name} need never be told, but anyone who suspects the measure can bring it "
                "before a body that can examine it, which stands in for notification only in part.",
                recommendation="Require notification once it no longer jeopardises the investigation.",
                data_confidence=p.confidence,
            )
        elif p.remedy_without_notice is False:
            yield remedy_for_all(
                "non_compliant",
                severity,
                f"People affected by the {name} need never be told, and the remedy open to them needs knowledge of "
                "the measure, so in practice it cannot be used.",
                recommendation="Require notification once it no longer jeopardises the investigation.",
                data_confidence=p.confidence,
            )
        else:
            yield remedy_for_all(
                "insufficient_information",
                severity,
                f"People affected by the {name} need never be told; whether the remedy open to them can be used "
                "without knowing of the measure (a tribunal open to anyone who suspects it) is not recorded.",
                recommendation="Record whether the remedy is open to people who were never told.",
            )
    elif p.notification == "not_required":
        yield notify(
            "non_compliant",
            severity,
            f"Nothing requires that people affected by the {name} are ever told.",
            recommendation="Require notification once it no longer jeopardises the investigation.",
            data_confidence=p.confidence,
        )
    else:
        yield notify(
            "insufficient_information",
            severity,
            f"The data does not record whether people affected by the {name} are notified.",
            recommendation="Record the notification rule.",
        )

    remedy = finding_for(
        "remedy",
        "rights_risk",
        provision_id=p.id,
        concepts=CONCEPT,
        principles=("effective_remedy",),
        evidence=[(f"procedural_powers[{p.id}].remedy", p.remedy)],
    )
    if p.remedy is True:
        yield remedy("compliant", "info", f"A remedy is available against the {name}.")
    elif p.remedy is False:
        yield remedy(
            "non_compliant",
            severity,
            f"No remedy is available against the {name}.",
            recommendation="Provide an effective remedy before an independent body.",
            data_confidence=p.confidence,
        )
    else:
        yield remedy(
            "insufficient_information",
            severity,
            f"The data does not record a remedy against the {name}.",
            recommendation="Record the remedy.",
        )

    grounds = finding_for(
        "grounds",
        "rights_risk",
        provision_id=p.id,
        concepts=CONCEPT,
        principles=("legality", "privacy"),
        evidence=[(f"procedural_powers[{p.id}].grounds", p.grounds)],
    )
    if p.grounds == "specific_threshold":
        yield grounds("compliant", "info", f"The {name} may be used only on stated grounds.")
    elif p.grounds == "vague":
        said = quote(p.grounds_text) if p.grounds_text else "not precisely defined"
        yield grounds(
            "non_compliant",
            severity,
            f"The {name} may be used on vague grounds ({said}).",
            recommendation="State precise grounds, such as reasonable suspicion of a specified offence.",
            data_confidence=p.confidence,
        )
    elif p.grounds == "none":
        yield grounds(
            "non_compliant",
            severity,
            f"The law states no grounds for using the {name}.",
            recommendation="State precise grounds, such as reasonable suspicion of a specified offence.",
            data_confidence=p.confidence,
        )
    else:
        yield grounds(
            "insufficient_information",
            severity,
            f"The data does not record the grounds for using the {name}.",
            recommendation="Record the grounds.",
        )

    prop = finding_for(
        "proportionality",
        "rights_risk",
        provision_id=p.id,
        concepts=CONCEPT,
        principles=("proportionality",),
        evidence=[(f"procedural_powers[{p.id}].proportionality_test", p.proportionality_test)],
    )
    if p.proportionality_test is True:
        yield prop("compliant", "info", f"Use of the {name} is subject to a necessity or proportionality test.")
    elif p.proportionality_test is False:
        yield prop(
            "non_compliant",
            severity,
            f"The law does not subject the {name} to a necessity or proportionality test.",
            recommendation="Make necessity and proportionality conditions of every use.",
            data_confidence=p.confidence,
        )
    else:
        yield prop(
            "insufficient_information",
            severity,
            f"The data does not record whether the {name} needs a proportionality test.",
            recommendation="Record the test.",
        )

    if kind.independent:
        report = finding_for(
            "public-reporting",
            "rights_risk",
            provision_id=p.id,
            concepts=CONCEPT,
            principles=("transparency",),
            evidence=[(f"procedural_powers[{p.id}].public_reporting", p.public_reporting)],
        )
        if p.public_reporting is True:
            yield report("compliant", "info", f"Use of the {name} is reported publicly.")
        elif p.public_reporting is False:
            yield report(
                "non_compliant",
                "low",
                f"Use of the {name} is not reported publicly, so the public cannot see how it is used.",
                recommendation="Publish yearly figures on the use of the power.",
                data_confidence=p.confidence,
            )
        else:
            yield report(
                "insufficient_information",
                "low",
                f"The data does not record whether use of the {name} is reported publicly.",
                recommendation="Record whether use is reported.",
            )


def _authorisation(p: ProceduralPower, kind: PowerKindRule, name: str, severity: Severity) -> Iterator[FindingDraft]:
    need = needs_independent(p, kind)
    review = p.ex_post_review
    authoriser = p.authorisation
    who = ""
    if authoriser != "unspecified":
        if (
            p.authoriser_independent is False
            and AUTHORISATION_RANK[authoriser] > AUTHORISATION_RANK["executive_or_police"]
        ):
            # A judge the executive appoints and renews at will is not independent (AmaBhungane, ZACC 2021).
            authoriser = "executive_or_police"
            who = f"is authorised by {authority_words(p.authorisation).removesuffix(' beforehand')} who is not independent of the executive"
        else:
            who = authorised_as(authoriser)
    # A judge or independent body suffices whatever data the power reaches: then the finding does not rest
    # on the data categories, and does not cite them (they may be unrecorded).
    independent = authoriser != "unspecified" and AUTHORISATION_RANK[authoriser] >= INDEPENDENT
    evidence: list[tuple[str, object]] = [
        (f"procedural_powers[{p.id}].authorisation", p.authorisation),
        (f"procedural_powers[{p.id}].kind", p.kind),
        ("authority", kind.authority),
    ]
    if p.authoriser_independent != "unspecified":
        evidence.append((f"procedural_powers[{p.id}].authoriser_independent", p.authoriser_independent))
    if kind.traffic_or_content_independent and not (need is None and independent):
        evidence.append((f"procedural_powers[{p.id}].data_categories", p.data_categories))
    principles: tuple[str, ...] = ("prior_judicial_authorisation", "privacy")
    finding = finding_for(
        "authorisation", "rights_risk", provision_id=p.id, concepts=CONCEPT, principles=principles, evidence=evidence
    )
    reviewed = finding_for(
        "authorisation",
        "rights_risk",
        provision_id=p.id,
        concepts=CONCEPT,
        principles=(*principles, "independent_oversight") if isinstance(review, ExPostReview) else principles,
        evidence=[*evidence, (f"procedural_powers[{p.id}].ex_post_review", _review_text(review))],
    )
    if authoriser == "unspecified":
        yield finding(
            "insufficient_information",
            severity,
            f"The data does not record who authorises the {name}.",
            recommendation="Record who authorises the power.",
        )
        return
    rank = AUTHORISATION_RANK[authoriser]
    if need is None and not independent:
        yield finding(
            "insufficient_information",
            severity,
            f"The {name} {who}; whether it reaches traffic, location or content data, for which a "
            "prosecutor is not independent enough, is not recorded.",
            recommendation="Record the kinds of data the power reaches.",
        )
        return
    required = INDEPENDENT if need else AUTHORISATION_RANK[kind.minimum]
    if rank >= required:
        yield finding("compliant", "info", f"The {name} needs authorisation by {authority_words(authoriser)}.")
        return
    effective = review.effective if isinstance(review, ExPostReview) else False
    what = (
        "a judge or independent body"
        if need
        else "a prosecutor, judge or independent body"
        if kind.minimum == "prosecutor"
        else "any competent authority"
    )
    if effective is not False:
        detail = " (whether the reviewer can quash the measure is not recorded)" if effective is None else ""
        yield reviewed(
            "partially_compliant",
            severity,
            f"The {name} {_not_by(who, what)}, though {_reviewer(review)} reviews it afterwards{detail}.",
            recommendation="Require prior authorisation by a judge or independent body.",
            data_confidence=p.confidence,
        )
        return
    after = " (a report afterwards is not review)" if isinstance(review, ExPostReview) and review.report_only else ""
    yield reviewed(
        "non_compliant",
        severity,
        f"The {name} {_not_by(who, what)}{after}.",
        recommendation="Require prior authorisation by a judge or independent body.",
        data_confidence=p.confidence,
    )


CHECKER = Checker(
    id="safeguards",
    title="Safeguards on procedural powers (Art 24)",
    version="2.0",
    concepts=CONCEPT,
    principles=(
        "prior_judicial_authorisation",
        "privacy",
        "independent_oversight",
        "proportionality",
        "notification",
        "effective_remedy",
        "legality",
        "transparency",
    ),
    check=check,
    description="Authorisation (by intrusiveness and data reached), time limit, notification, remedy, grounds, proportionality and public reporting for every power.",
    authority="UN Convention Art 24; N&P Principles; ECtHR Roman Zakharov (2015), Big Brother Watch (2021); CJEU Prokuratuur (2021); civil-society red line 3.",
    rules=RULES,
)
