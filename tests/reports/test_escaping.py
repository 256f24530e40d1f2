"""One escaping rule per format (issue 16): nothing in a law reaches whatever opens the output as anything
but text. CSV: formula guard on every cell and line breaks quoted; Markdown: no table break, line break,
link, raw HTML, code span or block start; terminal text: no control characters."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from cybercrime_check import load_law
from cybercrime_check.cli import main
from cybercrime_check.files.loader import dump_law_yaml
from cybercrime_check.reports.markdown import md
from cybercrime_check.reports.tables import FORMULA_START, csv_text
from tests.paths import LAWS

HOSTILE = (
    "\r=1+1|cell [click](javascript:alert(1)) <script>alert(2)</script> <https://evil.example> "
    "`code` \x1b[31mred\x1b[0m \x00nul \x9bcsi\n# heading\r\n- item"
)
TN = LAWS / "tn-decree-law-2022-54.yaml"
Capture = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def hostile_law(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Tunisian law with hostile text in its title and every offence's citation and paraphrase."""
    law = load_law(TN)
    offences = tuple(
        o.model_copy(update={"citation": f"{o.citation} {HOSTILE}"[:400], "paraphrase": f"1. {HOSTILE}"})
        for o in law.offences
    )
    hostile = law.model_copy(update={"title": f"- {HOSTILE}", "offences": offences})
    path = tmp_path_factory.mktemp("hostile") / "tn-hostile.yaml"
    path.write_text(dump_law_yaml(hostile), encoding="utf-8")
    assert load_law(path).title == f"- {HOSTILE}"
    return path


def test_csv_quotes_a_bare_carriage_return() -> None:
    assert csv_text([["a\r=1+1", "b"]]) == '"a\r=1+1",b\n'
    assert csv_text([["x", "\r=1+1"]]) == 'x,"\'\r=1+1"\n'
    assert csv_text([["a\nb", "c"]]) == '"a\nb",c\n'
    assert csv_text([["plain", "row"], ["1", "-2"]]) == "plain,row\n1,'-2\n"  # unchanged for ordinary data
    rows = list(csv.reader(io.StringIO(csv_text([["a\r=1+1", "b"], ["c", "d"]]), newline="")))
    assert rows == [["a\r=1+1", "b"], ["c", "d"]]


def _spreadsheet_lines(text: str) -> list[str]:
    """Lines as a careless reader that splits on any line break sees them, outside quoted fields."""
    out, line, quoted = [], "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch in "\r\n" and not quoted:
            out.append(line)
            line = ""
        else:
            line += ch
    return out


def _check_csv(text: str) -> None:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows and all(len(row) == len(rows[0]) for row in rows)
    for row in rows:
        for value in row:
            assert not value.startswith(FORMULA_START), value
    for line in _spreadsheet_lines(text):
        assert not line.startswith(FORMULA_START), line


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "{law}", "--format", "csv"],
        ["compare", "{law}", "--format", "csv"],
        ["compare", "{law}", "--format", "csv", "--jobs", "2"],
        ["exposure", "--laws", "{law}", str(LAWS / "nl-computer-crime-act-iii.yaml"), "--format", "csv"],
    ],
)
def test_every_csv_is_guarded(command: list[str], hostile_law: Path, capsys: Capture) -> None:
    assert main([a.format(law=hostile_law) for a in command] + ["--as-of", "2026-11-29"]) == 0
    text = capsys.readouterr().out
    assert "=1+1" in text
    _check_csv(text)


def test_md_escapes_what_markdown_would_run() -> None:
    assert md("a|b") == "a\\|b"
    assert md("a\rb\nc\r\nd") == "a b c d"
    assert md("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert md("<script>") == "&lt;script&gt;"
    assert md("`x`") == "\\`x\\`"
    assert md("# h") == "\\# h" and md("- i") == "\\- i" and md("12. i") == "12\\. i" and md("3) i") == "3\\) i"
    assert md("\x1b[31m\x00") == "\\x1b\\[31m\\x00"
    assert md("s. 1(1) of the Act, 2 years") == "s. 1(1) of the Act, 2 years"  # ordinary text is untouched


def _check_markdown(text: str) -> None:
    assert "\r" not in text and "\x1b" not in text and "\x00" not in text
    assert "<script" not in text and "<https" not in text
    assert not re.search(r"(?<!\\)\]\(", text), "an unescaped link"
    assert not re.search(r"^(?:# heading|- item)", text, re.M), "data started a block"
    # Rendered as MkDocs renders it (Python-Markdown, from the [docs] extra) where it is installed.
    renderer = pytest.importorskip("markdown")
    html: str = renderer.markdown(text, extensions=["tables"])
    assert "<script" not in html and "<a " not in html and "javascript:" not in html.split("(")[0]
    assert "<h1>heading" not in html and "<li>item" not in html
    assert "evil.example</a>" not in html
    for table in html.split("<table>")[1:]:
        body = table.split("</table>")[0]
        rows = body.count("<tr>")
        cells = len(re.findall(r"<t[dh][ >]", body))
        assert rows and cells % rows == 0, body[:500]  # no row gained or lost a cell


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "{law}", "--format", "markdown", "--all"],
        ["compare", "{law}", str(TN.parent / "gb-computer-misuse-act-1990.yaml"), "--format", "markdown"],
        ["diff", str(TN), "{law}", "--format", "markdown"],
        ["diff", "{law}", str(TN), "--format", "markdown"],
    ],
)
def test_every_markdown_output_escapes(command: list[str], hostile_law: Path, capsys: Capture) -> None:
    code = main([a.format(law=hostile_law) for a in command] + ["--as-of", "2026-11-29"])
    assert code in (0, 1)
    _check_markdown(capsys.readouterr().out)


def test_triage_markdown_and_csv_escape(hostile_law: Path, tmp_path: Path, capsys: Capture) -> None:
    law = load_law(hostile_law)
    request = {
        "id": "r1",
        "requesting_state": "TN",
        "requested_state": "NL",
        "legal_basis": "un_convention",
        "offence": {"law": law.id, "offence": law.offences[0].id},
        "conduct": "Posts criticising a minister.",
        "measures": ["stored_data"],
    }
    requests = tmp_path / "r.jsonl"
    requests.write_text(json.dumps(request) + "\n", encoding="utf-8")
    laws = [str(hostile_law), str(LAWS / "nl-computer-crime-act-iii.yaml")]
    assert main(["triage", str(requests), "--laws", *laws, "--format", "markdown", "--as-of", "2026-11-29"]) == 0
    out = capsys.readouterr().out
    assert "=1+1" in out
    _check_markdown(out)
    assert main(["triage", str(requests), "--laws", *laws, "--format", "csv", "--as-of", "2026-11-29"]) == 0
    _check_csv(capsys.readouterr().out)


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "{law}", "--all"],
        ["diff", str(TN), "{law}"],
        ["validate", "{law}"],
    ],
)
def test_terminal_text_has_no_control_characters(command: list[str], hostile_law: Path, capsys: Capture) -> None:
    main([a.format(law=hostile_law) for a in command] + (["--as-of", "2026-11-29"] if command[0] != "validate" else []))
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert not any(ch in stream for ch in "\x1b\x00\r\x9b"), repr(stream[:300])
    if command[0] == "evaluate":
        assert "\\x1b[31mred" in captured.out


def test_a_newline_in_a_file_name_or_value_stays_on_one_line(tmp_path: Path, capsys: Capture) -> None:
    bad = tmp_path / "two\nlines.yaml"
    bad.write_text('id: "x\\ny"\n', encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert lines and all("two\\nlines.yaml:" in line for line in lines), err
