"""Hypothesis strategies for every model a user or plugin author sees.

Hand-written so that every generated value is valid: ``st.builds`` over
pydantic models ignores field constraints and cross-references (unique
provision ids, declared source ids, "ended" statuses that need a decision).
Each strategy is a plain function returning a composable strategy, and the
model types are registered, so ``st.from_type(NationalLaw)`` works.

Arguments that choose a fact accept one value, several values, or a
strategy, and are checked eagerly::

    offences(category=CONTENT_CATEGORIES)            # content offences only
    procedural_powers(authorisation=WITHOUT_JUDGE)   # no judge, no independent body
    national_laws(offences=offences(category="false_information"), min_offences=1)

Laws are built so that every branch of every built-in checker can be reached
(see ``docs/plugin-kit-coverage.md``): texts sometimes carry terms of the
vagueness lexicon or come close to the length limits, penalties have
aggravated variants, refusal grounds sometimes include every protective one.
Sub-strategies are built once, at import, because hypothesis validates every
strategy object it draws from for the first time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any, get_args

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..cooperation.request import (
    DATA_MEASURES,
    MEASURES,
    PROTECTED_FACTS,
    AssistanceRequest,
    Assurances,
    DescribedOffence,
    LegalBasis,
    RequestDataCategory,
    Target,
    Urgency,
)
from ..engine.catalogue import TEXT_VERSIONS, catalogue
from ..engine.checker import FindingDraft
from ..engine.findings import finding_order
from ..engine.summary import summarise
from ..engine.verdict import (
    DIMENSIONS,
    ArticleCitation,
    CheckerInfo,
    Evidence,
    Finding,
    LawIdentity,
    ProvisionRef,
    Severity,
    Status,
    Verdict,
)
from ..model.cooperation import CooperationKind, CooperationRule, DualCriminality, RefusalGround, RefusalGroundKind
from ..model.fields import Confidence, Duration
from ..model.law import Amendment, NationalLaw, TextUsed
from ..model.offence import (
    CONTENT_OUTSIDE_CONVENTION,
    CYBER_DEPENDENT,
    AggravatedPenalty,
    Combination,
    Defence,
    DefenceKind,
    Fine,
    Group,
    GroupImpact,
    Imprisonment,
    MentalElement,
    Offence,
    OffenceCategory,
    Penalty,
)
from ..model.procedural_power import (
    Authorisation,
    DataCategory,
    Grounds,
    Notification,
    PowerKind,
    PowerScope,
    ProceduralPower,
)
from ..model.provision import Claim, Conflict, Decision, LegalStatus, Source

__all__ = [
    "CONTENT_CATEGORIES",
    "INDEPENDENT",
    "SOURCE_ID",
    "SURVEILLANCE_KINDS",
    "WITHOUT_JUDGE",
    "assistance_requests",
    "assurances",
    "cooperation_rules",
    "defences",
    "described_offences",
    "durations",
    "finding_drafts",
    "findings",
    "identifiers",
    "national_laws",
    "offences",
    "penalties",
    "procedural_powers",
    "targets",
    "texts",
    "verdicts",
]

SOURCE_ID = "src-1"
"""The id of the first source of every generated law; generated provisions cite it."""

CONTENT_CATEGORIES: tuple[str, ...] = tuple(sorted(CONTENT_OUTSIDE_CONVENTION))
"""Offence categories that criminalise content the Convention does not contain."""
WITHOUT_JUDGE: tuple[str, ...] = ("prosecutor", "executive_or_police", "none")
"""Authorisations by neither a judge nor an independent body (``unspecified`` excluded)."""
INDEPENDENT: tuple[str, ...] = ("prior_judicial", "independent_body")
"""Authorisation by a judge or an independent body."""
SURVEILLANCE_KINDS: tuple[str, ...] = ("content_interception", "realtime_traffic_collection", "remote_hacking")
"""Power kinds that secretly obtain the content or traffic of communications."""

_TRI: tuple[Any, ...] = ("unspecified", True, False)
# Choices are listed simplest first, and "unspecified" (every field's default) is the simplest:
# hypothesis shrinks towards the first choice, so a shrunk law omits what does not matter.


# --- argument handling ------------------------------------------------------


def _choices(literal: Any) -> tuple[Any, ...]:
    values = get_args(literal)
    return tuple(sorted(values, key=lambda v: v != "unspecified"))


def _pick(name: str, value: Any, allowed: Sequence[Any]) -> st.SearchStrategy[Any]:
    """One fact: ``None`` (any allowed value), one value, several values, or a strategy."""
    if value is None:
        return st.sampled_from(tuple(allowed))
    if isinstance(value, st.SearchStrategy):
        return value
    values = (value,) if isinstance(value, str | bool | int) else tuple(value)
    if not values:
        raise InvalidArgument(f"{name}: give at least one value")
    unknown = [v for v in values if not any(v == a and type(v) is type(a) for a in allowed)]
    if unknown:
        raise InvalidArgument(f"{name}: {unknown!r} not among {list(allowed)!r}")
    return st.sampled_from(values)


def _size(name: str, low: int, high: int) -> None:
    if low < 0 or high < low:
        raise InvalidArgument(f"{name}: need 0 <= min <= max, got min={low}, max={high}")


# --- scalars ----------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@cache
def identifiers() -> st.SearchStrategy[str]:
    """Law and provision ids (``Identifier``), short enough to stay readable in YAML."""
    return st.text(_LETTERS + "0123456789", min_size=1, max_size=8)


@cache
def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-empty text in any script; for ``max_size`` over 60, sometimes a text near ``max_size``."""
    if max_size < 1:
        raise InvalidArgument(f"max_size: need at least 1, got {max_size}")
    alphabet = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    short = st.text(alphabet=alphabet, min_size=1, max_size=min(max_size, 60))
    if max_size <= 60:
        return short
    # One repeated printable character keeps long texts cheap to generate and to shrink.
    long = st.tuples(st.characters(min_codepoint=0x21, max_codepoint=0x7E), st.integers(max_size - 20, max_size)).map(
        lambda cn: cn[0] * cn[1]
    )
    return st.one_of(short, long)


