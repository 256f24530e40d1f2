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
    pass


def render_verdicts(verdicts: Sequence[Verdict], fmt: str, *, show_all: bool = False) -> str:
    if fmt == "csv":
        return render_csv(verdicts)
    if fmt == "json":
        if len(verdicts) == 1:
            return verdicts[0].to_json()
        data = [v.model_dump(mode="json", by_alias=True) for v in verdicts]
        return json.dumps({"verdicts": data}, ensure_ascii=False, indent=2) + "\n"
    render = render_markdown if fmt == "markdown" else render_text
    return "\n".join(render(v, show_all=show_all) for v in verdicts)
