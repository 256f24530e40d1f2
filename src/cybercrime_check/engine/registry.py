"""The registry: checkers from the built-ins, installed entry points and plugin objects.

Each entry point is loaded on its own, so one broken plugin becomes a :class:`LoadFailure`, never a crash.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, cast

import pluggy

from ..errors import UsageError
from . import hookspec
from .catalogue import Catalogue, catalogue
from .checker import Checker
from .worker import describe

ENTRY_POINT_GROUP = "cybercrime_check"


@dataclass(frozen=True)
class LoadFailure:
    plugin: str
    error: str


@dataclass(frozen=True)
class Registry:
    """The checkers available, where each came from, and plugins that failed to load."""

    checkers: tuple[tuple[Checker, str], ...]
    failures: tuple[LoadFailure, ...]

    def select(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] = ()
    ) -> tuple[tuple[Checker, str], ...]:
        known = {c.id for c, _ in self.checkers}
        wanted = set(include) if include is not None else None
        unknown = ((wanted or set()) | set(exclude)) - known
        if unknown:
            raise UsageError(
                "unknown checker id(s): " + ", ".join(sorted(unknown)) + "; see `cybercrime-check checkers`"
            )
        return tuple(
            (c, p) for c, p in self.checkers if (wanted is None or c.id in wanted) and c.id not in set(exclude)
        )


def build_registry(
    plugins: Sequence[object] = (), *, third_party: bool = True, cat: Catalogue | None = None
) -> Registry:
    """Collect checkers from the built-ins, installed entry points and ``plugins``.

    Each entry point is loaded on its own: one broken plugin becomes a
    :class:`LoadFailure`, never a crash.
    """
    from ..checkers import builtin_plugin

    cat = cat or catalogue()
    pm = pluggy.PluginManager(hookspec.PROJECT)
    pm.add_hookspecs(hookspec)
    failures: list[LoadFailure] = []
    sources: list[tuple[str, object]] = [("builtin", builtin_plugin)]
    if third_party:
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            try:
                sources.append((ep.name, ep.load()))
            except BaseException as exc:  # a broken plugin must not stop the others, SystemExit at import included
                failures.append(LoadFailure(ep.name, describe(exc)))
    sources.extend((plugin_name(p), p) for p in plugins)
    checkers: list[tuple[Checker, str]] = []
    seen: set[str] = set()
    for name, plugin in sources:
        ours: list[Checker] = []
        try:
            pm.register(plugin, name=name)
            # A misspelled hook implementation is an error, not a plugin that silently contributes nothing.
            pm.check_pending()
            impl = pm.hook.cybercrime_check_checkers.get_hookimpls()
            for hook in (h for h in impl if h.plugin_name == name):
                for checker in cast("Sequence[Any]", hook.function()):
                    validate_checker(checker, cat, seen | {c.id for c in ours})
                    ours.append(checker)
        except BaseException as exc:  # its hook may raise SystemExit or KeyboardInterrupt too
            # All or nothing: a plugin that fails to load contributes no checker at all.
            failures.append(LoadFailure(name, describe(exc)))
            try:
                if pm.is_registered(plugin):
                    pm.unregister(plugin)
            except Exception:  # pragma: no cover - an object pluggy cannot even look up
                pass
            continue
        seen.update(c.id for c in ours)
        checkers.extend((c, name) for c in ours)
    checkers.sort(key=lambda cp: cp[0].id)
    return Registry(tuple(checkers), tuple(failures))


def plugin_name(plugin: object) -> str:
    return getattr(plugin, "__name__", None) or type(plugin).__name__


def validate_checker(checker: Any, cat: Catalogue, seen: set[str]) -> None:
    if not isinstance(checker, Checker):
        raise TypeError(f"expected a Checker, got {type(checker).__name__}")
    if checker.id in seen:
        raise ValueError(f"checker id {checker.id!r} is already registered")
    timeout = checker.timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not math.isfinite(timeout) or timeout <= 0:
        raise ValueError(
            f"checker {checker.id!r} has timeout {timeout!r}; it must be a finite number of seconds above 0"
        )
    for key in checker.concepts:
        cat.resolve(key)
    for pid in checker.principles:
        cat.principle(pid)
