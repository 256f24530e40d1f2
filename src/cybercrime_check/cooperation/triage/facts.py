"""What the grounds read: the offence's facts, the requested state's law on a day, and the citing context."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any, Literal

from ...checkers._common import (
    quote,
)
from ...engine.catalogue import Catalogue
from ...engine.checker import FindingDraft
from ...engine.verdict import ArticleCitation
from ...model.cooperation import CooperationRule
from ...model.fields import Confidence, Duration, lowest_confidence
from ...model.law import NationalLaw
from ...model.offence import Offence, OffenceUnit
from ...model.procedural_power import ProceduralPower
from ...model.wording import possessive, state_name
from ..request import (
    MEASURES,
    Measure,
)
from .decision import SHORT_LIMIT, TEXT_LIMIT, Ground, GroundKind, NationalCitation, Outcome

# --- facts the grounds read --------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class OffenceFacts:
    """What the grounds need to know about the offence the request concerns (computed once per offence)."""

    key: tuple[str, ...]
    unit: OffenceUnit
    """The offence, or the limb the request names (a sectioned offence without a limb named is 'mixed')."""
    cite: NationalCitation
    label: str
    classification: str
    """The category's group in policies/offence-categories.yaml: cyber_dependent, cyber_enabled,
    content_in_convention, ordinary_crime, content_outside or other."""
    basic_max: Fraction | Literal["none"] | None
    basic_label: str
    """The basic penalty's maximum as a reason says it (with the general part's citation, if it came from there)."""
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
    def offence(self) -> Offence:
        return self.unit.offence

    @property
    def category(self) -> str:
        return self.unit.category

    @property
    def confidence(self) -> Confidence:
        return self.unit.confidence

    def groups(self) -> dict[str, str]:
        """Groups the offence targets or is documented as used against -> basis."""
        return {g.group: g.basis for g in self.unit.group_list}


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
        return possessive(state_name(self.state))

    @property
    def complete(self) -> bool:
        """Every modelled instrument of the state models all its offences."""
        return bool(self.laws) and all(law.coverage == "complete" for law in self.laws)

    def offences(self, category: str) -> tuple[tuple[NationalLaw, Offence], ...]:
        key = ("offences", category)
        if key not in self._memo:
            self._memo[key] = tuple(
                (law, o) for law in self.laws for o in law.offences if any(u.category == category for u in o.units())
            )
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
            found.update(e.date for e in p.history if isinstance(e.date, date))
    return tuple(sorted(found))


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
        return tuple(self.catalogue.article_citation(k, self.version)[0] for k in concepts)

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
        article_conf = [self.catalogue.article_citation(k, self.version)[1] for k in concepts]
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


def missing_fact(name: str) -> str:
    return f"target.{name}: whether the person is {FACT_WORDS[name]}"


def cites_text(cites: Iterable[NationalCitation]) -> str:
    return "; ".join(f"{c.citation} ({c.law_id})" for c in cites)
