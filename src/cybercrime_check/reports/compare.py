"""Many laws side by side: the jurisdiction x principle (and x red line) heatmap.

A cell holds the worst status (rule: :func:`~cybercrime_check.engine.verdict.worst_status`)
among the findings of every evaluated law of that jurisdiction that cite the
principle or speak to the red line, and the findings behind it, so a reader can
always go from a colour to its reasons. Rows are jurisdictions, not laws: a
state with two instruments (a penal code and a cybercrime statute) has one row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import Field

from .._version import __version__
from ..checkers import BUILTIN
from ..engine.catalogue import Catalogue, catalogue
from ..engine.verdict import DISCLAIMER, SEVERITY_RANK, VIOLATIONS, Severity, Status, Verdict, worst_status
from ..model.fields import ISODate, Model, ShortText, Text
from ..model.wording import country_name, words

BUILTIN_IDS = frozenset(c.id for c in BUILTIN)


class FindingRef(Model):
    """A pointer from a heatmap cell to one finding of one verdict."""

    law_id: ShortText
    index: int
    """Position of the finding in that law's verdict (stable: findings are sorted)."""
    status: Status
    severity: Severity


class Cell(Model):
    """One jurisdiction and one principle (or red line): what the findings behind it add up to.

    A cell is drawn from its violations first: their number and worst severity, so that four medium
    findings do not look like one critical finding. Exposure and data gaps are counted apart and drawn as
    such when there is no violation; a data gap is never drawn as a pass or as a violation.
    """

    key: ShortText
    status: Status | None
    """Worst status of the findings behind the cell; ``None`` when no checker said anything."""
    severity: Severity | None = None
    """Worst severity among the cell's violations (non-compliant or partially compliant findings); ``None`` if none."""
    violations: int = 0
    """Number of non-compliant or partially compliant findings."""
    exposed: int = 0
    """Number of findings of offences open to cross-border evidence gathering."""
    gaps: int = 0
    """Number of findings that say the data does not allow a conclusion."""
    findings: tuple[FindingRef, ...] = ()


class Row(Model):
    jurisdiction: ShortText
    name: ShortText
    law_ids: tuple[ShortText, ...]
    principles: tuple[Cell, ...]
    red_lines: tuple[Cell, ...]
    un_convention: ShortText = "unknown"
    """The state's standing under the UN Convention against Cybercrime on the comparison's date (party,
    consented, signatory, not party, unknown, or not in force), from ``policies/treaties/uncc.yaml``."""


class Column(Model):
    key: ShortText
    label: ShortText
    description: Text
    tested: bool = True
    """False for a principle no checker that ran tests: the column is shown greyed out and labelled."""


class Comparison(Model):
    """The comparison of several verdicts; everything a renderer needs, nothing recomputed there."""

    schema_: ShortText = Field("cybercrime-check/comparison/1", alias="schema")
    disclaimer: Text = DISCLAIMER
    library_version: ShortText
    convention: ShortText
    as_of: ISODate
    principle_columns: tuple[Column, ...]
    red_line_columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    verdicts: tuple[Verdict, ...]

    model_config = Model.model_config | {"populate_by_name": True}

    def verdict(self, law_id: str) -> Verdict:
        for v in self.verdicts:
            if v.law.id == law_id:
                return v
        raise KeyError(law_id)

    def to_json(self) -> str:
        """Deterministic JSON; serialised by pydantic's core (a thousand verdicts are tens of megabytes)."""
        return self.model_dump_json(by_alias=True, indent=2) + "\n"


@dataclass(frozen=True)
class Digest:
    """What the heatmap needs from one verdict: per finding its status, principles and red lines.

    Small and made of plain values, so that worker processes can send it cheaply; rebuilding a
    thousand typed verdicts in the parent would cost more than evaluating them in parallel saves.
    """

    law_id: str
    jurisdiction: str
    convention: str
    as_of: date
    marks: tuple[tuple[Status, Severity, tuple[str, ...], tuple[str, ...]], ...]
    checkers: tuple[str, ...] = ()
    """Ids of the checkers that ran: what the columns can say anything about."""

    @classmethod
    def of(cls, v: Verdict) -> Digest:
        return cls(
            v.law.id,
            v.law.jurisdiction,
            v.convention,
            v.as_of,
            tuple((f.status, f.severity, tuple(p.id for p in f.principles), f.red_lines) for f in v.findings),
            tuple(c.id for c in v.checkers),
        )


