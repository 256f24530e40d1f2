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

from pydantic import Field, StrictBool

from ..model.fields import Confidence, ISODate, Model, ShortText, Text

SCHEMA_ID = "cybercrime-check/verdict/2"
DISCLAIMER = (
    "Analysis support, not legal advice: findings rest on the modelled text and its sources, "
    "not on how courts apply the law in practice."
)

Status = Literal[
    "compliant",
    "non_compliant",
    "partially_compliant",
    "insufficient_information",
    "exposed",
    "not_applicable",
    "error",
]
"""``exposed``: not a violation, but open to cross-border evidence gathering (a "serious crime" under the
Convention): a risk the report counts on its own, never a pass."""
Severity = Literal["info", "low", "medium", "high", "critical"]
Dimension = Literal["treaty_conformity", "rights_risk", "cooperation_exposure"]

DIMENSIONS: tuple[Dimension, ...] = ("treaty_conformity", "rights_risk", "cooperation_exposure")
SEVERITY_RANK: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
STATUS_BADNESS: dict[str, int] = {
    "not_applicable": 0,
    "compliant": 1,
    "insufficient_information": 2,
    "exposed": 3,
    "error": 4,
    "partially_compliant": 5,
    "non_compliant": 6,
}
"""How bad a status is for rights or conformity; summaries take the worst. A data gap ranks below every
conclusion the data supports, so a summary never shows a gap where there is a violation or an exposure."""
VIOLATIONS = frozenset({"non_compliant", "partially_compliant"})
"""Statuses that say the law falls short (as opposed to data gaps, exposure, errors and passes)."""
STATUS_MARK: dict[str | None, str] = {
    "non_compliant": "✗",
    "partially_compliant": "◐",
    "error": "!",
    "exposed": "⇄",
    "insufficient_information": "?",
    "compliant": "✓",
    "not_applicable": "–",
    None: "·",
}
"""A symbol per status (``None``: no finding), so that colour is never the only carrier of meaning."""


def worst_status(statuses: list[str] | tuple[str, ...]) -> Status:
    """The summary rule: the worst status present, ``not_applicable`` when there is none.

    Order, best to worst: not_applicable, compliant, insufficient_information,
    exposed, error, partially_compliant, non_compliant. So a summary is ``compliant``
    only if every finding is compliant or not applicable.
    """
    if not statuses:
        return "not_applicable"
    return cast(Status, max(statuses, key=lambda s: STATUS_BADNESS[s]))


class ProvisionRef(Model):
    """The national provision a finding rests on."""

    law_id: ShortText
    """Id of the law."""
    provision_id: ShortText | None = None
    """Id of the provision within the law; absent when the finding is about the instrument as a whole."""
    limb: ShortText | None = None
    """Id of the limb of the offence the finding is about, when the section has limbs."""
    citation: ShortText
    """The provision's citation as the law numbers it (with the limb, if any), or '(the instrument as a whole)'."""
    file: ShortText | None = None
    """Path of the law file, if the law was read from one."""
    line: int | None = None
    """Line of that file where the provision starts (counting from 1), if known."""


class ArticleCitation(Model):
    """A Convention article as a finding cites it."""

    concept: ShortText
    """Stable key of the Convention concept cited (e.g. 'procedural.conditions_and_safeguards'), the same in every
    text version."""
    ref: ShortText | None
    """Article number, with paragraph where relevant (e.g. '24' or '2(h)'), in the chosen text version; ``null``
    when that version has no counterpart."""
    title: ShortText
    """Title of the concept cited, e.g. 'Conditions and safeguards'."""
    version: ShortText
    """Id of the Convention text version the number belongs to, e.g. 'uncc-2024' (the adopted text)."""
    confidence: Literal["confirmed", "partial", "unconfirmed"]
    """How well the article's number and subject are established: ``confirmed`` (seen in a located source),
    ``partial`` (partly corroborated) or ``unconfirmed`` (background knowledge only)."""


class PrincipleCitation(Model):
    """A human-rights principle a finding applies."""

    id: ShortText
    """Id of the principle, e.g. 'prior_judicial_authorisation'."""
    name: ShortText
    """Name of the principle."""
    sources: tuple[ShortText, ...]
    """The instruments and provisions the principle rests on, e.g. an ICCPR article or a Necessary and
    Proportionate principle."""


