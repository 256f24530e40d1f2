"""Old import paths (before the subpackages of 0.2) kept working for one release, with a warning.

Each old module is a thin file whose attribute lookups are forwarded to the new modules; importing
it warns once with :class:`DeprecationWarning` pointing at the importing line, not at importlib.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from importlib import import_module
from typing import Any

REMOVED_IN = "0.3"


def _caller_stacklevel() -> int:
    """The stack level of the first frame outside this file, the shim and the import machinery.

    ``warnings.warn`` itself skips importlib's frames when it counts, so they are not counted here.
    """
    frame = sys._getframe(1)
    level = 1
    while frame is not None:
        name = frame.f_code.co_filename
        if "importlib" in name and "_bootstrap" in name:
            frame = frame.f_back  # type: ignore[assignment]
            continue
        if not (name == __file__ or frame.f_globals.get("__deprecated__")):
            return level
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def warn_moved(old: str, new: str) -> None:
    warnings.warn(
        f"{old} is deprecated and will be removed in cybercrime-check {REMOVED_IN}; import from {new} instead",
        DeprecationWarning,
        stacklevel=_caller_stacklevel(),
    )


def moved(old: str, *new: str) -> Callable[[str], Any]:
    """Warn that module ``old`` moved, and return the ``__getattr__`` that forwards to ``new`` (in order)."""
    warn_moved(old, new[0])

    def __getattr__(name: str) -> Any:
        for target in new:
            module = import_module(target)
            if hasattr(module, name):
                return getattr(module, name)
        raise AttributeError(f"module {old!r} has no attribute {name!r}")

    return __getattr__


def forward(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """``__getattr__`` for a package that was a module: old names resolve to their new modules, with a warning."""

    def __getattr__(name: str) -> Any:
        target = names.get(name)
        if target is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        warn_moved(f"{package}.{name}", f"{target}.{name}")
        return getattr(import_module(target), name)

    return __getattr__
