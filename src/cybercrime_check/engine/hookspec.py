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
    evaluated law, in a worker process of its own with ``Checker.timeout``
    seconds (a finite number above 0) and a memory limit, so its function
    must be importable (defined at the top level of a module). It
    receives a frozen :class:`~cybercrime_check.NationalLaw` (already cut to
    the as-of date) and an :class:`~cybercrime_check.EvaluationContext`, and
    must return an iterable of :class:`~cybercrime_check.FindingDraft` (at most
    10,000 plus 20 per provision of the law). It must not mutate anything
    (the engine checks that the law and the catalogue are unchanged
    afterwards), must be deterministic, and should return
    ``insufficient_information`` (never ``compliant``) where the data says
    ``unspecified``. If it raises (``SystemExit`` and ``KeyboardInterrupt``
    included), ends its process, hangs, runs out of memory, changes its
    input, or returns anything else, the engine records one ``error`` finding
    naming it and marks the verdict incomplete; the other checkers' findings
    are unaffected. What it prints goes to standard error.
    """
