"""Triage of hostile lines and of requests on offences not in force (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cybercrime_check.cli import main
from cybercrime_check.cooperation.request import MAX_JSON_DEPTH, parse_request_line
from cybercrime_check.errors import LawDataError
from tests.paths import LAWS, ROOT

BATCH = ROOT / "examples" / "requests" / "batch.jsonl"
Capture = pytest.CaptureFixture[str]
DEEP = '{"a":' * 1000 + "1" + "}" * 1000  # about 6 KB
DEEP_ARRAY = "[" * 1000 + "]" * 1000  # 2 KB


def _good_lines() -> list[str]:
    return [line for line in BATCH.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("hostile", [DEEP, DEEP_ARRAY, '{"id":' + "9" * 5000 + "}"], ids=["object", "array", "number"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_hostile_line_is_one_malformed_line_and_the_rest_is_triaged(
    hostile: str, jobs: str, tmp_path: Path, capsys: Capture
) -> None:
    good = _good_lines()
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([good[0], hostile, *good[1:]]) + "\n", encoding="utf-8")
    assert main(["triage", str(path), "--laws", str(LAWS), "--jobs", jobs]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    reports = [line for line in captured.err.splitlines() if "batch.jsonl:" in line]
    assert any("batch.jsonl:2:" in line for line in reports), reports
    message = "number longer than 40 characters" if "9999" in hostile else f"nested deeper than {MAX_JSON_DEPTH} levels"
    assert any(message in line for line in reports if "batch.jsonl:2:" in line), reports
    assert "set_int_max_str_digits" not in captured.err
    # every other line decided (or reported) exactly once: the batch's own malformed line is still one
    decided = [json.loads(line)["request"] for line in captured.out.splitlines()]
    assert len(decided) == len(set(decided)) and len(decided) + len(reports) == len(good) + 1


def test_a_single_json_request_nested_too_deep(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "request.json"
    path.write_text(DEEP, encoding="utf-8")
    for jobs in ("1", "2"):
        assert main(["triage", str(path), "--laws", str(LAWS), "--jobs", jobs]) == 2
        err = capsys.readouterr().err
        assert f"request.json:1:{5 * 32 + 1}: nested deeper than 32 levels" in err and "Traceback" not in err


def test_the_depth_check_counts_brackets_in_strings_as_text() -> None:
    line = json.dumps({"id": "[" * 100, "requesting_state": "TN"}).encode()
    with pytest.raises(LawDataError) as info:
        parse_request_line(line, "x.jsonl", 1)
    assert "nested deeper" not in str(info.value)
