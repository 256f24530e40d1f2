"""A national law (one instrument) as typed data."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, PrivateAttr, model_validator

from .cooperation import CooperationRule
from .fields import (
    DateOrUnspecified,
    Identifier,
    ListTag,
    Model,
    ShortText,
    Text,
    TriState,
    WordTag,
    word_or_list_discriminator,
)
from .general_part import GeneralPart, PenaltyClass
from .history import ProvisionEvent, Standing
from .integrity import history_problems, imprisonments, source_refs, span
from .languages import ISO_639_1
from .offence import Offence, Term
from .procedural_power import ProceduralPower
from .provision import Provision, Source

InstrumentType = Literal["statute", "decree_law", "code", "regulation", "policy", "constitution", "other"]
TextKind = Literal["original", "official_translation", "unofficial_translation", "unspecified"]


def _check_country(code: str) -> str:
    """An ISO 3166-1 alpha-2 code, checked against pycountry's maintained list (imported on first use)."""
    import pycountry

    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def _check_language(code: str) -> str:
    """An ISO 639-1 code (:data:`ISO_639_1`)."""
    if code not in ISO_639_1:
        raise ValueError(f"{code!r} is not an ISO 639-1 language code")
    return code


CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$"), AfterValidator(_check_country)]
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}$"), AfterValidator(_check_language)]


class TextUsed(Model):
    """Which text of the law the data was modelled from."""

    language: LanguageCode
    """Two-letter ISO 639-1 code of the language of the text relied on, e.g. 'en' or 'ar'."""
    kind: TextKind = "unspecified"
    """Which text that was: ``original``, ``official_translation``, ``unofficial_translation``, or ``unspecified``."""


class Amendment(Model):
    """A later instrument that changed this law."""

    instrument: ShortText
    """The amending instrument and, where useful, its provisions (e.g. 'Serious Crime Act 2015 (c. 9), Part 2')."""
    date: DateOrUnspecified = "unspecified"
    """Date the amendment took effect, as YYYY-MM-DD, or ``unspecified``."""
    note: Text | None = None
    """What the amendment changed, and any doubt about it."""
    sources: tuple[Identifier, ...] = ()
    """Ids of the sources for the amendment, declared under the law's ``sources``."""


class ProvisionMapping(Model):
    """Which provision of the other version a provision corresponds to."""

    old: Identifier
    """Id of the provision in the earlier law."""
    new: Identifier | None
    """Id of the corresponding provision in this law, or ``null`` when the provision was repealed without a
    successor (only then does a diff count its findings as gone)."""
    note: Text | None = None
    """Remarks, e.g. that the successor is narrower."""


class VersionLink(Model):
    """This law's relation to an earlier instrument of the same jurisdiction, with the provision mapping."""

    kind: Literal["amends", "consolidates", "replaces"]
    """``amends`` (changes the earlier law), ``consolidates`` (a consolidated text of it as amended) or ``replaces``
    (repeals and replaces it)."""
    law: Identifier
    """Id of the earlier law, e.g. 'jo-cybercrime-law-27-2015'."""
    date: DateOrUnspecified = "unspecified"
    """When the change took effect."""
    mapping: tuple[ProvisionMapping, ...] = ()
    """Provision correspondences where ids differ or a provision was repealed; provisions with the same id in
    both laws correspond without being listed. ``diff`` pairs provisions by this mapping."""
    sources: tuple[Identifier, ...] = ()
    """Ids of the sources for the link."""
    note: Text | None = None
    """Remarks on the relation."""


class IntegrityError(ValueError):
    """Cross-reference problems, each with the field path it concerns."""

    def __init__(self, items: list[tuple[tuple[str | int, ...], str]]) -> None:
        self.items = items
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in items))


LAW_SCHEMA = "cybercrime-check/law/2"


