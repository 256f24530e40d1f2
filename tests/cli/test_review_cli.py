"""`evaluate --review`, `--baseline` and `--format sarif` from the command line, as a CI job uses them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
import yaml

from cybercrime_check import evaluate, load_law
from cybercrime_check.cli import main
from tests.paths import AS_OF, LAWS

TN = LAWS / "tn-decree-law-2022-54.yaml"


def _critical_key() -> dict[str, object]:
    v = evaluate(load_law(TN), as_of=AS_OF, third_party=False)
    f = next(f for f in v.findings if f.status == "non_compliant" and f.severity == "critical")
    key: dict[str, object] = {
        "law": v.law.id,
        "provision": f.provision.provision_id,
        "checker": f.checker,
        "rule": f.rule,
    }
    if f.provision.limb:
        key["limb"] = f.provision.limb
    return key


def _review_file(tmp_path: Path, expires: str, extra: Sequence[Mapping[str, object]] | None = None) -> Path:
    reviews = [
        {
            "finding": _critical_key(),
            "decision": "waive",
            "reviewer": "A. Supervisor (law clinic)",
            "date": "2026-11-01",
            "justification": "Submission pending.",
            "expires": expires,
        },
        *(extra or []),
    ]
    path = tmp_path / "review.yaml"
    path.write_text(yaml.safe_dump({"schema": "cybercrime-check/review/1", "reviews": reviews}), encoding="utf-8")
    return path


def test_a_waived_finding_shows_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review = _review_file(tmp_path, "2027-01-01")
    for fmt, marker in (
        ("html", "waived by A. Supervisor"),
        ("markdown", "waived by A. Supervisor"),
        ("text", "waived by A. Supervisor"),
    ):
        assert main(["evaluate", str(TN), "--as-of", "2026-11-29", "--review", str(review), "--format", fmt]) == 0
        assert marker in capsys.readouterr().out, fmt
    assert main(["evaluate", str(TN), "--as-of", "2026-11-29", "--review", str(review), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["review"]["decision"] for f in data["findings"] if "review" in f] == ["waive"]
    assert main(["evaluate", str(TN), "--as-of", "2026-11-29", "--review", str(review), "--format", "sarif"]) == 0
    sarif = json.loads(capsys.readouterr().out)
    assert sum(1 for r in sarif["runs"][0]["results"] if r.get("suppressions")) == 1
    assert (
        main(
            [
                "evaluate",
                str(TN),
                "--as-of",
                "2026-11-29",
                "--review",
                str(review),
                "--ignore-reviews",
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert '"review"' not in capsys.readouterr().out


def test_fail_on_ignores_only_unexpired_waivers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = _critical_key()
    v = evaluate(load_law(TN), as_of=AS_OF, third_party=False)
    others = [
        {
            "finding": {
                "law": v.law.id,
                "provision": f.provision.provision_id,
                "checker": f.checker,
                "rule": f.rule,
                **({"limb": f.provision.limb} if f.provision.limb else {}),
            },
            "decision": "waive",
            "reviewer": "A. Supervisor",
            "date": "2026-11-01",
            "justification": "Pending.",
            "expires": "2027-01-01",
        }
        for f in v.findings
        if f.status == "non_compliant"
        and f.severity == "critical"
        and (f.provision.provision_id, f.checker, f.rule) != (key["provision"], key["checker"], key["rule"])
    ]
    live = _review_file(tmp_path, "2027-01-01", others)
    assert (
        main(
            [
                "evaluate",
                str(TN),
                "--as-of",
                "2026-11-29",
                "--no-plugins",
                "--review",
                str(live),
                "--fail-on",
                "critical",
                "-o",
                str(tmp_path / "v.txt"),
            ]
        )
        == 0
    )
    expired = _review_file(tmp_path, "2026-11-15", others)
    assert (
        main(
            [
                "evaluate",
                str(TN),
                "--as-of",
                "2026-11-29",
                "--no-plugins",
                "--review",
                str(expired),
                "--fail-on",
                "critical",
                "-o",
                str(tmp_path / "v.txt"),
            ]
        )
        == 1
    )
    assert "expired 2026-11-15" in (tmp_path / "v.txt").read_text(encoding="utf-8")


def test_a_waiver_that_matches_nothing_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = {
        "finding": {"law": "tn-decree-law-2022-54", "provision": "art-99", "checker": "scope", "rule": "nope"},
        "decision": "waive",
        "reviewer": "A. Supervisor",
        "date": "2026-11-01",
        "justification": "Typo.",
    }
    review = _review_file(tmp_path, "2027-01-01", [typo])
    assert main(["evaluate", str(TN), "--as-of", "2026-11-29", "--review", str(review)]) == 0
    captured = capsys.readouterr()
    assert "review matches no finding: tn-decree-law-2022-54 art-99" in captured.err
    assert "Review matches no finding" in captured.out


def test_baseline_lists_only_what_is_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    assert (
        main(
            [
                "evaluate",
                str(TN),
                "--as-of",
                "2026-11-29",
                "--no-plugins",
                "--exclude",
                "legality",
                "--format",
                "json",
                "-o",
                str(old),
            ]
        )
        == 0
    )
    assert (
        main(["evaluate", str(TN), "--as-of", "2026-11-29", "--no-plugins", "--baseline", str(old), "--format", "json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert {f["checker"] for f in data["findings"]} == {"legality"}
    assert data["baseline"]["hidden"] > 0 and data["baseline"]["shown"] == len(data["findings"])
    assert main(["evaluate", str(TN), "--baseline", str(TN)]) == 2  # a law file is not a verdict
    assert "not a verdict JSON" in capsys.readouterr().err
