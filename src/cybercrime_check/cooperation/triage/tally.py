"""What happened to every input line of a triage run; the summary is built from this alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .decision import Decision, Ground


@dataclass
class Tally:
    """What happened to every input line: the summary is built from this alone."""

    lines: int = 0
    blank: int = 0
    malformed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    grounds: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def triaged(self) -> int:
        return sum(self.outcomes.values())

    def record(self, decision: Decision) -> None:
        self.count(decision.outcome, decision.grounds)

    def count(self, outcome: str, grounds: Iterable[Ground]) -> None:
        self.outcomes[outcome] += 1
        for g in grounds:
            self.grounds[(g.ground, g.effect)] += 1

    def merge(self, other: Tally) -> None:
        self.lines += other.lines
        self.blank += other.blank
        self.malformed += other.malformed
        self.outcomes.update(other.outcomes)
        self.grounds.update(other.grounds)
