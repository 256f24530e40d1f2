"""Reasons are plain English: every reason template, filled from the bundled corpus and from generated laws.

A lawyer reads the reason, not the data model: no ``snake_case`` identifiers, no Python values
("None", "True"), no "authorised by none", every reason one or more full sentences.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings

from cybercrime_check import NationalLaw, evaluate, load_laws
from cybercrime_check.testing import national_laws
from tests.paths import AS_OF, LAWS

IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")
PYTHON_VALUES = re.compile(r"\b(None|True|False|unspecified)\b")
AWKWARD = (
    "authorised by none",
    "authorisation by prior judicial",
    "by prior judicial",
    "authorised by unspecified",
    "  ",
    " .",
    "..",
)


QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”")
"""The law's own words, quoted: their punctuation ("incites ... violence") is the law's, not the template's."""


def _problems(reason: str, *, identifiers: bool, citation: str = "") -> list[str]:
    found = []
    lower_start = reason[:1].islower() and not (citation and reason.startswith(citation))
    reason = QUOTED.sub("'…'", reason)
    if identifiers and IDENTIFIER.search(reason):
        found.append(f"identifier {IDENTIFIER.search(reason).group(0)!r}")  # type: ignore[union-attr]
    if PYTHON_VALUES.search(reason):
        found.append(f"raw value {PYTHON_VALUES.search(reason).group(0)!r}")  # type: ignore[union-attr]
    found += [f"awkward {a!r}" for a in AWKWARD if a in reason]
    if not reason.rstrip().endswith((".", ".)", "”", '"', "'", "…")):
        found.append("no full stop")
    if lower_start:
        found.append("starts in lower case")
    return found


def test_every_reason_in_the_corpus_is_plain_english() -> None:
    bad = []
    for law in load_laws([LAWS]):
        for when in (AS_OF, date(2014, 1, 1)):
            for f in evaluate(law, as_of=when, third_party=False).findings:
                cited = f.provision.citation if f.provision else ""
                for problem in _problems(f.reason, identifiers=True, citation=cited):
                    bad.append(f"{law.id} {f.checker}/{f.rule}: {problem}: {f.reason}")
    assert not bad, "\n".join(bad[:20])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(national_laws(max_offences=3, max_powers=3, max_rules=2))
def test_every_reason_template_reads_as_a_sentence(law: NationalLaw) -> None:
    # Generated citations may hold any characters; give them ordinary ones so that the template is judged.
    law = _ordinary_citations(law)
    for f in evaluate(law, as_of=AS_OF, third_party=False).findings:
        # Quoted free text (grounds, conditions) is generated too, so punctuation inside it is not judged.
        problems = [p for p in _problems(f.reason, identifiers=False) if not p.startswith(("raw value", "awkward"))]
        problems += [p for p in ("authorised by none", "by prior judicial") if p in f.reason]
        assert not problems, f"{f.checker}/{f.rule}: {problems}: {f.reason}"


def _ordinary_citations(law: NationalLaw) -> NationalLaw:
    def cite(items: object, prefix: str) -> object:
        if not isinstance(items, tuple):
            return items
        return tuple(x.model_copy(update={"citation": f"{prefix} {i}"}) for i, x in enumerate(items, 1))

    return law.model_copy(
        update={
            "offences": cite(law.offences, "Art."),
            "procedural_powers": cite(law.procedural_powers, "Section"),
            "cooperation_rules": cite(law.cooperation_rules, "Rule"),
        }
    )
