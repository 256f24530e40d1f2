"""Dual criminality: is the conduct an offence in the requested state too (by conduct, whatever it is called)?"""

from __future__ import annotations

from typing import Literal

from ...model.fields import Confidence
from ...model.wording import category_words, words_and
from ..request import (
    Measure,
)
from .decision import Ground, NationalCitation
from .facts import Context, Jurisdiction, cite_provision, cites_text

DualCriminality = Literal["yes", "no", "unknown"]


def dual_criminality_status(
    off_category: str, jur: Jurisdiction
) -> tuple[DualCriminality, tuple[NationalCitation, ...]]:
    """Whether the requested state's modelled law criminalises conduct of the same category, and where.

    ``yes`` with the provisions, or ``unknown``; never ``no``. Even an instrument modelled
    completely is not the whole of a state's criminal law (a penal code or a media statute may
    cover the conduct), so absence from the model is never absence from the law. ``no`` stays in
    the vocabulary for a future model of a state's entire criminal law.
    """
    if off_category in ("other", "unspecified"):
        return "unknown", ()
    found = tuple(cite_provision(law, o) for law, o in jur.offences(off_category))
    if found:
        return "yes", found
    return "unknown", ()


def _dual_criminality_required(jur: Jurisdiction, measure: Measure) -> Literal["required", "not_required", "unknown"]:
    if measure == "extradition":
        return "required"
    values = {r.dual_criminality for _, r in jur.rules(["mutual_legal_assistance"])} - {"unspecified"}
    if measure == "preservation":
        return "required" if "required" in values else "not_required"
    if values & {"required", "required_for_coercive_measures"}:
        return "required"
    if values == {"not_required"}:
        return "not_required"
    return "unknown"


def dual_criminality_ground(
    ctx: Context, offence_category: str, confidence: Confidence, jur: Jurisdiction, measures: tuple[Measure, ...]
) -> Ground:
    """Does the requested state criminalise the same conduct (by category, whatever its name), where it matters."""
    concepts = ["cooperation.dual_criminality"]
    if "preservation" in measures:
        concepts.append("cooperation.preservation")
    if "extradition" in measures:
        concepts.append("cooperation.extradition")
    status, found = dual_criminality_status(offence_category, jur)
    rules = tuple(
        cite_provision(law, r)
        for law, r in jur.rules(["mutual_legal_assistance"])
        if r.dual_criminality != "unspecified"
    )
    category = category_words(offence_category)
    principles = ("data_protection",)
    if status == "yes":
        elements = [
            f"{o.citation} also requires {'; '.join(o.additional_elements)}"
            for _, o in jur.offences(offence_category)
            if o.additional_elements
        ]
        return ctx.ground(
            "dual_criminality",
            "assist",
            f"{jur.owner} {cites_text(found)} criminalise{'s' if len(found) == 1 else ''} {category} conduct, so "
            "dual criminality is met by the conduct, whatever the offence is called."
            + (f" Check the facts against the elements: {' / '.join(elements)}." if elements else ""),
            concepts,
            law=found,
            principles=principles,
            data=(confidence,),
        )
    needing = tuple(m for m in measures if _dual_criminality_required(jur, m) != "not_required")
    scoped = needing if needing != measures else ()
    if not needing:
        return ctx.ground(
            "dual_criminality",
            "assist",
            f"Whether {jur.name} criminalises {category} conduct is not shown "
            f"({jur.coverage_note}), but dual criminality is not required for preservation unless the requested "
            "state reserved it; the library does not record reservations.",
            concepts,
            law=rules,
            principles=principles,
        )
    what = "the conduct's category" if offence_category in ("other", "unspecified") else f"{category} conduct"
    return ctx.ground(
        "dual_criminality",
        "need_information",
        f"Whether {jur.name} criminalises {what} cannot be told from the data ({jur.coverage_note}), and dual "
        f"criminality may be required for {words_and(needing)}.",
        concepts,
        measures=scoped,
        law=rules,
        principles=principles,
        missing=(f"dual criminality: the provision of {jur.owner} law that criminalises {what}, if any",),
    )
