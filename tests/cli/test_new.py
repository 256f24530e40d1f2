"""``cybercrime-check new``: a skeleton that validates, says what each field means, and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cybercrime_check import NationalLaw, load_law
from cybercrime_check.cli import main
from cybercrime_check.files.skeleton import skeleton, slug
from cybercrime_check.files.strict_yaml import read_yaml


def test_new_then_validate_then_fill_one_offence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ke.yaml"
    assert (
        main(["new", "--jurisdiction", "KE", "--title", "Computer Misuse and Cybercrimes Act, 2018", "-o", str(out)])
        == 0
    )
    assert main(["validate", str(out)]) == 0
    law = load_law(out)
    assert law.id == "ke-computer-misuse-and-cybercrimes-act-2018" and law.sources == () and law.offences == ()
    assert law.procedural_powers == "unspecified" and law.subject == "unspecified"
    text = out.read_text(encoding="utf-8")
    assert "# Two-letter ISO 3166-1 code" in text  # the field's own documentation, not a copy
    # Uncommenting the examples, as the comments invite, gives a law that evaluates.
    filled = text.replace("sources: []", "sources:").replace("offences: []", "offences:")
    filled = filled.replace("#  - id: text", "  - id: text").replace(
        "#    url: https://...", "    url: https://example.org/act"
    )
    filled = filled.replace("#    title: ...", "    title: The Act").replace(
        "#    confidence: primary  #", "    confidence: primary  #", 1
    )
    lines = filled.splitlines()
    start = lines.index("#  - id: art-1")
    for i in range(start, start + 11):
        lines[i] = "  " + lines[i][3:] if lines[i].startswith("#  ") else lines[i]
    lines = [
        line.replace("paraphrase: ...  (in your own words)", "paraphrase: Accessing a computer without authority.")
        for line in lines
    ]
    done = tmp_path / "filled.yaml"
    done.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["validate", str(done)]) == 0, capsys.readouterr()
    assert main(["evaluate", str(done), "--as-of", "2026-11-29"]) == 0
    assert "Art. 1" in capsys.readouterr().out


def test_new_refuses_to_overwrite_and_bad_values(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "law.yaml"
    out.write_text("precious", encoding="utf-8")
    assert main(["new", "--jurisdiction", "KE", "--title", "X", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "precious"
    assert main(["new", "--jurisdiction", "XX", "--title", "X"]) == 2
    err = capsys.readouterr().err
    assert "exists" in err and "ISO 3166-1" in err and "Traceback" not in err


TITLES = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=80).filter(str.strip)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["KE", "TN", "GB", "BR", "NO"]), TITLES)
def test_every_skeleton_validates_with_any_reader(code: str, title: str) -> None:
    text = skeleton(code, title.strip())
    for data in (yaml.safe_load(text), read_yaml(text.encode("utf-8"), "x.yaml")[0].data):  # type: ignore[union-attr]
        law = NationalLaw.model_validate(data)
        assert law.jurisdiction == code and law.id.startswith(code.lower() + "-") and law.title == title.strip()
    assert slug(title) == slug(slug(title))


def test_a_title_with_control_characters_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--jurisdiction", "KE", "--title", "Act\x1b[31m"]) == 2
    assert "cannot start a law file" in capsys.readouterr().err
