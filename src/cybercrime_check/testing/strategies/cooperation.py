"""Strategies for cooperation rules."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ...model.cooperation import CooperationKind, CooperationRule, DualCriminality, RefusalGround, RefusalGroundKind
from ...model.procedural_power import (
    Authorisation,
)
from ._base import _OPTIONAL_TEXT, _TRI_STATE, _choices, _pick, _provision_fields, texts

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
