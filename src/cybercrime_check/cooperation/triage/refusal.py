"""Refusal grounds about the offence: political offence, persecution, protected expression."""

from __future__ import annotations

from ...model.fields import Confidence
from ...model.wording import and_join, category_words, sentence
from .decision import Ground
from .facts import FACT_WORDS, GROUP_WORDS, Context, Jurisdiction, OffenceFacts, cites_text, missing_fact

POLITICAL_CATEGORIES = frozenset({"insult_head_of_state", "national_unity_strife"})


def refusal_concepts(extradition: bool, *extra: str) -> list[str]:
    return ["cooperation.refusal_grounds", *extra, *(["cooperation.extradition"] if extradition else [])]


def request_kinds(extradition: bool) -> tuple[str, ...]:
    return ("mutual_legal_assistance", "extradition") if extradition else ("mutual_legal_assistance",)


def political_offence_ground(
    ctx: Context,
    offence_category: str,
    confidence: Confidence,
    jur: Jurisdiction,
    political_opponent: bool | str,
    identified: bool | str,
    extradition: bool,
) -> Ground:
    """Is the offence political in character (an offence against the head of state or national unity,
    or a prosecution of a political opponent)?"""
    concepts = refusal_concepts(extradition)
    cites, mandatory = jur.refusal(request_kinds(extradition), "political_offence")
    reasons = []
    if offence_category in POLITICAL_CATEGORIES:
        reasons.append(f"the offence ({category_words(offence_category)}) is political in character")
    if political_opponent is True:
        reasons.append("the person is a political opponent of the requesting state's government")
    if reasons:
        own = (
            f" {jur.owner} {cites_text(cites)} make{'s' if len(cites) == 1 else ''} refusal "
            f"{'mandatory' if mandatory else 'possible'} for political offences."
            if cites
            else f" No modelled provision of {jur.name} sets a political-offence ground; its essential interests and "
            "ordre public remain grounds to refuse."
        )
        return ctx.ground(
            "political_offence",
            "must_refuse" if mandatory else "may_refuse",
            sentence("; ".join(reasons)) + "." + own,
            concepts,
            law=cites,
            principles=("legitimate_aim", "freedom_of_expression"),
            data=(confidence,),
        )
    if political_opponent == "unspecified" and identified is False:
        return ctx.ground(
            "political_offence",
            "assist_with_conditions",
            f"The offence ({category_words(offence_category)}) is not political in character; the person is not "
            "yet identified, so whether they are a political opponent cannot be known.",
            concepts,
            law=cites,
            conditions=("Assess the person's situation again before transmitting results about an identified person.",),
        )
    if political_opponent == "unspecified":
        return ctx.ground(
            "political_offence",
            "need_information",
            f"The offence ({category_words(offence_category)}) is not political in character, but the request "
            "does not say whether the person is a political opponent.",
            concepts,
            law=cites,
            missing=(missing_fact("political_opponent"),),
        )
    return ctx.ground(
        "political_offence",
        "assist",
        f"Neither the offence ({category_words(offence_category)}) nor the facts stated give the request a political "
        "character.",
        concepts,
        law=cites,
    )


def documented_use(off: OffenceFacts) -> tuple[str, ...]:
    """Sentences saying which groups the persecution ground protects the offence targets or is used against."""
    groups = off.groups()
    used = [group for _, group in PERSECUTION_FACTS.values() if group in groups]
    on_face = [g for g in used if groups[g] == "on_its_face"]
    used_against = [g for g in used if g not in on_face]
    said = []
    if on_face:
        said.append(f"{off.label} targets {and_join([GROUP_WORDS[g] for g in on_face])} on its face")
    if used_against:
        against = and_join([GROUP_WORDS[g] for g in used_against])
        said.append(f"{off.label} has been documented as used against {against}")
    return tuple(said)


PERSECUTION_FACTS: dict[str, tuple[str, str]] = {
    # fact -> (discrimination ground in the Convention's list, group name in the law model)
    "political_opponent": ("political opinion", "political_opposition"),
    "religious_minority": ("religion", "religious_minority"),
    "lgbtq": ("sex (as read to cover sexual orientation and gender identity)", "lgbtq"),
}


