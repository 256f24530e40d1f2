"""Load law files (and other YAML data) into validated models, or explain why not."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import LawDataError, Problem
from ..model.general_part import GeneralPart
from ..model.law import LAW_SCHEMA, IntegrityError, NationalLaw
from .strict_yaml import MAX_BYTES, YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)


class LawOrigin:
    """Where a loaded law came from: its file and the line of each provision."""

    __slots__ = ("lines", "path")

    def __init__(self, path: str, lines: dict[str, int]) -> None:
        self.path = path
        self.lines = lines


def origin_of(law: NationalLaw) -> LawOrigin | None:
    """The file and provision lines of a law loaded by :func:`load_law`, if any."""
    origin = law._origin
    return origin if isinstance(origin, LawOrigin) else None


def display_name(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # different drive on Windows
        return str(path)


def problems_from_validation(doc: YamlDocument, exc: ValidationError) -> list[Problem]:
    """Map pydantic errors to located problems (file:line:col field: message)."""
    problems: list[Problem] = []
    for err in exc.errors(include_url=False, include_input=False, include_context=True):
        loc = tuple(err["loc"])
        ctx = err.get("ctx") or {}
        inner = ctx.get("error")
        if isinstance(inner, IntegrityError):
            for sub_loc, message in inner.items:
                line, col, field = doc.locate(loc + sub_loc)
                problems.append(Problem(doc.filename, line, col, field, message, "reference"))
            continue
        line, col, field = doc.locate(loc)
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown field (check the spelling; see `cybercrime-check schema`)"
        elif err["type"] == "missing":
            message = f"required field {str(loc[-1])!r} is missing"
        elif err["type"] == "string_pattern_mismatch" and ctx.get("pattern") in PATTERN_WORDS:
            message = f"{PATTERN_WORDS[ctx['pattern']]} (got {_shown(_value_at(doc.data, loc))})"
        elif message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        problems.append(Problem(doc.filename, line, col, field, message, err["type"]))
    return problems


PATTERN_WORDS = {
    r"^https?://[^\s]+$": "expected a web address starting with http:// or https://, without spaces",
    r"^[a-z0-9][a-z0-9._-]{0,99}$": (
        "expected an id of at most 100 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit"
    ),
    r"^[A-Za-z0-9][A-Za-z0-9._/:-]{0,99}$": (
        "expected a request id of at most 100 letters, digits, '.', '_', '/', ':' or '-', "
        "starting with a letter or digit"
    ),
}
"""What the patterns of the models mean, for a message that says what is expected instead of a regex."""


def _value_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_list or (isinstance(data, dict) and part in data):
            data = data[part]
    return data


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_file(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, reading at most ``limit`` + 1 of them: a larger file (or ``/dev/zero``) is a
    problem found after reading the limit, not after reading everything."""
    try:
        with path.open("rb") as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise LawDataError([Problem(name, 0, 0, "", f"cannot read file: {exc.strerror or exc}", "io")]) from None
    if len(raw) > limit:
        message = f"file is larger than the limit of {limit:,} bytes"
        raise LawDataError([Problem(name, 0, 0, "", message, "too_large")])
    return raw


def read_document(path: str | os.PathLike[str]) -> tuple[YamlDocument, list[Problem]]:
    """Read one YAML file strictly: the document, and the problems of its text that left the rest readable (a
    duplicate key, say), to be reported with what validation finds; raise :class:`LawDataError` if nothing is
    readable."""
    p = Path(path)
    name = display_name(p)
    doc, problems = read_yaml(read_file(p, name), name)
    if doc is None:
        raise LawDataError(problems)
    return doc, problems


def validate_document(doc: YamlDocument, model: type[M], data: Any = None, problems: Iterable[Problem] = ()) -> M:
    """Validate ``data`` (default: the document's own) as ``model``, locating problems in ``doc``; the text's own
    ``problems`` are reported together with validation's, so that one does not hide the others."""
    earlier = list(problems)
    try:
        value = model.model_validate(doc.data if data is None else data)
    except ValidationError as exc:
        found = [q for q in problems_from_validation(doc, exc) if (q.line, q.column) not in doc.dropped]
        raise LawDataError([*earlier, *found]) from None
    if earlier:
        raise LawDataError(earlier)
    return value


