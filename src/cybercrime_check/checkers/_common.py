"""Facts several built-in checkers derive from a law, computed one way only.

Offences are judged by *unit* (one per limb, or the offence itself), categories by their entry in
``policies/offence-categories.yaml``, penalties with the general part's classes, and terms by what the law
and the courts say of them: a check never concludes from something the data does not assert.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from ..engine.catalogue import Catalogue, CategoryRule, VagueTerm
from ..engine.checker import FindingDraft, draft
from ..engine.verdict import Dimension, Severity, Status
from ..model.fields import Confidence, Duration, lowest_confidence
from ..model.general_part import PenaltyClass
from ..model.law import NationalLaw
from ..model.offence import OffenceUnit, Term
from ..model.penalty import Penalty
from ..model.procedural_power import ProceduralPower

LIFE = Fraction(10**6)
"""Months that stand for life imprisonment or death in threshold comparisons."""

SEVERITIES: tuple[Severity, ...] = ("info", "low", "medium", "high", "critical")

CATALOGUE_TO_DATA_CONFIDENCE: dict[str, Confidence] = {
    "confirmed": "primary",
    "partial": "secondary",
    "unconfirmed": "weak",
}
"""How sure a conclusion resting on a policy entry can be, given how well the entry's authority is established."""


def units(law: NationalLaw) -> Iterator[OffenceUnit]:
    """Every offence of the law as checkers judge it: one unit per limb, or the offence itself."""
    for o in law.offences:
        yield from o.units()


def category_of(unit: OffenceUnit, cat: Catalogue) -> CategoryRule:
    """The category's policy as it applies to this offence (narrowed by knowledge, purpose and precise terms
    where the policy says so)."""
    terms = unit.terms
    vague = isinstance(terms, tuple) and any(t.vague for t in terms)
    return cat.category(unit.category).for_unit(unit.mental_element, unit.ulterior_intent, vague_terms=vague)


def speech(rule: CategoryRule) -> bool:
    """Whether the category restricts expression in a way Art 19(3) must justify."""
    return rule.expression in ("per_se", "strict_test", "no_prison")


def raise_severity(base: Severity, steps: int) -> Severity:
    return SEVERITIES[min(len(SEVERITIES) - 1, SEVERITIES.index(base) + steps)]


# --- penalties -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Maximum:
    """The maximum deprivation of liberty of one penalty, and where the number comes from."""

    months: Fraction | None
    """Months (``LIFE`` for life or death), or None when not known."""
    label: str
    """As a reason says it: 'up to 5 years', 'up to 3 years (الحبس, Penal Code Art 18)'."""
    no_stated_maximum: bool = False
    """The law states no maximum (and no penalty class gives one)."""
    source: str | None = None
    """The general-part citation the maximum came from, if it came from there."""
    confidence: Confidence = "primary"
    """How well the general part's range is established (``primary`` when the number is the offence's own)."""


def penalty_maximum(penalty: Penalty, classes: dict[str, PenaltyClass]) -> Maximum:
    """The penalty's maximum deprivation of liberty, resolving penalty classes through the general part."""
    if penalty.death_penalty is True:
        return Maximum(LIFE, "the death penalty")
    imp = penalty.imprisonment
    if imp == "none":
        return Maximum(Fraction(0), "no imprisonment")
    if imp == "unspecified":
        return Maximum(None, "imprisonment unspecified")
    if imp.term is not None:
        return Maximum(imp.term.months(), f"a fixed term of {imp.term}")
    if imp.max == "life":
        return Maximum(LIFE, "life imprisonment")
    if isinstance(imp.max, Duration):
        return Maximum(imp.max.months(), f"up to {imp.max}")
    klass = classes.get(imp.penalty_class) if imp.penalty_class else None
    if klass is not None:
        where = f"{klass.name}, {klass.citation}"
        if klass.max == "life":
            return Maximum(LIFE, f"life imprisonment ({where})", source=klass.citation, confidence=klass.confidence)
        if isinstance(klass.max, Duration):
            return Maximum(
                klass.max.months(), f"up to {klass.max} ({where})", source=klass.citation, confidence=klass.confidence
            )
    if imp.penalty_class is not None and klass is None:
        return Maximum(None, f"penalty class {imp.penalty_class!r} (its general part is not loaded)")
    if imp.max == "none":
        floor = f"at least {imp.min} with no stated maximum" if isinstance(imp.min, Duration) else "no stated maximum"
        return Maximum(None, floor, no_stated_maximum=True)
    return Maximum(None, "maximum unspecified")


def penalty_max_months(penalty: Penalty, classes: dict[str, PenaltyClass]) -> Fraction | Literal["none"] | None:
    """Maximum deprivation of liberty in months; None if unknown, 'none' if the law states no maximum."""
    m = penalty_maximum(penalty, classes)
    if m.months is not None:
        return m.months
    return "none" if m.no_stated_maximum else None


