"""Strategies for penalties, defences and offences."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from ...model.fields import Duration
from ...model.offence import (
    CONTENT_OUTSIDE_CONVENTION,
    CYBER_DEPENDENT,
    Defence,
    DefenceKind,
    Group,
    GroupImpact,
    HarmThreshold,
    Liability,
    Limb,
    MentalElement,
    Offence,
    OffenceCategory,
    Term,
)
from ...model.penalty import AggravatedPenalty, Combination, Fine, Imprisonment, Penalty
from ._base import _OPTIONAL_TEXT, _TRI, SOURCE_ID, _choices, _pick, _prose, _provision_fields, durations, texts

# --- penalties and offences --------------------------------------------------

# "none" twice: fine-only speech offences are common in practice, and some rules only apply to them
_IMPRISONMENT_KIND = st.sampled_from(("unspecified", "none", "none", "range", "range", "term"))
_MIN_TERM = st.one_of(st.sampled_from(("unspecified", "none")), durations(5))
_MAX_TERM = st.one_of(st.sampled_from(("unspecified", "none", "life")), durations())
_FINE_KIND = st.sampled_from(("unspecified", "none", "amounts"))
_AMOUNT = st.one_of(st.sampled_from(("unspecified", "none")), st.integers(0, 10**7))
_CURRENCY = st.sampled_from((None, "EUR", "TND", "JOD", "USD"))
_COMBINATION = st.sampled_from(_choices(Combination))


@st.composite
def _penalty(draw: st.DrawFn, death_penalty: st.SearchStrategy[Any]) -> Penalty:
    imprisonment: Any = draw(_IMPRISONMENT_KIND)
    if imprisonment == "range":
        low, high = draw(_MIN_TERM), draw(_MAX_TERM)
        if isinstance(low, Duration) and isinstance(high, Duration) and low.months() > high.months():
            low, high = high, low  # a valid range; the loader refuses a minimum above the maximum
        imprisonment = Imprisonment(min=low, max=high)
    elif imprisonment == "term":
        imprisonment = Imprisonment(term=draw(durations()))
    fine: Any = draw(_FINE_KIND)
    if fine == "amounts":
        fine = Fine(min=draw(_AMOUNT), max=draw(_AMOUNT), currency=draw(_CURRENCY))
    return Penalty(
        imprisonment=imprisonment,
        fine=fine,
        combination=draw(_COMBINATION),
        death_penalty=draw(death_penalty),
    )


def penalties(*, death_penalty: Any = None) -> st.SearchStrategy[Penalty]:
    """Penalties: imprisonment ``none``, ``unspecified`` or a range (maximum a length, ``life`` or
    ``none``), a fine, and the death penalty (``death_penalty=True`` asks for it)."""
    return _penalty(_pick("death_penalty", death_penalty, _TRI))


_ANY_PENALTY = penalties()


@st.composite
def _defence(draw: st.DrawFn, kind: st.SearchStrategy[Any], binding: st.SearchStrategy[Any]) -> Defence:
    return Defence(
        kind=draw(kind),
        citation=draw(texts(400)),
        description=draw(texts()),
        binding=draw(binding),
        sources=(SOURCE_ID,),
    )


def defences(*, kind: Any = None, binding: Any = None) -> st.SearchStrategy[Defence]:
    """One defence; e.g. ``defences(kind="security_research", binding=True)``."""
    return _defence(_pick("kind", kind, _choices(DefenceKind)), _pick("binding", binding, (True, False)))


_DEFENCE_LIST = st.one_of(st.sampled_from(("unspecified", "none")), st.lists(defences(), max_size=2).map(tuple))
_AGGRAVATED = st.lists(
    st.builds(AggravatedPenalty, condition=texts(4000), penalty=_ANY_PENALTY, citation=_OPTIONAL_TEXT), max_size=2
).map(tuple)
_GROUPS = st.one_of(
    st.just("unspecified"),
    st.lists(
        st.builds(
            GroupImpact,
            group=st.sampled_from(_choices(Group)),
            basis=st.sampled_from(("on_its_face", "in_application")),
            sources=st.just((SOURCE_ID,)),
        ),
        max_size=2,
    ).map(tuple),
)
_ELEMENTS = st.lists(_prose(), max_size=2).map(tuple)
# A third of the offences are cyber-dependent (the Convention's core) and a third restrict speech, so the
# checkers that look only at those see them often.
_CATEGORY = st.one_of(
    st.sampled_from(sorted(CYBER_DEPENDENT)),
    st.sampled_from(_choices(OffenceCategory)),
    st.sampled_from(sorted(CONTENT_OUTSIDE_CONVENTION)),
)
_MEANING = st.one_of(st.sampled_from(("unspecified", "none")), texts())
_TERM = st.builds(
    Term,
    text=texts(400),
    defined_in=_MEANING,
    clarified_by=_MEANING,
    clarified_on=st.one_of(st.just("unspecified"), st.dates(date(1990, 1, 1), date(2030, 12, 31))),
    found_vague_by=st.one_of(st.none(), st.none(), texts()),
    convention_wording=st.booleans(),
)
# Occasionally many long terms, to probe the length limits of reasons that list them.
_TERMS = st.one_of(
    st.just("unspecified"),
    st.lists(_TERM, max_size=2).map(tuple),
    st.lists(texts(400).map(lambda t: Term(text=t * (400 // len(t)), defined_in="none")), min_size=11, max_size=12).map(
        tuple
    ),
)
_ULTERIOR = st.one_of(st.sampled_from(("unspecified", "none")), _prose())
_LIMB_CATEGORY = st.sampled_from(tuple(c for c in _choices(OffenceCategory) if c != "mixed"))


@st.composite
def _limbs(draw: st.DrawFn) -> tuple[Limb, ...]:
    count = draw(st.integers(2, 3))
    return tuple(
        Limb(
            id=f"limb-{i}",
            conduct=draw(_prose()),
            category=draw(_LIMB_CATEGORY),
            mental_element=draw(st.one_of(st.none(), st.sampled_from(_choices(MentalElement)))),
            terms=draw(st.one_of(st.none(), _TERMS)),
            penalty=draw(st.one_of(st.none(), _ANY_PENALTY)),
        )
        for i in range(count)
    )


_LIMBS = st.one_of(st.just(()), st.just(()), st.just(()), _limbs())


@st.composite
def _offence(draw: st.DrawFn, picks: dict[str, st.SearchStrategy[Any]]) -> Offence:
    fields = _provision_fields(draw, _prose(4000))
    if draw(st.booleans()):
        fields["excerpt"] = draw(_prose(300))
    category = draw(picks["category"])
    limbs = draw(_LIMBS) if category != "mixed" else draw(_limbs())
    return Offence(
        **fields,
        category=category,
        mental_element=draw(picks["mental_element"]),
        without_right=draw(picks["without_right"]),
        ulterior_intent=draw(_ULTERIOR),
        additional_elements=draw(_ELEMENTS),
        harm_threshold=draw(st.sampled_from(_choices(HarmThreshold))),
        liability=draw(st.sampled_from(("criminal",) * 8 + _choices(Liability))),
        order_required=draw(st.sampled_from(("unspecified", "court", "executive", "none"))),
        defences=draw(picks["defences"]),
        penalty=draw(_ANY_PENALTY),
        aggravated=draw(_AGGRAVATED),
        terms=draw(_TERMS),
        groups_affected=draw(_GROUPS),
        limbs=limbs,
    )


def offences(
    *,
    category: Any = None,
    mental_element: Any = None,
    without_right: Any = None,
    defences: Any = None,
) -> st.SearchStrategy[Offence]:
    """Offences. ``category=CONTENT_CATEGORIES`` asks for content offences; ``defences`` takes
    ``"none"``, ``"unspecified"``, or a strategy of defence tuples."""
    if defences is None:
        defence_list = _DEFENCE_LIST
    elif isinstance(defences, st.SearchStrategy):
        defence_list = defences
    else:
        defence_list = _pick("defences", defences, ("unspecified", "none"))
    return _offence(
        {
            "category": _CATEGORY if category is None else _pick("category", category, _choices(OffenceCategory)),
            "mental_element": _pick("mental_element", mental_element, _choices(MentalElement)),
            "without_right": _pick("without_right", without_right, _TRI),
            "defences": defence_list,
        }
    )


_ANY_OFFENCE = offences()
