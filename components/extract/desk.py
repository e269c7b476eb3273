"""The journalist's desk as data: every number of an article with its fate, the figures, and decisions on them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from components.countries import countries_in
from components.extract.context_rules import find_context
from components.extract.decisions import (
    DecisionError,
    Stale,
    decision_key,
    figure_key,
    paragraph_span,
    review,
    stale_reason,
    value_of,
    year_basis,
)
from components.extract.explain import number_fates
from components.extract.indicator_rules import find_figures
from components.extract.numbers import Number, exact_float, find_numbers
from components.extract.text import NUMBER_PATTERN, Seed, sentence_spans
from components.schema import QUALIFIERS

NUMBER_WORDS = re.compile(NUMBER_PATTERN)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
CORRECTABLE = {"quantity": ("country_iso3", "year", "qualifier"),
               "vote": ("country_iso3", "vote", "position")}


@dataclass(frozen=True)
class Item:
    """One number of the article (or a vote position), what became of it, and the decisions on it."""

    n: int  # its place in the article, from 1
    start: int
    end: int
    text: str
    fate: str  # what extraction made of it: figure, context or left out
    reason: str
    status: str  # after the decisions: figure, accepted, corrected, rejected, context, date of a figure, left out
    targets: tuple[dict, ...] = ()  # extracted figures at these words (what reject and correct act on), and the
    # vote positions the newsroom accepted at them (a correction of the position acts on those)
    figures: tuple[dict, ...] = ()  # the figures at these words once the decisions are applied
    decisions: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Desk:
    """One article on the desk."""

    source: str
    text: str
    items: list[Item]
    figures: list[dict]  # after the decisions
    extracted: list[dict]
    context: list[dict]
    decisions: list[dict]  # this article's
    stale: list[Stale] = field(default_factory=list)
    error: str = ""  # decisions that cannot be applied together (e.g. two figures with one key)
    origins: dict[tuple, tuple] = field(default_factory=dict)  # reviewed figure's key -> its extracted key
    accepted: list[dict] = field(default_factory=list)  # figures the decisions accept, before any correction

    def reviewed(self, target: dict) -> dict | None:
        """The figure an extracted one became after the decisions (None when rejected)."""
        return next((f for f in self.figures if self.origins.get(figure_key(f)) == figure_key(target)), None)

    def item_at(self, start: int) -> Item | None:
        return next((i for i in self.items if i.start == start), None)


def now() -> str:
    """The time of a decision, UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def number_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole number as written from a token's start ("4.5" → "4.5 million", "15" → "15%")."""
    m = NUMBER_WORDS.match(text, start)
    return m.span() if m and m.end() >= end else (start, end)


def fates(seed: Seed, figures: list[dict], context: list[dict]) -> list[dict]:
    """What became of every number token of the seed, in text order (extraction's own report)."""
    return sorted(number_fates(seed, figures, context), key=lambda f: (f["start"], f["end"]))


def _overlaps(row: dict, start: int, end: int) -> bool:
    return row["value_start"] < end and start < row["value_end"]


def _status(fate: str, targets: list[dict], figures: list[dict], decisions: list[dict]) -> str:
    if any(f.get("review") == "accepted" for f in figures):
        return "accepted"
    if targets and not figures:
        return "rejected"
    if any(f.get("review") == "corrected" for f in figures):
        return "corrected"
    return "figure" if figures else fate


