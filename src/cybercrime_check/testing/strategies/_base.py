"""What every strategy shares: argument handling, scalars, dates and the fields of a provision."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any, get_args

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ...engine.catalogue import catalogue
from ...model.fields import Confidence, Duration
from ...model.history import COURT_EVENTS, ProvisionEvent
from ...model.offence import (
    CONTENT_OUTSIDE_CONVENTION,
)
from ...model.provision import Claim, Conflict

SOURCE_ID = "src-1"
"""The id of the first source of every generated law; generated provisions cite it."""

CONTENT_CATEGORIES: tuple[str, ...] = tuple(sorted(CONTENT_OUTSIDE_CONVENTION))
"""Offence categories that criminalise content the Convention does not contain."""
WITHOUT_JUDGE: tuple[str, ...] = ("prosecutor", "executive_or_police", "none")
"""Authorisations by neither a judge nor an independent body (``unspecified`` excluded)."""
INDEPENDENT: tuple[str, ...] = ("prior_judicial", "independent_body")
"""Authorisation by a judge or an independent body."""
SURVEILLANCE_KINDS: tuple[str, ...] = ("content_interception", "realtime_traffic_collection", "remote_hacking")
"""Power kinds that secretly obtain the content or traffic of communications."""

_TRI: tuple[Any, ...] = ("unspecified", True, False)
# Choices are listed simplest first, and "unspecified" (every field's default) is the simplest:
# hypothesis shrinks towards the first choice, so a shrunk law omits what does not matter.


# --- argument handling ------------------------------------------------------


def _choices(literal: Any) -> tuple[Any, ...]:
    values = get_args(literal)
    return tuple(sorted(values, key=lambda v: v != "unspecified"))


def _pick(name: str, value: Any, allowed: Sequence[Any]) -> st.SearchStrategy[Any]:
    """One fact: ``None`` (any allowed value), one value, several values, or a strategy."""
    if value is None:
        return st.sampled_from(tuple(allowed))
    if isinstance(value, st.SearchStrategy):
        return value
    values = (value,) if isinstance(value, str | bool | int) else tuple(value)
    if not values:
        raise InvalidArgument(f"{name}: give at least one value")
    unknown = [v for v in values if not any(v == a and type(v) is type(a) for a in allowed)]
    if unknown:
        raise InvalidArgument(f"{name}: {unknown!r} not among {list(allowed)!r}")
    return st.sampled_from(values)


def _size(name: str, low: int, high: int) -> None:
    if low < 0 or high < low:
        raise InvalidArgument(f"{name}: need 0 <= min <= max, got min={low}, max={high}")


# --- scalars ----------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@cache
def identifiers() -> st.SearchStrategy[str]:
    """Law and provision ids (``Identifier``), short enough to stay readable in YAML."""
    return st.text(_LETTERS + "0123456789", min_size=1, max_size=8)


@cache
def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-blank text in any script; for ``max_size`` over 60, sometimes a text near ``max_size``."""
    if max_size < 1:
        raise InvalidArgument(f"max_size: need at least 1, got {max_size}")
    alphabet = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    # The model refuses blank text, so the first character is never whitespace.
    first = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
    short = (
        st.tuples(first, st.text(alphabet=alphabet, max_size=min(max_size, 60) - 1))
        .map("".join)
        .filter(lambda s: bool(s.strip()))
    )
    if max_size <= 60:
        return short
    # One repeated printable character keeps long texts cheap to generate and to shrink.
    long = st.tuples(st.characters(min_codepoint=0x21, max_codepoint=0x7E), st.integers(max_size - 20, max_size)).map(
        lambda cn: cn[0] * cn[1]
    )
    return st.one_of(short, long)


@cache
def _lexicon() -> tuple[str, ...]:
    return tuple(v for t in catalogue().parameters.vague_terms for v in t.variants)


@cache
def _prose(max_size: int = 60) -> st.SearchStrategy[str]:
    """Texts that sometimes use a term of the vagueness lexicon, so the legality checks can fire."""
    vague = st.deferred(lambda: st.sampled_from(_lexicon())).map(lambda term: f"Publishing {term} online.")
    return st.one_of(texts(max_size), texts(max_size), vague)


