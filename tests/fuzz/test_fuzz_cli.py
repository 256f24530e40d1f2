"""Fuzzing the command line (issue 16): generated YAML and JSON Lines through ``cybercrime_check.cli.main``.

Inputs are mutations of the bundled laws and requests, and random structures. Whatever comes in:
the exit code is 0, 1 or 2; nothing escapes as a traceback; every well-formed triage line is decided
exactly once, in order, and every other line is reported; the input files are byte-identical afterwards.
The example counts come from the hypothesis profile in ``tests/conftest.py``.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cybercrime_check.cli import main
from cybercrime_check.cooperation.request import parse_request_line
from cybercrime_check.cooperation.triage import Triager
from cybercrime_check.errors import LawDataError
from cybercrime_check.files.loader import load_laws
from cybercrime_check.testing.strategies import assistance_requests
from tests.paths import LAWS, ROOT

AS_OF = date(2026, 11, 29)
LAW_FILES = sorted(LAWS.glob("*.yaml"))
LAW_TEXTS = [p.read_bytes() for p in LAW_FILES]
BATCH_LINES = [line for line in (ROOT / "examples" / "requests" / "batch.jsonl").read_bytes().splitlines() if line]

TRICKY = [
    "yes", "no", "off", "~", "null", "1e999", ".inf", ".nan", "0x1F", "0o17", "1_000", "!!python/object:os.system",
    "!!binary aGk=", "&a x", "*a", "<<: {}", '"\\0"', '"\\e[31m"', '"a\\rb"', "٥ years", "５ years", "9" * 40,
    "1." + "9" * 45, "[", "{", "- ", ": ", "'", '"', "|", ">", "2026-13-45", "0001-01-01", "9999-12-31",
    "javascript:alert(1)", "unspecified", "1000000 years", "-1", "true", "false", "", "[]", "{}", "- - -",
    "'=1+1'", "'<script>alert(1)</script>'", "'[x](javascript:alert(1))'", "life", "none", "0 days",
]  # fmt: skip


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """``main(args)`` in process, with its standard output and error; an exception fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse's own exit on bad usage
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err, err[-2000:]


# --- YAML ---------------------------------------------------------------------------------------


@st.composite
def mutated_laws(draw: st.DrawFn) -> bytes:
    """A bundled law with a few line-level mutations: lines deleted, repeated, swapped or truncated,
    values replaced by tricky scalars, keys added, bytes inserted."""
    lines = LAW_TEXTS[draw(st.integers(0, len(LAW_TEXTS) - 1))].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "repeat", "swap", "value", "key", "truncate", "bytes", "text"]))
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, line)
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "value" and b":" in line:
            key = line.split(b":", 1)[0]
            lines[i] = key + b": " + draw(st.sampled_from(TRICKY)).encode() + b"\n"
        elif op == "key":
            indent = line[: len(line) - len(line.lstrip())]
            word = draw(st.sampled_from(["binding", "in_force", "title", "id", "zzz", "max", "url", "<<"]))
            lines.insert(i, indent + word.encode() + b": " + draw(st.sampled_from(TRICKY)).encode() + b"\n")
        elif op == "truncate":
            lines = [*lines[:i], line[: draw(st.integers(0, len(line)))]]
        elif op == "bytes":
            lines[i] = line[:1] + draw(st.binary(min_size=1, max_size=8)) + line[1:]
        else:
            lines[i] = draw(st.text(max_size=40)).encode("utf-8", "surrogatepass") + b"\n"
        if not lines:
            lines = [b"\n"]
    return b"".join(lines)


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.sampled_from(TRICKY)
)
_structures = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)


@st.composite
def random_documents(draw: st.DrawFn) -> bytes:
    """Random YAML documents, some of them mappings with the law's own field names."""
    fields = ["id", "jurisdiction", "title", "instrument_type", "text_used", "sources", "offences", "coverage"]
    data = draw(
        st.one_of(
            _structures,
            st.dictionaries(st.sampled_from(fields), _structures, max_size=8),
        )
    )
    try:
        return yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, UnicodeEncodeError):
        return b"{}"


def _law_inputs(blobs: list[bytes], tmp: Path) -> tuple[list[Path], dict[Path, bytes]]:
    paths = []
    for i, blob in enumerate(blobs):
        path = tmp / f"law-{i}.yaml"
        path.write_bytes(blob)
        paths.append(path)
    return paths, {p: p.read_bytes() for p in paths}


FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


