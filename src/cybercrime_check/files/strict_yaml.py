"""A hardened YAML reader for legal data.

PyYAML's ``safe_load`` silently changes data (``NO`` -> False, ``0755`` -> 493,
dates -> ``date``), keeps the last of duplicate keys, and expands aliases into
shared objects that can blow up validation. Here libyaml (``CSafeLoader``)
only *parses*; resolution follows the YAML 1.2 core schema, and construction
is ours, straight from the event stream, so that every problem gets a file,
line and column.

Why events and not PyYAML's node graph: a composed document keeps several
Python objects per node alive until it is built, and the cyclic garbage
collector's passes over that graph made reading super-linear in the file's
size (17x the time for 10x the data). Building from events keeps only the
data and a small table of positions alive, so the library needs no global
switch of the collector.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from ..errors import Problem

MAX_BYTES = 32 * 1024 * 1024
"""Largest file we read (32 MiB): a law with 10,000 richly modelled offences is about 12 MiB."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and sequences; law files need about 10."""
MAX_SCALAR = 64 * 1024
"""Longest single scalar, in characters."""
MAX_INT_DIGITS = 30
"""Longest whole number, in digits (a longer one is refused with this limit, not Python's own)."""
MAX_FLOAT_CHARS = 40

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT_RE = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
_FLOAT_RE = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Position = tuple[int, int, Any]
"""(line, column, positions of the children): a dict of key -> Position for a mapping, a list for a
sequence, ``None`` for a scalar."""


def _resolve_scalar(event: ScalarEvent) -> str:
    """The tag of a scalar per the YAML 1.2 core schema (explicit standard tags are kept)."""
    if event.tag not in (None, "!"):
        return str(event.tag)
    value = event.value
    if event.implicit[0]:  # plain (unquoted) scalar
        if value in _NULLS:
            return _NULL
        if value in _TRUE or value in _FALSE:
            return _BOOL
        if _INT_RE.match(value):
            return _INT
        if _FLOAT_RE.match(value):
            return _FLOAT
    return _STR


class YamlDocument:
    """Parsed data plus the position of every value, so validation errors can be located.

    ``dropped`` holds the positions (line, column) of values the reader refused and left out (a value
    nested too deep, an explicit tag...): a validation error there would only repeat the reader's
    problem, so :func:`~cybercrime_check.files.loader.load_model` leaves it out.
    """

    def __init__(
        self, filename: str, data: Any, positions: Position, dropped: frozenset[tuple[int, int]] = frozenset()
    ) -> None:
        self.filename = filename
        self.data = data
        self.positions = positions
        self.dropped = dropped

    def locate(self, loc: tuple[str | int, ...]) -> tuple[int, int, str]:
        """Line, column (1-based) and dotted field path for a pydantic ``loc``.

        Segments that are not keys or indices (union branch tags) are skipped.
        """
        line, column, children = self.positions
        path: list[str] = []
        for seg in loc:
            if isinstance(children, dict):
                found = children.get(str(seg))
                if found is None:
                    continue
            elif isinstance(children, list) and isinstance(seg, int) and 0 <= seg < len(children):
                found = children[seg]
            else:
                continue
            line, column, children = found
            path.append(str(seg))
        return line, column, ".".join(path)


