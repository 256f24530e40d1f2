"""What a supervising lawyer reads first, shared by the HTML and Markdown reports.

The first screen says what the law is, the date, one sentence per dimension, the most serious violations, what
is not in force and why, and the data gaps apart from the violations. Then one section per provision with all
its findings, the modeller's caveats next to the findings they affect, an index by principle, a glossary and a
"how to cite" line. Developer detail (evidence paths, rule ids) is for a folded section.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..engine.catalogue import catalogue
from ..engine.verdict import DIMENSIONS, SEVERITY_RANK, STATUS_BADNESS, Finding, Verdict
from ..model.wording import country_name, words

if TYPE_CHECKING:
    from ..model.law import NationalLaw
    from ..model.provision import Provision

VIOLATIONS = frozenset({"non_compliant", "partially_compliant"})
TOP = 5
"""How many violations the first screen lists."""

CONFIDENCE_WORDS = {
    "primary": "rests on the legal text itself",
    "secondary": "rests on reputable secondary sources",
    "weak": "rests on a single weak source",
    "unconfirmed": "rests on memory, inference or conflicting sources",
}
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("Non-compliant", "The provision, as modelled, breaches the standard cited (a violation)."),
    ("Partially compliant", "The standard is met only in part (also a violation, usually less serious)."),
    (
        "Insufficient information",
        "The data does not record what the question needs, so no conclusion is drawn; never read as a pass. "
        "What is shown is what is at stake if the answer turns out badly, not a severity.",
    ),
    (
        "Exposed",
        "The offence meets the four-year 'serious crime' threshold, so other states may ask for "
        "cross-border evidence gathering about it (UN Convention Arts 2(h) and 35(1)(c)).",
    ),
    ("Compliant", "The provision, as modelled, meets the standard cited."),
    ("Not applicable", "The question does not arise (e.g. the provision was not in force on the date)."),
    ("Severity", "For a violation: how much is at stake for rights or for conformity, from low to critical."),
    (
        "Confidence",
        "How well the data behind a finding is established: primary (the legal text), secondary, "
        "weak or unconfirmed; a finding is never more certain than its weakest fact.",
    ),
    (
        "Waived",
        "A named reviewer accepted that the finding stands but should not fail a check until a date; it is "
        "still shown.",
    ),
)


def _rank(f: Finding) -> tuple[int, int]:
    return (STATUS_BADNESS[f.status], SEVERITY_RANK[f.severity])


def _order(items: Sequence[tuple[int, Finding]]) -> list[tuple[int, Finding]]:
    """Violations first (worst severity first), then errors, exposure, gaps, passes; stable by position."""
    return sorted(items, key=lambda p: (-STATUS_BADNESS[p[1].status], -SEVERITY_RANK[p[1].severity], p[0]))


def _count(findings: Sequence[Finding]) -> str:
    c = Counter(f.status for f in findings)
    parts = []
    bad = c["non_compliant"] + c["partially_compliant"]
    if bad:
        worst = max((f.severity for f in findings if f.status in VIOLATIONS), key=lambda s: SEVERITY_RANK[s])
        parts.append(f"{bad} violation{'s' if bad != 1 else ''} (worst {worst})")
    if c["error"]:
        parts.append(f"{c['error']} checker error{'s' if c['error'] != 1 else ''}")
    if c["exposed"]:
        parts.append(f"{c['exposed']} open to cross-border evidence gathering")
    if c["insufficient_information"]:
        n = c["insufficient_information"]
        parts.append(f"{n} question{'s' if n != 1 else ''} the data cannot answer")
    if c["compliant"]:
        parts.append(f"{c['compliant']} met")
    return "; ".join(parts) or "no findings"


def finding_caveats(f: Finding, provisions: dict[str, Provision]) -> list[str]:
    """The modeller's caveats that bear on this finding: weak data, and sources that disagree about a fact it
    used."""
    out: list[str] = []
    prov = provisions.get(f.provision.provision_id or "")
    # Weak data is said once, at the provision, unless the finding rests on something weaker still.
    if f.confidence in ("weak", "unconfirmed") and (prov is None or prov.confidence != f.confidence):
        out.append(f"this finding {CONFIDENCE_WORDS[f.confidence]} ({f.confidence}).")
    if prov is None:
        return out
    used = " ".join(e.path for e in f.evidence)
    for c in prov.conflicts:
        head = c.field.split(".")[0].split(" ")[0]
        if head and head in used:
            claims = "; ".join(f"{claim.value} ({claim.source})" for claim in c.claims)
            out.append(f"sources disagree on {c.field}: {claims}." + (f" {c.note}" if c.note else ""))
    return out


def law_view(law: NationalLaw | None, v: Verdict) -> dict[str, Any]:
    """Everything the lawyer-first layout shows, in the order it shows it."""
    cat = catalogue()
    indexed = list(enumerate(v.findings))
    violations = [(i, f) for i, f in indexed if f.status in VIOLATIONS]
    ranked = sorted(violations, key=lambda p: (-SEVERITY_RANK[p[1].severity], -STATUS_BADNESS[p[1].status], p[0]))
    top: list[tuple[int, Finding, bool]] = []
    shown: set[str | None] = set()
    for i, f in ranked[:TOP]:
        top.append((i, f, f.provision.provision_id not in shown))  # what a provision does, said once
        shown.add(f.provision.provision_id)
    ended = [(i, f) for i, f in indexed if f.rule == "not-in-force"]
    gap_groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for _, f in indexed:
        if f.status == "insufficient_information":
            gap_groups[(f.checker, f.rule)].append(f)
    gaps = [
        {
            "what": f"{words(rule).capitalize()} ({checker})",
            "count": len(items),
            "where": list(dict.fromkeys(x.provision.citation for x in items))[:6]
            + (["…"] if len(set(x.provision.citation for x in items)) > 6 else []),
            "stake": max(SEVERITY_RANK[x.severity] for x in items),
        }
        for (checker, rule), items in gap_groups.items()
    ]
    gaps.sort(key=lambda g: (-int(str(g["stake"])), str(g["what"])))
    sentences = []
    for dim in DIMENSIONS:
        mine = [f for f in v.findings if f.dimension == dim]
        sentences.append({"label": words(dim).capitalize(), "text": _count(mine)})
    provisions = list(law.provisions()) if law is not None else []
    by_id: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for i, f in indexed:
        by_id[f.provision.provision_id or ""].append((i, f))
    blocks = []
    seen = set()
    for p in provisions:
        seen.add(p.id)
        items = by_id.get(p.id, [])
        caveats = []
        if p.notes:
            caveats.append(p.notes)
        if p.confidence in ("weak", "unconfirmed"):
            caveats.append(f"the data for this provision {CONFIDENCE_WORDS[p.confidence]} ({p.confidence}).")
        blocks.append(
            {
                "anchor": p.id,
                "citation": p.cited,
                "title": p.title if p.citation != "unspecified" else None,  # the title is already the citation
                "paraphrase": p.paraphrase,
                "confidence": p.confidence,
                "limbs": list(getattr(p, "limbs", ())),
                "caveats": caveats,
                "findings": _order(items),
                "counts": _count([f for _, f in items]),
            }
        )
    for pid, items in sorted(by_id.items()):
        if pid in seen:
            continue
        citation = items[0][1].provision.citation if pid else "The instrument as a whole"
        blocks.append(
            {
                "anchor": pid or "instrument",
                "citation": citation,
                "title": None,
                "paraphrase": None,
                "confidence": None,
                "limbs": [],
                "caveats": [],
                "findings": _order(items),
                "counts": _count([f for _, f in items]),
            }
        )
    index = []
    for pid, principle in cat.principles.items():
        cited = [(i, f) for i, f in indexed if any(p.id == pid for p in f.principles)]
        if not cited:
            continue
        bad = [(i, f) for i, f in cited if f.status in VIOLATIONS]
        index.append(
            {
                "name": principle.name,
                "bad": _order(bad),
                "other": _count([f for _, f in cited if f.status not in VIOLATIONS]),
            }
        )
    name = country_name(v.law.jurisdiction)
    lede = (
        f"A law of {name}, judged as of {v.as_of.isoformat()} against the UN Convention against "
        f"Cybercrime and international human-rights standards: {len(violations)} violation"
        f"{'s' if len(violations) != 1 else ''}, {sum(1 for f in v.findings if f.status == 'insufficient_information')}"
        " question(s) the data cannot answer, and "
        f"{sum(1 for f in v.findings if f.status == 'exposed')} offence(s) open to cross-border evidence gathering."
    )
    cite = (
        f"cybercrime-check {v.library_version}, {v.law.title} ({v.law.jurisdiction}), law data "
        f"'{v.law.id}'{f' ({v.law.file})' if v.law.file else ''}, {v.law.content_hash}, judged as of "
        f"{v.as_of.isoformat()} against the Convention text '{v.convention}'. Analysis support, not legal advice."
    )
    return {
        "lede": lede,
        "sentences": sentences,
        "top": top,
        "ended": ended,
        "gaps": gaps,
        "gap_count": sum(g["count"] for g in gaps),
        "by_provision": blocks,
        "principle_index": index,
        "cite": cite,
        "scope_note": law.scope_note if law is not None else None,
        "law_notes": law.notes if law is not None else None,
    }


def rest_of(items: Sequence[tuple[int, Finding]]) -> list[tuple[int, Finding]]:
    """The findings a provision section lists briefly: data gaps, passes and not-applicable findings."""
    return [(i, f) for i, f in items if f.status in ("insufficient_information", "compliant", "not_applicable")]
