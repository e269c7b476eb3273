"""Panel rows: per shown country, the most recent figure a panel draws, as written, with its year, source and quote.

A country can have several figures for one indicator (other articles, other years). A panel draws the most recent
one (by the year it is for, then by its article's publication date) and says how many more there are; the profile
lists them all. A range stays a range and a missing figure stays missing: nothing here averages or fills in.
"""

from __future__ import annotations

import re

import pandas as pd

from components.countries import CENTRAL_ASIA, country_name
from components.indicators import BY_ID
from components.views.labels import NOT_REPORTED, article_names, short, source_name

COLUMNS = ("country_iso3", "country", "reported", "value", "value_low", "value_high", "qualifier", "value_text",
           "written", "label", "meta", "more", "position", "vote", "year", "as_of", "source", "outlet", "published",
           "quote", "start", "value_start")
NUMBERS = ("value", "value_low", "value_high")
NO_YEAR = "year not stated"
MORE = "+{n} more"  # a country's further figures of the indicator, which its profile lists
MORE_NOTE = "“+N more”: the country's other figures of this indicator, listed in its profile."
# A country the article names without a figure: no number (never a zero), the words that say so.
EMPTY = {c: "" for c in COLUMNS} | dict.fromkeys(NUMBERS, float("nan")) | {
    "reported": False, "value_text": NOT_REPORTED, "written": NOT_REPORTED, "label": NOT_REPORTED, "more": 0,
    "start": -1, "value_start": -1}


def shown_countries(countries: list[str]) -> list[str]:
    """The chosen countries in the region's order; all five when none is chosen."""
    return [c for c in CENTRAL_ASIA if c in countries] if countries else list(CENTRAL_ASIA)


RANGE_WITH_AND = re.compile(r"^\d[\d,.]*(?:\s+[a-z]+)?\s+and\s+\d")  # "600,000 and 700,000", "2 million and 3"


def written(indicator: str, value_text: str, qualifier: str = "") -> str:
    """A figure as the page writes it: the article's hedge, then its own words for the number or range.

    A range the article writes "between A and B" is kept from its first number to its last ("A and B"); the
    page gives it back its "between", the only way English reads "A and B" as one figure.
    """
    if RANGE_WITH_AND.match(value_text) and not qualifier:
        value_text = f"between {value_text}"
    return BY_ID[indicator].written(value_text, qualifier)


def _published(figures: pd.DataFrame, articles: pd.DataFrame | None) -> pd.Series:
    if articles is None or articles.empty:
        return pd.Series("", index=figures.index)
    return figures["source"].map(dict(zip(articles["source"], articles["published"]))).fillna("")


def latest_first(figures: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Figures, each country's most recent first: by year (none stated: last), then by the article's date
    (none stated: last), then by file name and position in the article, so the order never depends on chance."""
    ranked = figures.assign(_year=figures["year"].where(figures["year"] != "", "0000"),
                            _published=_published(figures, articles).replace("", "0000-00-00"))
    ranked = ranked.sort_values(["indicator", "country_iso3", "_year", "_published", "source", "value_start"],
                                ascending=[True, True, False, False, True, True], kind="stable")
    return ranked.drop(columns=["_year", "_published"])


def many_sources(figures: pd.DataFrame) -> bool:
    """Does the page show figures from more than one article? Only then does a label name its source."""
    return figures["source"].nunique() > 1


def years_differ(figures: pd.DataFrame, indicator: str, articles: pd.DataFrame | None = None) -> bool:
    """Do the countries' most recent figures of this indicator stand for different years?"""
    mine = latest_first(figures[figures["indicator"] == indicator], articles).drop_duplicates("country_iso3")
    return mine["year"].nunique() > 1


def panel_rows(figures: pd.DataFrame, indicator: str, countries: list[str],
               articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per shown country, in display order; `reported` is False where no article gives a figure.

    A reported row is the country's most recent figure: its words (`value_text`; `written` with its hedge), its
    `label` (with its year when the panel's years differ), `meta` (its source and how many `more` figures there
    are, when the page has several sources or the country several figures), its quote and offsets.
    """
    mine = latest_first(figures[figures["indicator"] == indicator], articles)
    counts = mine.groupby("country_iso3").size()
    latest = mine.drop_duplicates("country_iso3").set_index("country_iso3")
    mixed = latest["year"].nunique() > 1
    named = many_sources(figures)
    outlets = _outlets(articles)
    published = dict(zip(articles["source"], articles["published"])) if articles is not None else {}
    rows = []
    for iso3 in shown_countries(countries):
        if iso3 not in latest.index:
            rows.append({**EMPTY, "country_iso3": iso3, "country": country_name(iso3)})
            continue
        r = latest.loc[iso3]
        words = written(indicator, r["value_text"], r.get("qualifier", ""))
        more = int(counts[iso3]) - 1
        source = outlets.get(r["source"], source_name(r["source"]))
        meta = " · ".join(p for p in (short(source) if named else "", MORE.format(n=f"{more:,}") if more else "") if p)
        rows.append({"country_iso3": iso3, "country": country_name(iso3), "reported": True,
                     **{c: r[c] for c in COLUMNS if c in r.index},
                     "written": words, "label": f"{words} ({r['year'] or NO_YEAR})" if mixed else words,
                     "meta": meta, "more": more, "outlet": source, "published": published.get(r["source"], ""),
                     "start": int(r["start"]), "value_start": int(r["value_start"])})
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _outlets(articles: pd.DataFrame | None) -> dict[str, str]:
    if articles is None:
        return {}
    return article_names(articles)


def map_labels(rows: pd.DataFrame) -> list[str]:
    """What the map writes on each state: the vote position or the figure as written, else "not reported"."""
    return [("not reported" if not r.reported else r.position or r.label) for r in rows.itertuples()]
