"""Shared field types for the law model.

Why custom types: YAML and pydantic's lax mode both coerce silently (``on`` ->
True, ``"5"`` -> 5, epoch numbers -> dates). Legal data must not change on the
way in, so every scalar here is strict, dates are ISO strings only, and every
enumerated fact admits an explicit ``unspecified`` instead of a default that
could later read as compliant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    PlainSerializer,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

Unspecified = Literal["unspecified"]
UNSPECIFIED: Unspecified = "unspecified"


class Model(BaseModel):
    """Base of every data model: immutable, closed to unknown fields, finite numbers."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        allow_inf_nan=False,
        validate_default=False,
        hide_input_in_errors=True,
        defer_build=True,
        # Field docstrings become descriptions in the published JSON Schemas and the reference docs.
        use_attribute_docstrings=True,
    )


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be blank (only spaces or line breaks)")
    return value


Text = Annotated[StrictStr, StringConstraints(min_length=1, max_length=4000), AfterValidator(_not_blank)]
ShortText = Annotated[StrictStr, StringConstraints(min_length=1, max_length=400), AfterValidator(_not_blank)]
Excerpt = Annotated[StrictStr, StringConstraints(min_length=1, max_length=300), AfterValidator(_not_blank)]
"""A short quotation of the legal text; paraphrase everything longer."""
Identifier = Annotated[
    StrictStr,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,99}$"),
]
Url = Annotated[StrictStr, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2000)]

Confidence = Literal["primary", "secondary", "weak", "unconfirmed"]
"""How sure the data is, as the national-laws reference grades it.

primary: the text itself (statute, gazette, official or unofficial translation);
secondary: a reputable secondary source; weak: a single weak source;
unconfirmed: memory, inference, or conflicting sources.
"""

CONFIDENCE_RANK: dict[str, int] = {"primary": 3, "secondary": 2, "weak": 1, "unconfirmed": 0}


def lowest_confidence(*levels: str) -> Confidence:
    """The weakest of several confidence levels (``unconfirmed`` if none given)."""
    if not levels:
        return "unconfirmed"
    worst = min(levels, key=lambda c: CONFIDENCE_RANK[c])
    return worst  # type: ignore[return-value]


# --- tri-state facts -------------------------------------------------------


def _tri_state(value: Any) -> Any:
    if isinstance(value, bool) or value == UNSPECIFIED:
        return value
    raise PydanticCustomError("tri_state", "expected true, false or 'unspecified' (got {got})", {"got": _show(value)})


TriState = Annotated[
    StrictBool | Unspecified,
    BeforeValidator(_tri_state),
    WithJsonSchema({"oneOf": [{"type": "boolean"}, {"const": "unspecified"}]}),
]
"""true / false / ``unspecified`` - never a bare default."""


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- dates -----------------------------------------------------------------

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _parse_date(value: Any, *, allow_unspecified: bool) -> Any:
    if allow_unspecified and value == UNSPECIFIED:
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise PydanticCustomError(
                "date_invalid", "invalid date {got}: {why}", {"got": value, "why": str(exc)}
            ) from None
    expected = "an ISO date YYYY-MM-DD" + (" or 'unspecified'" if allow_unspecified else "")
    raise PydanticCustomError(
        "date_format", "expected {expected} (got {got})", {"expected": expected, "got": _show(value)}
    )


def _date_out(value: date | str) -> str:
    return value.isoformat() if isinstance(value, date) else value


