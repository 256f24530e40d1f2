"""Review files: a named reviewer accepts, disputes or waives a finding, with a reason, a date and an expiry.

Nothing is ever hidden by a review. A waived finding stays in every report, marked with who waived it, why and
until when; ``--ignore-reviews`` shows the raw verdict; a waiver past its expiry no longer counts for
``--fail-on`` and says so; a review that matches no finding is reported, because a typo must not pass silently.
Findings are matched by a stable key (law, provision, limb, checker, rule), not by position.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import Field

from ..model.fields import Identifier, ISODate, Model, ShortText, Text
from .verdict import Finding, FindingReview, Verdict

Decision = Literal["accept", "dispute", "waive"]
REVIEW_SCHEMA = "cybercrime-check/review/1"


class FindingKey(Model):
    """Which finding a review is about: the law, the provision (omit for the instrument as a whole), the limb,
    the checker and the rule, as a verdict's JSON names them."""

    law: Identifier
    provision: Identifier | None = None
    limb: Identifier | None = None
    checker: ShortText
    rule: ShortText

    def matches(self, f: Finding) -> bool:
        p = f.provision
        return (
            p.law_id == self.law
            and p.provision_id == self.provision
            and p.limb == self.limb
            and f.checker == self.checker
            and f.rule == self.rule
        )

    def label(self) -> str:
        where = self.provision or "(instrument)"
        limb = f" ({self.limb} limb)" if self.limb else ""
        return f"{self.law} {where}{limb} {self.checker}/{self.rule}"


class Review(Model):
    """One reviewer's decision on one finding."""

    finding: FindingKey
    decision: Decision
    """``accept`` (the reviewer signs the finding), ``dispute`` (the reviewer would not sign it, and says why) or
    ``waive`` (the finding stands but is not to fail a check, e.g. while a reform is pending)."""
    reviewer: ShortText
    """Who decided: a name and role a reader can hold to account."""
    date: ISODate
    justification: Text
    """Why, in a sentence or two, with the authority relied on."""
    expires: ISODate | None = None
    """For ``waive``: the last day the waiver counts; after it the finding fails a check again."""


class ReviewFile(Model):
    """A review file (``--review FILE``)."""

    schema_: Literal["cybercrime-check/review/1"] = Field("cybercrime-check/review/1", alias="schema")
    reviews: tuple[Review, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Reviewed:
    """A verdict with its reviews applied, and the reviews that matched nothing."""

    verdict: Verdict
    unmatched: tuple[Review, ...]


def load_reviews(path: str | os.PathLike[str]) -> ReviewFile:
    from ..files.loader import load_model

    return load_model(path, ReviewFile)[0]


def apply_reviews(verdict: Verdict, reviews: ReviewFile, today: date) -> Reviewed:
    """Mark each finding with the review that matches it (the latest by date when several do).

    Reviews about other laws are ignored here (a file may review a whole corpus); a review about this law that
    matches no finding is returned in ``unmatched``.
    """
    own = [r for r in reviews.reviews if r.finding.law == verdict.law.id]
    used: set[int] = set()
    findings = []
    for f in verdict.findings:
        matching = [(i, r) for i, r in enumerate(own) if r.finding.matches(f)]
        if not matching:
            findings.append(f)
            continue
        used.update(i for i, _ in matching)
        _, latest = max(matching, key=lambda item: (item[1].date, item[0]))
        expired = latest.decision == "waive" and latest.expires is not None and latest.expires < today
        findings.append(
            f.model_copy(
                update={
                    "review": FindingReview(
                        decision=latest.decision,
                        reviewer=latest.reviewer,
                        date=latest.date,
                        justification=latest.justification,
                        expires=latest.expires,
                        expired=expired,
                    )
                }
            )
        )
    unmatched = tuple(r for i, r in enumerate(own) if i not in used)
    update = {"findings": tuple(findings), "unmatched_reviews": tuple(r.finding.label() for r in unmatched)}
    return Reviewed(verdict.model_copy(update=update), unmatched)


def waived(f: Finding) -> bool:
    """Whether a finding is waived by a review still in force (it then does not fail ``--fail-on``)."""
    return f.review is not None and f.review.decision == "waive" and not f.review.expired


def review_words(f: Finding) -> str | None:
    """The review as a report says it: 'waived by … on … because … (until …)'."""
    r = f.review
    if r is None:
        return None
    verb = {"accept": "accepted", "dispute": "disputed", "waive": "waived"}[r.decision]
    until = ""
    if r.expires is not None:
        until = f" (expired {r.expires})" if r.expired else f" (until {r.expires})"
    return f"{verb} by {r.reviewer} on {r.date}{until}: {r.justification}"


__all__ = [
    "REVIEW_SCHEMA",
    "FindingKey",
    "Review",
    "ReviewFile",
    "Reviewed",
    "apply_reviews",
    "load_reviews",
    "review_words",
    "waived",
]