def article_desk(seed: Seed, decisions: list[dict]) -> Desk:
    """Extract one article in memory, apply its decisions, and account for every number."""
    extracted, context = find_figures(seed), find_context(seed)
    mine = [d for d in decisions if d["source"] == seed.name]
    error = ""
    try:
        applied = review(extracted, decisions, {seed.name: seed.text})
        figures, stale, origins, accepted = applied.figures, applied.stale, applied.origins, applied.accepted
    except DecisionError as err:
        figures, stale, error, accepted = extracted, [], str(err), []
        origins = {figure_key(f): figure_key(f) for f in extracted}
    extracted_keys = {figure_key(r) for r in extracted}
    accepted_votes = [r for r in accepted if r["position"] and figure_key(r) not in extracted_keys]
    stale_rows = [s.decision for s in stale]
    live = [d for d in mine if d not in stale_rows]
    spans: dict[tuple[int, int], tuple[str, str, bool]] = {}
    for f in fates(seed, extracted, context):
        rows = extracted if f["fate"] == "figure" else context if f["fate"] == "context" else []
        row = next((r for r in rows if r["value_start"] <= f["start"] and f["end"] <= r["value_end"]), None)
        # An item is the figure's or fact's words ("4.5 million"), else the whole number as written.
        span = (row["value_start"], row["value_end"]) if row else number_words(seed.text, f["start"], f["end"])
        # A number left out but tied to a figure's country is that figure's year or date (its year/as_of column).
        dated = f["fate"] == "left out" and bool(f.get("country_iso3"))
        spans.setdefault(span, (f["fate"], f["reason"], dated))
    for r in extracted:  # vote positions are words, not numbers: they are items too
        if not any(s <= r["value_start"] < e for s, e in spans):
            spans[(r["value_start"], r["value_end"])] = ("figure", "", False)
    for r in figures:  # and so are the position words of a vote the newsroom accepted
        if not any(s <= r["value_start"] < e for s, e in spans):
            spans[(r["value_start"], r["value_end"])] = ("left out", "not read as a vote position", False)
    items = []
    for n, ((start, end), (fate, reason, dated)) in enumerate(sorted(spans.items()), start=1):
        targets = [r for r in (*extracted, *accepted_votes) if _overlaps(r, start, end)]
        after = [r for r in figures if _overlaps(r, start, end)]
        on_it = [d for d in live if d["value_start"] < end and start < d["value_end"]]
        status = "date of a figure" if dated and not after else _status(fate, targets, after, on_it)
        reason = reason or "; ".join(f"{r['indicator']} of {r['country_iso3']}: {r.get('position') or r['value_text']}"
                                     for r in targets)
        items.append(Item(n, start, end, seed.text[start:end], fate, reason, status, tuple(targets), tuple(after),
                          tuple(on_it)))
    return Desk(seed.name, seed.text, items, figures, extracted, context, mine, stale, error, origins, accepted)


# --- what the forms offer: always the article's own words ---------------------------------------------------------

def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end]."""
    p_start, p_end = paragraph_span(text, start)
    return next(((s, e) for s, e in sentence_spans(text, p_start, p_end) if s <= start and end <= e), (p_start, p_end))


def quote_options(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotes to choose from: the number's sentence, with the sentence before it, and its whole paragraph."""
    p_start, p_end = paragraph_span(text, start)
    sentences = sentence_spans(text, p_start, p_end)
    s, e = sentence_of(text, start, end)
    options = [(s, e)]
    before = [span for span in sentences if span[1] <= s]
    if before:
        options.append((before[-1][0], e))
    if sentences:
        options.append((sentences[0][0], sentences[-1][1]))  # the whole paragraph
    return list(dict.fromkeys(options))


def year_options(text: str, quote: tuple[int, int]) -> list[str]:
    """Years the quote or its paragraph states, in order: the only years a journalist can give a figure."""
    p_start, p_end = paragraph_span(text, quote[0])
    years = YEAR.findall(text[quote[0]:quote[1]]) + YEAR.findall(text[p_start:p_end])
    return [y for y in dict.fromkeys(years) if year_basis(text, quote[0], quote[1], y)]


def qualifier_before(text: str, start: int) -> str:
    """The article's hedge just before the number ("nearly 1.1 million" → "nearly"), if it is one we know."""
    before = text[max(0, start - 30):start].lower()
    return next((q for q in sorted(QUALIFIERS, key=len, reverse=True) if re.search(rf"\b{q}\s+$", before)), "")


def countries_near(text: str, start: int, end: int) -> list[str]:
    """The Central Asian states the number's sentence names, in order; else those of its paragraph."""
    s, e = sentence_of(text, start, end)
    p_start, p_end = paragraph_span(text, start)
    return countries_in(text[s:e]) or countries_in(text[p_start:p_end])


def range_around(text: str, start: int, end: int) -> Number | None:
    """The range the number grammar reads in the number's sentence with this number as one end ("60,000" of
    "between 60,000 and 70,000"), or None."""
    s, e = sentence_of(text, start, end)
    return next((n for n in find_numbers(text, s, e) if n.is_range and n.start <= start and end <= n.end), None)


