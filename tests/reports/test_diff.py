"""Diff pairs provisions by the newer law's version link, and never calls a loss of knowledge an improvement."""

from __future__ import annotations

from datetime import date

from cybercrime_check import evaluate, load_law
from cybercrime_check.engine.verdict import Finding
from cybercrime_check.reports.diff import _direction, diff_laws, provision_pairs
from tests.paths import LAWS

DSA = LAWS / "bd-digital-security-act-2018.yaml"
CSA = LAWS / "bd-cyber-security-act-2023.yaml"


def test_version_link_pairs_renumbered_provisions_and_flags_unaccounted_ones() -> None:
    old, new = load_law(DSA), load_law(CSA)
    pairs, kind = provision_pairs(old, new)
    assert kind == "replaces"
    link = next(v for v in new.version_links if v.law == old.id)
    for m in link.mapping:
        assert pairs[m.old] == m.new
    d = diff_laws(old, new, third_party=False)
    changes = {p.provision_id: p for p in d.provisions}
    renumbered = [m for m in link.mapping if m.new is not None and m.new != m.old]
    assert renumbered, "the fixture should renumber at least one provision"
    for m in renumbered:
        assert changes[m.old].change == "renumbered"
        assert changes[m.old].new_id == m.new
    mapped = {m.old for m in link.mapping}
    new_ids = {p.id for p in new.provisions()}
    for p in old.provisions():
        if p.id not in mapped and p.id not in new_ids:
            assert changes[p.id].change == "unaccounted"
    assert "version link" in d.mapping


def test_findings_of_unaccounted_provisions_are_unclear_never_better() -> None:
    old, new = load_law(DSA), load_law(CSA)
    d = diff_laws(old, new, third_party=False)
    pairs, _ = provision_pairs(old, new)
    gone_unrecorded = {p.id for p in old.provisions() if p.id not in pairs}
    assert gone_unrecorded
    for f in d.findings:
        if f.change == "disappeared" and f.provision_id in gone_unrecorded:
            assert f.direction == "unclear", f


def test_newer_law_is_judged_on_the_day_it_took_effect_by_default() -> None:
    old, new = load_law(DSA), load_law(CSA)
    d = diff_laws(old, new, third_party=False)
    assert isinstance(new.in_force_from, date)
    assert d.new_as_of == new.in_force_from
    assert d.old_as_of < d.new_as_of


def _finding(status: str, severity: str = "high") -> Finding:
    template = evaluate(load_law(DSA), as_of=date(2020, 1, 1), third_party=False).findings[0]
    return template.model_copy(update={"status": status, "severity": severity})


def test_a_move_between_a_violation_and_not_knowing_is_unclear() -> None:
    assert _direction(_finding("non_compliant"), _finding("insufficient_information", "medium")) == "unclear"
    assert _direction(_finding("insufficient_information", "medium"), _finding("non_compliant")) == "unclear"
    assert _direction(_finding("non_compliant"), _finding("compliant", "info")) == "better"
    assert _direction(_finding("partially_compliant"), _finding("non_compliant")) == "worse"
