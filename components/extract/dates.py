"""The period a figure is for: a year in its sentence, earlier in its paragraph, or resolved from the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

YEAR = r"(?:19|20)\d\d"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH = r"(?:" + "|".join(MONTHS) + r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"

# A year stated for a figure: "in 2021", "In 2020 alone", "by the end of 2023", "in the first half of 2022",
# "as of January 2024", "(2022)", "the 2023 count". Group `year` is the year.
_LEAD = (r"(?:(?:by|at|to|until)\s+the\s+(?:end|close|start|beginning|middle)\s+of|in\s+the\s+(?:first|second|last)\s+"
         r"(?:half|quarter|six\s+months|nine\s+months)\s+of|in\s+the\s+(?:third|fourth)\s+quarter\s+of|as\s+of|as\s+at"
         r"|in|for|during|throughout|over|at\s+end-|end-|in\s+(?:early|mid|late)[-\s]?|(?:early|mid|late)[-\s])")
STATED = re.compile(rf"""(?ix)
    (?P<words>
      \b{_LEAD}\s*(?:(?-i:{MONTH})\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{YEAR})(?!\s*[-–]\s*\d)(?:\s+alone)?\b
    | \((?P<year2>{YEAR})\)
    | \b(?:the\s+)?(?P<year3>{YEAR})\s+(?:figures?|data|count|numbers?|statistics|estimates?|census|total|tally|report)\b
    | ^(?P<year4>{YEAR}):
    )""")
# Years that date something else: "since 2011", "than in 2021", "compared with 2020", "until 2019", "by 2030".
NOT_FOR_FIGURE = re.compile(rf"(?i)(?:since|from|until|till|than(?:\s+in)?|compared\s+(?:with|to)(?:\s+in)?|versus|vs\.?"
                            rf"|began\s+in|started\s+in|founded\s+in|born\s+in|up\s+from|down\s+from|before|after"
                            rf"|between|by|record\s+set\s+in)\s+(?:(?-i:{MONTH})\s+)?{YEAR}\b")
RELATIVE = re.compile(r"""(?ix)\b(?P<words>
      (?:in\s+the\s+(?:first|second)\s+(?:half|quarter)\s+of\s+|(?:at|by)\s+the\s+end\s+of\s+|(?:earlier|later)\s+)?
      (?P<which>this|last|past|previous)\s+year(?P<poss>['’]s)?
    | the\s+year\s+before\s+last
    | a\s+year\s+(?:earlier|ago|before)
    )\b""")
OWN_TIME = re.compile(r"(?i)\b(?:today|now|currently|at\s+present|presently|these\s+days|nowadays|so\s+far\s+this)\b")


@dataclass(frozen=True)
class Period:
    """When a figure is for: the year (or empty), how it was found, and the article's words."""

    year: str = ""
    basis: str = ""  # stated | paragraph | publication date | "" (the article gives none)
    as_of: str = ""


NONE = Period()


@dataclass(frozen=True)
class YearWords:
    start: int
    end: int
    year: str
    words: str


def stated_years(text: str, start: int, end: int) -> list[YearWords]:
    """The years text[start:end] gives for figures, in order, without those that date something else."""
    excluded = [m.span() for m in NOT_FOR_FIGURE.finditer(text, start, end)]
    found = []
    for m in STATED.finditer(text, start, end):
        year = next(g for g in (m.group("year"), m.group("year2"), m.group("year3"), m.group("year4")) if g)
        at = m.start("words")
        if any(s <= at < e or s < m.end() <= e for s, e in excluded):
            continue
        found.append(YearWords(m.start("words"), m.end("words"), year, m.group("words")))
    return found


def relative_years(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Relative periods ("last year", "in the first half of this year"): (start, end, words, which)."""
    out = []
    for m in RELATIVE.finditer(text, start, end):
        which = (m.group("which") or "").lower()
        if m.group(0).lower().startswith("the year before last"):
            which = "before last"
        elif m.group(0).lower().startswith("a year"):
            which = "earlier"
        out.append((m.start("words"), m.end("words"), m.group("words"), which))
    return out


def resolve_relative(which: str, published: date | None) -> str:
    """The year a relative period names, from the publication date; empty when it cannot be known."""
    if published is None:
        return ""
    offset = {"this": 0, "last": -1, "past": -1, "previous": -1, "before last": -2}.get(which)
    return "" if offset is None else str(published.year + offset)


def period_for(text: str, number: tuple[int, int], sentence: tuple[int, int], clause: tuple[int, int],
               earlier: list[tuple[int, int]], published: date | None) -> Period:
    """The period of a number at offset `at`: its own year, its sentence's, its paragraph's, or its publication's."""
    s, e = sentence
    years = stated_years(text, s, e)
    relative = relative_years(text, s, e)
    if years:
        own = _own_year(text, number, years, clause)
        if own is not None:
            return Period(own.year, "stated", own.words) if own else NONE
    if relative:
        if len(relative) == 1 or len({r[3] for r in relative}) == 1:
            start, end, words, which = relative[0]
            year = resolve_relative(which, published)
            return Period(year, "publication date" if year else "", words)
        return NONE
    if OWN_TIME.search(text, s, e):
        return NONE
    for ps, pe in reversed(earlier):
        framing = _framing_year(text, ps, pe, published)
        if framing is not None:
            return framing
    return NONE


def _own_year(text: str, number: tuple[int, int], years: list[YearWords],
              clause: tuple[int, int]) -> YearWords | str | None:
    """One year for the number: the only one, or the one bound to it; "" when several compete."""
    at, end = number
    if len({y.year for y in years}) == 1:
        return years[0]
    cs, ce = clause
    after = [y for y in years if end <= y.start <= end + 40 and y.start < ce and not re.search(r"\d", text[end:y.start])]
    if after:
        return after[0]
    in_clause = [y for y in years if cs <= y.start < ce]
    if len({y.year for y in in_clause}) == 1:
        return in_clause[0]
    before = [y for y in years if y.end <= at and cs <= y.start]
    if before and re.match(r"(?i)in\s", before[-1].words) and not re.search(r"\d", text[before[-1].end:at]):
        return before[-1]
    return ""


_FRAMING = re.compile(rf"(?i)^(?:(?P<stated>(?:{_LEAD})\s*(?:(?-i:{MONTH})\s+)?(?P<year>{YEAR})(?:\s+alone)?)"
                      rf"|(?P<relative>(?:in\s+the\s+first\s+half\s+of\s+|by\s+the\s+end\s+of\s+)?(?:last|this)\s+year))"
                      r"\s*[,:]")


def _framing_year(text: str, s: int, e: int, published: date | None) -> Period | None:
    """A sentence that opens with its period ("By the end of 2023, …") or a heading line that names one."""
    m = _FRAMING.match(text[s:e])
    if m and m.group("stated"):
        return Period(m.group("year"), "paragraph", m.group("stated"))
    if m and m.group("relative"):
        year = resolve_relative("this" if "this" in m.group("relative").lower() else "last", published)
        return Period(year, "publication date" if year else "", m.group("relative"))
    if not re.search(r"[.!?:;]$", text[s:e].rstrip()) and len(text[s:e]) < 160:  # a heading line
        years = stated_years(text, s, e)
        if len({y.year for y in years}) == 1:
            return Period(years[0].year, "paragraph", years[0].words)
    return None