def _cell(key: str, refs: list[FindingRef]) -> Cell:
    violations = [r for r in refs if r.status in VIOLATIONS]
    return Cell(
        key=key,
        status=worst_status([r.status for r in refs]) if refs else None,
        severity=max((r.severity for r in violations), key=SEVERITY_RANK.__getitem__) if violations else None,
        violations=len(violations),
        exposed=sum(1 for r in refs if r.status == "exposed"),
        gaps=sum(1 for r in refs if r.status == "insufficient_information"),
        findings=tuple(refs),
    )


def build_comparison(verdicts: Sequence[Verdict]) -> Comparison:
    """Arrange verdicts (one per law, same Convention text and date) into the heatmap."""
    if not verdicts:
        raise ValueError("nothing to compare: no verdicts")
    ordered = sorted(verdicts, key=lambda v: (v.law.jurisdiction, v.law.id))
    return comparison_from_digests([Digest.of(v) for v in ordered], tuple(ordered))


def comparison_from_digests(digests: Sequence[Digest], verdicts: tuple[Verdict, ...]) -> Comparison:
    if not digests:
        raise ValueError("nothing to compare: no verdicts")
    if len({d.convention for d in digests}) > 1 or len({d.as_of for d in digests}) > 1:
        raise ValueError("verdicts to compare must share one Convention text and one as-of date")
    cat = catalogue()
    ordered = sorted(digests, key=lambda d: (d.jurisdiction, d.law_id))
    by_jurisdiction: dict[str, list[Digest]] = defaultdict(list)
    for d in ordered:
        by_jurisdiction[d.jurisdiction].append(d)
    principle_keys = list(cat.principles)
    red_line_keys = list(cat.red_lines)

    rows = []
    for code, group in by_jurisdiction.items():
        by_principle: dict[str, list[FindingRef]] = defaultdict(list)
        by_red_line: dict[str, list[FindingRef]] = defaultdict(list)
        for d in group:
            for i, (status, severity, principles, red_lines) in enumerate(d.marks):
                # Built from validated verdicts: construct without validating again (100,000s of refs).
                ref = FindingRef.model_construct(law_id=d.law_id, index=i, status=status, severity=severity)
                for pid in principles:
                    by_principle[pid].append(ref)
                for rl in red_lines:
                    by_red_line[rl].append(ref)

        def cells(groups: dict[str, list[FindingRef]], keys: Iterable[str]) -> tuple[Cell, ...]:
            return tuple(_cell(k, groups.get(k, [])) for k in keys)

        rows.append(
            Row(
                jurisdiction=code,
                name=country_name(code),
                law_ids=tuple(d.law_id for d in group),
                principles=cells(by_principle, principle_keys),
                red_lines=cells(by_red_line, red_line_keys),
                un_convention=_standing(cat, code, group[0].as_of),
            )
        )
    first = ordered[0]
    ran = {c for d in ordered for c in d.checkers}
    tested = {p for c in BUILTIN if c.id in ran for p in c.principles} | ({"*"} if ran - BUILTIN_IDS else set())
    if "*" in tested:  # a third-party checker ran: its principles are not known here, so claim nothing untested
        tested = set(cat.principles)
    return Comparison(
        library_version=__version__,
        convention=first.convention,
        as_of=first.as_of,
        principle_columns=tuple(
            Column(key=k, label=p.name, description=p.description, tested=k in tested)
            for k, p in cat.principles.items()
        ),
        red_line_columns=tuple(
            Column(key=k, label=f"Red line {r.number}", description=f"{r.title}. {r.description}")
            for k, r in cat.red_lines.items()
        ),
        rows=tuple(rows),
        verdicts=verdicts,
    )


def _standing(cat: Catalogue, state: str, day: date) -> str:
    from ..model.treaty import standing_on

    status = cat.treaties.get("uncc")
    return words(standing_on(status, state, day).standing) if status is not None else "unknown"