class Evidence(Model):
    """A fact the finding used: a field path in the law and its value."""

    path: ShortText
    """Where the fact is: a field path in the law data, e.g. 'procedural_powers[art-6].authorisation' (the
    provision named by its id), or a label such as 'serious-crime threshold'."""
    value: Text
    """The value found there, as text."""


class FindingReview(Model):
    """A reviewer's decision on a finding, from a review file (the finding itself is unchanged)."""

    decision: Literal["accept", "dispute", "waive"]
    reviewer: ShortText
    date: ISODate
    justification: Text
    expires: ISODate | None = None
    expired: bool = False
    """For a waiver: whether its expiry date had passed on the day of the run (it then no longer counts)."""


class Finding(Model):
    """One conclusion of one checker about one provision, or about the instrument as a whole."""

    checker: ShortText
    """Id of the checker that reached the finding ('plugin:<name>' for a plugin that failed to load)."""
    checker_version: ShortText
    """Version of that checker."""
    rule: ShortText
    """Which of the checker's rules produced the finding, e.g. 'authorisation'; 'checker-error' if the checker
    failed."""
    status: Status
    """The conclusion: ``compliant``, ``non_compliant``, ``partially_compliant``, ``insufficient_information`` (the
    data does not allow a conclusion), ``exposed`` (open to cross-border evidence gathering), ``not_applicable``,
    or ``error`` (the checker failed)."""
    severity: Severity
    """How serious the issue is: ``info``, ``low``, ``medium``, ``high`` or ``critical``."""
    dimension: Dimension
    """What kind of question the finding answers: ``treaty_conformity`` (conformity with the Convention),
    ``rights_risk`` (risk to human rights) or ``cooperation_exposure`` (risk from international cooperation)."""
    provision: ProvisionRef
    """The national provision the finding rests on."""
    articles: tuple[ArticleCitation, ...]
    """The Convention articles cited, numbered as in the chosen text version."""
    principles: tuple[PrincipleCitation, ...]
    """The human-rights principles applied."""
    red_lines: tuple[ShortText, ...] = ()
    """Ids of the civil-society red lines the finding bears on, e.g. 'rl3'."""
    reason: Text
    """The reason for the conclusion, in one sentence."""
    evidence: tuple[Evidence, ...] = ()
    """The facts in the law data the finding used."""
    confidence: Confidence
    """How sure the conclusion is: the lowest of the confidence of the data used and of the provision (``primary``,
    ``secondary``, ``weak`` or ``unconfirmed``). An uncertain article number does not lower it."""
    citation_confidence: Literal["confirmed", "partial", "unconfirmed"] = "confirmed"
    """How well the cited article numbers are established in the chosen text version (the weakest of them)."""
    recommendation: Text | None = None
    """What would resolve the issue: a change to the law or, for missing information, to the data."""
    review: FindingReview | None = None
    """The review of this finding, when a review file was applied (``--review``); ``null`` otherwise."""


class CheckerInfo(Model):
    """A checker that took part in the evaluation."""

    id: ShortText
    """Id of the checker, e.g. 'safeguards'."""
    version: ShortText
    """Version of the checker."""
    title: ShortText
    """Title of the checker."""
    plugin: ShortText
    """Where the checker came from: 'builtin', or the name of the plugin that provides it."""


class SummaryRow(Model):
    """One line of a summary: a group of findings and its worst status."""

    key: ShortText
    """What the row groups by: a dimension, a Convention concept key, a principle id or a red-line id."""
    label: ShortText
    """Readable name of the row, e.g. 'Art 24: Conditions and safeguards'."""
    status: Status
    """The worst status among the row's findings (best to worst: not_applicable, compliant,
    insufficient_information, exposed, error, partially_compliant, non_compliant); ``not_applicable`` if there are
    none."""
    findings: int
    """Number of findings in the row."""
    counts: dict[str, int]
    """Number of findings per status, for the statuses that occur."""


class Summary(Model):
    """Summaries derived from the findings; each row takes the worst status of the findings it groups."""

    by_dimension: tuple[SummaryRow, ...]
    """One row per dimension (treaty conformity, rights risk, cooperation exposure)."""
    by_article: tuple[SummaryRow, ...]
    """One row per Convention concept that some finding cites."""
    by_principle: tuple[SummaryRow, ...]
    """One row per human-rights principle, including principles no finding cites."""
    by_red_line: tuple[SummaryRow, ...]
    """One row per civil-society red line, including red lines no finding bears on."""


