"""The Markdown report has what the HTML report has: summary first, sources with confidence, line numbers,
caveats and reviews, with data kept inert."""

from __future__ import annotations

from datetime import date

from cybercrime_check import evaluate, load_law
from cybercrime_check.engine.review import FindingKey, Review, ReviewFile, apply_reviews
from cybercrime_check.reports.markdown import render_markdown
from tests.paths import AS_OF, LAWS


def test_markdown_parity_with_html() -> None:
    law = load_law(LAWS / "tn-decree-law-2022-54.yaml")
    v = evaluate(law, as_of=AS_OF, third_party=False)
    text = render_markdown(v, law=law)
    order = [
        text.index(h)
        for h in (
            "## Most serious violations",
            "## What the data does not say",
            "## Provision by provision",
            "## Sources of the modelled law",
            "## How to cite this report",
        )
    ]
    assert order == sorted(order)
    assert "line 135" in text  # where the provision is in the law file
    assert "confidence primary" in text and "> **Caveat:**" in text and "> **Scope:**" in text
    assert "(article number not recorded) (article number not recorded)" not in text
    assert v.law.content_hash in text and "not legal advice" in text


def test_markdown_shows_a_waiver_and_unmatched_reviews() -> None:
    law = load_law(LAWS / "tn-decree-law-2022-54.yaml")
    v = evaluate(law, as_of=AS_OF, third_party=False)
    target = next(f for f in v.findings if f.status == "non_compliant")
    key = FindingKey(
        law=law.id,
        provision=target.provision.provision_id,
        limb=target.provision.limb,
        checker=target.checker,
        rule=target.rule,
    )
    typo = FindingKey(law=law.id, provision="art-99", checker="scope", rule="nope")
    reviews = ReviewFile(
        reviews=(
            Review(
                finding=key,
                decision="waive",
                reviewer="A. Reviewer",
                date=date(2026, 11, 1),
                justification="Pending.",
                expires=date(2027, 1, 1),
            ),
            Review(
                finding=typo, decision="accept", reviewer="A. Reviewer", date=date(2026, 11, 1), justification="Typo."
            ),
        )
    )
    reviewed = apply_reviews(v, reviews, AS_OF).verdict
    text = render_markdown(reviewed, law=law)
    assert "Review: waived by A. Reviewer on 2026-11-01 (until 2027-01-01): Pending." in text
    assert "Reviews that match no finding:" in text and "art-99" in text
