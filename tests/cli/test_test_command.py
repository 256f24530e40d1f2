"""``cybercrime-check test``: JUnit output parsed back, known disagreements, and typos in rule names."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from cybercrime_check.cli import main
from cybercrime_check.engine.expected import load_expected
from tests.paths import EXPECTED


def test_junit_report_is_parsed_back_with_one_case_per_expectation(tmp_path: Path) -> None:
    files = sorted(EXPECTED.glob("*.yaml"))
    out = tmp_path / "junit.xml"
    assert main(["test", "-q", *map(str, files), "--junit", str(out)]) == 0
    root = ET.parse(out).getroot()
    suites = root.findall("testsuite")
    assert len(suites) == len(files)
    cases = root.findall("testsuite/testcase")
    assert len(cases) == sum(len(load_expected(f).expectations) for f in files)
    known = {e.id for f in files for e in load_expected(f).expectations if e.known_disagreement}
    skipped = {c.get("name") for c in cases if c.find("skipped") is not None}
    assert skipped == known and known
    assert not root.findall("testsuite/testcase/failure")
    assert sum(int(s.get("skipped", "0")) for s in suites) == len(known)


def test_a_disagreement_is_a_junit_failure_and_exit_1(tmp_path: Path) -> None:
    source = EXPECTED / "gb-computer-misuse-act-1990.yaml"
    text = source.read_text(encoding="utf-8").replace("../laws/", str(source.parent.parent / "laws") + "/")
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text.replace("status: non_compliant", "status: compliant", 1), encoding="utf-8")
    out = tmp_path / "junit.xml"
    assert main(["test", str(wrong), "--junit", str(out)]) == 1
    failures = ET.parse(out).getroot().findall("testsuite/testcase/failure")
    assert len(failures) == 1 and "expected compliant" in (failures[0].get("message") or "")


def test_a_misspelt_rule_is_an_error_in_the_file_not_a_disagreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = EXPECTED / "gb-computer-misuse-act-1990.yaml"
    text = source.read_text(encoding="utf-8").replace("../laws/", str(source.parent.parent / "laws") + "/")
    typo = tmp_path / "typo.yaml"
    typo.write_text(text.replace("rule: no-research-defence", "rule: no-research-defense", 1), encoding="utf-8")
    assert main(["test", str(typo)]) == 2
    err = capsys.readouterr().err
    assert "typo.yaml:9:" in err and "has no rule 'no-research-defense'" in err and "no-research-defence" in err
