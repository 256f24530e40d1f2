"""A new law file: a valid skeleton in which every fact is ``unspecified``, each field with what it means.

The comments are the first sentence of each field's documentation in the model, so the skeleton says what the
schema says and cannot drift from it. Nothing is asserted that no source supports: no provisions, no sources
(add the text you model from before the first provision), and ``unspecified`` wherever the model allows it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..model.law import LAW_SCHEMA, NationalLaw
from ..model.offence import Offence
from ..model.procedural_power import ProceduralPower
from ..model.provision import Source

SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}"


_SENTENCE_END = re.compile(r"(?<!e\.g)(?<!i\.e)(?<!\bs)(?<!Art)\.\s+(?=[A-Z`'(])")
"""A full stop that ends a sentence (not 'e.g.', 'i.e.', 's.17' or 'Art.'), followed by the next one."""


def _doc(model: Any, field: str) -> str:
    """The first sentence of the field's documentation, on one line."""
    text = re.sub(r"\s+", " ", (model.model_fields[field].description or "").strip())
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    return (first if first.endswith(".") else first + ".").replace("``", "'")


def slug(text: str, limit: int = 60) -> str:
    """'Cybercrimes Act 2015' -> 'cybercrimes-act-2015' (ASCII, lower case)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return words[:limit].rstrip("-") or "law"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def skeleton(
    jurisdiction: str,
    title: str,
    *,
    instrument_type: str = "statute",
    law_id: str | None = None,
    language: str = "en",
    schema_path: str = "docs/schema/law.schema.json",
) -> str:
    """The text of a new law file; it validates as it is."""
    lid = law_id or f"{jurisdiction.lower()}-{slug(title)}"

    def line(name: str, value: str, model: Any = NationalLaw) -> str:
        return f"{name}: {value}  # {_doc(model, name)}"

    offence_fields = ("category", "mental_element", "without_right", "ulterior_intent", "defences", "terms")
    power_fields = ("kind", "authorisation", "ex_post_review", "duration", "notification", "remedy", "applies_to")
    lines = [
        SCHEMA_COMMENT.format(schema=schema_path),
        "# A new law file (cybercrime-check new). Add the text you model from under sources, then one provision",
        "# at a time; write `unspecified` for what no source says. docs/modelling-a-law.md explains every field.",
        f"schema: {LAW_SCHEMA}",
        line("id", _quote(lid)),
        line("jurisdiction", _quote(jurisdiction)),  # quoted: "NO" is Norway, not false, for every reader
        line("title", _quote(title)),
        line("instrument_type", instrument_type),
        line("subject", "unspecified"),
        line("enacted", "unspecified"),
        line("in_force_from", "unspecified"),
        line("in_force", "unspecified"),
        f"text_used: {{language: {_quote(language)}, kind: unspecified}}  # {_doc(NationalLaw, 'text_used')}",
        line("coverage", "unspecified"),
        line("powers_coverage", "unspecified"),
        "sources: []  # " + _doc(NationalLaw, "sources"),
        "#  - id: text",
        f"#    url: https://...   # {_doc(Source, 'url')}",
        f"#    title: ...         # {_doc(Source, 'title')}",
        f"#    confidence: primary  # {_doc(Source, 'confidence')}",
        "offences: []  # " + _doc(NationalLaw, "offences"),
        "#  - id: art-1",
        "#    citation: Art. 1",
        "#    paraphrase: ...  (in your own words)",
        *(f"#    {name}: unspecified  # {_doc(Offence, name)}" for name in offence_fields),
        "#    sources: [text]",
        "#    confidence: primary",
        line("procedural_powers", "unspecified"),
        "#  - id: sec-9",
        "#    citation: Section 9",
        "#    paraphrase: ...  (in your own words)",
        f"#    kind: other  # {_doc(ProceduralPower, 'kind')}",
        *(f"#    {name}: unspecified  # {_doc(ProceduralPower, name)}" for name in power_fields if name != "kind"),
        "#    sources: [text]",
        "#    confidence: primary",
        line("cooperation_rules", "unspecified"),
    ]
    text = "\n".join(lines) + "\n"
    _check(text)
    return text


def _check(text: str) -> None:
    """The skeleton must read back as a valid law through the strict reader (else the values given cannot
    start one, e.g. a title with control characters)."""
    from .strict_yaml import read_yaml

    doc, problems = read_yaml(text.encode("utf-8"), "<skeleton>")
    if doc is None:
        raise ValueError(problems[0].message)
    NationalLaw.model_validate(doc.data)