@cache
def _lexicon() -> tuple[str, ...]:
    return tuple(v for t in catalogue().parameters.vague_terms for v in t.variants)


@cache
def _prose(max_size: int = 60) -> st.SearchStrategy[str]:
    """Texts that sometimes use a term of the vagueness lexicon, so the legality checks can fire."""
    vague = st.deferred(lambda: st.sampled_from(_lexicon())).map(lambda term: f"Publishing {term} online.")
    return st.one_of(texts(max_size), texts(max_size), vague)


_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 365, "hour": 8760}


@cache
def durations(
    max_years: int = 30, units: tuple[str, ...] = ("year", "month", "week", "day", "hour")
) -> st.SearchStrategy[Duration]:
    """Lengths of time in the units laws use (``3 months``, ``48 hours``), at most ``max_years``."""
    if max_years < 1:
        raise InvalidArgument(f"max_years: need at least 1, got {max_years}")
    bad = [u for u in units if u not in _PER_YEAR]
    if bad or not units:
        raise InvalidArgument(f"units: {bad or units!r} not among {sorted(_PER_YEAR)}")
    return st.one_of(*(_lengths(unit, max_years * _PER_YEAR[unit]) for unit in units))


def _lengths(unit: str, most: int) -> st.SearchStrategy[Duration]:
    return st.integers(1, most).map(lambda n: Duration(Fraction(n), unit))


_DATE = st.dates(date(1950, 1, 1), date(2035, 12, 31))
_DATE_OR_UNSPECIFIED = st.one_of(st.just("unspecified"), _DATE)
_PERIOD = st.one_of(st.sampled_from(("unspecified", "none")), durations())
_CONFIDENCE = st.sampled_from(_choices(Confidence))
_TRI_STATE = st.sampled_from(_TRI)
_OPTIONAL_TEXT = st.one_of(st.none(), texts())


# --- provisions: shared fields ---------------------------------------------


