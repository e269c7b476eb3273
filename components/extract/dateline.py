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
# What else a date line holds: a weekday, a time, a time zone, separators.
_NOISE = re.compile(r"""(?ix)\b(?:on|at|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun
                        |gmt|utc|msk|am|pm|a\.m|p\.m)\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|[|·•,()\-–—:/+]""")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# A stamp's label right before its date: "Published: 7 May 2023", "Posted on Monday, May 8, 2023", "date 2023-05-08".
_STAMP = re.compile(r"(?i)\b(?:published|posted|date[d]?)(?:\s+date)?\s*:?\s*(?:on\s+)?"
                    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$")
_BYLINE = re.compile(r"^[Bb]y\s+\S")
_EDIT = re.compile(r"(?i)\b(?:updated|modified|edited|revised)\b")
_CAPTION = re.compile(r"(?i)^\W*(?:photo|image|picture|credit|caption|file\s+photo)\b")
_WORD = re.compile(r"[^\W\d_]+")
# A wire dateline opening the story: the place in capitals, maybe its country and the agency, then the date, then
# the story: "ALMATY, May 2, 2024 (Desk) --", "OSH, Kyrgyzstan, 3 May 2024 –", "OSH (Wire / Agency - 3rd May, 2024)".
_WIRE_PLACE = re.compile(r"^[A-Z]{3,}(?:[ -][A-Z]{3,}){0,2}\b")
_WIRE_BETWEEN = re.compile(r"^(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)*\s*(?:\([^()]{0,50}?[-–—,]\s*|,\s*)$")
_WIRE_AFTER = re.compile(r"^\s*(?:\)|,|\(|--|[-–—])")
# A place in title case ("Bishkek, Dec. 20, 2017 / Agency /.") only with the agency or a dash right after the date.
_TITLE_PLACE = re.compile(r"^[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,})?\b")
_TITLE_AFTER = re.compile(r"^\s*(?:/\s*[A-Z][\w.&' -]{0,30}/|\([A-Z][^()]{0,40}\)|--|[–—])")
HEADER_LINES = 15  # a page's header: its menus, headline, stamp and byline sit above the first paragraph


def stated_publication_date(text: str, start: int = 0, end: int | None = None) -> date | None:
    """The date the page states for itself, or None when it states none or states several.

    Above the first paragraph, a line counts when it is a date (maybe with a weekday, a time, a section name), a
    labelled stamp ("Published April 7, 2022 | 08:35 PM", "date 2025-04-07") or a byline ("By Desk Staff March 3,
    2024"); so does a wire dateline opening the story ("ALMATY, May 2, 2024 (Desk) --") and a date alone on one
    of the page's last three lines. A date in a headline, a caption or a sentence is an event's date, not the
    page's; an "Updated" stamp dates an edit; two different dates above the story are a list (related articles),
    and no date is taken from it.
    """
    end = len(text) if end is None else end
    lines = [line.strip() for line in text[start:end].splitlines() if line.strip()]
    found_dates: list[date] = []
    for line in lines[:HEADER_LINES]:
        found = DATE.search(line)
        if found and _wire_dateline(line, found):
            return _one([*found_dates, _as_date(found)])
        if len(_WORD.findall(line)) >= 25:  # the story has begun
            break
        if found and _date_line(line, found):
            stated = _as_date(found)
            if stated:
                found_dates.append(stated)
    if found_dates:
        return _one(found_dates)
    closing = [line for line in lines[-3:] if DATE.search(line)]
    if len(closing) == 1 and DATE.fullmatch(closing[0]):  # "March 3, 2024" under the outlet's name, not a list
        return _as_date(DATE.fullmatch(closing[0]))
    return None


def _one(dates: list[date | None]) -> date | None:
    """The date when every candidate line gives the same one; None for a list of different dates."""
    return dates[0] if len(set(dates)) == 1 else None


def _wire_dateline(line: str, found: re.Match[str]) -> bool:
    place = _WIRE_PLACE.match(line)
    if place and _WIRE_BETWEEN.match(line[place.end():found.start()]) and _WIRE_AFTER.match(line[found.end():]):
        return True
    place = _TITLE_PLACE.match(line)
    return bool(place and re.fullmatch(r",\s*", line[place.end():found.start()])
                and _TITLE_AFTER.match(line[found.end():]))


def _date_line(line: str, found: re.Match[str]) -> bool:
    """A line that dates the page: a stamp, a byline, a date-and-time line, or a date with nothing else."""
    before, after = line[:found.start()], line[found.end():]
    if _EDIT.search(before) or _CAPTION.match(line):
        return False
    if _STAMP.search(before) or _BYLINE.match(line):
        return not line.endswith(".")
    rest = _WORD.findall(_NOISE.sub(" ", before + " " + after))
    if not rest or (_TIME.search(line) is not None and len(rest) <= 3):
        return True
    # A byline without "By": a name, then the date ending the line ("Jane Example Mar 3, 2024").
    return len(rest) <= 3 and all(w[0].isupper() for w in rest) and not _WORD.search(after)


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
