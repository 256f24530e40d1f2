"""The verdict: what the engine concluded about one law, and why.

Every finding names the national provision, the Convention article in the
chosen text version, the principle and a one-sentence reason. Summaries are
*derived* from the findings by the rule in :func:`worst_status`, never set by
hand.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Literal, cast

from pydantic import Field

from ._types import Confidence, ISODate, Model, ShortText, Text

SCHEMA_ID = "cybercrime-check/verdict/1"
DISCLAIMER = (
    "Analysis support, not legal advice: findings rest on the modelled text and its sources, "
    "not on how courts apply the law in practice."
)

Status = Literal[
    "compliant",
    "non_compliant",
    "partially_compliant",
    "insufficient_information",
    "not_applicable",
    "error",
]
Severity = Literal["info", "low", "medium", "high", "critical"]
Dimension = Literal["treaty_conformity", "rights_risk", "cooperation_exposure"]

DIMENSIONS: tuple[Dimension, ...] = ("treaty_conformity", "rights_risk", "cooperation_exposure")
SEVERITY_RANK: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
STATUS_BADNESS: dict[str, int] = {
    "not_applicable": 0,
    "compliant": 1,
    "insufficient_information": 2,
    "error": 3,
    "partially_compliant": 4,
    "non_compliant": 5,
}
"""How bad a status is for rights or conformity; summaries take the worst."""


def worst_status(statuses: list[str] | tuple[str, ...]) -> Status:
    """The summary rule: the worst status present, ``not_applicable`` when there is none.

    Order, best to worst: not_applicable, compliant, insufficient_information,
    error, partially_compliant, non_compliant. So a summary is ``compliant``
    only if every finding is compliant or not applicable.
    """
    if not statuses:
        return "not_applicable"
    return cast(Status, max(statuses, key=lambda s: STATUS_BADNESS[s]))


class ProvisionRef(Model):
    """The national provision a finding rests on."""

    law_id: ShortText
    provision_id: ShortText | None = None
    citation: ShortText
    file: ShortText | None = None
    line: int | None = None


class ArticleCitation(Model):
    concept: ShortText
    ref: ShortText | None
    title: ShortText
    version: ShortText
    confidence: Literal["confirmed", "partial", "unconfirmed"]


class PrincipleCitation(Model):
    id: ShortText
    name: ShortText
    sources: tuple[ShortText, ...]


class Evidence(Model):
    """A fact the finding used: a field path in the law and its value."""

    path: ShortText
    value: Text


class Finding(Model):
    checker: ShortText
    checker_version: ShortText
    rule: ShortText
    status: Status
    severity: Severity
    dimension: Dimension
    provision: ProvisionRef
    articles: tuple[ArticleCitation, ...]
    principles: tuple[PrincipleCitation, ...]
    red_lines: tuple[ShortText, ...] = ()
    reason: Text
    evidence: tuple[Evidence, ...] = ()
    confidence: Confidence
    recommendation: Text | None = None


class CheckerInfo(Model):
    id: ShortText
    version: ShortText
    title: ShortText
    plugin: ShortText


class SummaryRow(Model):
    key: ShortText
    label: ShortText
    status: Status
    findings: int
    counts: dict[str, int]


class Summary(Model):
    by_dimension: tuple[SummaryRow, ...]
    by_article: tuple[SummaryRow, ...]
    by_principle: tuple[SummaryRow, ...]
    by_red_line: tuple[SummaryRow, ...]


class LawIdentity(Model):
    id: ShortText
    jurisdiction: ShortText
    title: ShortText
    content_hash: ShortText
    file: ShortText | None = None


class Verdict(Model):
    schema_: Literal["cybercrime-check/verdict/1"] = Field("cybercrime-check/verdict/1", alias="schema")
    disclaimer: Text = DISCLAIMER
    law: LawIdentity
    as_of: ISODate
    convention: ShortText
    library_version: ShortText
    checkers: tuple[CheckerInfo, ...]
    complete: bool
    """False when a checker failed, timed out or returned invalid output."""
    findings: tuple[Finding, ...]
    summary: Summary

    model_config = Model.model_config | {"populate_by_name": True}

    def to_json(self) -> str:
        """Byte-for-byte reproducible JSON (same input, same output)."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"

    def worst(self, dimension: str) -> Status:
        return worst_status([f.status for f in self.findings if f.dimension == dimension])


def today() -> date:
    """The default as-of date (isolated so tests and reproducible runs can pin it)."""
    return date.today()
