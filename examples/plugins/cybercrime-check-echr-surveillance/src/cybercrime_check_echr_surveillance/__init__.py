"""The European Court of Human Rights' minimum safeguards for secret surveillance, as a checker.

A cybercrime-check plugin (entry point ``echr-surveillance`` in the group
``cybercrime_check``). For every power to intercept the content of
communications or to collect traffic data in real time, it asks what the
Grand Chamber asks of a law on secret surveillance under Article 8 of the
European Convention on Human Rights:

- foreseeability: the law states the grounds and the nature of the offences
  for which the power may be used (Roman Zakharov §§ 229-231, 243-244);
- duration: a limit on each authorisation and a rule on renewal (§§ 231, 250-251);
- authorisation by a judge or a body independent of the executive
  (§§ 257-258; Big Brother Watch § 351);
- independent review after the fact (Big Brother Watch § 350) and
  supervision open to public scrutiny (Roman Zakharov § 283);
- notification and an effective remedy, which depend on each other
  (Roman Zakharov §§ 286-287, 298).

What it does not do: it does not check continuous supervision while a
measure runs (Roman Zakharov § 275; Big Brother Watch § 356) or the rules on
storing, using, sharing and destroying intercepted data (§ 231), because the
law model has no fields for them; it does not check whether the law itself
is published (accessibility), which the model takes for granted by recording
a source; and it does not apply the Court's bulk-interception framework
(Big Brother Watch §§ 348-361) to remote hacking, which no Grand Chamber
judgment we could confirm has assessed. These are European regional
standards: for a state outside the Council of Europe they are a benchmark,
not a binding obligation.

Sources (every paragraph cited was read in the judgment's text, not taken
from a summary):

- ECtHR (Grand Chamber), *Roman Zakharov v. Russia*, application no.
  47143/06, judgment of 4 December 2015. Text read at
  https://data.guardint.org/en/entity/hzbmni4o7ie (judgment pages 57-77).
  Each paragraph cited was read there, in full or in the part that states
  what is cited (§ 231: its list of minimum safeguards; § 287: its opening
  on notification); § 230 is cited as the Grand Chamber quotes it in Big
  Brother Watch § 333. Its HUDOC item id could not be confirmed, so no
  HUDOC link is given. §§ 233-234 (the three stages of review; the
  notification case law) are referred to elsewhere in the judgment but
  their text was not read, so they are not cited.
- ECtHR (Grand Chamber), *Big Brother Watch and Others v. the United
  Kingdom*, applications nos. 58170/13, 62322/14 and 24960/15, judgment of
  25 May 2021, https://hudoc.echr.coe.int/eng?i=001-210077 (item id as
  cited in the American Journal of International Law's case review). Text
  read at https://data.guardint.org/en/entity/8bxe5z9q3ar (§§ 333-334,
  347-356); § 361 (eight criteria) is known only through the separate
  opinion that refers to it, so it is not cited.

Findings cite the Convention against Cybercrime's Art 24 (conditions and
safeguards) and the article of the power (Arts 29 and 30), and the shipped
principles (legality, proportionality, prior judicial authorisation,
independent oversight, transparency, notification, effective remedy); the
case law appears in each reason and in the checker's ``authority``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cybercrime_check import (
    Checker,
    EvaluationContext,
    FindingDraft,
    NationalLaw,
    ProceduralPower,
    Status,
    draft,
    hookimpl,
)
from cybercrime_check.model.procedural_power import ExPostReview

__all__ = ["CHECKER", "SECRET_SURVEILLANCE", "cybercrime_check_checkers"]

__version__ = "2.0.0"

ZAKHAROV = "Roman Zakharov v. Russia [GC], no. 47143/06, 4 December 2015"
ZAKHAROV_URL = "https://data.guardint.org/en/entity/hzbmni4o7ie"
BBW = "Big Brother Watch and Others v. the United Kingdom [GC], nos. 58170/13, 62322/14 and 24960/15, 25 May 2021"
BBW_URL = "https://hudoc.echr.coe.int/eng?i=001-210077"

SECRET_SURVEILLANCE: dict[str, str] = {
    "content_interception": "procedural.content_interception",
    "realtime_traffic_collection": "procedural.realtime_traffic",
}
"""Power kinds the Court's interception case law covers, and the Convention concept of each."""

SAFEGUARDS = "procedural.conditions_and_safeguards"
PRINCIPLES = (
    "privacy",
    "legality",
    "proportionality",
    "prior_judicial_authorisation",
    "independent_oversight",
    "transparency",
    "notification",
    "effective_remedy",
)


