"""Deprecated import path: use :mod:`cybercrime_check.cooperation.triage` (works until 0.3, with a warning)."""

from ._deprecated import moved

__deprecated__ = True
__getattr__ = moved(
    __name__,
    "cybercrime_check.cooperation.triage",
    "cybercrime_check.cooperation.triage.decision",
    "cybercrime_check.cooperation.triage.facts",
    "cybercrime_check.cooperation.triage.basis",
    "cybercrime_check.cooperation.triage.dual_criminality",
    "cybercrime_check.cooperation.triage.refusal",
    "cybercrime_check.cooperation.triage.protection",
    "cybercrime_check.cooperation.triage.measures",
    "cybercrime_check.cooperation.triage.triager",
    "cybercrime_check.model.wording",
)