ISODate = Annotated[
    date,
    BeforeValidator(lambda v: _parse_date(v, allow_unspecified=False)),
    PlainSerializer(_date_out, return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
DateOrUnspecified = Annotated[
    date | Unspecified,
    BeforeValidator(lambda v: _parse_date(v, allow_unspecified=True)),
    PlainSerializer(_date_out, return_type=str),
    WithJsonSchema({"oneOf": [{"type": "string", "format": "date"}, {"const": "unspecified"}]}),
]


# --- durations (penalties, time limits, retention periods) -----------------

_UNITS = {
    "year": Fraction(12),
    "month": Fraction(1),
    "week": Fraction(7, 30),
    "day": Fraction(1, 30),
    "hour": Fraction(1, 720),
}
_DURATION = re.compile(r"^([0-9]{1,6}(?:\.[0-9]{1,2})?) (year|month|week|day|hour)s?$")
_LOOSE_DURATION = re.compile(r"^[0-9]+(?:\.[0-9]+)? (?:year|month|week|day|hour)s?$")


@dataclass(frozen=True, order=True)
class Duration:
    """A length of time as the law states it (``5 years``, ``180 days``).

    Kept in the unit the law uses, so data round-trips unchanged; compare with
    :meth:`months` (days count as 1/30 month, enough for threshold tests).
    """

    amount: Fraction
    unit: str

    def months(self) -> Fraction:
        return self.amount * _UNITS[self.unit]

    def __str__(self) -> str:
        amount = self.amount
        number = str(amount.numerator) if amount.denominator == 1 else _decimal(amount)
        plural = "" if amount == 1 else "s"
        return f"{number} {self.unit}{plural}"

    @classmethod
    def parse(cls, text: str) -> Duration:
        match = _DURATION.match(text)
        if not match:
            raise ValueError(text)
        return cls(Fraction(match.group(1)), match.group(2))


def _decimal(value: Fraction) -> str:
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


_DURATION_WORDS = ("unspecified", "none", "life")


def _duration_in(value: Any, words: tuple[str, ...]) -> Any:
    if isinstance(value, Duration):
        return value
    if isinstance(value, str):
        if value in words:
            return value
        try:
            return Duration.parse(value)
        except ValueError:
            pass
        if _LOOSE_DURATION.match(value):
            raise PydanticCustomError(
                "duration_range",
                "the number in a length has at most 6 digits, and at most 2 after the point (got {got})",
                {"got": _show(value)},
            )
    allowed = "a length such as '5 years', '3 months', '90 days'"
    if words:
        allowed += " or one of " + ", ".join(repr(w) for w in words)
    raise PydanticCustomError("duration", "expected {allowed} (got {got})", {"allowed": allowed, "got": _show(value)})


def _duration_out(value: Duration | str) -> str:
    return str(value)


def _duration_schema(words: tuple[str, ...]) -> dict[str, Any]:
    options: list[dict[str, Any]] = [
        {"type": "string", "pattern": r"^[0-9]{1,6}(\.[0-9]{1,2})? (year|month|week|day|hour)s?$"}
    ]
    options += [{"const": w} for w in words]
    return {"oneOf": options}


MaxTerm = Annotated[
    Duration | Literal["unspecified", "none", "life"],
    BeforeValidator(lambda v: _duration_in(v, ("unspecified", "none", "life"))),
    PlainSerializer(_duration_out, return_type=str),
    WithJsonSchema(_duration_schema(("unspecified", "none", "life"))),
]
"""Maximum imprisonment: a length, ``life``, ``none`` (the law states no
maximum) or ``unspecified`` (our sources do not say)."""

Length = Annotated[
    Duration,
    BeforeValidator(lambda v: _duration_in(v, ())),
    PlainSerializer(_duration_out, return_type=str),
    WithJsonSchema(_duration_schema(())),
]
"""A length of time the law states, such as '1 year' (no words allowed)."""

Period = Annotated[
    Duration | Literal["unspecified", "none"],
    BeforeValidator(lambda v: _duration_in(v, ("unspecified", "none"))),
    PlainSerializer(_duration_out, return_type=str),
    WithJsonSchema(_duration_schema(("unspecified", "none"))),
]
"""A length of time, ``none`` (the law sets none) or ``unspecified``."""


# --- amounts ---------------------------------------------------------------


def _amount_in(value: Any) -> Any:
    if value in ("unspecified", "none"):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise PydanticCustomError(
        "amount",
        "expected a whole non-negative amount, 'none' or 'unspecified' (got {got})",
        {"got": _show(value)},
    )


Amount = Annotated[
    StrictInt | Literal["unspecified", "none"],
    BeforeValidator(_amount_in),
    WithJsonSchema({"oneOf": [{"type": "integer", "minimum": 0}, {"enum": ["unspecified", "none"]}]}),
]


# --- "list, or a word saying why there is no list" -------------------------


def _word_or_list(value: Any) -> str:
    return "word" if isinstance(value, str) else "list"


def word_or_list_discriminator() -> Discriminator:
    """Route strings to the word branch so errors name one branch, not both."""
    return Discriminator(_word_or_list)


ListTag = Tag("list")
WordTag = Tag("word")