@st.composite
def _legal_status(draw: st.DrawFn) -> LegalStatus:
    state = draw(st.sampled_from(("in_force", "amended", "repealed", "struck_down", "suspended", "not_yet_in_force")))
    ended = state in ("repealed", "struck_down", "suspended")
    decision = (
        Decision(body=draw(texts()), date=draw(_DATE), citation=draw(texts()))
        if state in ("struck_down", "suspended")
        else None
    )
    return LegalStatus.model_validate(
        {
            "state": state,
            "from": draw(_DATE_OR_UNSPECIFIED),
            "until": draw(_DATE_OR_UNSPECIFIED) if ended else None,
            "decision": decision,
        }
    )


_STATUS = _legal_status()
_RARE = st.integers(0, 511)
"""Three rare optional parts in one draw: each is present when its 3-bit group is all ones."""


def _provision_fields(draw: st.DrawFn, paraphrase: st.SearchStrategy[str]) -> dict[str, Any]:
    """Fields common to every provision; sources always resolve to :data:`SOURCE_ID`."""
    fields: dict[str, Any] = {
        "id": draw(identifiers()),
        "citation": draw(texts(400)),
        "paraphrase": draw(paraphrase),
        "sources": (SOURCE_ID,),
        "confidence": draw(_CONFIDENCE),
    }
    rare = draw(_RARE)
    if rare & 0o007 == 0o007:
        fields["title"] = draw(texts())
    if rare & 0o070 == 0o070:
        fields["status"] = draw(_STATUS)
    if rare & 0o700 == 0o700:
        claims = (Claim(value=draw(texts()), source=SOURCE_ID), Claim(value=draw(texts()), source=SOURCE_ID))
        fields["conflicts"] = (Conflict(field=draw(texts()), claims=claims),)
    return fields


# --- penalties and offences --------------------------------------------------

_IMPRISONMENT_KIND = st.sampled_from(("unspecified", "none", "range", "range"))
_MIN_TERM = st.one_of(st.sampled_from(("unspecified", "none")), durations(5))
_MAX_TERM = st.one_of(st.sampled_from(("unspecified", "none", "life")), durations())
_FINE_KIND = st.sampled_from(("unspecified", "none", "amounts"))
_AMOUNT = st.one_of(st.sampled_from(("unspecified", "none")), st.integers(0, 10**7))
_CURRENCY = st.sampled_from((None, "EUR", "TND", "JOD", "USD"))
_COMBINATION = st.sampled_from(_choices(Combination))


@st.composite
def _penalty(draw: st.DrawFn, death_penalty: st.SearchStrategy[Any]) -> Penalty:
    imprisonment: Any = draw(_IMPRISONMENT_KIND)
    if imprisonment == "range":
        imprisonment = Imprisonment(min=draw(_MIN_TERM), max=draw(_MAX_TERM))
    fine: Any = draw(_FINE_KIND)
    if fine == "amounts":
        fine = Fine(min=draw(_AMOUNT), max=draw(_AMOUNT), currency=draw(_CURRENCY))
    return Penalty(
        imprisonment=imprisonment,
        fine=fine,
        combination=draw(_COMBINATION),
        death_penalty=draw(death_penalty),
    )


def penalties(*, death_penalty: Any = None) -> st.SearchStrategy[Penalty]:
    """Penalties: imprisonment ``none``, ``unspecified`` or a range (maximum a length, ``life`` or
    ``none``), a fine, and the death penalty (``death_penalty=True`` asks for it)."""
    return _penalty(_pick("death_penalty", death_penalty, _TRI))


_ANY_PENALTY = penalties()


@st.composite
def _defence(draw: st.DrawFn, kind: st.SearchStrategy[Any], binding: st.SearchStrategy[Any]) -> Defence:
    return Defence(
        kind=draw(kind),
        citation=draw(texts(400)),
        description=draw(texts()),
        binding=draw(binding),
        sources=(SOURCE_ID,),
    )


def defences(*, kind: Any = None, binding: Any = None) -> st.SearchStrategy[Defence]:
    """One defence; e.g. ``defences(kind="security_research", binding=True)``."""
    return _defence(_pick("kind", kind, _choices(DefenceKind)), _pick("binding", binding, (True, False)))


