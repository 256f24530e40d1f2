"""Isolation of third-party checkers (issue 16): whatever a plugin does, it costs only its own findings.

Third-party checkers run in a worker process with a time-out and a memory limit; each way of taking
the run down becomes one ``error`` finding and an incomplete verdict, the other findings intact.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from cybercrime_check import Checker, FindingDraft, evaluate, findings_from_drafts, load_law
from cybercrime_check.cli import main
from cybercrime_check.engine import registry as registry_module
from cybercrime_check.engine.isolation import MAX_FINDINGS, stop_workers, validate_output
from cybercrime_check.engine.registry import build_registry
from cybercrime_check.engine.verdict import Verdict
from tests.fixtures import hostile_checkers as hostile
from tests.paths import AS_OF, LAWS

UK = LAWS / "gb-computer-misuse-act-1990.yaml"


@pytest.fixture(scope="module")
def baseline() -> Verdict:
    return evaluate(load_law(UK), as_of=AS_OF, third_party=False)


def _evaluate(*checkers: Checker) -> Verdict:
    return evaluate(load_law(UK), as_of=AS_OF, third_party=False, plugins=[hostile.Plugin("hostile", *checkers)])


@pytest.mark.parametrize(
    ("checker", "reason"),
    [
        (hostile.EXITS, "ended its process (exit code 3)"),
        (hostile.SYSTEM_EXIT, "raised SystemExit: 4"),
        (hostile.INTERRUPT, "raised KeyboardInterrupt"),
        (hostile.HANGS, "did not finish within 0.5 s"),
        (hostile.EATS_MEMORY, "ran out of memory"),
        (hostile.FLOODS, "findings. Its findings are missing"),
        (hostile.MUTATES_LAW, "changed the law it was given"),
        (hostile.MUTATES_CATALOGUE, "changed the shared catalogue"),
        (hostile.MALFORMED, "returned an invalid FindingDraft"),
    ],
    ids=lambda x: x.id if isinstance(x, Checker) else "",
)
def test_a_hostile_checker_costs_only_its_own_findings(checker: Checker, reason: str, baseline: Verdict) -> None:
    v = _evaluate(checker, hostile.POLITE)
    assert not v.complete
    errors = [f for f in v.findings if f.status == "error"]
    assert [f.checker for f in errors] == [checker.id]
    assert reason in errors[0].reason, errors[0].reason
    # the worker is replaced: the next third-party checker still runs, and the built-ins are untouched
    polite = [f for f in v.findings if f.checker == hostile.POLITE.id]
    assert len(polite) == 1 and "was read in a worker process" in polite[0].reason
    assert [f for f in v.findings if f.checker not in (checker.id, hostile.POLITE.id)] == list(baseline.findings)


def test_the_cap_on_findings_grows_with_the_law() -> None:
    from cybercrime_check.engine.isolation import findings_cap

    assert findings_cap(frozenset()) == MAX_FINDINGS
    assert findings_cap(frozenset(str(i) for i in range(11_000))) > 200_000  # the scale benchmark's law


def test_a_friendly_plugin_gives_a_complete_verdict(baseline: Verdict) -> None:
    v = _evaluate(hostile.POLITE)
    assert v.complete
    assert v.law.content_hash == baseline.law.content_hash


def test_what_a_checker_prints_does_not_reach_standard_output(capfd: pytest.CaptureFixture[str]) -> None:
    stop_workers()  # a new worker, whose standard error is the one captured here
    v = _evaluate(hostile.PRINTS)
    assert v.complete
    out, err = capfd.readouterr()
    assert "noise from a checker" not in out and "noise from a checker" in err


def _closure_checker() -> Checker:
    def check(law: Any, ctx: Any) -> list[FindingDraft]:
        return []

    return hostile.checker("local.closure", check)


def test_a_checker_that_cannot_be_sent_to_the_worker_is_an_error() -> None:
    v = _evaluate(_closure_checker())
    assert not v.complete
    (error,) = [f for f in v.findings if f.status == "error"]
    assert "cannot be sent to a worker process" in error.reason and "top level of a module" in error.reason


def test_malformed_drafts_are_refused_wherever_they_come_from(uk_file: Path) -> None:
    law = load_law(uk_file)
    bad = hostile.malformed_draft(rule=None, status="nonsense", concepts=None)
    drafts, problem = validate_output(hostile.POLITE, frozenset(), [bad])
    assert drafts == [] and problem is not None and "invalid FindingDraft" in problem
    with pytest.raises(ValueError, match="invalid FindingDraft"):
        findings_from_drafts([bad], hostile.POLITE, law)
    missing = hostile.malformed_draft(rule="r")
    assert "invalid FindingDraft" in (validate_output(hostile.POLITE, frozenset(), [missing])[1] or "")


@pytest.mark.parametrize("timeout", [math.inf, math.nan, 0, -1.0, True, "10"])
def test_a_checker_timeout_must_be_a_positive_finite_number(timeout: Any) -> None:
    bad = hostile.checker("bad.timeout", hostile._polite, timeout=timeout)
    reg = build_registry([hostile.Plugin("bad-timeout", bad, hostile.POLITE)], third_party=False)
    assert [f.plugin for f in reg.failures] == ["bad-timeout"]
    assert "finite number of seconds above 0" in reg.failures[0].error
    assert all(plugin == "builtin" for _, plugin in reg.checkers)  # all or nothing: POLITE does not run either


@pytest.mark.parametrize("plugin", [hostile.ExitingHook(), hostile.InterruptedHook()], ids=lambda p: p.__name__)
def test_a_hook_that_exits_is_a_load_failure(plugin: object) -> None:
    reg = build_registry([plugin], third_party=False)
    assert len(reg.failures) == 1
    assert reg.failures[0].error.startswith(("SystemExit", "KeyboardInterrupt"))


class _EntryPoint:
    def __init__(self, name: str, raises: BaseException | None = None, plugin: object = None) -> None:
        self.name = name
        self._raises = raises
        self._plugin = plugin

    def load(self) -> object:
        if self._raises is not None:
            raise self._raises
        return self._plugin


def _entry_points(*eps: _EntryPoint) -> Any:
    return lambda group: list(eps)


def test_a_plugin_that_exits_while_imported_is_a_load_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        registry_module,
        "entry_points",
        _entry_points(
            _EntryPoint("a-exits", SystemExit(3)),
            _EntryPoint("b-interrupts", KeyboardInterrupt()),
            _EntryPoint("c-base", BaseException("odd")),
            _EntryPoint("d-fine", plugin=hostile.Plugin("d-fine", hostile.POLITE)),
        ),
    )
    reg = build_registry()
    assert {f.plugin: f.error for f in reg.failures} == {
        "a-exits": "SystemExit: 3",
        "b-interrupts": "KeyboardInterrupt",
        "c-base": "BaseException: odd",
    }
    assert (hostile.POLITE, "d-fine") in reg.checkers


def test_fail_on_fails_on_an_incomplete_verdict(
    monkeypatch: pytest.MonkeyPatch, uk_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        registry_module,
        "entry_points",
        _entry_points(_EntryPoint("hostile", plugin=hostile.Plugin("h", hostile.EXITS))),
    )
    assert main(["evaluate", str(uk_file), "--as-of", "2026-11-29", "--format", "json"]) == 0
    assert '"complete": false' in capsys.readouterr().out
    assert main(["evaluate", str(uk_file), "--as-of", "2026-11-29", "--fail-on", "critical"]) == 1
    assert "incomplete verdict" in capsys.readouterr().err
    assert main(["evaluate", str(uk_file), "--as-of", "2026-11-29", "--fail-on", "critical", "--no-plugins"]) == 0


def test_diff_fails_on_regression_when_a_verdict_is_incomplete(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = LAWS / "jo-cybercrime-law-27-2015.yaml", LAWS / "jo-cybercrime-law-17-2023.yaml"
    monkeypatch.setattr(
        registry_module,
        "entry_points",
        _entry_points(_EntryPoint("hostile", plugin=hostile.Plugin("h", hostile.SYSTEM_EXIT))),
    )
    assert main(["diff", str(old), str(new), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"incomplete": [\n    "jo-cybercrime-law-27-2015",\n    "jo-cybercrime-law-17-2023"\n  ]' in out
    assert main(["diff", str(old), str(new), "--fail-on-regression"]) == 1
    captured = capsys.readouterr()
    assert "INCOMPLETE: a checker failed" in captured.out and "incomplete verdict" in captured.err
    assert main(["diff", str(old), str(new), "--format", "json", "--no-plugins"]) == 0
    assert '"incomplete"' not in capsys.readouterr().out


def test_a_checker_defined_in_the_script_being_run_says_so(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = tmp_path / "script.py"
    script.write_text(
        "from cybercrime_check import Checker, evaluate, hookimpl, load_law\n"
        "def check(law, ctx):\n    return []\n"
        "class P:\n    __name__ = 'p'\n"
        "    @hookimpl\n    def cybercrime_check_checkers(self):\n"
        "        return [Checker(id='s.c', title='t', version='0', concepts=('general.human_rights',), principles=(), check=check)]\n"
        f"v = evaluate(load_law({str(UK)!r}), third_party=False, plugins=[P()])\n"
        "print(v.complete, [f.reason for f in v.findings if f.status == 'error'])\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    assert run.stdout.startswith("False") and "defined in the script being run (__main__)" in run.stdout
    assert run.stdout.count("\n") == 1  # the script ran once: no worker re-ran it


def test_a_malformed_draft_from_a_trusted_checker_is_an_error_too(uk_file: Path) -> None:
    from cybercrime_check.engine.catalogue import catalogue
    from cybercrime_check.engine.checker import EvaluationContext
    from cybercrime_check.engine.isolation import run_checker

    law = load_law(uk_file)
    ctx = EvaluationContext(convention="uncc-2024", as_of=AS_OF, catalogue=catalogue())
    drafts, problem = run_checker(hostile.MALFORMED, law, ctx, frozenset(), trusted=True)
    assert drafts == [] and problem is not None and "invalid FindingDraft" in problem


def test_a_script_without_a_main_guard_runs_once(tmp_path: Path) -> None:
    """The worker is a new interpreter, not a multiprocessing child: it never runs the caller's script again."""
    import subprocess
    import sys

    (tmp_path / "myplug.py").write_text(
        "from cybercrime_check import Checker, draft\n"
        "def check(law, ctx):\n"
        "    return [draft('r', 'insufficient_information', 'low', 'rights_risk', concepts=('general.human_rights',),"
        " reason='from myplug')]\n"
        "CHECKER = Checker(id='m.c', title='t', version='0', concepts=('general.human_rights',), principles=(),"
        " check=check)\n",
        encoding="utf-8",
    )
    script = tmp_path / "script.py"
    script.write_text(
        "import myplug\n"
        "from cybercrime_check import evaluate, hookimpl, load_law\n"
        "class P:\n    __name__ = 'p'\n"
        "    @hookimpl\n    def cybercrime_check_checkers(self):\n        return [myplug.CHECKER]\n"
        "print('script ran')\n"
        f"v = evaluate(load_law({str(UK)!r}), third_party=False, plugins=[P()])\n"
        "print(v.complete, [f.reason for f in v.findings if f.checker == 'm.c'])\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert run.stdout == "script ran\nTrue ['from myplug']\n", run.stdout + run.stderr
