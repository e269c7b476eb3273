"""Every number of an article and its fate: a figure, a context fact, or left out with the reason."""

from __future__ import annotations

import re

from components.extract.indicator_rules import read_article
from components.extract.numbers import find_numbers
from components.extract.text import DIGIT_TOKEN, Seed

FATES = ("figure", "context", "left out")
_YEAR = re.compile(r"(?:19|20)\d\d")


def number_fates(seed: Seed, figures: list[dict], context: list[dict]) -> list[dict]:
    """One dict per number token of the seed, in text order: source, start, end, token, fate, reason, indicator,
    country_iso3. `figures` and `context` are the seed's rows (other seeds' rows are ignored)."""
    figures = [r for r in figures if r["source"] == seed.name]
    context = [r for r in context if r["source"] == seed.name]
    reading = read_article(seed)
    reasons = {(r["start"], r["end"]): r for r in reading.left_out}
    body_start, body_end = seed.body
    fates: list[dict] = []
    covered: list[tuple[int, int]] = []
    for n in find_numbers(seed.text, 0, len(seed.text)):
        for s, e in (n.parts or ((n.start, n.end),)):
            fates.append(_fate(seed, s, e, n.start, n.end, figures, context, reasons, body_start, body_end))
            covered.append((s, e))
    # Digits the grammar does not read as a number of its own (inside codes, addresses...) are listed too.
    for m in DIGIT_TOKEN.finditer(seed.text):
        if not any(s <= m.start() and m.end() <= e for s, e in covered):
            fates.append(_fate(seed, m.start(), m.end(), m.start(), m.end(), figures, context, reasons, body_start,
                               body_end))
    return sorted(fates, key=lambda f: (f["start"], f["end"]))


def _fate(seed: Seed, s: int, e: int, ns: int, ne: int, figures: list[dict], context: list[dict],
          reasons: dict, body_start: int, body_end: int) -> dict:
    fate = {"source": seed.name, "start": s, "end": e, "token": seed.text[s:e], "fate": "left out", "reason": "",
            "indicator": "", "country_iso3": ""}
    for r in figures:
        if _inside(s, e, r):
            return {**fate, "fate": "figure", "reason": _figure_reason(r), "indicator": r["indicator"],
                    "country_iso3": r["country_iso3"]}
    for r in context:
        if _inside(s, e, r):
            return {**fate, "fate": "context", "reason": f"context fact {r['fact']}: {r['label']}"}
    year_of = [r for r in figures if _in_as_of(seed.text, s, e, r)]
    if s < body_start:
        return {**fate, "reason": "front matter (the article's metadata), not the article"}
    if s >= body_end:
        return {**fate, "reason": "after the article body (the outlet's appeal), not the article"}
    if year_of and _YEAR.fullmatch(seed.text[s:e]):
        r = year_of[0]
        return {**fate, "reason": f"the year of a figure (its year column): {r['indicator']} {r['country_iso3']}",
                "indicator": r["indicator"], "country_iso3": r["country_iso3"]}
    if year_of:
        r = year_of[0]
        return {**fate, "reason": f"the date of a figure (its as_of column): {r['indicator']} {r['country_iso3']}",
                "indicator": r["indicator"], "country_iso3": r["country_iso3"]}
    left = reasons.get((ns, ne)) or reasons.get((s, e))
    if left:
        return {**fate, "reason": left["reason"], "indicator": left.get("indicator", "")}
    return {**fate, "reason": "not read as a quantity (inside a name, code or word)"}


def _inside(s: int, e: int, r: dict) -> bool:
    return int(r["value_start"]) <= s and e <= int(r["value_end"])


def _in_as_of(text: str, s: int, e: int, r: dict) -> bool:
    as_of = r.get("as_of") or ""
    if not as_of:
        return False
    # The words may be in the figure's sentence or, for a year stated earlier in the paragraph, before it.
    window_start = max(0, int(r["start"]) - 3000)
    for m in re.finditer(re.escape(as_of), text[window_start:int(r["end"])]):
        if window_start + m.start() <= s and e <= window_start + m.end():
            return True
    return False


def _figure_reason(r: dict) -> str:
    value = r.get("position") or r.get("value_text")
    return f"{r['indicator']} of {r['country_iso3']}: {value}"


def explain_lines(fates: list[dict]) -> list[str]:
    """The fates as aligned text lines for the command line."""
    lines = []
    for f in fates:
        where = f"{f['source']}:{f['start']}-{f['end']}"
        lines.append(f"{where:<40} {f['token']!r:<24} {f['fate']:<9} {f['reason']}")
    return lines
