"""A national law (one instrument) as typed data."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
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
from .offence import Offence
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
    """An ISO 639-1 code, checked against pycountry's maintained list (imported on first use)."""
    import pycountry

    if pycountry.languages.get(alpha_2=code) is None:
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


class IntegrityError(ValueError):
    """Cross-reference problems, each with the field path it concerns."""

    def __init__(self, items: list[tuple[tuple[str | int, ...], str]]) -> None:
        self.items = items
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in items))


class NationalLaw(Model):
    """One legal instrument of one jurisdiction, with the provisions we model."""

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
    enacted: DateOrUnspecified = "unspecified"
    """Date the instrument was adopted (e.g. royal assent or promulgation), as YYYY-MM-DD, or ``unspecified``."""
    in_force_from: DateOrUnspecified = "unspecified"
    """Date the instrument entered into force, as YYYY-MM-DD, or ``unspecified``; provisions without their own
    ``status`` apply from this date."""
    in_force: TriState = "unspecified"
    """Whether the instrument is in force as the data was last checked: ``true``, ``false`` or ``unspecified``.
    Evaluations as of a date rely on ``in_force_from`` and the provisions' ``status``, not on this."""
    amendments: tuple[Amendment, ...] = ()
    """Later instruments that changed this one."""
    supersedes: Identifier | None = None
    """Id of the earlier law this instrument replaced, e.g. 'jo-cybercrime-law-27-2015'."""
    text_used: TextUsed
    """Which text of the law the data was modelled from: its language, and whether original or translation."""
    sources: tuple[Source, ...] = Field(min_length=1)
    """Every document relied on (at least one), each with the id that provisions use to cite it."""
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
    scope_note: Text | None = None
    """What the data covers and leaves out, e.g. provisions not modelled and where related powers are found."""
    notes: Text | None = None
    """Other remarks on the instrument, its dates or its sources."""

    _origin: Any = PrivateAttr(default=None)
    """Set by the loader: the file and provision lines (see ``loader.origin_of``)."""
    _content_hash: str | None = PrivateAttr(default=None)
    """The hash of the data, computed once: the model is frozen, and copies with changes reset it."""

    def __eq__(self, other: object) -> bool:
        # Two laws are equal when their data is; where they were read from does not count.
        return type(other) is type(self) and self.__dict__ == other.__dict__

    __hash__ = Model.__hash__

    @model_validator(mode="after")
    def _cross_references(self) -> NationalLaw:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        source_ids = [s.id for s in self.sources]
        seen: set[str] = set()
        for i, sid in enumerate(source_ids):
            if sid in seen:
                problems.append((("sources", i, "id"), f"source id {sid!r} is declared twice"))
            seen.add(sid)
        provision_ids: dict[str, tuple[str | int, ...]] = {}
        for group, items in self._groups():
            for i, item in enumerate(items):
                loc: tuple[str | int, ...] = (group, i)
                if item.id in provision_ids:
                    problems.append(((*loc, "id"), f"provision id {item.id!r} is used twice in this law"))
                provision_ids.setdefault(item.id, loc)
                for refs, where in _source_refs(item):
                    for j, ref in enumerate(refs):
                        if ref not in seen:
                            problems.append(((*loc, *where, j), f"unknown source id {ref!r}; declare it under sources"))
        for i, amendment in enumerate(self.amendments):
            for j, ref in enumerate(amendment.sources):
                if ref not in seen:
                    problems.append((("amendments", i, "sources", j), f"unknown source id {ref!r}"))
        if problems:
            raise IntegrityError(problems)
        return self

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
        """Whether ``provision`` applied on ``as_of`` (None: dates unknown)."""
        status = provision.status
        if status is None:
            start = self.in_force_from
            return not (isinstance(start, date) and as_of < start)
        return status.applies_on(as_of, self.in_force_from)

    def as_of(self, day: date) -> NationalLaw:
        """The law as it stood on ``day``: provisions not yet or no longer in force removed.

        Provisions whose dates are unknown are kept, so nothing disappears
        silently; checkers see their status and can say so.
        """
        keep = {p.id for p in self.provisions() if self.provision_applies(p, day) is not False}
        update: dict[str, Any] = {
            "offences": tuple(o for o in self.offences if o.id in keep),
        }
        if isinstance(self.procedural_powers, tuple):
            update["procedural_powers"] = tuple(p for p in self.powers if p.id in keep)
        if isinstance(self.cooperation_rules, tuple):
            update["cooperation_rules"] = tuple(r for r in self.rules if r.id in keep)
        return self.model_copy(update=update)

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


def _source_refs(item: Provision) -> Iterator[tuple[tuple[str, ...], tuple[str | int, ...]]]:
    yield item.sources, ("sources",)
    if isinstance(item, Offence):
        for i, d in enumerate(item.defence_list):
            yield d.sources, ("defences", i, "sources")
        for i, g in enumerate(item.groups_affected):
            yield g.sources, ("groups_affected", i, "sources")
    for i, c in enumerate(item.conflicts):
        yield tuple(claim.source for claim in c.claims), ("conflicts", i, "claims")
