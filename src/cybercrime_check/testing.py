"""Hypothesis strategies for the law and request models (install with the ``[testing]`` extra).

Hand-written so that every generated value is valid: ``st.builds`` over
pydantic models ignores field constraints. Strategies are plain functions
returning composable objects, as in hypothesis itself. Not imported by the
core at run time.
"""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

from hypothesis import strategies as st

from ._types import Confidence, Duration
from .cooperation import CooperationKind, CooperationRule, DualCriminality, RefusalGround, RefusalGroundKind
from .law import NationalLaw
from .offence import Defence, DefenceKind, Fine, Imprisonment, MentalElement, Offence, OffenceCategory, Penalty
from .procedural_power import Authorisation, Grounds, Notification, PowerKind, PowerScope, ProceduralPower
from .provision import Source
from .request import (
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

__all__ = [
    "assistance_requests",
    "assurances",
    "cooperation_rules",
    "described_offences",
    "durations",
    "national_laws",
    "offences",
    "penalties",
    "procedural_powers",
    "targets",
]

SOURCE_ID = "src-1"
_slug = st.from_regex(r"\A[a-z][a-z0-9-]{0,11}\Z")
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60)
_tri = st.sampled_from([True, False, "unspecified"])


def _choice(literal: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(get_args(literal))


def durations(max_years: int = 30) -> st.SearchStrategy[Duration]:
    """Lengths of time in the units the law uses."""
    from fractions import Fraction

    return st.builds(
        Duration,
        st.integers(1, max_years).map(Fraction),
        st.sampled_from(["year", "month", "day"]),
    )


def penalties() -> st.SearchStrategy[Penalty]:
    imprisonment = st.one_of(
        st.sampled_from(["none", "unspecified"]),
        st.builds(
            Imprisonment,
            min=st.one_of(st.sampled_from(["none", "unspecified"]), durations(5)),
            max=st.one_of(st.sampled_from(["unspecified", "none", "life"]), durations()),
        ),
    )
    fine = st.one_of(
        st.sampled_from(["none", "unspecified"]),
        st.builds(Fine, min=st.integers(0, 10**6), max=st.integers(0, 10**7), currency=st.just("EUR")),
    )
    return st.builds(Penalty, imprisonment=imprisonment, fine=fine, death_penalty=_tri)


def _defences() -> st.SearchStrategy[Any]:
    defence = st.builds(
        Defence,
        kind=_choice(DefenceKind),
        citation=_text,
        description=_text,
        binding=st.booleans(),
        sources=st.just((SOURCE_ID,)),
    )
    return st.one_of(st.sampled_from(["none", "unspecified"]), st.lists(defence, max_size=2).map(tuple))


def offences(category: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Offence]:
    """Offences; pass ``category=st.just("false_information")`` to ask for a kind."""
    return st.builds(
        Offence,
        id=_slug,
        citation=_text,
        paraphrase=_text,
        category=category if category is not None else _choice(OffenceCategory),
        mental_element=_choice(MentalElement),
        without_right=_tri,
        defences=_defences(),
        penalty=penalties(),
        undefined_terms=st.lists(_text, max_size=2).map(tuple),
        sources=st.just((SOURCE_ID,)),
        confidence=_choice(Confidence),
    )


def procedural_powers(
    kind: st.SearchStrategy[str] | None = None, authorisation: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[ProceduralPower]:
    """Powers; e.g. ``authorisation=st.just("executive_or_police")`` for powers without a judge."""
    return st.builds(
        ProceduralPower,
        id=_slug,
        citation=_text,
        paraphrase=_text,
        kind=kind if kind is not None else _choice(PowerKind),
        authorisation=authorisation if authorisation is not None else _choice(Authorisation),
        ex_post_judicial_review=_tri,
        duration=st.one_of(st.sampled_from(["none", "unspecified"]), durations()),
        notification=_choice(Notification),
        remedy=_tri,
        grounds=_choice(Grounds),
        proportionality_test=_tri,
        applies_to=_choice(PowerScope),
        self_incrimination_protection=_tri,
        sources=st.just((SOURCE_ID,)),
        confidence=_choice(Confidence),
    )


def cooperation_rules() -> st.SearchStrategy[CooperationRule]:
    grounds = st.one_of(
        st.sampled_from(["none", "unspecified"]),
        st.lists(st.builds(RefusalGround, ground=_choice(RefusalGroundKind), mandatory=_tri), max_size=4).map(tuple),
    )
    return st.builds(
        CooperationRule,
        id=_slug,
        citation=_text,
        paraphrase=_text,
        kind=_choice(CooperationKind),
        dual_criminality=_choice(DualCriminality),
        refusal_grounds=grounds,
        data_protection_conditions=_tri,
        authorisation=_choice(Authorisation),
        sources=st.just((SOURCE_ID,)),
        confidence=_choice(Confidence),
    )


def _unique(items: list[Any], taken: set[str]) -> tuple[Any, ...]:
    out = []
    for item in items:
        if item.id not in taken:
            taken.add(item.id)
            out.append(item)
    return tuple(out)


@st.composite
def national_laws(
    draw: st.DrawFn,
    offence_strategy: st.SearchStrategy[Offence] | None = None,
    power_strategy: st.SearchStrategy[ProceduralPower] | None = None,
) -> NationalLaw:
    """Valid laws with unique provision ids and resolvable source references."""
    taken: set[str] = set()
    offs = _unique(draw(st.lists(offence_strategy if offence_strategy is not None else offences(), max_size=6)), taken)
    powers: Any = draw(
        st.one_of(
            st.just("unspecified"),
            st.lists(power_strategy if power_strategy is not None else procedural_powers(), max_size=4),
        )
    )
    if isinstance(powers, list):
        powers = _unique(powers, taken)
    rules: Any = draw(st.one_of(st.just("unspecified"), st.lists(cooperation_rules(), max_size=3)))
    if isinstance(rules, list):
        rules = _unique(rules, taken)
    return NationalLaw(
        id=draw(_slug),
        jurisdiction=draw(st.sampled_from(["TN", "GB", "NO", "JO", "US"])),
        title=draw(_text),
        instrument_type="statute",
        enacted=draw(st.one_of(st.just("unspecified"), st.dates(date(1950, 1, 1), date(2030, 1, 1)))),
        in_force=draw(_tri),
        text_used={"language": "en", "kind": "original"},
        sources=(Source(id=SOURCE_ID, url="https://example.org/law", title="Law text", confidence="primary"),),
        offences=offs,
        procedural_powers=powers,
        cooperation_rules=rules,
        coverage=draw(st.sampled_from(["complete", "selected_provisions", "unspecified"])),
    )


def described_offences(category: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[DescribedOffence]:
    """Offences as a request describes them (category, maximum penalty, citation)."""
    return st.builds(
        DescribedOffence,
        category=category if category is not None else _choice(OffenceCategory),
        max_penalty=st.one_of(st.sampled_from(["unspecified", "none", "life"]), durations()),
        citation=_text,
        death_penalty=_tri,
    )


def targets(**fixed: Any) -> st.SearchStrategy[Target]:
    """Facts about the person; pass e.g. ``lgbtq=st.just(True)`` to fix one."""
    fields = {name: fixed.get(name, _tri) for name in ("identified", *PROTECTED_FACTS)}
    return st.builds(Target, **fields)


def assurances(**fixed: Any) -> st.SearchStrategy[Assurances]:
    return st.builds(
        Assurances,
        no_death_penalty=fixed.get("no_death_penalty", _tri),
        speciality=fixed.get("speciality", _tri),
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
    category_list = st.lists(_choice(RequestDataCategory), min_size=1 if needs_data else 0, max_size=3, unique=True)
    basis = draw(_choice(LegalBasis))
    return AssistanceRequest(
        id=draw(_slug),
        requesting_state=requesting,
        requested_state=requested,
        date=draw(st.one_of(st.just("unspecified"), st.dates(date(2020, 1, 1), date(2030, 12, 31)))),
        legal_basis=basis,
        treaty=draw(st.one_of(st.none(), _text)) if basis == "bilateral_treaty" else None,
        offence=draw(offence if offence is not None else described_offences()),
        conduct=draw(_text),
        measures=chosen,
        data_categories=draw(st.one_of(st.just("unspecified"), category_list.map(tuple))),
        target=draw(target if target is not None else targets()),
        urgency=draw(_choice(Urgency)),
        assurances=draw(assurance if assurance is not None else assurances()),
    )


st.register_type_strategy(NationalLaw, national_laws())
st.register_type_strategy(AssistanceRequest, assistance_requests())
st.register_type_strategy(Offence, offences())
st.register_type_strategy(ProceduralPower, procedural_powers())
st.register_type_strategy(CooperationRule, cooperation_rules())
st.register_type_strategy(Penalty, penalties())
