"""The five Central Asian states, and resolving their names and demonyms to ISO3 codes."""

from __future__ import annotations

import re
from functools import cache

import pycountry

# The region the story covers, in the order the dashboard lists it (alphabetical by name).
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

# pycountry has no demonyms; these are the forms English news copy uses for people.
DEMONYMS = {"KAZ": ("Kazakh", "Kazakhs"), "KGZ": ("Kyrgyz",), "TJK": ("Tajik", "Tajiks"),
            "TKM": ("Turkmen", "Turkmens"), "UZB": ("Uzbek", "Uzbeks")}


@cache
def country_name(iso3: str) -> str:
    """English short name of a country, from pycountry."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise KeyError(f"unknown ISO3 code {iso3!r}")
    return getattr(country, "common_name", None) or country.name


@cache
def name_forms() -> dict[str, str]:
    """Every written form (name, demonym, plural) mapped to its ISO3 code."""
    forms: dict[str, str] = {}
    for iso3 in CENTRAL_ASIA:
        country = pycountry.countries.get(alpha_3=iso3)
        for name in {country.name, getattr(country, "common_name", country.name)}:
            forms[name] = iso3
        for demonym in DEMONYMS[iso3]:
            forms[demonym] = iso3
    return forms


def country_pattern() -> str:
    """Regex alternation of all forms, longest first so "Kazakhstan" wins over "Kazakh"."""
    return "|".join(re.escape(f) for f in sorted(name_forms(), key=len, reverse=True))


def resolve(form: str) -> str:
    """ISO3 code of a written form such as "Tajikistan", "Tajiks" or "Tajikistan-born"."""
    base = re.sub(r"-born$", "", form.strip())
    try:
        return name_forms()[base]
    except KeyError:
        raise KeyError(f"not a Central Asian country or demonym: {form!r}") from None


def countries_in(text: str) -> list[str]:
    """ISO3 codes of the Central Asian states a piece of text mentions, in order of first mention."""
    found: list[str] = []
    for m in re.finditer(rf"\b(?:{country_pattern()})\b", text):
        iso3 = resolve(m.group(0))
        if iso3 not in found:
            found.append(iso3)
    return found
