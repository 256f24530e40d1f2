"""What a checker is, what it receives, and what it returns.

A checker is a plain function from a law and an :class:`EvaluationContext` to
:class:`FindingDraft` objects. It cites *concept keys* and *principle ids*; the
engine turns them into article numbers of the chosen Convention text, adds the
provision's file and line, and caps the confidence at that of the data used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import Field

from ..model.fields import Confidence, Model, ShortText, Text
from ..model.law import NationalLaw
from .catalogue import Catalogue
from .verdict import Dimension, Severity, Status


class FindingDraft(Model):
    """One conclusion of a checker, before the engine resolves citations.

    ``provision_id`` names the provision of the law the finding is about
    (``None`` for findings about the law as a whole, e.g. a missing offence).
    ``data_confidence`` is the confidence of the facts used; the engine lowers
    it further to the provision's and the cited articles' confidence.
    """

    rule: ShortText
    status: Status
    severity: Severity
    dimension: Dimension
    provision_id: ShortText | None = None
    limb: ShortText | None = None
    concepts: tuple[ShortText, ...] = Field(min_length=1)
    principles: tuple[ShortText, ...] = ()
    reason: Text
    evidence: tuple[tuple[ShortText, Text], ...] = ()
    recommendation: Text | None = None
    data_confidence: Confidence = "primary"


@dataclass(frozen=True)
class EvaluationContext:
    """What a checker may rely on besides the law."""

    convention: str
    """The Convention text version the verdict is rendered in (article numbers only)."""
    as_of: date
    catalogue: Catalogue
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def parameters(self) -> Any:
        return self.catalogue.parameters


CheckFunction = Callable[[NationalLaw, EvaluationContext], Iterable[FindingDraft]]


@dataclass(frozen=True)
class Rule:
    """One question a checker asks, its possible answers, and the authority it rests on.

    Rules sit beside the code that applies them, so that a lawyer can review every rule on one page
    (``docs/reference/rules.md``, generated) and a finding always names the rule behind it.
    """

    id: str
    """The rule id findings carry in ``rule``, e.g. 'authorisation'."""
    question: str
    """The question in one sentence, e.g. 'Who authorises each use of an intrusive power?'."""
    outcomes: tuple[str, ...]
    """The statuses the rule can give."""
    authority: str
    """The treaty article, General Comment paragraph or judgment the rule rests on."""


@dataclass(frozen=True)
class Checker:
    """A registered check: identity, what it speaks to, and the function.

    ``concepts`` and ``principles`` declare coverage (shown by
    ``cybercrime-check checkers``); every finding must cite only these.
    ``authority`` says on whose word the check rests.
    """

    id: str
    title: str
    version: str
    concepts: tuple[str, ...]
    principles: tuple[str, ...]
    check: CheckFunction
    description: str = ""
    authority: str = ""
    timeout: float = 10.0
    """Seconds the engine waits before recording a time-out error."""
    rules: tuple[Rule, ...] = ()
    """The checker's rules; when given, every finding must name one of them."""


def draft(
    rule: str,
    status: Status,
    severity: Severity,
    dimension: Dimension,
    *,
    concepts: Iterable[str],
    reason: str,
    provision_id: str | None = None,
    limb: str | None = None,
    principles: Iterable[str] = (),
    evidence: Iterable[tuple[str, Any]] = (),
    recommendation: str | None = None,
    data_confidence: Confidence = "primary",
) -> FindingDraft:
    """Build a :class:`FindingDraft`; evidence values are rendered as text."""
    return FindingDraft(
        rule=rule,
        status=status,
        severity="info" if status in ("compliant", "not_applicable") else severity,
        dimension=dimension,
        provision_id=provision_id,
        limb=limb,
        concepts=tuple(concepts),
        principles=tuple(principles),
        reason=reason,
        evidence=tuple((path, _text(value)) for path, value in evidence),
        recommendation=recommendation,
        data_confidence=data_confidence,
    )


def _text(value: Any) -> str:
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value) if value else "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
