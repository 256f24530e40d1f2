"""Strategies for assistance requests."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from ...cooperation.request import (
    DATA_MEASURES,
    MEASURES,
    PROTECTED_FACTS,
    AssistanceRequest,
    Assurances,
    DescribedOffence,
    LegalBasis,
    RequestDataCategory,
    Target,
    Urgency,
)
from ...model.offence import (
    OffenceCategory,
)
from ._base import _TRI, _choices, durations, texts

# --- assistance requests -----------------------------------------------------

_REQ_TRI = st.sampled_from(_TRI)
_REQ_ID = st.from_regex(r"\A[a-z][a-z0-9-]{0,11}\Z")


def described_offences(category: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[DescribedOffence]:
    """Offences as a request describes them (category, maximum penalty, citation)."""
    return st.builds(
        DescribedOffence,
        category=category
        if category is not None
        else st.sampled_from(tuple(c for c in _choices(OffenceCategory) if c != "mixed")),
        max_penalty=st.one_of(st.sampled_from(["unspecified", "none", "life"]), durations()),
        citation=texts(),
        death_penalty=_REQ_TRI,
    )


def targets(**fixed: Any) -> st.SearchStrategy[Target]:
    """Facts about the person; pass e.g. ``lgbtq=st.just(True)`` to fix one."""
    fields = {name: fixed.get(name, _REQ_TRI) for name in ("identified", *PROTECTED_FACTS)}
    return st.builds(Target, **fields)


def assurances(**fixed: Any) -> st.SearchStrategy[Assurances]:
    """Assurances offered; pass e.g. ``speciality=st.just(True)`` to fix one."""
    return st.builds(
        Assurances,
        no_death_penalty=fixed.get("no_death_penalty", _REQ_TRI),
        speciality=fixed.get("speciality", _REQ_TRI),
    )


@st.composite
def assistance_requests(
    draw: st.DrawFn,
    offence: st.SearchStrategy[Any] | None = None,
    target: st.SearchStrategy[Target] | None = None,
    assurance: st.SearchStrategy[Assurances] | None = None,
    measures: st.SearchStrategy[tuple[str, ...]] | None = None,
    states: tuple[str, str] | None = None,
) -> AssistanceRequest:
    """Valid requests (distinct states, unique measures, data categories consistent with the measures).

    The offence is a described one unless ``offence`` draws references into laws you supply.
    """
    requesting, requested = states or draw(
        st.permutations(["TN", "NL", "DE", "RU", "GB", "US"]).map(lambda p: (p[0], p[1]))
    )
    chosen = draw(
        measures
        if measures is not None
        else st.lists(st.sampled_from(MEASURES), min_size=1, max_size=4, unique=True).map(tuple)
    )
    needs_data = bool(DATA_MEASURES.intersection(chosen))
    category_list = st.lists(
        st.sampled_from(_choices(RequestDataCategory)), min_size=1 if needs_data else 0, max_size=3, unique=True
    )
    basis = draw(st.sampled_from(_choices(LegalBasis)))
    return AssistanceRequest(
        id=draw(_REQ_ID),
        requesting_state=requesting,
        requested_state=requested,
        date=draw(st.one_of(st.just("unspecified"), st.dates(date(2020, 1, 1), date(2030, 12, 31)))),
        legal_basis=basis,
        treaty=draw(st.one_of(st.none(), texts())) if basis == "bilateral_treaty" else None,
        offence=draw(offence if offence is not None else described_offences()),
        conduct=draw(texts()),
        measures=chosen,
        data_categories=draw(st.one_of(st.just("unspecified"), category_list.map(tuple))),
        target=draw(target if target is not None else targets()),
        urgency=draw(st.sampled_from(_choices(Urgency))),
        assurances=draw(assurance if assurance is not None else assurances()),
    )
