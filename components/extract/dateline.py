"""The publication date a copied web page states above its story: a date line, a "Published …" stamp, a dated byline."""

from __future__ import annotations

import re
from datetime import date

_MONTH_NUMBERS = {name: k % 12 + 1 for k, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"),
    # Russian pages copied with their date line keep the genitive month ("07 мая 2018").
    ("января",), ("февраля",), ("марта",), ("апреля",), ("мая",), ("июня",), ("июля",), ("августа",),
    ("сентября",), ("октября",), ("ноября",), ("декабря",)), start=0) for name in names}
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DATE = re.compile(rf"""(?ix)
      \b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)\b
    | \b(?P<dot_day>[0-3]?\d)\.(?P<dot_month>[01]?\d)\.(?P<dot_year>(?:19|20)\d\d)\b
    | \b(?P<month>{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}\b
    | \b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH})\.?,?\s+(?P<year2>(?:19|20)\d\d)\b
    """)
# What else a date line holds: a stamp's label, a weekday, a time, separators.
_STAMP = re.compile(r"(?i)\b(?:published|posted|date[d]?)\b")
_NOISE = re.compile(r"""(?ix)\b(?:published|posted|dated?|on|at|last|(?:mon|tues|wednes|thurs|fri|satur|sun)day
                        |mon|tue|wed|thu|fri|sat|sun|gmt|utc|msk|am|pm|a\.m|p\.m)\b
                        |\b\d{1,2}:\d{2}(?::\d{2})?\b|[|·•,()\-–—:/+]""")
_UPDATE = re.compile(r"(?i)^\W*(?:last\s+)?(?:updated|modified|edited)\b")
_WORD = re.compile(r"[^\W\d_]+")
# A wire dateline opening the story: "ALMATY, May 2, 2024 (Desk) --", "OSH (Wire / Agency - 3rd May, 2024)".
_WIRE = re.compile(r"^[A-Z]{3,}(?:[ -][A-Z]{3,})*\b(?:,\s*[A-Z][a-z]+)?[,\s(]")
HEADER_LINES = 15  # a page's header: its menus, headline, stamp and byline sit above the first paragraph


def stated_publication_date(text: str, start: int = 0, end: int | None = None) -> date | None:
    """The date the page states for itself, or None when it states none.

    Above the first paragraph, a line counts when it is a date (with a weekday, a time or a separator), a
    labelled stamp ("Published April 7, 2022 | 08:35 PM", "date 2025-04-07") or a short byline ("By Desk Staff
    March 3, 2024"); so does a wire dateline opening the story ("ALMATY, May 2, 2024 (Desk) --") and a date
    alone on one of the page's last three lines. A date in a headline or a sentence is an event's date, not the
    page's, and an "Updated" stamp dates an edit.
    """
    end = len(text) if end is None else end
    lines = [line.strip() for line in text[start:end].splitlines() if line.strip()]
    for line in lines[:HEADER_LINES]:
        found = DATE.search(line)
        if found and _WIRE.match(line) and found.start() <= 60 and "." not in _no_abbreviations(line[:found.start()]):
            return _as_date(found)
        if len(_WORD.findall(line)) >= 25:  # the story has begun
            break
        if not found or _UPDATE.search(line):
            continue
        rest = _NOISE.sub(" ", line[:found.start()] + " " + line[found.end():])
        if _STAMP.search(line[:found.start()]) or len(_WORD.findall(rest)) <= 3:
            stated = _as_date(found)
            if stated:
                return stated
    for line in lines[-3:]:  # a date line closing the page: "March 3, 2024" under the outlet's name
        found = DATE.fullmatch(line)
        if found:
            return _as_date(found)
    return None


def _no_abbreviations(text: str) -> str:
    return re.sub(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.", "", text)


def _as_date(found: re.Match[str]) -> date | None:
    g = found.groupdict()
    if g["iso_year"]:
        parts = (g["iso_year"], g["iso_month"], g["iso_day"])
    elif g["dot_year"]:
        parts = (g["dot_year"], g["dot_month"], g["dot_day"])
    elif g["year"]:
        parts = (g["year"], _MONTH_NUMBERS[g["month"].lower()], g["day"])
    else:
        parts = (g["year2"], _MONTH_NUMBERS[g["month2"].lower()], g["day2"])
    try:
        return date(*(int(p) for p in parts))
    except ValueError:  # "31.02.2024": not a date
        return None
