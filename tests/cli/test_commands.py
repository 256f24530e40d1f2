"""The command line: validate, evaluate, checkers, schema, and what the commands import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cybercrime_check.cli import main
from cybercrime_check.cli.schema import SCHEMAS
from cybercrime_check.files.schema import schema_json
from tests.paths import EXPECTED, LAWS, ROOT


def test_cli_validate_ok_and_duplicate_key(tmp_path: Path, uk_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(uk_file)]) == 0
    bad = tmp_path / "dup.yaml"
    bad.write_text(uk_file.read_text(encoding="utf-8") + "title: again\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "dup.yaml:" in err and "duplicate key 'title'" in err and "Traceback" not in err


def test_cli_missing_file_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "no/such/file.yaml"]) == 2
    assert "cannot read file" in capsys.readouterr().err


def test_cli_unknown_checker_is_usage_error(uk_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(uk_file), "--checker", "nope"]) == 2
    assert "unknown checker" in capsys.readouterr().err


def test_cli_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    tunisia = str(LAWS / "tn-decree-law-2022-54.yaml")
    assert main(["evaluate", tunisia, "--fail-on", "critical", "--as-of", "2026-11-29"]) == 1
    be = str(LAWS / "be-ethical-hacking-framework.yaml")
    assert main(["evaluate", be, "--fail-on", "critical", "--as-of", "2026-11-29"]) == 0


def test_cli_text_and_markdown(uk_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(uk_file), "--as-of", "2026-11-29"]) == 0
    out = capsys.readouterr().out
    assert "not legal advice" in out and "Rights risk" in out
    assert main(["evaluate", str(uk_file), "--format", "markdown", "--convention", "uncc-draft-2024-02"]) == 0
    text = capsys.readouterr().out
    assert "## Most serious violations" in text and "## Provision by provision" in text
    assert "uncc-draft-2024-02" in text


def test_cli_checkers_lists_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checkers", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len({c["id"] for c in data["checkers"]}) >= 10


@pytest.mark.parametrize("which", SCHEMAS)
def test_committed_schema_matches_model(which: str) -> None:
    committed = (ROOT / "docs" / "schema" / f"{which}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(which), f"run: cybercrime-check schema {which} > docs/schema/{which}.schema.json"


def test_examples_point_at_schema() -> None:
    for path in sorted(LAWS.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../../docs/schema/law.schema.json"
        ), path
    for path in sorted(EXPECTED.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../../docs/schema/expected.schema.json"
        ), path


def test_law_clinic_script_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "scripts" / "serious_speech_offences.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "TN" in out and "Art. 24" in out and "not legal advice" in out


def test_calibration_script_counts_every_law() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "scripts" / "violations_by_law.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line for line in out.splitlines() if line.split(" ", 1)[0] in {p.stem for p in LAWS.glob("*.yaml")}]
    assert len(rows) == len(list(LAWS.glob("*.yaml")))
    assert "comparators:" in out and "others:" in out and "not legal advice" in out


def test_cli_option_literals_match_the_catalogue_and_version_stays_light() -> None:
    import subprocess
    import sys

    from cybercrime_check.cli import _args as _cli_triage_options
    from cybercrime_check.engine.catalogue import DEFAULT_VERSION, TEXT_VERSIONS

    assert tuple(TEXT_VERSIONS) == _cli_triage_options.TEXT_VERSIONS
    assert _cli_triage_options.DEFAULT_VERSION == DEFAULT_VERSION
    code = (
        "import sys\nfrom cybercrime_check.cli import build_parser\nbuild_parser()\n"
        "print(sorted(m for m in ('pydantic.main', 'cybercrime_check.cooperation.triage', 'jinja2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