def prison_possible(unit: OffenceUnit) -> bool | None:
    """Whether any penalty of the unit (basic or aggravated) includes imprisonment (None: not known)."""
    known = True
    for p in unit.penalties():
        if p.death_penalty is True:
            return True
        if p.imprisonment == "unspecified":
            known = False
        elif p.imprisonment != "none":
            return True
    return False if known else None


def minimum_floor(unit: OffenceUnit) -> Maximum | None:
    """The highest statutory minimum term among penalties whose maximum is unknown or not stated: the maximum is
    at least that (a mandatory 7 years makes a 'serious crime' whatever the maximum)."""
    best: Maximum | None = None
    for p in unit.penalties():
        imp = p.imprisonment
        if isinstance(imp, str) or imp.term is not None or not isinstance(imp.min, Duration):
            continue
        if imp.max not in ("none", "unspecified") and imp.penalty_class is None:
            continue
        months = imp.min.months()
        if best is None or (best.months is not None and months > best.months):
            best = Maximum(months, f"a minimum of {imp.min} (so at least that much)")
    return best


def highest_maximum(unit: OffenceUnit, classes: dict[str, PenaltyClass]) -> tuple[Maximum | None, bool]:
    """The highest known maximum over the basic and aggravated penalties (with the aggravation named), and
    whether some penalty's maximum is not known."""
    best: Maximum | None = None
    unknown = False
    for i, p in enumerate(unit.penalties()):
        m = penalty_maximum(p, classes)
        if m.months is None:
            unknown = True
            continue
        if best is None or best.months is None or m.months > best.months:
            label = m.label if i == 0 else f"{m.label} ({quote(unit.aggravated[i - 1].condition.rstrip('.'))})"
            best = Maximum(m.months, label, source=m.source, confidence=m.confidence)
    return best, unknown


# --- terms -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LexiconHit:
    """Words of the law that a lexicon entry covers."""

    words: str
    """The law's own words, as the data records them."""
    entry: VagueTerm


@dataclass(frozen=True)
class TermAnalysis:
    """What a unit's terms show about its precision."""

    recorded: Literal["list", "unspecified"]
    vague: tuple[Term, ...]
    """Recorded as defined nowhere in the law and construed by no court, or found vague despite that."""
    unchecked: tuple[Term, ...]
    """Recorded as undefined in the law; whether a court has construed them is not recorded."""
    settled: tuple[Term, ...]
    """Defined in the law, construed by a court, or the Convention's own wording."""
    lexicon: tuple[LexiconHit, ...]
    """Lexicon words in the unit's text that no recorded definition or judicial reading covers."""


def analyse_terms(unit: OffenceUnit, rule: CategoryRule, cat: Catalogue) -> TermAnalysis:
    """The unit's terms, sorted by whether their meaning is settled, and the lexicon words its text uses.

    The lexicon (terms courts or UN bodies found too vague) is applied to offences that restrict expression
    (threats and harassment included) only; narrowing elements of the offence are not read for vague words, and a lexicon word inside a term the
    law defines or a court construed is not vague.
    """
    terms = unit.terms
    recorded: Literal["list", "unspecified"] = "list" if isinstance(terms, tuple) else "unspecified"
    listed = terms if isinstance(terms, tuple) else ()
    vague = tuple(t for t in listed if t.vague)
    unchecked = tuple(t for t in listed if t.undefined and not t.vague)
    settled = tuple(t for t in listed if not t.undefined and not t.vague)
    hits: list[LexiconHit] = []
    if speech(rule) or rule.expression == "legitimate_aim":
        undefined_texts = " ".join(t.text for t in listed if t.undefined and not t.found_vague_by)
        # Words inside a term with a recorded meaning, or already found vague by a named authority, are not
        # matched again: the finding cites that term's own source, not a lexicon entry about another law.
        settled_text = " ".join(t.text for t in (*settled, *(t for t in vague if t.found_vague_by))).casefold()
        text = " ".join(filter(None, (unit.paraphrase, unit.excerpt, undefined_texts)))
        folded = text.casefold()
        for entry, variants, rx in cat.vague_term_patterns():
            if entry.applies_to and unit.category not in entry.applies_to:
                continue
            if not any(v in folded for v in variants):
                continue
            found = [m.group(0) for m in rx.finditer(text) if m.group(0).casefold() not in settled_text]
            if found:
                hits.append(LexiconHit(" / ".join(dict.fromkeys(found)), entry))
    return TermAnalysis(recorded, vague, unchecked, settled, tuple(hits))


