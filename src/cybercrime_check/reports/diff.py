"""What changed between two versions of one jurisdiction's law, and whether rights gained or lost.

Provisions are paired by the newer law's ``version_links`` mapping (old id -> new id, or -> nothing when
repealed without a successor), and otherwise by id. Findings are matched by (dimension, checker, rule,
paired provision, limb), in order of appearance. Direction is judged on the finding's own status ladder
(:data:`~.verdict.STATUS_BADNESS`, then severity): a finding that appears non-compliant or partially
compliant, or whose status or severity rises within non-compliance, is ``worse``; the reverse is ``better``.
Anything that moves to or from ``insufficient_information`` or ``error`` is ``unclear``: it says what is
unknown, not what is better. So is a finding that disappears with a provision that the newer law neither
keeps nor records as repealed: nobody has said what became of it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any, Literal

from .._version import __version__
from ..engine.catalogue import DEFAULT_VERSION
from ..engine.evaluation import default_as_of, evaluate
from ..engine.verdict import DISCLAIMER, SEVERITY_RANK, STATUS_BADNESS, Finding, Verdict
from ..errors import UsageError
from ..model.fields import ISODate, Model, ShortText, Text
from ..model.law import NationalLaw
from ..model.wording import words
from .markdown import md as markdown_escape
from .text import term

Direction = Literal["worse", "better", "unchanged", "unclear"]
_BAD = frozenset({"non_compliant", "partially_compliant"})
_UNKNOWN = frozenset({"insufficient_information", "error"})
_IGNORED_FIELDS = frozenset({"sources", "status", "notes", "conflicts", "history", "confidence"})
"""Provision fields that change with every new instrument without changing the rule."""


class ProvisionChange(Model):
    provision_id: ShortText
    kind: ShortText
    """offence, procedural power or cooperation rule."""
    change: Literal["added", "removed", "changed", "renumbered", "unaccounted"]
    """``removed``: repealed without a successor (the mapping says so); ``renumbered``: paired with a provision
    of another id by the mapping; ``unaccounted``: gone from the newer law with no mapping or repeal recorded."""
    new_id: ShortText | None = None
    """For ``renumbered``: the id of the provision in the newer law."""
    old_citation: ShortText | None = None
    new_citation: ShortText | None = None
    fields: tuple[ShortText, ...] = ()
    """For ``changed``: the fields whose values differ (sources and legal status are ignored)."""


class FindingChange(Model):
    change: Literal["appeared", "disappeared", "changed"]
    direction: Direction
    dimension: ShortText
    checker: ShortText
    rule: ShortText
    provision_id: ShortText | None
    citation: ShortText
    articles: tuple[ShortText, ...]
    principles: tuple[ShortText, ...]
    old_status: ShortText | None = None
    new_status: ShortText | None = None
    old_severity: ShortText | None = None
    new_severity: ShortText | None = None
    reason: Text
    """The reason of the newer finding (the older one's when it disappeared)."""


class LawDiff(Model):
    schema_: ShortText = "cybercrime-check/diff/2"
    disclaimer: Text = DISCLAIMER
    library_version: ShortText
    convention: ShortText
    old_law: ShortText
    new_law: ShortText
    jurisdiction: ShortText
    old_as_of: ISODate
    new_as_of: ISODate
    old_hash: ShortText
    new_hash: ShortText
    mapping: ShortText
    """Where the provision pairing came from: the newer law's version link to the older, or ids alone."""
    provisions: tuple[ProvisionChange, ...]
    findings: tuple[FindingChange, ...]
    incomplete: tuple[ShortText, ...] = ()
    """Ids of the laws whose verdict is incomplete (a checker failed): a regression may be hidden there."""

    @property
    def regressions(self) -> tuple[FindingChange, ...]:
        return tuple(f for f in self.findings if f.direction == "worse")

    def to_json(self) -> str:
        data = self.model_dump(mode="json")
        data["schema"] = data.pop("schema_")
        if not data["incomplete"]:  # only when it says something, so that complete diffs read as before
            del data["incomplete"]
        data["regressions"] = len(self.regressions)
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def default_old_as_of(new: NationalLaw, fallback: date) -> date:
    """The old law is judged on the day before the new one took effect, when that is known.

    A new law in force from 0001-01-01 has no day before it: that is a :class:`UsageError` asking for
    ``--old-as-of``, not a date overflow.
    """
    start = new.in_force_from
    if not isinstance(start, date):
        return fallback
    if start == date.min:
        raise UsageError(
            f"{new.id} is in force from {start.isoformat()}, so there is no day before it to judge the old "
            "law on; give the date with --old-as-of"
        )
    return start - timedelta(days=1)


def diff_laws(
    old: NationalLaw,
    new: NationalLaw,
    *,
    convention: str = DEFAULT_VERSION,
    old_as_of: date | None = None,
    new_as_of: date | None = None,
    third_party: bool = True,
) -> LawDiff:
    """Compare two versions of one jurisdiction's law: provisions and findings."""
    if old.jurisdiction != new.jurisdiction:
        raise UsageError(
            f"diff compares versions of one jurisdiction's law; got {old.jurisdiction} ({old.id}) "
            f"and {new.jurisdiction} ({new.id})"
        )
    new_day = new_as_of or default_new_as_of(new)
    old_day = old_as_of or default_old_as_of(new, new_day)
    v_old = evaluate(old, convention=convention, as_of=old_day, third_party=third_party)
    v_new = evaluate(new, convention=convention, as_of=new_day, third_party=third_party)
    pairs, link = provision_pairs(old, new)
    return LawDiff(
        library_version=__version__,
        convention=convention,
        old_law=old.id,
        new_law=new.id,
        jurisdiction=new.jurisdiction,
        old_as_of=old_day,
        new_as_of=new_day,
        old_hash=v_old.law.content_hash,
        new_hash=v_new.law.content_hash,
        mapping=f"version link of {new.id} to {old.id} ({link})" if link else "provision ids",
        provisions=_provision_changes(old.as_of(old_day), new.as_of(new_day), pairs),
        findings=diff_verdicts(v_old, v_new, pairs),
        incomplete=tuple(v.law.id for v in (v_old, v_new) if not v.complete),
    )


def default_new_as_of(new: NationalLaw) -> date:
    """The newer law is judged on the day it took effect, when known (later amendments are another diff);
    otherwise today."""
    return new.in_force_from if isinstance(new.in_force_from, date) else default_as_of()


def provision_pairs(old: NationalLaw, new: NationalLaw) -> tuple[dict[str, str | None], str | None]:
    """Old provision id -> new provision id (None: repealed without a successor), from the newer law's version
    link to the older one; ids absent from the mapping pair with the same id. Also the link's kind."""
    link = next((v for v in new.version_links if v.law == old.id), None)
    new_ids = {p.id for p in new.provisions()}
    pairs: dict[str, str | None] = {p.id: p.id for p in old.provisions() if p.id in new_ids}
    if link is not None:
        pairs.update({m.old: m.new for m in link.mapping})
    return pairs, link.kind if link else None


def _kind(p: object) -> str:
    return (
        type(p)
        .__name__.replace("ProceduralPower", "procedural power")
        .replace("CooperationRule", "cooperation rule")
        .lower()
    )


def _comparable(p: Any) -> dict[str, Any]:
    data: dict[str, Any] = p.model_dump(mode="json", exclude_defaults=True)
    return {k: v for k, v in data.items() if k not in _IGNORED_FIELDS}


def _provision_changes(old: NationalLaw, new: NationalLaw, pairs: dict[str, str | None]) -> tuple[ProvisionChange, ...]:
    before = {p.id: p for p in old.provisions()}
    after = {p.id: p for p in new.provisions()}
    claimed = {v for v in pairs.values() if v is not None}
    out: list[ProvisionChange] = []
    for pid, a in sorted(before.items()):
        if pid not in pairs:
            out.append(ProvisionChange(provision_id=pid, kind=_kind(a), change="unaccounted", old_citation=a.cited))
            continue
        target = pairs[pid]
        b = after.get(target) if target is not None else None
        if b is None:
            out.append(ProvisionChange(provision_id=pid, kind=_kind(a), change="removed", old_citation=a.cited))
            continue
        da, db = _comparable(a), _comparable(b)
        da.pop("id", None)
        db.pop("id", None)
        fields = tuple(sorted(k for k in da.keys() | db.keys() if da.get(k) != db.get(k)))
        if target != pid:
            out.append(
                ProvisionChange(
                    provision_id=pid,
                    new_id=target,
                    kind=_kind(b),
                    change="renumbered",
                    old_citation=a.cited,
                    new_citation=b.cited,
                    fields=fields,
                )
            )
        elif fields:
            out.append(
                ProvisionChange(
                    provision_id=pid,
                    kind=_kind(b),
                    change="changed",
                    old_citation=a.cited,
                    new_citation=b.cited,
                    fields=fields,
                )
            )
    for pid, b in sorted(after.items()):
        if pid not in claimed and pid not in before:
            out.append(ProvisionChange(provision_id=pid, kind=_kind(b), change="added", new_citation=b.cited))
    return tuple(out)


_GONE = "\x00gone"
"""Pairing key of a provision repealed without a successor."""
_UNACCOUNTED = "\x00unaccounted:"
"""Pairing key prefix of a provision that disappeared with nothing recorded about it."""


def _key(f: Finding, pairs: dict[str, str | None] | None = None) -> tuple[str, str, str, str, str]:
    pid = f.provision.provision_id or ""
    if pairs is not None and pid:
        paired = pairs.get(pid, _UNACCOUNTED + pid) if pid in pairs else _UNACCOUNTED + pid
        pid = paired or _GONE + pid
    return (f.dimension, f.checker, f.rule, pid, f.provision.limb or "")


def _rank(f: Finding) -> tuple[int, int]:
    return STATUS_BADNESS[f.status], SEVERITY_RANK[f.severity] if f.status in _BAD else 0


def _direction(a: Finding, b: Finding) -> Direction:
    """Direction of a finding whose status or severity changed.

    Only a move into, out of or within non-compliance is better or worse; a
    move between a pass and "we do not know" is unclear, and one between
    compliant and not applicable is unchanged.
    """
    if a.status in _UNKNOWN or b.status in _UNKNOWN:
        return "unclear"
    if a.status in _BAD or b.status in _BAD:
        ra, rb = _rank(a), _rank(b)
        return "worse" if rb > ra else "better" if rb < ra else "unchanged"
    return "unchanged"


def _change(
    kind: Literal["appeared", "disappeared", "changed"], direction: Direction, old: Finding | None, new: Finding | None
) -> FindingChange:
    f = new or old
    assert f is not None
    return FindingChange(
        change=kind,
        direction=direction,
        dimension=f.dimension,
        checker=f.checker,
        rule=f.rule,
        provision_id=f.provision.provision_id,
        citation=f.provision.citation,
        articles=tuple(f"Art {a.ref}" if a.ref else f"(no counterpart: {a.title})" for a in f.articles),
        principles=tuple(p.name for p in f.principles),
        old_status=old.status if old else None,
        new_status=new.status if new else None,
        old_severity=old.severity if old else None,
        new_severity=new.severity if new else None,
        reason=f.reason,
    )


def diff_verdicts(old: Verdict, new: Verdict, pairs: dict[str, str | None] | None = None) -> tuple[FindingChange, ...]:
    """Findings that appeared, disappeared or changed status or severity, with their direction.

    ``pairs`` (from :func:`provision_pairs`) pairs old provisions with new ones; without it, by id.
    """
    before: dict[tuple[str, ...], list[Finding]] = defaultdict(list)
    after: dict[tuple[str, ...], list[Finding]] = defaultdict(list)
    for f in old.findings:
        before[_key(f, pairs)].append(f)
    for f in new.findings:
        after[_key(f)].append(f)
    out: list[FindingChange] = []
    for key in sorted(before.keys() | after.keys()):
        olds, news = before.get(key, []), after.get(key, [])
        for i in range(max(len(olds), len(news))):
            a = olds[i] if i < len(olds) else None
            b = news[i] if i < len(news) else None
            if a is None and b is not None:
                direction: Direction = (
                    "worse" if b.status in _BAD else "unclear" if b.status in _UNKNOWN else "unchanged"
                )
                out.append(_change("appeared", direction, None, b))
            elif b is None and a is not None:
                if key[3].startswith(_UNACCOUNTED):
                    direction = "unclear"  # the provision vanished and nobody recorded a repeal
                else:
                    direction = "better" if a.status in _BAD else "unclear" if a.status in _UNKNOWN else "unchanged"
                out.append(_change("disappeared", direction, a, None))
            elif a is not None and b is not None and (a.status, a.severity) != (b.status, b.severity):
                out.append(_change("changed", _direction(a, b), a, b))
    order = {"worse": 0, "better": 1, "unclear": 2, "unchanged": 3}
    out.sort(key=lambda c: (order[c.direction], c.dimension, c.citation, c.checker, c.rule))
    return tuple(out)


def render_diff(d: LawDiff, fmt: str) -> str:
    """Text or Markdown (``json`` is :meth:`LawDiff.to_json`); data escaped by the format's one rule
    (:func:`~.markdown.md` for Markdown, :func:`~.text.term` for text)."""
    if fmt == "json":
        return d.to_json()
    md = fmt == "markdown"
    esc = markdown_escape if md else term
    h1, h2 = ("# ", "## ") if md else ("", "")
    lines = [
        f"{h1}{d.jurisdiction}: {esc(d.old_law)} (as of {d.old_as_of}) -> {esc(d.new_law)} (as of {d.new_as_of})",
        "",
        (f"*{d.disclaimer}*" if md else d.disclaimer),
        "",
        f"Provisions paired by {esc(d.mapping)}.",
        "",
        f"Convention text `{d.convention}`; cybercrime-check {d.library_version}; "
        f"inputs {d.old_hash[:19]}… -> {d.new_hash[:19]}…"
        if md
        else f"Convention text {d.convention}; cybercrime-check {d.library_version}",
        "",
        f"{len(d.regressions)} finding(s) got worse, "
        f"{sum(1 for f in d.findings if f.direction == 'better')} got better, "
        f"{sum(1 for f in d.findings if f.direction == 'unclear')} unclear.",
    ]
    if d.incomplete:
        lines += ["", f"INCOMPLETE: a checker failed on {', '.join(d.incomplete)}; a change may be missing."]
    bullet = "- " if md else "  "
    for direction, title in (
        ("worse", "Worse for rights or conformity"),
        ("better", "Better"),
        ("unclear", "Unclear (what is known changed)"),
    ):
        items = [f for f in d.findings if f.direction == direction]
        lines += ["", f"{h2}{title} ({len(items)})", ""]
        if not items:
            lines.append(f"{bullet}(none)")
        for f in items:
            state = (
                f"{f.old_status}/{f.old_severity} -> {f.new_status}/{f.new_severity}"
                if f.change == "changed"
                else f"{f.change}: {f.new_status or f.old_status}/{f.new_severity or f.old_severity}"
            )
            arts = esc(", ".join(f.articles))
            lines.append(
                f"{bullet}{esc(f.citation)} [{words(f.dimension)}; {state}] {arts}; "
                f"{esc(', '.join(f.principles)) or '-'}: {esc(f.reason)}"
            )
    lines += ["", f"{h2}Provisions ({len(d.provisions)} added, removed or changed)", ""]
    for p in d.provisions:
        pid = f"`{p.provision_id}`" if md else p.provision_id
        old, new = esc(p.old_citation or ""), esc(p.new_citation or "")
        if p.change in ("changed", "renumbered"):
            fields = f" ({esc(', '.join(p.fields))})" if p.fields else ""
            lines.append(f"{bullet}{p.change} {p.kind} {pid}: {old} -> {new}{fields}")
        elif p.change == "unaccounted":
            lines.append(
                f"{bullet}unaccounted {p.kind} {pid}: {old} is not in the newer law, and no repeal or successor is "
                "recorded"
            )
        else:
            lines.append(f"{bullet}{p.change} {p.kind} {pid}: {new or old}")
    if not d.provisions:
        lines.append(f"{bullet}(none)")
    return "\n".join(lines) + "\n"
