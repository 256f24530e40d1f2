"""cybercrime-check: national cybercrime laws as typed data, checked against the UN
Convention against Cybercrime and international human-rights principles.

Output is analysis support, not legal advice.
"""

from __future__ import annotations

from ._version import __version__
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
