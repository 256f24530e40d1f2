"""The general part of a penal code: penalty classes and their statutory ranges.

Special laws often say only "imprisonment" (Arabic الحبس, "habs") or "aggravated imprisonment" (السجن
المشدد) and leave the range to the penal code's general part. Without it, a verdict either guesses or says
"threshold unknown" where the answer is known: Egypt's Penal Code caps الحبس at three years (Art 18), so an
offence punished with it is *below* the Convention's four-year threshold; السجن المشدد runs to fifteen (Art 14),
so a speech offence punished with it *meets* it. A law file names its general part; a penalty names the class.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .fields import Confidence, Duration, Identifier, MaxTerm, Model, Period, ShortText, Text
from .provision import Source


class PenaltyClass(Model):
    """One class of penalty and the range the general part gives it."""

    id: Identifier
    """Short name of the class, unique within the general part, e.g. 'habs'; penalties refer to it by this id."""
    name: ShortText
    """The class as the law names it, with a translation, e.g. 'الحبس (habs, simple imprisonment)'."""
    min: Period = "unspecified"
    """The shortest term of the class, e.g. '24 hours'."""
    max: MaxTerm = "unspecified"
    """The longest term of the class unless a special law says otherwise, e.g. '3 years'."""
    citation: ShortText
    """Where the general part sets the range, e.g. 'Penal Code Art 18'."""
    sources: tuple[Identifier, ...] = Field(min_length=1)
    """Ids of the general part's sources for the range."""
    confidence: Confidence
    """How sure the range is (``primary`` if read in the code itself)."""
    note: Text | None = None
    """Remarks, e.g. exceptions the code makes."""

    @model_validator(mode="after")
    def _ordered(self) -> PenaltyClass:
        if isinstance(self.min, Duration) and isinstance(self.max, Duration) and self.min.months() > self.max.months():
            raise ValueError(f"the minimum ({self.min}) is above the maximum ({self.max})")
        return self


class GeneralPart(Model):
    """The penalty classes of one jurisdiction's penal code, with their sources."""

    id: Identifier
    """Short name, e.g. 'eg-penal-code'; a law names it in ``general_part`` and the loader reads
    ``general/<id>.yaml`` beside the law file."""
    jurisdiction: Identifier | ShortText
    """Two-letter code of the country (checked against the law that uses it)."""
    title: ShortText
    """The code's title, e.g. 'Penal Code (Law No. 58 of 1937)'."""
    sources: tuple[Source, ...] = Field(min_length=1)
    """The documents relied on."""
    penalty_classes: tuple[PenaltyClass, ...] = Field(min_length=1)
    """The classes and their ranges."""
    notes: Text | None = None
    """Remarks on the general part."""

    @model_validator(mode="after")
    def _references(self) -> GeneralPart:
        declared = {s.id for s in self.sources}
        ids = [c.id for c in self.penalty_classes]
        for c in self.penalty_classes:
            if ids.count(c.id) > 1:
                raise ValueError(f"penalty class {c.id!r} is declared twice")
            missing = [s for s in c.sources if s not in declared]
            if missing:
                raise ValueError(f"penalty class {c.id!r} cites undeclared source(s) {missing}")
        return self

    def penalty_class(self, class_id: str) -> PenaltyClass | None:
        return next((c for c in self.penalty_classes if c.id == class_id), None)
