"""Reading seed articles: front matter, body bounds, paragraphs and sentences, and numbers as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from components.extract.dateline import stated_publication_date
from components.extract.numbers import SMALL
from components.extract.numbers import parse_number as _parse_one

# Abbreviations whose full stop does not end a sentence ("Feb. 26", "Mr. X", "the U.N. vote").
ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                 "Dec", "Mr", "Mrs", "Ms", "Dr", "St", "No", "U.S", "U.N", "U.K", "E.U", "Gen", "Col", "Lt",
                 "Sen", "Rep", "Gov", "Prof", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "vs", "approx", "e.g", "i.e",
                 "Nos", "Vol", "pp", "ca", "cf", "Fig", "est")

# Where the article body ends: the outlet's donation appeal that follows every story.
FOOTER_MARKERS = ("… we have a small favor to ask", "... we have a small favor to ask")
FRONT_MATTER_KEYS = ("title", "outlet", "published", "url", "language")

# A digit token as the coverage check counts them (every such token must be accounted for).
DIGIT_TOKEN = re.compile(r"\d+(?:[,.]\d+)*")
NUMBER_PATTERN = (r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million|billion))?%?"
                  r"|\b(?:a\s+dozen|" + "|".join(sorted(SMALL, key=len, reverse=True)) + r")\b")

_SENTENCE_END = re.compile(r"[.!?](?:[\"”’)\]]+)?(?=\s+[\"“‘(\[]?[A-Z0-9])|(?:\.\.\.|…)(?=[A-Z])")  # "afloat...Around"
_ABBREVIATED = re.compile(r"(?:\b(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")|(?<![\w.])[A-Z])$")
_LINE = re.compile(r"[^\n]+")
_PARAGRAPH = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")


_MONTH_WORDS = frozenset(("January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                          "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                          "Saturday", "Sunday"))


class SeedError(ValueError):
    """A seed file that cannot be used, with the file and the problem in the message."""


@dataclass(frozen=True)
class Seed:
    """One article: its file name and its text exactly as read."""

    name: str
    text: str

    @cached_property
    def front_matter(self) -> dict[str, str]:
        return front_matter(self.text, self.name)[0]

    @cached_property
    def body(self) -> tuple[int, int]:
        return body_span(self.text)

    @cached_property
    def published(self) -> date | None:
        """The publication date the front matter gives, else the one the page states (a date line, a stamp)."""
        value = self.front_matter.get("published", "")
        return date.fromisoformat(value) if value else stated_publication_date(self.text, *self.body)


def read_seed(path: Path) -> Seed:
    """Read a seed as strict UTF-8, keeping every character so offsets index the text as read."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SeedError(f"{path}: cannot be read ({err.strerror}). Check the file exists and is readable.") from err
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SeedError(f"{path}: is not UTF-8 (byte {err.start}). Save the article as UTF-8 text.") from err
    if not text.strip():
        raise SeedError(f"{path}: is empty. Put the article text in it, or remove the file.")
    front_matter(text, str(path))  # a malformed block fails here, naming the file
    if not text[body_span(text)[0]:].strip():
        raise SeedError(f"{path}: has front matter but no article text after it. Paste the article below the block.")
    return Seed(name=path.name, text=text)


