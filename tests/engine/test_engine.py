"""Engine: isolation of checkers, selection, determinism and the lazy public API."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cybercrime_check import Checker, draft, evaluate, hookimpl, load_law
from tests.paths import AS_OF


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

    for first in ("import cybercrime_check.engine.catalogue", "import cybercrime_check.engine.evaluation", "pass"):
        code = f"{first}\nfrom cybercrime_check import catalogue\nprint(len(catalogue().principles) > 0)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "True", first
