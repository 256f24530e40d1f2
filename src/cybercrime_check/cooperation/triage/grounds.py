"""Triage of a cross-border assistance request: each ground cited, and the decision they add up to.

A ground is one question a requested state's central authority asks of an incoming request:
is it within the Convention's scope, is dual criminality met, is the offence political, is there
reason to believe it serves persecution, does it punish protected expression, is the person in a
protected situation, is the death penalty at stake, can the requested state's law carry out the
measure, and on what conditions may personal data leave the country. Each ground is a small
function returning a :class:`Ground` that cites the Convention article (in the chosen text version,
through the catalogue, with its confidence) and the requested state's own provision where one is
modelled.

**Strictness order** (how far an outcome is from plain assistance), used to combine grounds and in
the property tests::

    assist < assist_with_conditions < need_information < may_refuse < must_refuse

The decision takes the strictest effect among the grounds. ``need_information`` sits below the
refusals: a missing fact can hold up assistance but never establishes a ground to refuse, and a
ground to refuse that is already established does not wait for the missing fact. ``must_refuse``
comes only from a mandatory refusal ground in the requested state's modelled law, from
non-refoulement (extradition of a person protected in the requested state) or from a measure the
requested state's law does not allow for the offence; the Convention's own refusal grounds are
permissions ("may refuse"), never obligations.

Analysis support, not legal advice.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any, Literal, cast, get_args

from pydantic import Field, PrivateAttr

from ...model.fields import Confidence, Duration, ISODate, Model, ShortText, Text, Url, lowest_confidence
from ..._version import __version__
from ...engine.catalogue import CATALOGUE_TO_DATA, DEFAULT_VERSION, Catalogue, catalogue
from ...engine.checker import EvaluationContext, FindingDraft
from ...checkers import protected_expression
from ...checkers._common import (
    CATEGORY_CONCEPT,
    Classification,
    classify,
    describe_max,
    penalty_max_months,
    quote,
)
from ...checkers.cooperation_exposure import max_exposure
from ...model.cooperation import CooperationRule
from ...errors import LawDataError, Problem
from ...model.law import NationalLaw, TextUsed
from ...model.offence import CYBER_DEPENDENT, Imprisonment, Offence, Penalty
from ...model.procedural_power import ProceduralPower
from ...model.provision import Source
from ..request import (
    MEASURES,
    TRANSFER_MEASURES,
    AssistanceRequest,
    DescribedOffence,
    Measure,
    OffenceReference,
)
from ...engine.verdict import ArticleCitation

Outcome = Literal["assist", "assist_with_conditions", "need_information", "may_refuse", "must_refuse"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
STRICTNESS: dict[str, int] = {o: i for i, o in enumerate(OUTCOMES)}
"""Rank of each outcome in the strictness order (0 = assist)."""

GroundKind = Literal[
    "legal_basis",
    "scope",
    "dual_criminality",
    "political_offence",
    "persecution",
    "protected_expression",
    "protected_person",
    "death_penalty",
    "measure_limits",
    "personal_data",
]
GROUND_KINDS: tuple[GroundKind, ...] = get_args(GroundKind)

SCHEMA_ID = "cybercrime-check/decision/1"
DISCLAIMER = (
    "Analysis support, not legal advice: the decision rests on the modelled laws and the facts stated in the "
    "request; the requested state's competent authorities decide."
)


class NationalCitation(Model):
    """A provision of a national law (requesting or requested state)."""

    state: ShortText
    law_id: ShortText | None = None
    provision_id: ShortText | None = None
    citation: ShortText
    source_url: Url | None = None
    confidence: Confidence


class Ground(Model):
    """One ground of the decision: its effect, why, and what it rests on."""

    ground: GroundKind
    effect: Outcome
    measures: tuple[Measure, ...] = ()
    """The measures this ground concerns; empty when it concerns the whole request."""
    reason: Text
    convention: tuple[ArticleCitation, ...] = Field(min_length=1)
    requested_state_law: tuple[NationalCitation, ...] = ()
    principles: tuple[ShortText, ...] = ()
    missing: tuple[ShortText, ...] = ()
    conditions: tuple[Text, ...] = ()
    confidence: Confidence


class MeasureOutcome(Model):
    measure: Measure
    outcome: Outcome


class Decision(Model):
    """The triage of one request."""

    schema_: Literal["cybercrime-check/decision/1"] = Field("cybercrime-check/decision/1", alias="schema")
    disclaimer: Text = DISCLAIMER
    request: ShortText
    requesting_state: ShortText
    requested_state: ShortText
    as_of: ISODate
    convention: ShortText
    outcome: Outcome
    measures: tuple[MeasureOutcome, ...]
    offence: NationalCitation
    grounds: tuple[Ground, ...]
    missing: tuple[ShortText, ...] = ()
    conditions: tuple[Text, ...] = ()
    library_version: ShortText = __version__

    model_config = Model.model_config | {"populate_by_name": True}

    _json: str | None = PrivateAttr(default=None)
    """Set by :class:`Triager`: the same JSON, assembled from each ground's JSON rendered once."""

    def to_json(self) -> str:
        """One line of deterministic JSON (no trailing newline), equal to ``model_dump_json(by_alias=True)``."""
        return self._json if self._json is not None else self.model_dump_json(by_alias=True)


Rendered = tuple[tuple[Ground, str], ...]
"""Grounds with their JSON, as the Triager caches them."""


def strictest(outcomes: Iterable[str]) -> Outcome:
    """The strictest outcome (``assist`` when there is none)."""
    return cast(Outcome, max(outcomes, key=STRICTNESS.__getitem__, default="assist"))


# --- facts the grounds read --------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class OffenceFacts:
    """What the grounds need to know about the offence the request concerns (computed once per offence)."""

    key: tuple[str, ...]
    offence: Offence
    cite: NationalCitation
    label: str
    classification: Classification
    basic_max: Fraction | Literal["none"] | None
    highest_max: Fraction | None
    highest_label: str
    death_penalty: bool | Literal["unspecified"]
    expression: tuple[FindingDraft, ...]
    """The protected-expression checker's findings about this offence."""
    cite_json: str = ""
    documented: tuple[str, ...] = ()
    """What the persecution ground says about groups the offence targets or is used against."""

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffenceFacts) and other.key == self.key

    @property
    def category(self) -> str:
        return self.offence.category

    @property
    def confidence(self) -> Confidence:
        return self.offence.confidence

    def groups(self) -> dict[str, str]:
        """Groups the offence targets or is documented as used against -> basis."""
        return {g.group: g.basis for g in self.offence.groups_affected}


