"""Engine isolation, determinism, the CLI and the committed schemas."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cybercrime_check import Checker, draft, evaluate, hookimpl, load_law
from cybercrime_check.cli import main
from cybercrime_check.files.schema import schema_json

from .conftest import AS_OF, EXPECTED, LAWS, ROOT


class _Plugin:
    def __init__(self, name: str, checker: Checker) -> None:
        self.__name__ = name
        self._checker = checker

    @hookimpl
    def cybercrime_check_checkers(self) -> list[Checker]:
        return [self._checker]


def _raises(law, ctx):  # type: ignore[no-untyped-def]
    raise RuntimeError("boom")


def _hangs(law, ctx):  # type: ignore[no-untyped-def]
    time.sleep(5)
    return []


def _garbage(law, ctx):  # type: ignore[no-untyped-def]
    return ["not a finding"]


def _undeclared(law, ctx):  # type: ignore[no-untyped-def]
    return [draft("r", "compliant", "info", "rights_risk", concepts=("cooperation.mla",), reason="x")]


def _checker(cid: str, fn, timeout: float = 10.0) -> Checker:  # type: ignore[no-untyped-def]
    return Checker(
        id=cid, title=cid, version="0", concepts=("general.human_rights",), principles=(), check=fn, timeout=timeout
    )


def test_broken_plugins_become_error_findings(uk_file: Path) -> None:
    law = load_law(uk_file)
    plugins = [
        _Plugin("p1", _checker("t.raises", _raises)),
        _Plugin("p2", _checker("t.hangs", _hangs, timeout=0.2)),
        _Plugin("p3", _checker("t.garbage", _garbage)),
        _Plugin("p4", _checker("t.undeclared", _undeclared)),
    ]
    baseline = evaluate(law, as_of=AS_OF, third_party=False)
    v = evaluate(law, as_of=AS_OF, third_party=False, plugins=plugins)
    assert not v.complete
    errors = {f.checker: f for f in v.findings if f.status == "error"}
    assert set(errors) == {"t.raises", "t.hangs", "t.garbage", "t.undeclared"}
    assert "boom" in errors["t.raises"].reason
    assert "did not finish" in errors["t.hangs"].reason
    others = [f for f in v.findings if f.status != "error"]
    assert others == list(baseline.findings)


def test_load_failure_of_plugin_is_reported(uk_file: Path) -> None:
    class Bad:
        __name__ = "bad"

        @hookimpl
        def cybercrime_check_checkers(self) -> list[object]:
            return ["nope"]

    v = evaluate(load_law(uk_file), as_of=AS_OF, third_party=False, plugins=[Bad()])
    assert not v.complete
    assert any(f.checker == "plugin:bad" and f.status == "error" for f in v.findings)


def test_select_and_exclude(uk_file: Path) -> None:
    law = load_law(uk_file)
    only = evaluate(law, as_of=AS_OF, third_party=False, checkers=["scope"])
    assert {f.checker for f in only.findings} == {"scope"}
    without = evaluate(law, as_of=AS_OF, third_party=False, exclude=["scope"])
    assert "scope" not in {f.checker for f in without.findings}


def test_json_is_identical_across_hash_seeds(uk_file: Path) -> None:
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "cybercrime_check",
                "evaluate",
                str(uk_file),
                "--format",
                "json",
                "--as-of",
                AS_OF.isoformat(),
                "--no-plugins",
            ],
            capture_output=True,
            env=env,
            check=True,
        ).stdout
        outputs.add(out)
    assert len(outputs) == 1


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


def test_cli_fail_on(uk_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(uk_file), "--fail-on", "medium", "--as-of", "2026-11-29"]) == 1
    assert main(["evaluate", str(uk_file), "--fail-on", "critical", "--as-of", "2026-11-29"]) == 0


def test_cli_text_and_markdown(uk_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(uk_file), "--as-of", "2026-11-29"]) == 0
    out = capsys.readouterr().out
    assert "not legal advice" in out and "Rights risk" in out
    assert main(["evaluate", str(uk_file), "--format", "markdown", "--convention", "uncc-draft-2024-02"]) == 0
    assert "| Provision |" in capsys.readouterr().out


def test_cli_checkers_lists_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checkers", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len({c["id"] for c in data["checkers"]}) >= 10


@pytest.mark.parametrize("which", ["law", "verdict", "expected"])
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


def test_lazy_public_api_resolves_every_name() -> None:
    import subprocess
    import sys

    import cybercrime_check

    assert sorted(set(cybercrime_check.__all__) - {"__version__"}) == sorted(cybercrime_check._EXPORTS)
    for name in cybercrime_check.__all__:
        assert getattr(cybercrime_check, name) is not None
    with pytest.raises(AttributeError):
        cybercrime_check.no_such_name  # noqa: B018
    # a bare import loads no model, template engine or hypothesis
    code = "import sys, cybercrime_check; print(sorted(m for m in ('pydantic.main', 'jinja2', 'hypothesis') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_catalogue_is_callable_whatever_was_imported_first() -> None:
    import subprocess
    import sys

    for first in ("import cybercrime_check.engine.catalogue", "import cybercrime_check.engine.evaluate", "pass"):
        code = f"{first}\nfrom cybercrime_check import catalogue\nprint(len(catalogue().principles) > 0)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "True", first


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