def load_model(path: str | os.PathLike[str], model: type[M]) -> tuple[M, YamlDocument]:
    """Strictly load one YAML file as ``model``; raise :class:`LawDataError` listing every problem."""
    doc, problems = read_document(path)
    return validate_document(doc, model, problems=problems), doc


V1_MESSAGE = (
    "this is a version-1 law file (it has no 'schema: {schema}' line); convert it with "
    "`cybercrime-check migrate FILE` (see CHANGELOG.md)"
)


def load_law(path: str | os.PathLike[str]) -> NationalLaw:
    """Load and validate one law file, with the general part it names.

    Raises :class:`~cybercrime_check.errors.LawDataError` listing *every*
    problem in the file, each with line, column and field path.
    """
    doc, problems = read_document(path)
    if "schema" not in doc.data:
        version = Problem(doc.filename, 1, 1, "schema", V1_MESSAGE.format(schema=LAW_SCHEMA), "version")
        raise LawDataError([*problems, version])
    data = doc.data
    general = data.get("general_part")
    if isinstance(general, str):
        data = {**data, "general_part": _general_part(Path(path), general, doc)}
    law = validate_document(doc, NationalLaw, data, problems)
    lines: dict[str, int] = {}
    for group in ("offences", "procedural_powers", "cooperation_rules"):
        items = doc.data.get(group)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    lines[item["id"]] = doc.locate((group, i))[0]
    law._origin = LawOrigin(doc.filename, lines)
    law.content_hash()  # the hash of the input belongs to reading it; every verdict reuses it
    return law


def _general_part(law_path: Path, part_id: str, doc: YamlDocument) -> Any:
    """The general part a law names, read from ``general/<id>.yaml`` beside the law file."""
    where = law_path.parent / "general" / f"{part_id}.yaml"
    if not where.is_file():
        line, column, _ = doc.locate(("general_part",))
        message = f"general part {part_id!r} not found: expected the file {display_name(where)}"
        raise LawDataError([Problem(doc.filename, line, column, "general_part", message, "reference")])
    part, _ = load_model(where, GeneralPart)
    return part


def load_laws(paths: Iterable[str | os.PathLike[str]]) -> list[NationalLaw]:
    """Load several laws; problems from *all* files are reported together.

    Directories are searched for ``*.yaml`` files (sorted). Two files that
    declare the same law id are an error, not a silent overwrite.
    """
    laws: list[NationalLaw] = []
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    for path in expand_paths(paths):
        try:
            law = load_law(path)
        except LawDataError as exc:
            problems.extend(exc.problems)
            continue
        where = display_name(path)
        if law.id in ids:
            problems.append(
                Problem(where, 1, 1, "id", f"law id {law.id!r} is also used by {ids[law.id]}", "duplicate_law")
            )
            continue
        ids[law.id] = where
        laws.append(law)
    if problems:
        raise LawDataError(problems)
    return laws


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given, directories expanded to their ``*.yaml``/``*.yml`` files."""
    result: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            result.extend(sorted(q for q in p.iterdir() if q.suffix in {".yaml", ".yml"}))
        else:
            result.append(p)
    return result


def dump_law_yaml(law: NationalLaw) -> str:
    """Write a law as YAML that :func:`load_law` reads back to an equal model."""
    import yaml

    data: Any = {"schema": LAW_SCHEMA, **law.model_dump(mode="json", by_alias=True, exclude_defaults=True)}
    return yaml.dump(data, Dumper=_QuotingDumper, sort_keys=False, allow_unicode=True, width=100)


def _quoting_dumper() -> type[Any]:
    import yaml

    class Dumper(yaml.SafeDumper):
        """Quotes every string so that no reader's YAML 1.1 rules can retype it."""

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')

    Dumper.add_representer(str, represent_str)
    return Dumper


_QuotingDumper = _quoting_dumper()
