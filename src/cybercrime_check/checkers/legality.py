"""Legality: offences that rest on terms too vague for people to foresee what is punished.

A criminal offence must be precise enough for people to regulate their conduct (ICCPR Arts 15 and 19(3)
"provided by law"; HRC General Comment 34 para 25). Precision can come from the statute *or* from the courts:
a term the law defines elsewhere, or that the highest courts have construed, is foreseeable (ECtHR *Sunday
Times v UK* para 49; *Kokkinakis v Greece*; *Cantoni v France*), and the Convention's own wording ("without
right") is never vague for treaty conformity. So a term counts as vague only when it is in the lexicon of terms
courts or UN bodies found too vague, or when the data records that neither the law nor a court gives it a
meaning, or that an authority found it too vague despite its definition or reading; a term merely recorded as
undefined is a gap in the data, not a violation, for speech offences too (the lexicon catches the terms
known to be vague). Severity grows with what is at stake.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..engine.checker import Checker, EvaluationContext, FindingDraft, Rule
from ..engine.verdict import Severity
from ..model.fields import Duration, lowest_confidence
from ..model.general_part import PenaltyClass
from ..model.law import NationalLaw
from ..model.offence import OffenceUnit, Term
from ._common import (
    analyse_terms,
    category_of,
    finding_for,
    highest_maximum,
    lexicon_confidence,
    lexicon_text,
    quoted,
    raise_severity,
    speech,
    units,
    vague_words,
)

AUTHORITY = (
    "ICCPR Arts 15 and 19(3); HRC General Comment 34 para 25; ECtHR Sunday Times v UK (1979) para 49, "
    "Kokkinakis v Greece (1993), Cantoni v France (1996): terms clarified by the courts are foreseeable."
)
RULES = (
    Rule(
        "vague-terms",
        "Does the offence rest on a term courts or UN bodies found too vague, or on one that neither the law nor a "
        "court defines?",
        ("non_compliant",),
        AUTHORITY + " Lexicon entries each name their own authority (policies/parameters.yaml).",
    ),
    Rule(
        "definition-unchecked",
        "Is a term recorded as undefined without saying whether the law elsewhere or a court gives it a meaning?",
        ("insufficient_information",),
        AUTHORITY,
    ),
    Rule(
        "terms-unrecorded",
        "Are the offence's operative terms recorded at all?",
        ("insufficient_information",),
        AUTHORITY,
    ),
    Rule(
        "precise-terms",
        "Are all the offence's recorded terms defined by the law, construed by a court or the Convention's own wording?",
        ("compliant",),
        AUTHORITY,
    ),
)


def check(law: NationalLaw, ctx: EvaluationContext) -> Iterator[FindingDraft]:
    classes = law.penalty_classes()
    value = ctx.parameters.serious_crime_threshold.value
    assert isinstance(value, Duration)
    threshold = value.months()
    for u in units(law):
        rule = category_of(u, ctx.catalogue)
        terms = analyse_terms(u, rule, ctx.catalogue)
        is_speech = speech(rule)
        vague = terms.vague
        unchecked = terms.unchecked
        recorded = u.terms
        evidence: list[tuple[str, object]] = [
            (f"{u.path}.terms", quoted(recorded) or "(none)" if isinstance(recorded, tuple) else recorded),
            ("lexicon matches", lexicon_text(terms.lexicon) if terms.lexicon else "(none)"),
        ]
        if vague or terms.lexicon:
            parts = []
            if vague:
                parts.append(vague_words(vague))
            if terms.lexicon:
                parts.append(lexicon_text(terms.lexicon))
            yield finding_for(
                "vague-terms",
                "rights_risk",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=("general.human_rights",),
                principles=("legality",),
                evidence=evidence,
            )(
                "non_compliant",
                _stake(u, is_speech, classes, threshold),
                f"{u.citation} rests on vague terms ({'; '.join(parts)}), so people cannot foresee what conduct is punishable.",
                recommendation="Define the terms precisely in the law, or confine the offence to conduct a court has clearly delimited.",
                data_confidence=lowest_confidence(u.confidence, lexicon_confidence(terms.lexicon)),
            )
            continue
        if unchecked:
            yield finding_for(
                "definition-unchecked",
                "rights_risk",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=("general.human_rights",),
                principles=("legality",),
                evidence=evidence,
            )(
                "insufficient_information",
                "low",
                f"{u.citation} uses {quoted(tuple(unchecked))}, recorded as undefined in its text; whether the law "
                "defines these terms elsewhere or a court has construed them is not recorded, so the offence's precision "
                "cannot be judged.",
                recommendation="Record where the law defines the term or which judgment construed it (or that none does).",
            )
            continue
        if terms.recorded == "unspecified":
            yield finding_for(
                "terms-unrecorded",
                "rights_risk",
                provision_id=u.id,
                limb=u.limb_id,
                concepts=("general.human_rights",),
                principles=("legality",),
                evidence=evidence,
            )(
                "insufficient_information",
                "low",
                f"The data does not record the operative terms of {u.citation}, so whether it is precise cannot be judged.",
                recommendation="Record the terms the offence rests on, and where each is defined or construed.",
            )
            continue
        settled = "; ".join(_settled(t) for t in terms.settled)
        yield finding_for(
            "precise-terms",
            "rights_risk",
            provision_id=u.id,
            limb=u.limb_id,
            concepts=("general.human_rights",),
            principles=("legality",),
            evidence=evidence,
        )(
            "compliant",
            "info",
            f"{u.citation} rests on no term found too vague"
            + (f": {settled}." if settled else ", and its recorded terms need no definition."),
        )


def _settled(term: Term) -> str:
    how = []
    if term.defined_in not in ("none", "unspecified"):
        how.append(f"defined in {term.defined_in}")
    if term.clarified_by not in ("none", "unspecified"):
        how.append(f"construed in {term.clarified_by}")
    if term.convention_wording:
        how.append("the Convention's own wording")
    return f"'{term.text.strip(chr(34) + chr(39))}' ({', '.join(how)})"


def _stake(u: OffenceUnit, is_speech: bool, classes: dict[str, PenaltyClass], threshold: Fraction) -> Severity:
    """Medium, one step more for a speech offence, for a maximum of four years or more, and for documented abuse."""
    steps = 1 if is_speech else 0
    highest, _ = highest_maximum(u, classes)
    if highest is not None and highest.months is not None and highest.months >= threshold:
        steps += 1
    if u.group_list:
        steps += 1
    return raise_severity("medium", steps)


CHECKER = Checker(
    id="legality",
    title="Legality: vague or undefined terms",
    version="2.0",
    concepts=("general.human_rights",),
    principles=("legality",),
    check=check,
    description="Flags offences resting on terms courts or UN bodies found too vague, or that no law or court defines.",
    authority=AUTHORITY,
    rules=RULES,
)
