"""The strict loader rejects every input that could silently change legal data."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercrime_check import LawDataError, load_law, load_laws
from cybercrime_check.files.strict_yaml import MAX_BYTES, MAX_DEPTH
from tests.paths import LAWS

MINIMAL = """\
schema: cybercrime-check/law/2
id: x-law
jurisdiction: NO
title: Test law
instrument_type: statute
text_used: {language: en}
sources:
  - {id: s1, url: "https://example.org", title: Source, confidence: primary}
"""


def write(tmp_path: Path, text: str | bytes, name: str = "law.yaml") -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def problems(path: Path) -> list[str]:
    with pytest.raises(LawDataError) as info:
        load_law(path)
    return [str(p) for p in info.value.problems]


def test_minimal_law_loads_and_norway_stays_norway(tmp_path: Path) -> None:
    law = load_law(write(tmp_path, MINIMAL))
    assert law.jurisdiction == "NO"
    assert law.in_force == "unspecified"
    assert law.procedural_powers == "unspecified"


def test_all_examples_are_valid() -> None:
    laws = load_laws([LAWS])
    assert len(laws) >= 2


def test_duplicate_key_names_line(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "title: Again\n"))
    assert any("law.yaml:9:1" in p and "duplicate key 'title'" in p and "line 4" in p for p in found)


def test_alias_rejected(tmp_path: Path) -> None:
    text = MINIMAL.replace("title: Test law", "title: &t Test law") + "notes: *t\n"
    found = problems(write(tmp_path, text))
    assert any("aliases" in p for p in found)


def test_billion_laughs_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    found = problems(write(tmp_path, "\n".join(lines) + "\n"))
    # One problem, at the first alias, with the count: not one line per use of the anchor.
    assert len(found) == 1, found
    assert "anchors and aliases (&name / *name) are not allowed" in found[0]
    assert ":2:10:" in found[0] and "(72 aliases in all)" in found[0]


def test_oversized_file_rejected(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "notes: " + "x" * (MAX_BYTES + 1) + "\n"))
    assert any("limit" in p for p in found)


def test_deep_nesting_rejected(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "notes: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"))
    assert any("nesting" in p for p in found)


def test_non_utf8_rejected_with_line(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL.encode() + b"notes: caf\xe9\n"))
    assert any("law.yaml:9:" in p and "UTF-8" in p for p in found)


def test_unknown_field_rejected(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "surprise: 1\n"))
    assert any("surprise" in p and "unknown field" in p for p in found)


def test_wrong_type_rejected(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "in_force: 1\n"))
    assert any("in_force" in p and "law.yaml:9:" in p for p in found)


@pytest.mark.parametrize("value", ["yes", "on", "NO", "Off", "y"])
def test_yaml11_booleans_are_not_booleans(tmp_path: Path, value: str) -> None:
    found = problems(write(tmp_path, MINIMAL + f"in_force: {value}\n"))
    assert any("expected true, false or 'unspecified'" in p for p in found)


@pytest.mark.parametrize("value", ["0755", "1:20", "2001-12-14", "1.10"])
def test_numbers_and_dates_are_never_retyped(tmp_path: Path, value: str) -> None:
    law = load_law(write(tmp_path, MINIMAL + f"notes: {value}\n")) if value != "1.10" else None
    if law is not None:
        assert law.notes == value
    else:
        found = problems(write(tmp_path, MINIMAL + f"notes: {value}\n"))
        assert any("notes" in p for p in found)


def test_octal_looking_penalty_is_rejected(tmp_path: Path) -> None:
    text = MINIMAL + (
        "offences:\n  - {id: o, citation: s.1, paraphrase: p, category: fraud, sources: [s1], confidence: primary,"
        " penalty: {imprisonment: {max: 0755}}}\n"
    )
    found = problems(write(tmp_path, text))
    assert any("penalty.imprisonment.max" in p for p in found)


def test_explicit_tags_rejected(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "notes: !!binary aGVsbG8=\n"))
    assert any("tag" in p for p in found)


def test_python_tags_rejected(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "notes: !!python/object/apply:os.system ['true']\n"))
    assert any("tag" in p for p in found)


def test_merge_key_rejected(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "text2:\n  <<: {a: 1}\n"))
    assert any("merge" in p for p in found)


def test_empty_file_rejected(tmp_path: Path) -> None:
    assert any("empty" in p for p in problems(write(tmp_path, "")))


def test_invalid_date_rejected(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "enacted: 2023-02-30\n"))
    assert any("enacted" in p and "invalid date" in p for p in found)


def test_unknown_source_reference_located(tmp_path: Path) -> None:
    text = MINIMAL + (
        "offences:\n  - id: o\n    citation: s.1\n    paraphrase: p\n    category: fraud\n"
        "    sources: [nope]\n    confidence: primary\n"
    )
    found = problems(write(tmp_path, text))
    assert any("offences.0.sources.0" in p and "unknown source id 'nope'" in p for p in found)


def test_all_problems_reported_together(tmp_path: Path) -> None:
    found = problems(write(tmp_path, MINIMAL + "in_force: yes\nenacted: 1990\nsurprise: 1\n"))
    assert len(found) == 3


def test_duplicate_law_ids_across_files(tmp_path: Path) -> None:
    a = write(tmp_path, MINIMAL, "a.yaml")
    b = write(tmp_path, MINIMAL, "b.yaml")
    with pytest.raises(LawDataError) as info:
        load_laws([a, b])
    assert "also used by" in str(info.value)


def test_iso_codes_are_checked_through_pycountrys_public_api() -> None:
    import pycountry

    from cybercrime_check.model.law import _check_country, _check_language

    for country in pycountry.countries:
        assert _check_country(country.alpha_2) == country.alpha_2
    for code in ("XX", "ZZ", "UK", "EU"):
        with pytest.raises(ValueError, match="ISO 3166-1"):
            _check_country(code)
    assert _check_language("ar") == "ar"
    with pytest.raises(ValueError, match="ISO 639-1"):
        _check_language("zz")


def test_the_iso_639_1_constant_is_pycountrys_list() -> None:
    import pycountry

    from cybercrime_check.model.languages import ISO_639_1

    assert {lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")} == ISO_639_1


def test_content_hash_is_memoised_but_never_stale() -> None:
    from datetime import date

    from cybercrime_check import NationalLaw
    from tests.paths import LAWS as LAW_DIR

    law = load_law(LAW_DIR / "jo-cybercrime-law-27-2015.yaml")
    fresh = NationalLaw.model_validate(law.model_dump(mode="json", by_alias=True))
    assert law.content_hash() == fresh.content_hash()
    # as_of() drops repealed provisions: a different law, a different hash
    later = law.as_of(date(2026, 11, 29))
    assert later.offences != law.offences
    assert (
        later.content_hash() == NationalLaw.model_validate(later.model_dump(mode="json", by_alias=True)).content_hash()
    )
    assert later.content_hash() != law.content_hash()
    retitled = law.model_copy(update={"title": "Another title"})
    assert retitled.content_hash() != law.content_hash()
    assert law.model_copy().content_hash() == law.content_hash()
