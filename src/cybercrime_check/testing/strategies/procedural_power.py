"""Strategies for procedural powers."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ...model.procedural_power import (
    Authorisation,
    DataCategory,
    ExPostReview,
    Grounds,
    Notification,
    PowerKind,
    PowerScope,
    ProceduralPower,
    Reviewer,
)
from ._base import (
    _OPTIONAL_TEXT,
    _PERIOD,
    _TRI,
    _TRI_STATE,
    SURVEILLANCE_KINDS,
    _choices,
    _pick,
    _provision_fields,
    texts,
)

# --- procedural powers -------------------------------------------------------

# Half the powers are of the kinds the checkers treat specially (surveillance, compelled assistance).
_POWER_KIND = st.one_of(
    st.sampled_from((*SURVEILLANCE_KINDS, "compelled_assistance")), st.sampled_from(_choices(PowerKind))
)
_RENEWALS = st.one_of(st.sampled_from(("unspecified", "unlimited", "none")), st.integers(0, 12))
_DATA_CATEGORIES = st.one_of(
    st.just("unspecified"), st.lists(st.sampled_from(_choices(DataCategory)), max_size=3, unique=True).map(tuple)
)
_REVIEW = st.one_of(
    st.sampled_from(("unspecified", "none")),
    st.builds(
        ExPostReview,
        reviewer=st.sampled_from(_choices(Reviewer)),
        deadline_hours=st.one_of(st.sampled_from(("unspecified", "none")), st.integers(0, 720)),
        can_quash=st.sampled_from(_TRI),
        can_order_destruction=st.sampled_from(_TRI),
        report_only=st.booleans(),
    ),
)
_LONG_OPTIONAL_TEXT = st.one_of(st.none(), texts(4000))


@st.composite
def _power(draw: st.DrawFn, picks: dict[str, st.SearchStrategy[Any]]) -> ProceduralPower:
    fields = _provision_fields(draw, texts(4000))
    grounds = draw(picks["grounds"])
    return ProceduralPower(
        **fields,
        kind=draw(picks["kind"]),
        authorisation=draw(picks["authorisation"]),
        ex_post_review=draw(picks["ex_post_review"]),
        duration=draw(picks["duration"]),
        renewals=draw(_RENEWALS),
        notification=draw(picks["notification"]),
        remedy=draw(picks["remedy"]),
        remedy_without_notice=draw(_TRI_STATE),
        authoriser_independent=draw(_TRI_STATE),
        grounds=grounds,
        grounds_text=draw(_LONG_OPTIONAL_TEXT) if grounds == "vague" else None,
        proportionality_test=draw(picks["proportionality_test"]),
        applies_to=draw(picks["applies_to"]),
        minimum_penalty_threshold=draw(_PERIOD),
        public_reporting=draw(picks["public_reporting"]),
        self_incrimination_protection=draw(_TRI_STATE),
        data_categories=draw(_DATA_CATEGORIES),
        exercised_by=draw(_OPTIONAL_TEXT),
    )


def procedural_powers(
    *,
    kind: Any = None,
    authorisation: Any = None,
    ex_post_review: Any = None,
    duration: Any = None,
    notification: Any = None,
    remedy: Any = None,
    grounds: Any = None,
    proportionality_test: Any = None,
    applies_to: Any = None,
    public_reporting: Any = None,
) -> st.SearchStrategy[ProceduralPower]:
    """Powers. ``authorisation=WITHOUT_JUDGE`` asks for powers that neither a judge nor an
    independent body authorises; ``kind=SURVEILLANCE_KINDS`` for secret surveillance;
    ``duration`` takes ``"none"``, ``"unspecified"`` or a strategy such as :func:`durations`."""
    if duration is None:
        duration_pick: st.SearchStrategy[Any] = _PERIOD
    elif isinstance(duration, st.SearchStrategy):
        duration_pick = duration
    else:
        duration_pick = _pick("duration", duration, ("unspecified", "none"))
    return _power(
        {
            "kind": _POWER_KIND if kind is None else _pick("kind", kind, _choices(PowerKind)),
            "authorisation": _pick("authorisation", authorisation, _choices(Authorisation)),
            "ex_post_review": _REVIEW
            if ex_post_review is None
            else _pick("ex_post_review", ex_post_review, ("unspecified", "none")),
            "duration": duration_pick,
            "notification": _pick("notification", notification, _choices(Notification)),
            "remedy": _pick("remedy", remedy, _TRI),
            "grounds": _pick("grounds", grounds, _choices(Grounds)),
            "proportionality_test": _pick("proportionality_test", proportionality_test, _TRI),
            "applies_to": _pick("applies_to", applies_to, _choices(PowerScope)),
            "public_reporting": _pick("public_reporting", public_reporting, _TRI),
        }
    )


_ANY_POWER = procedural_powers()
