"""A hardened YAML reader for legal data.

PyYAML's ``safe_load`` silently changes data (``NO`` -> False, ``0755`` -> 493,
dates -> ``date``), keeps the last of duplicate keys, and expands aliases into
shared objects that can blow up validation. Here libyaml (``CSafeLoader``)
only *parses and composes*; resolution follows the YAML 1.2 core schema, and
construction is ours, so that every problem gets a file, line and column.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem

MAX_BYTES = 32 * 1024 * 1024
"""Largest file we read (32 MiB): a law with 10,000 richly modelled offences is about 12 MiB."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and sequences; law files need about 10."""
MAX_SCALAR = 64 * 1024
"""Longest single scalar, in characters."""
MAX_INT_DIGITS = 30

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

_Base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Composer(_Base):  # type: ignore[misc]
    """Parses and composes only; resolution per the YAML 1.2 core schema."""

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:  # plain (unquoted) scalar
                if value in _NULLS:
                    return _NULL
                if value in _TRUE or value in _FALSE:
                    return _BOOL
                if _INT_RE.match(value):
                    return _INT
                if _FLOAT_RE.match(value):
                    return _FLOAT
            return _STR
        if kind is SequenceNode:
            return _SEQ
        return _MAP


class YamlDocument:
    """Parsed data plus the node tree, so validation errors can be located."""

    def __init__(self, filename: str, data: Any, root: Node) -> None:
        self.filename = filename
        self.data = data
        self.root = root

    def locate(self, loc: tuple[str | int, ...]) -> tuple[int, int, str]:
        """Line, column (1-based) and dotted field path for a pydantic ``loc``.

        Segments that are not keys or indices (union branch tags) are skipped.
        """
        node = self.root
        path: list[str] = []
        for seg in loc:
            if isinstance(node, MappingNode):
                found = None
                for key, value in node.value:
                    if isinstance(key, ScalarNode) and key.value == str(seg):
                        found = value
                        break
                if found is None:
                    continue
                node = found
                path.append(str(seg))
            elif isinstance(node, SequenceNode) and isinstance(seg, int) and 0 <= seg < len(node.value):
                node = node.value[seg]
                path.append(str(seg))
        mark = node.start_mark
        return mark.line + 1, mark.column + 1, ".".join(path)


def read_yaml(raw: bytes, filename: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``raw`` bytes strictly. Returns the document or the problems found."""

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
    try:
        root = _Composer(text).get_single_node()
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
    except RecursionError:
        return None, [problem(0, 0, "YAML nesting is too deep", "too_deep")]
    if root is None:
        return None, [problem(1, 1, "file holds no document; expected a mapping", "empty")]
    builder = _Builder(filename)
    data = builder.build(root, 0)
    if builder.problems:
        return None, builder.problems
    if not isinstance(data, dict):
        line, col = root.start_mark.line + 1, root.start_mark.column + 1
        return None, [problem(line, col, "the document must be a mapping of fields", "not_mapping")]
    return YamlDocument(filename, data, root), []


def _line_col(prefix: str) -> tuple[int, int]:
    line = prefix.count("\n") + 1
    col = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, col


class _Builder:
    """Turns composed nodes into plain Python data, rejecting what could mislead."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _fail(self, node: Node, message: str, code: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.filename, mark.line + 1, mark.column + 1, "", message, code))

    def build(self, node: Node, depth: int) -> Any:
        if id(node) in self._seen:
            self._fail(node, "anchors and aliases (&name / *name) are not allowed; write the value out", "alias")
            return None
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self._fail(node, f"nesting deeper than {MAX_DEPTH} levels", "too_deep")
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                self._fail(node, f"explicit tag {node.tag!r} is not allowed", "tag")
            return [self.build(child, depth + 1) for child in node.value]
        if isinstance(node, MappingNode):
            return self._mapping(node, depth)
        self._fail(node, "unsupported YAML node", "syntax")  # pragma: no cover
        return None

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            self._fail(node, f"explicit tag {node.tag!r} is not allowed", "tag")
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                self._fail(key_node, "keys must be plain text field names", "key_type")
                continue
            key = key_node.value
            if key == "<<":
                self._fail(key_node, "merge keys (<<) are not allowed", "merge_key")
                continue
            if key in first_line:
                self._fail(
                    key_node,
                    f"duplicate key {key!r} (first defined on line {first_line[key]})",
                    "duplicate_key",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, depth + 1)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        value = node.value
        if len(value) > MAX_SCALAR:
            self._fail(node, f"value longer than {MAX_SCALAR} characters", "too_long")
            return None
        tag = node.tag
        if tag == _STR:
            return value
        if tag == _INT and _INT_RE.match(value):
            if len(value.lstrip("-")) > MAX_INT_DIGITS:
                self._fail(node, f"number longer than {MAX_INT_DIGITS} digits", "too_long")
                return None
            return int(value)
        if tag == _FLOAT and _FLOAT_RE.match(value):
            return float(value)
        if tag == _BOOL and (value in _TRUE or value in _FALSE):
            return value in _TRUE
        if tag == _NULL and value in _NULLS:
            return None
        self._fail(node, f"explicit tag {tag!r} is not allowed here", "tag")
        return None
