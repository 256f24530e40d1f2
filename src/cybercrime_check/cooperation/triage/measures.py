"""Grounds about the measures: can the requested state's law carry them out, and on what terms may data leave."""

from __future__ import annotations

from fractions import Fraction

from ...checkers._common import (
    penalty_max_months,
)
from ...model.fields import Duration
from ...model.offence import CYBER_DEPENDENT
from ...model.procedural_power import ProceduralPower
from ...model.wording import and_join, words
from ..request import (
    Measure,
)
from .decision import Ground
from .facts import Context, Jurisdiction, OffenceFacts, cite_provision, cites_text

MEASURE_POWERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "realtime_traffic": (
        "realtime_traffic_collection",
        ("cooperation.realtime_traffic", "procedural.realtime_traffic", "procedural.conditions_and_safeguards"),
    ),
    "content_interception": (
        "content_interception",
        ("cooperation.content_interception", "procedural.content_interception", "procedural.conditions_and_safeguards"),
    ),
}
STRONG_AUTHORISATION = frozenset({"prior_judicial", "independent_body"})


def _reaches(power: ProceduralPower, off: OffenceFacts, jur: Jurisdiction) -> bool | None:
    """Whether ``power`` can be used for the offence, judged by the requested state's own offence."""
    scope = power.applies_to
    if scope == "all_crimes":
        return True
    if scope == "cyber_dependent_only":
        return off.category in CYBER_DEPENDENT
    if scope == "serious_crimes":
        limit = power.minimum_penalty_threshold
        own = (
            [penalty_max_months(o.penalty, law.penalty_classes()) for law, o in jur.offences(off.category)]
            if off.category != "other"
            else []
        )
        known = [m for m in own if isinstance(m, Fraction)]
        if not isinstance(limit, Duration) or not known:
            return None
        return max(known) >= limit.months()
    return None  # listed offences (the list is not modelled) or unspecified


def measure_limits_ground(ctx: Context, off: OffenceFacts, jur: Jurisdiction, measure: Measure) -> Ground:
    """Real-time collection and interception only where the requested state's law allows them for the
    offence, under its own safeguards (who authorises, for how long)."""
    kind, concepts = MEASURE_POWERS[measure]
    label = words(measure)
    principles = ("prior_judicial_authorisation", "proportionality")
    powers = jur.powers(kind)
    if not powers:
        return ctx.ground(
            "measure_limits",
            "need_information",
            f"No power of {words(kind)} is modelled for {jur.name} ({jur.coverage_note}), so whether "
            f"its law allows {label} for this offence, and under which safeguards, cannot be told.",
            concepts,
            measures=(measure,),
            principles=principles,
            missing=(
                f"{label}: the provision of {jur.owner} law that would allow it for this offence, with its safeguards",
            ),
        )
    reach = [(law, p, _reaches(p, off, jur)) for law, p in powers]
    allowed = [(law, p) for law, p, r in reach if r is True]
    cites = tuple(cite_provision(law, p) for law, p in (allowed or powers))
    if not allowed and all(r is False for _, _, r in reach):
        return ctx.ground(
            "measure_limits",
            "must_refuse",
            f"{jur.owner} {cites_text(cites)} allow{'s' if len(cites) == 1 else ''} {label} only for "
            f"{', '.join(sorted({words(p.applies_to) for _, p in powers}))}, which does not reach "
            f"{off.label} as {jur.name} classifies the conduct, so the measure cannot be carried out.",
            concepts,
            measures=(measure,),
            law=cites,
            principles=principles,
        )
    if not allowed:
        return ctx.ground(
            "measure_limits",
            "need_information",
            f"{jur.owner} {cites_text(cites)} allow{'s' if len(cites) == 1 else ''} {label} for "
            f"{', '.join(sorted({words(p.applies_to) for _, p in powers}))}; whether that reaches this "
            "offence cannot be told from the data.",
            concepts,
            measures=(measure,),
            law=cites,
            principles=principles,
            missing=(f"{label}: whether {cites_text(cites)} reaches this offence",),
        )
    power = allowed[0][1]
    missing = []
    if power.authorisation == "unspecified":
        missing.append(f"{label}: who authorises it under {power.citation}")
    if power.duration == "unspecified":
        missing.append(f"{label}: the longest period one order may run under {power.citation}")
    if missing:
        return ctx.ground(
            "measure_limits",
            "need_information",
            f"{jur.owner} {power.citation} allows {label} for this offence, but its safeguards are not recorded.",
            concepts,
            measures=(measure,),
            law=cites,
            principles=principles,
            missing=tuple(missing),
        )
    who = words(power.authorisation)
    how_long = (
        f"for at most {power.duration} per order"
        if isinstance(power.duration, Duration)
        else "with no time limit set by law"
    )
    weak = (
        ""
        if power.authorisation in STRONG_AUTHORISATION
        else f" Authorisation by {who} falls short of the judicial or independent review that the safeguards "
        "article calls for."
    )
    return ctx.ground(
        "measure_limits",
        "assist_with_conditions",
        f"{jur.owner} {power.citation} allows {label} for this offence ({words(power.applies_to)})." + weak,
        concepts,
        measures=(measure,),
        law=cites,
        principles=principles,
        conditions=(f"Carry out {label} only under {power.citation}, authorised by {who}, {how_long}.",),
    )


def personal_data_ground(
    ctx: Context,
    jur: Jurisdiction,
    transfers: bool,
    preservation: bool,
    categories: tuple[str, ...] | None,
    speciality: bool | str,
) -> Ground:
    """On what conditions personal data may be transferred to the requesting state."""
    concepts = ["cooperation.personal_data"]
    principles = ("data_protection",)
    cites = tuple(
        cite_provision(law, r)
        for law, r in jur.rules(["data_transfer_conditions", "mutual_legal_assistance", "direct_disclosure"])
        if r.data_protection_conditions is True
    )
    if not transfers:
        return ctx.ground(
            "personal_data",
            "assist",
            "No data leaves the requested state under the measures asked"
            + (" (preservation keeps the data where it is until a further request)." if preservation else "."),
            concepts,
            law=cites,
            principles=principles,
        )
    if categories is None:
        return ctx.ground(
            "personal_data",
            "need_information",
            "The request does not say which categories of data it seeks, so the conditions on their transfer "
            "cannot be set.",
            concepts,
            law=cites,
            principles=principles,
            missing=("data_categories: which data is sought (subscriber, traffic, content, location, biometric)",),
        )
    what = and_join(list(categories))
    if speciality is True:
        return ctx.ground(
            "personal_data",
            "assist",
            f"The {what} data would be transferred on the requesting state's assurance that it is used only for the "
            "proceedings named in the request."
            + (f" {jur.owner} {cites_text(cites)} set conditions too." if cites else ""),
            concepts,
            law=cites,
            principles=principles,
        )
    return ctx.ground(
        "personal_data",
        "assist_with_conditions",
        f"The {what} data is personal data, and the requesting state "
        f"{'declines to give' if speciality is False else 'offers no'} assurance that it will be used only for these "
        "proceedings; the requested state may transfer it only on conditions.",
        concepts,
        law=cites,
        principles=principles,
        conditions=(
            "Transfer the data only for the proceedings named in the request, with safeguards for its protection, "
            "and with no onward transfer without the requested state's consent.",
        ),
    )
