"""Triage decisions as CSV rows, Markdown sections and the run's summary (JSON Lines are the decision's own JSON)."""

from __future__ import annotations

from ..cooperation.triage.decision import DISCLAIMER, GROUND_KINDS, OUTCOMES, Decision, Ground
from ..cooperation.triage.tally import Tally
from ..model.wording import article_label, words
from .markdown import md
from .tables import csv_text

CSV_COLUMNS = (
    "request",
    "requesting_state",
    "requested_state",
    "as_of",
    "convention",
    "outcome",
    "measures",
    "grounds",
    "missing",
    "conditions",
    "disclaimer",
)


def _articles(g: Ground) -> str:
    return ", ".join(article_label(a.ref, a.title, missing="({title}: number not recorded)") for a in g.convention)


def render_header(fmt: str) -> str:
    if fmt == "csv":
        return csv_text([CSV_COLUMNS])
    if fmt == "markdown":
        return f"# Triage of assistance requests\n\n*{DISCLAIMER}*\n"
    return ""


def render_decision(d: Decision, fmt: str) -> str:
    if fmt == "jsonl":
        return d.to_json() + "\n"
    if fmt == "csv":
        return csv_text(
            [
                (
                    d.request,
                    d.requesting_state,
                    d.requested_state,
                    d.as_of.isoformat(),
                    d.convention,
                    d.outcome,
                    "; ".join(f"{m.measure}={m.outcome}" for m in d.measures),
                    " | ".join(
                        f"{g.ground}={g.effect} [{_articles(g)}]"
                        + (
                            f" ({'; '.join(c.citation for c in g.requested_state_law)})"
                            if g.requested_state_law
                            else ""
                        )
                        for g in d.grounds
                    ),
                    " | ".join(d.missing),
                    " | ".join(d.conditions),
                    d.disclaimer,
                )
            ]
        )
    return _markdown(d)


def _markdown(d: Decision) -> str:
    measures = ", ".join(f"{words(m.measure)} ({words(m.outcome)})" for m in d.measures)
    out = [
        "",
        f"## {md(d.request)}: {d.requesting_state} to {d.requested_state}, **{words(d.outcome)}**",
        "",
        f"Offence: {md(d.offence.citation)}"
        + (f" ({d.offence.law_id})" if d.offence.law_id else " (as described in the request)")
        + f". Measures: {measures}. Law as of {d.as_of.isoformat()}; Convention text `{d.convention}`.",
        "",
        "| Ground | Effect | Convention | Requested state's law | Confidence | Reason |",
        "|---|---|---|---|---|---|",
    ]
    for g in d.grounds:
        own = "; ".join(f"{c.citation} ({c.law_id})" for c in g.requested_state_law) or "(none modelled)"
        scope = f" ({', '.join(words(m) for m in g.measures)})" if g.measures else ""
        out.append(
            f"| {words(g.ground)}{scope} | {words(g.effect)} | {md(_articles(g))} | "
            f"{md(own)} | {g.confidence} | {md(g.reason)} |"
        )
    if d.missing:
        out += ["", "Missing: " + "; ".join(md(m) for m in d.missing)]
    if d.conditions:
        out += ["", "Conditions: " + " ".join(md(c) for c in d.conditions)]
    return "\n".join(out) + "\n"


def render_summary(t: Tally, errors_to: str) -> str:
    lines = [
        f"Triage summary ({DISCLAIMER.split(':')[0].lower()})",
        f"  input lines {t.lines:>12}",
        f"  triaged     {t.triaged:>12}",
        f"  malformed   {t.malformed:>12}" + (f"  (reported to {errors_to})" if t.malformed else ""),
        f"  blank       {t.blank:>12}",
        "",
        f"  {'outcome':<24}{'count':>10}",
    ]
    lines += [f"  {o:<24}{t.outcomes.get(o, 0):>10}" for o in OUTCOMES]
    head = "".join(f"{o.replace('assist_with_conditions', 'with_conditions'):>17}" for o in OUTCOMES)
    lines += ["", f"  {'ground':<22}{head}"]
    for kind in GROUND_KINDS:
        counts = [t.grounds.get((kind, o), 0) for o in OUTCOMES]
        if any(counts):
            lines.append(f"  {kind:<22}" + "".join(f"{c:>17}" for c in counts))
    return "\n".join(lines) + "\n"