@dataclass(frozen=True, eq=False)
class Jurisdiction:
    """The requested state's modelled law as it stood on one day.

    ``period`` identifies the stretch of days on which the same provisions apply (see
    :func:`change_dates`); views of two days in the same period are equal.
    """

    state: str
    day: date
    laws: tuple[NationalLaw, ...]
    period: int = 0
    _memo: dict[tuple[str, Any], Any] = field(default_factory=dict, repr=False)
    """Provisions by category, kind or rule kinds: asked for on every request, computed once."""

    def __hash__(self) -> int:
        return hash((self.state, self.period))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Jurisdiction) and (other.state, other.period) == (self.state, self.period)

    @property
    def name(self) -> str:
        return state_name(self.state)

    @property
    def owner(self) -> str:
        """The state's name as a possessive."""
        return _of(state_name(self.state))

    @property
    def complete(self) -> bool:
        """Every modelled instrument of the state models all its offences."""
        return bool(self.laws) and all(law.coverage == "complete" for law in self.laws)

    def offences(self, category: str) -> tuple[tuple[NationalLaw, Offence], ...]:
        key = ("offences", category)
        if key not in self._memo:
            self._memo[key] = tuple((law, o) for law in self.laws for o in law.offences if o.category == category)
        found: tuple[tuple[NationalLaw, Offence], ...] = self._memo[key]
        return found

    def powers(self, kind: str) -> tuple[tuple[NationalLaw, ProceduralPower], ...]:
        key = ("powers", kind)
        if key not in self._memo:
            self._memo[key] = tuple((law, p) for law in self.laws for p in law.powers if p.kind == kind)
        found: tuple[tuple[NationalLaw, ProceduralPower], ...] = self._memo[key]
        return found

    def rules(self, kinds: Iterable[str]) -> tuple[tuple[NationalLaw, CooperationRule], ...]:
        wanted = frozenset(kinds)
        key = ("rules", wanted)
        if key not in self._memo:
            self._memo[key] = tuple((law, r) for law in self.laws for r in law.rules if r.kind in wanted)
        found: tuple[tuple[NationalLaw, CooperationRule], ...] = self._memo[key]
        return found

    def refusal(self, kinds: Iterable[str], ground: str) -> tuple[tuple[NationalCitation, ...], bool]:
        """Provisions of this state that set refusal ``ground``, and whether any makes it mandatory."""
        cites: list[NationalCitation] = []
        mandatory = False
        for law, rule in self.rules(kinds):
            if isinstance(rule.refusal_grounds, tuple):
                for g in rule.refusal_grounds:
                    if g.ground == ground:
                        cites.append(cite_provision(law, rule))
                        mandatory = mandatory or g.mandatory is True
        return tuple(dict.fromkeys(cites)), mandatory

    @property
    def coverage_note(self) -> str:
        """What the model of this state's law covers, said so that absence is not read as absence from the law."""
        if not self.laws:
            return f"no law of {self.name} is modelled"
        names = ", ".join(law.id for law in self.laws)
        if self.complete:
            return f"{names} modelled completely; {self.owner} other legislation is not modelled"
        return (
            f"{names} modelled for selected provisions only; absence from a partial model is not absence from the law"
        )


_THE = frozenset({"AE", "BS", "CD", "CF", "CZ", "DO", "GB", "GM", "KM", "KY", "MH", "MV", "NL", "PH", "RU", "SB", "US"})
"""States whose English short name takes "the" ("the Netherlands", "the Russian Federation")."""


def change_dates(laws: Iterable[NationalLaw]) -> tuple[date, ...]:
    """Every date on which a provision of ``laws`` starts or stops applying (sorted).

    Between two consecutive change dates the same provisions apply, so a view of the law
    computed for one day serves every day of that period.
    """
    found: set[date] = set()
    for law in laws:
        if isinstance(law.in_force_from, date):
            found.add(law.in_force_from)
        for p in law.provisions():
            if p.status is not None:
                found.update(d for d in (p.status.applies_from, p.status.until) if isinstance(d, date))
    return tuple(sorted(found))


