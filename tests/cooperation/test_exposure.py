"""The exposure map: speech offences meeting the threshold, and dual criminality in each other state."""

from __future__ import annotations

from datetime import date

from cybercrime_check import load_laws
from cybercrime_check.cooperation.exposure import exposure_csv_rows, exposure_map
from tests.cooperation.test_triage import law, offence
from tests.paths import AS_OF, LAWS


def _map(*laws, day: date = AS_OF):  # type: ignore[no-untyped-def]
    return exposure_map(laws, as_of=day)


SPEECH = law(
    "tn", "TN", [offence("news", "false_information", "5 years"), offence("petty", "defamation_insult", "1 year")]
)


def test_labels_yes_no_unknown() -> None:
    partial = law("nl", "NL", [offence("138ab", "illegal_access")])
    complete = law("gb", "GB", [offence("s1", "illegal_access")], coverage="complete")
    same = law("th", "TH", [offence("s14", "false_information", "5 years")], coverage="complete")
    m = _map(SPEECH, partial, complete, same)
    cells = {(c.requesting, c.requested): c for c in m.cells}
    assert len(m.cells) == 4 * 3
    assert cells[("TN", "NL")].label == "dual_criminality_unknown"
    # a completely modelled instrument is still not the state's whole criminal law: never "not met"
    assert cells[("TN", "GB")].label == "dual_criminality_unknown"
    assert cells[("TN", "TH")].label == "dual_criminality_met"
    assert cells[("NL", "TN")].label == "none" and cells[("NL", "TN")].offences == ()
    tn_th = cells[("TN", "TH")].offences
    assert [o.offence_id for o in tn_th] == ["news"]  # the 1-year defamation offence is below the threshold
    o = tn_th[0]
    assert (o.law_id, o.citation, o.category, o.source_url) == (
        "tn",
        "Art. news",
        "false_information",
        "https://example.org/tn",
    )
    assert o.max_penalty == "up to 5 years" and [c.citation for c in o.counterparts] == ["Art. s14"]
    assert "restricts protected expression" in o.reasons[0] and "serious crime" in o.reasons[1]
    assert "absence from a partial model" in cells[("TN", "NL")].offences[0].reasons[-1]


def test_several_laws_of_one_state_and_as_of() -> None:
    later = law(
        "tn-2",
        "TN",
        [
            offence(
                "news2",
                "false_information",
                "6 years",
                history=[
                    {"kind": "in_force", "date": "2030-01-01", "authority": "unspecified", "confidence": "primary"}
                ],
            )
        ],
    )
    old = law(
        "th",
        "TH",
        [
            offence(
                "s14",
                "false_information",
                history=[
                    {"kind": "repealed", "date": "2020-01-01", "authority": "unspecified", "confidence": "primary"}
                ],
            )
        ],
    )
    m = _map(SPEECH, later, old)
    cell = next(c for c in m.cells if c.requesting == "TN")
    assert [o.offence_id for o in cell.offences] == ["news"]  # news2 not yet in force
    assert cell.label == "dual_criminality_unknown"  # TH's only counterpart was repealed
    m = _map(SPEECH, later, old, day=date(2031, 1, 1))
    assert [o.offence_id for o in next(c for c in m.cells if c.requesting == "TN").offences] == ["news", "news2"]


def test_corpus_map_and_csv_cover_every_pair() -> None:
    m = exposure_map(load_laws([LAWS]), as_of=AS_OF)
    n = len(m.states)
    assert len(m.cells) == n * (n - 1)
    cell = next(c for c in m.cells if (c.requesting, c.requested) == ("TN", "TH"))
    assert cell.label == "dual_criminality_met"
    assert {o.citation for o in cell.offences} >= {"Art. 24, para. 1"}
    rows = list(exposure_csv_rows(m))
    assert {(r[0], r[1]) for r in rows} == {(c.requesting, c.requested) for c in m.cells}
    assert m.to_json() == exposure_map(load_laws([LAWS]), as_of=AS_OF).to_json()
    assert "not legal advice" in m.disclaimer


def test_exposure_restricted_to_pairs_bound_by_a_treaty() -> None:
    from datetime import date

    from cybercrime_check import load_laws
    from cybercrime_check.cooperation.exposure import exposure_map
    from tests.paths import LAWS

    laws = load_laws([LAWS])
    day = date(2026, 11, 29)
    full = exposure_map(laws, as_of=day)
    ets = exposure_map(laws, as_of=day, instrument="ets-185")
    assert 0 < len(ets.cells) < len(full.cells)
    assert all("Budapest Convention (ETS 185)" in c.legal_bases for c in ets.cells)
    assert ets.instrument == "ets-185" and ets.notes[0].startswith("Restricted to pairs")
    # The UN Convention was not in force as of its file's date: no pair is bound by it.
    assert exposure_map(laws, as_of=date(2026, 3, 1), instrument="uncc").cells == ()
    gb_de = next(c for c in full.cells if (c.requesting, c.requested) == ("GB", "DE"))
    assert gb_de.legal_bases == ("Budapest Convention (ETS 185)",)