@FUZZ
@given(blobs=st.lists(st.one_of(mutated_laws(), random_documents()), min_size=1, max_size=3))
def test_validate_never_crashes(blobs: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths, before = _law_inputs(blobs, Path(tmp))
        code, _, err = run_cli(["validate", *map(str, paths)])
        assert code in (0, 2), (code, err)
        _no_traceback(err)
        if code == 2:
            lines = err.strip().splitlines()
            assert lines and all(".yaml:" in line or line.startswith("cybercrime-check: error:") for line in lines), err
        assert {p: p.read_bytes() for p in paths} == before


@FUZZ
@given(
    blob=mutated_laws(),
    fmt=st.sampled_from(["text", "json", "markdown", "csv", "html"]),
    fail_on=st.sampled_from([[], ["--fail-on", "high"], ["--fail-on", "info"]]),
    to_file=st.booleans(),
)
def test_evaluate_never_crashes(blob: bytes, fmt: str, fail_on: list[str], to_file: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths, before = _law_inputs([blob], Path(tmp))
        output = Path(tmp) / "out" / "report"
        output.parent.mkdir()
        args = ["evaluate", str(paths[0]), "--format", fmt, "--as-of", AS_OF.isoformat(), "--no-plugins", *fail_on]
        code, out, err = run_cli([*args, "-o", str(output)] if to_file else args)
        assert code in (0, 1, 2), (code, err)
        _no_traceback(err)
        if code == 2:
            assert not output.exists() and not out  # a failed run writes nothing
        elif to_file:
            assert output.read_bytes() and [p.name for p in output.parent.iterdir()] == ["report"]
        else:
            assert out
        assert {p: p.read_bytes() for p in paths} == before


# --- JSON Lines ---------------------------------------------------------------------------------


@st.composite
def mutated_lines(draw: st.DrawFn) -> bytes:
    """A bundled request line with a few byte-level or structural mutations."""
    line = draw(st.sampled_from(BATCH_LINES))
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["cut", "insert", "replace", "value", "nest"]))
        i = draw(st.integers(0, len(line)))
        if op == "cut":
            line = line[:i] + line[i + draw(st.integers(1, 10)) :]
        elif op == "insert":
            line = line[:i] + draw(st.binary(min_size=1, max_size=6)) + line[i:]
        elif op == "replace":
            line = (
                line[:i]
                + draw(st.sampled_from([b'"', b"{", b"}", b"[", b"]", b",", b":", b"\\", b"\x00"]))
                + line[i + 1 :]
            )
        elif op == "value":
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict) and data:
                key = draw(st.sampled_from(sorted(data)))
                data[key] = draw(_structures)
                line = json.dumps(data, allow_nan=True).encode()
        else:
            depth = draw(st.integers(20, 600))
            line = b'{"id":' + b"[" * depth + b"]" * depth + b"}"
    return line.replace(b"\n", b" ")


def _request_lines() -> st.SearchStrategy[bytes]:
    generated = assistance_requests().map(lambda r: r.model_dump_json(by_alias=True).encode())
    return st.one_of(
        st.sampled_from(BATCH_LINES),
        mutated_lines(),
        generated,
        _structures.map(lambda d: json.dumps(d, allow_nan=True).encode()),
        st.text(max_size=30).map(lambda t: t.replace("\n", " ").encode("utf-8", "surrogatepass")),
        st.just(b""),
        st.just(b"   "),
        st.just(b'{"id": ' + b"9" * 5000 + b"}"),
    )


@pytest.fixture(scope="module")
def triager() -> Triager:
    return Triager(load_laws([LAWS]), as_of=AS_OF)


def _oracle(triager: Triager, lines: list[bytes]) -> tuple[list[str], set[int], int]:
    """What each line should give, decided one by one: the ids decided in order, the malformed line numbers,
    and the number of blank lines."""
    decided: list[str] = []
    malformed: set[int] = set()
    blank = 0
    for number, raw in enumerate(lines, 1):
        raw = raw.rstrip(b"\r")
        if not raw.strip():
            blank += 1
            continue
        try:
            decided.append(triager.triage(parse_request_line(raw, "x", number)).request)
        except LawDataError:
            malformed.add(number)
    return decided, malformed, blank


def _check_triage(triager: Triager, lines: list[bytes], jobs: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        requests = Path(tmp) / "requests.jsonl"
        requests.write_bytes(b"\n".join(lines) + b"\n")
        before = requests.read_bytes()
        decisions, errors = Path(tmp) / "decisions.jsonl", Path(tmp) / "errors.txt"
        args = ["triage", str(requests), "--laws", str(LAWS), "--as-of", AS_OF.isoformat(), "--jobs", jobs]
        code, out, err = run_cli([*args, "-o", str(decisions), "--errors", str(errors)])
        _no_traceback(err)
        decided, malformed, blank = _oracle(triager, lines)
        assert code == (2 if malformed else 0), (code, err)
        got = [json.loads(line)["request"] for line in decisions.read_text(encoding="utf-8").splitlines()]
        assert got == decided  # every well-formed line decided exactly once, in input order
        reported = {int(m.group(1)) for m in re.finditer(r"requests\.jsonl:(\d+):", errors.read_text(encoding="utf-8"))}
        assert reported == malformed
        assert f"input lines {len(lines):>12}" in out and f"blank       {blank:>12}" in out
        assert requests.read_bytes() == before


@FUZZ
@given(lines=st.lists(_request_lines(), min_size=1, max_size=12))
def test_triage_decides_every_well_formed_line_exactly_once(triager: Triager, lines: list[bytes]) -> None:
    _check_triage(triager, lines, "1")


@settings(FUZZ, max_examples=2)
@given(lines=st.lists(_request_lines(), min_size=4, max_size=12))
def test_triage_in_worker_processes_too(triager: Triager, lines: list[bytes]) -> None:
    _check_triage(triager, lines, "2")


@FUZZ
@given(
    blob=st.one_of(mutated_lines(), st.binary(max_size=200), random_documents()),
    suffix=st.sampled_from([".json", ".yaml"]),
)
def test_a_single_request_file_never_crashes(blob: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"request{suffix}"
        path.write_bytes(blob)
        code, _, err = run_cli(["triage", str(path), "--laws", str(LAWS), "--as-of", AS_OF.isoformat()])
        assert code in (0, 2), (code, err)
        _no_traceback(err)
        assert path.read_bytes() == blob
