"""The editor schemas accept every bundled file, refuse what the loader refuses, and resolve by their $id."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from cybercrime_check.cli.schema import SCHEMAS
from cybercrime_check.files.strict_yaml import read_yaml
from tests.paths import EXPECTED, LAWS, ROOT

SCHEMA_DIR = ROOT / "docs" / "schema"


def _validator(which: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / f"{which}.schema.json").read_text()))


def _data(path: Path) -> object:
    doc, problems = read_yaml(path.read_bytes(), str(path))
    assert doc is not None, problems
    return doc.data


CASES = [
    *(("law", p) for p in sorted(LAWS.glob("*.yaml"))),
    *(("expected", p) for p in sorted(EXPECTED.glob("*.yaml"))),
    *(("treaty-status", p) for p in sorted((ROOT / "policies" / "treaties").glob("*.yaml"))),
]


@pytest.mark.parametrize(("which", "path"), CASES, ids=[f"{w}:{p.stem}" for w, p in CASES])
def test_every_bundled_file_validates_against_its_editor_schema(which: str, path: Path) -> None:
    errors = list(_validator(which).iter_errors(_data(path)))
    assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].path)}"


def test_the_schema_refuses_an_unknown_field_and_a_bad_value() -> None:
    law = _data(LAWS / "gb-computer-misuse-act-1990.yaml")
    assert isinstance(law, dict)
    v = _validator("law")
    assert list(v.iter_errors({**law, "unknwon": 1}))
    assert list(v.iter_errors({**law, "subject": "cybercrimes"}))


@pytest.mark.parametrize("which", SCHEMAS)
def test_each_schema_id_names_its_own_committed_file(which: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{which}.schema.json").read_text())
    assert (SCHEMA_DIR / schema["$id"]).is_file()
