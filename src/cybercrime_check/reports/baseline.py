"""Baselines: show only what is new or worse than a verdict saved earlier, and count what was left out.

As ruff and Checkov do for code, a team can accept today's findings and let CI show only what changes. Findings
are paired by (dimension, checker, rule, provision, limb), in order, as ``diff`` pairs them; a finding is shown
when it has no counterpart in the baseline and is not a pass, or when its status or severity got worse. Nothing
is dropped silently: the verdict says how many findings the baseline hid.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..engine.verdict import BaselineNote, Verdict
from ..errors import LawDataError, Problem
from .diff import diff_verdicts

SHOWN_WHEN_NEW = frozenset({"non_compliant", "partially_compliant", "insufficient_information", "exposed", "error"})


def load_baseline(path: str | os.PathLike[str]) -> Verdict:
    """A verdict JSON written earlier by ``evaluate --format json``."""
    from pydantic import ValidationError

    name = str(path)
    try:
        return Verdict.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LawDataError([Problem(name, 0, 0, "", f"cannot read the baseline: {exc}", "baseline")]) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        message = f"not a verdict JSON written by cybercrime-check: {first['msg']}"
        raise LawDataError([Problem(name, 0, 0, where, message, "baseline")]) from None


def against_baseline(verdict: Verdict, baseline: Verdict, baseline_file: str) -> Verdict:
    """``verdict`` with only the findings that are new or worse than in ``baseline``."""
    if baseline.law.id != verdict.law.id:
        raise LawDataError(
            [
                Problem(
                    baseline_file,
                    0,
                    0,
                    "law.id",
                    f"the baseline is about {baseline.law.id!r}, not {verdict.law.id!r}",
                    "baseline",
                )
            ]
        )
    changes = diff_verdicts(baseline, verdict)
    wanted = {
        (c.dimension, c.checker, c.rule, c.provision_id or "", c.new_status, c.new_severity, c.reason)
        for c in changes
        if (c.change == "appeared" and c.new_status in SHOWN_WHEN_NEW)
        or (c.change == "changed" and c.direction in ("worse", "unclear"))
    }
    kept = tuple(
        f
        for f in verdict.findings
        if (f.dimension, f.checker, f.rule, f.provision.provision_id or "", f.status, f.severity, f.reason) in wanted
    )
    note = BaselineNote(
        file=baseline_file,
        law_hash=baseline.law.content_hash,
        as_of=baseline.as_of,
        shown=len(kept),
        hidden=len(verdict.findings) - len(kept),
        resolved=sum(1 for c in changes if c.change == "disappeared" and c.old_status in SHOWN_WHEN_NEW),
    )
    return verdict.model_copy(update={"findings": kept, "baseline": note})
