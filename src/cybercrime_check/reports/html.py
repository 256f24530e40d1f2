"""HTML reports people read, print and attach: one law, or many with a heatmap.

Rendered with Jinja2 (autoescape on, undefined variables are errors) into one
self-contained file: inline CSS, no scripts, no external assets. Law data is
untrusted input, so everything is escaped and a link is drawn only for an
``http``/``https`` address; anything else is shown as inert text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..engine.catalogue import TEXT_VERSIONS, catalogue
from ..engine.verdict import DIMENSIONS, SEVERITY_RANK, STATUS_BADNESS, STATUS_MARK, Finding, Verdict
from ..model.wording import words

if TYPE_CHECKING:
    import jinja2

    from ..cooperation.exposure import ExposureMap
    from ..model.law import NationalLaw
    from .compare import Cell, Column, Comparison

STATUS_LABEL = {
    "non_compliant": "Non-compliant",
    "partially_compliant": "Partially compliant",
    "error": "Checker error",
    "insufficient_information": "Insufficient information",
    "exposed": "Exposed to cross-border cooperation",
    "compliant": "Compliant",
    "not_applicable": "Not applicable",
    None: "No finding",
}

VERSION_LABEL = {"uncc-2024": "adopted text (2024)", "uncc-draft-2024-02": "February 2024 draft"}


def safe_url(url: object) -> str | None:
    """The address if it is a plain http(s) URL, else None (never a ``javascript:`` link)."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cybercrime_check.reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        STATUS_LABEL=STATUS_LABEL,
        STATUS_MARK=STATUS_MARK,
        DIMENSIONS=DIMENSIONS,
        VERSION_LABEL=VERSION_LABEL,
    )
    from ..engine.review import review_words
    from .lawyer import CONFIDENCE_WORDS, GLOSSARY, finding_caveats, rest_of

    env.globals["cell_view"] = cell_view
    env.globals.update(GLOSSARY=GLOSSARY, CONFIDENCE_WORDS=CONFIDENCE_WORDS, caveats=finding_caveats)
    env.filters["review_words"] = review_words
    env.filters["rest_of"] = rest_of
    env.filters["safe_url"] = safe_url
    env.filters["status_class"] = lambda s: (s or "none").replace("_", "-")
    env.filters["words"] = lambda s: words(str(s))
    return env


@dataclass(frozen=True)
class CellView:
    """How one heatmap cell is drawn: CSS class, symbol, count and the words a screen reader says."""

    css: str
    mark: str
    count: str
    label: str


def cell_view(cell: Cell, column: Column) -> CellView:
    """Violations by worst severity and number; otherwise exposure, errors, data gaps (never a pass) or passes."""
    if not column.tested:
        return CellView("untested", "n/t", "", "not tested")
    if cell.violations:
        label = f"{STATUS_LABEL[cell.status]}: {cell.violations} violation(s), worst {cell.severity}"
        return CellView(f"sev-{cell.severity}", STATUS_MARK[cell.status], f"{cell.violations} · {cell.severity}", label)
    if cell.status == "error":
        return CellView("s-error", STATUS_MARK["error"], str(len(cell.findings)), "checker error")
    if cell.exposed:
        return CellView(
            "s-exposed", STATUS_MARK["exposed"], str(cell.exposed), f"{cell.exposed} exposed to cooperation"
        )
    if cell.gaps:
        return CellView(
            "s-insufficient-information",
            STATUS_MARK["insufficient_information"],
            str(cell.gaps),
            f"{cell.gaps} data gap(s)",
        )
    if cell.findings:
        css = "s-" + (cell.status or "none").replace("_", "-")  # a CSS class, not words
        return CellView(css, STATUS_MARK[cell.status], str(len(cell.findings)), STATUS_LABEL[cell.status])
    return CellView("s-none", STATUS_MARK[None], "", "no finding")


class _Numbering:
    """Article numbers in the other text version, for reports that show both."""

    def __init__(self, shown: str, both: bool) -> None:
        self.shown = shown
        self.others = [v for v in TEXT_VERSIONS if v != shown] if both else []

    def other(self, concept: str) -> list[tuple[str, str | None]]:
        cat = catalogue()
        return [(VERSION_LABEL.get(v, v), cat.resolve(concept, v).ref) for v in self.others]


