"""Turning the model's identifiers into the words a lawyer reads, in one place.

Reports, reasons and triage grounds all say ``data_interference`` as "data interference" and
``GB`` as "the United Kingdom"; doing it here keeps every output saying it the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache


def words(identifier: str) -> str:
    """``snake_case`` as words: ``"prior_judicial"`` -> ``"prior judicial"``."""
    return identifier.replace("_", " ")


def sentence(text: str) -> str:
    """Capitalise the first letter only (``str.capitalize`` would lower-case "TN" and "Art.")."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter, unless the first word is an acronym ("ICT-system-related ...")."""
    first = text.split(" ", 1)[0].split("-", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def and_join(items: Sequence[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def words_and(identifiers: Iterable[str]) -> str:
    """Identifiers as words joined with "and": ``("search", "extradition")`` -> ``"search and extradition"``."""
    return and_join([words(i) for i in identifiers])


def possessive(name: str) -> str:
    """Possessive: "Tunisia's", "the Netherlands'"."""
    return name + ("'" if name.endswith("s") else "'s")


_THE = frozenset({"AE", "BS", "CD", "CF", "CZ", "DO", "GB", "GM", "KM", "KY", "MH", "MV", "NL", "PH", "RU", "SB", "US"})
"""States whose English short name takes "the" ("the Netherlands", "the Russian Federation")."""


@cache
def country_name(code: str) -> str:
    """The country's English short name from ISO 3166-1 (pycountry), as a table heading uses it."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or country.name) if country else code


def state_name(code: str) -> str:
    """The state's English short name, as a sentence uses it ("the Netherlands", "Tunisia")."""
    name = country_name(code)
    return f"the {name}" if code in _THE else name


CATEGORY_WORDS = {
    "misuse_of_devices": "misuse of devices",
    "csam": "child sexual abuse or exploitation material",
    "grooming": "grooming of a child",
    "ncii": "non-consensual dissemination of intimate images",
    "laundering": "laundering of proceeds of crime",
    "false_information": "false information",
    "defamation_insult": "defamation or insult",
    "insult_head_of_state": "insult to the head of state",
    "public_order_morals": "public order or morals",
    "religion": "religion (blasphemy or insult to religion)",
    "extremism_terrorism_speech": "extremism or terrorism speech",
    "lgbtq": "LGBTQ+ expression",
    "national_unity_strife": "national unity or strife",
}


def category_words(category: str) -> str:
    """An offence category as words ("extremism or terrorism speech")."""
    return CATEGORY_WORDS.get(category, words(category))


def article_label(ref: str | None, title: str = "", *, missing: str = "no counterpart") -> str:
    """A Convention article as a report cites it: ``"Art 24"``, or ``missing`` (which may use ``{title}``)
    when the chosen text version has no counterpart or the number is not recorded."""
    return f"Art {ref}" if ref else missing.format(title=title)