@cache
def state_name(code: str) -> str:
    """The state's English short name, as a sentence uses it ("the Netherlands", "Tunisia")."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or (country.name if country else code)
    return f"the {name}" if code in _THE else name


def _of(name: str) -> str:
    """Possessive: "Tunisia's", "the Netherlands'"."""
    return name + ("'" if name.endswith("s") else "'s")


def cite_provision(law: NationalLaw, provision: Offence | ProceduralPower | CooperationRule) -> NationalCitation:
    url = law.source(provision.sources[0]).url if provision.sources else None
    return NationalCitation(
        state=law.jurisdiction,
        law_id=law.id,
        provision_id=provision.id,
        citation=provision.citation,
        source_url=url,
        confidence=provision.confidence,
    )


@dataclass(frozen=True)
class Context:
    """The catalogue, text version and threshold every ground cites."""

    catalogue: Catalogue
    version: str

    @property
    def threshold(self) -> Duration:
        value = self.catalogue.parameters.serious_crime_threshold.value
        assert isinstance(value, Duration)
        return value

    def articles(self, concepts: Sequence[str]) -> tuple[ArticleCitation, ...]:
        return _articles(self.catalogue, self.version, tuple(concepts))

    def ground(
        self,
        kind: GroundKind,
        effect: Outcome,
        reason: str,
        concepts: Sequence[str],
        *,
        measures: Iterable[Measure] = (),
        law: Iterable[NationalCitation] = (),
        principles: Sequence[str] = (),
        missing: Sequence[str] = (),
        conditions: Sequence[str] = (),
        data: Sequence[Confidence] = (),
    ) -> Ground:
        """Build a ground; its confidence is the weakest of the articles (adopted text), provisions and data.

        Texts that quote long data (a 400-character citation, say) are shortened with an ellipsis to the
        model's limits, so that a ground can always be built (as the checkers do, see ``quote``).
        """
        cited = tuple(law)
        # As for verdicts: the text version changes article numbers, never a ground's confidence.
        article_conf = [_adopted_confidence(self.catalogue, k) for k in concepts]
        return Ground(
            ground=kind,
            effect=effect,
            measures=tuple(m for m in MEASURES if m in set(measures)),
            reason=quote(reason, TEXT_LIMIT),
            convention=self.articles(concepts),
            requested_state_law=cited,
            principles=tuple(principles),
            missing=tuple(quote(m, SHORT_LIMIT) for m in missing),
            conditions=tuple(quote(c, TEXT_LIMIT) for c in conditions),
            confidence=lowest_confidence(*article_conf, *(c.confidence for c in cited), *data),
        )


@lru_cache(maxsize=256)
def _adopted_confidence(cat: Catalogue, concept: str) -> Confidence:
    return CATALOGUE_TO_DATA[cat.resolve(concept).confidence]


@lru_cache(maxsize=256)
def _articles(cat: Catalogue, version: str, concepts: tuple[str, ...]) -> tuple[ArticleCitation, ...]:
    out = []
    for key in concepts:
        ref = cat.resolve(key, version)
        out.append(
            ArticleCitation(concept=key, ref=ref.ref, title=ref.title, version=version, confidence=ref.confidence)
        )
    return tuple(out)


def _sentence(text: str) -> str:
    """Capitalise the first letter only (``str.capitalize`` would lower-case "TN" and "Art.")."""
    return text[:1].upper() + text[1:]


CATEGORY_WORDS = {
    "misuse_of_devices": "misuse of devices",
    "csam": "child sexual abuse or exploitation material",
    "grooming": "grooming of a child",
    "ncii": "non-consensual dissemination of intimate images",
    "laundering": "laundering of proceeds of crime",
    "false_information": "false information",
    "defamation_insult": "defamation or insult",
    "insult_head_of_state": "insult to the head of state",
    "public_order_morals": "public order or morals",
    "religion": "religion (blasphemy or insult to religion)",
    "extremism_terrorism_speech": "extremism or terrorism speech",
    "lgbtq": "LGBTQ+ expression",
    "national_unity_strife": "national unity or strife",
}


def category_words(category: str) -> str:
    """An offence category as words ("extremism or terrorism speech")."""
    return CATEGORY_WORDS.get(category, category.replace("_", " "))


FACT_WORDS = {
    "identified": "identified",
    "journalist": "a journalist",
    "human_rights_defender": "a human-rights defender",
    "political_opponent": "a political opponent of the requesting state's government",
    "lgbtq": "LGBTQ+",
    "religious_minority": "a member of a religious minority",
    "refugee_or_asylum_seeker": "a refugee or asylum seeker in the requested state",
}


GROUP_WORDS = {
    "lgbtq": "LGBTQ+ people",
    "religious_minority": "religious minorities",
    "political_opposition": "the political opposition",
}


def _missing_fact(name: str) -> str:
    return f"target.{name}: whether the person is {FACT_WORDS[name]}"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _measures_text(measures: Iterable[str]) -> str:
    return _and([m.replace("_", " ") for m in measures])


def _cites_text(cites: Iterable[NationalCitation]) -> str:
    return "; ".join(f"{c.citation} ({c.law_id})" for c in cites)


# --- the grounds -------------------------------------------------------------------------------


def legal_basis_ground(ctx: Context, basis: str, treaty: str | None, extradition: bool) -> Ground:
    """On what the request relies, and whether that basis needs checking."""
    concepts = ["cooperation.general"]
    if basis == "unspecified":
        return ctx.ground(
            "legal_basis",
            "need_information",
            "The request does not state the treaty or other basis it relies on.",
            concepts,
            missing=("legal_basis: the treaty or other legal basis the request relies on",),
        )
    if basis == "un_convention":
        return ctx.ground(
            "legal_basis",
            "assist",
            "The request relies on the Convention, which binds only States Parties once it is in force between them "
            "(ninety days after the fortieth instrument); the library does not record ratifications, so confirm that "
            "both states are parties.",
            [*concepts, "final.entry_into_force"],
        )
    if basis == "budapest_convention":
        return ctx.ground(
            "legal_basis",
            "assist",
            "The request relies on the Council of Europe Convention on Cybercrime (ETS 185), not on this Convention; "
            "the library does not record whether both states are parties to it.",
            concepts,
        )
    if basis == "bilateral_treaty":
        return ctx.ground(
            "legal_basis",
            "assist",
            f"The request relies on a bilateral treaty ({treaty or 'not named'}); whether it is in force and covers "
            "the measures asked is not modelled.",
            concepts,
        )
    if extradition:
        return ctx.ground(
            "legal_basis",
            "need_information",
            "The request names no treaty; many states extradite only under a treaty, others on reciprocity under "
            "their own law, and the requested state's rule is not modelled.",
            [*concepts, "cooperation.extradition"],
            measures=("extradition",),
            missing=("legal_basis: whether the requested state's law allows extradition without a treaty",),
        )
    return ctx.ground(
        "legal_basis",
        "assist_with_conditions",
        "The request names no treaty, so assistance can rest only on the requested state's own law and reciprocity.",
        concepts,
        conditions=("Assist only as the requested state's law allows assistance without a treaty (reciprocity).",),
    )


def scope_ground(ctx: Context, off: OffenceFacts, basis: str, extradition: bool) -> tuple[Ground, ...]:
    """Convention offence, 'serious crime' by the four-year test, or neither (and extradition's narrower reach)."""
    threshold = ctx.threshold
    limit = threshold.months()
    convention_basis = basis in ("un_convention", "unspecified")
    data = (off.confidence,)
    grounds: list[Ground] = []
    if off.classification in ("cyber_dependent", "cyber_enabled", "content_in_convention"):
        grounds.append(
            ctx.ground(
                "scope",
                "assist",
                f"{off.label} is an offence of {category_words(off.category)}, one the Convention itself requires "
                "states to establish, so cooperation extends to it.",
                ["cooperation.convention_offences", CATEGORY_CONCEPT[off.category]],
                data=data,
            )
        )
        return tuple(grounds)
    if off.category == "unspecified":
        return (
            ctx.ground(
                "scope",
                "need_information",
                "The request does not say what kind of offence it concerns, so its place in the Convention's scope "
                "cannot be decided.",
                ["cooperation.convention_offences", "cooperation.serious_crime"],
                missing=("offence.category: the kind of offence (illegal access, fraud, false information, ...)",),
                data=data,
            ),
        )
    serious = ["cooperation.serious_crime", "definitions.serious_crime"]
    basic = off.basic_max
    if isinstance(basic, Fraction) and basic >= limit:
        grounds.append(
            ctx.ground(
                "scope",
                "assist",
                f"{off.label} is not a Convention offence but carries {describe_max(off.offence.penalty)}, which meets "
                f"the 'serious crime' threshold of {threshold}, so cooperation on electronic evidence extends to it.",
                serious,
                data=data,
            )
        )
    elif off.highest_max is not None and off.highest_max >= limit:
        grounds.append(
            ctx.ground(
                "scope",
                "need_information",
                f"The basic offence in {off.label} carries {describe_max(off.offence.penalty)}, below the 'serious "
                f"crime' threshold of {threshold}; only an aggravated form reaches it ({off.highest_label}).",
                serious,
                missing=(f"offence: whether the aggravated form of {off.label} is charged ({off.highest_label})",),
                data=data,
            )
        )
    elif basic is None or basic == "none":
        grounds.append(
            ctx.ground(
                "scope",
                "need_information",
                f"The maximum penalty for {off.label} is not known, so whether it is a 'serious crime' "
                f"({threshold} or more) cannot be decided.",
                serious,
                missing=(f"offence: the maximum penalty for {off.label}",),
                data=data,
            )
        )
    else:
        grounds.append(
            ctx.ground(
                "scope",
                "may_refuse" if convention_basis else "assist",
                f"{off.label} is neither a Convention offence nor a 'serious crime' (it carries "
                f"{describe_max(off.offence.penalty)}, below {threshold})"
                + (
                    ", so the Convention creates no obligation to assist."
                    if convention_basis
                    else "; the request rests on another basis, whose scope this library does not assess."
                ),
                serious,
                data=data,
            )
        )
    if extradition and grounds[-1].effect in ("assist", "need_information"):
        grounds.append(
            ctx.ground(
                "scope",
                "may_refuse" if convention_basis else "assist",
                f"{off.label} is not a Convention offence; the Convention's extradition article covers Convention "
                "offences, and its 'serious crime' extension reaches electronic evidence only"
                + (
                    ", so it gives no basis to extradite."
                    if convention_basis
                    else "; the request rests on another basis, whose scope this library does not assess."
                ),
                ["cooperation.extradition", "cooperation.serious_crime"],
                measures=("extradition",),
                data=data,
            )
        )
    return tuple(grounds)


DualCriminality = Literal["yes", "no", "unknown"]


def dual_criminality_status(
    off_category: str, jur: Jurisdiction
) -> tuple[DualCriminality, tuple[NationalCitation, ...]]:
    """Whether the requested state's modelled law criminalises conduct of the same category, and where.

    ``yes`` with the provisions, or ``unknown``; never ``no``. Even an instrument modelled
    completely is not the whole of a state's criminal law (a penal code or a media statute may
    cover the conduct), so absence from the model is never absence from the law. ``no`` stays in
    the vocabulary for a future model of a state's entire criminal law.
    """
    if off_category in ("other", "unspecified"):
        return "unknown", ()
    found = tuple(cite_provision(law, o) for law, o in jur.offences(off_category))
    if found:
        return "yes", found
    return "unknown", ()


def _dual_criminality_required(jur: Jurisdiction, measure: Measure) -> Literal["required", "not_required", "unknown"]:
    if measure == "extradition":
        return "required"
    values = {r.dual_criminality for _, r in jur.rules(["mutual_legal_assistance"])} - {"unspecified"}
    if measure == "preservation":
        return "required" if "required" in values else "not_required"
    if values & {"required", "required_for_coercive_measures"}:
        return "required"
    if values == {"not_required"}:
        return "not_required"
    return "unknown"


def dual_criminality_ground(
    ctx: Context, offence_category: str, confidence: Confidence, jur: Jurisdiction, measures: tuple[Measure, ...]
) -> Ground:
    """Does the requested state criminalise the same conduct (by category, whatever its name), where it matters."""
    concepts = ["cooperation.dual_criminality"]
    if "preservation" in measures:
        concepts.append("cooperation.preservation")
    if "extradition" in measures:
        concepts.append("cooperation.extradition")
    status, found = dual_criminality_status(offence_category, jur)
    rules = tuple(
        cite_provision(law, r)
        for law, r in jur.rules(["mutual_legal_assistance"])
        if r.dual_criminality != "unspecified"
    )
    category = category_words(offence_category)
    principles = ("data_protection",)
    if status == "yes":
        elements = [
            f"{o.citation} also requires {'; '.join(o.additional_elements)}"
            for _, o in jur.offences(offence_category)
            if o.additional_elements
        ]
        return ctx.ground(
            "dual_criminality",
            "assist",
            f"{jur.owner} {_cites_text(found)} criminalise{'s' if len(found) == 1 else ''} {category} conduct, so "
            "dual criminality is met by the conduct, whatever the offence is called."
            + (f" Check the facts against the elements: {' / '.join(elements)}." if elements else ""),
            concepts,
            law=found,
            principles=principles,
            data=(confidence,),
        )
    needing = tuple(m for m in measures if _dual_criminality_required(jur, m) != "not_required")
    scoped = needing if needing != measures else ()
    if not needing:
        return ctx.ground(
            "dual_criminality",
            "assist",
            f"Whether {jur.name} criminalises {category} conduct is not shown "
            f"({jur.coverage_note}), but dual criminality is not required for preservation unless the requested "
            "state reserved it; the library does not record reservations.",
            concepts,
            law=rules,
            principles=principles,
        )
    what = "the conduct's category" if offence_category in ("other", "unspecified") else f"{category} conduct"
    return ctx.ground(
        "dual_criminality",
        "need_information",
        f"Whether {jur.name} criminalises {what} cannot be told from the data ({jur.coverage_note}), and dual "
        f"criminality may be required for {_measures_text(needing)}.",
        concepts,
        measures=scoped,
        law=rules,
        principles=principles,
        missing=(f"dual criminality: the provision of {jur.owner} law that criminalises {what}, if any",),
    )


POLITICAL_CATEGORIES = frozenset({"insult_head_of_state", "national_unity_strife"})


def _refusal_concepts(extradition: bool, *extra: str) -> list[str]:
    return ["cooperation.refusal_grounds", *extra, *(["cooperation.extradition"] if extradition else [])]


def _kinds(extradition: bool) -> tuple[str, ...]:
    return ("mutual_legal_assistance", "extradition") if extradition else ("mutual_legal_assistance",)


def political_offence_ground(
    ctx: Context,
    offence_category: str,
    confidence: Confidence,
    jur: Jurisdiction,
    political_opponent: bool | str,
    identified: bool | str,
    extradition: bool,
) -> Ground:
    """Is the offence political in character (an offence against the head of state or national unity,
    or a prosecution of a political opponent)?"""
    concepts = _refusal_concepts(extradition)
    cites, mandatory = jur.refusal(_kinds(extradition), "political_offence")
    reasons = []
    if offence_category in POLITICAL_CATEGORIES:
        reasons.append(f"the offence ({category_words(offence_category)}) is political in character")
    if political_opponent is True:
        reasons.append("the person is a political opponent of the requesting state's government")
    if reasons:
        own = (
            f" {jur.owner} {_cites_text(cites)} make{'s' if len(cites) == 1 else ''} refusal "
            f"{'mandatory' if mandatory else 'possible'} for political offences."
            if cites
            else f" No modelled provision of {jur.name} sets a political-offence ground; its essential interests and "
            "ordre public remain grounds to refuse."
        )
        return ctx.ground(
            "political_offence",
            "must_refuse" if mandatory else "may_refuse",
            _sentence("; ".join(reasons)) + "." + own,
            concepts,
            law=cites,
            principles=("legitimate_aim", "freedom_of_expression"),
            data=(confidence,),
        )
    if political_opponent == "unspecified" and identified is False:
        return ctx.ground(
            "political_offence",
            "assist_with_conditions",
            f"The offence ({category_words(offence_category)}) is not political in character; the person is not "
            "yet identified, so whether they are a political opponent cannot be known.",
            concepts,
            law=cites,
            conditions=("Assess the person's situation again before transmitting results about an identified person.",),
        )
    if political_opponent == "unspecified":
        return ctx.ground(
            "political_offence",
            "need_information",
            f"The offence ({category_words(offence_category)}) is not political in character, but the request "
            "does not say whether the person is a political opponent.",
            concepts,
            law=cites,
            missing=(_missing_fact("political_opponent"),),
        )
    return ctx.ground(
        "political_offence",
        "assist",
        f"Neither the offence ({category_words(offence_category)}) nor the facts stated give the request a political "
        "character.",
        concepts,
        law=cites,
    )


def documented_use(off: OffenceFacts) -> tuple[str, ...]:
    """Sentences saying which groups the persecution ground protects the offence targets or is used against."""
    groups = off.groups()
    used = [group for _, group in PERSECUTION_FACTS.values() if group in groups]
    on_face = [g for g in used if groups[g] == "on_its_face"]
    used_against = [g for g in used if g not in on_face]
    said = []
    if on_face:
        said.append(f"{off.label} targets {_and([GROUP_WORDS[g] for g in on_face])} on its face")
    if used_against:
        said.append(f"{off.label} has been documented as used against {_and([GROUP_WORDS[g] for g in used_against])}")
    return tuple(said)


PERSECUTION_FACTS: dict[str, tuple[str, str]] = {
    # fact -> (discrimination ground in the Convention's list, group name in the law model)
    "political_opponent": ("political opinion", "political_opposition"),
    "religious_minority": ("religion", "religious_minority"),
    "lgbtq": ("sex (as read to cover sexual orientation and gender identity)", "lgbtq"),
}


def persecution_ground(
    ctx: Context,
    documented: tuple[str, ...],
    confidence: Confidence,
    jur: Jurisdiction,
    facts: tuple[tuple[str, bool | str], ...],
    identified: bool | str,
    extradition: bool,
) -> Ground:
    """Substantial grounds to believe the request aims at punishing the person for political opinion,
    religion or sex (including sexual orientation)?"""
    concepts = _refusal_concepts(extradition, "cooperation.refusal_persecution", "general.human_rights")
    cites, mandatory = jur.refusal(_kinds(extradition), "persecution_discrimination")
    present = [name for name, value in facts if value is True]
    unknown = [name for name, value in facts if value == "unspecified"]
    principles = ("non_discrimination",)
    if present:
        why = ", ".join(PERSECUTION_FACTS[n][0] for n in present)
        own = (
            f" {jur.owner} {_cites_text(cites)} make{'s' if len(cites) == 1 else ''} this ground "
            f"{'mandatory' if mandatory else 'available'}."
            if cites
            else f" No modelled provision of {jur.name} sets this ground; the Convention's ground permits refusal."
        )
        return ctx.ground(
            "persecution",
            "must_refuse" if mandatory else "may_refuse",
            f"There are substantial grounds for believing the request may serve to prosecute or punish the person on "
            f"account of {why}: the request states that the person is "
            f"{_and([FACT_WORDS[n] for n in present])}." + (f" {'; '.join(documented)}." if documented else "") + own,
            concepts,
            law=cites,
            principles=principles,
            data=(confidence,) if documented else (),
        )
    if unknown and identified is not False:
        return ctx.ground(
            "persecution",
            "need_information",
            "The request does not state whether the person belongs to a group the persecution ground protects."
            + (f" {'; '.join(documented)}." if documented else ""),
            concepts,
            law=cites,
            principles=principles,
            missing=tuple(_missing_fact(n) for n in unknown),
        )
    if unknown or documented:
        why = (
            "The person is not yet identified, so the facts the persecution ground turns on cannot be known"
            if unknown
            else "The person is stated to be outside the groups concerned, but " + "; ".join(documented)
        )
        return ctx.ground(
            "persecution",
            "assist_with_conditions",
            why + ".",
            concepts,
            law=cites,
            principles=principles,
            conditions=("Assess the persecution ground again before transmitting results about an identified person.",),
        )
    return ctx.ground(
        "persecution",
        "assist",
        "The person is stated not to be a political opponent, a member of a religious minority or LGBTQ+, and nothing "
        "in the data links the offence to persecution.",
        concepts,
        law=cites,
        principles=principles,
    )


def protected_expression_ground(ctx: Context, off: OffenceFacts, jur: Jurisdiction, extradition: bool) -> Ground:
    """Does the offence punish expression that ICCPR Art 19(3) does not allow to be restricted?"""
    concepts = _refusal_concepts(extradition, "general.human_rights.no_suppression", "general.human_rights")
    cites, mandatory = jur.refusal(_kinds(extradition), "human_rights")
    principles = ("freedom_of_expression",)
    restricts = [d for d in off.expression if d.status == "non_compliant" and d.rule.startswith("restrict")]
    review = [d for d in off.expression if d.rule == "restriction-needs-review"]
    if restricts:
        own = (
            f" {jur.owner} {_cites_text(cites)} make{'s' if len(cites) == 1 else ''} refusal "
            f"{'mandatory' if mandatory else 'possible'} on human-rights grounds."
            if cites
            else ""
        )
        return ctx.ground(
            "protected_expression",
            "must_refuse" if mandatory else "may_refuse",
            restricts[0].reason.rstrip(".")
            + ". Assisting would help punish expression the Convention may not be read to suppress: substantial "
            "grounds to refuse." + own,
            concepts,
            law=cites,
            principles=principles,
            data=(off.confidence,),
        )
    if review:
        return ctx.ground(
            "protected_expression",
            "need_information",
            review[0].reason,
            concepts,
            law=cites,
            principles=principles,
            missing=(
                "conduct: facts showing that the conduct is incitement to violence or discrimination, "
                "not protected expression",
            ),
            data=(off.confidence,),
        )
    if off.category == "unspecified":
        return ctx.ground(
            "protected_expression",
            "need_information",
            "The offence's category is not stated, so whether it restricts expression cannot be decided.",
            concepts,
            principles=principles,
            missing=("offence.category: the kind of offence",),
        )
    return ctx.ground(
        "protected_expression",
        "assist",
        f"{off.label} ({category_words(off.category)}) does not restrict expression.",
        concepts,
        principles=principles,
        data=(off.confidence,),
    )


PERSON_FACTS = ("journalist", "human_rights_defender", "refugee_or_asylum_seeker")


def protected_person_ground(
    ctx: Context,
    facts: tuple[tuple[str, bool | str], ...],
    identified: bool | str,
    extradition: bool,
    data_measures: bool,
) -> tuple[Ground, ...]:
    """Is the person a journalist, human-rights defender, or protected as a refugee in the requested state?"""
    concepts = _refusal_concepts(extradition, "general.human_rights")
    values = dict(facts)
    grounds: list[Ground] = []
    if values["refugee_or_asylum_seeker"] is True and extradition:
        grounds.append(
            ctx.ground(
                "protected_person",
                "must_refuse",
                "The person has sought or been granted protection in the requested state; extraditing them to the "
                "state they sought protection from would breach non-refoulement.",
                ["general.human_rights", "cooperation.extradition", "cooperation.refusal_persecution"],
                measures=("extradition",),
                principles=("non_discrimination",),
            )
        )
    present = [n for n in PERSON_FACTS if values[n] is True]
    unknown = [n for n in PERSON_FACTS if values[n] == "unspecified"]
    why = []
    if values["journalist"] is True or values["human_rights_defender"] is True:
        who = _and([FACT_WORDS[n] for n in ("journalist", "human_rights_defender") if values[n] is True])
        why.append(
            f"the person is {who}: evidence about their communications can expose sources, contacts and "
            "protected work, so the request may be refused unless the conduct is plainly unrelated to that work"
        )
    if values["refugee_or_asylum_seeker"] is True and data_measures:
        why.append(
            "the person has sought or been granted protection in the requested state: disclosing data about them "
            "to the state they sought protection from can expose them and their relatives"
        )
    if why:
        grounds.append(
            ctx.ground(
                "protected_person",
                "may_refuse",
                _sentence("; ".join(why)) + ".",
                concepts,
                principles=("protection_of_researchers_journalists", "non_discrimination"),
            )
        )
    if not present and unknown and identified is not False:
        grounds.append(
            ctx.ground(
                "protected_person",
                "need_information",
                "The request does not state whether the person is a journalist, a human-rights defender or protected "
                "as a refugee in the requested state.",
                concepts,
                principles=("protection_of_researchers_journalists",),
                missing=tuple(_missing_fact(n) for n in unknown),
            )
        )
    elif not present and unknown:
        grounds.append(
            ctx.ground(
                "protected_person",
                "assist_with_conditions",
                "The person is not yet identified, so whether they are a journalist, human-rights defender or "
                "refugee cannot be known.",
                concepts,
                principles=("protection_of_researchers_journalists",),
                conditions=(
                    "Assess the person's situation again before transmitting results about an identified person.",
                ),
            )
        )
    elif not present:
        grounds.append(
            ctx.ground(
                "protected_person",
                "assist",
                "The person is stated not to be a journalist, a human-rights defender or protected as a refugee in the "
                "requested state.",
                concepts,
                principles=("protection_of_researchers_journalists",),
            )
        )
    return tuple(grounds)


def death_penalty_ground(
    ctx: Context, off: OffenceFacts, jur: Jurisdiction, assurance: bool | str, extradition: bool
) -> Ground:
    """Could the person face the death penalty, and is there an assurance that it will not be imposed?"""
    concepts = _refusal_concepts(extradition, "general.human_rights")
    cites, mandatory = jur.refusal(_kinds(extradition), "death_penalty")
    exposure = off.death_penalty
    if exposure is False:
        return ctx.ground(
            "death_penalty",
            "assist",
            f"{off.label} does not carry the death penalty.",
            concepts,
            law=cites,
            data=(off.confidence,),
        )
    if assurance is True:
        return ctx.ground(
            "death_penalty",
            "assist_with_conditions",
            f"{off.label} {'carries' if exposure is True else 'may carry'} the death penalty; the requesting state "
            "offers an assurance that it will not be imposed or carried out.",
            concepts,
            law=cites,
            conditions=("Assist only on the assurance that the death penalty will not be imposed or carried out.",),
            data=(off.confidence,),
        )
    if exposure == "unspecified":
        return ctx.ground(
            "death_penalty",
            "need_information",
            f"The data does not say whether {off.label} can carry the death penalty, and no assurance is offered.",
            concepts,
            law=cites,
            missing=(f"death penalty: whether {off.label} can carry it, or an assurance that it will not be imposed",),
        )
    own = (
        f" {jur.owner} {_cites_text(cites)} make{'s' if len(cites) == 1 else ''} refusal "
        f"{'mandatory' if mandatory else 'possible'}."
        if cites
        else ""
    )
    return ctx.ground(
        "death_penalty",
        "must_refuse" if mandatory else "may_refuse",
        f"{off.label} carries the death penalty and the requesting state "
        f"{'declines to give' if assurance is False else 'offers no'} assurance that it will not be imposed." + own,
        concepts,
        law=cites,
        data=(off.confidence,),
    )


MEASURE_POWERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "realtime_traffic": (
        "realtime_traffic_collection",
        ("cooperation.realtime_traffic", "procedural.realtime_traffic", "procedural.conditions_and_safeguards"),
    ),
    "content_interception": (
        "content_interception",
        ("cooperation.content_interception", "procedural.content_interception", "procedural.conditions_and_safeguards"),
    ),
}
STRONG_AUTHORISATION = frozenset({"prior_judicial", "independent_body"})


