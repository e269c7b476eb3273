"""The period a figure is for: its sentence's year, its paragraph's, or one resolved from the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

YEAR = r"(?:19|20)\d\d"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH = (r"(?:" + "|".join(MONTHS) + r"|Jan\b\.?|Feb\b\.?|Mar\b\.?|Apr\b\.?|Jun\b\.?|Jul\b\.?|Aug\b\.?|Sept?\b\.?"
         r"|Oct\b\.?|Nov\b\.?|Dec\b\.?)")

# A year stated for a figure: "in 2021", "In 2020 alone", "by the end of 2023", "in the first half of 2022",
# "as of January 2024", "for mid-2021", "(2022)", "the 2023 count", "2022 ministry data", "GDP, 2020:".
_LEAD = (r"(?:(?:by|at|to|until|as\s+of|as\s+at)\s+the\s+(?:end|close|start|beginning|middle)\s+of"
         r"|(?:in\s+)?(?:just\s+|only\s+)?the\s+(?:first|second|last)\s+"  # "the first quarter of 2023 saw"
         r"(?:half|quarter|six\s+months|nine\s+months)\s+of|(?:in\s+)?the\s+(?:third|fourth)\s+quarter\s+of|as\s+of|as\s+at"
         r"|in|for|during|throughout|over|by|at\s+end-|end-)")
STATED = re.compile(rf"""(?ix)
    (?P<words>
      \b{_LEAD}\s*(?:(?:early|mid|late)[-\s])?(?:(?-i:{MONTH})\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{YEAR})(?!\s*[-–]\s*\d)
      (?:\s+alone)?\b
    | \b(?:(?:in|during|for|over)\s+|from\s+)?(?-i:{MONTH})\s*(?:[-–—]|\s+to\s+|\s+through\s+)\s*(?-i:{MONTH})
      (?:,?\s+|\s+of\s+)(?P<year7>{YEAR})\b
    | \((?P<year2>{YEAR})\)
    | \b(?:the\s+)?(?P<year3>{YEAR})(?:\s+[a-z]+){{0,2}}?\s+(?:figures?|data|count|numbers?|statistics|estimates?|census
      |total|tally|report|table)\b
    | \b(?P<year4>{YEAR}):
    | \b(?:(?-i:{MONTH})\s+)?(?P<year5>{YEAR})\s*,\s*(?=\S)(?!\d)
    | (?<=,\s)(?P<year6>{YEAR})\s*$
    | (?<=\s)(?P<year8>{YEAR})(?=\s+(?:GDP|gross\s+domestic\s+product|economic\s+output)\b)
    | \b(?P<year9>{YEAR})(?=\s+(?:was|marked|saw|brought|became|proved|has\s+been)\s)
    )""")
# year8: "31% of their 2020 GDP", "of Tajikistan's 2021 gross domestic product": the year of the GDP measured.
# year9: "2024 marked a record year for remittances", "2023 saw …": a year as the subject of its sentence.
# Years that date something else: "since 2011", "than in 2021", "compared with 2020", "until 2019", "by 2030".
NOT_FOR_FIGURE = re.compile(rf"(?i)(?:since|from|until|till|than(?:\s+in)?|compared\s+(?:with|to)(?:\s+in)?|versus"
                            rf"|vs\.?|began\s+in|started\s+in|founded\s+in|born\s+in|before|after|between|record\s+set"
                            rf"\s+in|signed\s+in|adopted\s+in|left\s+in|in\s+the\s+year\s+(?:before|after)"
                            rf"|(?:released|published|issued|presented|launched|updated)\s+in)\s+"
                            rf"(?:(?-i:{MONTH})\s+)?{YEAR}\b")
RELATIVE = re.compile(r"""(?ix)\b(?P<words>
      (?:in\s+the\s+(?:first|second)\s+(?:half|quarter)\s+of\s+|in\s+the\s+first\s+(?:six|nine)\s+months\s+of\s+
        |(?:in\s+|from\s+)?(?-i:_MONTH_)\s*(?:[-–—]|\s+to\s+)\s*(?-i:_MONTH_)\s+
        |(?:at|by)\s+the\s+(?:end|start|beginning)\s+of\s+|(?:earlier|later)\s+|as\s+of\s+(?-i:[A-Z][a-z]+)\s+\d{1,2}\s+)?
      (?P<which>this|last|past|previous)\s+year(?P<poss>['’]s)?
    | the\s+year\s+before\s+last
    | a\s+year\s+(?:earlier|ago|before|later)
    | the\s+(?:year|twelve\s+months)\s+before(?:\s+that)?
    | the\s+(?:previous|preceding|following|next)\s+year
    )\b""".replace("_MONTH_", MONTH))
OWN_TIME = re.compile(r"(?i)\b(?:today|now|currently|at\s+present|presently|these\s+days|nowadays|so\s+far\s+this"
                      r"|to\s+date|over\s+the\s+(?:past\s+|last\s+)?(?:\w+\s+)?(?:years|decades)|in\s+some\s+years"
                      r"|since\s+independence|in\s+(?:the\s+)?(?:past|recent|previous|earlier)\s+years"
                      r"|historically|traditionally|typically|usually|on\s+average)\b")
# A period told by an event ("prior to the war", "since the invasion"): the sentence's own time, not the paragraph's.
EVENT_TIME = re.compile(r"(?i)\b(?:prior\s+to|before|since|after)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}"
                        r"(?:war|invasion|pandemic|mobili[sz]ation)\b")
SAME_PERIOD = re.compile(r"(?i)\b(?:in\s+the\s+same\s+(?:period|year|months?|half)|that\s+year|the\s+same\s+year|"
                         r"over\s+the\s+same\s+period)\b")


@dataclass(frozen=True)
class Period:
    """When a figure is for: the year (or empty), how it was found, and the article's words."""

    year: str = ""
    basis: str = ""  # stated | paragraph | publication date | "" (the article gives none)
    as_of: str = ""


NONE = Period()


@dataclass(frozen=True)
class TimeWords:
    """A period the text states: absolute ("in 2021") or relative ("last year", resolved or not)."""

    start: int
    end: int
    year: str  # empty for a relative period that cannot be resolved
    words: str
    relative: bool


SPAN = re.compile(rf"(?i)\b(?:between\s+{YEAR}\s+and\s+{YEAR}|from\s+{YEAR}\s+(?:to|through|until|till)\s+{YEAR}"
                  rf"|(?:in|during|over|for)\s+(?:the\s+(?:years|period)\s+)?{YEAR}\s*[-–]\s*(?:19|20)?\d\d"
                  rf"|{YEAR}\s*[-–]\s*(?:19|20)?\d\d)\b")


@lru_cache(maxsize=4096)
def time_words(text: str, start: int, end: int, published: date | None) -> list[TimeWords]:
    """The periods text[start:end] gives for figures, in order, without years that date something else.
    A span of years ("between 2015 and 2020") is a period of its own: its words, and no single year."""
    spans = [m for m in SPAN.finditer(text, start, end)]
    excluded = [m.span() for m in NOT_FOR_FIGURE.finditer(text, start, end)] + [m.span() for m in spans]
    found = [TimeWords(m.start(), m.end(), "", m.group(0), False) for m in spans]
    for m in STATED.finditer(text, start, end):
        year = next(g for g in (m.group("year"), m.group("year2"), m.group("year3"), m.group("year4"),
                                m.group("year5"), m.group("year6"), m.group("year7"), m.group("year8"),
                                m.group("year9")) if g)
        if any(s <= m.start("words") < e or s < m.end("words") <= e for s, e in excluded):
            continue
        found.append(TimeWords(m.start("words"), m.end("words"), year, m.group("words").strip(" ,"), False))
    for m in RELATIVE.finditer(text, start, end):
        which = (m.group("which") or "").lower()
        lowered = m.group(0).lower()
        if lowered.startswith("the year before last"):
            which = "before last"
        elif lowered.startswith("a year"):
            which = "earlier"
        if any(f.start <= m.start() < f.end for f in found):
            continue
        found.append(TimeWords(m.start("words"), m.end("words"), resolve_relative(which, published),
                               m.group("words"), True))
    for m in DAY_NO_YEAR.finditer(text, start, end):
        if not any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in found):
            found.append(TimeWords(m.start("words"), m.end("words"), day_without_year(m, published),
                                   m.group("words"), True))
    return sorted(found, key=lambda t: t.start)


# "As of January 12" with no year: the latest such day on or before the publication date. Not "on April 7" (the
# day something was said or done, not what a count is as of).
DAY_NO_YEAR = re.compile(rf"(?i)\b(?P<words>(?:as\s+of|as\s+at)\s+(?:(?P<month>(?-i:{MONTH}))\s+(?P<day>\d{{1,2}})"
                         rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>(?-i:{MONTH}))))\b(?!,?\s*(?:19|20)\d\d|\s*[-–/.:\d])")


