"""Find the four country indicators in an article's sentences, each row with its exact words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from components.countries import country_name, country_pattern, resolve
from components.extract.text import NUMBER_PATTERN, Seed, body_span, parse_number, sentence_spans
from components.indicators import VOTE

# Vote positions as news copy states them; the article's own words are kept as the position.
VOTE_POSITION = (r"abstained|did\s+not\s+vote|voted\s+(?:in\s+favou?r|for|against|yes|no)"
                 r"|supported|opposed|backed")


@dataclass(frozen=True)
class Rule:
    """How one indicator is stated: which sentences, and the pattern of a country's figure."""

    indicator: str
    sentence: str  # regex a sentence must match to state this indicator
    figure: str  # regex with groups `value` and `country`, searched within that sentence
    unit: str
    year: str = ""  # regex with group `year` for the year the sentence gives, if any
    as_of: str = ""  # regex whose match is the period in the article's words ("in 2021")
    attribution: str = ""  # regex with group `who` for whom the article credits


def _num() -> str:
    return rf"(?P<value>{NUMBER_PATTERN})"


def _country() -> str:
    return rf"(?P<country>{country_pattern()})"


def rules() -> tuple[Rule, ...]:
    """The indicator rules, written as patterns of the language, never of the article's numbers."""
    return (
        Rule("migrant_workers", sentence=r"\bwork(?:ers|ing)\b.*\bin\s+Russia\b",
             figure=rf"{_num()}\s+(?:workers\s+|migrants\s+|people\s+)?from\s+{_country()}\b",
             unit="workers", year=r"\bin\s+(?P<year>(?:19|20)\d\d)\b", as_of=r"\bin\s+(?:19|20)\d\d\b",
             attribution=r"According\s+to\s+(?P<who>[^,]+),"),
        Rule("remittances_share_of_gdp", sentence=r"\bRemittances\b.*\b(?:gross\s+domestic\s+product|GDP)\b",
             figure=rf"(?P<value>\d+(?:\.\d+)?%)\s+of\s+{_country()}[’']s\b",
             unit="percent of GDP", year=r"\bin\s+(?P<year>(?:19|20)\d\d)\b",
             as_of=r"\bin\s+(?:19|20)\d\d\b", attribution=r"According\s+to\s+(?P<who>[^,]+),"),
        Rule("citizenship_grants", sentence=r"\bacquired\s+(?:Russian\s+)?citizenship\b",
             figure=rf"{_num()}\s+{_country()}\b", unit="people",
             year=r"\bIn\s+(?P<year>(?:19|20)\d\d)\b", as_of=r"\bIn\s+(?:19|20)\d\d(?:\s+alone)?\b",
             attribution=r"According\s+to\s+(?P<who>[^,]+),"),
    )


VOTE_SENTENCE = r"\bGeneral\s+Assembly\b"
VOTE_DATE = r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b"


def find_figures(seed: Seed) -> list[dict]:
    """All indicator rows of one article, in the order the article states them."""
    rows = [row for rule in rules() for row in _numeric_rows(seed, rule)]
    rows += list(_vote_rows(seed))
    return rows


def _sentences(seed: Seed, pattern: str) -> Iterator[tuple[int, int]]:
    start, end = body_span(seed.text)
    for s, e in sentence_spans(seed.text, start, end):
        if re.search(pattern, seed.text[s:e], flags=re.S):
            yield s, e


def _numeric_rows(seed: Seed, rule: Rule) -> Iterator[dict]:
    for s, e in _sentences(seed, rule.sentence):
        sentence = seed.text[s:e]
        year = re.search(rule.year, sentence) if rule.year else None
        as_of = re.search(rule.as_of, sentence) if rule.as_of else None
        who = re.search(rule.attribution, sentence) if rule.attribution else None
        for m in re.finditer(rule.figure, sentence):
            value_text = m.group("value")
            yield _row(seed, rule.indicator, resolve(m.group("country")), s, e,
                       value=parse_number(value_text), value_text=value_text,
                       value_start=s + m.start("value"), unit=rule.unit,
                       year=year.group("year") if year else "",
                       as_of=as_of.group(0) if as_of else "",
                       attribution=who.group("who").strip() if who else "")


def _vote_rows(seed: Seed) -> Iterator[dict]:
    """Each clause "A, B and C <position>" of a General Assembly sentence gives one row per state."""
    group = rf"(?P<countries>(?:{country_pattern()})(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:{country_pattern()}))*)"
    for s, e in _sentences(seed, VOTE_SENTENCE):
        sentence = seed.text[s:e]
        date = re.search(VOTE_DATE, sentence)
        for m in re.finditer(rf"{group}\s+(?P<position>{VOTE_POSITION})", sentence):
            position = re.sub(r"\s+", " ", m.group("position"))
            for c in re.finditer(country_pattern(), m.group("countries")):
                yield _row(seed, VOTE, resolve(c.group(0)), s, e, value=None,
                           value_text=m.group("position"), value_start=s + m.start("position"),
                           unit="", position=position, as_of=date.group(0) if date else "")


def _row(seed: Seed, indicator: str, iso3: str, start: int, end: int, *, value: float | None,
         value_text: str, value_start: int, unit: str, year: str = "", as_of: str = "",
         attribution: str = "", position: str = "") -> dict:
    return {"source": seed.name, "indicator": indicator, "country_iso3": iso3,
            "country": country_name(iso3), "value": value, "position": position,
            "value_text": value_text, "unit": unit, "year": year, "as_of": as_of,
            "attribution": attribution, "quote": seed.text[start:end], "start": start, "end": end,
            "value_start": value_start, "value_end": value_start + len(value_text)}