def _ordered(findings: Sequence[tuple[int, Finding]]) -> list[tuple[int, Finding]]:
    return sorted(
        findings,
        key=lambda p: (-STATUS_BADNESS[p[1].status], -SEVERITY_RANK[p[1].severity], p[1].provision.line or 0, p[0]),
    )


def _grouped(v: Verdict) -> list[dict[str, Any]]:
    """Findings by dimension, then by the first principle each cites."""
    cat = catalogue()
    out = []
    for dim in DIMENSIONS:
        groups: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
        for i, f in enumerate(v.findings):
            if f.dimension == dim:
                groups[f.principles[0].id if f.principles else ""].append((i, f))
        order = [k for k in cat.principles if k in groups] + ([""] if "" in groups else [])
        out.append(
            {
                "key": dim,
                "row": next(r for r in v.summary.by_dimension if r.key == dim),
                "groups": [
                    {
                        "principle": cat.principles[k].name if k else "No principle cited",
                        "key": k or "none",
                        "findings": _ordered(groups[k]),
                    }
                    for k in order
                ],
            }
        )
    return out


def _law_context(law: NationalLaw | None, v: Verdict) -> dict[str, Any]:
    from .lawyer import law_view

    return {
        "verdict": v,
        "law": law,
        "sources": list(law.sources) if law is not None else [],
        "provisions": {p.id: p for p in law.provisions()} if law is not None else {},
        "dimensions": _grouped(v),
        **law_view(law, v),
    }


def render_html(entries: Sequence[tuple[NationalLaw | None, Verdict]], *, both_numberings: bool = False) -> str:
    """A report on one or more laws, each with its summary, findings and sources."""
    if not entries:
        raise ValueError("nothing to report: no verdicts")
    convention = entries[0][1].convention
    title = (
        f"{entries[0][1].law.title} ({entries[0][1].law.jurisdiction})"
        if len(entries) == 1
        else f"{len(entries)} laws evaluated"
    )
    return (
        _environment()
        .get_template("verdicts.html.j2")
        .render(
            title=title,
            laws=[_law_context(law, v) for law, v in entries],
            convention=convention,
            numbering=_Numbering(convention, both_numberings),
            disclaimer=entries[0][1].disclaimer,
        )
    )


def render_comparison_html(
    comparison: Comparison,
    laws: Sequence[NationalLaw] = (),
    *,
    both_numberings: bool = False,
) -> str:
    """The heatmap report: jurisdictions x principles and x red lines, each cell linked to its findings."""
    by_id = {law.id: law for law in laws}
    return (
        _environment()
        .get_template("comparison.html.j2")
        .render(
            title=f"Comparison of {len(comparison.verdicts)} laws in {len(comparison.rows)} jurisdictions",
            comparison=comparison,
            verdicts={v.law.id: v for v in comparison.verdicts},
            laws=[_law_context(by_id.get(v.law.id), v) for v in comparison.verdicts],
            convention=comparison.convention,
            numbering=_Numbering(comparison.convention, both_numberings),
            disclaimer=comparison.disclaimer,
        )
    )


def render_exposure_html(exposure: ExposureMap) -> str:
    """The exposure map as an A x B heatmap, each cell linked to the offences behind it."""
    cells = {(c.requesting, c.requested): c for c in exposure.cells}
    names: dict[str, str] = {}
    for c in exposure.cells:  # table headers read better without the article ("the Netherlands")
        names[c.requesting] = c.requesting_name.removeprefix("the ")
        names[c.requested] = c.requested_name.removeprefix("the ")
    for s in exposure.states:
        names.setdefault(s, s)
    return (
        _environment()
        .get_template("exposure.html.j2")
        .render(
            title=f"Transnational-repression exposure map: {len(exposure.states)} states",
            map=exposure,
            cells=cells,
            names=names,
            convention=exposure.convention,
            disclaimer=exposure.disclaimer,
        )
    )
