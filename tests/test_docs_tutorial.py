"""docs/guides/write-a-checker.md, followed word for word in a throwaway virtual environment.

Every fenced block of the guide must be one of: ``<lang> file=PATH`` (written to PATH),
``sh run`` (run with bash, in the folder the previous block left), or ``text output`` (lines
that the previous run must print, in order). The environment is a fresh venv that sees this
environment's packages (cybercrime-check, hypothesis, pytest) through a .pth file, as a user's
environment with cybercrime-check installed would; the guide's ``pip install -e .`` really
installs the tutorial plugin into it, so discovery goes through its entry point.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.paths import ROOT

GUIDE = ROOT / "docs" / "guides" / "write-a-checker.md"
FENCE = re.compile(r"^```(?P<lang>\S*)(?P<info>[^\n]*)\n(?P<body>.*?)^```\s*$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    kind: str  # "file", "run" or "output"
    body: str
    path: str = ""
    line: int = 0


def blocks(text: str) -> list[Block]:
    found = []
    for m in FENCE.finditer(text):
        info, body, line = m["info"].split(), m["body"], text[: m.start()].count("\n") + 1
        files = [i.removeprefix("file=") for i in info if i.startswith("file=")]
        if files:
            found.append(Block("file", body, files[0], line))
        elif info == ["run"] and m["lang"] == "sh":
            found.append(Block("run", body, line=line))
        elif info == ["output"] and m["lang"] == "text":
            found.append(Block("output", body, line=line))
        else:
            raise AssertionError(f"{GUIDE.name}:{line}: block is not executed (mark it file=, run or output)")
    return found


def test_every_block_of_the_guide_is_executed() -> None:
    found = blocks(GUIDE.read_text(encoding="utf-8"))
    assert {b.kind for b in found} == {"file", "run", "output"}
    assert found[0].kind == "run" and found[0].body.startswith("mkdir"), "the guide starts from an empty folder"
    for before, after in itertools.pairwise(found):
        assert not (after.kind == "output" and before.kind != "run"), f"line {after.line}: output follows no run"


def _throwaway_venv(where: Path) -> dict[str, str]:
    """A venv that sees this environment's packages; returns the environment to run commands in."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    purelib = subprocess.run(
        [str(where / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    # addsitedir, not a bare path, so that the outer .pth files (editable installs) apply too.
    Path(purelib, "_outer_environment.pth").write_text(f"import site; site.addsitedir({ours!r})\n", encoding="utf-8")
    # The commands come from the outer environment's packages but run on this interpreter,
    # so pip installs here and the CLI sees what was installed here.
    for command, module in (("pip", "pip"), ("cybercrime-check", "cybercrime_check")):
        script = where / "bin" / command
        script.write_text(f'#!/bin/sh\nexec "{where}/bin/python" -m {module} "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(VIRTUAL_ENV=str(where), PATH=os.pathsep.join([str(where / "bin"), env.get("PATH", "")]))
    env.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    return env


def _check_output(expected: str, actual: str, line: int) -> None:
    """Each non-empty expected line must appear, in order, within a line of the actual output."""
    lines = actual.splitlines()
    at = 0
    for want in (w.strip() for w in expected.splitlines()):
        if not want:
            continue
        while at < len(lines) and want not in lines[at]:
            at += 1
        assert at < len(lines), f"guide line {line}: {want!r} not printed; got:\n{actual}"
        at += 1


@pytest.mark.skipif(sys.platform == "win32", reason="the guide's commands are POSIX shell")
def test_following_the_guide_word_for_word(tmp_path: Path) -> None:
    env = _throwaway_venv(tmp_path / "venv")
    work = tmp_path / "work"
    work.mkdir()
    cwd = work
    last = ""
    for block in blocks(GUIDE.read_text(encoding="utf-8")):
        if block.kind == "file":
            target = work / block.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.body, encoding="utf-8")
        elif block.kind == "run":
            script = f'set -euo pipefail\n{block.body}\necho "__cwd__=$(pwd)"\n'
            run = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)
            assert run.returncode == 0, f"guide line {block.line}: exit {run.returncode}\n{run.stdout}\n{run.stderr}"
            *output, marker = run.stdout.rstrip("\n").split("\n")
            cwd = Path(marker.removeprefix("__cwd__="))
            last = "\n".join(output)
        else:
            _check_output(block.body, last, block.line)
    # The plugin was installed into the throwaway environment only.
    from importlib.metadata import entry_points

    assert "hacking-notice" not in {ep.name for ep in entry_points(group="cybercrime_check")}
