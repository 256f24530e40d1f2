"""Penalties as the law sets them: imprisonment (a range, a fixed term, or a class of the general part), fines,
the death penalty, and aggravated variants.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .fields import (
    Amount,
    Duration,
    Identifier,
    Length,
    ListTag,
    MaxTerm,
    Model,
    Period,
    ShortText,
    Text,
    TriState,
    WordTag,
    word_or_list_discriminator,
)

Combination = Literal[
    "imprisonment_and_fine",
    "imprisonment_or_fine",
    "imprisonment_and_or_fine",
    "imprisonment_only",
    "fine_only",
    "unspecified",
]


class Imprisonment(Model):
    """The term of imprisonment the law sets."""

    min: Period = "unspecified"
    """Minimum term, as a duration such as '6 months' (units: year, month, week, day, hour); ``none`` if the law
    sets no minimum, ``unspecified`` if our sources do not say."""
    max: MaxTerm = "unspecified"
    """Maximum term, as a duration such as '5 years', or ``life``; ``none`` if the law states no maximum,
    ``unspecified`` if our sources do not say. With ``penalty_class``, leave it ``unspecified`` unless the
    special law sets its own maximum; the class's maximum then applies."""
    term: Length | None = None
    """A fixed term the law sets (no range), e.g. '1 year'; distinct from a maximum. Excludes ``min`` and ``max``."""
    penalty_class: Identifier | None = None
    """A penalty class of the jurisdiction's general part (the law says only "imprisonment", "habs" or
    "sijn"), e.g. 'habs': its statutory range, from the law's ``general_part``, applies where ``min`` or
    ``max`` is not given. The threshold check says where the number came from."""

    @model_validator(mode="after")
    def _consistent(self) -> Imprisonment:
        if self.term is not None and (self.min != "unspecified" or self.max != "unspecified"):
            raise ValueError("a fixed 'term' excludes 'min' and 'max'")
        if self.term is not None and self.penalty_class is not None:
            raise ValueError("a fixed 'term' excludes 'penalty_class'")
        if isinstance(self.min, Duration) and isinstance(self.max, Duration) and self.min.months() > self.max.months():
            raise ValueError(f"the minimum ({self.min}) is above the maximum ({self.max})")
        return self


class Fine(Model):
    """The fine the law sets."""

    min: Amount = "unspecified"
    """Minimum fine, as a whole number (in ``currency``, or in the units the note names, such as day-fine units);
    ``none`` if the law sets no minimum, ``unspecified`` if our sources do not say."""
    max: Amount = "unspecified"
    """Maximum fine, as a whole number (in ``currency``, or in the units the note names); ``none`` if the law sets
    no maximum, ``unspecified`` if our sources do not say."""
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    """Three-letter ISO 4217 code of the currency of the amounts, e.g. 'EUR' or 'SAR'."""
    note: ShortText | None = None
    """Remarks on the fine, e.g. that amounts are day-fine units or a fine category rather than money."""


class Penalty(Model):
    """A sanction as the law sets it; ``none`` where the law sets none."""

    imprisonment: Annotated[
        Annotated[Imprisonment, ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """The term of imprisonment (``min`` and ``max``); ``none`` if the law provides no imprisonment,
    ``unspecified`` if our sources do not say."""
    fine: Annotated[
        Annotated[Fine, ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """The fine (``min``, ``max``, ``currency``); ``none`` if the law provides no fine, ``unspecified`` if our
    sources do not say."""
    combination: Combination = "unspecified"
    """How imprisonment and fine combine: ``imprisonment_and_fine`` (both), ``imprisonment_or_fine`` (one or the
    other), ``imprisonment_and_or_fine`` (either or both), ``imprisonment_only``, ``fine_only``, or ``unspecified``."""
    death_penalty: TriState = "unspecified"
    """Whether the death penalty can be imposed: ``true``, ``false`` or ``unspecified``. If ``true``, the offence
    meets any 'serious crime' threshold."""
    note: Text | None = None
    """Other sanctions or remarks on the penalty, e.g. confiscation or a penalty set by another law."""


class AggravatedPenalty(Model):
    """A different penalty that applies in a stated aggravating circumstance."""

    condition: Text
    """The circumstance in which this penalty applies, e.g. 'the offence targets a government system'."""
    penalty: Penalty
    """The penalty that applies in that circumstance."""
    citation: ShortText | None = None
    """Where the aggravation is found, if not in the offence's own provision."""