def _reaches(power: ProceduralPower, off: OffenceFacts, jur: Jurisdiction) -> bool | None:
    """Whether ``power`` can be used for the offence, judged by the requested state's own offence."""
    scope = power.applies_to
    if scope == "all_crimes":
        return True
    if scope == "cyber_dependent_only":
        return off.category in CYBER_DEPENDENT
    if scope == "serious_crimes":
        limit = power.minimum_penalty_threshold
        own = [penalty_max_months(o.penalty) for _, o in jur.offences(off.category)] if off.category != "other" else []
        known = [m for m in own if isinstance(m, Fraction)]
        if not isinstance(limit, Duration) or not known:
            return None
        return max(known) >= limit.months()
    return None  # listed offences (the list is not modelled) or unspecified


def measure_limits_ground(ctx: Context, off: OffenceFacts, jur: Jurisdiction, measure: Measure) -> Ground:
    """Real-time collection and interception only where the requested state's law allows them for the
    offence, under its own safeguards (who authorises, for how long)."""
    kind, concepts = MEASURE_POWERS[measure]
    label = measure.replace("_", " ")
    principles = ("prior_judicial_authorisation", "proportionality")
    powers = jur.powers(kind)
    if not powers:
        return ctx.ground(
            "measure_limits",
            "need_information",
            f"No power of {kind.replace('_', ' ')} is modelled for {jur.name} ({jur.coverage_note}), so whether "
            f"its law allows {label} for this offence, and under which safeguards, cannot be told.",
            concepts,
            measures=(measure,),
            principles=principles,
            missing=(
                f"{label}: the provision of {jur.owner} law that would allow it for this offence, with its safeguards",
            ),
        )
    reach = [(law, p, _reaches(p, off, jur)) for law, p in powers]
    allowed = [(law, p) for law, p, r in reach if r is True]
    cites = tuple(cite_provision(law, p) for law, p in (allowed or powers))
    if not allowed and all(r is False for _, _, r in reach):
        return ctx.ground(
            "measure_limits",
            "must_refuse",
            f"{jur.owner} {_cites_text(cites)} allow{'s' if len(cites) == 1 else ''} {label} only for "
            f"{', '.join(sorted({p.applies_to.replace('_', ' ') for _, p in powers}))}, which does not reach "
            f"{off.label} as {jur.name} classifies the conduct, so the measure cannot be carried out.",
            concepts,
            measures=(measure,),
            law=cites,
            principles=principles,
        )
    if not allowed:
        return ctx.ground(
            "measure_limits",
            "need_information",
            f"{jur.owner} {_cites_text(cites)} allow{'s' if len(cites) == 1 else ''} {label} for "
            f"{', '.join(sorted({p.applies_to.replace('_', ' ') for _, p in powers}))}; whether that reaches this "
            "offence cannot be told from the data.",
            concepts,
            measures=(measure,),
            law=cites,
            principles=principles,
            missing=(f"{label}: whether {_cites_text(cites)} reaches this offence",),
        )
    power = allowed[0][1]
    missing = []
    if power.authorisation == "unspecified":
        missing.append(f"{label}: who authorises it under {power.citation}")
    if power.duration == "unspecified":
        missing.append(f"{label}: the longest period one order may run under {power.citation}")
    if missing:
        return ctx.ground(
            "measure_limits",
            "need_information",
            f"{jur.owner} {power.citation} allows {label} for this offence, but its safeguards are not recorded.",
            concepts,
            measures=(measure,),
            law=cites,
            principles=principles,
            missing=tuple(missing),
        )
    who = power.authorisation.replace("_", " ")
    how_long = (
        f"for at most {power.duration} per order"
        if isinstance(power.duration, Duration)
        else "with no time limit set by law"
    )
    weak = (
        ""
        if power.authorisation in STRONG_AUTHORISATION
        else f" Authorisation by {who} falls short of the judicial or independent review that the safeguards "
        "article calls for."
    )
    return ctx.ground(
        "measure_limits",
        "assist_with_conditions",
        f"{jur.owner} {power.citation} allows {label} for this offence ({power.applies_to.replace('_', ' ')})." + weak,
        concepts,
        measures=(measure,),
        law=cites,
        principles=principles,
        conditions=(f"Carry out {label} only under {power.citation}, authorised by {who}, {how_long}.",),
    )


