"""Tools for testing checkers and plugins (install with the ``[testing]`` extra).

- :mod:`.strategies`: hypothesis strategies for laws, offences, penalties,
  procedural powers, cooperation rules, findings and verdicts, registered so
  that ``st.from_type(NationalLaw)`` works;
- :mod:`.contract`: the plugin contract as property tests,
  :func:`check_contract` (one checker) and :func:`check_plugin` (a plugin
  object), with declarable monotonicity properties.

Nothing in the core imports this package at run time.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "cybercrime_check.testing needs hypothesis; install it with: pip install 'cybercrime-check[testing]'"
    ) from exc

from .contract import (
    RELATIONS,
    TRANSFORMS,
    Change,
    ContractReport,
    ContractViolation,
    Monotone,
    Relation,
    Transform,
    check_contract,
    check_installed,
    check_plugin,
)
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
