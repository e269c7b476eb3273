"""The vote grid: each shown country's position in each vote the sources report, disagreements kept side by side."""

from __future__ import annotations

import pandas as pd

from components.countries import country_name
from components.indicators import VOTE
from components.views.labels import MAX_LISTED, NOT_REPORTED, article_names, source_name, vote_keys, vote_order
from components.views.rows import latest_first, shown_countries

COLUMNS = ("country_iso3", "country", "vote", "vote_label", "reported", "position", "sources", "disputed",
           "source", "quote", "start")
DIFFER = "sources differ"


def vote_cells(figures: pd.DataFrame, countries: list[str], articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per shown country, vote and position reported, countries in the region's order and votes by date.

    Where two sources give a country different positions in the same vote, the cell has a row for each, both
    `disputed`; `sources` names who says what. A vote a country has no position in gets one not-reported row.
    """
    votes = latest_first(figures[figures["indicator"] == VOTE], articles)
    order = vote_order(votes)
    names = article_names(articles) if articles is not None else {}
    keyed = votes.assign(_key=vote_keys(votes))
    rows = []
    for iso3 in shown_countries(countries):
        mine = keyed[keyed["country_iso3"] == iso3]
        for key, label in order:
            cell = mine[mine["_key"] == key]
            positions = list(dict.fromkeys(cell["position"]))
            if not positions:
                rows.append({"country_iso3": iso3, "country": country_name(iso3), "vote": key, "vote_label": label,
                             "reported": False, "position": NOT_REPORTED, "sources": "", "disputed": False,
                             "source": "", "quote": "", "start": -1})
                continue
            for position in positions:
                said = cell[cell["position"] == position]
                first = said.iloc[0]
                rows.append({"country_iso3": iso3, "country": country_name(iso3), "vote": key, "vote_label": label,
                             "reported": True, "position": position,
                             "sources": _who(said["source"], names),
                             "disputed": len(positions) > 1, "source": first["source"], "quote": first["quote"],
                             "start": int(first["start"])})
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _who(sources: pd.Series, names: dict[str, str]) -> str:
    """Who gives a position: the articles' names, or how many articles when more than MAX_LISTED."""
    files = list(dict.fromkeys(sources))
    if len(files) > MAX_LISTED:
        return f"{len(files):,} articles"
    return ", ".join(dict.fromkeys(names.get(s) or source_name(s) for s in files))


def disputes(cells: pd.DataFrame) -> list[str]:
    """Plain sentences naming each disagreement, e.g. "Kyrgyzstan, ES-11/1: abstained (The Moscow Times) or
    against (Test Monitor)"."""
    out = []
    for (country, label), cell in cells[cells["disputed"]].groupby(["country", "vote_label"], sort=False):
        said = " or ".join(f"{r.position} ({r.sources})" for r in cell.itertuples())
        out.append(f"{country}, {label}: {said}")
    return out
