"""The Convention, its draft numbering, the principles and parameters, as shipped in ``policies/``.

Checkers cite stable *concept keys* (``procedural.conditions_and_safeguards``)
and principle ids; this module turns them into article numbers of the chosen
text version, titles and sources, each with the confidence the data carries.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal, cast

from pydantic import Field, StrictBool

from ..errors import CatalogueError
from ..files.loader import load_model
from ..model.fields import Confidence, Identifier, Model, Period, ShortText, Text, Url
from ..model.treaty import TreatyStatus
from .verdict import ArticleCitation, PrincipleCitation

CatalogueConfidence = Literal["confirmed", "partial", "unconfirmed"]
TEXT_VERSIONS = ("uncc-2024", "uncc-draft-2024-02")
DEFAULT_VERSION = "uncc-2024"

# How catalogue confidence compares with the national-law scale: a row confirmed
# in a located (mostly secondary) source counts as secondary.
CATALOGUE_TO_DATA: dict[str, Confidence] = {
    "confirmed": "secondary",
    "partial": "weak",
    "unconfirmed": "unconfirmed",
}


class Article(Model):
    number: ShortText
    paragraph: ShortText | None = None
    title: ShortText
    chapter: Literal["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    kind: Literal["criminalisation", "procedural", "cooperation", "safeguard", "general"]
    obligation: Literal["shall", "may", "mixed", "shall_consider", "shall_endeavour", "descriptive"]
    confidence: CatalogueConfidence
    confidence_note: Text | None = None
    sources: tuple[ShortText, ...] = ()

    @property
    def ref(self) -> str:
        return self.number + (self.paragraph or "")


class TextVersion(Model):
    id: Identifier
    title: ShortText
    short_title: ShortText
    adopted: ShortText
    official_text_url: Url
    articles: tuple[Article, ...]


class CatalogueSource(Model):
    id: ShortText
    url: Url
    title: ShortText
    confidence: Confidence


class SourceList(Model):
    sources: tuple[CatalogueSource, ...]


class Mapping(Model):
    draft: ShortText
    final: ShortText
    subject: ShortText
    confidence: CatalogueConfidence
    note: Text | None = None


class Crosswalk(Model):
    mappings: tuple[Mapping, ...]


class Concept(Model):
    key: ShortText
    ref: ShortText
    title: ShortText
    confidence: CatalogueConfidence | None = None
    note: Text | None = None


class ConceptList(Model):
    concepts: tuple[Concept, ...]


class Instrument(Model):
    id: Identifier
    title: ShortText
    url: Url
    confidence: Confidence


class PrincipleSource(Model):
    instrument: Identifier
    provision: ShortText


class Principle(Model):
    id: Identifier
    name: ShortText
    description: Text
    sources: tuple[PrincipleSource, ...]


class PrincipleList(Model):
    instruments: tuple[Instrument, ...]
    principles: tuple[Principle, ...]


class RedLine(Model):
    id: Identifier
    number: int
    title: ShortText
    description: Text
    principles: tuple[Identifier, ...]


class RedLineList(Model):
    source: Identifier
    red_lines: tuple[RedLine, ...]


class Threshold(Model):
    value: Period
    concept: ShortText
    note: Text | None = None


class VagueTerm(Model):
    """A lexicon entry: words a court or UN body found too vague, and that authority."""

    term: ShortText
    """The entry's name, shown beside the law's own words (never instead of them)."""
    variants: tuple[ShortText, ...] = Field(min_length=1)
    """Whole words or phrases that count as this entry."""
    authority: ShortText
    """The decision or instrument that found such terms too vague."""
    confidence: CatalogueConfidence
    """How well the authority is established in our sources."""
    why: Text
    """What the authority held, in our own words."""
    applies_to: tuple[Identifier, ...] = ()
    """Offence categories the entry applies to; empty: every offence that restricts expression."""


Group = Literal[
    "cyber_dependent", "cyber_enabled", "content_in_convention", "ordinary_crime", "content_outside", "other"
]
Expression = Literal["not_expression", "legitimate_aim", "no_prison", "strict_test", "per_se"]


class CategoryRule(Model):
    """How one offence category is judged, and on whose authority (``policies/offence-categories.yaml``)."""

    id: Identifier
    label: ShortText
    group: Group
    expression: Expression
    concept: ShortText | None = None
    """The Convention concept of an offence the Convention requires."""
    why: Text | None = None
    authority: ShortText | None = None
    confidence: CatalogueConfidence = "confirmed"
    narrowed: Expression | None = None
    """How the offence is judged instead when it requires knowledge (that the statement is false, say) *and* a
    wrongful purpose (to cause a defined harm), in terms none of which is recorded as vague: no longer a general
    prohibition."""
    narrowed_why: Text | None = None
    narrowed_authority: ShortText | None = None
    order_exception: StrictBool = False
    """Liability that arises only on disobeying a court's order is the exception the authority allows."""

    def for_unit(self, mental_element: str, ulterior_intent: str, *, vague_terms: bool = False) -> CategoryRule:
        """The rule as it applies to one offence: the narrowed judgement when its elements earn it (knowledge,
        a wrongful purpose, and no term recorded as vague: 'false, deceptive, misleading' found vague is still a
        general prohibition)."""
        if self.narrowed is None or mental_element != "knowledge" or vague_terms:
            return self
        if ulterior_intent in ("none", "unspecified"):
            return self
        return self.model_copy(
            update={
                "expression": self.narrowed,
                "why": self.narrowed_why or self.why,
                "authority": self.narrowed_authority or self.authority,
            }
        )