def _finding(
    p: ProceduralPower,
    rule: str,
    status: Status,
    principles: Sequence[str],
    reason: str,
    authority: str,
    fields: Sequence[str],
    recommendation: str,
) -> FindingDraft:
    problem = status in ("non_compliant", "partially_compliant")
    return draft(
        rule,
        status,
        "high" if status == "non_compliant" else "medium",
        "rights_risk",
        provision_id=p.id,
        concepts=(SAFEGUARDS, SECRET_SURVEILLANCE[p.kind]),
        principles=principles,
        reason=f"{reason} ({authority}).",
        evidence=[(f"procedural_powers[{p.id}].{f}", getattr(p, f)) for f in fields] + [("case law", authority)],
        recommendation=recommendation if problem or status == "insufficient_information" else None,
        data_confidence=p.confidence if problem else "primary",
    )


def _foreseeability(p: ProceduralPower, name: str) -> FindingDraft:
    status: Status
    reason: str
    authority = f"ECtHR, {ZAKHAROV}, §§ 229-231, 243-244"
    if p.grounds in ("vague", "none"):
        status, reason = (
            "non_compliant",
            (
                f"The law does not state clearly when the {name} power in {p.citation} may be used "
                f"(grounds: {p.grounds}), so people cannot foresee it and the authorities' discretion is unbounded"
            ),
        )
    elif p.grounds == "unspecified" or p.applies_to == "unspecified":
        status, reason = (
            "insufficient_information",
            (
                f"The data does not record the grounds or the offences for which the {name} power in "
                f"{p.citation} may be used, which the Court requires the law to state"
            ),
        )
    elif p.applies_to == "all_crimes":
        status, reason = (
            "partially_compliant",
            (
                f"The {name} power in {p.citation} has stated grounds but may be used for any offence; the Court "
                "requires the nature of the offences to be set out and noted with concern interception for a "
                "very wide range of offences"
            ),
        )
    else:
        status, reason = (
            "compliant",
            (
                f"The law states the grounds for the {name} power in {p.citation} and limits it to "
                f"{p.applies_to.replace('_', ' ')}"
            ),
        )
    return _finding(
        p,
        "foreseeability",
        status,
        ("legality",),
        reason,
        authority,
        ("grounds", "applies_to"),
        "State precise grounds and the offences (by nature or list) for which the power may be used.",
    )


def _duration(p: ProceduralPower, name: str) -> FindingDraft:
    status: Status
    reason: str
    authority = f"ECtHR, {ZAKHAROV}, §§ 231, 250-251"
    limit = "an unrecorded period" if p.duration == "unspecified" else str(p.duration)
    if p.duration == "none":
        status, reason = "non_compliant", f"The {name} power in {p.citation} has no time limit"
    elif p.renewals == "unlimited":
        # Judged whether or not the period is known: unlimited renewal is in the data either way.
        status, reason = (
            "partially_compliant",
            (
                f"The {name} power in {p.citation} lasts {limit} but may be renewed without limit; the Court "
                "accepts that only where the law clearly sets the conditions for renewal and cancellation"
            ),
        )
    elif p.duration == "unspecified" or p.renewals == "unspecified":
        status, reason = (
            "insufficient_information",
            (
                f"The data does not record both the time limit of the {name} power in {p.citation} and whether "
                "and how it may be renewed"
            ),
        )
    else:
        status, reason = (
            "compliant",
            (f"The {name} power in {p.citation} is limited to {p.duration}, with a stated rule on renewal"),
        )
    return _finding(
        p,
        "duration",
        status,
        ("proportionality",),
        reason,
        authority,
        ("duration", "renewals"),
        "Set the period after which an authorisation expires, and the conditions for renewal and cancellation.",
    )


def _authorisation(p: ProceduralPower, name: str) -> FindingDraft:
    status: Status
    reason: str
    authority = f"ECtHR, {ZAKHAROV}, §§ 257-258; {BBW}, § 351"
    who = p.authorisation.replace("_", " ")
    if p.authorisation in ("prior_judicial", "independent_body"):
        status, reason = "compliant", f"Use of the {name} power in {p.citation} is authorised by {who}"
    elif p.authorisation == "prosecutor":
        status, reason = (
            "partially_compliant",
            (
                f"The {name} power in {p.citation} is authorised by a prosecutor; the Court accepts a non-judicial "
                "authority only if it is sufficiently independent of the executive, which the data does not show"
            ),
        )
    elif p.authorisation == "unspecified":
        status = "insufficient_information"
        reason = f"The data does not record who authorises the {name} power in {p.citation}"
    else:
        status, reason = (
            "non_compliant",
            (
                f"The {name} power in {p.citation} is authorised by {who}, not by a judge or a body independent "
                "of the executive"
            ),
        )
    return _finding(
        p,
        "independent-authorisation",
        status,
        ("prior_judicial_authorisation",),
        reason,
        authority,
        ("authorisation",),
        "Require authorisation by a judge or a body independent of the executive before each use.",
    )


def _reviewed(p: ProceduralPower) -> bool | str:
    """Whether a court or independent body that can end the measure reviews each use afterwards."""
    review = p.ex_post_review
    if review == "none":
        return False
    if isinstance(review, ExPostReview):
        effective = review.effective
        return "unspecified" if effective is None else effective
    return "unspecified"