def vague_words(terms: tuple[Term, ...]) -> str:
    """Vague terms as a reason explains them: "'a', 'b', which neither the law nor a court defines; 'c' (found
    vague by the Venice Commission despite its definition)"."""
    plain = tuple(t for t in terms if t.found_vague_by is None)
    parts = [f"{quoted(plain)}, which neither the law nor a court defines"] if plain else []
    parts += [f"{quoted((t,))} (found too vague by {t.found_vague_by})" for t in terms if t.found_vague_by]
    return "; ".join(parts)


def quoted(terms: tuple[Term, ...]) -> str:
    """Terms as a reason quotes them: the law's words, each in quotation marks, comma-separated."""
    return listing(tuple(t.text if t.text[:1] in "'\"“‘«" else f"'{t.text}'" for t in terms))


def lexicon_text(hits: tuple[LexiconHit, ...]) -> str:
    """ "'false information' (in the vague-terms lexicon under 'false news': Joint Declaration 2017 ...)", per hit.

    The law's own words come first and the entry they fall under second, so that words matching one of an
    entry's variants ('annoyance' under 'grossly offensive') do not read as relabelled.
    """
    return listing(tuple(f"'{h.words}' ({_under(h)}: {h.entry.authority})" for h in hits))


def _under(hit: LexiconHit) -> str:
    if hit.words.casefold() == hit.entry.term.casefold():
        return "in the vague-terms lexicon"
    return f"in the vague-terms lexicon under '{hit.entry.term}'"


def lexicon_confidence(hits: tuple[LexiconHit, ...]) -> Confidence:
    return lowest_confidence(*(CATALOGUE_TO_DATA_CONFIDENCE[h.entry.confidence] for h in hits)) if hits else "primary"


# --- text ------------------------------------------------------------------------------------------

QUOTE_LIMIT = 300
"""Characters of law data (a grounds text, a condition) quoted in one reason."""
LIST_LIMIT = 1500
"""Characters of a list of terms quoted in one reason or evidence value."""


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text``, shortened with a trailing ellipsis if longer than ``limit``.

    Reasons and evidence are limited to 4,000 characters; data fields may be
    as long, so a reason that quotes them whole could not be built at all.
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def listing(items: tuple[str, ...], limit: int = LIST_LIMIT) -> str:
    """``items`` joined with commas, shortened like :func:`quote`."""
    return quote(", ".join(items), limit)


# --- findings --------------------------------------------------------------------------------------


def finding_for(
    rule: str,
    dimension: Dimension,
    *,
    provision_id: str | None,
    concepts: tuple[str, ...],
    principles: tuple[str, ...],
    evidence: list[tuple[str, Any]],
    limb: str | None = None,
) -> Callable[..., FindingDraft]:
    """:func:`draft` with what every outcome of one question about one provision shares.

    The result takes the status, severity and reason (and, as keywords, a recommendation or
    the data confidence), so a checker states only what differs between its outcomes.
    """

    def finding(status: Status, severity: Severity, reason: str, **extra: Any) -> FindingDraft:
        return draft(
            rule,
            status,
            severity,
            dimension,
            provision_id=provision_id,
            limb=limb,
            concepts=concepts,
            principles=principles,
            evidence=evidence,
            reason=reason,
            **extra,
        )

    return finding


def powers_gate(
    law: NationalLaw, concepts: tuple[str, ...], principle: str, recommendation: str | None = None
) -> FindingDraft | None:
    """The finding for a law whose powers are unknown or none are modelled; None when there are powers to check.

    Shared by every checker that judges procedural powers one by one, so that "unspecified", "none modelled"
    and "none granted" are reported the same way everywhere; only a complete model of the instrument's powers
    supports saying that it grants none.
    """
    if law.procedural_powers == "unspecified":
        return draft(
            "powers-unknown",
            "insufficient_information",
            "medium",
            "rights_risk",
            concepts=concepts,
            principles=(principle,),
            reason="The data does not record which procedural powers this instrument grants.",
            recommendation=recommendation,
        )
    if law.powers:
        return None
    ended = [e for e in law.ended_provisions() if isinstance(e.provision, ProceduralPower)]
    if law.powers_coverage == "complete":
        reason = "This instrument grants no procedural powers in force"
        reason += (
            f" (the modelled ones are not in force: {listing(tuple(e.provision.cited for e in ended))})."
            if ended
            else "."
        )
        return draft(
            "no-powers",
            "not_applicable",
            "info",
            "rights_risk",
            concepts=concepts,
            principles=(principle,),
            reason=reason,
        )
    return draft(
        "powers-not-modelled",
        "insufficient_information",
        "low",
        "rights_risk",
        concepts=concepts,
        principles=(principle,),
        reason=(
            "No procedural power in force is modelled for this instrument, but its powers are not modelled "
            "completely, so whether it grants any cannot be concluded."
        ),
        recommendation=recommendation,
    )