class NationalLaw(Model):
    """One legal instrument of one jurisdiction, with the provisions we model."""

    schema_: Literal["cybercrime-check/law/2"] = Field("cybercrime-check/law/2", alias="schema")
    """Format of the file: 'cybercrime-check/law/2'. Files without it are version 1 (``cybercrime-check
    migrate`` converts them)."""
    id: Identifier
    """Short name of the law (lowercase letters, digits, '.', '_', '-'), e.g. 'gb-computer-misuse-act-1990';
    by convention also the file name. Verdicts and expected-findings files refer to the law by this id."""
    jurisdiction: CountryCode
    """Two-letter ISO 3166-1 code of the country whose law this is, e.g. 'GB' or 'TN'."""
    title: ShortText
    """The instrument's title, in English."""
    original_title: ShortText | None = None
    """The title in the original language, where that is not English."""
    instrument_type: InstrumentType
    """What kind of instrument it is: ``statute``, ``decree_law``, ``code``, ``regulation``, ``policy``,
    ``constitution`` or ``other``."""
    subject: Literal[
        "cybercrime", "online_content", "penal_code", "communications", "surveillance", "other", "unspecified"
    ] = "unspecified"
    """What the instrument is about: ``cybercrime`` (a cybercrime, computer-crime, cybersecurity or IT law, the
    instruments states cite when implementing cybercrime treaties), ``online_content`` (a law on online content or
    online harms), ``penal_code`` (a general criminal code or its chapters), ``communications``, ``surveillance``,
    ``other``, or ``unspecified``. A content offence inside a cybercrime or online-content law is what red line 1
    is about; the same offence in a penal code is judged on expression grounds only."""
    enacted: DateOrUnspecified = "unspecified"
    """Date the instrument was adopted (e.g. royal assent or promulgation), as YYYY-MM-DD, or ``unspecified``."""
    in_force_from: DateOrUnspecified = "unspecified"
    """Date the instrument entered into force, as YYYY-MM-DD, or ``unspecified``; provisions without their own
    ``history`` apply from this date."""
    in_force: TriState = "unspecified"
    """Whether the instrument is in force as the data was last checked: ``true``, ``false`` or ``unspecified``.
    Evaluations as of a date rely on ``in_force_from`` and the provisions' ``history``, not on this."""
    amendments: tuple[Amendment, ...] = ()
    """Later instruments that changed this one."""
    version_links: tuple[VersionLink, ...] = ()
    """Earlier instruments this one amends, consolidates or replaces, with the provision mapping ``diff`` uses."""
    general_part: Identifier | GeneralPart | None = None
    """The penal code's general part that gives penalty classes their ranges: its id (the loader reads
    ``general/<id>.yaml`` beside the law file and puts it here) or the general part itself."""
    text_used: TextUsed
    """Which text of the law the data was modelled from: its language, and whether original or translation."""
    sources: tuple[Source, ...] = ()
    """Every document relied on, each with the id that provisions use to cite it (a new file has none yet; every
    provision cites at least one)."""
    offences: tuple[Offence, ...] = ()
    """The offences modelled; see ``coverage`` for whether that is all of them."""
    procedural_powers: Annotated[
        Annotated[tuple[ProceduralPower, ...], ListTag] | Annotated[Literal["unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """The investigative powers the instrument grants. ``[]`` means it grants none; ``unspecified`` (the default)
    that we do not know."""
    cooperation_rules: Annotated[
        Annotated[tuple[CooperationRule, ...], ListTag] | Annotated[Literal["unspecified"], WordTag],
        word_or_list_discriminator(),
    ] = "unspecified"
    """The instrument's rules on international cooperation. ``[]`` means it has none; ``unspecified`` (the default)
    that we do not know."""
    coverage: Literal["complete", "selected_provisions", "unspecified"] = "unspecified"
    """Whether every offence of the instrument is modelled (``complete``), only some (``selected_provisions``), or
    ``unspecified``. A missing Convention offence counts as a gap only when coverage is ``complete``."""
    powers_coverage: Literal["complete", "selected_provisions", "unspecified"] = "unspecified"
    """Whether every procedural power of the instrument is modelled (``complete``), only some, or ``unspecified``.
    Only a complete model lets a check say that the instrument grants no such power."""
    scope_note: Text | None = None
    """What the data covers and leaves out, e.g. provisions not modelled and where related powers are found."""
    notes: Text | None = None
    """Other remarks on the instrument, its dates or its sources."""

    _origin: Any = PrivateAttr(default=None)
    """Set by the loader: the file and provision lines (see ``loader.origin_of``)."""
    _content_hash: str | None = PrivateAttr(default=None)
    _ended: tuple[EndedProvision, ...] = PrivateAttr(default=())
    _standings: dict[str, Standing] = PrivateAttr(default_factory=dict)
    _day: date | None = PrivateAttr(default=None)
    """The hash of the data, computed once: the model is frozen, and copies with changes reset it."""

    def __eq__(self, other: object) -> bool:
        # Two laws are equal when their data is; where they were read from does not count.
        return type(other) is type(self) and self.__dict__ == other.__dict__

    __hash__ = Model.__hash__

    @model_validator(mode="after")
    def _cross_references(self) -> NationalLaw:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[str] = set()
        for i, s in enumerate(self.sources):
            if s.id in seen:
                problems.append((("sources", i, "id"), f"source id {s.id!r} is declared twice"))
            seen.add(s.id)
        provision_ids: dict[str, tuple[str | int, ...]] = {}
        for group, items in self._groups():
            for i, item in enumerate(items):
                loc: tuple[str | int, ...] = (group, i)
                if item.id in provision_ids:
                    problems.append(((*loc, "id"), f"provision id {item.id!r} is used twice in this law"))
                provision_ids.setdefault(item.id, loc)
                for refs, where in source_refs(item):
                    for j, ref in enumerate(refs):
                        if ref not in seen:
                            problems.append(((*loc, *where, j), f"unknown source id {ref!r}; declare it under sources"))
                problems.extend(
                    ((*loc, *where), message) for where, message in history_problems(item, self.in_force_from)
                )
        for i, amendment in enumerate(self.amendments):
            for j, ref in enumerate(amendment.sources):
                if ref not in seen:
                    problems.append((("amendments", i, "sources", j), f"unknown source id {ref!r}"))
        for i, link in enumerate(self.version_links):
            for j, ref in enumerate(link.sources):
                if ref not in seen:
                    problems.append((("version_links", i, "sources", j), f"unknown source id {ref!r}"))
            for j, m in enumerate(link.mapping):
                if m.new is not None and m.new not in provision_ids:
                    problems.append((("version_links", i, "mapping", j, "new"), f"no provision {m.new!r} in this law"))
        for group, items in self._groups():
            for i, item in enumerate(items):
                if item.history and any(
                    e.replaced_by is not None and e.replaced_by not in provision_ids for e in item.history
                ):
                    problems.append(((group, i, "history"), "'replaced_by' names a provision that is not in this law"))
        offence_ids = {o.id for o in self.offences}
        for i, power in enumerate(self.powers):
            for j, ref in enumerate(power.listed_offences):
                if ref not in offence_ids:
                    problems.append((("procedural_powers", i, "listed_offences", j), f"no offence {ref!r} in this law"))
            if power.listed_offences and power.applies_to != "listed_offences":
                problems.append(
                    (("procedural_powers", i, "listed_offences"), "'listed_offences' needs applies_to: listed_offences")
                )
        problems.extend(self._date_problems())
        problems.extend(self._version_overlaps(provision_ids))
        problems.extend(self._penalty_class_problems())
        if problems:
            raise IntegrityError(problems)
        return self

    def _date_problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if (
            isinstance(self.enacted, date)
            and isinstance(self.in_force_from, date)
            and self.in_force_from < self.enacted
        ):
            yield (
                ("in_force_from",),
                f"the law enters into force ({self.in_force_from}) before it is enacted ({self.enacted})",
            )

    def _version_overlaps(
        self, provision_ids: dict[str, tuple[str | int, ...]]
    ) -> Iterator[tuple[tuple[str | int, ...], str]]:
        lineages: dict[str, list[Provision]] = {}
        for p in self.provisions():
            if p.version_of is not None:
                lineages.setdefault(p.version_of, []).append(p)
        for lineage, versions in lineages.items():
            named = next((p for p in self.provisions() if p.id == lineage and p.version_of is None), None)
            if named is not None:
                versions.append(named)
            spans = [(p, *span(p, self.in_force_from)) for p in versions]
            for a_index, (a, a_start, a_end) in enumerate(spans):
                for b, b_start, b_end in spans[a_index + 1 :]:
                    if None in (a_start, b_start):
                        continue
                    assert a_start is not None and b_start is not None
                    if max(a_start, b_start) < min(a_end or date.max, b_end or date.max):
                        yield (
                            (*provision_ids[b.id], "version_of"),
                            f"versions {a.id!r} and {b.id!r} of {lineage!r} are in force at the same time "
                            f"(from {max(a_start, b_start)}); end the earlier one with an 'amended' event "
                            "whose 'replaced_by' names the later one",
                        )

    def _penalty_class_problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        general = self.general_part
        if isinstance(general, GeneralPart) and general.jurisdiction != self.jurisdiction:
            yield (
                ("general_part", "jurisdiction"),
                (f"the general part {general.id!r} is of {general.jurisdiction}, not of {self.jurisdiction}"),
            )
        for loc, imprisonment in imprisonments(self.offences):
            class_id = imprisonment.penalty_class
            if class_id is None:
                continue
            if general is None:
                yield (
                    (*loc, "penalty_class"),
                    (f"penalty class {class_id!r} needs the law's 'general_part' that gives its range"),
                )
            elif isinstance(general, GeneralPart) and general.penalty_class(class_id) is None:
                known = ", ".join(c.id for c in general.penalty_classes)
                yield (*loc, "penalty_class"), f"no penalty class {class_id!r} in {general.id!r} (it has: {known})"

    def _groups(self) -> Iterator[tuple[str, tuple[Provision, ...]]]:
        yield "offences", self.offences
        yield "procedural_powers", self.powers
        yield "cooperation_rules", self.rules

    @property
    def powers(self) -> tuple[ProceduralPower, ...]:
        return self.procedural_powers if isinstance(self.procedural_powers, tuple) else ()

    @property
    def rules(self) -> tuple[CooperationRule, ...]:
        return self.cooperation_rules if isinstance(self.cooperation_rules, tuple) else ()

    def provisions(self) -> Iterator[Provision]:
        for _, items in self._groups():
            yield from items

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def provision_applies(self, provision: Provision, as_of: date) -> bool | None:
        """Whether ``provision`` applied on ``as_of`` (None: an end whose date is unknown)."""
        return provision.standing(as_of, self.in_force_from).applies

    def as_of(self, day: date) -> NationalLaw:
        """The law as it stood on ``day``, for checkers to judge.

        Provisions not yet or no longer in force (struck down, repealed, suspended, superseded) and limbs
        struck down are removed, but kept in :meth:`ended_provisions` with the event that ended them, so that
        verdicts report them instead of dropping them. Read-downs in effect are applied: the elements a court
        added are elements, and terms it construed count as clarified. Provisions whose end date is unknown
        are kept (nothing disappears silently).
        """
        kept: dict[str, Provision] = {}
        ended: list[EndedProvision] = []
        standings: dict[str, Standing] = {}
        for p in self.provisions():
            s = p.standing(day, self.in_force_from)
            if s.applies is False:
                ended.append(EndedProvision(p, s))
                continue
            standings[p.id] = s
            kept[p.id] = _narrowed(_readings_on(p, day), s, ended)
        update: dict[str, Any] = {"offences": tuple(kept[o.id] for o in self.offences if o.id in kept)}
        if isinstance(self.procedural_powers, tuple):
            update["procedural_powers"] = tuple(kept[p.id] for p in self.powers if p.id in kept)
        if isinstance(self.cooperation_rules, tuple):
            update["cooperation_rules"] = tuple(kept[r.id] for r in self.rules if r.id in kept)
        current = self.model_copy(update=update)
        current._ended = tuple(ended)
        current._standings = standings
        current._day = day
        return current

    def ended_provisions(self) -> tuple[EndedProvision, ...]:
        """On a law cut by :meth:`as_of`: the provisions (and limbs) not in force that day, with why."""
        return self._ended

    def standing_of(self, provision_id: str) -> Standing | None:
        """On a law cut by :meth:`as_of`: the standing of a provision in force that day (its read-downs and
        condemnations); None on an uncut law or for a provision not in force."""
        return self._standings.get(provision_id)

    @property
    def cut_on(self) -> date | None:
        """The day this law was cut to by :meth:`as_of`, if it was."""
        return self._day

    def penalty_classes(self) -> dict[str, PenaltyClass]:
        """The general part's penalty classes by id (empty when the general part is not loaded)."""
        general = self.general_part
        return {c.id: c for c in general.penalty_classes} if isinstance(general, GeneralPart) else {}

    def canonical_json(self) -> str:
        """Deterministic JSON of the data (sorted keys), the basis of the content hash."""
        return json.dumps(
            self.model_dump(mode="json", by_alias=True, exclude_defaults=True),
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
            allow_nan=False,
        )

    def content_hash(self) -> str:
        """``sha256:`` and the hex digest of :meth:`canonical_json`; the loader computes it while reading."""
        if self._content_hash is None:
            self._content_hash = "sha256:" + hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()
        return self._content_hash

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> NationalLaw:
        copy = super().model_copy(update=update, deep=deep)
        if update:  # different data, different hash
            copy._content_hash = None
        return copy


@dataclass(frozen=True)
class EndedProvision:
    """A modelled provision (or one limb) that was not in force on the day a law was cut to, and why."""

    provision: Provision
    standing: Standing
    limb: str | None = None


def _narrowed(p: Provision, s: Standing, ended: list[EndedProvision]) -> Provision:
    """The provision as a court's reading left it: ended limbs out, added elements in, terms clarified."""
    if not isinstance(p, Offence) or not (s.read_downs or s.clarified or s.ended_limbs):
        return p
    whole = [e for e in s.read_downs if not e.limbs]
    clarified = {term: e for e in s.clarified for term in e.clarifies}
    update: dict[str, Any] = {}
    if whole:
        update["additional_elements"] = (*p.additional_elements, *(x for e in whole for x in e.adds_elements))
        intent = next((e.ulterior_intent for e in whole if e.ulterior_intent), None)
        if intent and p.ulterior_intent in ("none", "unspecified"):
            update["ulterior_intent"] = intent
    if isinstance(p.terms, tuple) and clarified:
        update["terms"] = tuple(_clarify(term, clarified) for term in p.terms)
    limbs = []
    for limb in p.limbs:
        if limb.id in s.ended_limbs:
            ended.append(EndedProvision(p, s, limb.id))
            continue
        own = [e for e in s.read_downs if limb.id in e.limbs]
        change: dict[str, Any] = {}
        if own:
            change["additional_elements"] = (*limb.additional_elements, *(x for e in own for x in e.adds_elements))
            intent = next((e.ulterior_intent for e in own if e.ulterior_intent), None)
            if intent and (limb.ulterior_intent or p.ulterior_intent) in ("none", "unspecified"):
                change["ulterior_intent"] = intent
        if isinstance(limb.terms, tuple) and clarified:
            change["terms"] = tuple(_clarify(term, clarified) for term in limb.terms)
        limbs.append(limb.model_copy(update=change) if change else limb)
    if p.limbs:
        update["limbs"] = tuple(limbs)
    return p.model_copy(update=update) if update else p


def _readings_on(p: Provision, day: date) -> Provision:
    """The provision without judicial readings of its terms given after ``day`` (they did not exist yet)."""
    if not isinstance(p, Offence):
        return p

    def later(terms: object) -> bool:
        return isinstance(terms, tuple) and any(
            isinstance(t.clarified_on, date) and t.clarified_on > day for t in terms
        )

    def unread(terms: tuple[Term, ...]) -> tuple[Term, ...]:
        return tuple(
            t.model_copy(update={"clarified_by": "unspecified", "clarified_on": "unspecified"})
            if isinstance(t.clarified_on, date) and t.clarified_on > day
            else t
            for t in terms
        )

    if not later(p.terms) and not any(later(limb.terms) for limb in p.limbs):
        return p
    update: dict[str, Any] = {}
    if isinstance(p.terms, tuple):
        update["terms"] = unread(p.terms)
    update["limbs"] = tuple(
        limb.model_copy(update={"terms": unread(limb.terms)}) if isinstance(limb.terms, tuple) else limb
        for limb in p.limbs
    )
    return p.model_copy(update=update)


def _clarify(term: Term, by: dict[str, ProvisionEvent]) -> Term:
    event = by.get(term.text)
    if event is None or term.clarified_by not in ("none", "unspecified"):
        return term
    return term.model_copy(update={"clarified_by": event.decision})
