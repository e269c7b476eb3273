"""Reading seed articles and finding sentences, body bounds and numbers in their text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Abbreviations whose full stop does not end a sentence ("Feb. 26", "Mr. X").
ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                 "Dec", "Mr", "Mrs", "Ms", "Dr", "St", "No", "U.S", "U.N")

# Where the article body ends: the outlet's donation appeal that follows every story.
FOOTER_MARKERS = ("… we have a small favor to ask", "... we have a small favor to ask")

WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
                "a dozen": 12, "twenty": 20, "thirty": 30}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# A number as written: digits with thousands separators and decimals, an optional scale word,
# an optional percent sign; or a number word.
NUMBER_PATTERN = (r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million|billion))?%?"
                  r"|\b(?:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")\b")
DIGIT_TOKEN = re.compile(r"\d+(?:[,.]\d+)*")


class SeedError(ValueError):
    """A seed file that cannot be used, with the file and the problem in the message."""


@dataclass(frozen=True)
class Seed:
    """One article: its file name and its text exactly as read."""

    name: str
    text: str


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
    return Seed(name=path.name, text=text)


def body_span(text: str) -> tuple[int, int]:
    """Return (start, end) of the article body: after the headline, before the donation footer."""
    end = len(text)
    for marker in FOOTER_MARKERS:
        at = text.find(marker)
        if at != -1:
            end = min(end, at)
    return 0, end


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences; spans exclude surrounding white space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text[start:end]):
        p_start = start + para.start()
        p_text = para.group(0)
        cut = 0
        for stop in re.finditer(r"[.!?](?:[\"”’)\]]+)?(?=\s+[\"“‘(\[]?[A-Z0-9])", p_text):
            before = p_text[:stop.start()]
            if any(before.endswith(a) for a in ABBREVIATIONS):
                continue
            spans.append((p_start + cut, p_start + stop.end()))
            cut = stop.end()
        spans.append((p_start + cut, p_start + len(p_text)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def parse_number(value_text: str) -> float:
    """Turn a number as written ("1.5 million", "12,345", "15%", "three", "40s") into a float."""
    t = value_text.strip().lower().rstrip("%").replace("\u00a0", " ")
    if t.startswith("$"):
        t = t[1:]
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(?:s)?(?:\s+(thousand|million|billion))?", t)
    if not m:
        raise ValueError(f"not a number as written: {value_text!r}")
    number = float(m.group(1).replace(",", ""))
    return number * SCALES[m.group(2)] if m.group(2) else number


def article_metadata(seed: Seed) -> dict[str, str]:
    """Title and outlet as the seed states them; no date or URL unless the text gives one."""
    lines = [line.strip() for line in seed.text.splitlines() if line.strip()]
    outlet = ""
    title = ""
    for line in lines[:5]:
        support = re.fullmatch(r"Support\s+(.+?)!", line)
        if support and not outlet:
            outlet = support.group(1)
        elif not title:
            title = line
    meta = {"file": seed.name, "title": title, "outlet": outlet}
    url = re.search(r"https?://\S+", seed.text)
    if url:
        meta["url"] = url.group(0)
    return meta
