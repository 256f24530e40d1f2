"""The plugin contract: the hooks a ``cybercrime_check`` plugin may implement.

A plugin is any object or module with functions decorated by
:data:`hookimpl`. Install one under the entry-point group ``cybercrime_check``
or pass it to :func:`cybercrime_check.evaluate` with ``plugins=[...]``.

Example::

    from cybercrime_check import Checker, draft, hookimpl

    def _check(law, ctx):
        ...

    @hookimpl
    def cybercrime_check_checkers():
        return [Checker(id="my-org.my-check", ...)]
"""

from __future__ import annotations

from collections.abc import Sequence

import pluggy

from .checker import Checker

PROJECT = "cybercrime_check"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def cybercrime_check_checkers() -> Sequence[Checker]:  # type: ignore[empty-body]
    """Contribute checkers.

    **When:** once, when the engine builds its registry (at the first
    ``evaluate`` call or ``cybercrime-check checkers``), after the built-in
    plugin and before any law is evaluated.

    **Receives:** nothing.

    **Must return:** a sequence of :class:`~cybercrime_check.Checker`
    objects. Each ``id`` must be unique across all plugins (use a prefix such
    as ``my-org.``); a duplicate id is reported as a load failure of the
    later plugin. Each checker's ``concepts`` must be keys of
    ``policies/concepts.yaml`` and its ``principles`` ids of
    ``policies/principles.yaml``.

    **The checker function** ``check(law, context)`` is then called once per
    evaluated law, in its own thread with ``Checker.timeout`` seconds. It
    receives a frozen :class:`~cybercrime_check.NationalLaw` (already cut to
    the as-of date) and an :class:`~cybercrime_check.EvaluationContext`, and
    must return an iterable of :class:`~cybercrime_check.FindingDraft`. It
    must not mutate anything, must be deterministic, and should return
    ``insufficient_information`` (never ``compliant``) where the data says
    ``unspecified``. If it raises, hangs, or returns anything else, the engine
    records one ``error`` finding naming it and marks the verdict incomplete;
    the other checkers' findings are unaffected.
    """
