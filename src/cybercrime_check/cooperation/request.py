"""A request for cross-border assistance (mutual legal assistance or extradition), as typed data.

One request is a YAML or JSON file; a batch is JSON Lines, one request per line. Every fact a
triage ground needs admits ``unspecified``, so that an unknown never reads as a reassuring
``false``. Reading is as strict as for law files: unknown fields, duplicate keys, wrong types and
coerced values are errors that name the file, line, column and field.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Discriminator,
    Field,
    StrictStr,
    StringConstraints,
    Tag,
    ValidationError,
    model_validator,
)
from pydantic_core import from_json

from ..errors import LawDataError, Problem
from ..files.strict_yaml import read_yaml
from ..model.fields import (
    DateOrUnspecified,
    Identifier,
    ListTag,
    MaxTerm,
    Model,
    ShortText,
    Text,
    TriState,
    WordTag,
    word_or_list_discriminator,
)
from ..model.law import CountryCode
from ..model.offence import OffenceCategory

Measure = Literal[
    "preservation",
    "disclosure_of_preserved_traffic",
    "stored_data",
    "subscriber_information",
    "realtime_traffic",
    "content_interception",
    "extradition",
]
"""What the requesting state asks for (the Convention's cooperation measures, and extradition)."""

MEASURES: tuple[Measure, ...] = (
    "preservation",
    "disclosure_of_preserved_traffic",
    "stored_data",
    "subscriber_information",
    "realtime_traffic",
    "content_interception",
    "extradition",
)
DATA_MEASURES = frozenset(MEASURES) - {"extradition"}
TRANSFER_MEASURES = DATA_MEASURES - {"preservation"}
"""Measures that send data to the requesting state (preservation keeps it where it is)."""

RequestDataCategory = Literal["subscriber", "traffic", "content", "location", "biometric"]
LegalBasis = Literal["un_convention", "budapest_convention", "bilateral_treaty", "none", "unspecified"]
Urgency = Literal["routine", "urgent", "emergency", "unspecified"]

RequestId = Annotated[StrictStr, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/:-]{0,99}$")]

PROTECTED_FACTS: tuple[str, ...] = (
    "journalist",
    "human_rights_defender",
    "political_opponent",
    "lgbtq",
    "religious_minority",
    "refugee_or_asylum_seeker",
)


class OffenceReference(Model):
    """An offence in a modelled law of the requesting state."""

    law: Identifier
    offence: Identifier
    limb: Identifier | None = None
    """For a section with limbs: the limb the request concerns (without it, the offence's category is 'mixed'
    and the grounds that depend on it ask for it)."""


def _one_category(value: str) -> str:
    if value == "mixed":
        raise ValueError("a described offence has one category; 'mixed' is for modelled sections with limbs")
    return value


class DescribedOffence(Model):
    """An offence that is not modelled, as the request describes it."""

    category: Annotated[OffenceCategory, AfterValidator(_one_category)]
    """What the offence criminalises (one category; a request about a sectioned offence names the limb's)."""
    max_penalty: MaxTerm
    """Maximum imprisonment as the request states it: ``5 years``, ``life``, ``none`` or ``unspecified``."""
    citation: ShortText
    death_penalty: TriState = "unspecified"


def _offence_tag(value: Any) -> str:
    if isinstance(value, OffenceReference) or (isinstance(value, dict) and "law" in value):
        return "reference"
    return "described"


class Target(Model):
    """What is known about the person the request concerns.

    ``refugee_or_asylum_seeker`` means that the person has sought or been granted protection in the
    requested state. ``identified: false`` records that the request seeks to identify an unknown person,
    so the other facts cannot be known yet.
    """

    identified: TriState = "unspecified"
    journalist: TriState = "unspecified"
    human_rights_defender: TriState = "unspecified"
    political_opponent: TriState = "unspecified"
    lgbtq: TriState = "unspecified"
    religious_minority: TriState = "unspecified"
    refugee_or_asylum_seeker: TriState = "unspecified"


class Assurances(Model):
    """Assurances the requesting state offers (true), declines (false), or that are not stated."""

    no_death_penalty: TriState = "unspecified"
    speciality: TriState = "unspecified"
    """The data or person is used only for the proceedings named in the request."""


class AssistanceRequest(Model):
    """A request from one state to another for evidence, surveillance or extradition."""

    id: RequestId
    requesting_state: CountryCode
    requested_state: CountryCode
    date: DateOrUnspecified = "unspecified"
    legal_basis: LegalBasis = "unspecified"
    treaty: ShortText | None = None
    """The bilateral treaty's name, when ``legal_basis`` is ``bilateral_treaty``."""
    offence: Annotated[
        Annotated[OffenceReference, Tag("reference")] | Annotated[DescribedOffence, Tag("described")],
        Discriminator(_offence_tag),
    ]
    conduct: Text
    """A short description of the conduct the request is about."""
    measures: tuple[Measure, ...] = Field(min_length=1)
    data_categories: Annotated[
        Annotated[tuple[RequestDataCategory, ...], ListTag] | Annotated[Literal["unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    target: Target = Target()
    urgency: Urgency = "unspecified"
    assurances: Assurances = Assurances()

    @model_validator(mode="after")
    def _consistent(self) -> AssistanceRequest:
        if self.requesting_state == self.requested_state:
            raise ValueError("requesting_state and requested_state must differ")
        for name in ("measures", "data_categories"):
            items = getattr(self, name)
            if isinstance(items, tuple) and len(set(items)) != len(items):
                raise ValueError(f"{name} lists the same item twice")
        if self.data_categories == () and DATA_MEASURES.intersection(self.measures):
            raise ValueError(
                "data_categories is empty but data is requested; list the categories or write 'unspecified'"
            )
        if self.treaty is not None and self.legal_basis != "bilateral_treaty":
            raise ValueError("treaty is given but legal_basis is not 'bilateral_treaty'")
        return self

    @property
    def categories(self) -> tuple[str, ...] | None:
        """The data categories, or None when unspecified."""
        return self.data_categories if isinstance(self.data_categories, tuple) else None


# --- reading -------------------------------------------------------------------------------

MAX_LINE_BYTES = 1024 * 1024
"""Longest JSON line read (1 MiB), and largest JSON request file; a request is normally under 2 KB."""
MAX_JSON_DEPTH = 32
"""Deepest nesting of objects and arrays in a JSON request (a request needs 3); as for YAML files."""
MAX_NUMBER_CHARS = 40
"""Longest number in a JSON request, in characters (Python's own limit message names a function to call)."""


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _NotAnObject(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class _Limit(ValueError):
    """A JSON text beyond one of the limits (nesting, length of a number)."""


def _bounded_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Limit(f"number longer than {MAX_NUMBER_CHARS} characters")
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Limit(f"number longer than {MAX_NUMBER_CHARS} characters")
    return float(text)


_BRACKET = re.compile(rb"[][{}]")


def nesting_beyond_limit(raw: bytes) -> int | None:
    """The offset (0-based) where nesting first goes deeper than :data:`MAX_JSON_DEPTH`, or ``None``.

    Counted outside strings, without parsing, so that a line nested a thousand deep is one problem
    instead of a recursion error in the parser.
    """
    if raw.count(b"[") + raw.count(b"{") <= MAX_JSON_DEPTH:
        return None
    text = _STRING.sub(lambda m: b"_" * len(m.group()), raw)
    depth = 0
    for match in _BRACKET.finditer(text):
        if match.group() in (b"[", b"{"):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return match.start()
        else:
            depth -= 1
    return None


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse one JSON object strictly: a duplicate key or NaN/Infinity is an error, not a silent choice;
    nesting deeper than :data:`MAX_JSON_DEPTH` and numbers longer than :data:`MAX_NUMBER_CHARS` too."""
    if nesting_beyond_limit(text.encode("utf-8")) is not None:
        raise _Limit(f"nested deeper than {MAX_JSON_DEPTH} levels")
    data = json.loads(
        text,
        object_pairs_hook=_no_duplicates,
        parse_constant=_no_constants,
        parse_int=_bounded_int,
        parse_float=_bounded_float,
    )
    if not isinstance(data, dict):
        raise _NotAnObject("expected a JSON object holding the request's fields")
    return data


def parse_request_json(text: str, filename: str, first_line: int = 1) -> AssistanceRequest:
    """Validate one JSON request; raise :class:`LawDataError` with every problem located in ``filename``.

    ``first_line`` is the file line the text starts on (the line number in a JSON Lines file).
    """

    def moved(problems: list[Problem]) -> LawDataError:
        return LawDataError([replace(p, line=p.line + first_line - 1) for p in problems])

    deep = nesting_beyond_limit(text.encode("utf-8"))
    if deep is not None:
        line, column = _line_col(text.encode("utf-8")[:deep])
        message = f"nested deeper than {MAX_JSON_DEPTH} levels"
        raise moved([Problem(filename, line, column, "", message, "too_deep")])
    try:
        data = parse_json_object(text)
    except _DuplicateKey as exc:
        _, found = read_yaml(text.encode("utf-8"), filename)  # locates the second occurrence
        dupes = [p for p in found if p.code == "duplicate_key"]
        if "\n" not in text.rstrip("\r\n"):  # one JSON line: "first defined on line 1" would mislead
            dupes = [replace(p, message=f"duplicate key {exc.key!r} (also earlier on this line)") for p in dupes]
        raise moved(dupes or [Problem(filename, 1, 1, "", f"duplicate key {exc.key!r}", "duplicate_key")]) from None
    except json.JSONDecodeError as exc:
        raise moved([Problem(filename, exc.lineno, exc.colno, "", f"JSON syntax: {exc.msg}", "syntax")]) from None
    except _Limit as exc:
        raise moved([Problem(filename, 1, 1, "", str(exc), "too_long")]) from None
    except ValueError as exc:
        raise moved([Problem(filename, 1, 1, "", str(exc), "not_object")]) from None
    try:
        return AssistanceRequest.model_validate(data)
    except ValidationError as exc:
        raise moved(_validation_problems(text, filename, exc)) from None


def _line_col(prefix: bytes) -> tuple[int, int]:
    text = prefix.decode("utf-8", "replace")
    return text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1


def _validation_problems(text: str, filename: str, exc: ValidationError) -> list[Problem]:
    from ..files.loader import problems_from_validation

    doc, _ = read_yaml(text.encode("utf-8"), filename)  # JSON is YAML 1.2: the node tree gives columns
    if doc is not None:
        return problems_from_validation(doc, exc)
    return [  # valid JSON the YAML reader cannot compose (rare): fields without columns
        Problem(filename, 1, 1, ".".join(str(s) for s in err["loc"]), err["msg"], err["type"])
        for err in exc.errors(include_url=False, include_input=False)
    ]


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
"""A JSON string (unrolled so that the regex engine does not backtrack per character)."""


def _key_count(value: Any) -> int:
    """Keys in all the objects of a parsed JSON value."""
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            count += len(item)
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
    return count


def has_duplicate_keys(raw: bytes) -> bool:
    """Whether a valid JSON text repeats a key within one object.

    Outside strings, every ``:`` of valid JSON separates one key from its value; a parser that keeps the
    last of duplicate keys ends up with fewer keys than that. The count is exact, and cheaper than
    parsing with a Python hook on every object, so the hook runs only to name the duplicate.
    """
    return raw.count(b":") != 0 and _STRING.sub(b"", raw).count(b":") != _key_count(from_json(raw))


def _keys_match(raw: bytes, request: AssistanceRequest) -> bool:
    """Whether the line has no more colons than the fields it set: then no key is repeated.

    The cheap test for the common line. Each key of valid JSON is followed by a colon, and each field set
    is a distinct key, so ``colons >= keys >= distinct keys >= fields set``; equality at both ends leaves no
    room for a repeated key. A line with a colon inside a string (or a count that differs for any other
    reason) goes to :func:`has_duplicate_keys`.
    """
    d = request.__dict__  # the models' own records of the fields set, read without their __getattr__ hook
    return raw.count(b":") == (
        len(request.__pydantic_fields_set__)
        + len(d["offence"].__pydantic_fields_set__)
        + len(d["target"].__pydantic_fields_set__)
        + len(d["assurances"].__pydantic_fields_set__)
    )


def parse_request_line(raw: bytes, filename: str, line: int) -> AssistanceRequest:
    """Validate one JSON Lines record (bytes without the newline).

    The common case, a valid request, is validated by pydantic's JSON parser; anything it rejects,
    and any line with a duplicate key (which that parser would silently collapse), goes through
    :func:`parse_request_json` for the located report.
    """
    try:
        request = AssistanceRequest.model_validate_json(raw)
    except ValidationError:
        request = None
    if request is not None and (_keys_match(raw, request) or not has_duplicate_keys(raw)):
        return request
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LawDataError([Problem(filename, line, exc.start + 1, "", "not valid UTF-8 text", "encoding")]) from None
    return parse_request_json(text, filename, line)


def load_request(path: str | Path) -> AssistanceRequest:
    """Load one request from a YAML file, or from a JSON file (``.json``)."""
    from ..files.loader import display_name, load_model, read_file

    p = Path(path)
    if p.suffix != ".json":
        return load_model(p, AssistanceRequest)[0]
    name = display_name(p)
    raw = read_file(p, name, MAX_LINE_BYTES)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LawDataError([Problem(name, 0, 0, "", "file is not valid UTF-8 text", "encoding")]) from None
    return parse_request_json(text, name)
