"""Grounds on the request's footing: its legal basis, whether the offence is within the Convention's scope, and
whether the requesting state's offence was in force on the day of the request."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from ...model.treaty import TreatyStatus, standing_on
from ...model.wording import category_words
from .decision import Ground
from .facts import Context, OffenceFacts

# --- the grounds -------------------------------------------------------------------------------


TREATIES = {"un_convention": "uncc", "budapest_convention": "ets-185"}
"""Which treaty status file each legal basis is judged by."""


def legal_basis_ground(
    ctx: Context,
    basis: str,
    treaty: str | None,
    extradition: bool,
    requesting: str = "",
    requested: str = "",
    day: date | None = None,
    category: str = "unspecified",
) -> Ground:
    """On what the request relies, and whether that treaty binds both states on the request's date
    (``policies/treaties``); a reservation of the requested state that narrows the offence is applied."""
    concepts = ["cooperation.general"]
    if basis == "unspecified":
        return ctx.ground(
            "legal_basis",
            "need_information",
            "The request does not state the treaty or other basis it relies on.",
            concepts,
            missing=("legal_basis: the treaty or other legal basis the request relies on",),
        )
    if basis in TREATIES and day is not None and requesting and requested:
        status = ctx.catalogue.treaties.get(TREATIES[basis])
        if status is not None:
            return _treaty_ground(ctx, status, requesting, requested, day, category, concepts)
    if basis == "un_convention":
        return ctx.ground(
            "legal_basis",
            "assist",
            "The request relies on the Convention, which binds only States Parties once it is in force between them "
            "(ninety days after the fortieth instrument); the library does not record ratifications, so confirm that "
            "both states are parties.",
            [*concepts, "final.entry_into_force"],
        )
    if basis == "budapest_convention":
        return ctx.ground(
            "legal_basis",
            "assist",
            "The request relies on the Council of Europe Convention on Cybercrime (ETS 185), not on this Convention; "
            "the library does not record whether both states are parties to it.",
            concepts,
        )
    if basis == "bilateral_treaty":
        return ctx.ground(
            "legal_basis",
            "assist",
            f"The request relies on a bilateral treaty ({treaty or 'not named'}); whether it is in force and covers "
            "the measures asked is not modelled.",
            concepts,
        )
    if extradition:
        return ctx.ground(
            "legal_basis",
            "need_information",
            "The request names no treaty; many states extradite only under a treaty, others on reciprocity under "
            "their own law, and the requested state's rule is not modelled.",
            [*concepts, "cooperation.extradition"],
            measures=("extradition",),
            missing=("legal_basis: whether the requested state's law allows extradition without a treaty",),
        )
    return ctx.ground(
        "legal_basis",
        "assist_with_conditions",
        "The request names no treaty, so assistance can rest only on the requested state's own law and reciprocity.",
        concepts,
        conditions=("Assist only as the requested state's law allows assistance without a treaty (reciprocity).",),
    )


def scope_ground(ctx: Context, off: OffenceFacts, basis: str, extradition: bool) -> tuple[Ground, ...]:
    """Convention offence, 'serious crime' by the four-year test, or neither (and extradition's narrower reach)."""
    threshold = ctx.threshold
    limit = threshold.months()
    convention_basis = basis in ("un_convention", "unspecified")
    data = (off.confidence,)
    grounds: list[Ground] = []
    if off.classification in ("cyber_dependent", "cyber_enabled", "content_in_convention"):
        grounds.append(
            ctx.ground(
                "scope",
                "assist",
                f"{off.label} is an offence of {category_words(off.category)}, one the Convention itself requires "
                "states to establish, so cooperation extends to it.",
                [
                    "cooperation.convention_offences",
                    ctx.catalogue.category(off.category).concept or "scope.application",
                ],
                data=data,
            )
        )
        return tuple(grounds)
    if off.category == "unspecified":
        return (
            ctx.ground(
                "scope",
                "need_information",
                "The request does not say what kind of offence it concerns, so its place in the Convention's scope "
                "cannot be decided.",
                ["cooperation.convention_offences", "cooperation.serious_crime"],
                missing=("offence.category: the kind of offence (illegal access, fraud, false information, ...)",),
                data=data,
            ),
        )
    if off.category == "mixed":
        limbs = ", ".join(limb.id for limb in off.offence.limbs)
        return (
            ctx.ground(
                "scope",
                "need_information",
                f"{off.label} has limbs that punish different conduct ({limbs}); the request does not say which one "
                "it concerns, so its place in the Convention's scope cannot be decided.",
                ["cooperation.convention_offences", "cooperation.serious_crime"],
                missing=(f"offence.limb: which limb of {off.label} the request concerns ({limbs})",),
                data=data,
            ),
        )
    serious = ["cooperation.serious_crime", "definitions.serious_crime"]
    basic = off.basic_max
    if isinstance(basic, Fraction) and basic >= limit:
        grounds.append(
            ctx.ground(
                "scope",
                "assist",
                f"{off.label} is not a Convention offence but carries {off.basic_label}, which meets "
                f"the 'serious crime' threshold of {threshold}, so cooperation on electronic evidence extends to it.",
                serious,
                data=data,
            )
        )
    elif off.highest_max is not None and off.highest_max >= limit:
        grounds.append(
            ctx.ground(
                "scope",
                "need_information",
                f"The basic offence in {off.label} carries {off.basic_label}, below the 'serious "
                f"crime' threshold of {threshold}; only an aggravated form reaches it ({off.highest_label}).",
                serious,
                missing=(f"offence: whether the aggravated form of {off.label} is charged ({off.highest_label})",),
                data=data,
            )
        )
    elif basic is None or basic == "none":
        grounds.append(
            ctx.ground(
                "scope",
                "need_information",
                f"The maximum penalty for {off.label} is not known, so whether it is a 'serious crime' "
                f"({threshold} or more) cannot be decided.",
                serious,
                missing=(f"offence: the maximum penalty for {off.label}",),
                data=data,
            )
        )
    else:
        grounds.append(
            ctx.ground(
                "scope",
                "may_refuse" if convention_basis else "assist",
                f"{off.label} is neither a Convention offence nor a 'serious crime' (it carries "
                f"{off.basic_label}, below {threshold})"
                + (
                    ", so the Convention creates no obligation to assist."
                    if convention_basis
                    else "; the request rests on another basis, whose scope this library does not assess."
                ),
                serious,
                data=data,
            )
        )
    if extradition and grounds[-1].effect in ("assist", "need_information"):
        grounds.append(
            ctx.ground(
                "scope",
                "may_refuse" if convention_basis else "assist",
                f"{off.label} is not a Convention offence; the Convention's extradition article covers Convention "
                "offences, and its 'serious crime' extension reaches electronic evidence only"
                + (
                    ", so it gives no basis to extradite."
                    if convention_basis
                    else "; the request rests on another basis, whose scope this library does not assess."
                ),
                ["cooperation.extradition", "cooperation.serious_crime"],
                measures=("extradition",),
                data=data,
            )
        )
    return tuple(grounds)


def offence_in_force_ground(ctx: Context, off: OffenceFacts, not_yet: bool, when: str, extradition: bool) -> Ground:
    """The requesting state's offence, as modelled, did not apply on the day of the request (``not_yet``: it
    came into force later; otherwise it had ended).

    The outcome is ``need_information``, not a refusal: the request gives no date for the conduct, and an
    offence repealed since may still have applied when the conduct took place (or the model's dates may be
    incomplete). The requesting state has to say which provision applied to the conduct, and when. The
    reason does not repeat the request's date (the decision's ``as_of``), so that the ground is computed
    once per offence.
    """
    concepts = ["cooperation.mla", *(["cooperation.extradition"] if extradition else [])]
    return ctx.ground(
        "offence_in_force",
        "need_information",
        f"{off.label} was {'not yet' if not_yet else 'no longer'} in force in the requesting state on the date of "
        f"the request ({when}, as modelled); assistance can rest only on an offence that applied to the conduct.",
        concepts,
        principles=("legality",),
        missing=("offence: the provision that applied when the conduct took place, and the date of the conduct",),
        data=(off.confidence,),
    )


def _treaty_ground(
    ctx: Context,
    status: TreatyStatus,
    requesting: str,
    requested: str,
    day: date,
    category: str,
    concepts: list[str],
) -> Ground:
    """The legal-basis ground when the treaty's status is on file: both parties, not both bound, or not known."""
    if status.id == "uncc":
        concepts = [*concepts, "final.entry_into_force"]
    a, b = standing_on(status, requesting, day), standing_on(status, requested, day)
    said = f"{requesting} is {a.words}; {requested} is {b.words}"
    data = (a.confidence, b.confidence)
    if a.standing == "party" and b.standing == "party":
        narrowing = [
            r
            for r in b.reservations
            if category in r.categories and ("dual_criminality" in r.affects or "scope" in r.affects)
        ]
        conditions = tuple(
            f"{requested} made a {r.kind} to Art {r.article} ({r.summary.rstrip('.')}): the offence counts only as "
            "that narrowing allows."
            for r in narrowing
        )
        return ctx.ground(
            "legal_basis",
            "assist_with_conditions" if conditions else "assist",
            f"The request relies on the {status.short_title}, which binds both states on {day}: {said}.",
            concepts,
            conditions=conditions,
            data=data,
        )
    if "unknown" in (a.standing, b.standing):
        return ctx.ground(
            "legal_basis",
            "need_information",
            f"The request relies on the {status.short_title}; whether it binds both states on {day} is not recorded "
            f"({said}).",
            concepts,
            missing=(f"legal_basis: whether both states were parties to the {status.short_title} on {day}",),
            data=data,
        )
    return ctx.ground(
        "legal_basis",
        "assist_with_conditions",
        f"The request relies on the {status.short_title}, which does not bind both states on {day} ({said}), so "
        "assistance can rest only on the requested state's own law and reciprocity.",
        concepts,
        conditions=("Assist only as the requested state's law allows assistance without a treaty (reciprocity).",),
        data=data,
    )
