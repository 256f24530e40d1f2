"""Safeguards on every procedural power (Art 24; red line 3).

Each safeguard is judged on its own, so adding one can only improve the
finding about it: prior judicial or independent authorisation (required
for the most intrusive powers), a time limit, notification, a remedy, stated
grounds and a proportionality test. Severity grows with intrusiveness.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from ..engine.checker import Checker, EvaluationContext, FindingDraft, draft
from ..engine.verdict import Severity, Status
from ..model.fields import Duration
from ..model.law import NationalLaw
from ..model.procedural_power import AUTHORISATION_RANK, ProceduralPower
from ..model.wording import words
from ._common import powers_gate, quote

INTRUSIVENESS: dict[str, Severity] = {
    "content_interception": "critical",
    "remote_hacking": "critical",
    "realtime_traffic_collection": "high",
    "general_data_retention": "high",
    "content_blocking": "high",
    "compelled_assistance": "high",
    "search_and_seizure": "medium",
    "production_order_other": "medium",
    "other": "medium",
    "production_order_subscriber": "low",
    "expedited_preservation": "low",
    "partial_disclosure_traffic": "low",
}
JUDGE_REQUIRED = frozenset({"critical", "high"})
CONCEPT = ("procedural.conditions_and_safeguards",)


def _finding(
    p: ProceduralPower,
    rule: str,
    status: str,
    principle: str,
    reason: str,
    field: str,
    value: object,
    recommendation: str | None = None,
) -> FindingDraft:
    return draft(
        rule,
        cast(Status, status),
        INTRUSIVENESS[p.kind],
        "rights_risk",
        provision_id=p.id,
        concepts=CONCEPT,
        principles=(principle,),
        reason=reason,
        evidence=[(f"procedural_powers[{p.id}].{field}", value), (f"procedural_powers[{p.id}].kind", p.kind)],
        recommendation=recommendation if status != "compliant" else None,
        data_confidence=p.confidence,
    )


def _unknown(what: str, p: ProceduralPower) -> str:
    return f"The data does not record {what} for the power in {p.citation}."


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    gate = powers_gate(law, CONCEPT, "prior_judicial_authorisation", "Model the instrument's investigative powers.")
    if gate is not None:
        yield gate
        return
    for p in law.powers:
        name = words(p.kind)
        needs_judge = INTRUSIVENESS[p.kind] in JUDGE_REQUIRED
        required = AUTHORISATION_RANK["independent_body"] if needs_judge else AUTHORISATION_RANK["prosecutor"]
        if p.authorisation == "unspecified":
            yield _finding(
                p,
                "authorisation",
                "insufficient_information",
                "prior_judicial_authorisation",
                _unknown("who authorises it", p),
                "authorisation",
                p.authorisation,
                "Record who authorises the power.",
            )
        elif AUTHORISATION_RANK[p.authorisation] >= required:
            yield _finding(
                p,
                "authorisation",
                "compliant",
                "prior_judicial_authorisation",
                f"The {name} power in {p.citation} needs authorisation by {words(p.authorisation)}.",
                "authorisation",
                p.authorisation,
            )
        else:
            reviewed = p.ex_post_judicial_review is True
            yield _finding(
                p,
                "authorisation",
                "partially_compliant" if reviewed else "non_compliant",
                "prior_judicial_authorisation",
                (
                    f"The {name} power in {p.citation} is authorised by "
                    f"{words(p.authorisation)}, not by a judge or independent body beforehand"
                    + (" (a court reviews it afterwards)." if reviewed else ".")
                ),
                "authorisation",
                p.authorisation,
                "Require prior authorisation by a judge or independent body.",
            )
        if p.duration == "unspecified":
            yield _finding(
                p,
                "time-limit",
                "insufficient_information",
                "proportionality",
                _unknown("a time limit", p),
                "duration",
                p.duration,
                "Record the time limit.",
            )
        elif isinstance(p.duration, Duration):
            yield _finding(
                p,
                "time-limit",
                "compliant",
                "proportionality",
                f"The {name} power in {p.citation} is limited to {p.duration}.",
                "duration",
                p.duration,
            )
        else:
            yield _finding(
                p,
                "time-limit",
                "non_compliant",
                "proportionality",
                f"The {name} power in {p.citation} has no time limit.",
                "duration",
                p.duration,
                "Set a maximum duration and conditions for renewal.",
            )
        notif = {
            "required": ("compliant", f"People affected by the {name} power in {p.citation} must be notified."),
            "required_may_be_delayed": (
                "compliant",
                f"People affected by the {name} power in {p.citation} must be notified, possibly after a delay.",
            ),
            "not_required": (
                "non_compliant",
                f"Nothing requires that people affected by the {name} power in {p.citation} are ever told.",
            ),
            "unspecified": ("insufficient_information", _unknown("whether affected people are notified", p)),
        }[p.notification]
        yield _finding(
            p,
            "notification",
            notif[0],
            "notification",
            notif[1],
            "notification",
            p.notification,
            "Require notification once it no longer jeopardises the investigation.",
        )
        remedy = {
            True: ("compliant", f"A remedy is available against the {name} power in {p.citation}."),
            False: ("non_compliant", f"No remedy is available against the {name} power in {p.citation}."),
            "unspecified": ("insufficient_information", _unknown("a remedy", p)),
        }[p.remedy]
        yield _finding(
            p,
            "remedy",
            remedy[0],
            "effective_remedy",
            remedy[1],
            "remedy",
            p.remedy,
            "Provide an effective remedy before an independent body.",
        )
        grounds = {
            "specific_threshold": (
                "compliant",
                f"The {name} power in {p.citation} may be used only on stated grounds.",
            ),
            "vague": (
                "non_compliant",
                f"The {name} power in {p.citation} may be used on vague grounds ({quote(p.grounds_text) if p.grounds_text else 'not precisely defined'}).",
            ),
            "none": ("non_compliant", f"The law states no grounds for using the {name} power in {p.citation}."),
            "unspecified": ("insufficient_information", _unknown("the grounds for use", p)),
        }[p.grounds]
        yield _finding(
            p,
            "grounds",
            grounds[0],
            "legality",
            grounds[1],
            "grounds",
            p.grounds,
            "State precise grounds, such as reasonable suspicion of a specified offence.",
        )
        prop = {
            True: (
                "compliant",
                f"Use of the {name} power in {p.citation} is subject to a necessity or proportionality test.",
            ),
            False: (
                "non_compliant",
                f"The law does not subject the {name} power in {p.citation} to a necessity or proportionality test.",
            ),
            "unspecified": ("insufficient_information", _unknown("a proportionality test", p)),
        }[p.proportionality_test]
        yield _finding(
            p,
            "proportionality",
            prop[0],
            "proportionality",
            prop[1],
            "proportionality_test",
            p.proportionality_test,
            "Make necessity and proportionality conditions of every use.",
        )


CHECKER = Checker(
    id="safeguards",
    title="Safeguards on procedural powers (Art 24)",
    version="1.0",
    concepts=CONCEPT,
    principles=("prior_judicial_authorisation", "proportionality", "notification", "effective_remedy", "legality"),
    check=check,
    description="Authorisation, time limit, notification, remedy, grounds and proportionality for every power.",
    authority="UN Convention Art 24; N&P Principles 1, 5, 6, 8, 13; civil-society red line 3.",
)
