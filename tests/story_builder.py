"""Build small in-memory stories for view tests: rows located in a test seed by their words, typed like store's.

Test material: the sentences and numbers these tests write are invented, not taken from any article.
"""

from __future__ import annotations

import pandas as pd

from components.countries import country_name
from components.indicators import BY_ID
from components.store import Story, typed_frame


def frame(rows: list[dict], table: str) -> pd.DataFrame:
    """Rows as store.load_table types them: integers, floats (NaN for missing) and strings ("" for missing)."""
    return typed_frame(rows, table)


def locate(seed: str, quote: str, value_text: str, nth: int = 0) -> dict:
    """Offsets of `quote` in the seed and of the nth `value_text` inside it."""
    start = seed.index(quote)
    at = -1
    for _ in range(nth + 1):
        at = quote.index(value_text, at + 1)
    return {"quote": quote, "start": start, "end": start + len(quote), "value_text": value_text,
            "value_start": start + at, "value_end": start + at + len(value_text)}


def figure(seed: str, source: str, indicator: str, iso3: str, quote: str, value_text: str, value: float | None = None,
           nth: int = 0, **fields: object) -> dict:
    """One figures.csv row, its words found in the seed."""
    entry = BY_ID[indicator]
    row = {"source": source, "indicator": indicator, "country_iso3": iso3, "country": country_name(iso3),
           "value": value, "unit": entry.unit, **locate(seed, quote, value_text, nth)}
    if entry.is_vote:
        row["position"] = value_text
    return row | fields


def fact(seed: str, source: str, fact_id: str, label: str, category: str, quote: str, value_text: str,
         **fields: object) -> dict:
    """One context.csv row, its words found in the seed."""
    return {"source": source, "fact": fact_id, "label": label, "category": category, "countries": "",
            **locate(seed, quote, value_text)} | fields


def story(seeds: dict[str, str], figures: list[dict], context: list[dict], articles: list[dict]) -> Story:
    """A Story as load_story returns it, from rows written in the test."""
    first = articles[0]
    package = {"article": {"file": first["source"], "title": first["title"]}
               | {k: first[k] for k in ("outlet", "published", "url") if first.get(k)}}
    return Story(frame(figures, "figures"), frame(context, "context"), package, seeds, frame(articles, "articles"))
