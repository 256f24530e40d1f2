"""Triage of a cross-border assistance request: each ground cited, and the decision they add up to.

A ground is one question a requested state's central authority asks of an incoming request:
is it within the Convention's scope, is dual criminality met, is the offence political, is there
reason to believe it serves persecution, does it punish protected expression, is the person in a
protected situation, is the death penalty at stake, can the requested state's law carry out the
measure, and on what conditions may personal data leave the country. Each ground is a small
function returning a :class:`Ground` that cites the Convention article (in the chosen text version,
through the catalogue, with its confidence) and the requested state's own provision where one is
modelled.

**Strictness order** (how far an outcome is from plain assistance), used to combine grounds and in
the property tests::

    assist < assist_with_conditions < need_information < may_refuse < must_refuse

The decision takes the strictest effect among the grounds. ``need_information`` sits below the
refusals: a missing fact can hold up assistance but never establishes a ground to refuse, and a
ground to refuse that is already established does not wait for the missing fact. ``must_refuse``
comes only from a mandatory refusal ground in the requested state's modelled law, from
non-refoulement (extradition of a person protected in the requested state) or from a measure the
requested state's law does not allow for the offence; the Convention's own refusal grounds are
permissions ("may refuse"), never obligations.

The grounds live one group per module (``basis``, ``dual_criminality``, ``refusal``,
``protection``, ``measures``); ``facts`` holds what they read and ``triager`` combines them.

Analysis support, not legal advice.
"""

from __future__ import annotations

from .decision import (
    DISCLAIMER,
    GROUND_KINDS,
    OUTCOMES,
    SCHEMA_ID,
    STRICTNESS,
    Decision,
    Ground,
    GroundKind,
    MeasureOutcome,
    NationalCitation,
    Outcome,
    decide,
    strictest,
)
from .triager import Triager, triage

__all__ = [
    "DISCLAIMER",
    "GROUND_KINDS",
    "OUTCOMES",
    "SCHEMA_ID",
    "STRICTNESS",
    "Decision",
    "Ground",
    "GroundKind",
    "MeasureOutcome",
    "NationalCitation",
    "Outcome",
    "Triager",
    "decide",
    "strictest",
    "triage",
]
