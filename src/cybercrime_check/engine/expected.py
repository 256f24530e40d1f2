"""Expected findings: what courts, UN experts and NGOs concluded, as test data.

An expected-findings file names a law and lists conclusions an external
source reached about specific provisions. ``cybercrime-check test`` evaluates
the law and reports, per conclusion, whether the library agrees.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field, StrictBool, model_validator

from ..errors import LawDataError, Problem
from ..model.fields import DateOrUnspecified, Identifier, Model, ShortText, Text, Url
from ..model.law import NationalLaw
from .verdict import Dimension, Finding, Status, Verdict

if TYPE_CHECKING:
    from .registry import Registry

SourceKind = Literal[
    "court", "un_body", "regional_body", "ngo", "government", "parliament", "academic", "professional_body", "media"
]


class ExpertSource(Model):
    """The external source that reached a conclusion: a court, UN or regional body, NGO, academic and so on."""

    author: ShortText
    """Who reached the conclusion, e.g. 'Amnesty International' or a named court."""
    kind: SourceKind
    """What kind of source it is: ``court``, ``un_body``, ``regional_body``, ``ngo``, ``government``,
    ``parliament``, ``academic``, ``professional_body`` or ``media``."""
    title: ShortText
    """Title of the document that states the conclusion."""
    url: Url
    """Web address of the document."""
    date: DateOrUnspecified = "unspecified"
    """Date of the document, as YYYY-MM-DD, or ``unspecified``."""


class Expectation(Model):
    """One conclusion an external source reached, and the finding the library should report if it agrees."""

    id: Identifier
    """Short name of the expectation, unique within the file (lowercase letters, digits, '.', '_', '-')."""
    provision: Identifier | None = None
    """Provision id in the law; omit for conclusions about the instrument as a whole."""
    limb: Identifier | None = None
    """For a section with limbs: the limb the conclusion is about."""
    checker: ShortText | None = None
    """Id of the checker expected to report the finding; omit to accept any checker."""
    rule: ShortText | None = None
    """The checker rule expected, e.g. 'authorisation'; omit to accept any rule."""
    status: Status | None = None
    """The status the matching finding must have, e.g. ``non_compliant``."""
    not_status: tuple[Status, ...] = ()
    """For a conclusion that something is *not* a violation: statuses no finding about the provision (of the named
    checker, rule, dimension and principle) may have, e.g. ``[non_compliant, partially_compliant]``. Give either
    ``status`` or ``not_status``."""
    dimension: Dimension
    """The dimension of the matching finding: ``treaty_conformity``, ``rights_risk`` or ``cooperation_exposure``."""
    principle: Identifier | None = None
    """A principle id the matching finding must cite, e.g. 'freedom_of_expression'; omit to accept any."""
    conclusion: Text
    """The source's conclusion, paraphrased."""
    source: ExpertSource
    """Who reached the conclusion, and where."""
    known_disagreement: Text | None = None
    """Why the library is known to disagree (a data gap, a schema limit, or a legal judgement in the checker
    that differs from the source's), so that the disagreement is recorded instead of the expectation being
    bent or dropped. It still counts against agreement; ``test`` reports it as known, and fails if the library
    starts to agree (then remove this note)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Expectation:
        if (self.status is None) == (not self.not_status):
            raise ValueError("give either 'status' (a finding must have it) or 'not_status' (no finding may have them)")
        return self


class ExpectedFile(Model):
    """An expected-findings file: conclusions external sources reached about one law, to test the library against."""

    law: ShortText
    """Path of the law file, relative to this file."""
    law_id: Identifier
    """Id of the law; must match the ``id`` in the law file."""
    as_of: DateOrUnspecified = "unspecified"
    """Date to evaluate the law as of (YYYY-MM-DD); ``unspecified`` means today. The ``--as-of`` option of
    ``cybercrime-check test`` overrides it."""
    expectations: tuple[Expectation, ...] = Field(min_length=1)
    """The expected conclusions (at least one)."""

    @model_validator(mode="after")
    def _unique_ids(self) -> ExpectedFile:
        ids = [e.id for e in self.expectations]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"expectation ids used twice: {', '.join(dupes)}")
        return self


class Outcome(Model):
    """Whether the library agreed with one expectation."""

    expectation: Expectation
    """The expectation tested."""
    matched: StrictBool
    """True if some finding matches the expectation's provision, dimension, status and any checker, rule and
    principle it names."""
    actual: tuple[tuple[str, str, str], ...]
    """(checker, status, reason) of the findings about the same provision and dimension."""


def about(e: Expectation, f: Finding) -> bool:
    """Whether the finding is about what the expectation names: provision, limb, dimension, checker, rule, principle."""
    return (
        f.provision.provision_id == e.provision
        and (e.limb is None or f.provision.limb == e.limb)
        and f.dimension == e.dimension
        and (e.checker is None or f.checker == e.checker)
        and (e.rule is None or f.rule == e.rule)
        and (e.principle is None or any(p.id == e.principle for p in f.principles))
    )


def matches(e: Expectation, f: Finding) -> bool:
    return about(e, f) and f.status == e.status


def agrees(e: Expectation, findings: tuple[Finding, ...]) -> bool:
    """A positive expectation needs a matching finding; a negative one (``not_status``) none with those statuses."""
    if e.status is not None:
        return any(matches(e, f) for f in findings)
    return not any(about(e, f) and f.status in e.not_status for f in findings)


def compare(expected: ExpectedFile, verdict: Verdict) -> list[Outcome]:
    outcomes = []
    for e in expected.expectations:
        hit = agrees(e, verdict.findings)
        related = tuple(
            (f.checker, f.status, f.reason)
            for f in verdict.findings
            if f.provision.provision_id == e.provision
            and f.dimension == e.dimension
            and (e.checker is None or f.checker == e.checker)
        )
        outcomes.append(Outcome(expectation=e, matched=hit, actual=related))
    return outcomes


def load_expected(path: str | os.PathLike[str], registry: Registry | None = None) -> ExpectedFile:
    """Load an expected-findings file; with ``registry``, a checker or rule it does not declare is an error
    located in the file (a typo must not read as a disagreement)."""
    from ..files.loader import load_model

    expected, doc = load_model(path, ExpectedFile)
    if registry is None:
        return expected
    rules = {c.id: {r.id for r in c.rules} for c, _ in registry.checkers}
    problems = []
    for i, e in enumerate(expected.expectations):
        if e.checker is not None and e.checker not in rules:
            line, col, _ = doc.locate(("expectations", i, "checker"))
            known = ", ".join(sorted(rules))
            problems.append(
                Problem(
                    doc.filename,
                    line,
                    col,
                    f"expectations.{i}.checker",
                    f"no checker {e.checker!r}; known: {known}",
                    "reference",
                )
            )
        elif e.rule is not None and e.checker is not None and rules[e.checker] and e.rule not in rules[e.checker]:
            line, col, _ = doc.locate(("expectations", i, "rule"))
            known = ", ".join(sorted(rules[e.checker]))
            problems.append(
                Problem(
                    doc.filename,
                    line,
                    col,
                    f"expectations.{i}.rule",
                    f"checker {e.checker!r} has no rule {e.rule!r}; its rules: {known}",
                    "reference",
                )
            )
    if problems:
        raise LawDataError(problems)
    return expected


def find_law(expected: ExpectedFile, path: Path, laws: dict[str, NationalLaw] | None) -> NationalLaw:
    from ..files.loader import load_law

    if laws is not None:
        if expected.law_id not in laws:
            raise LawDataError(
                [Problem(str(path), 1, 1, "law_id", f"no law with id {expected.law_id!r} was given", "reference")]
            )
        return laws[expected.law_id]
    law = load_law(path.parent / expected.law)
    if law.id != expected.law_id:
        raise LawDataError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    "law_id",
                    f"{expected.law} holds law {law.id!r}, not {expected.law_id!r}",
                    "reference",
                )
            ]
        )
    return law
