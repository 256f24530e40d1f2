"""Exception types.

Every error a *user* can cause (bad law file, bad option) derives from
:class:`CybercrimeCheckError`; the CLI turns those into one-line messages and a
distinct exit code, never a traceback. Anything else is a bug in this library.
"""

from __future__ import annotations

from dataclasses import dataclass


class CybercrimeCheckError(Exception):
    """Root of all errors this library raises on purpose."""


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
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


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
