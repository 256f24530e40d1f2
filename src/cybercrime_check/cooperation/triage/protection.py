"""Refusal grounds about the person: protected situations (journalist, defender, refugee) and the death penalty."""

from __future__ import annotations

from ...model.wording import and_join, sentence
from .decision import Ground
from .facts import FACT_WORDS, Context, Jurisdiction, OffenceFacts, cites_text, missing_fact
from .refusal import refusal_concepts, request_kinds

PERSON_FACTS = ("journalist", "human_rights_defender", "refugee_or_asylum_seeker")


def protected_person_ground(
    ctx: Context,
    facts: tuple[tuple[str, bool | str], ...],
    identified: bool | str,
    extradition: bool,
    data_measures: bool,
) -> tuple[Ground, ...]:
    """Is the person a journalist, human-rights defender, or protected as a refugee in the requested state?"""
    concepts = refusal_concepts(extradition, "general.human_rights")
    values = dict(facts)
    grounds: list[Ground] = []
    if values["refugee_or_asylum_seeker"] is True and extradition:
        grounds.append(
            ctx.ground(
                "protected_person",
                "must_refuse",
                "The person has sought or been granted protection in the requested state; extraditing them to the "
                "state they sought protection from would breach non-refoulement.",
                ["general.human_rights", "cooperation.extradition", "cooperation.refusal_persecution"],
                measures=("extradition",),
                principles=("non_discrimination",),
            )
        )
    present = [n for n in PERSON_FACTS if values[n] is True]
    unknown = [n for n in PERSON_FACTS if values[n] == "unspecified"]
    why = []
    if values["journalist"] is True or values["human_rights_defender"] is True:
        who = and_join([FACT_WORDS[n] for n in ("journalist", "human_rights_defender") if values[n] is True])
        why.append(
            f"the person is {who}: evidence about their communications can expose sources, contacts and "
            "protected work, so the request may be refused unless the conduct is plainly unrelated to that work"
        )
    if values["refugee_or_asylum_seeker"] is True and data_measures:
        why.append(
            "the person has sought or been granted protection in the requested state: disclosing data about them "
            "to the state they sought protection from can expose them and their relatives"
        )
    if why:
        grounds.append(
            ctx.ground(
                "protected_person",
                "may_refuse",
                sentence("; ".join(why)) + ".",
                concepts,
                principles=("protection_of_researchers_journalists", "non_discrimination"),
            )
        )
    if not present and unknown and identified is not False:
        grounds.append(
            ctx.ground(
                "protected_person",
                "need_information",
                "The request does not state whether the person is a journalist, a human-rights defender or protected "
                "as a refugee in the requested state.",
                concepts,
                principles=("protection_of_researchers_journalists",),
                missing=tuple(missing_fact(n) for n in unknown),
            )
        )
    elif not present and unknown:
        grounds.append(
            ctx.ground(
                "protected_person",
                "assist_with_conditions",
                "The person is not yet identified, so whether they are a journalist, human-rights defender or "
                "refugee cannot be known.",
                concepts,
                principles=("protection_of_researchers_journalists",),
                conditions=(
                    "Assess the person's situation again before transmitting results about an identified person.",
                ),
            )
        )
    elif not present:
        grounds.append(
            ctx.ground(
                "protected_person",
                "assist",
                "The person is stated not to be a journalist, a human-rights defender or protected as a refugee in the "
                "requested state.",
                concepts,
                principles=("protection_of_researchers_journalists",),
            )
        )
    return tuple(grounds)


def death_penalty_ground(
    ctx: Context, off: OffenceFacts, jur: Jurisdiction, assurance: bool | str, extradition: bool
) -> Ground:
    """Could the person face the death penalty, and is there an assurance that it will not be imposed?"""
    concepts = refusal_concepts(extradition, "general.human_rights")
    cites, mandatory = jur.refusal(request_kinds(extradition), "death_penalty")
    exposure = off.death_penalty
    if exposure is False:
        return ctx.ground(
            "death_penalty",
            "assist",
            f"{off.label} does not carry the death penalty.",
            concepts,
            law=cites,
            data=(off.confidence,),
        )
    if assurance is True:
        return ctx.ground(
            "death_penalty",
            "assist_with_conditions",
            f"{off.label} {'carries' if exposure is True else 'may carry'} the death penalty; the requesting state "
            "offers an assurance that it will not be imposed or carried out.",
            concepts,
            law=cites,
            conditions=("Assist only on the assurance that the death penalty will not be imposed or carried out.",),
            data=(off.confidence,),
        )
    if exposure == "unspecified":
        return ctx.ground(
            "death_penalty",
            "need_information",
            f"The data does not say whether {off.label} can carry the death penalty, and no assurance is offered.",
            concepts,
            law=cites,
            missing=(f"death penalty: whether {off.label} can carry it, or an assurance that it will not be imposed",),
        )
    own = (
        f" {jur.owner} {cites_text(cites)} make{'s' if len(cites) == 1 else ''} refusal "
        f"{'mandatory' if mandatory else 'possible'}."
        if cites
        else ""
    )
    return ctx.ground(
        "death_penalty",
        "must_refuse" if mandatory else "may_refuse",
        f"{off.label} carries the death penalty and the requesting state "
        f"{'declines to give' if assurance is False else 'offers no'} assurance that it will not be imposed." + own,
        concepts,
        law=cites,
        data=(off.confidence,),
    )
