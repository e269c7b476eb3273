"""Panel rows: per shown country, the figure a panel draws, as written, with its quote and where it stands."""

from __future__ import annotations

import pandas as pd

from components.countries import CENTRAL_ASIA, country_name
from components.indicators import BY_ID
from components.views.labels import NOT_REPORTED

COLUMNS = ("country_iso3", "country", "reported", "value", "value_low", "value_high", "qualifier", "value_text",
           "written", "position", "vote", "year", "as_of", "source", "quote", "start", "value_start")

NUMBERS = ("value", "value_low", "value_high")
# A country the article names without a figure: no number (never a zero), the words that say so.
EMPTY = {c: "" for c in COLUMNS} | dict.fromkeys(NUMBERS, float("nan")) | {
    "reported": False, "value_text": NOT_REPORTED, "written": NOT_REPORTED, "start": -1, "value_start": -1}


def shown_countries(countries: list[str]) -> list[str]:
    """The chosen countries in the region's order; all five when none is chosen."""
    return [c for c in CENTRAL_ASIA if c in countries] if countries else list(CENTRAL_ASIA)


def written(row: pd.Series | dict) -> str:
    """A figure as the page writes it: the article's hedge, then its own words for the number."""
    return BY_ID[row["indicator"]].written(row["value_text"], row["qualifier"])


def panel_rows(figures: pd.DataFrame, indicator: str, countries: list[str]) -> pd.DataFrame:
    """One row per shown country, in display order; `reported` is False where the article gives none.

    A reported row keeps the figure's words (`value_text`, `written` with its hedge), its quote and offsets.
    """
    mine = figures[figures["indicator"] == indicator].drop_duplicates("country_iso3").set_index("country_iso3")
    rows = []
    for iso3 in shown_countries(countries):
        if iso3 in mine.index:
            r = mine.loc[iso3]
            rows.append({"country_iso3": iso3, "country": country_name(iso3), "reported": True,
                         **{c: r[c] for c in COLUMNS[3:] if c in r.index and c != "written"},
                         "written": BY_ID[indicator].written(r["value_text"], r.get("qualifier", "")),
                         "start": int(r["start"]), "value_start": int(r["value_start"])})
        else:
            rows.append({**EMPTY, "country_iso3": iso3, "country": country_name(iso3)})
    return pd.DataFrame(rows, columns=list(COLUMNS))


def map_labels(rows: pd.DataFrame) -> list[str]:
    """What the map writes on each state: the vote position or the figure as written, else "not reported"."""
    return [("not reported" if not r.reported else r.position or r.written) for r in rows.itertuples()]