def personal_data_ground(
    ctx: Context,
    jur: Jurisdiction,
    transfers: bool,
    preservation: bool,
    categories: tuple[str, ...] | None,
    speciality: bool | str,
) -> Ground:
    """On what conditions personal data may be transferred to the requesting state."""
    concepts = ["cooperation.personal_data"]
    principles = ("data_protection",)
    cites = tuple(
        cite_provision(law, r)
        for law, r in jur.rules(["data_transfer_conditions", "mutual_legal_assistance", "direct_disclosure"])
        if r.data_protection_conditions is True
    )
    if not transfers:
        return ctx.ground(
            "personal_data",
            "assist",
            "No data leaves the requested state under the measures asked"
            + (" (preservation keeps the data where it is until a further request)." if preservation else "."),
            concepts,
            law=cites,
            principles=principles,
        )
    if categories is None:
        return ctx.ground(
            "personal_data",
            "need_information",
            "The request does not say which categories of data it seeks, so the conditions on their transfer "
            "cannot be set.",
            concepts,
            law=cites,
            principles=principles,
            missing=("data_categories: which data is sought (subscriber, traffic, content, location, biometric)",),
        )
    what = _and(list(categories))
    if speciality is True:
        return ctx.ground(
            "personal_data",
            "assist",
            f"The {what} data would be transferred on the requesting state's assurance that it is used only for the "
            "proceedings named in the request."
            + (f" {jur.owner} {_cites_text(cites)} set conditions too." if cites else ""),
            concepts,
            law=cites,
            principles=principles,
        )
    return ctx.ground(
        "personal_data",
        "assist_with_conditions",
        f"The {what} data is personal data, and the requesting state "
        f"{'declines to give' if speciality is False else 'offers no'} assurance that it will be used only for these "
        "proceedings; the requested state may transfer it only on conditions.",
        concepts,
        law=cites,
        principles=principles,
        conditions=(
            "Transfer the data only for the proceedings named in the request, with safeguards for its protection, "
            "and with no onward transfer without the requested state's consent.",
        ),
    )