def front_matter(text: str, where: str = "seed") -> tuple[dict[str, str], int]:
    """The `---` block at the top of a seed as {key: value}, and the offset where the article starts."""
    first = re.match(r"\ufeff?---[ \t]*\r?\n", text)
    if not first:
        return {}, 0
    close = re.compile(r"^---[ \t]*(?:\r?\n|$)", re.M).search(text, first.end())
    if not close:
        raise SeedError(f"{where}: the front-matter block opened by '---' on line 1 is never closed. "
                        "End it with a line holding only '---'.")
    meta: dict[str, str] = {}
    for number, line in enumerate(text[first.end():close.start()].splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise SeedError(f"{where}: front-matter line {number} ({line.strip()!r}) is not 'key: value'.")
        meta[key.strip().lower()] = value.strip().strip("\"'")
    published = meta.get("published", "")
    if published:
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?", published)
        try:
            meta["published"] = date.fromisoformat(m.group(1)).isoformat() if m else ""
        except ValueError:
            m = None
        if not m:
            raise SeedError(f"{where}: front-matter 'published' is {published!r}; write the date as YYYY-MM-DD.")
    return meta, close.end()


def body_span(text: str) -> tuple[int, int]:
    """Return (start, end) of the article body: after any front matter, before the donation footer."""
    start = front_matter(text)[1] if text.startswith(("---", "\ufeff---")) else 0
    end = len(text)
    for marker in FOOTER_MARKERS:
        at = text.find(marker, start)
        if at != -1:
            end = min(end, at)
    return start, end


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Blocks of text[start:end] separated by blank lines (a heading line and its list share a block)."""
    end = len(text) if end is None else end
    return [_strip(text, m.start(), m.end()) for m in _PARAGRAPH.finditer(text, start, end) if m.group(0).strip()]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences (a line break always ends one); spans exclude surrounding space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        cut = line.start()
        for stop in _SENTENCE_END.finditer(text, line.start(), line.end()):
            if _ABBREVIATED.search(text, max(line.start(), stop.start() - 8), stop.start()):
                continue
            spans.append((cut, stop.end()))
            cut = stop.end()
        spans.append((cut, line.end()))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def parse_number(value_text: str) -> float:
    """Turn a number as written ("1.5 million", "12,345", "15%", "28 per cent", "three", "40s") into its exact float."""
    t = " ".join(value_text.replace("\u00a0", " ").split())
    if t.lower() in SMALL:
        return float(SMALL[t.lower()])
    return _parse_one(t)


def article_metadata(seed: Seed) -> dict[str, str]:
    """Title, outlet, date, address and language as the seed states them; nothing it does not state."""
    meta = {k: v for k, v in seed.front_matter.items() if k in FRONT_MATTER_KEYS and v}
    if seed.published and "published" not in meta:
        meta["published"] = seed.published.isoformat()
    if "title" in meta and "outlet" in meta:
        return {"file": seed.name, **meta}
    start, _ = body_span(seed.text)
    lines = [line.strip() for line in seed.text[start:].splitlines() if line.strip()]
    outlet = ""
    title = ""
    for line in lines[:5]:
        support = re.fullmatch(r"Support\s+(.+?)!", line)
        if support and not outlet:
            outlet = support.group(1)
        elif not title and not _site_chrome(line):
            title = line
    body = next((k for k, line in enumerate(lines) if len(_WORD.findall(line)) >= 25), len(lines))
    if body >= 8:  # a page copied with its menus: the last headline-like line before the first paragraph
        title = next((line for line in reversed(lines[:body]) if not _site_chrome(line)
                      and not line.endswith((".", "!", "?"))), title)
    if not title:  # tickers and datelines only at the top: the first line that reads as a headline
        title = next((line for line in lines[:60] if not _site_chrome(line)), lines[0] if lines else "")
    found = {"file": seed.name, "title": title, "outlet": outlet}
    url = re.search(r"https?://\S+", seed.text[start:])
    if url:
        found["url"] = url.group(0)
    return {**found, **meta}


# Lines a copied web page carries before its headline: menus, skip links, currency tickers, datelines, captions.
_CHROME = re.compile(r"(?i)^(?:skip\s+to|main\s+menu|menu|search|home\s*»|printer\s+friendly|share\b|photo\s*:"
                     r"|credit\s*:|image\b|related\b|recent\s+features|accessibility|breaking\s+news|advertisement|subscribe"
                     r"|newsletter|tags\s*:|published(?:\s+date)?\s*:|date\b|by\s+[A-Z]|viewing\s+results)"
                     r"|^[•·*\-–]?\s*[A-Z]{3}(?:/[A-Z]{3})?\s*[=:]?\s*[+-]?[\d.,]+|^[\d.,]+\s+[A-Z]{3}\b"
                     r"|^[\d\s.:/|,-]+$")
_WORD = re.compile(r"[^\W\d_]+")


def _site_chrome(line: str) -> bool:
    """A line of site furniture rather than a headline: a menu item, ticker, dateline or caption."""
    words = _WORD.findall(line)
    months = sum(w.capitalize() in _MONTH_WORDS for w in words)
    return bool(_CHROME.search(line)) or len(words) - months < 3
