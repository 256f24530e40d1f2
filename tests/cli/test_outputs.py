"""Outputs (issue 16): nothing lost, one line and exit 2 when an output cannot be written.

Every command checks its outputs before reading anything (an output that is an input, or two outputs
that are one file, are refused) and writes them atomically when its work is done.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cybercrime_check.cli import main
from tests.paths import LAWS, ROOT

TN = LAWS / "tn-decree-law-2022-54.yaml"
GB = LAWS / "gb-computer-misuse-act-1990.yaml"
BATCH = ROOT / "examples" / "requests" / "batch.jsonl"
Capture = pytest.CaptureFixture[str]


def _copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


def _one_line_exit_2(code: int, capsys: Capture, *needles: str) -> str:
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for needle in needles:
        assert needle in err, err
    return err


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "{law}", "-o", "{law}"],
        ["evaluate", "{law}", "--format", "json", "-o", "{law}"],
        ["compare", "{law}", "--format", "json", "-o", "{law}"],
        ["compare", "{law}", "--format", "csv", "-o", "{law}"],
        ["compare", "{law}", "--format", "markdown", "-o", "{law}"],
        ["compare", "{law}", "--format", "html", "-o", "{law}"],
        ["compare", "{dir}", "--format", "csv", "-o", "{law}"],
        ["exposure", "--laws", "{dir}", "--format", "csv", "-o", "{law}"],
        ["diff", "{law}", "{law}", "-o", "{law}"],
        ["triage", "{requests}", "--laws", "{dir}", "-o", "{requests}"],
        ["triage", "{requests}", "--laws", "{dir}", "--errors", "{requests}"],
        ["triage", "{requests}", "--laws", "{dir}", "-o", "{law}"],
        ["triage", "{requests}", "--laws", "{dir}", "--jobs", "2", "-o", "{requests}"],
    ],
)
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(
    command: list[str], tmp_path: Path, capsys: Capture
) -> None:
    laws = tmp_path / "laws"
    laws.mkdir()
    law = _copy(TN, laws / TN.name)
    requests = _copy(BATCH, tmp_path / "b.jsonl")
    before = {p: p.read_bytes() for p in (law, requests)}
    args = [a.format(law=law, dir=laws, requests=requests) for a in command]
    _one_line_exit_2(main(args), capsys, "is also an input")
    assert {p: p.read_bytes() for p in before} == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["b.jsonl", "laws", TN.name]


def test_links_to_an_input_are_the_input(tmp_path: Path, capsys: Capture) -> None:
    requests = _copy(BATCH, tmp_path / "b.jsonl")
    (tmp_path / "soft.jsonl").symlink_to(requests)
    os.link(requests, tmp_path / "hard.jsonl")
    before = requests.read_bytes()
    for name in ("soft.jsonl", "hard.jsonl"):
        code = main(["triage", str(requests), "--laws", str(LAWS), "-o", str(tmp_path / name)])
        _one_line_exit_2(code, capsys, "is also an input")
    assert requests.read_bytes() == before


def test_two_outputs_that_are_one_file_are_refused(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "out.jsonl"
    code = main(["triage", str(BATCH), "--laws", str(LAWS), "-o", str(out), "--errors", str(out)])
    _one_line_exit_2(code, capsys, "are the same file")
    assert not out.exists()


def test_standard_input_redirected_from_the_output_is_refused(tmp_path: Path) -> None:
    requests = _copy(BATCH, tmp_path / "b.jsonl")
    before = requests.read_bytes()
    with requests.open("rb") as stdin:
        run = subprocess.run(
            [sys.executable, "-m", "cybercrime_check", "triage", "-", "--laws", str(LAWS), "-o", str(requests)],
            stdin=stdin,
            capture_output=True,
            text=True,
        )
    assert run.returncode == 2 and "standard input" in run.stderr and "Traceback" not in run.stderr
    assert requests.read_bytes() == before


def test_bad_input_to_compare_keeps_the_existing_report(tmp_path: Path, capsys: Capture) -> None:
    report = tmp_path / "report.csv"
    assert main(["compare", str(TN), str(GB), "--format", "csv", "-o", str(report)]) == 0
    before = report.read_bytes()
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    for fmt in ("csv", "json", "markdown", "html"):
        assert main(["compare", str(TN), str(bad), "--format", fmt, "-o", str(report)]) == 2
        assert report.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "report.csv"]
    capsys.readouterr()


def test_a_run_that_fails_half_way_leaves_the_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    from cybercrime_check.cooperation.triage.compiled import CompiledTriager

    out = tmp_path / "decisions.jsonl"
    out.write_text("yesterday's decisions\n", encoding="utf-8")
    calls = {"n": 0}
    original = CompiledTriager.line_into

    def fails_on_the_third(self: CompiledTriager, request: object, out: list[bytes], newline: bool = False) -> object:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return original(self, request, out, newline)  # type: ignore[arg-type]

    monkeypatch.setattr(CompiledTriager, "line_into", fails_on_the_third)
    with pytest.raises(RuntimeError):
        main(["triage", str(BATCH), "--laws", str(LAWS), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "yesterday's decisions\n"
    assert [p.name for p in tmp_path.iterdir()] == ["decisions.jsonl"]  # no temporary file left behind


def test_outputs_replace_the_file_and_keep_its_permissions_and_links(tmp_path: Path, capsys: Capture) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert main(["evaluate", str(TN), "--format", "json", "-o", str(link), "--as-of", "2026-11-29"]) == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("{")
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.json", "report.json"]


@pytest.mark.parametrize(
    ("where", "needle"),
    [
        ("{tmp}/no/such/dir/out.txt", "no such directory"),
        ("{tmp}", "is a directory"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", str(TN)],
        ["compare", str(TN), "--format", "csv"],
        ["compare", str(TN), "--format", "markdown"],
        ["exposure", "--laws", str(TN)],
        ["triage", str(BATCH), "--laws", str(LAWS)],
    ],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(
    command: list[str], where: str, needle: str, tmp_path: Path, capsys: Capture
) -> None:
    path = where.format(tmp=tmp_path)
    _one_line_exit_2(main([*command, "-o", path]), capsys, needle, "cannot write")
    if command[0] == "triage":
        _one_line_exit_2(main([*command, "--errors", path]), capsys, needle, "cannot write")


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    import tempfile

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    code = main(["evaluate", str(TN), "-o", str(tmp_path / "out.txt")])
    _one_line_exit_2(code, capsys, "cannot write", "Permission denied")
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_full_disk_is_one_line(fmt: str, capsys: Capture) -> None:
    _one_line_exit_2(main(["evaluate", str(TN), "--format", fmt, "-o", "/dev/full"]), capsys, "No space left")
    _one_line_exit_2(main(["compare", str(TN), "--format", "csv", "-o", "/dev/full"]), capsys, "No space left")
    code = main(["triage", str(BATCH), "--laws", str(LAWS), "-o", "/dev/null", "--errors", "/dev/full"])
    _one_line_exit_2(code, capsys, "No space left")


def test_a_closed_standard_output_is_one_line(capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    # capsys before monkeypatch: monkeypatch undoes its change last, so it cannot restore capsys's closed stream
    monkeypatch.setattr(sys, "stdout", None)
    _one_line_exit_2(main(["evaluate", str(TN)]), capsys, "standard output", "closed")


class _BrokenPipe:
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", str(TN)],
        ["compare", str(TN), "--format", "json"],
        ["validate", str(TN)],
        ["checkers"],
        ["schema", "law"],
        ["triage", str(BATCH), "--laws", str(LAWS)],
    ],
)
def test_a_broken_standard_output_is_one_line(
    command: list[str], capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _BrokenPipe())
    _one_line_exit_2(main(command), capsys, "standard output", "Broken pipe")


def _run_cli(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cybercrime_check", *args], capture_output=True, text=True, **kwargs)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file descriptors")
def test_closed_descriptors_for_real() -> None:
    closed_out = _run_cli(["evaluate", str(TN)], preexec_fn=lambda: os.close(1))
    assert closed_out.returncode == 2 and "standard output" in closed_out.stderr
    closed_in = _run_cli(["triage", "-", "--laws", str(LAWS)], preexec_fn=lambda: os.close(0))
    assert closed_in.returncode == 2 and "standard input is closed" in closed_in.stderr
    assert "Traceback" not in closed_out.stderr + closed_in.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_a_reader_that_goes_away_is_one_line() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "cybercrime_check", "compare", str(LAWS), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait() == 2
    assert err.strip().splitlines() == ["cybercrime-check: error: cannot write standard output: Broken pipe"]


def test_standard_input_closed_in_process(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    _one_line_exit_2(main(["triage", "-", "--laws", str(LAWS)]), capsys, "standard input is closed")


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "{empty}"],
        ["evaluate", "{empty}", "--format", "html"],
        ["compare", "{empty}"],
        ["compare", "{empty}", "--format", "json"],
        ["validate", "{empty}"],
        ["exposure", "--laws", "{empty}"],
        ["triage", str(BATCH), "--laws", "{empty}"],
    ],
)
def test_an_empty_directory_is_bad_input(command: list[str], tmp_path: Path, capsys: Capture) -> None:
    code = main([a.format(empty=tmp_path) for a in command])
    _one_line_exit_2(code, capsys, f"no law files found in {tmp_path}")


def test_jobs_are_capped_at_the_cpu_count(capsys: Capture, tmp_path: Path) -> None:
    from cybercrime_check.cli._args import cpu_count

    out = tmp_path / "c.csv"
    assert main(["compare", str(TN), str(GB), "--format", "csv", "--jobs", "100000", "-o", str(out)]) == 0
    assert (
        f"--jobs 100000 is more than the {cpu_count()} CPU(s) available; using {cpu_count()}" in capsys.readouterr().err
    )
    assert main(["triage", str(BATCH), "--laws", str(LAWS), "--jobs", "100000", "-o", str(tmp_path / "d")]) == 2
    assert "--jobs 100000 is more than" in capsys.readouterr().err


def test_compare_refuses_the_same_file_or_law_twice(tmp_path: Path, capsys: Capture) -> None:
    _one_line_exit_2(main(["compare", str(TN), str(TN)]), capsys, "given twice", str(TN))
    _one_line_exit_2(main(["compare", str(TN), str(LAWS), "--format", "csv"]), capsys, "given twice")
    twin = _copy(TN, tmp_path / "twin.yaml")
    for fmt in ("csv", "json", "markdown", "html"):
        code = main(["compare", str(TN), str(twin), "--format", fmt, "-o", str(tmp_path / "out")])
        err = _one_line_exit_2(code, capsys, "law id 'tn-decree-law-2022-54' is also used by")
        assert "twin.yaml" in err and "tn-decree-law-2022-54.yaml" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("epoch", ["99999999999999", "-5", "soon", "1e9"])
def test_source_date_epoch_out_of_range_is_a_usage_error(
    epoch: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    for command in (["evaluate", str(TN)], ["triage", str(BATCH), "--laws", str(LAWS)], ["diff", str(TN), str(TN)]):
        _one_line_exit_2(main(command), capsys, "SOURCE_DATE_EPOCH")


def test_source_date_epoch_in_range_sets_the_date(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    assert main(["evaluate", str(TN), "--format", "json"]) == 0
    assert '"as_of": "2026-05-28"' in capsys.readouterr().out


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_devices_are_written_in_place_and_may_be_named_twice(capsys: Capture) -> None:
    code = main(["triage", str(BATCH), "--laws", str(LAWS), "-o", "/dev/null", "--errors", "/dev/null"])
    assert code == 2  # the batch's own malformed line, reported to /dev/null
    err = capsys.readouterr().err
    assert "same file" not in err and "cannot write" not in err
    assert Path("/dev/null").exists() and not Path("/dev/null").is_file()
