"""Reviews never hide a finding; baselines show only what is new or worse, and count the rest."""

from __future__ import annotations

from datetime import date

from cybercrime_check import Finding, evaluate, load_law
from cybercrime_check.engine.review import Decision, FindingKey, Review, ReviewFile, apply_reviews, review_words, waived
from cybercrime_check.reports.baseline import against_baseline
from tests.paths import AS_OF, LAWS

TN = LAWS / "tn-decree-law-2022-54.yaml"


def _key(f: Finding) -> FindingKey:
    p = f.provision
    return FindingKey(law=p.law_id, provision=p.provision_id, limb=p.limb, checker=f.checker, rule=f.rule)


def _review(key: FindingKey, decision: Decision = "waive", expires: date | None = date(2027, 1, 1)) -> Review:
    return Review(
        finding=key,
        decision=decision,
        reviewer="A. Reviewer",
        date=date(2026, 11, 1),
        justification="Reform pending.",
        expires=expires,
    )


def test_waiver_marks_but_keeps_and_expires() -> None:
    v = evaluate(load_law(TN), as_of=AS_OF, third_party=False)
    target = next(f for f in v.findings if f.status == "non_compliant" and f.provision.provision_id)
    file = ReviewFile(reviews=(_review(_key(target)),))
    live = apply_reviews(v, file, date(2026, 12, 1)).verdict
    assert len(live.findings) == len(v.findings)
    marked = [f for f in live.findings if f.review is not None]
    assert marked and all(waived(f) for f in marked)
    assert "waived by A. Reviewer" in (review_words(marked[0]) or "") and "until 2027-01-01" in (
        review_words(marked[0]) or ""
    )
    later = apply_reviews(v, file, date(2027, 2, 1)).verdict
    assert not any(waived(f) for f in later.findings)
    assert any(f.review is not None and f.review.expired for f in later.findings)


def test_a_review_matching_nothing_is_reported() -> None:
    v = evaluate(load_law(TN), as_of=AS_OF, third_party=False)
    typo = FindingKey(law=v.law.id, provision="art-99", checker="scope", rule="nope")
    other_law = FindingKey(law="gb-computer-misuse-act-1990", provision="s1", checker="scope", rule="x")
    result = apply_reviews(v, ReviewFile(reviews=(_review(typo), _review(other_law))), AS_OF)
    assert [r.finding for r in result.unmatched] == [typo]
    assert result.verdict.unmatched_reviews == (typo.label(),)
    assert '"unmatched_reviews"' in result.verdict.to_json()
    assert '"unmatched_reviews"' not in v.to_json() and '"review"' not in v.to_json()


def test_baseline_shows_only_new_or_worse_and_counts_the_rest() -> None:
    law = load_law(TN)
    old = evaluate(law, as_of=AS_OF, third_party=False)
    same = against_baseline(old, old, "old.json")
    assert same.findings == () and same.baseline is not None
    assert same.baseline.hidden == len(old.findings) and same.baseline.shown == 0
    # A baseline without the legality findings: only those that are violations or gaps come back.
    earlier = old.model_copy(update={"findings": tuple(f for f in old.findings if f.checker != "legality")})
    newer = against_baseline(old, earlier, "old.json")
    shown = {f.checker for f in newer.findings}
    assert shown == {"legality"} and newer.baseline is not None
    assert newer.baseline.shown + newer.baseline.hidden == len(old.findings)
