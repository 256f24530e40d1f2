"""Render verdicts in the format asked for (HTML lives in :mod:`.html`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..engine.verdict import Verdict
from .markdown import render_markdown
from .tables import render_csv
from .text import render_text

if TYPE_CHECKING:
    from ..model.law import NationalLaw


def render_verdicts(
    verdicts: Sequence[Verdict], fmt: str, *, show_all: bool = False, laws: Sequence[NationalLaw] | None = None
) -> str:
    """Verdicts as text, Markdown, CSV or JSON; Markdown shows the laws' sources and caveats when given them."""
    if fmt == "csv":
        return render_csv(verdicts)
    if fmt == "json":
        if len(verdicts) == 1:
            return verdicts[0].to_json()
        data = [v.model_dump(mode="json", by_alias=True) for v in verdicts]
        return json.dumps({"verdicts": data}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        given = list(laws) if laws is not None else [None] * len(verdicts)
        return "\n".join(render_markdown(v, show_all=show_all, law=law) for v, law in zip(verdicts, given, strict=True))
    return "\n".join(render_text(v, show_all=show_all) for v in verdicts)
