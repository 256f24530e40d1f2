"""The plugin contract suite: it passes for every built-in checker and fails for each broken one."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import Phase, settings

from cybercrime_check import Checker, NationalLaw, hookimpl
from cybercrime_check.checkers import BUILTIN, builtin_plugin
from cybercrime_check.testing import (
    TRANSFORMS,
    ContractViolation,
    Monotone,
    check_contract,
    check_installed,
    check_plugin,
    national_laws,
)
from tests.fixtures import broken_checkers as broken

EXAMPLES = 40
NO_SHRINK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate])
"""For tests that only need the contract to fail: shrinking a law takes seconds. The shrunk
counterexample itself is checked where it matters (the checker that raises)."""


def test_every_builtin_checker_keeps_the_contract_and_all_shipped_monotonicity() -> None:
    report = check_plugin(builtin_plugin, monotone=list(TRANSFORMS), max_examples=EXAMPLES)
    assert set(report.checkers) == {c.id for c in BUILTIN}
    assert len(report.properties) == 4 + len(TRANSFORMS)


def _shown_law(message: str) -> NationalLaw:
    """The counterexample the message shows must itself be a valid law file."""
    marker = "as a law file:\n"
    assert marker in message, message
    text = textwrap.dedent(message.split(marker, 1)[1])
    return NationalLaw.model_validate(yaml.safe_load(text))


@pytest.mark.parametrize(
    ("checker", "monotone", "expected"),
    [
        (broken.RAISES, (), "it raised IndexError: tuple index out of range"),
        (broken.UNKNOWN_CONCEPT, (), "it cited undeclared concept(s) ['procedural.article_99']"),
        (broken.NONDETERMINISTIC, (), "it is not deterministic"),
        (
            broken.NOT_MONOTONE,
            ("add_judicial_authorisation",),
            "monotonicity add_judicial_authorisation -> no_worse_about_target: ",
        ),
        (broken.MUTATES, (), "it changed the law it was given"),
    ],
    ids=["raises", "unknown-concept", "nondeterministic", "not-monotone", "mutates"],
)
def test_the_contract_catches_each_broken_checker(checker: Checker, monotone: tuple[str, ...], expected: str) -> None:
    shrink = checker is broken.RAISES
    with pytest.raises(ContractViolation) as caught:
        check_contract(checker, monotone=monotone, max_examples=EXAMPLES, settings=None if shrink else NO_SHRINK)
    message = str(caught.value)
    assert expected in message, message
    assert checker.id in message
    law = _shown_law(message)
    if shrink:
        assert law.offences == () and law.procedural_powers == "unspecified"  # the smallest law showing the bug
    if checker is broken.NOT_MONOTONE:
        assert "Change: procedural power" in message and "-> prior_judicial" in message
        assert "after:  authorisation: non_compliant" in message
        assert law.powers


def test_a_checker_declaring_an_unknown_concept_cannot_be_registered() -> None:
    with pytest.raises(
        ContractViolation, match=r"cannot be registered: unknown Convention concept 'procedural\.article_99'"
    ):
        check_contract(broken.DECLARES_UNKNOWN)


class _Plugin:
    def __init__(self, name: str, checkers: list[object]) -> None:
        self.__name__ = name
        self._checkers = checkers

    @hookimpl
    def cybercrime_check_checkers(self) -> list[object]:
        return self._checkers


def test_check_plugin_registers_as_the_engine_does() -> None:
    renamed = dataclasses.replace(BUILTIN[0], id="test.scope")
    report = check_plugin(_Plugin("good", [renamed]), max_examples=5)
    assert report.checkers == ("test.scope",)
    with pytest.raises(ContractViolation, match="failed to register: TypeError: expected a Checker"):
        check_plugin(_Plugin("garbage", ["not a checker"]))
    with pytest.raises(ContractViolation, match="contributed no checkers"):
        check_plugin(_Plugin("empty", []))
    with pytest.raises(ContractViolation, match="it raised IndexError"):
        check_plugin(_Plugin("bad", [broken.RAISES]), max_examples=EXAMPLES, settings=NO_SHRINK)


def test_monotonicity_is_declared_by_name_or_pair() -> None:
    laws = national_laws(max_offences=1, max_powers=1, max_rules=0)
    report = check_contract(
        BUILTIN[0],
        monotone={BUILTIN[0].id: [Monotone("add_defence", "unchanged_elsewhere"), "add_notification"]},
        max_examples=5,
        laws=laws,
    )
    assert "add_defence -> unchanged_elsewhere" in report.properties
    assert "add_notification -> no_worse_about_target" in report.properties
    no_powers = national_laws(max_powers=0, powers_unspecified=False)
    with pytest.raises(ValueError, match="'add_notification' found nothing to change"):
        check_contract(BUILTIN[0], monotone=[Monotone("add_notification", laws=no_powers)], max_examples=5)
    with pytest.raises(ValueError, match="unknown name 'add_judge'"):
        check_contract(BUILTIN[0], monotone=["add_judge"])
    with pytest.raises(ValueError, match="not under test: nope"):
        check_contract(BUILTIN[0], monotone={"nope": ["add_notification"]})


def test_check_installed_names_a_missing_entry_point() -> None:
    with pytest.raises(ContractViolation, match="No entry point 'no-such-plugin'"):
        check_installed("no-such-plugin")


def test_pytest_fixture_from_the_pytest11_entry_point(tmp_path: Path) -> None:
    (tmp_path / "test_plugin.py").write_text(
        textwrap.dedent(
            """
            from cybercrime_check.checkers import safeguards

            from broken_checkers import RAISES


            def test_good(checker_contract):
                checker_contract(safeguards.CHECKER, monotone=["add_notification"])


            def test_bad(checker_contract):
                checker_contract(RAISES)
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "broken_checkers.py").write_text(Path(broken.__file__).read_text(encoding="utf-8"), encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--contract-max-examples",
            "10",
            "test_plugin.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 failed, 1 passed" in run.stdout
    assert "Checker 'broken.raises' broke the plugin contract: it raised IndexError" in run.stdout
    assert "Counterexample, as a law file:" in run.stdout
