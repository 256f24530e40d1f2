"""How safeguard findings name who authorises and who reviews a power, in words a reader expects."""

from __future__ import annotations

from ..model.procedural_power import ExPostReview
from ..model.wording import words


def _reviewer(review: object) -> str:
    """The reviewer with its article: 'a court', 'an independent body'."""
    who = words(review.reviewer) if isinstance(review, ExPostReview) and review.reviewer != "unspecified" else "court"
    return ("an " if who[:1] in "aeiou" else "a ") + who


def authorised_as(value: str) -> str:
    """The verb phrase for who authorises a power: 'needs no authorisation', 'is authorised by the police'."""
    return {
        "none": "needs no authorisation",
        "executive_or_police": "is authorised by the executive or the police",
        "prosecutor": "is authorised by a prosecutor",
    }.get(value, f"is authorised by {authority_words(value)}")


def _not_by(who: str, what: str) -> str:
    if who.startswith("needs no"):
        return f"needs no authorisation at all, from {what} or anyone else"
    return f"{who}, not by {what} beforehand"


def authority_words(value: str) -> str:
    """Who authorises, as a sentence says it: 'a judge beforehand', 'an independent body', 'a prosecutor'."""
    return {
        "prior_judicial": "a judge beforehand",
        "independent_body": "an independent body",
        "prosecutor": "a prosecutor",
    }.get(value, words(value))


def _review_text(review: object) -> str:
    if not isinstance(review, ExPostReview):
        return str(review)
    parts = [
        f"reviewer: {words(review.reviewer)}",
        f"deadline: {review.deadline_hours} h"
        if isinstance(review.deadline_hours, int)
        else f"deadline: {review.deadline_hours}",
    ]
    parts.append(f"can quash: {review.can_quash}")
    if review.report_only:
        parts.append("report only")
    return "; ".join(parts)
