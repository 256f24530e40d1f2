"""Cross-reference and date checks of a law: every problem with the field path it concerns.

Kept apart from :mod:`.law` so that the model reads as data; :class:`~.law.NationalLaw` runs these when it is
validated, and each problem reaches the user as ``file:line:col: field: message``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .history import start_date
from .offence import Offence
from .penalty import Imprisonment, Penalty
from .provision import Provision
from .wording import words


def span(p: Provision, default_start: date | str) -> tuple[date | None, date | None]:
    start = start_date(p.history)
    begin = start if start is not None else default_start
    ends = [
        e.date
        for e in p.history
        if isinstance(e.date, date)
        and ((e.kind in ("struck_down", "repealed") and not e.limbs) or (e.kind == "amended" and e.replaced_by))
    ]
    return (begin if isinstance(begin, date) else None), (min(ends) if ends else None)


def history_problems(p: Provision, default_start: date | str) -> Iterator[tuple[tuple[str | int, ...], str]]:
    start = start_date(p.history)
    begin = start if start is not None else default_start
    limb_ids = {limb.id for limb in p.limbs} if isinstance(p, Offence) else set()
    term_texts: set[str] = set()
    if isinstance(p, Offence):
        for terms in (p.terms, *(limb.terms for limb in p.limbs)):
            if isinstance(terms, tuple):
                term_texts.update(term.text for term in terms)
    # Condemnations (and rulings upholding a bill) may come between adoption and entry into force.
    for i, e in enumerate(p.history):
        early = isinstance(begin, date) and isinstance(e.date, date) and e.date < begin
        if early and e.kind not in ("enacted", "condemned", "upheld"):
            yield (
                ("history", i, "date"),
                f"the {words(e.kind)} event ({e.date}) is before the provision applies ({begin})",
            )
        for j, limb in enumerate(e.limbs):
            if limb not in limb_ids:
                yield ("history", i, "limbs", j), f"no limb {limb!r} in this provision"
        for j, term in enumerate(e.clarifies):
            if term not in term_texts:
                yield ("history", i, "clarifies", j), f"{term!r} is not one of the provision's recorded terms"


def imprisonments(offences: tuple[Offence, ...]) -> Iterator[tuple[tuple[str | int, ...], Imprisonment]]:
    for i, o in enumerate(offences):
        penalties: list[tuple[tuple[str | int, ...], Penalty | None]] = [(("offences", i, "penalty"), o.penalty)]
        penalties += [(("offences", i, "aggravated", j, "penalty"), a.penalty) for j, a in enumerate(o.aggravated)]
        penalties += [(("offences", i, "limbs", j, "penalty"), limb.penalty) for j, limb in enumerate(o.limbs)]
        for loc, penalty in penalties:
            if penalty is not None and isinstance(penalty.imprisonment, Imprisonment):
                yield (*loc, "imprisonment"), penalty.imprisonment


def source_refs(item: Provision) -> Iterator[tuple[tuple[str, ...], tuple[str | int, ...]]]:
    yield item.sources, ("sources",)
    for i, e in enumerate(item.history):
        yield e.sources, ("history", i, "sources")
    if isinstance(item, Offence):
        for i, d in enumerate(item.defence_list):
            yield d.sources, ("defences", i, "sources")
        if isinstance(item.groups_affected, tuple):
            for i, g in enumerate(item.groups_affected):
                yield g.sources, ("groups_affected", i, "sources")
        if isinstance(item.terms, tuple):
            for i, term in enumerate(item.terms):
                yield term.sources, ("terms", i, "sources")
        for k, limb in enumerate(item.limbs):
            if isinstance(limb.defences, tuple):
                for i, d in enumerate(limb.defences):
                    yield d.sources, ("limbs", k, "defences", i, "sources")
            if isinstance(limb.groups_affected, tuple):
                for i, g in enumerate(limb.groups_affected):
                    yield g.sources, ("limbs", k, "groups_affected", i, "sources")
            if isinstance(limb.terms, tuple):
                for i, term in enumerate(limb.terms):
                    yield term.sources, ("limbs", k, "terms", i, "sources")
    for i, c in enumerate(item.conflicts):
        yield tuple(claim.source for claim in c.claims), ("conflicts", i, "claims")
