"""cybercrime-check: national cybercrime laws as typed data, checked against the UN
Convention against Cybercrime and international human-rights principles.

Output is analysis support, not legal advice.

The public names below are imported on first use (PEP 562), so that
``import cybercrime_check`` and ``cybercrime-check --version`` stay as cheap
as importing the dependencies, and a command loads only what it needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .catalogue import catalogue
    from .checker import Checker, EvaluationContext, FindingDraft, draft
    from .cooperation import CooperationRule
    from .engine import build_registry, evaluate
    from .errors import CatalogueError, CybercrimeCheckError, LawDataError, Problem, UsageError
    from .hookspec import hookimpl
    from .law import NationalLaw
    from .loader import dump_law_yaml, load_law, load_laws
    from .offence import Offence, Penalty
    from .procedural_power import ProceduralPower
    from .verdict import Finding, Verdict

_EXPORTS: dict[str, str] = {
    "CatalogueError": "errors",
    "Checker": "checker",
    "CooperationRule": "cooperation",
    "CybercrimeCheckError": "errors",
    "EvaluationContext": "checker",
    "Finding": "verdict",
    "FindingDraft": "checker",
    "LawDataError": "errors",
    "NationalLaw": "law",
    "Offence": "offence",
    "Penalty": "offence",
    "Problem": "errors",
    "ProceduralPower": "procedural_power",
    "UsageError": "errors",
    "Verdict": "verdict",
    "build_registry": "engine",
    "catalogue": "catalogue",
    "draft": "checker",
    "dump_law_yaml": "loader",
    "evaluate": "engine",
    "hookimpl": "hookspec",
    "load_law": "loader",
    "load_laws": "loader",
}

__all__ = [
    "CatalogueError",
    "Checker",
    "CooperationRule",
    "CybercrimeCheckError",
    "EvaluationContext",
    "Finding",
    "FindingDraft",
    "LawDataError",
    "NationalLaw",
    "Offence",
    "Penalty",
    "Problem",
    "ProceduralPower",
    "UsageError",
    "Verdict",
    "__version__",
    "build_registry",
    "catalogue",
    "draft",
    "dump_law_yaml",
    "evaluate",
    "hookimpl",
    "load_law",
    "load_laws",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cybercrime_check' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return __all__
