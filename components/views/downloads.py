"""The figures a reader downloads: the filtered rows, in exactly the format of data/figures.csv."""

from __future__ import annotations

import pandas as pd

from components.store import to_csv


def filtered_figures(figures: pd.DataFrame, countries: list[str]) -> pd.DataFrame:
    """The figures of the chosen countries (all rows when none is chosen), provenance columns kept."""
    return figures[figures["country_iso3"].isin(countries)] if countries else figures


def figures_csv(rows: pd.DataFrame) -> bytes:
    """Rows in exactly the format of data/figures.csv."""
    return to_csv(rows.to_dict("records"), "figures").encode("utf-8")