class CategoryList(Model):
    categories: tuple[CategoryRule, ...]


class PowerKindRule(Model):
    """How intrusive a kind of power is and who must authorise it (``policies/power-kinds.yaml``)."""

    id: Identifier
    severity: Literal["low", "medium", "high", "critical"]
    independent: StrictBool
    """Each use needs prior authorisation by a judge or an independent body."""
    traffic_or_content_independent: StrictBool = False
    """Needs it when the power reaches traffic, location or content data (a production order, say)."""
    minimum: Literal["prosecutor", "executive_or_police"] = "prosecutor"
    """Who must at least authorise a use that needs no judge: a prosecutor, or any competent authority (the
    police may order data preserved, Convention Art 25, since preservation discloses nothing)."""
    authority: ShortText
    confidence: CatalogueConfidence


class PowerKindList(Model):
    kinds: tuple[PowerKindRule, ...]


class Parameters(Model):
    serious_crime_threshold: Threshold
    vague_terms: tuple[VagueTerm, ...]


class ArticleRef(Model):
    """A concept resolved in one text version: what a report prints."""

    concept: ShortText
    version: ShortText
    ref: ShortText | None
    """``None`` when the version has no counterpart (e.g. an article new in the adopted text)."""
    title: ShortText
    confidence: CatalogueConfidence

    def label(self) -> str:
        return f"Art {self.ref}" if self.ref else "no counterpart"


def policies_dir() -> Path:
    """Where ``policies/`` is: inside the installed package, or the source checkout."""
    packaged = resources.files("cybercrime_check") / "policies"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "policies"
    if checkout.is_dir():
        return checkout
    raise CatalogueError("policies/ not found: the installation is incomplete")


_BASE_ARTICLE = re.compile(r"^(\d+)")