_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 365, "hour": 8760}


@cache
def durations(
    max_years: int = 30, units: tuple[str, ...] = ("year", "month", "week", "day", "hour")
) -> st.SearchStrategy[Duration]:
    """Lengths of time in the units laws use (``3 months``, ``48 hours``), at most ``max_years``."""
    if max_years < 1:
        raise InvalidArgument(f"max_years: need at least 1, got {max_years}")
    bad = [u for u in units if u not in _PER_YEAR]
    if bad or not units:
        raise InvalidArgument(f"units: {bad or units!r} not among {sorted(_PER_YEAR)}")
    return st.one_of(*(_lengths(unit, max_years * _PER_YEAR[unit]) for unit in units))


def _lengths(unit: str, most: int) -> st.SearchStrategy[Duration]:
    return st.integers(1, most).map(lambda n: Duration(Fraction(n), unit))


_DATE = st.dates(date(1950, 1, 1), date(2035, 12, 31))
_DATE_OR_UNSPECIFIED = st.one_of(st.just("unspecified"), _DATE)
_PERIOD = st.one_of(st.sampled_from(("unspecified", "none")), durations())
_CONFIDENCE = st.sampled_from(_choices(Confidence))
_TRI_STATE = st.sampled_from(_TRI)
_OPTIONAL_TEXT = st.one_of(st.none(), texts())


# --- provisions: shared fields ---------------------------------------------


@st.composite
def _history(draw: st.DrawFn) -> tuple[ProvisionEvent, ...]:
    """A dated history that always validates: it starts in force, and later events follow its start."""
    start = draw(_DATE)
    events = [
        ProvisionEvent(kind="in_force", date=start, authority=draw(texts()), confidence=draw(_CONFIDENCE)),
    ]
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(
            st.sampled_from(
                ("condemned", "upheld", "suspended", "reinstated", "read_down", "struck_down", "repealed", "amended")
            )
        )
        when = draw(st.one_of(st.just("unspecified"), st.dates(start, date(2035, 12, 31))))
        if when == "unspecified" and kind in ("read_down", "upheld", "condemned", "reinstated"):
            when = start
        events.append(
            ProvisionEvent(
                kind=kind,
                date=when,
                authority=draw(texts()),
                decision=draw(texts()) if kind in COURT_EVENTS else None,
                confidence=draw(_CONFIDENCE),
                narrowed_to=draw(texts()) if kind == "read_down" else None,
                adds_elements=(draw(_prose()),) if kind == "read_down" and draw(st.booleans()) else (),
                ulterior_intent=draw(_prose()) if kind == "read_down" and draw(st.booleans()) else None,
                principles=("freedom_of_expression",) if kind == "condemned" else (),
            )
        )
    return tuple(events)


_HISTORY = _history()
_RARE = st.integers(0, 511)
"""Three rare optional parts in one draw: each is present when its 3-bit group is all ones."""


def _provision_fields(draw: st.DrawFn, paraphrase: st.SearchStrategy[str]) -> dict[str, Any]:
    """Fields common to every provision; sources always resolve to :data:`SOURCE_ID`."""
    fields: dict[str, Any] = {
        "id": draw(identifiers()),
        "citation": draw(texts(400)),
        "paraphrase": draw(paraphrase),
        "sources": (SOURCE_ID,),
        "confidence": draw(_CONFIDENCE),
    }
    rare = draw(_RARE)
    if rare & 0o007 == 0o007:
        fields["title"] = draw(texts())
    if rare & 0o070 == 0o070:
        fields["history"] = draw(_HISTORY)
    if rare & 0o700 == 0o700:
        claims = (Claim(value=draw(texts()), source=SOURCE_ID), Claim(value=draw(texts()), source=SOURCE_ID))
        fields["conflicts"] = (Conflict(field=draw(texts()), claims=claims),)
    return fields
