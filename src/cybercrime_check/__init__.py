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
    from .engine.catalogue import catalogue
    from .engine.checker import Checker, EvaluationContext, FindingDraft, draft
    from .engine.evaluation import evaluate
    from .engine.findings import findings_from_drafts
    from .engine.hookspec import hookimpl
    from .engine.registry import build_registry
    from .engine.verdict import Dimension, Finding, Severity, Status, Verdict
    from .errors import CatalogueError, CybercrimeCheckError, LawDataError, Problem, UsageError
    from .files.loader import dump_law_yaml, load_law, load_laws
    from .model.cooperation import CooperationRule
    from .model.law import NationalLaw
    from .model.offence import Offence
    from .model.penalty import Penalty
    from .model.procedural_power import ProceduralPower

_EXPORTS: dict[str, str] = {
    "CatalogueError": "errors",
    "Checker": "engine.checker",
    "CooperationRule": "model.cooperation",
    "CybercrimeCheckError": "errors",
    "Dimension": "engine.verdict",
    "EvaluationContext": "engine.checker",
    "Finding": "engine.verdict",
    "FindingDraft": "engine.checker",
    "LawDataError": "errors",
    "NationalLaw": "model.law",
    "Offence": "model.offence",
    "Penalty": "model.penalty",
    "Problem": "errors",
    "ProceduralPower": "model.procedural_power",
    "Severity": "engine.verdict",
    "Status": "engine.verdict",
    "UsageError": "errors",
    "Verdict": "engine.verdict",
    "build_registry": "engine.registry",
    "catalogue": "engine.catalogue",
    "draft": "engine.checker",
    "dump_law_yaml": "files.loader",
    "evaluate": "engine.evaluation",
    "findings_from_drafts": "engine.findings",
    "hookimpl": "engine.hookspec",
    "load_law": "files.loader",
    "load_laws": "files.loader",
}

__all__ = [
    "CatalogueError",
    "Checker",
    "CooperationRule",
    "CybercrimeCheckError",
    "Dimension",
    "EvaluationContext",
    "Finding",
    "FindingDraft",
    "LawDataError",
    "NationalLaw",
    "Offence",
    "Penalty",
    "Problem",
    "ProceduralPower",
    "Severity",
    "Status",
    "UsageError",
    "Verdict",
    "__version__",
    "build_registry",
    "catalogue",
    "draft",
    "dump_law_yaml",
    "evaluate",
    "findings_from_drafts",
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