_DEFENCE_LIST = st.one_of(st.sampled_from(("unspecified", "none")), st.lists(defences(), max_size=2).map(tuple))
_AGGRAVATED = st.lists(
    st.builds(AggravatedPenalty, condition=texts(4000), penalty=_ANY_PENALTY, citation=_OPTIONAL_TEXT), max_size=2
).map(tuple)
_GROUPS = st.lists(
    st.builds(
        GroupImpact,
        group=st.sampled_from(_choices(Group)),
        basis=st.sampled_from(("on_its_face", "in_application")),
        sources=st.just((SOURCE_ID,)),
    ),
    max_size=2,
).map(tuple)
_ELEMENTS = st.lists(_prose(), max_size=2).map(tuple)
# Half the offences are cyber-dependent (the Convention's core), so the checkers that
# look only at those see them often.
_CATEGORY = st.one_of(st.sampled_from(sorted(CYBER_DEPENDENT)), st.sampled_from(_choices(OffenceCategory)))
# Occasionally many long undefined terms, to probe the length limits of reasons that list them.
_UNDEFINED_TERMS = st.one_of(
    st.just(()),
    st.lists(texts(400), max_size=2),
    st.lists(texts(400).map(lambda t: t * (400 // len(t))), min_size=11, max_size=12),
).map(tuple)


@st.composite
def _offence(draw: st.DrawFn, picks: dict[str, st.SearchStrategy[Any]]) -> Offence:
    fields = _provision_fields(draw, _prose(4000))
    if draw(st.booleans()):
        fields["excerpt"] = draw(_prose(300))
    return Offence(
        **fields,
        category=draw(picks["category"]),
        mental_element=draw(picks["mental_element"]),
        without_right=draw(picks["without_right"]),
        additional_elements=draw(_ELEMENTS),
        defences=draw(picks["defences"]),
        penalty=draw(_ANY_PENALTY),
        aggravated=draw(_AGGRAVATED),
        undefined_terms=draw(_UNDEFINED_TERMS),
        groups_affected=draw(_GROUPS),
    )


def offences(
    *,
    category: Any = None,
    mental_element: Any = None,
    without_right: Any = None,
    defences: Any = None,
) -> st.SearchStrategy[Offence]:
    """Offences. ``category=CONTENT_CATEGORIES`` asks for content offences; ``defences`` takes
    ``"none"``, ``"unspecified"``, or a strategy of defence tuples."""
    if defences is None:
        defence_list = _DEFENCE_LIST
    elif isinstance(defences, st.SearchStrategy):
        defence_list = defences
    else:
        defence_list = _pick("defences", defences, ("unspecified", "none"))
    return _offence(
        {
            "category": _CATEGORY if category is None else _pick("category", category, _choices(OffenceCategory)),
            "mental_element": _pick("mental_element", mental_element, _choices(MentalElement)),
            "without_right": _pick("without_right", without_right, _TRI),
            "defences": defence_list,
        }
    )


_ANY_OFFENCE = offences()


# --- procedural powers -------------------------------------------------------

# Half the powers are of the kinds the checkers treat specially (surveillance, compelled assistance).
_POWER_KIND = st.one_of(
    st.sampled_from((*SURVEILLANCE_KINDS, "compelled_assistance")), st.sampled_from(_choices(PowerKind))
)
_RENEWALS = st.one_of(st.sampled_from(("unspecified", "unlimited", "none")), st.integers(0, 12))
_DATA_CATEGORIES = st.lists(st.sampled_from(_choices(DataCategory)), max_size=3, unique=True).map(tuple)
_LONG_OPTIONAL_TEXT = st.one_of(st.none(), texts(4000))


@st.composite
def _power(draw: st.DrawFn, picks: dict[str, st.SearchStrategy[Any]]) -> ProceduralPower:
    fields = _provision_fields(draw, texts(4000))
    grounds = draw(picks["grounds"])
    return ProceduralPower(
        **fields,
        kind=draw(picks["kind"]),
        authorisation=draw(picks["authorisation"]),
        ex_post_judicial_review=draw(picks["ex_post_judicial_review"]),
        duration=draw(picks["duration"]),
        renewals=draw(_RENEWALS),
        notification=draw(picks["notification"]),
        remedy=draw(picks["remedy"]),
        grounds=grounds,
        grounds_text=draw(_LONG_OPTIONAL_TEXT) if grounds == "vague" else None,
        proportionality_test=draw(picks["proportionality_test"]),
        applies_to=draw(picks["applies_to"]),
        minimum_penalty_threshold=draw(_PERIOD),
        public_reporting=draw(picks["public_reporting"]),
        self_incrimination_protection=draw(_TRI_STATE),
        data_categories=draw(_DATA_CATEGORIES),
        exercised_by=draw(_OPTIONAL_TEXT),
    )


def procedural_powers(
    *,
    kind: Any = None,
    authorisation: Any = None,
    ex_post_judicial_review: Any = None,
    duration: Any = None,
    notification: Any = None,
    remedy: Any = None,
    grounds: Any = None,
    proportionality_test: Any = None,
    applies_to: Any = None,
    public_reporting: Any = None,
) -> st.SearchStrategy[ProceduralPower]:
    """Powers. ``authorisation=WITHOUT_JUDGE`` asks for powers that neither a judge nor an
    independent body authorises; ``kind=SURVEILLANCE_KINDS`` for secret surveillance;
    ``duration`` takes ``"none"``, ``"unspecified"`` or a strategy such as :func:`durations`."""
    if duration is None:
        duration_pick: st.SearchStrategy[Any] = _PERIOD
    elif isinstance(duration, st.SearchStrategy):
        duration_pick = duration
    else:
        duration_pick = _pick("duration", duration, ("unspecified", "none"))
    return _power(
        {
            "kind": _POWER_KIND if kind is None else _pick("kind", kind, _choices(PowerKind)),
            "authorisation": _pick("authorisation", authorisation, _choices(Authorisation)),
            "ex_post_judicial_review": _pick("ex_post_judicial_review", ex_post_judicial_review, _TRI),
            "duration": duration_pick,
            "notification": _pick("notification", notification, _choices(Notification)),
            "remedy": _pick("remedy", remedy, _TRI),
            "grounds": _pick("grounds", grounds, _choices(Grounds)),
            "proportionality_test": _pick("proportionality_test", proportionality_test, _TRI),
            "applies_to": _pick("applies_to", applies_to, _choices(PowerScope)),
            "public_reporting": _pick("public_reporting", public_reporting, _TRI),
        }
    )


_ANY_POWER = procedural_powers()


# --- cooperation rules -------------------------------------------------------

_PROTECTIVE_GROUNDS = ("persecution_discrimination", "political_offence", "death_penalty", "human_rights")
_GROUND = st.builds(
    RefusalGround,
    ground=st.sampled_from(_choices(RefusalGroundKind)),
    mandatory=_TRI_STATE,
    description=_OPTIONAL_TEXT,
)
_REFUSAL_GROUNDS = st.one_of(
    st.sampled_from(("unspecified", "none")),
    st.lists(_GROUND, max_size=4).map(tuple),
    # Some or all of the protective grounds, so "all present" and "some missing" are both reachable.
    st.tuples(st.permutations(_PROTECTIVE_GROUNDS), st.sampled_from((4, 4, 3, 1)), st.lists(_GROUND, max_size=2)).map(
        lambda t: (*(RefusalGround(ground=g, mandatory=True) for g in t[0][: t[1]]), *t[2])
    ),
)
# Half the rules are of the kinds with the most conditions to check.
_RULE_KIND = st.one_of(
    st.sampled_from(("mutual_legal_assistance", "extradition", "direct_disclosure")),
    st.sampled_from(_choices(CooperationKind)),
)
_DUAL_CRIMINALITY = st.sampled_from(_choices(DualCriminality))
_AUTHORISATION = st.sampled_from(_choices(Authorisation))


@st.composite
def _rule(draw: st.DrawFn, kind: st.SearchStrategy[Any]) -> CooperationRule:
    return CooperationRule(
        **_provision_fields(draw, texts(4000)),
        kind=draw(kind),
        dual_criminality=draw(_DUAL_CRIMINALITY),
        refusal_grounds=draw(_REFUSAL_GROUNDS),
        data_protection_conditions=draw(_TRI_STATE),
        authorisation=draw(_AUTHORISATION),
        requires_request=draw(_TRI_STATE),
    )


def cooperation_rules(*, kind: Any = None) -> st.SearchStrategy[CooperationRule]:
    """Cooperation rules; e.g. ``cooperation_rules(kind="direct_disclosure")``."""
    return _rule(_RULE_KIND if kind is None else _pick("kind", kind, _choices(CooperationKind)))


_ANY_RULE = cooperation_rules()


# --- assistance requests -----------------------------------------------------

_REQ_TRI = st.sampled_from(_TRI)
_REQ_ID = st.from_regex(r"\A[a-z][a-z0-9-]{0,11}\Z")


def described_offences(category: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[DescribedOffence]:
    """Offences as a request describes them (category, maximum penalty, citation)."""
    return st.builds(
        DescribedOffence,
        category=category if category is not None else st.sampled_from(_choices(OffenceCategory)),
        max_penalty=st.one_of(st.sampled_from(["unspecified", "none", "life"]), durations()),
        citation=texts(),
        death_penalty=_REQ_TRI,
    )


def targets(**fixed: Any) -> st.SearchStrategy[Target]:
    """Facts about the person; pass e.g. ``lgbtq=st.just(True)`` to fix one."""
    fields = {name: fixed.get(name, _REQ_TRI) for name in ("identified", *PROTECTED_FACTS)}
    return st.builds(Target, **fields)


def assurances(**fixed: Any) -> st.SearchStrategy[Assurances]:
    """Assurances offered; pass e.g. ``speciality=st.just(True)`` to fix one."""
    return st.builds(
        Assurances,
        no_death_penalty=fixed.get("no_death_penalty", _REQ_TRI),
        speciality=fixed.get("speciality", _REQ_TRI),
    )


@st.composite
def assistance_requests(
    draw: st.DrawFn,
    offence: st.SearchStrategy[Any] | None = None,
    target: st.SearchStrategy[Target] | None = None,
    assurance: st.SearchStrategy[Assurances] | None = None,
    measures: st.SearchStrategy[tuple[str, ...]] | None = None,
    states: tuple[str, str] | None = None,
) -> AssistanceRequest:
    """Valid requests (distinct states, unique measures, data categories consistent with the measures).

    The offence is a described one unless ``offence`` draws references into laws you supply.
    """
    requesting, requested = states or draw(
        st.permutations(["TN", "NL", "DE", "RU", "GB", "US"]).map(lambda p: (p[0], p[1]))
    )
    chosen = draw(
        measures
        if measures is not None
        else st.lists(st.sampled_from(MEASURES), min_size=1, max_size=4, unique=True).map(tuple)
    )
    needs_data = bool(DATA_MEASURES.intersection(chosen))
    category_list = st.lists(
        st.sampled_from(_choices(RequestDataCategory)), min_size=1 if needs_data else 0, max_size=3, unique=True
    )
    basis = draw(st.sampled_from(_choices(LegalBasis)))
    return AssistanceRequest(
        id=draw(_REQ_ID),
        requesting_state=requesting,
        requested_state=requested,
        date=draw(st.one_of(st.just("unspecified"), st.dates(date(2020, 1, 1), date(2030, 12, 31)))),
        legal_basis=basis,
        treaty=draw(st.one_of(st.none(), texts())) if basis == "bilateral_treaty" else None,
        offence=draw(offence if offence is not None else described_offences()),
        conduct=draw(texts()),
        measures=chosen,
        data_categories=draw(st.one_of(st.just("unspecified"), category_list.map(tuple))),
        target=draw(target if target is not None else targets()),
        urgency=draw(st.sampled_from(_choices(Urgency))),
        assurances=draw(assurance if assurance is not None else assurances()),
    )


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
    return NationalLaw(
        id=draw(identifiers()),
        jurisdiction=draw(_JURISDICTION),
        title=draw(texts(400)),
        original_title=draw(_OPTIONAL_TEXT),
        instrument_type=draw(_INSTRUMENT),
        enacted=draw(_DATE_OR_UNSPECIFIED),
        in_force_from=draw(_DATE_OR_UNSPECIFIED),
        in_force=draw(_TRI_STATE),
        amendments=draw(_AMENDMENTS),
        text_used=draw(_TEXT_USED),
        sources=tuple(sources),
        offences=offs,
        procedural_powers=powers,
        cooperation_rules=rules,
        coverage=draw(coverage),
        notes=draw(_OPTIONAL_TEXT),
    )


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


# --- findings and verdicts ---------------------------------------------------

_STATUSES: tuple[Status, ...] = (
    "compliant",
    "non_compliant",
    "partially_compliant",
    "insufficient_information",
    "not_applicable",
)
_ANY_STATUS = st.sampled_from(_STATUSES)
_SEVERITY: st.SearchStrategy[Severity] = st.sampled_from(("info", "low", "medium", "high", "critical"))
_DIMENSION = st.sampled_from(DIMENSIONS)
_EVIDENCE = st.lists(st.tuples(texts(), texts()), max_size=2).map(tuple)


def _concept_keys() -> tuple[str, ...]:
    return tuple(catalogue().concepts)


def _principle_ids() -> tuple[str, ...]:
    return tuple(catalogue().principles)


@st.composite
def _draft(
    draw: st.DrawFn,
    concepts: st.SearchStrategy[list[Any]],
    principles: st.SearchStrategy[list[Any]],
    provision_ids: st.SearchStrategy[Any],
    status: st.SearchStrategy[Any],
) -> FindingDraft:
    chosen: Status = draw(status)
    severity: Severity = "info" if chosen in ("compliant", "not_applicable") else draw(_SEVERITY)
    return FindingDraft(
        rule=draw(identifiers()),
        status=chosen,
        severity=severity,
        dimension=draw(_DIMENSION),
        provision_id=draw(provision_ids),
        concepts=tuple(draw(concepts)),
        principles=tuple(draw(principles)),
        reason=draw(texts()),
        evidence=draw(_EVIDENCE),
        recommendation=draw(_OPTIONAL_TEXT),
        data_confidence=draw(_CONFIDENCE),
    )


def finding_drafts(
    *,
    concepts: Any = None,
    principles: Any = None,
    provision_ids: Sequence[str | None] = (None,),
    status: Any = None,
) -> st.SearchStrategy[FindingDraft]:
    """What a checker returns. By default a draft cites any concept and principle of the
    catalogue; pass those a checker declares (and the ids of a law's provisions) to get
    drafts the engine accepts from that checker for that law."""
    if not provision_ids:
        raise InvalidArgument("provision_ids: give at least one (None stands for the law as a whole)")
    concept_pick = (
        st.deferred(lambda: st.sampled_from(_concept_keys()))
        if concepts is None
        else _pick("concepts", concepts, _concept_keys())
    )
    principle_pick = (
        st.deferred(lambda: st.sampled_from(_principle_ids()))
        if principles is None
        else _pick("principles", principles, _principle_ids())
    )
    return _draft(
        _concept_lists(concept_pick),
        _principle_lists(principle_pick),
        st.sampled_from(tuple(provision_ids)),
        _pick("status", status, _STATUSES),
    )


def _concept_lists(concepts: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(concepts, min_size=1, max_size=2, unique=True)


def _principle_lists(principles: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(principles, max_size=2, unique=True)


_ANY_CONCEPTS = _concept_lists(st.deferred(lambda: st.sampled_from(_concept_keys())))
_ANY_PRINCIPLES = _principle_lists(st.deferred(lambda: st.sampled_from(_principle_ids())))
_ANY_DRAFT = finding_drafts()


def _resolved(d: FindingDraft, law: NationalLaw, convention: str, checker: str, version: str) -> Finding:
    """A draft resolved as the engine resolves one: articles, principles and red lines from the catalogue."""
    cat = catalogue()
    provision = next((p for p in law.provisions() if p.id == d.provision_id), None)
    return Finding(
        checker=checker,
        checker_version=version,
        rule=d.rule,
        status=d.status,
        severity=d.severity,
        dimension=d.dimension,
        provision=ProvisionRef(
            law_id=law.id,
            provision_id=provision.id if provision else None,
            citation=provision.citation if provision else "(the instrument as a whole)",
        ),
        articles=tuple(
            ArticleCitation(concept=a.concept, ref=a.ref, title=a.title, version=convention, confidence=a.confidence)
            for a in (cat.resolve(k, convention) for k in d.concepts)
        ),
        principles=tuple(cat.principle_citation(pid) for pid in d.principles),
        red_lines=cat.red_lines_for(d.principles, d.concepts),
        reason=d.reason,
        evidence=tuple(Evidence(path=p, value=v) for p, v in d.evidence),
        confidence=d.data_confidence,
        recommendation=d.recommendation,
    )


_SMALL_LAW = national_laws(max_offences=2, max_powers=1, max_rules=1)
_CONVENTION = st.sampled_from(TEXT_VERSIONS)
_VERSION = st.sampled_from(("1.0", "0.1", "2.3"))


@st.composite
def _finding(draw: st.DrawFn, law: NationalLaw | None, status: st.SearchStrategy[Any]) -> Finding:
    subject = law if law is not None else draw(_SMALL_LAW)
    ids = (None, *(p.id for p in subject.provisions()))
    d = draw(_draft(_ANY_CONCEPTS, _ANY_PRINCIPLES, st.sampled_from(ids), status))
    return _resolved(d, subject, draw(_CONVENTION), draw(identifiers()), draw(_VERSION))


def findings(*, law: NationalLaw | None = None, status: Any = None) -> st.SearchStrategy[Finding]:
    """Resolved findings about ``law`` (a generated law if not given), citing real catalogue rows."""
    return _finding(law, _pick("status", status, _STATUSES))


@st.composite
def _verdict(draw: st.DrawFn, laws: st.SearchStrategy[NationalLaw], max_findings: int) -> Verdict:
    law = draw(laws)
    convention = draw(_CONVENTION)
    checker_ids = draw(st.lists(identifiers(), min_size=1, max_size=3, unique=True))
    ids = st.sampled_from((None, *(p.id for p in law.provisions())))
    found = []
    for _ in range(draw(st.integers(0, max_findings))):
        d = draw(_draft(_ANY_CONCEPTS, _ANY_PRINCIPLES, ids, _ANY_STATUS))
        found.append(_resolved(d, law, convention, draw(st.sampled_from(checker_ids)), "1.0"))
    found.sort(key=finding_order)
    return Verdict(
        law=LawIdentity(id=law.id, jurisdiction=law.jurisdiction, title=law.title, content_hash=law.content_hash()),
        as_of=draw(_DATE),
        convention=convention,
        library_version=draw(st.sampled_from(("0.1.0", "1.0.0"))),
        checkers=tuple(CheckerInfo(id=c, version="1.0", title=c, plugin="generated") for c in sorted(checker_ids)),
        complete=True,
        findings=tuple(found),
        summary=summarise(found, catalogue()),
    )


def verdicts(
    *, laws: st.SearchStrategy[NationalLaw] | None = None, max_findings: int = 6
) -> st.SearchStrategy[Verdict]:
    """Complete verdicts whose summaries are derived from their findings by the engine's own rule."""
    _size("findings", 0, max_findings)
    subjects = laws if laws is not None else national_laws(max_offences=3, max_powers=2, max_rules=1)
    return _verdict(subjects, max_findings)


# --- registration ------------------------------------------------------------

st.register_type_strategy(NationalLaw, national_laws())
st.register_type_strategy(Offence, _ANY_OFFENCE)
st.register_type_strategy(Penalty, _ANY_PENALTY)
st.register_type_strategy(Defence, defences())
st.register_type_strategy(ProceduralPower, _ANY_POWER)
st.register_type_strategy(CooperationRule, _ANY_RULE)
st.register_type_strategy(Duration, durations())
st.register_type_strategy(FindingDraft, _ANY_DRAFT)
st.register_type_strategy(Finding, findings())
st.register_type_strategy(Verdict, verdicts())
st.register_type_strategy(AssistanceRequest, assistance_requests())
