"""Convert version-1 law files to version 2, keeping comments, order and layout.

What changes, mechanically (nothing is inferred that the file did not say):

- ``schema: cybercrime-check/law/2`` is added at the top;
- a provision's ``status`` becomes its ``history``: the start date an ``in_force`` event, the end an
  ``amended``, ``repealed``, ``struck_down`` or ``suspended`` event (a court's ``decision`` becomes the
  event's authority and decision); version 1 did not record who brought a provision into force or
  repealed it, so those events say ``authority: unspecified``;
- ``ex_post_judicial_review: true`` becomes ``ex_post_review: {reviewer: judge}``, ``false`` becomes
  ``none``;
- ``undefined_terms`` becomes ``terms`` (each string an undefined term);
- ``supersedes: X`` becomes a ``version_links`` entry of kind ``replaces``;
- ``procedural_powers: []`` (version 1's "grants none") also records ``powers_coverage: complete``.

List facts a version-1 file left out (undefined terms, groups affected, data categories) stay left out,
and so become ``unspecified``: version 1 could not tell "none" from "not recorded", and the migration
does not guess which it was.

``ruamel.yaml`` does the round trip because it keeps comments and the authors' layout, which PyYAML
drops; it is needed only by this command.
"""

from __future__ import annotations

import io
from typing import Any

from ..model.law import LAW_SCHEMA

GROUPS = ("offences", "procedural_powers", "cooperation_rules")


class MigrationError(ValueError):
    """The file is not a version-1 law file that can be converted mechanically."""


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the authors' lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def migrate_text(text: str) -> tuple[str, list[str]]:
    """The version-2 text of a version-1 law file, and one line per change made."""
    yaml = _yaml()
    from ruamel.yaml.comments import CommentedMap

    data: Any = yaml.load(text)
    if not isinstance(data, CommentedMap):
        raise MigrationError("not a law file: the document is not a mapping")
    if "schema" in data:
        raise MigrationError(f"already a version-2 file ({data['schema']})")
    changes: list[str] = []
    data.insert(0, "schema", LAW_SCHEMA)
    changes.append(f"added schema: {LAW_SCHEMA}")
    if "supersedes" in data:
        position = list(data).index("supersedes")
        earlier = data.pop("supersedes")
        data.insert(position, "version_links", [_map(kind="replaces", law=earlier)])
        changes.append(f"supersedes: {earlier} -> version_links (replaces {earlier})")
    powers = data.get("procedural_powers")
    if isinstance(powers, list) and not powers and "powers_coverage" not in data:
        position = list(data).index("coverage") + 1 if "coverage" in data else len(data)
        data.insert(position, "powers_coverage", "complete")
        changes.append("procedural_powers: [] -> also powers_coverage: complete")
    for group in GROUPS:
        items = data.get(group)
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict):
                changes.extend(f"{group}[{item.get('id')}]: {c}" for c in _provision(item))
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue(), changes


def _map(**items: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    for key, value in items.items():
        if value is not None:
            m[key] = value
    return m


def _replace(item: Any, old: str, new: str, value: Any) -> None:
    position = list(item).index(old)
    item.pop(old)
    item.insert(position, new, value)


def _provision(item: Any) -> list[str]:
    changes: list[str] = []
    if "status" in item:
        history, leftover = _history(item["status"], item.get("confidence", "unconfirmed"))
        if history:
            _replace(item, "status", "history", history)
        else:
            item.pop("status")
        if leftover:
            item["notes"] = _join(leftover, item.get("notes"))
        changes.append(f"status -> history ({len(history)} event(s))" + (", its note -> notes" if leftover else ""))
    if "ex_post_judicial_review" in item:
        old = item["ex_post_judicial_review"]
        if old is True:
            _replace(item, "ex_post_judicial_review", "ex_post_review", _map(reviewer="judge"))
        elif old is False:
            _replace(item, "ex_post_judicial_review", "ex_post_review", "none")
        else:
            item.pop("ex_post_judicial_review")
        changes.append(f"ex_post_judicial_review: {old} -> ex_post_review")
    if "undefined_terms" in item:
        _replace(item, "undefined_terms", "terms", item["undefined_terms"])
        changes.append("undefined_terms -> terms")
    return changes


def _history(status: Any, confidence: str) -> tuple[list[Any], str | None]:
    """Version-1 ``status`` as version-2 events, and a note with no event to carry it."""
    state = status.get("state", "unspecified")
    note = status.get("note")
    events: list[Any] = []
    start = status.get("from")
    if start not in (None, "unspecified"):
        events.append(_map(kind="in_force", date=start, authority="unspecified", confidence=confidence))
    until = status.get("until")
    decision = status.get("decision")
    ends = {"amended": "amended", "repealed": "repealed", "struck_down": "struck_down", "suspended": "suspended"}
    if until is not None and state in ends:
        kind = ends[state]
        if decision is not None:
            decided = decision.get("date")
            events.append(
                _map(
                    kind=kind,
                    date=until,
                    authority=decision.get("body"),
                    decision=decision.get("citation"),
                    url=decision.get("url"),
                    confidence=confidence,
                    note=_join(note, f"Decided {decided}." if decided not in (None, until) else None),
                )
            )
        else:
            events.append(_map(kind=kind, date=until, authority="unspecified", confidence=confidence, note=note))
    elif until is not None:  # an end whose kind version 1 did not record
        events.append(_map(kind="repealed", date=until, authority="unspecified", confidence=confidence, note=note))
    elif note is not None:
        if not events:
            return events, str(note)
        events[0]["note"] = note
    return events, None


def _join(*parts: Any) -> Any:
    text = " ".join(str(p).strip() for p in parts if p)
    return text or None
