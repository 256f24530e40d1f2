"""Deprecated import path: use :mod:`cybercrime_check.reports.render` (works until 0.3, with a warning)."""

from ._deprecated import moved

__deprecated__ = True
__getattr__ = moved(
    __name__,
    "cybercrime_check.reports.render",
    "cybercrime_check.reports.text",
    "cybercrime_check.reports.markdown",
    "cybercrime_check.reports.tables",
)
