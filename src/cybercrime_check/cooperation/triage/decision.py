"""What triage returns: grounds, their effects in strictness order, and the decision they add up to."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Literal, cast, get_args

from pydantic import Field, PrivateAttr

from ..._version import __version__
from ...engine.verdict import ArticleCitation
from ...model.fields import Confidence, ISODate, Model, ShortText, Text, Url
from ...model.wording import words_and
from ..request import (
    Measure,
)

Outcome = Literal["assist", "assist_with_conditions", "need_information", "may_refuse", "must_refuse"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
STRICTNESS: dict[str, int] = {o: i for i, o in enumerate(OUTCOMES)}
"""Rank of each outcome in the strictness order (0 = assist)."""

GroundKind = Literal[
    "legal_basis",
    "scope",
    "offence_in_force",
    "dual_criminality",
    "political_offence",
    "persecution",
    "protected_expression",
    "protected_person",
    "death_penalty",
    "measure_limits",
    "personal_data",
]
GROUND_KINDS: tuple[GroundKind, ...] = get_args(GroundKind)

SCHEMA_ID = "cybercrime-check/decision/1"
DISCLAIMER = (
    "Analysis support, not legal advice: the decision rests on the modelled laws and the facts stated in the "
    "request; the requested state's competent authorities decide."
)


class NationalCitation(Model):
    """A provision of a national law (requesting or requested state)."""

    state: ShortText
    law_id: ShortText | None = None
    provision_id: ShortText | None = None
    citation: ShortText
    source_url: Url | None = None
    confidence: Confidence


class Ground(Model):
    """One ground of the decision: its effect, why, and what it rests on."""

    ground: GroundKind
    effect: Outcome
    measures: tuple[Measure, ...] = ()
    """The measures this ground concerns; empty when it concerns the whole request."""
    reason: Text
    convention: tuple[ArticleCitation, ...] = Field(min_length=1)
    requested_state_law: tuple[NationalCitation, ...] = ()
    principles: tuple[ShortText, ...] = ()
    missing: tuple[ShortText, ...] = ()
    conditions: tuple[Text, ...] = ()
    confidence: Confidence


class MeasureOutcome(Model):
    measure: Measure
    outcome: Outcome


class Decision(Model):
    """The triage of one request."""

    schema_: Literal["cybercrime-check/decision/1"] = Field("cybercrime-check/decision/1", alias="schema")
    disclaimer: Text = DISCLAIMER
    request: ShortText
    requesting_state: ShortText
    requested_state: ShortText
    as_of: ISODate
    convention: ShortText
    outcome: Outcome
    measures: tuple[MeasureOutcome, ...]
    offence: NationalCitation
    grounds: tuple[Ground, ...]
    missing: tuple[ShortText, ...] = ()
    conditions: tuple[Text, ...] = ()
    library_version: ShortText = __version__

    model_config = Model.model_config | {"populate_by_name": True}

    _json: str | None = PrivateAttr(default=None)
    """Set by :class:`Triager`: the same JSON, assembled from each ground's JSON rendered once."""

    def to_json(self) -> str:
        """One line of deterministic JSON (no trailing newline), equal to ``model_dump_json(by_alias=True)``."""
        return self._json if self._json is not None else self.model_dump_json(by_alias=True)


Rendered = tuple[tuple[Ground, str], ...]
"""Grounds with their JSON, as the Triager caches them."""


def strictest(outcomes: Iterable[str]) -> Outcome:
    """The strictest outcome (``assist`` when there is none)."""
    return cast(Outcome, max(outcomes, key=STRICTNESS.__getitem__, default="assist"))


# --- putting it together -----------------------------------------------------------------------


def decide(
    grounds: Sequence[Ground], measures: tuple[Measure, ...]
) -> tuple[Outcome, tuple[MeasureOutcome, ...], tuple[str, ...]]:
    """Combine grounds into the outcome, the outcome per measure, and any condition that partial execution adds.

    The outcome is the strictest effect, except that a ground which rules out one measure while
    others remain possible limits the request (``assist_with_conditions``) instead of refusing it.
    """
    outcome, pairs, extra = _decide(grounds, measures)
    return outcome, tuple(MeasureOutcome.model_construct(measure=m, outcome=o) for m, o in pairs), extra


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _decide(
    grounds: Sequence[Ground], measures: tuple[Measure, ...]
) -> tuple[Outcome, tuple[tuple[Measure, Outcome], ...], tuple[str, ...]]:
    """:func:`decide` with plain pairs for the per-measure outcomes (the JSON Lines path builds no models)."""
    whole = [g.effect for g in grounds if not g.measures]
    pairs = tuple((m, strictest([*whole, *(g.effect for g in grounds if m in g.measures)])) for m in measures)
    blocked = [m for m, _ in pairs if any(g.effect == "must_refuse" and m in g.measures for g in grounds)]
    partial = bool(blocked) and len(blocked) < len(measures)
    effects = [g.effect for g in grounds if not (partial and g.measures and g.effect == "must_refuse")]
    extra: tuple[str, ...] = ()
    if partial:
        effects.append("assist_with_conditions")
        extra = (f"Only part of the request can be carried out: not {words_and(blocked)}.",)
    return strictest(effects), pairs, extra


TEXT_LIMIT = 4000
SHORT_LIMIT = 400
"""The lengths of ``Text`` and ``ShortText`` in :mod:`._types`."""
