"""The Convention data in policies/ is internally consistent."""

from __future__ import annotations

from cybercrime_check.engine.catalogue import catalogue

ORDER = {"unconfirmed": 0, "partial": 1, "confirmed": 2}


def test_draft_rows_carry_their_crosswalk_confidence() -> None:
    cat = catalogue()
    by_draft = {m.draft: m for m in cat.crosswalk}
    rows = {a.ref: a for a in cat.versions["uncc-draft-2024-02"].articles}
    assert set(rows) == set(by_draft)
    for ref, article in rows.items():
        assert article.confidence == by_draft[ref].confidence, ref


def test_no_mapping_is_confirmed_while_the_february_text_is_unread() -> None:
    assert all(m.confidence != "confirmed" for m in catalogue().crosswalk)


def test_every_cited_source_is_listed() -> None:
    cat = catalogue()
    for version in cat.versions.values():
        for article in version.articles:
            assert set(article.sources) <= set(cat.sources), (version.id, article.ref)


def test_a_paragraph_is_never_more_certain_than_its_article() -> None:
    cat = catalogue()
    for key, concept in cat.concepts.items():
        article = cat.article("uncc-2024", concept.ref)
        assert article is not None, key
        assert ORDER[cat.resolve(key).confidence] <= ORDER[article.confidence], key
