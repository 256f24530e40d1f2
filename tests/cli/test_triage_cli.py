"""The triage and exposure commands: streaming, malformed lines, formats, jobs, exit codes, schemas."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cybercrime_check.cli import main
from cybercrime_check.files.schema import schema_json
from tests.paths import LAWS, ROOT

REQUESTS = ROOT / "examples" / "requests"
BATCH = REQUESTS / "batch.jsonl"


def test_batch_with_a_malformed_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["triage", str(BATCH), "--laws", str(LAWS)]) == 2
    captured = capsys.readouterr()
    decisions = [json.loads(line) for line in captured.out.splitlines()]
    ids = [
        json.loads(line)["id"]
        for line in BATCH.read_text(encoding="utf-8").splitlines()
        if '"measures":["extradition"]}' not in line
    ]
    assert [d["request"] for d in decisions] == ids  # input order, the malformed line left out
    assert "batch.jsonl:4:" in captured.err and "duplicate key 'measures'" in captured.err
    assert "input lines            8" in captured.err and "malformed              1" in captured.err
    assert "Traceback" not in captured.err


def test_errors_file_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, errors = tmp_path / "d.jsonl", tmp_path / "e.txt"
    assert main(["triage", str(BATCH), "--laws", str(LAWS), "-o", str(out), "--errors", str(errors)]) == 2
    assert errors.read_text(encoding="utf-8").startswith(f"{os.path.relpath(BATCH)}:4:")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7
    summary = capsys.readouterr().out  # with -o the summary goes to standard output
    assert "triaged                7" in summary and "must_refuse" in summary


def test_blank_too_long_and_bad_reference_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = BATCH.read_text(encoding="utf-8").splitlines()[0]
    bad_ref = first.replace('"law":"de-stgb-202a-202c"', '"law":"de-nope"')
    path = tmp_path / "r.jsonl"
    path.write_bytes((first + "\n\n" + bad_ref + "\n" + "x" * (1024 * 1024 + 10) + "\n" + first).encode())
    assert main(["triage", str(path), "--laws", str(LAWS)]) == 2
    err = capsys.readouterr().err
    assert "r.jsonl:3:" in err and "offence.law: unknown law id 'de-nope'" in err
    assert "r.jsonl:4:0: line longer than" in err
    assert "input lines            5" in err and "blank                  1" in err and "triaged                2" in err


@pytest.mark.parametrize("fmt", ["jsonl", "markdown"])
def test_reports_keep_line_order_across_validation_and_triage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # A chunk is validated first and triaged after: an unknown reference (found while triaging, line 2) is still
    # reported before a malformed line (found while validating, line 3).
    first = BATCH.read_text(encoding="utf-8").splitlines()[0]
    bad_ref = first.replace('"law":"de-stgb-202a-202c"', '"law":"de-nope"')
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join([first, bad_ref, '{"id": "x"', first]) + "\n", encoding="utf-8")
    assert main(["triage", str(path), "--laws", str(LAWS), "--format", fmt]) == 2
    captured = capsys.readouterr()
    lines = [line.split("r.jsonl:", 1)[1] for line in captured.err.splitlines() if "r.jsonl:" in line]
    assert [line.split(":")[0] for line in lines] == ["2", "3"], lines
    assert "input lines            4" in captured.err and "malformed              2" in captured.err
    if fmt == "jsonl":
        assert len(captured.out.splitlines()) == 2


def test_single_yaml_request_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    path = REQUESTS / "tn-to-nl-false-news.yaml"
    assert main(["triage", str(path), "--laws", str(LAWS), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "**may refuse**" in out and "not legal advice" in out and "| protected expression |" in out
    assert (
        main(["triage", str(path), "--laws", str(LAWS), "--format", "csv", "--convention", "uncc-draft-2024-02"]) == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["outcome"] == "may_refuse" and "not legal advice" in rows[0]["disclaimer"]
    assert "protected_expression=may_refuse [Art 40, Art 5(2)" in rows[0]["grounds"]  # draft numbering


def test_bad_yaml_request_names_file_line_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    text = (REQUESTS / "de-to-nl-ransomware.yaml").read_text(encoding="utf-8")
    bad.write_text(
        text.replace("offence: s202a-1", "offence: s999").replace("urgency: urgent", "urgency: soon"), encoding="utf-8"
    )
    assert main(["triage", str(bad), "--laws", str(LAWS)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml:" in err and "urgency:" in err and "Traceback" not in err
    bad.write_text(text.replace("offence: s202a-1", "offence: s999"), encoding="utf-8")
    assert main(["triage", str(bad), "--laws", str(LAWS)]) == 2
    assert "bad.yaml:12:12: offence.offence: law 'de-stgb-202a-202c' has no offence 's999'" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["triage", str(BATCH), "--laws", str(LAWS), "--jobs", "0"])
    assert info.value.code == 2
    assert main(["triage", "no/such.jsonl", "--laws", str(LAWS)]) == 2
    assert "cannot read file" in capsys.readouterr().err


def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    lines = BATCH.read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as f:
        for i in range(1300):  # more than two chunks of 512 lines
            f.write(lines[i % len(lines)].replace('"id":"', f'"id":"{i}-', 1) + "\n")
    outputs = []
    for jobs in ("1", "3"):
        out = tmp_path / f"out-{jobs}.jsonl"
        code = main(["triage", str(big), "--laws", str(LAWS), "--jobs", jobs, "-o", str(out), "--as-of", "2026-06-01"])
        assert code == 2  # the malformed line repeats
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 1300 - 1300 // len(lines) - (1 if 1300 % len(lines) > 3 else 0)


def test_output_is_identical_across_hash_seeds() -> None:
    runs = set()
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-m", "cybercrime_check", "triage", str(BATCH), "--laws", str(LAWS)],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        assert result.returncode == 2
        runs.add(result.stdout)
    assert len(runs) == 1


def test_no_progress_bar_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    sys.modules.pop("tqdm", None)
    main(["triage", str(BATCH), "--laws", str(LAWS)])
    assert "tqdm" not in sys.modules
    assert "lines/s" not in capsys.readouterr().err


def test_exposure_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exposure", "--laws", str(LAWS), "--as-of", "2026-06-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "cybercrime-check/exposure/1" and len(data["cells"]) == len(data["states"]) * (
        len(data["states"]) - 1
    )
    out = tmp_path / "x.csv"
    assert main(["exposure", "--laws", str(LAWS), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert any(r["requesting"] == "TN" and r["requested"] == "TH" and r["dual_criminality"] == "yes" for r in rows)
    with pytest.raises(SystemExit):
        main(["exposure", "--laws", str(LAWS), "--format", "pdf"])  # unknown format: usage error


@pytest.mark.parametrize("which", ["request", "decision", "exposure"])
def test_committed_schema_matches_model(which: str) -> None:
    committed = (ROOT / "docs" / "schema" / f"{which}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(which), f"run: cybercrime-check schema {which} > docs/schema/{which}.schema.json"


def test_example_requests_point_at_schema() -> None:
    for path in sorted(REQUESTS.glob("*.yaml")):
        if path.name != "expected-outcomes.yaml":
            assert path.read_text(encoding="utf-8").startswith(
                "# yaml-language-server: $schema=../../docs/schema/request.schema.json"
            ), path


def test_workers_judge_by_the_laws_read_before_the_files_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16: the workers of ``--jobs 2`` get the laws the parent read, never the files again."""
    import shutil

    from cybercrime_check.files import loader

    laws = tmp_path / "laws"
    shutil.copytree(LAWS, laws)
    assert main(["triage", str(BATCH), "--laws", str(laws)]) == 2
    expected = capsys.readouterr().out
    original = loader.load_laws

    def read_then_break(paths: list[Path]) -> list[object]:
        found = original(paths)
        for path in laws.glob("*.yaml"):  # as if someone edited the laws while the batch runs
            path.write_text("id: [broken\n", encoding="utf-8")
        return found  # type: ignore[return-value]

    monkeypatch.setattr(loader, "load_laws", read_then_break)
    assert main(["triage", str(BATCH), "--laws", str(laws), "--jobs", "2"]) == 2
    captured = capsys.readouterr()
    assert captured.out == expected and "Traceback" not in captured.err