def value_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """What the number at text[start:end] can be accepted as: the range it is one end of (first), and itself if it
    is one number that reads alone as it does in the range (not the "2" of "2 to 2.5 million": alone it is 2)."""
    spans = []
    whole = range_around(text, start, end)
    if whole:
        spans.append((whole.start, whole.end))
    try:
        alone, _, _ = value_of(text, (start, end), (start, end))
    except ValueError:
        return spans
    if whole is None or alone in (exact_float(whole.low), exact_float(whole.high)):
        spans.append((start, end))
    return spans


# --- decisions, built from what the journalist picked -------------------------------------------------------------

def base_decision(source: str, text: str, value: tuple[int, int], quote: tuple[int, int]) -> dict:
    """The words and quote of a decision, every other column empty: what each kind of decision starts from."""
    return {"source": source, "value_text": text[value[0]:value[1]], "value_start": value[0],
            "value_end": value[1], "quote": text[quote[0]:quote[1]], "start": quote[0], "end": quote[1],
            "new_value": "", "year": "", "qualifier": "", "position": "", "vote": "", "reason": ""}


def accept_decision(desk: Desk, item: Item, *, indicator: str, country_iso3: str, year: str, qualifier: str,
                    quote: tuple[int, int], reason: str, reviewer: str, words: tuple[int, int] | None = None) -> dict:
    """A left-out number becomes a figure, quoted by one of its own sentences; `words` are the whole range when
    the number is one end of one (its span as `range_around` reads it), else the number's own."""
    row = base_decision(desk.source, desk.text, words or (item.start, item.end), quote)
    row.update(decision="accept", field="figure", indicator=indicator, country_iso3=country_iso3, year=year,
               qualifier=qualifier, reason=reason.strip(), reviewer=reviewer.strip(), decided_at=now())
    return row


def reject_decision(desk: Desk, target: dict, *, reason: str, reviewer: str) -> dict:
    """A wrong figure is dropped, with the reason."""
    row = base_decision(desk.source, desk.text, (target["value_start"], target["value_end"]),
                        (target["start"], target["end"]))
    row.update(decision="reject", field="figure", indicator=target["indicator"],
               country_iso3=target["country_iso3"], reason=reason.strip(), reviewer=reviewer.strip(), decided_at=now())
    return row


def correct_decision(desk: Desk, target: dict, *, field_name: str, new_value: str, reason: str,
                     reviewer: str) -> dict:
    """One field of an extracted figure is changed."""
    row = base_decision(desk.source, desk.text, (target["value_start"], target["value_end"]),
                        (target["start"], target["end"]))
    row.update(decision="correct", field=field_name, indicator=target["indicator"],
               country_iso3=target["country_iso3"], new_value=new_value, reason=reason.strip(),
               reviewer=reviewer.strip(), decided_at=now())
    return row


def current_decision(desk: Desk, decision: dict) -> dict | None:
    """The decision the file holds on the same key (what the journalist sees before saving), if any."""
    return next((d for d in desk.decisions if decision_key(d) == decision_key(decision)), None)


def reanchored(desk: Desk, decision: dict, reviewer: str) -> dict | None:
    """The same decision on its unchanged sentence, found once at a new place in an edited article, when moving it
    there makes it apply again; else None (a decision stale for another reason, e.g. the vote its words are no
    longer named with, is not helped by being rewritten at the same place)."""
    text = desk.text
    if text.count(decision["quote"]) != 1:
        return None
    start = text.index(decision["quote"])
    shift = start - decision["start"]
    value = (decision["value_start"] + shift, decision["value_end"] + shift)
    if text[value[0]:value[1]] != decision["value_text"]:
        return None
    row = dict(decision, start=start, end=start + len(decision["quote"]), value_start=value[0], value_end=value[1],
               reviewer=reviewer.strip(), decided_at=now())
    applicable = {figure_key(f) for f in desk.extracted} | {figure_key(d) for d in desk.decisions
                                                            if d["decision"] == "accept"}
    return None if stale_reason(row, {desk.source: text}, applicable) else row


def target_label(row: dict) -> str:
    """A figure named for a picker: country and indicator."""
    return f"{row['country']} · {row['indicator']}"

