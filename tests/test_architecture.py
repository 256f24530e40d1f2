"""The shape of the package: folders that show the pipeline, no import cycles, one CSV writer, the old
import paths still working (with a warning), and no process-wide side effects in the library."""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from pathlib import Path

import pytest

import cybercrime_check
from tests.paths import ROOT

SRC = ROOT / "src" / "cybercrime_check"
SUBPACKAGES = ("model", "files", "engine", "checkers", "reports", "cooperation", "cli", "testing")
MAX_LINES = 500
SHIMS = (
    "catalogue",
    "checker",
    "compare",
    "diff",
    "expected",
    "exposure",
    "hookspec",
    "law",
    "loader",
    "offence",
    "procedural_power",
    "provision",
    "pytest_plugin",
    "render",
    "report",
    "request",
    "schema",
    "triage",
    "verdict",
)
"""Module paths of 0.1 that now only forward (for one release) to their new homes."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = sorted(module_name(p) for p in SRC.rglob("*.py"))


def test_the_folders_show_the_pipeline() -> None:
    found = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").exists())
    assert found == sorted(SUBPACKAGES)
    top = sorted(p.stem for p in SRC.glob("*.py"))
    assert set(top) == {"__init__", "__main__", "_deprecated", "_version", "errors", *SHIMS}


def test_no_module_is_over_the_size_limit() -> None:
    long = {module_name(p): n for p in SRC.rglob("*.py") if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (functions and TYPE_CHECKING blocks included)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
    return {m for m in found if m.startswith("cybercrime_check")}


def test_no_import_cycles() -> None:
    graph = {module_name(p): _imports(p) - {module_name(p)} for p in SRC.rglob("*.py")}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_cycle_check_can_fail(tmp_path: Path) -> None:
    a = SRC / "reports" / "text.py"
    assert "cybercrime_check.engine.verdict" in _imports(a)
    assert "cybercrime_check.model.wording" in _imports(a)


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    def check(module: str) -> str | None:
        run = subprocess.run(
            [sys.executable, "-W", "ignore::DeprecationWarning", "-c", f"import {module}"],
            capture_output=True,
            text=True,
        )
        return None if run.returncode == 0 else f"{module}: {run.stderr.strip().splitlines()[-1]}"

    with ThreadPoolExecutor(4) as pool:
        failures = [f for f in pool.map(check, MODULES) if f]
    assert not failures, failures


def test_every_csv_goes_through_the_one_writer() -> None:
    writers = sorted(module_name(p) for p in SRC.rglob("*.py") if "csv.writer" in p.read_text())
    assert writers == ["cybercrime_check.reports.tables"]


def test_the_library_leaves_the_garbage_collector_alone() -> None:
    touching = sorted(
        module_name(p)
        for p in SRC.rglob("*.py")
        if any(call in p.read_text() for call in ("gc.disable", "gc.freeze", "gc.collect", "gc.set_threshold"))
    )
    assert touching == ["cybercrime_check.cli._args"], "only the command line may pause the collector"


def test_identifiers_become_words_in_one_place() -> None:
    offenders = [
        module_name(p)
        for p in SRC.rglob("*.py")
        if p.name != "wording.py" and ('.replace("_", " ")' in p.read_text() or ".replace('_', ' ')" in p.read_text())
    ]
    assert not offenders


@pytest.mark.parametrize("old", SHIMS)
def test_old_import_paths_work_and_warn(old: str) -> None:
    code = (
        "import warnings, importlib\n"
        "warnings.simplefilter('error')\n"
        f"try:\n    importlib.import_module('cybercrime_check.{old}')\n"
        "except DeprecationWarning as w:\n    print('warned:', w)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.startswith("warned: cybercrime_check.") and "is deprecated" in run.stdout


def test_old_names_resolve_to_the_new_objects() -> None:
    from cybercrime_check.cooperation.triage import Triager
    from cybercrime_check.engine.evaluation import evaluate
    from cybercrime_check.engine.verdict import Status
    from cybercrime_check.model.cooperation import CooperationRule

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert import_module("cybercrime_check.verdict").Status is Status
        assert import_module("cybercrime_check.triage").Triager is Triager
        assert import_module("cybercrime_check.engine").evaluate is evaluate
        assert import_module("cybercrime_check.cooperation").CooperationRule is CooperationRule
    assert caught and all(issubclass(w.category, DeprecationWarning) for w in caught)


def test_the_warning_points_at_the_importing_line(tmp_path: Path) -> None:
    script = tmp_path / "user_script.py"
    script.write_text(
        "import cybercrime_check.verdict\n"
        "from cybercrime_check.engine import evaluate\n"
        "from cybercrime_check.cooperation import CooperationRule\n"
    )
    run = subprocess.run([sys.executable, "-W", "default", str(script)], capture_output=True, text=True, check=True)
    lines = [line for line in run.stderr.splitlines() if "DeprecationWarning" in line]
    assert len(lines) == 3, run.stderr
    for number, line in enumerate(lines, 1):
        assert line.startswith(f"{script}:{number}: DeprecationWarning: cybercrime_check."), line


def test_the_public_surface() -> None:
    for name in ("Status", "Severity", "Dimension", "findings_from_drafts", "evaluate", "load_law", "Checker"):
        assert name in cybercrime_check.__all__
    assert sorted(set(cybercrime_check.__all__) - {"__version__"}) == sorted(cybercrime_check._EXPORTS)
    for name in cybercrime_check.__all__:
        assert getattr(cybercrime_check, name) is not None