class LawIdentity(Model):
    """The law a verdict is about."""

    id: ShortText
    """Id of the law."""
    jurisdiction: ShortText
    """Two-letter ISO 3166-1 code of the country."""
    title: ShortText
    """Title of the law."""
    content_hash: ShortText
    """Fingerprint of the law data ('sha256:' and a SHA-256 hash of its canonical JSON): the same data always gives
    the same hash, so a verdict can be matched to the exact data it judged."""
    file: ShortText | None = None
    """Path of the law file, if the law was read from one."""


class BaselineNote(Model):
    """When findings were compared with a baseline (``--baseline``): what was shown and what was left out."""

    file: ShortText
    """The baseline verdict file."""
    law_hash: ShortText
    """The content hash of the law data the baseline judged."""
    as_of: ISODate
    shown: int
    """Findings new or worse than in the baseline (the only ones listed)."""
    hidden: int
    """Findings unchanged from the baseline, or new passes, left out of this verdict."""
    resolved: int
    """Violations, gaps or exposures of the baseline that no longer appear."""


class TreatyLine(Model):
    """The state's standing under one treaty on the verdict's date, from ``policies/treaties``."""

    instrument: ShortText
    """Id of the treaty: 'uncc', 'ets-185', 'cets-224'."""
    title: ShortText
    standing: Literal["party", "consented", "signatory", "not_party", "unknown", "not_in_force"]
    """``party`` (in force for the state), ``consented`` (bound once in force), ``signatory`` (signed only),
    ``not_party``, ``unknown`` (not recorded), or ``not_in_force`` (the treaty itself was not in force)."""
    words: ShortText
    """The standing in a sentence, with its date."""
    confidence: Confidence
    known_as_of: ISODate
    """The date of the latest source in the status file: nothing later is known."""


class Verdict(Model):
    """What the engine concluded about one law: every checker's findings and the summaries derived from them."""

    schema_: Literal["cybercrime-check/verdict/2"] = Field("cybercrime-check/verdict/2", alias="schema")
    """Format of this document; always 'cybercrime-check/verdict/2'."""
    disclaimer: Text = DISCLAIMER
    """Reminder that the verdict supports analysis and is not legal advice."""
    law: LawIdentity
    """The law evaluated."""
    as_of: ISODate
    """The date the law was judged as of (YYYY-MM-DD): provisions not yet or no longer in force on that day are left
    out; those with unknown dates are kept."""
    convention: ShortText
    """The Convention text version whose article numbers the findings cite, e.g. 'uncc-2024'."""
    library_version: ShortText
    """Version of cybercrime-check that produced the verdict."""
    checkers: tuple[CheckerInfo, ...]
    """The checkers that were run."""
    complete: StrictBool
    """False when a checker failed, timed out or returned invalid output (its findings are then missing)."""
    findings: tuple[Finding, ...]
    """Every finding, ordered by dimension, checker and provision."""
    summary: Summary
    """Summaries by dimension, Convention article, principle and red line, derived from the findings."""
    treaties: tuple[TreatyLine, ...] = ()
    """The state's standing under the UN Convention and the Council of Europe treaties on the verdict's date."""
    unmatched_reviews: tuple[ShortText, ...] = ()
    """Reviews in the review file about this law that matched no finding (a typo, or a finding that went away)."""
    baseline: BaselineNote | None = None
    """When compared with a baseline: only new or worse findings are listed, and this says how many were left
    out. The summary still covers every finding."""

    model_config = Model.model_config | {"populate_by_name": True}

    def to_json(self) -> str:
        """Byte-for-byte reproducible JSON (same input, same output)."""
        data = self.model_dump(mode="json", by_alias=True)
        # Review fields appear only when a review file was applied, so an unreviewed verdict reads as before.
        if not data["unmatched_reviews"]:
            del data["unmatched_reviews"]
        if data["baseline"] is None:
            del data["baseline"]
        for finding in data["findings"]:
            if finding["review"] is None:
                del finding["review"]
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"

    def worst(self, dimension: str) -> Status:
        return worst_status([f.status for f in self.findings if f.dimension == dimension])


def today() -> date:
    """The default as-of date (isolated so tests and reproducible runs can pin it)."""
    return date.today()
