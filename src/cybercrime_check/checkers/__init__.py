"""The built-in checkers, one module each, registered as the ``builtin`` plugin."""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.checker import Checker
from ..engine.hookspec import hookimpl
from . import (
    compelled_assistance,
    cooperation_exposure,
    criminalisation,
    data_sharing,
    legality,
    procedural_scope,
    protected_expression,
    provision_status,
    researchers,
    safeguards,
    scope,
)

BUILTIN: tuple[Checker, ...] = (
    scope.CHECKER,
    criminalisation.CHECKER,
    legality.CHECKER,
    protected_expression.CHECKER,
    researchers.CHECKER,
    safeguards.CHECKER,
    procedural_scope.CHECKER,
    compelled_assistance.CHECKER,
    cooperation_exposure.CHECKER,
    data_sharing.CHECKER,
    provision_status.CHECKER,
)


class _BuiltinPlugin:
    """The plugin object that contributes the built-in checkers."""

    __name__ = "builtin"

    @hookimpl
    def cybercrime_check_checkers(self) -> Sequence[Checker]:
        return BUILTIN


builtin_plugin = _BuiltinPlugin()
