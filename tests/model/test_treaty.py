"""Treaty status: a state's standing on a day comes from recorded rows only, never from a guess."""

from __future__ import annotations

from datetime import date

import pytest

from cybercrime_check.engine.catalogue import catalogue
from cybercrime_check.model.treaty import TreatyStatus, standing_on

SOURCE = {"id": "s", "url": "https://example.org/status", "title": "Depositary", "confidence": "primary"}


def treaty(**kw: object) -> TreatyStatus:
    base = {
        "id": "t",
        "title": "Test Treaty",
        "short_title": "Test Treaty",
        "adopted": "2020-01-01",
        "entry_into_force": "2021-01-01",
        "entry_into_force_rule": "Art 1: on the first day of 2021.",
        "as_of": "2026-01-01",
        "sources": [SOURCE],
    }
    return TreatyStatus.model_validate({**base, **kw})


def row(state: str, **kw: object) -> dict[str, object]:
    return {"state": state, "sources": ["s"], "confidence": "primary", **kw}


def test_party_signatory_consented_and_not_in_force() -> None:
    t = treaty(
        states=[
            row(
                "GB", signed="2020-02-01", consent={"kind": "ratification", "date": "2020-06-01"}, in_force="2021-01-01"
            ),
            row("FR", signed="2020-02-01"),
            row(
                "DE", signed="2020-02-01", consent={"kind": "ratification", "date": "2025-06-01"}, in_force="2025-09-01"
            ),
        ]
    )
    assert standing_on(t, "GB", date(2022, 1, 1)).standing == "party"
    assert standing_on(t, "FR", date(2022, 1, 1)).standing == "signatory"
    assert standing_on(t, "DE", date(2025, 7, 1)).standing == "consented"
    assert standing_on(t, "DE", date(2025, 10, 1)).standing == "party"
    assert standing_on(t, "GB", date(2020, 12, 31)).standing == "not_in_force"
    assert standing_on(t, "IT", date(2022, 1, 1)).standing == "unknown"


def test_a_treaty_not_yet_in_force_binds_no_one_up_to_its_date_and_is_unknown_after() -> None:
    t = treaty(entry_into_force="not_yet", states=[row("AZ", signed="2025-10-25")])
    assert standing_on(t, "AZ", date(2025, 12, 1)).standing == "not_in_force"
    later = standing_on(t, "AZ", date(2026, 6, 1))
    assert later.standing == "signatory" and "nothing after 2026-01-01" in later.words


def test_file_validation_catches_contradictions() -> None:
    with pytest.raises(ValueError, match="listed twice"):
        treaty(states=[row("GB"), row("GB")])
    with pytest.raises(ValueError, match="has not consented"):
        treaty(states=[row("GB", in_force="2021-01-01")])
    with pytest.raises(ValueError, match="unknown source"):
        treaty(states=[{"state": "GB", "sources": ["nope"], "confidence": "primary"}])


def test_bundled_status_files_load_and_say_what_the_note_says() -> None:
    cat = catalogue()
    assert set(cat.treaties) >= {"uncc", "ets-185", "cets-224"}
    assert cat.treaty("uncc").entry_into_force == "not_yet"
    assert standing_on(cat.treaty("ets-185"), "GB", date(2026, 1, 1)).standing == "party"
    az = cat.treaty("uncc").row("AZ")
    assert az is not None and any(r.article.startswith("7") for r in az.reservations)
