"""Strategies for whole laws, with unique provision ids and declared sources."""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ...model.cooperation import CooperationRule
from ...model.law import Amendment, NationalLaw, TextUsed
from ...model.offence import (
    Offence,
)
from ...model.procedural_power import (
    ProceduralPower,
)
from ...model.provision import Source
from ._base import (
    _CONFIDENCE,
    _DATE_OR_UNSPECIFIED,
    _OPTIONAL_TEXT,
    _TRI_STATE,
    SOURCE_ID,
    _pick,
    _size,
    identifiers,
    texts,
)
from .cooperation import _ANY_RULE
from .offence import _ANY_OFFENCE
from .procedural_power import _ANY_POWER

# --- laws --------------------------------------------------------------------


def _renamed(items: list[Any], taken: set[str]) -> tuple[Any, ...]:
    """Make provision ids unique across the whole law, as the model requires."""
    out = []
    for item in items:
        new_id = item.id
        n = 2
        while new_id in taken:
            new_id = f"{item.id}-{n}"
            n += 1
        taken.add(new_id)
        out.append(item if new_id == item.id else item.model_copy(update={"id": new_id}))
    return tuple(out)


_SECOND_SOURCE = st.builds(
    Source,
    id=st.just("src-2"),
    url=st.just("https://example.org/commentary"),
    title=texts(),
    confidence=_CONFIDENCE,
    accessed=_DATE_OR_UNSPECIFIED,
)
_AMENDMENTS = st.lists(
    st.builds(Amendment, instrument=texts(), date=_DATE_OR_UNSPECIFIED, sources=st.just((SOURCE_ID,))), max_size=1
).map(tuple)
_TEXT_USED = st.builds(
    TextUsed,
    language=st.sampled_from(("en", "fr", "ar", "ru", "th")),
    kind=st.sampled_from(("unspecified", "original", "official_translation", "unofficial_translation")),
)
_JURISDICTION = st.sampled_from(("TN", "GB", "NO", "JO", "US", "RU", "TH", "EG"))
_INSTRUMENT = st.sampled_from(("statute", "decree_law", "code", "regulation", "other"))
_FIFTH = st.integers(0, 4)


@st.composite
def _law(
    draw: st.DrawFn,
    items: tuple[st.SearchStrategy[list[Any]], st.SearchStrategy[list[Any]], st.SearchStrategy[list[Any]]],
    unspecified: tuple[bool | None, bool | None],
    coverage: st.SearchStrategy[Any],
) -> NationalLaw:
    offence_lists, power_lists, rule_lists = items
    taken: set[str] = set()
    offs = _renamed(draw(offence_lists), taken)

    def group(lists: st.SearchStrategy[Any], unknown: bool | None) -> Any:
        if unknown is True or (unknown is None and draw(_FIFTH) == 0):
            return "unspecified"
        return _renamed(draw(lists), taken)

    powers = group(power_lists, unspecified[0])
    rules = group(rule_lists, unspecified[1])
    sources = [Source(id=SOURCE_ID, url="https://example.org/law", title="Law text", confidence="primary")]
    if draw(st.booleans()):
        sources.append(draw(_SECOND_SOURCE))
    enacted, in_force_from = draw(_DATE_OR_UNSPECIFIED), draw(_DATE_OR_UNSPECIFIED)
    if isinstance(enacted, date) and isinstance(in_force_from, date) and in_force_from < enacted:
        enacted, in_force_from = in_force_from, enacted  # a law cannot enter into force before it is enacted
    return NationalLaw(
        id=draw(identifiers()),
        jurisdiction=draw(_JURISDICTION),
        title=draw(texts(400)),
        original_title=draw(_OPTIONAL_TEXT),
        instrument_type=draw(_INSTRUMENT),
        subject=draw(st.sampled_from(get_args(NationalLaw.model_fields["subject"].annotation))),
        enacted=enacted,
        in_force_from=in_force_from,
        in_force=draw(_TRI_STATE),
        amendments=draw(_AMENDMENTS),
        text_used=draw(_TEXT_USED),
        sources=tuple(sources),
        offences=offs,
        procedural_powers=powers,
        cooperation_rules=rules,
        coverage=draw(coverage),
        powers_coverage=draw(_COVERAGE),
        notes=draw(_OPTIONAL_TEXT),
    )


_COVERAGE = st.sampled_from(("unspecified", "complete", "selected_provisions"))


def national_laws(
    *,
    offences: st.SearchStrategy[Offence] | None = None,
    powers: st.SearchStrategy[ProceduralPower] | None = None,
    rules: st.SearchStrategy[CooperationRule] | None = None,
    min_offences: int = 0,
    max_offences: int = 5,
    min_powers: int = 0,
    max_powers: int = 4,
    min_rules: int = 0,
    max_rules: int = 3,
    powers_unspecified: bool | None = None,
    rules_unspecified: bool | None = None,
    coverage: Any = None,
) -> st.SearchStrategy[NationalLaw]:
    """Valid laws: unique provision ids, resolvable sources, consistent statuses.

    ``offences``, ``powers`` and ``rules`` are strategies for the items
    (e.g. ``offences=offences(category=CONTENT_CATEGORIES)``).
    ``powers_unspecified=None`` sometimes records the powers as
    ``unspecified`` (never when ``min_powers`` > 0); ``True`` or ``False``
    forces it either way. The same holds for cooperation rules.
    """
    _size("offences", min_offences, max_offences)
    _size("powers", min_powers, max_powers)
    _size("rules", min_rules, max_rules)
    if min_powers and powers_unspecified:
        raise InvalidArgument("min_powers > 0 contradicts powers_unspecified=True")
    if min_rules and rules_unspecified:
        raise InvalidArgument("min_rules > 0 contradicts rules_unspecified=True")
    return _law(
        (
            st.lists(offences if offences is not None else _ANY_OFFENCE, min_size=min_offences, max_size=max_offences),
            st.lists(powers if powers is not None else _ANY_POWER, min_size=min_powers, max_size=max_powers),
            st.lists(rules if rules is not None else _ANY_RULE, min_size=min_rules, max_size=max_rules),
        ),
        (
            False if min_powers else powers_unspecified,
            False if min_rules else rules_unspecified,
        ),
        _pick("coverage", coverage, ("unspecified", "complete", "selected_provisions")),
    )
