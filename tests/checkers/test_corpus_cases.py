"""The issue's named cases, on the bundled laws themselves (issue 14, "Done when")."""

from __future__ import annotations

from datetime import date

from cybercrime_check import evaluate, load_law
from tests.paths import AS_OF, LAWS


def _findings(law_id: str, day: date = AS_OF, checkers: list[str] | None = None) -> list:  # type: ignore[type-arg]
    return list(evaluate(load_law(LAWS / f"{law_id}.yaml"), as_of=day, third_party=False, checkers=checkers).findings)


def test_india_s66a_is_struck_down_today_and_in_force_in_2014() -> None:
    today = [f for f in _findings("in-it-act-2000") if f.provision.provision_id == "s66a"]
    assert [f.rule for f in today] == ["not-in-force"]
    assert "Shreya Singhal" in today[0].reason and "struck down" in today[0].reason
    then = [f for f in _findings("in-it-act-2000", date(2014, 6, 1)) if f.provision.provision_id == "s66a"]
    assert {f.provision.limb for f in then} >= {"grossly-offensive", "false-information", "menacing"}
    assert not any(f.rule == "not-in-force" for f in then)
    for checker in ("protected-expression", "legality"):
        assert any(f.checker == checker and f.status == "non_compliant" for f in then), checker


def test_general_parts_resolve_the_maxima_of_egypt_and_jordan() -> None:
    eg = {
        f.provision.provision_id: f
        for f in _findings("eg-law-175-2018", checkers=["cooperation-exposure"])
        if f.provision.provision_id in ("art-27", "art-34")
    }
    assert eg["art-27"].rule == "below-threshold" and "Penal Code Art. 18" in eg["art-27"].reason
    assert eg["art-34"].rule == "speech-offence-is-serious-crime" and "Penal Code Art. 14" in eg["art-34"].reason
    jo = [
        f
        for f in _findings("jo-cybercrime-law-17-2023", checkers=["cooperation-exposure"])
        if f.provision.citation.startswith("Art. 15(a)")
    ]
    assert jo and all(f.rule == "below-threshold" and "Penal Code" in f.reason for f in jo)


def test_jordan_2023_publication_about_police_and_vpn_offences_are_flagged() -> None:
    found = _findings("jo-cybercrime-law-17-2023", checkers=["protected-expression"])
    for citation in ("Art. 12", "Art. 24"):
        mine = [f for f in found if f.provision.citation.startswith(citation)]
        assert any(f.status == "non_compliant" for f in mine), citation


def test_the_uk_s127_threats_limb_gets_no_speech_finding() -> None:
    found = _findings("gb-communications-offences", checkers=["protected-expression"])
    assert not [f for f in found if f.provision.limb == "menacing" and f.status == "non_compliant"]
    assert [f for f in found if f.provision.limb == "grossly-offensive" and f.status == "non_compliant"]
