"""Deprecated import path: use :mod:`cybercrime_check.model.law` (works until 0.3, with a warning)."""

from ._deprecated import moved

__deprecated__ = True
__getattr__ = moved(__name__, "cybercrime_check.model.law")
