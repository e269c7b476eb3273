"""Every row of figures.csv and context.csv is traced to its sentence in the seed, and stays traced."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from conftest import SEED_PATH, csv_rows, seed_text

from components.countries import countries_in
from components.extract.context_rules import FACTS
from components.extract.text import parse_number, sentence_spans
from components.schema import PROVENANCE, TABLES
from components.store import load_context, load_figures

TABLE_NAMES = tuple(t for t, spec in TABLES.items() if "quote" in {f.name for f in spec["fields"]})  # tables that quote
PROVENANCE_COLUMNS = [f.name for f in PROVENANCE]


def _row_id(table: str, row: dict[str, str]) -> str:
    key = "-".join(row[k] for k in TABLES[table]["key"] if k != "source")
    return f"{table}-{key}"


ROWS = [pytest.param(table, row, id=_row_id(table, row)) for table in TABLE_NAMES for row in csv_rows(table)]
SENTENCES = set(sentence_spans(seed_text()))
KINDS = {f.fact: f.kind for f in FACTS}


def test_both_tables_have_rows() -> None:
    counts = {table: len(csv_rows(table)) for table in TABLE_NAMES}
    assert all(n > 0 for n in counts.values()), counts
    assert len(ROWS) == sum(counts.values())


@pytest.mark.parametrize(("table", "row"), ROWS)
def test_row_is_traced_to_the_seed(seed: str, table: str, row: dict[str, str]) -> None:
    start, end = int(row["start"]), int(row["end"])
    value_start, value_end = int(row["value_start"]), int(row["value_end"])
    assert row["source"] == SEED_PATH.name
    assert seed[start:end] == row["quote"]
    assert seed[value_start:value_end] == row["value_text"]
    assert row["value_text"], "value_text must not be empty"
    assert start <= value_start < value_end <= end, "value_text lies outside its quote"
    assert row["quote"][value_start - start:value_end - start] == row["value_text"]


@pytest.mark.parametrize(("table", "row"), ROWS)
def test_value_is_what_the_text_says(table: str, row: dict[str, str]) -> None:
    if row["value"] == "":
        # No number only where the text is a vote position or a date, never a dropped figure.
        if table == "figures":
            assert row["position"] == " ".join(row["value_text"].split())
        else:
            assert KINDS[row["fact"]] in ("date", "year")
    else:
        assert parse_number(row["value_text"]) == float(row["value"])


@pytest.mark.parametrize(("table", "row"), ROWS)
def test_quote_is_a_whole_sentence(table: str, row: dict[str, str]) -> None:
    assert (int(row["start"]), int(row["end"])) in SENTENCES


# Transforms a dashboard applies to the loaded tables; provenance must ride along with each row.
TRANSFORMS: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "filter-TJK-sort-by-value": lambda df: df[df["country_iso3"] == "TJK"].sort_values("value"),
    "sort-by-value-descending": lambda df: df.sort_values("value", ascending=False, na_position="first"),
    "filter-numeric-reset-index": lambda df: df[df["value"].notna()].reset_index(drop=True),
    "largest-three": lambda df: df.nlargest(3, "value"),
    "first-per-indicator": lambda df: df.groupby("indicator", sort=True).head(1),
    "merge-with-lookup": lambda df: df.merge(
        df[["country_iso3"]].drop_duplicates().assign(rank=lambda d: range(len(d))), on="country_iso3"),
    "records-roundtrip": lambda df: pd.DataFrame(df.iloc[::-1].to_dict("records")),
}


def _assert_traced(frame: pd.DataFrame, seed: str) -> None:
    assert len(frame) > 0, "the transform left no rows, so nothing was checked"
    assert set(PROVENANCE_COLUMNS) <= set(frame.columns)
    for row in frame.to_dict("records"):
        assert seed[row["start"]:row["end"]] == row["quote"]
        assert seed[row["value_start"]:row["value_end"]] == row["value_text"]
        if not pd.isna(row["value"]):
            assert parse_number(row["value_text"]) == row["value"]


@pytest.mark.parametrize("loader", [load_figures, load_context], ids=["figures", "context"])
def test_loaded_rows_keep_provenance(seed: str, loader: Callable[[], pd.DataFrame]) -> None:
    frame = loader()
    assert list(frame.columns[-len(PROVENANCE_COLUMNS):]) == PROVENANCE_COLUMNS
    for column in ("start", "end", "value_start", "value_end"):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    _assert_traced(frame, seed)


@pytest.mark.parametrize("transform", list(TRANSFORMS.values()), ids=list(TRANSFORMS))
def test_provenance_survives_transforms(seed: str, transform: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    _assert_traced(transform(load_figures()), seed)


def test_filtered_sorted_rows_are_the_right_ones(seed: str) -> None:
    figures = load_figures()
    tjk = figures[figures["country_iso3"] == "TJK"].sort_values("value")
    assert set(tjk["country_iso3"]) == {"TJK"}
    numeric = tjk["value"].dropna().tolist()
    assert numeric == sorted(numeric) and len(numeric) >= 2
    # Each row's own quote names the country the row is about.
    for row in tjk.to_dict("records"):
        assert "TJK" in countries_in(row["quote"])