def persecution_ground(
    ctx: Context,
    documented: tuple[str, ...],
    confidence: Confidence,
    jur: Jurisdiction,
    facts: tuple[tuple[str, bool | str], ...],
    identified: bool | str,
    extradition: bool,
) -> Ground:
    """Substantial grounds to believe the request aims at punishing the person for political opinion,
    religion or sex (including sexual orientation)?"""
    concepts = refusal_concepts(extradition, "cooperation.refusal_persecution", "general.human_rights")
    cites, mandatory = jur.refusal(request_kinds(extradition), "persecution_discrimination")
    present = [name for name, value in facts if value is True]
    unknown = [name for name, value in facts if value == "unspecified"]
    principles = ("non_discrimination",)
    if present:
        why = ", ".join(PERSECUTION_FACTS[n][0] for n in present)
        own = (
            f" {jur.owner} {cites_text(cites)} make{'s' if len(cites) == 1 else ''} this ground "
            f"{'mandatory' if mandatory else 'available'}."
            if cites
            else f" No modelled provision of {jur.name} sets this ground; the Convention's ground permits refusal."
        )
        return ctx.ground(
            "persecution",
            "must_refuse" if mandatory else "may_refuse",
            f"There are substantial grounds for believing the request may serve to prosecute or punish the person on "
            f"account of {why}: the request states that the person is "
            f"{and_join([FACT_WORDS[n] for n in present])}."
            + (f" {'; '.join(documented)}." if documented else "")
            + own,
            concepts,
            law=cites,
            principles=principles,
            data=(confidence,) if documented else (),
        )
    if unknown and identified is not False:
        return ctx.ground(
            "persecution",
            "need_information",
            "The request does not state whether the person belongs to a group the persecution ground protects."
            + (f" {'; '.join(documented)}." if documented else ""),
            concepts,
            law=cites,
            principles=principles,
            missing=tuple(missing_fact(n) for n in unknown),
        )
    if unknown or documented:
        why = (
            "The person is not yet identified, so the facts the persecution ground turns on cannot be known"
            if unknown
            else "The person is stated to be outside the groups concerned, but " + "; ".join(documented)
        )
        return ctx.ground(
            "persecution",
            "assist_with_conditions",
            why + ".",
            concepts,
            law=cites,
            principles=principles,
            conditions=("Assess the persecution ground again before transmitting results about an identified person.",),
        )
    return ctx.ground(
        "persecution",
        "assist",
        "The person is stated not to be a political opponent, a member of a religious minority or LGBTQ+, and nothing "
        "in the data links the offence to persecution.",
        concepts,
        law=cites,
        principles=principles,
    )


def protected_expression_ground(ctx: Context, off: OffenceFacts, jur: Jurisdiction, extradition: bool) -> Ground:
    """Does the offence punish expression that ICCPR Art 19(3) does not allow to be restricted?"""
    concepts = refusal_concepts(extradition, "general.human_rights.no_suppression", "general.human_rights")
    cites, mandatory = jur.refusal(request_kinds(extradition), "human_rights")
    principles = ("freedom_of_expression",)
    restricts = [d for d in off.expression if d.status == "non_compliant" and d.rule.startswith("restrict")]
    review = [d for d in off.expression if d.rule == "restriction-needs-review"]
    if restricts:
        own = (
            f" {jur.owner} {cites_text(cites)} make{'s' if len(cites) == 1 else ''} refusal "
            f"{'mandatory' if mandatory else 'possible'} on human-rights grounds."
            if cites
            else ""
        )
        return ctx.ground(
            "protected_expression",
            "must_refuse" if mandatory else "may_refuse",
            restricts[0].reason.rstrip(".")
            + ". Assisting would help punish expression the Convention may not be read to suppress: substantial "
            "grounds to refuse." + own,
            concepts,
            law=cites,
            principles=principles,
            data=(off.confidence,),
        )
    if review:
        return ctx.ground(
            "protected_expression",
            "need_information",
            review[0].reason,
            concepts,
            law=cites,
            principles=principles,
            missing=(
                "conduct: facts showing that the conduct is incitement to violence or discrimination, "
                "not protected expression",
            ),
            data=(off.confidence,),
        )
    if off.category == "unspecified":
        return ctx.ground(
            "protected_expression",
            "need_information",
            "The offence's category is not stated, so whether it restricts expression cannot be decided.",
            concepts,
            principles=principles,
            missing=("offence.category: the kind of offence",),
        )
    return ctx.ground(
        "protected_expression",
        "assist",
        f"{off.label} ({category_words(off.category)}) does not restrict expression.",
        concepts,
        principles=principles,
        data=(off.confidence,),
    )
