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

from hypothesis import strategies as st

from ...cooperation.request import AssistanceRequest
from ...engine.checker import FindingDraft
from ...engine.verdict import Finding, Verdict
from ...model.cooperation import CooperationRule
from ...model.fields import Duration
from ...model.law import NationalLaw
from ...model.offence import Defence, Offence
from ...model.penalty import Penalty
from ...model.procedural_power import ProceduralPower
from ._base import (
    CONTENT_CATEGORIES,
    INDEPENDENT,
    SOURCE_ID,
    SURVEILLANCE_KINDS,
    WITHOUT_JUDGE,
    durations,
    identifiers,
    texts,
)
from .cooperation import _ANY_RULE, cooperation_rules
from .law import national_laws
from .offence import _ANY_OFFENCE, _ANY_PENALTY, defences, offences, penalties
from .procedural_power import _ANY_POWER, procedural_powers
from .request import assistance_requests, assurances, described_offences, targets
from .verdict import _ANY_DRAFT, finding_drafts, findings, verdicts

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
