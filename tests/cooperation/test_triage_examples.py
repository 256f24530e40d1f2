"""The example requests get the outcomes and grounds recorded in examples/requests/expected-outcomes.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cybercrime_check import load_laws
from cybercrime_check.cli import main
from cybercrime_check.cooperation.request import load_request
from cybercrime_check.cooperation.triage import Outcome, Triager, strictest
from cybercrime_check.files.loader import load_model
from cybercrime_check.model.fields import Model
from tests.paths import AS_OF, LAWS, ROOT

REQUESTS = ROOT / "examples" / "requests"


class ExpectedRequest(Model):
    file: str
    outcome: Outcome
    grounds: dict[str, Outcome]


class ExpectedBatch(Model):
    file: str
    malformed_lines: tuple[int, ...]
    outcomes: dict[str, Outcome]


class ExpectedOutcomes(Model):
    requests: tuple[ExpectedRequest, ...]
    batch: ExpectedBatch


EXPECTED = load_model(REQUESTS / "expected-outcomes.yaml", ExpectedOutcomes)[0]
TRIAGER = Triager(load_laws([LAWS]), as_of=AS_OF)


@pytest.mark.parametrize("case", EXPECTED.requests, ids=[c.file for c in EXPECTED.requests])
def test_example_request(case: ExpectedRequest) -> None:
    decision = TRIAGER.triage(load_request(REQUESTS / case.file))
    effects: dict[str, list[str]] = {}
    for g in decision.grounds:
        effects.setdefault(g.ground, []).append(g.effect)
    actual = {kind: strictest(effects.get(kind, [])) for kind in case.grounds}
    assert (decision.outcome, actual) == (case.outcome, case.grounds), [
        (g.ground, g.effect, g.reason) for g in decision.grounds
    ]
    for g in decision.grounds:
        assert g.convention and all(a.ref or a.version != "uncc-2024" for a in g.convention)
        if g.effect == "need_information":
            assert g.missing, g


def test_every_example_is_listed() -> None:
    listed = {c.file for c in EXPECTED.requests}
    assert listed == {p.name for p in REQUESTS.glob("*.yaml")} - {"expected-outcomes.yaml"}


def test_example_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "decisions.jsonl"
    assert main(["triage", str(REQUESTS / EXPECTED.batch.file), "--laws", str(LAWS), "-o", str(out)]) == 2
    decisions = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {d["request"]: d["outcome"] for d in decisions} == EXPECTED.batch.outcomes
    err = capsys.readouterr().err
    assert [int(line.split(":")[1]) for line in err.splitlines()] == list(EXPECTED.batch.malformed_lines)
