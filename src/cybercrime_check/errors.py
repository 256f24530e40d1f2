"""Exception types.

Every error a *user* can cause (bad law file, bad option) derives from
:class:`CybercrimeCheckError`; the CLI turns those into one-line messages and a
distinct exit code, never a traceback. Anything else is a bug in this library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class CybercrimeCheckError(Exception):
    """Root of all errors this library raises on purpose."""


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 control characters (NUL, ESC, CR, LF...), DEL, Unicode line separators and bidirectional overrides."""


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def one_line(text: str) -> str:
    """``text`` safe to print on one line of a terminal: every control character (NUL, ESC, CR, LF, tab, DEL,
    C1, line separators, bidirectional overrides) shown as its escape (``\\n``, ``\\x1b``), so that data can
    neither split a message over two lines nor send escape sequences to the terminal."""
    return _CONTROL.sub(_escaped, text) if _CONTROL.search(text) else text


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, located as precisely as we can.

    ``line`` and ``column`` are 1-based; 0 means "the whole file".
    ``field`` is the dotted path inside the document (``offences.2.penalty``),
    empty when the problem is not about a field.
    """

    file: str
    line: int
    column: int
    field: str
    message: str
    code: str = "invalid"

    def __str__(self) -> str:
        # One problem, one line: a newline or escape sequence in a file name, field or value is shown escaped.
        where = f"{one_line(self.file)}:{self.line}:{self.column}"
        field = f" {one_line(self.field)}:" if self.field else ""
        return f"{where}:{field} {one_line(self.message)}"


class LawDataError(CybercrimeCheckError, ValueError):
    """A data file (law, expected findings, request) is not valid.

    Carries *all* problems found in the file(s), so a user fixes them in one go.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[LawDataError], tuple[tuple[Problem, ...]]]:
        # Survives pickling, so an error raised in a worker process reaches the caller intact.
        return (type(self), (self.problems,))


class CatalogueError(CybercrimeCheckError):
    """A concept, principle or text version asked for is not in ``policies/``."""


class UsageError(CybercrimeCheckError):
    """The caller asked for something that cannot be done (unknown checker id...)."""


class OutputError(CybercrimeCheckError):
    """An output cannot be written (no such directory, permission denied, disk full, closed standard output)."""
