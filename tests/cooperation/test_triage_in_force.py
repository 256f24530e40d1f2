"""Triage checks that the requesting state's offence was in force on the day of the request (issue 16)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cybercrime_check import load_laws
from cybercrime_check.cooperation.request import AssistanceRequest
from cybercrime_check.cooperation.triage import Triager
from tests.paths import LAWS

REQUEST: dict[str, Any] = {
    "id": "jo-1",
    "requesting_state": "JO",
    "requested_state": "NL",
    "legal_basis": "un_convention",
    "offence": {"law": "jo-cybercrime-law-17-2023", "offence": "illegal-access"},
    "conduct": "Access to a ministry's server.",
    "measures": ["stored_data"],
    "data_categories": ["subscriber"],
}


@pytest.fixture(scope="module")
def triager() -> Triager:
    return Triager(load_laws([LAWS]))


def _grounds(triager: Triager, **changes: Any) -> dict[str, Any]:
    decision = triager.triage(AssistanceRequest.model_validate({**REQUEST, **changes}))
    return {"outcome": decision.outcome, "grounds": {g.ground: g for g in decision.grounds}}


def test_an_offence_not_yet_in_force_on_the_request_date_needs_information(triager: Triager) -> None:
    before = _grounds(triager, date="2020-01-01")
    ground = before["grounds"]["offence_in_force"]
    assert ground.effect == "need_information" and before["outcome"] in (
        "need_information",
        "may_refuse",
        "must_refuse",
    )
    assert "was not yet in force in the requesting state on the date of the request" in ground.reason
    assert "2023-09-12" in ground.reason
    assert ground.missing and ground.principles == ("legality",)
    after = _grounds(triager, date="2026-01-01")
    assert "offence_in_force" not in after["grounds"]


def test_an_offence_repealed_before_the_request_needs_information(triager: Triager) -> None:
    found = _grounds(
        triager, offence={"law": "jo-cybercrime-law-27-2015", "offence": "illegal-access"}, date="2026-01-01"
    )
    assert "no longer in force" in found["grounds"]["offence_in_force"].reason


def test_the_json_line_agrees_with_the_decision(triager: Triager) -> None:
    request = AssistanceRequest.model_validate({**REQUEST, "date": "2020-01-01"})
    line, _, grounds = triager.triage_json(request)
    assert json.loads(line) == json.loads(triager.triage(request).model_dump_json(by_alias=True))
    assert "offence_in_force" in {g.ground for g in grounds}
