"""The legal-basis ground reads treaty status: both parties, one not bound, a treaty not yet in force.

The facts come from ``policies/treaties`` (the Budapest Convention's parties and dates from the Council of
Europe chart, the UN Convention not in force as of its file's date)."""

from __future__ import annotations

from typing import Any

from cybercrime_check.cooperation.request import AssistanceRequest
from cybercrime_check.cooperation.triage import triage
from cybercrime_check.engine.catalogue import catalogue
from cybercrime_check.model.treaty import standing_on
from tests.cooperation.test_triage import KNOWN_FACTS, law, offence
from tests.paths import AS_OF

GB = law("gb", "GB", [offence("s1", "illegal_access", "2 years")])
DE = law("de", "DE", [offence("202a", "illegal_access", "3 years")])
US = law("us", "US", [offence("a2", "illegal_access", "5 years")])
RU = law("ru", "RU", [offence("272", "illegal_access", "2 years")])


def _request(basis: str, requesting: str, requested: str, day: str, law_id: str, off: str) -> AssistanceRequest:
    data: dict[str, Any] = {
        "id": "t-1",
        "requesting_state": requesting,
        "requested_state": requested,
        "date": day,
        "legal_basis": basis,
        "offence": {"law": law_id, "offence": off},
        "conduct": "Breaking into a server.",
        "measures": ["stored_data"],
        "data_categories": ["content"],
        "target": dict(KNOWN_FACTS),
        "assurances": {"no_death_penalty": True, "speciality": True},
    }
    return AssistanceRequest.model_validate(data)


def _legal_basis(req: AssistanceRequest, *laws: Any) -> Any:
    d = triage(req, list(laws), as_of=AS_OF)
    return next(g for g in d.grounds if g.ground == "legal_basis")


def test_both_states_parties_on_the_request_date() -> None:
    ets = catalogue().treaty("ets-185")
    assert standing_on(ets, "GB", AS_OF).standing == standing_on(ets, "DE", AS_OF).standing == "party"
    g = _legal_basis(_request("budapest_convention", "GB", "DE", "2026-01-15", "gb", "s1"), GB, DE)
    assert g.effect == "assist"
    assert "binds both states on 2026-01-15" in g.reason and "GB is a party" in g.reason and "DE is a party" in g.reason


def test_only_one_state_is_a_party() -> None:
    ets = catalogue().treaty("ets-185")
    day = "2010-06-01"
    assert standing_on(ets, "US", AS_OF.replace(year=2010)).standing == "party"
    assert standing_on(ets, "RU", AS_OF.replace(year=2010, month=6, day=1)).standing == "not_party"
    g = _legal_basis(_request("budapest_convention", "US", "RU", day, "us", "a2"), US, RU)
    assert g.effect == "assist_with_conditions"
    assert "does not bind both states" in g.reason and any("reciprocity" in c for c in g.conditions)


def test_the_un_convention_not_yet_in_force() -> None:
    uncc = catalogue().treaty("uncc")
    assert uncc.entry_into_force == "not_yet"
    g = _legal_basis(_request("un_convention", "GB", "DE", "2026-03-01", "gb", "s1"), GB, DE)
    assert g.effect == "assist_with_conditions"
    assert "was not in force on 2026-03-01" in g.reason
    assert "65" in [a.ref for a in g.convention]


def test_status_not_recorded_asks_for_it() -> None:
    g = _legal_basis(_request("un_convention", "GB", "DE", "2026-11-29", "gb", "s1"), GB, DE)
    assert g.effect == "need_information" and g.missing
