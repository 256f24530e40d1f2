"""Running one checker so that it cannot take the evaluation down.

pluggy stops at the first exception and has no time-outs, so the engine does not call checkers
through the hook: it runs each registered :class:`Checker` itself and turns a crash, a hang or
garbage output into a problem description.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import Any

from ..model.law import NationalLaw
from .checker import Checker, EvaluationContext, FindingDraft


def run_checker(
    checker: Checker,
    law: NationalLaw,
    ctx: EvaluationContext,
    provision_ids: frozenset[str],
    *,
    trusted: bool = False,
    limbs: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[FindingDraft], str | None]:
    """Run one checker and return its drafts or a problem description.

    Third-party checkers run in a daemon thread so that a hang becomes a
    time-out; the built-ins (which never block) run inline, and exceeding the
    budget still counts as a failure.
    """
    box: dict[str, Any] = {}
    if trusted:
        start = time.perf_counter()
        try:
            box["result"] = list(checker.check(law, ctx))
        except Exception as exc:
            return [], f"Checker {checker.id!r} raised {type(exc).__name__}: {exc}."
        if time.perf_counter() - start > checker.timeout:
            return [], f"Checker {checker.id!r} did not finish within {checker.timeout:g} s."
        return validate_output(checker, provision_ids, box["result"], limbs)

    def target() -> None:
        try:
            box["result"] = list(checker.check(law, ctx))
        except Exception as exc:
            box["error"] = f"{type(exc).__name__}: {exc}"

    thread = threading.Thread(target=target, name=f"checker:{checker.id}", daemon=True)
    thread.start()
    thread.join(checker.timeout)
    if thread.is_alive():
        return [], f"Checker {checker.id!r} did not finish within {checker.timeout:g} s."
    if "error" in box:
        return [], f"Checker {checker.id!r} raised {box['error']}."
    return validate_output(checker, provision_ids, box.get("result", []), limbs)


def validate_output(
    checker: Checker,
    provision_ids: frozenset[str],
    drafts: list[Any],
    limbs: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[FindingDraft], str | None]:
    """The drafts if every one is a finding the checker may return, else a problem description."""
    allowed_concepts = set(checker.concepts)
    allowed_principles = set(checker.principles)
    for item in drafts:
        if not isinstance(item, FindingDraft):
            return [], f"Checker {checker.id!r} returned {type(item).__name__}, not a FindingDraft."
        bad = set(item.concepts) - allowed_concepts
        if bad:
            return [], f"Checker {checker.id!r} cited undeclared concept(s) {sorted(bad)}."
        badp = set(item.principles) - allowed_principles
        if badp:
            return [], f"Checker {checker.id!r} cited undeclared principle(s) {sorted(badp)}."
        if item.provision_id is not None and item.provision_id not in provision_ids:
            return [], f"Checker {checker.id!r} cited unknown provision {item.provision_id!r}."
        if item.limb is not None and limbs is not None and item.limb not in limbs.get(item.provision_id or "", ()):
            return [], f"Checker {checker.id!r} cited unknown limb {item.limb!r} of {item.provision_id!r}."
        if checker.rules and item.rule not in {r.id for r in checker.rules}:
            return [], f"Checker {checker.id!r} returned a finding of undeclared rule {item.rule!r}."
    return drafts, None
