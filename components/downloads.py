"""What the data view lets readers download: the filtered figures as CSV, and the whole data package."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from components.data import DATA_DIR, SEEDS_DIR, to_csv


def filtered_figures(figures: pd.DataFrame, countries: list[str]) -> pd.DataFrame:
    """The figures of the chosen countries (all rows when none is chosen), provenance columns kept."""
    return figures[figures["country_iso3"].isin(countries)] if countries else figures


def figures_csv(rows: pd.DataFrame) -> bytes:
    """Rows in exactly the format of data/figures.csv."""
    return to_csv(rows.to_dict("records"), "figures").encode("utf-8")


def package_zip(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> bytes:
    """data/ and the seed article in one zip, with fixed timestamps so the bytes are reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in [*sorted(data_dir.glob("*.csv")), data_dir / "datapackage.json", *sorted(seeds_dir.glob("*.txt"))]:
            info = zipfile.ZipInfo(f"{path.parent.name}/{path.name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    return out.getvalue()