def read_yaml(raw: bytes, filename: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``raw`` bytes strictly. Returns the document and the problems found.

    The document is ``None`` when the text cannot be read as one mapping (bad encoding, syntax, not a
    mapping) or uses anchors and aliases (one problem, however many aliases). Problems that leave the
    rest readable (a duplicate key, a merge key, a tag, a value too long or nested too deep) come with
    the document, the offending value left out, so that the caller can report them together with every
    other problem in the file.
    """

    def problem(line: int, col: int, message: str, code: str, field: str = "") -> Problem:
        return Problem(filename, line, col, field, message, code)

    if len(raw) > MAX_BYTES:
        return None, [problem(0, 0, f"file is {len(raw)} bytes; the limit is {MAX_BYTES}", "too_large")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw[: exc.start].decode("utf-8", "replace"))
        return None, [problem(line, col, "file is not valid UTF-8 text", "encoding")]
    if not text.strip():
        return None, [problem(1, 1, "file is empty; expected a mapping", "empty")]
    builder = _Builder(filename)
    try:
        built = builder.document(_events(text))
    except _StructureError as exc:
        return None, [problem(*exc.where, f"YAML syntax: {exc}", "syntax")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return None, [problem(line, col, f"YAML syntax: {message}", "syntax")]
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text[: exc.position])
        return None, [problem(line, col, f"YAML: {exc.reason}", "syntax")]
    except yaml.YAMLError as exc:
        return None, [problem(0, 0, f"YAML: {exc}", "syntax")]
    if built is None:
        return None, [problem(1, 1, "file holds no document; expected a mapping", "empty")]
    data, positions = built
    if builder.aliases:
        first = builder.aliases[0]
        more = f" ({len(builder.aliases)} aliases in all)" if len(builder.aliases) > 1 else ""
        builder.problems.insert(
            0,
            problem(
                first[0],
                first[1],
                f"anchors and aliases (&name / *name) are not allowed; write the value out{more}",
                "alias",
            ),
        )
    if builder.aliases:  # an alias bomb is one problem, not one per field it leaves empty
        return None, builder.problems
    if not isinstance(data, dict):
        return None, [
            *builder.problems,
            problem(positions[0], positions[1], "the document must be a mapping of fields", "not_mapping"),
        ]
    dropped = frozenset((p.line, p.column) for p in builder.problems)
    return YamlDocument(filename, data, positions, dropped), builder.problems


def _events(text: str) -> Iterator[Event]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _where(event: Event) -> tuple[int, int]:
    """Line and column (1-based) where ``event`` starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _line_col(prefix: str) -> tuple[int, int]:
    line = prefix.count("\n") + 1
    col = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, col


class _StructureError(Exception):
    """A document the parser accepts but that is not one single document."""

    def __init__(self, event: Event, message: str) -> None:
        super().__init__(message)
        self.where = _where(event)


class _Builder:
    """Builds plain Python data from parser events, rejecting what could mislead."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.aliases: list[tuple[int, int]] = []
        self._events: Iterator[Event] = iter(())

    def _fail(self, event: Event, message: str, code: str) -> None:
        line, column = _where(event)
        self.problems.append(Problem(self.filename, line, column, "", message, code))

    def document(self, events: Iterator[Event]) -> tuple[Any, Position] | None:
        """The first document of the stream, or None if it holds none; a second document is an error."""
        self._events = events
        first = next(events)
        assert isinstance(first, StreamStartEvent)
        event = next(events)
        if isinstance(event, StreamEndEvent):
            return None
        assert isinstance(event, DocumentStartEvent)
        built = self._value(next(events), 0)
        end = next(events)
        assert isinstance(end, DocumentEndEvent)
        extra = next(events)
        if not isinstance(extra, StreamEndEvent):
            raise _StructureError(extra, "expected a single document in the stream but found another document")
        return built

    def _value(self, event: Event, depth: int) -> tuple[Any, Position]:
        where = _where(event)
        if isinstance(event, ScalarEvent):
            return self._scalar(event), (*where, None)
        if isinstance(event, AliasEvent):
            self.aliases.append(where)
            return None, (*where, None)
        if depth > MAX_DEPTH:
            self._fail(event, f"nesting deeper than {MAX_DEPTH} levels", "too_deep")
            self._skip()
            return None, (*where, None)
        if isinstance(event, SequenceStartEvent):
            if event.tag not in (None, "!", _SEQ):
                self._fail(event, f"explicit tag {event.tag!r} is not allowed", "tag")
            items: list[Any] = []
            positions: list[Position] = []
            for child in self._until(SequenceEndEvent):
                value, pos = self._value(child, depth + 1)
                items.append(value)
                positions.append(pos)
            return items, (*where, positions)
        if isinstance(event, MappingStartEvent):
            return self._mapping(event, where, depth)
        raise _StructureError(event, f"unexpected {type(event).__name__}")  # pragma: no cover - libyaml sends no other

    def _until(self, end: type[Event]) -> Iterator[Event]:
        for event in self._events:
            if isinstance(event, end):
                return
            yield event

    def _skip(self) -> None:
        """Consume the rest of a collection whose start event was just read, without building it."""
        level = 1
        for event in self._events:
            if isinstance(event, SequenceStartEvent | MappingStartEvent):
                level += 1
            elif isinstance(event, SequenceEndEvent | MappingEndEvent):
                level -= 1
                if level == 0:
                    return

    def _mapping(self, event: MappingStartEvent, where: tuple[int, int], depth: int) -> tuple[Any, Position]:
        if event.tag not in (None, "!", _MAP):
            self._fail(event, f"explicit tag {event.tag!r} is not allowed", "tag")
        result: dict[str, Any] = {}
        positions: dict[str, Position] = {}
        keys = self._until(MappingEndEvent)
        for key_event in keys:
            value_event = next(self._events)
            if not isinstance(key_event, ScalarEvent) or _resolve_scalar(key_event) != _STR:
                self._fail(key_event, "keys must be plain text field names", "key_type")
                if isinstance(key_event, SequenceStartEvent | MappingStartEvent):
                    self._skip()
                    value_event = next(self._events)
                self._discard(value_event)
                continue
            key = key_event.value
            if key == "<<":
                self._fail(key_event, "merge keys (<<) are not allowed", "merge_key")
                self._discard(value_event)
                continue
            if key in positions:
                self._fail(
                    key_event,
                    f"duplicate key {key!r} (first defined on line {positions[key][0]})",
                    "duplicate_key",
                )
                self._discard(value_event)
                continue
            result[key], positions[key] = self._value(value_event, depth + 1)
        return result, (*where, positions)

    def _discard(self, event: Event) -> None:
        if isinstance(event, SequenceStartEvent | MappingStartEvent):
            self._skip()
        elif isinstance(event, AliasEvent):
            self.aliases.append(_where(event))

    def _scalar(self, event: ScalarEvent) -> Any:
        value = event.value
        if len(value) > MAX_SCALAR:
            self._fail(event, f"value longer than {MAX_SCALAR} characters", "too_long")
            return None
        tag = _resolve_scalar(event)
        if tag == _STR:
            return value
        if tag == _INT and _INT_RE.match(value):
            if len(value.lstrip("-")) > MAX_INT_DIGITS:
                self._fail(event, f"number longer than {MAX_INT_DIGITS} digits", "too_long")
                return None
            return int(value)
        if tag == _FLOAT and _FLOAT_RE.match(value):
            if len(value.lstrip("-")) > MAX_FLOAT_CHARS:
                self._fail(event, f"number longer than {MAX_FLOAT_CHARS} characters", "too_long")
                return None
            return float(value)
        if tag == _BOOL and (value in _TRUE or value in _FALSE):
            return value in _TRUE
        if tag == _NULL and value in _NULLS:
            return None
        self._fail(event, f"explicit tag {tag!r} is not allowed here", "tag")
        return None
