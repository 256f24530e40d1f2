"""Plugins written against 0.1 keep working for one release: the old field reads through, with a warning."""

from __future__ import annotations

import pytest

from cybercrime_check import ProceduralPower


def _power(review: object) -> ProceduralPower:
    return ProceduralPower.model_validate(
        {
            "id": "p",
            "citation": "s.9",
            "paraphrase": "Interception.",
            "sources": ["s"],
            "confidence": "primary",
            "kind": "content_interception",
            "ex_post_review": review,
        }
    )


@pytest.mark.parametrize(
    ("review", "old"),
    [
        ("none", False),
        ("unspecified", "unspecified"),
        ({"reviewer": "judge", "can_quash": True}, True),
        ({"reviewer": "judge", "report_only": True}, False),
        ({"reviewer": "judge"}, "unspecified"),
    ],
)
def test_ex_post_judicial_review_reads_through_with_a_warning(review: object, old: object) -> None:
    with pytest.warns(DeprecationWarning, match="ex_post_review"):
        assert _power(review).ex_post_judicial_review == old