# --- putting it together -----------------------------------------------------------------------


def decide(
    grounds: Sequence[Ground], measures: tuple[Measure, ...]
) -> tuple[Outcome, tuple[MeasureOutcome, ...], tuple[str, ...]]:
    """Combine grounds into the outcome, the outcome per measure, and any condition that partial execution adds.

    The outcome is the strictest effect, except that a ground which rules out one measure while
    others remain possible limits the request (``assist_with_conditions``) instead of refusing it.
    """
    outcome, pairs, extra = _decide(grounds, measures)
    return outcome, tuple(MeasureOutcome.model_construct(measure=m, outcome=o) for m, o in pairs), extra


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _decide(
    grounds: Sequence[Ground], measures: tuple[Measure, ...]
) -> tuple[Outcome, tuple[tuple[Measure, Outcome], ...], tuple[str, ...]]:
    """:func:`decide` with plain pairs for the per-measure outcomes (the JSON Lines path builds no models)."""
    whole = [g.effect for g in grounds if not g.measures]
    pairs = tuple((m, strictest([*whole, *(g.effect for g in grounds if m in g.measures)])) for m in measures)
    blocked = [m for m, _ in pairs if any(g.effect == "must_refuse" and m in g.measures for g in grounds)]
    partial = bool(blocked) and len(blocked) < len(measures)
    effects = [g.effect for g in grounds if not (partial and g.measures and g.effect == "must_refuse")]
    extra: tuple[str, ...] = ()
    if partial:
        effects.append("assist_with_conditions")
        extra = (f"Only part of the request can be carried out: not {_measures_text(blocked)}.",)
    return strictest(effects), pairs, extra


