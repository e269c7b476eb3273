"""The five Central Asian states, and resolving their names, demonyms and possessives in text to ISO3 codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry

# The region the story covers, in the order the dashboard lists it (alphabetical by name).
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

# Forms English news copy uses besides pycountry's names: official and older names, demonyms for people
# (nouns and adjectives, singular and plural). "Kazakh" is also an ethnicity; reporters use it for citizens.
EXTRA_FORMS = {
    "KAZ": ("Republic of Kazakhstan", "Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"),
    "KGZ": ("Kyrgyz Republic", "Kirghizia", "Kirgizia", "Kyrgyz", "Kyrgyzs", "Kirghiz", "Kyrgyzstani", "Kyrgyzstanis"),
    "TJK": ("Republic of Tajikistan", "Tajik", "Tajiks", "Tajikistani", "Tajikistanis"),
    "TKM": ("Turkmen", "Turkmens", "Turkmenistani", "Turkmenistanis"),
    "UZB": ("Republic of Uzbekistan", "Uzbek", "Uzbeks", "Uzbekistani", "Uzbekistanis"),
}
# Demonyms stand for people; names stand for the state. Both resolve to the same code.
PEOPLE_FORMS = frozenset(f for forms in EXTRA_FORMS.values() for f in forms if not f.endswith(("Republic", "ia"))
                         and not f.startswith("Republic"))

# Other states and peoples that articles on this story set beside Central Asia; a number tied to one of them
# is theirs. pycountry supplies the names; these are the demonyms reporters use.
OTHER_DEMONYMS = (
    "Russian", "Russians", "Ukrainian", "Ukrainians", "Armenian", "Armenians", "Azerbaijani", "Azerbaijanis",
    "Belarusian", "Belarusians", "Georgian", "Georgians", "Moldovan", "Moldovans", "Chinese", "Afghan",
    "Afghans", "Indian", "Indians", "Pakistani", "Pakistanis", "Turkish", "Turks", "Iranian", "Iranians",
    "Korean", "Koreans", "Vietnamese", "Syrian", "Syrians", "Nepali", "Nepalese", "Mongolian", "Mongolians",
    "Lithuanian", "Latvian", "Estonian", "Filipino", "Filipinos", "Bangladeshi", "Bangladeshis",
)
OTHER_NAMES = ("Russia", "Russian Federation", "the Russian Federation", "Ukraine", "Moldova", "Belarus", "Armenia",
               "Azerbaijan", "Georgia", "China", "Afghanistan", "Turkey", "Türkiye", "Iran", "India", "Pakistan",
               "South Korea", "North Korea", "Syria", "Nepal", "Tonga", "Lebanon", "Samoa", "Haiti", "Kosovo",
               "Honduras", "El Salvador", "Lesotho", "Gambia", "Mongolia", "Latvia", "Lithuania", "Estonia",
               "Poland", "Germany", "the United States", "the US", "the U.S.", "Eritrea", "Nicaragua", "USA", "the USA",
               "UAE", "the UAE", "the UK", "the EU", "the European Union", "Czech Republic", "Republic of Congo",
               "the Republic of Congo")


@dataclass(frozen=True)
class Mention:
    """A Central Asian state named in text: its span, code, written form and grammar."""

    start: int
    end: int
    iso3: str
    form: str
    people: bool  # a demonym (Tajiks, Uzbek migrants) rather than the state's name
    possessive: bool  # "Tajikistan's", "Kyrgyzstan’s"


@cache
def country_name(iso3: str) -> str:
    """English short name of a country, from pycountry."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise KeyError(f"unknown ISO3 code {iso3!r}")
    return getattr(country, "common_name", None) or country.name


@cache
def name_forms() -> dict[str, str]:
    """Every written form (name, official name, demonym, plural) mapped to its ISO3 code."""
    forms: dict[str, str] = {}
    for iso3 in CENTRAL_ASIA:
        country = pycountry.countries.get(alpha_3=iso3)
        for name in {country.name, getattr(country, "common_name", country.name)}:
            forms[name] = iso3
        for form in EXTRA_FORMS[iso3]:
            forms[form] = iso3
    return forms


def country_pattern() -> str:
    """Regex alternation of all forms, longest first so "Kazakhstan" wins over "Kazakh"."""
    return "|".join(re.escape(f) for f in sorted(name_forms(), key=len, reverse=True))


@cache
def _mention_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:the\s+)?(?P<form>{country_pattern()})(?P<born>-born)?(?!\w)"
                      r"(?P<poss>['’]s?(?!\w))?")


@cache
def other_country_regex() -> re.Pattern[str]:
    """Names and demonyms of states outside Central Asia (longest first)."""
    names = {c.name for c in pycountry.countries} | {getattr(c, "common_name", c.name) for c in pycountry.countries}
    names = {n for n in names if "," not in n and n not in name_forms()} | set(OTHER_NAMES) | set(OTHER_DEMONYMS)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])(?:['’]s?(?!\w))?")


def resolve(form: str) -> str:
    """ISO3 code of a written form such as "Tajikistan", "Tajiks", "the Kyrgyz Republic" or "Tajikistan-born"."""
    base = re.sub(r"(?:-born|['’]s?)$", "", form.strip())
    base = re.sub(r"^the\s+", "", base)
    try:
        return name_forms()[base]
    except KeyError:
        raise KeyError(f"not a Central Asian country or demonym: {form!r}") from None


def mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every Central Asian state named in text[start:end], with offsets into text."""
    end = len(text) if end is None else end
    found = []
    for m in _mention_regex().finditer(text, start, end):
        form = m.group("form")
        found.append(Mention(m.start("form"), m.end("form"), name_forms()[form], form,
                             people=form in PEOPLE_FORMS and not m.group("born"), possessive=bool(m.group("poss"))))
    return found


def countries_in(text: str) -> list[str]:
    """ISO3 codes of the Central Asian states a piece of text mentions, in order of first mention."""
    found: list[str] = []
    for m in mentions(text):
        if m.iso3 not in found:
            found.append(m.iso3)
    return found