def day_without_year(m: re.Match, published: date | None) -> str:
    """The year of a day written without one ("as of January 12"), from the publication date; empty without it."""
    if published is None:
        return ""
    month = [name[:3].lower() for name in MONTHS].index((m.group("month") or m.group("month2"))[:3].lower()) + 1
    day = int(m.group("day") or m.group("day2"))
    return str(published.year if (month, day) <= (published.month, published.day) else published.year - 1)


def resolve_relative(which: str, published: date | None) -> str:
    """The year a relative period names, from the publication date; empty when it cannot be known."""
    if published is None:
        return ""
    offset = {"this": 0, "last": -1, "past": -1, "previous": -1, "before last": -2}.get(which)
    return "" if offset is None else str(published.year + offset)


def _period(t: TimeWords, basis: str) -> Period:
    if not t.year and not t.relative:
        return Period("", "", t.words)  # a span of years: the words, no single year
    if t.relative:
        return Period(t.year, "publication date" if t.year else "", t.words)
    return Period(t.year, basis, t.words)


def period_for(text: str, number: tuple[int, int], sentence: tuple[int, int], clause: tuple[int, int],
               earlier: list[tuple[int, int]], published: date | None,
               others: list[tuple[int, int]] = ()) -> Period:
    """The period of a number: its own, its sentence's, its paragraph's; relative words resolved from publication."""
    s, e = sentence
    found = time_words(text, s, e, published)
    if found:
        own = _own(text, number, found, clause, others)
        return _period(own, "stated") if own else NONE
    if (OWN_TIME.search(text, s, e) or EVENT_TIME.search(text, s, e)) and not SAME_PERIOD.search(text, s, e):
        return NONE
    for ps, pe in reversed(earlier):
        found = time_words(text, ps, pe, published)
        if found:
            if len({(t.year, t.relative) for t in found}) == 1 or len({t.words for t in found}) == 1:
                return _period(found[0], "paragraph")
            stated = [t for t in found if not t.relative]
            if len({t.year for t in stated}) == 1 and all(_COMPARED.search(t.words) for t in found if t.relative):
                return _period(stated[0], "paragraph")  # "In 2022 … double the previous year's figure": 2022
            return NONE
    return NONE


_COMPARED = re.compile(r"(?i)\b(?:previous|preceding|prior)\s+year|\byear\s+(?:before|earlier)")


def _own(text: str, number: tuple[int, int], found: list[TimeWords], clause: tuple[int, int],
         others: list[tuple[int, int]]) -> TimeWords | None:
    """The period bound to the number: the only one, the one right after it, or the one before it in its clause."""
    at, end = number
    if len({(t.year, t.words if t.relative and not t.year else "") for t in found}) == 1:
        t = found[0]
        if OWN_TIME.search(text, min(t.end, end), max(t.start, at)):
            return None  # "in 2016 it was about 2 million, and now it is about 1.5 million": the second is for now
        return t
    ce = clause[1]
    between = [o for o in others if o != number]
    after = [t for t in found if end <= t.start <= end + 80 and t.start < ce
             and not any(end <= o[0] < t.start for o in between)]
    if after:
        return after[0]
    before = [t for t in found if t.end <= at and not any(t.end <= o[0] < at for o in between)]
    if before and not OWN_TIME.search(text, before[-1].end, at):
        return before[-1]  # not "… 735 million in 2005, remittances … currently represent 31 per cent": now
    return None
