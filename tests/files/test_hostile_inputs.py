"""Hostile and careless inputs (issue 16): bounded reading, strict booleans and digits, one clear message per
problem, and no problem hiding the others."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from cybercrime_check.cli import main
from cybercrime_check.errors import LawDataError
from cybercrime_check.files.loader import load_law
from tests.paths import LAWS

NL = LAWS / "nl-computer-crime-act-iii.yaml"
GB = LAWS / "gb-computer-misuse-act-1990.yaml"
Capture = pytest.CaptureFixture[str]


def _problems(path: Path) -> list[str]:
    with pytest.raises(LawDataError) as info:
        load_law(path)
    return [str(p) for p in info.value.problems]


def _variant(tmp_path: Path, source: Path, old: str, new: str, count: int = 1) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_file_is_read_only_up_to_the_limit(capsys: Capture) -> None:
    start = time.perf_counter()
    assert main(["validate", "/dev/zero"]) == 2
    assert time.perf_counter() - start < 10
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "larger than the limit of 33,554,432 bytes" in err


def test_a_duplicate_key_does_not_hide_the_other_problems(tmp_path: Path) -> None:
    text = GB.read_text(encoding="utf-8")
    text = text.replace("instrument_type: statute\n", "instrument_type: statute\ntitle: again\ninstrument_typo: x\n")
    path = tmp_path / "dup.yaml"
    path.write_text(text.replace("in_force: true", "in_force: yes"), encoding="utf-8")
    found = _problems(path)
    assert any("duplicate key 'title'" in p for p in found)
    assert any("instrument_typo: unknown field" in p for p in found)
    assert any("in_force: expected true, false or 'unspecified'" in p for p in found)


def _binding(tmp_path: Path, value: str) -> Path:
    text = NL.read_text(encoding="utf-8")
    match = re.search(r"^(\s+)binding: (true|false)$", text, re.M)
    if match:
        text = text[: match.start()] + f"{match.group(1)}binding: {value}" + text[match.end() :]
    else:
        match = re.search(r"^(\s+)- kind: (\w+)\n", text, re.M)
        assert match, "the NL law has a defence"
        indent = match.group(1) + "  "
        text = text[: match.end()] + f"{indent}binding: {value}\n" + text[match.end() :]
    path = tmp_path / "nl.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("value", ["yes", "no", "off", "on", "0", "1", '"Y"', '"true"', "'false'", "~"])
def test_defence_binding_must_be_a_yaml_boolean(value: str, tmp_path: Path) -> None:
    found = _problems(_binding(tmp_path, value))
    assert len(found) == 1 and re.match(r".*nl\.yaml:\d+:\d+: offences\.\d+\.defences\.\d+\.binding: ", found[0])


@pytest.mark.parametrize("value", ["true", "false", "TRUE"])
def test_defence_binding_accepts_booleans(value: str, tmp_path: Path) -> None:
    assert load_law(_binding(tmp_path, value)).id == "nl-computer-crime-act-iii"


@pytest.mark.parametrize("digits", ["٥", "５", "۵", "५"], ids=["arabic-indic", "fullwidth", "persian", "devanagari"])
def test_only_ascii_digits_count(digits: str, tmp_path: Path) -> None:
    years = _variant(tmp_path, GB, "max: 2 years", f"max: {digits} years")
    (problem,) = _problems(years)
    assert "penalty.imprisonment.max: expected a length such as '5 years'" in problem
    dates = _variant(tmp_path, GB, "enacted: 1990-06-29", f"enacted: 199{digits}-06-29")
    (problem,) = _problems(dates)
    assert "enacted: expected an ISO date YYYY-MM-DD" in problem


def test_a_length_beyond_the_limit_says_the_limit(tmp_path: Path) -> None:
    (problem,) = _problems(_variant(tmp_path, GB, "max: 2 years", "max: 1000000 years"))
    assert "at most 6 digits, and at most 2 after the point (got '1000000 years')" in problem
    (problem,) = _problems(_variant(tmp_path, GB, "max: 2 years", "max: 2.125 years"))
    assert "at most 2 after the point" in problem


def test_a_javascript_url_is_one_clear_problem(tmp_path: Path) -> None:
    path = _variant(tmp_path, GB, "url: https://www.legislation.gov.uk/ukpga/1990/18\n", "url: javascript:alert(1)\n")
    (problem,) = _problems(path)
    assert problem.endswith(
        "sources.0.url: expected a web address starting with http:// or https://, without spaces "
        "(got 'javascript:alert(1)')"
    )


def test_a_huge_number_gets_our_own_message(tmp_path: Path) -> None:
    found = _problems(_variant(tmp_path, GB, "title: Computer Misuse", "title: " + "9" * 5000 + "\nx: Computer Misuse"))
    assert any(p.endswith("5:8: number longer than 30 digits") for p in found), found
    found = _problems(_variant(tmp_path, GB, "title: Computer Misuse", "title: 1." + "9" * 5000 + "\nx: C"))
    assert any(p.endswith("5:8: number longer than 40 characters") for p in found), found
    assert not any("set_int_max_str_digits" in p or "title" in p for p in found)


def test_a_value_with_a_newline_stays_on_one_line(tmp_path: Path) -> None:
    (problem,) = _problems(_variant(tmp_path, GB, "id: gb-computer-misuse-act-1990", 'id: "gb\\ncma"'))
    assert "\n" not in problem and "(got 'gb\\ncma')" in problem


def test_diff_from_the_first_day_of_the_calendar_is_a_usage_error(tmp_path: Path, capsys: Capture) -> None:
    old = LAWS / "jo-cybercrime-law-27-2015.yaml"
    shutil.copytree(LAWS / "general", tmp_path / "general")  # the 2023 law's penalties come from the penal code
    new = _variant(
        tmp_path, LAWS / "jo-cybercrime-law-17-2023.yaml", "in_force_from: 2023-09-12", "in_force_from: 0001-01-01"
    )
    # Law schema 2 refuses entry into force before enactment; drop the enactment date to reach the diff.
    text = new.read_text(encoding="utf-8").replace("enacted: 2023-08-12", "enacted: unspecified")
    new.write_text(text, encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no day before it" in err and "--old-as-of" in err
    assert main(["diff", str(old), str(new), "--old-as-of", "0001-01-01", "--as-of", "9999-12-31"]) == 0