TEXT_LIMIT = 4000
SHORT_LIMIT = 400
"""The lengths of ``Text`` and ``ShortText`` in :mod:`._types`."""
GROUND_CACHE = 2048
"""Cached results per ground function (each holds a Ground and its JSON, about 2 KB)."""
COMBINATION_CACHE = 4096
"""Cached combinations of grounds; with the ground caches this bounds a batch's memory."""


class Triager:
    """Triage requests against a set of modelled laws.

    Analyses that do not depend on the request's own identity (an offence's classification, a
    state's law on a day, each ground for a combination of facts) are computed once and reused,
    so a batch of a million requests costs little more than reading them.
    """

    def __init__(
        self,
        laws: Iterable[NationalLaw],
        *,
        convention: str = DEFAULT_VERSION,
        as_of: date | None = None,
        cat: Catalogue | None = None,
    ) -> None:
        from ...engine.evaluate import default_as_of

        self.catalogue = cat or catalogue()
        self.catalogue.check_version(convention)
        self.context = Context(self.catalogue, convention)
        self.laws = tuple(laws)
        self.by_id = {law.id: law for law in self.laws}
        self.default_day = as_of or default_as_of()
        self._eval = EvaluationContext(convention=convention, as_of=self.default_day, catalogue=self.catalogue)
        self._views: dict[tuple[str, int], Jurisdiction] = {}
        self._changes = {
            state: change_dates(law for law in self.laws if law.jurisdiction == state)
            for state in {law.jurisdiction for law in self.laws}
        }
        self.offence_facts = lru_cache(maxsize=4096)(self._offence_facts)
        self._expression = lru_cache(maxsize=64)(self._expression_findings)
        self.legal_basis = self._cached(legal_basis_ground, 64)
        self.scope = self._cached(scope_ground, GROUND_CACHE)
        self.dual = self._cached(dual_criminality_ground, GROUND_CACHE)
        self.political = self._cached(political_offence_ground, GROUND_CACHE)
        self.persecution = self._cached(persecution_ground, GROUND_CACHE)
        self.expression = self._cached(protected_expression_ground, GROUND_CACHE)
        self.person = self._cached(protected_person_ground, GROUND_CACHE)
        self.death = self._cached(death_penalty_ground, GROUND_CACHE)
        self.limits = self._cached(measure_limits_ground, GROUND_CACHE)
        self.data = self._cached(personal_data_ground, GROUND_CACHE)
        self._combinations: OrderedDict[tuple[tuple[str, ...], tuple[Measure, ...]], _Combination] = OrderedDict()
        self._status = lru_cache(maxsize=4096)(dual_criminality_status)
        self._prefix = f'{{"schema":"{SCHEMA_ID}","disclaimer":{json.dumps(DISCLAIMER, ensure_ascii=False)},"request":'

    def _cached(self, ground: Callable[..., Ground | tuple[Ground, ...]], size: int) -> Callable[..., Rendered]:
        """``ground`` with the context bound, its results cached with their JSON rendered once."""
        ctx = self.context

        def render(*args: Any) -> Rendered:
            result = ground(ctx, *args)
            grounds = result if isinstance(result, tuple) else (result,)
            return tuple((g, g.model_dump_json(by_alias=True)) for g in grounds)

        return lru_cache(maxsize=size)(render)

    def _dual_criminality(self, off: OffenceFacts, jur: Jurisdiction, measures: tuple[Measure, ...]) -> Rendered:
        """Where dual criminality is met, only preservation and extradition among the measures change the
        ground (their articles are cited), and the offence's confidence counts; otherwise the measures
        matter and the confidence does not. Passing only that keeps the cache small."""
        if self._status(off.category, jur)[0] == "yes":
            cited = tuple(m for m in measures if m in ("preservation", "extradition"))
            return self.dual(off.category, off.confidence, jur, cited)
        return self.dual(off.category, "primary", jur, measures)

    def jurisdiction(self, state: str, day: date) -> Jurisdiction:
        """The state's modelled law on ``day``, shared by every day on which the same provisions apply."""
        period = bisect_right(self._changes.get(state, ()), day)
        view = self._views.get((state, period))
        if view is None:
            laws = tuple(law.as_of(day) for law in self.laws if law.jurisdiction == state)
            view = self._views[(state, period)] = Jurisdiction(state, day, laws, period)
        return view

    @property
    def convention(self) -> str:
        return self.context.version

    def _expression_findings(self, law: NationalLaw) -> dict[str | None, tuple[FindingDraft, ...]]:
        found: dict[str | None, list[FindingDraft]] = {}
        for d in protected_expression.check(law, self._eval):
            found.setdefault(d.provision_id, []).append(d)
        return {k: tuple(v) for k, v in found.items()}

    def _offence_facts(self, offence: OffenceReference | DescribedOffence, state: str) -> OffenceFacts:
        if isinstance(offence, OffenceReference):
            law = self.by_id.get(offence.law)
            if law is None:
                raise _reference_error(
                    "offence.law",
                    f"unknown law id {offence.law!r}; the laws loaded are: "
                    + (", ".join(sorted(self.by_id)) or "(none)"),
                )
            if law.jurisdiction != state:
                raise _reference_error(
                    "offence.law", f"law {law.id!r} is a law of {law.jurisdiction}, not of the requesting state {state}"
                )
            o = next((x for x in law.offences if x.id == offence.offence), None)
            if o is None:
                raise _reference_error("offence.offence", f"law {law.id!r} has no offence {offence.offence!r}")
            cite = cite_provision(law, o)
            key: tuple[str, ...] = ("law", law.id, o.id)
            label = f"{o.citation} ({law.id})"
            expression = self._expression(law).get(o.id, ())
        else:
            o = _described(offence)
            law = _synthetic_law(o, state)
            cite = NationalCitation(state=state, citation=offence.citation, confidence=o.confidence)
            key = (
                "described",
                state,
                offence.category,
                str(offence.max_penalty),
                str(offence.death_penalty),
                offence.citation,
            )
            label = f"{offence.citation} (as described in the request)"
            expression = tuple(protected_expression.check(law, self._eval))
        highest, highest_label, _ = max_exposure(o)
        dp = {p.death_penalty for p in o.penalties()}
        facts = OffenceFacts(
            key=key,
            offence=o,
            cite=cite,
            label=label,
            classification=classify(o),
            basic_max=penalty_max_months(o.penalty),
            highest_max=highest,
            highest_label=highest_label,
            death_penalty=True if True in dp else (False if dp == {False} else "unspecified"),
            expression=expression,
        )
        return replace(facts, documented=documented_use(facts), cite_json=cite.model_dump_json())

    def triage(self, request: AssistanceRequest) -> Decision:
        day = request.date if isinstance(request.date, date) else self.default_day
        off = self.offence_facts(request.offence, request.requesting_state)
        jur = self.jurisdiction(request.requested_state, day)
        rendered = self._grounds(request, off, jur, day)
        combo = self._combination(rendered, request.measures)
        # Every part is already validated (the request, the cached grounds), so the decision is
        # assembled without validating it again; tests check it against the model.
        decision = Decision.model_construct(
            request=request.id,
            requesting_state=request.requesting_state,
            requested_state=request.requested_state,
            as_of=day,
            convention=self.convention,
            outcome=combo.outcome,
            measures=tuple(MeasureOutcome.model_construct(measure=m, outcome=o) for m, o in combo.measures),
            offence=off.cite,
            grounds=combo.grounds,
            missing=combo.missing,
            conditions=combo.conditions,
        )
        decision._json = self._line(request, day, off, combo)
        return decision

    def triage_json(self, request: AssistanceRequest) -> tuple[str, Outcome, tuple[Ground, ...]]:
        """The decision's JSON line (as :meth:`Decision.to_json`), its outcome and grounds, without
        building the :class:`Decision` object: the path a batch of JSON Lines takes."""
        day = request.date if isinstance(request.date, date) else self.default_day
        off = self.offence_facts(request.offence, request.requesting_state)
        jur = self.jurisdiction(request.requested_state, day)
        rendered = self._grounds(request, off, jur, day)
        combo = self._combination(rendered, request.measures)
        return self._line(request, day, off, combo), combo.outcome, combo.grounds

    def _grounds(self, request: AssistanceRequest, off: OffenceFacts, jur: Jurisdiction, day: date) -> Rendered:
        measures = tuple(m for m in MEASURES if m in request.measures)
        extradition = "extradition" in measures
        data_measures = extradition is False or len(measures) > 1
        t = request.target
        return (
            *self.legal_basis(request.legal_basis, request.treaty, extradition),
            *self.scope(off, request.legal_basis, extradition),
            *self._dual_criminality(off, jur, measures),
            *self.political(off.category, off.confidence, jur, t.political_opponent, t.identified, extradition),
            *self.persecution(
                off.documented,
                off.confidence if off.documented else "primary",
                jur,
                tuple((n, getattr(t, n)) for n in PERSECUTION_FACTS),
                t.identified,
                extradition,
            ),
            *self.expression(off, jur, extradition),
            *self.person(tuple((n, getattr(t, n)) for n in PERSON_FACTS), t.identified, extradition, data_measures),
            *self.death(off, jur, request.assurances.no_death_penalty, extradition),
            *(pair for m in measures if m in MEASURE_POWERS for pair in self.limits(off, jur, m)),
            *self.data(
                jur,
                bool(TRANSFER_MEASURES.intersection(measures)),
                "preservation" in measures,
                request.categories,
                request.assurances.speciality,
            ),
        )

    def _combination(self, rendered: Rendered, requested: tuple[Measure, ...]) -> _Combination:
        """What a combination of grounds adds up to, with its JSON; cached, keyed by the grounds' JSON
        (strings whose hashes Python keeps), so a recurring combination costs one lookup."""
        measures = tuple(m for m in MEASURES if m in requested)
        fragments = tuple(j for _, j in rendered)
        key = (fragments, measures)
        found = self._combinations.get(key)
        if found is None:
            found = self._combine(fragments, tuple(g for g, _ in rendered), measures)
            self._combinations[key] = found
            if len(self._combinations) > COMBINATION_CACHE:  # least recently used goes: memory stays flat
                self._combinations.popitem(last=False)
        else:
            self._combinations.move_to_end(key)
        return found

    def _combine(
        self, fragments: tuple[str, ...], grounds: tuple[Ground, ...], measures: tuple[Measure, ...]
    ) -> _Combination:
        outcome, pairs, extra = _decide(grounds, measures)
        missing = tuple(dict.fromkeys(m for g in grounds for m in g.missing))
        conditions = tuple(dict.fromkeys([*(c for g in grounds for c in g.conditions), *extra]))
        # Written as Decision.model_dump_json writes these fields (tests compare the two).
        tail = (
            f'"missing":{_compact(list(missing))},"conditions":{_compact(list(conditions))},'
            f'"library_version":{json.dumps(__version__)}'
        )
        return _Combination(
            outcome=outcome,
            measures=pairs,
            grounds=grounds,
            missing=missing,
            conditions=conditions,
            measures_json=json.dumps([{"measure": m, "outcome": o} for m, o in pairs], separators=(",", ":")),
            grounds_json=",".join(fragments),
            tail_json=tail,
        )

    def _line(self, request: AssistanceRequest, day: date, off: OffenceFacts, combo: _Combination) -> str:
        """The decision's JSON, field for field as ``Decision.model_dump_json(by_alias=True)`` writes it."""
        return (
            f"{self._prefix}{json.dumps(request.id)},"
            f'"requesting_state":"{request.requesting_state}","requested_state":"{request.requested_state}",'
            f'"as_of":"{day.isoformat()}","convention":"{self.convention}","outcome":"{combo.outcome}",'
            f'"measures":{combo.measures_json},"offence":{off.cite_json},"grounds":[{combo.grounds_json}],'
            f"{combo.tail_json}}}"
        )


