"""Tools for testing checkers and plugins (install with the ``[testing]`` extra).

- :mod:`.strategies`: hypothesis strategies for laws, offences, penalties,
  procedural powers, cooperation rules, findings and verdicts (one module per
  model), registered so that ``st.from_type(NationalLaw)`` works;
- :mod:`.contract`: the plugin contract as property tests,
  :func:`check_contract` (one checker) and :func:`check_plugin` (a plugin
  object); :mod:`.monotonicity` holds the declarable monotonicity properties;
- :mod:`.pytest_plugin`: the ``checker_contract`` fixture (entry point ``pytest11``).

Nothing in the core imports this package at run time, and the names below are
imported on first use, so that pytest can load the fixture plugin before
hypothesis is imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .contract import ContractReport, ContractViolation, check_contract, check_installed, check_plugin
    from .monotonicity import RELATIONS, TRANSFORMS, Change, Monotone, Relation, Transform
    from .strategies import (
        CONTENT_CATEGORIES,
        INDEPENDENT,
        SOURCE_ID,
        SURVEILLANCE_KINDS,
        WITHOUT_JUDGE,
        assistance_requests,
        assurances,
        cooperation_rules,
        defences,
        described_offences,
        durations,
        finding_drafts,
        findings,
        identifiers,
        national_laws,
        offences,
        penalties,
        procedural_powers,
        targets,
        texts,
        verdicts,
    )

_CONTRACT = ("ContractReport", "ContractViolation", "check_contract", "check_installed", "check_plugin")
_MONOTONICITY = ("RELATIONS", "TRANSFORMS", "Change", "Monotone", "Relation", "Transform")
_STRATEGIES = (
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
)
_EXPORTS = {
    **dict.fromkeys(_CONTRACT, "contract"),
    **dict.fromkeys(_MONOTONICITY, "monotonicity"),
    **dict.fromkeys(_STRATEGIES, "strategies"),
}

__all__ = [
    "CONTENT_CATEGORIES",
    "INDEPENDENT",
    "RELATIONS",
    "SOURCE_ID",
    "SURVEILLANCE_KINDS",
    "TRANSFORMS",
    "WITHOUT_JUDGE",
    "Change",
    "ContractReport",
    "ContractViolation",
    "Monotone",
    "Relation",
    "Transform",
    "assistance_requests",
    "assurances",
    "check_contract",
    "check_installed",
    "check_plugin",
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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        import hypothesis  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            "cybercrime_check.testing needs hypothesis; install it with: pip install 'cybercrime-check[testing]'"
        ) from exc
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