class Catalogue:
    """Everything in ``policies/``, loaded once and validated like law files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.versions: dict[str, TextVersion] = {}
        for version in TEXT_VERSIONS:
            tv, _ = load_model(root / "convention" / f"{version}.yaml", TextVersion)
            self.versions[version] = tv
        self.sources = {s.id: s for s in load_model(root / "convention" / "sources.yaml", SourceList)[0].sources}
        self.crosswalk = load_model(root / "crosswalk.yaml", Crosswalk)[0].mappings
        self.concepts = {c.key: c for c in load_model(root / "concepts.yaml", ConceptList)[0].concepts}
        plist = load_model(root / "principles.yaml", PrincipleList)[0]
        self.instruments = {i.id: i for i in plist.instruments}
        self.principles = {p.id: p for p in plist.principles}
        self.red_line_list = load_model(root / "red-lines.yaml", RedLineList)[0]
        self.red_lines = {r.id: r for r in self.red_line_list.red_lines}
        self.parameters = load_model(root / "parameters.yaml", Parameters)[0]
        self.categories = {c.id: c for c in load_model(root / "offence-categories.yaml", CategoryList)[0].categories}
        self.power_kinds = {k.id: k for k in load_model(root / "power-kinds.yaml", PowerKindList)[0].kinds}
        self._by_final = {m.final: m for m in self.crosswalk}
        self._articles = {v: {a.ref: a for a in tv.articles} for v, tv in self.versions.items()}
        # Lookups every finding repeats, cached on the catalogue they depend on (never on the module).
        self._citations: dict[tuple[str, str], tuple[ArticleCitation, Confidence]] = {}
        self._principle_citations: dict[str, PrincipleCitation] = {}
        self._red_lines: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
        self._vague_patterns: tuple[tuple[VagueTerm, tuple[str, ...], re.Pattern[str]], ...] | None = None
        self._treaties: dict[str, TreatyStatus] | None = None

    @property
    def treaties(self) -> dict[str, TreatyStatus]:
        """Treaty status files (``policies/treaties/*.yaml``) by id, read on first use: only cooperation and the
        party-status lines of reports need them."""
        if self._treaties is None:
            folder = self.root / "treaties"
            files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
            self._treaties = {t.id: t for t in (load_model(f, TreatyStatus)[0] for f in files)}
        return self._treaties

    def treaty(self, instrument: str) -> TreatyStatus:
        try:
            return self.treaties[instrument]
        except KeyError:
            known = ", ".join(sorted(self.treaties)) or "none"
            raise CatalogueError(f"no treaty status file for {instrument!r}; known: {known}") from None

    def check_version(self, version: str) -> str:
        if version not in self.versions:
            raise CatalogueError(f"unknown Convention text {version!r}; choose one of {', '.join(TEXT_VERSIONS)}")
        return version

    def article(self, version: str, ref: str) -> Article | None:
        """The article for ``ref`` (exact paragraph if listed, else its article)."""
        table = self._articles[self.check_version(version)]
        if ref in table:
            return table[ref]
        match = _BASE_ARTICLE.match(ref)
        return table.get(match.group(1)) if match else None

    def resolve(self, concept_key: str, version: str = DEFAULT_VERSION) -> ArticleRef:
        """Resolve a concept key to an article reference in ``version``."""
        self.check_version(version)
        try:
            concept = self.concepts[concept_key]
        except KeyError:
            raise CatalogueError(f"unknown Convention concept {concept_key!r}") from None
        final_article = self.article(DEFAULT_VERSION, concept.ref)
        final_conf = _weakest(concept.confidence, final_article.confidence if final_article else "unconfirmed")
        if version == DEFAULT_VERSION:
            return ArticleRef(
                concept=concept_key,
                version=version,
                ref=concept.ref,
                title=concept.title,
                confidence=final_conf,
            )
        mapping = self._by_final.get(concept.ref)
        if mapping is None:
            base = _BASE_ARTICLE.match(concept.ref)
            article_map = self._by_final.get(base.group(1)) if base else None
            if article_map is not None and concept.ref != article_map.final:
                suffix = concept.ref[len(article_map.final) :]
                return ArticleRef(
                    concept=concept_key,
                    version=version,
                    ref=article_map.draft + suffix,
                    title=concept.title,
                    confidence=_weakest(article_map.confidence, final_conf, "partial"),
                )
            return ArticleRef(
                concept=concept_key,
                version=version,
                ref=None,
                title=concept.title,
                confidence="unconfirmed",
            )
        return ArticleRef(
            concept=concept_key,
            version=version,
            ref=mapping.draft,
            title=concept.title,
            confidence=_weakest(mapping.confidence, final_conf),
        )

    def article_citation(self, concept_key: str, version: str) -> tuple[ArticleCitation, Confidence]:
        """A concept as a finding cites it in ``version``, and the data confidence it lends the finding.

        The confidence rests on the adopted-text numbering: changing the text version changes article
        numbers, never a finding's status or confidence.
        """
        key = (concept_key, version)
        found = self._citations.get(key)
        if found is None:
            a = self.resolve(concept_key, version)
            citation = ArticleCitation(
                concept=a.concept, ref=a.ref, title=a.title, version=version, confidence=a.confidence
            )
            found = self._citations[key] = (citation, CATALOGUE_TO_DATA[self.resolve(concept_key).confidence])
        return found

    def principle_citation(self, principle_id: str) -> PrincipleCitation:
        """A principle as a finding cites it: id, name and the instruments it rests on."""
        found = self._principle_citations.get(principle_id)
        if found is None:
            p = self.principle(principle_id)
            found = self._principle_citations[principle_id] = PrincipleCitation(
                id=p.id,
                name=p.name,
                sources=tuple(
                    f"{self.instruments[s.instrument].title.split(' (')[0]} {s.provision}" for s in p.sources
                ),
            )
        return found

    def category(self, category_id: str) -> CategoryRule:
        """How an offence category is judged (``other`` for a category the policy does not list)."""
        return self.categories.get(category_id) or self.categories["other"]

    def vague_term_patterns(self) -> tuple[tuple[VagueTerm, tuple[str, ...], re.Pattern[str]], ...]:
        """Per lexicon entry: its case-folded variants (a cheap substring pre-check) and the word-bounded regex."""
        if self._vague_patterns is None:
            self._vague_patterns = tuple(
                (
                    t,
                    tuple(v.casefold() for v in t.variants),
                    re.compile(
                        r"\b(?:" + "|".join(re.escape(v) for v in sorted(t.variants, key=len, reverse=True)) + r")\b",
                        re.I,
                    ),
                )
                for t in self.parameters.vague_terms
            )
        return self._vague_patterns

    def principle(self, principle_id: str) -> Principle:
        try:
            return self.principles[principle_id]
        except KeyError:
            raise CatalogueError(f"unknown principle {principle_id!r}") from None

    def red_lines_for(self, principle_ids: tuple[str, ...], concept_keys: tuple[str, ...]) -> tuple[str, ...]:
        """Red lines a finding speaks to: those whose principles it cites, refined by concept."""
        key = (principle_ids, concept_keys)
        found = self._red_lines.get(key)
        if found is None:
            found = self._red_lines[key] = self._red_lines_for(principle_ids, concept_keys)
        return found

    def _red_lines_for(self, principle_ids: tuple[str, ...], concept_keys: tuple[str, ...]) -> tuple[str, ...]:
        concepts = set(concept_keys)
        found: set[str] = set()
        # Red line 3 is about safeguards on what the Convention lets states do (procedures and cooperation):
        # it speaks to findings about powers and cooperation, not to every offence, so an instrument with no
        # power has nothing to fail it with.
        rl3 = next((rl for rl in self.red_line_list.red_lines if rl.id == "rl3"), None)
        procedural = any(c.startswith(("procedural.", "cooperation.")) for c in concepts)
        if rl3 is not None and procedural and set(rl3.principles) & set(principle_ids):
            found.add("rl3")
        if "protection_of_researchers_journalists" in principle_ids:
            found.add("rl2")
        if "freedom_of_expression" in principle_ids and concepts & {
            "scope.application",
            "general.human_rights.no_suppression",
        }:
            found.add("rl1")
        if concepts & {"procedural.scope", "procedural.scope.any_offence", "cooperation.serious_crime"}:
            found.add("rl4")
        if concepts & {"cooperation.personal_data"}:
            found.add("rl5")
        if concepts & {"cooperation.spontaneous_sharing"}:
            found.add("rl6")
        return tuple(sorted(found))


_CONF_ORDER = {"confirmed": 2, "partial": 1, "unconfirmed": 0}


def _weakest(*levels: str | None) -> CatalogueConfidence:
    present = [lvl for lvl in levels if lvl is not None]
    return cast(CatalogueConfidence, min(present, key=lambda lvl: _CONF_ORDER[lvl]))


@cache
def catalogue() -> Catalogue:
    """The shipped catalogue (loaded once per process)."""
    return Catalogue(policies_dir())