def _review(p: ProceduralPower, name: str) -> FindingDraft:
    authority = f"ECtHR, {BBW}, § 350"
    outcomes: dict[bool | str, tuple[Status, str]] = {
        True: ("compliant", f"A court reviews use of the {name} power in {p.citation} after the fact"),
        False: (
            "non_compliant",
            f"No court or independent body reviews use of the {name} power in {p.citation} after the fact",
        ),
        "unspecified": (
            "insufficient_information",
            f"The data does not record whether use of the {name} power in {p.citation} is reviewed after the fact",
        ),
    }
    status, reason = outcomes[_reviewed(p)]
    return _finding(
        p,
        "ex-post-review",
        status,
        ("independent_oversight",),
        reason,
        authority,
        ("ex_post_review",),
        "Provide independent review of each use after the fact.",
    )


def _scrutiny(p: ProceduralPower, name: str) -> FindingDraft:
    authority = f"ECtHR, {ZAKHAROV}, § 283"
    outcomes: dict[bool | str, tuple[Status, str]] = {
        True: ("compliant", f"Use of the {name} power in {p.citation} is reported publicly"),
        False: (
            "partially_compliant",
            f"Nothing requires public reporting on use of the {name} power in {p.citation}, so its supervision "
            "is not open to public scrutiny, one factor in the Court's assessment",
        ),
        "unspecified": (
            "insufficient_information",
            f"The data does not record whether use of the {name} power in {p.citation} is reported publicly",
        ),
    }
    status, reason = outcomes[p.public_reporting]
    return _finding(
        p,
        "public-scrutiny",
        status,
        ("transparency",),
        reason,
        authority,
        ("public_reporting",),
        "Publish regular reports on the use and supervision of the power.",
    )


def _notification(p: ProceduralPower, name: str) -> FindingDraft:
    status: Status
    reason: str
    authority = f"ECtHR, {ZAKHAROV}, §§ 286-287, 298"
    if p.remedy is False:
        status, reason = "non_compliant", f"No remedy is available against the {name} power in {p.citation}"
    elif p.notification == "not_required":
        status, reason = (
            "partially_compliant",
            (
                f"People subjected to the {name} power in {p.citation} are never told, so a remedy can rarely be "
                "used: the Court treats notification and remedies as inextricably linked"
            ),
        )
    elif p.notification == "unspecified" or p.remedy == "unspecified":
        status, reason = (
            "insufficient_information",
            (
                f"The data does not record both whether people subjected to the {name} power in {p.citation} "
                "are notified and whether they have a remedy"
            ),
        )
    else:
        status, reason = (
            "compliant",
            (
                f"People subjected to the {name} power in {p.citation} are notified "
                f"({p.notification.replace('_', ' ')}) and have a remedy"
            ),
        )
    return _finding(
        p,
        "notification-and-remedy",
        status,
        ("notification", "effective_remedy"),
        reason,
        authority,
        ("notification", "remedy"),
        "Notify people once it no longer endangers the purpose of the measure, and give them a remedy.",
    )


RULES = (_foreseeability, _duration, _authorisation, _review, _scrutiny, _notification)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    """Judge every secret-surveillance power of ``law`` against the Court's minimum safeguards."""
    if law.procedural_powers == "unspecified":
        yield draft(
            "powers-unknown",
            "insufficient_information",
            "medium",
            "rights_risk",
            concepts=(SAFEGUARDS,),
            principles=("privacy",),
            reason="The data does not record whether this instrument grants interception powers.",
            recommendation="Model the instrument's investigative powers, or record that it grants none.",
        )
        return
    powers = [p for p in law.powers if p.kind in SECRET_SURVEILLANCE]
    if not powers:
        yield draft(
            "no-secret-surveillance",
            "not_applicable",
            "info",
            "rights_risk",
            concepts=(SAFEGUARDS,),
            principles=("privacy",),
            reason="This instrument grants no power to intercept communications or collect traffic data in real time.",
        )
        return
    for p in powers:
        name = p.kind.replace("_", " ")
        for rule in RULES:
            yield rule(p, name)


CHECKER = Checker(
    id="echr.secret-surveillance",
    title="ECtHR minimum safeguards for secret surveillance (Art 8 ECHR)",
    version=__version__,
    concepts=(SAFEGUARDS, *SECRET_SURVEILLANCE.values()),
    principles=PRINCIPLES,
    check=check,
    description=(
        "Foreseeability, duration, independent authorisation, review after the fact, public scrutiny, "
        "notification and remedies for interception and real-time traffic collection. Continuous "
        "supervision and the handling of intercepted data are not modelled and not checked."
    ),
    authority=(
        f"ECtHR, {ZAKHAROV}, §§ 229-231, 243-244, 250-251, 257-258, 283, 286-287, 298 ({ZAKHAROV_URL}); "
        f"{BBW}, §§ 350-351 ({BBW_URL})."
    ),
)


@hookimpl
def cybercrime_check_checkers() -> Sequence[Checker]:
    """The plugin hook: contribute the checker."""
    return [CHECKER]
