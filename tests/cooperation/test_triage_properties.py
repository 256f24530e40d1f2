"""Properties of triage, in the strictness order assist < assist_with_conditions < need_information
< may_refuse < must_refuse (see cybercrime_check.cooperation.triage)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cybercrime_check import NationalLaw
from cybercrime_check.cooperation.request import PROTECTED_FACTS, TRANSFER_MEASURES, AssistanceRequest
from cybercrime_check.cooperation.triage import STRICTNESS, Decision, Triager, triage
from cybercrime_check.model.offence import CYBER_DEPENDENT
from cybercrime_check.testing import (
    assistance_requests,
    assurances,
    described_offences,
    national_laws,
    offences,
    targets,
)
from tests.paths import AS_OF

STATES = ("TN", "NL")


@st.composite
def requested_laws(draw: st.DrawFn) -> list[NationalLaw]:
    """0-2 random laws of the requested state (with random powers and cooperation rules)."""
    return [law.model_copy(update={"jurisdiction": STATES[1]}) for law in draw(st.lists(national_laws(), max_size=2))]


def _ranks(request: AssistanceRequest, laws: list[NationalLaw]) -> dict[str, int]:
    """The outcome's rank, and the strictest effect of each kind of ground."""
    decision = triage(request, laws, as_of=AS_OF)
    ranks = {"(outcome)": STRICTNESS[decision.outcome]}
    for g in decision.grounds:
        ranks[g.ground] = max(ranks.get(g.ground, 0), STRICTNESS[g.effect])
    return ranks


def _with(request: AssistanceRequest, part: str, **change: Any) -> AssistanceRequest:
    updated = getattr(request, part).model_copy(update=change)
    return request.model_copy(update={part: updated})


@settings(max_examples=60)
@given(assistance_requests(states=STATES), requested_laws(), st.sampled_from(["no_death_penalty", "speciality"]))
def test_adding_an_assurance_never_makes_the_outcome_stricter(
    request: AssistanceRequest, laws: list[NationalLaw], which: str
) -> None:
    before = _ranks(request, laws)
    after = _ranks(_with(request, "assurances", **{which: True}), laws)
    assert all(after[k] <= before[k] for k in after), (before, after)


@settings(max_examples=60)
@given(assistance_requests(states=STATES), requested_laws(), st.sampled_from(PROTECTED_FACTS))
def test_a_protected_situation_never_makes_the_outcome_more_lenient(
    request: AssistanceRequest, laws: list[NationalLaw], fact: str
) -> None:
    before = _ranks(request, laws)
    after = _ranks(_with(request, "target", **{fact: True}), laws)
    assert all(after[k] >= before[k] for k in before), (before, after)


SAFE_MEASURES = (
    "preservation",
    "disclosure_of_preserved_traffic",
    "stored_data",
    "subscriber_information",
    "extradition",
)


@given(
    assistance_requests(
        states=STATES,
        offence=described_offences(category=st.sampled_from(sorted(CYBER_DEPENDENT))).map(
            lambda o: o.model_copy(update={"death_penalty": False})
        ),
        target=targets(**dict.fromkeys(PROTECTED_FACTS, st.just(False))),
        assurance=assurances(),
        measures=st.lists(st.sampled_from(SAFE_MEASURES), min_size=1, unique=True).map(tuple),
    ),
    requested_laws(),
    st.data(),
)
def test_cyber_dependent_offence_with_dual_criminality_and_no_protected_target_is_never_refused(
    request: AssistanceRequest, laws: list[NationalLaw], data: st.DataObject
) -> None:
    """Preconditions: no death penalty, and measures that need no specific domestic power
    (real-time collection and interception depend on the requested state's own law, tested apart)."""
    assert not isinstance(request.offence, dict)
    counterpart = data.draw(offences(category=st.just(request.offence.category)))  # type: ignore[union-attr]
    host = data.draw(national_laws()).model_copy(update={"jurisdiction": STATES[1]})
    if any(p.id == counterpart.id for p in host.provisions()):
        return
    host = host.model_copy(update={"offences": (*host.offences, counterpart)})
    decision = triage(request, [*laws, host], as_of=AS_OF)
    assert decision.outcome not in ("may_refuse", "must_refuse"), [
        (g.ground, g.effect, g.reason) for g in decision.grounds
    ]


@given(assistance_requests(states=STATES), requested_laws())
def test_unspecified_data_is_never_a_silent_assist(request: AssistanceRequest, laws: list[NationalLaw]) -> None:
    decision = triage(request, laws, as_of=AS_OF)
    unknown_basis = request.legal_basis == "unspecified"
    unknown_data = request.data_categories == "unspecified" and bool(TRANSFER_MEASURES.intersection(request.measures))
    if unknown_basis or unknown_data:
        assert STRICTNESS[decision.outcome] >= STRICTNESS["need_information"]
    for g in decision.grounds:
        assert (g.effect == "need_information") == bool(g.missing), g
        assert g.convention, g


@given(assistance_requests(states=STATES), requested_laws())
def test_triage_is_deterministic_and_round_trips(request: AssistanceRequest, laws: list[NationalLaw]) -> None:
    triager = Triager(laws, as_of=AS_OF)
    decision = triager.triage(request)
    first = decision.to_json()
    # the assembled line (and the batch path's) is exactly what the model itself serialises
    assert first == decision.model_dump_json(by_alias=True) == triager.triage_json(request)[0]
    assert Decision.model_validate_json(first).model_dump() == decision.model_dump()  # a valid Decision
    assert first == triage(request, laws, as_of=AS_OF).to_json()
    again = AssistanceRequest.model_validate_json(request.model_dump_json())
    assert triage(again, laws, as_of=AS_OF).to_json() == first


@given(st.from_type(AssistanceRequest))
def test_registered_strategy_builds_valid_requests(request: AssistanceRequest) -> None:
    assert request.requesting_state != request.requested_state
