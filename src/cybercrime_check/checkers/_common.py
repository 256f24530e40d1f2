"""Facts several built-in checkers derive from a law, computed one way only."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any, Literal

from ..engine.catalogue import Catalogue
from ..engine.checker import FindingDraft, draft
from ..engine.verdict import Dimension, Severity, Status
from ..model.fields import Duration
from ..model.law import NationalLaw
from ..model.offence import CONTENT_OUTSIDE_CONVENTION, CONVENTION_CATEGORIES, CYBER_DEPENDENT, Offence, Penalty

Classification = Literal["cyber_dependent", "cyber_enabled", "content_in_convention", "content_outside", "unknown"]

CYBER_ENABLED = frozenset({"forgery", "fraud", "grooming", "laundering"})
CONVENTION_CONTENT = frozenset({"csam", "ncii"})

CATEGORY_CONCEPT: dict[str, str] = {
    "illegal_access": "criminalisation.illegal_access",
    "illegal_interception": "criminalisation.illegal_interception",
    "data_interference": "criminalisation.data_interference",
    "system_interference": "criminalisation.system_interference",
    "misuse_of_devices": "criminalisation.misuse_of_devices",
    "forgery": "criminalisation.forgery",
    "fraud": "criminalisation.fraud",
    "csam": "criminalisation.csam",
    "grooming": "criminalisation.grooming",
    "ncii": "criminalisation.ncii",
    "laundering": "criminalisation.laundering",
}

LIFE = Fraction(10**6)
"""Months that stand for life imprisonment or death in threshold comparisons."""


def classify(offence: Offence) -> Classification:
    c = offence.category
    if c in CYBER_DEPENDENT:
        return "cyber_dependent"
    if c in CYBER_ENABLED:
        return "cyber_enabled"
    if c in CONVENTION_CONTENT:
        return "content_in_convention"
    if c in CONTENT_OUTSIDE_CONVENTION:
        return "content_outside"
    return "unknown"


assert CONVENTION_CATEGORIES == CYBER_DEPENDENT | CYBER_ENABLED | CONVENTION_CONTENT


def penalty_max_months(penalty: Penalty) -> Fraction | Literal["none"] | None:
    """Maximum deprivation of liberty in months; None if unknown, 'none' if no prison."""
    if penalty.death_penalty is True:
        return LIFE
    imp = penalty.imprisonment
    if imp == "none":
        return Fraction(0)
    if imp == "unspecified":
        return None
    if imp.max == "life":
        return LIFE
    if isinstance(imp.max, Duration):
        return imp.max.months()
    if imp.max == "none":
        return "none"
    return None


def prison_possible(offence: Offence) -> bool | None:
    """Whether any penalty of the offence (basic or aggravated) includes imprisonment."""
    known = True
    for p in offence.penalties():
        if p.death_penalty is True:
            return True
        if p.imprisonment == "unspecified":
            known = False
        elif p.imprisonment != "none":
            return True
    return False if known else None


def describe_max(penalty: Penalty) -> str:
    if penalty.death_penalty is True:
        return "death penalty"
    imp = penalty.imprisonment
    if isinstance(imp, str):
        return "no imprisonment" if imp == "none" else "imprisonment unspecified"
    if imp.max == "none":
        return (
            f"at least {imp.min} with no stated maximum"
            if imp.min not in ("none", "unspecified")
            else "no stated maximum"
        )
    return f"up to {imp.max}" if imp.max != "life" else "life imprisonment"


def vague_terms(offence: Offence, cat: Catalogue) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lexicon terms found in the offence's text, undefined terms recorded in the data).

    The lexicon is applied to content offences only: in an attack on systems,
    words such as "national security" describe the harm caused, not speech.
    Undefined terms recorded in the data always count.
    """
    if classify(offence) not in ("content_outside", "unknown"):
        return (), offence.undefined_terms
    text = " ".join(
        filter(None, (offence.paraphrase, offence.excerpt, *offence.undefined_terms, *offence.additional_elements))
    )
    folded = text.casefold()
    found = tuple(
        term
        for term, variants, rx in cat.vague_term_patterns()
        if any(v in folded for v in variants) and rx.search(text)
    )
    return found, offence.undefined_terms


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


def finding_for(
    rule: str,
    dimension: Dimension,
    *,
    provision_id: str,
    concepts: tuple[str, ...],
    principles: tuple[str, ...],
    evidence: list[tuple[str, Any]],
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
    """The finding for a law whose powers are unknown or absent; None when there are powers to check.

    Shared by every checker that judges procedural powers one by one, so that
    "unspecified" and "none" are reported the same way everywhere.
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
    if not law.powers:
        return draft(
            "no-powers",
            "not_applicable",
            "info",
            "rights_risk",
            concepts=concepts,
            principles=(principle,),
            reason="This instrument grants no procedural powers.",
        )
    return None