@dataclass(frozen=True)
class _Combination:
    outcome: Outcome
    measures: tuple[tuple[Measure, Outcome], ...]
    grounds: tuple[Ground, ...]
    missing: tuple[str, ...]
    conditions: tuple[str, ...]
    measures_json: str
    grounds_json: str
    tail_json: str


def triage(
    request: AssistanceRequest,
    laws: Iterable[NationalLaw],
    *,
    convention: str = DEFAULT_VERSION,
    as_of: date | None = None,
) -> Decision:
    """Triage one request against ``laws`` (for batches, build one :class:`Triager` and reuse it).

    ``as_of`` is the day whose law applies when the request carries no date.
    Raises :class:`LawDataError` when the request names an offence that is not in ``laws``.
    """
    return Triager(laws, convention=convention, as_of=as_of).triage(request)


def _reference_error(field: str, message: str) -> LawDataError:
    return LawDataError([Problem("(request)", 0, 0, field, message, "reference")])


def _described(d: DescribedOffence) -> Offence:
    return Offence(
        id="described-offence",
        citation=d.citation,
        paraphrase=f"Offence as described in the request: {d.citation}",
        category=d.category,
        penalty=Penalty(imprisonment=Imprisonment(max=d.max_penalty), death_penalty=d.death_penalty),
        sources=("request",),
        confidence="unconfirmed",
    )


def _synthetic_law(o: Offence, state: str) -> NationalLaw:
    """A one-offence law, so the checkers' own analysis applies to an offence the request describes."""
    return NationalLaw(
        id="described-offence",
        jurisdiction=state,
        title="Offence described in the request",
        instrument_type="other",
        text_used=TextUsed(language="en"),
        sources=(
            Source(
                id="request",
                url="https://cybercrime-check.invalid/request",
                title="The request",
                confidence="unconfirmed",
            ),
        ),
        offences=(o,),
        coverage="selected_provisions",
    )
