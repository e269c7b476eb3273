"""Every row of figures.csv and context.csv is traced to its sentence in the seed, and stays traced."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA_DIR, SEED_PATH, csv_rows, seed_text

from components.countries import CENTRAL_ASIA, countries_in
from components.extract.context_rules import FACTS
from components.extract.text import parse_number, sentence_spans
from components.schema import PROVENANCE, TABLES
from components.store import load_context, load_figures, load_story, package_zip
from components.views.context import timeline
from components.views.downloads import figures_csv, filtered_figures
from components.views.plotly_charts import panel_rows
from components.views.profile import country_facts

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


# The app's own functions that hand loaded rows on to a view or a download; provenance must ride along with each row.
def _downloaded(figures: pd.DataFrame, tmp_path: Path) -> pd.DataFrame:
    """The CSV a reader downloads for two countries, written to a folder and loaded (and validated) back."""
    (tmp_path / "figures.csv").write_bytes(figures_csv(filtered_figures(figures, ["UZB", "KAZ"])))
    return load_figures(data_dir=tmp_path)


FIGURE_STEPS: dict[str, Callable[[pd.DataFrame, Path], pd.DataFrame]] = {
    "downloads.filtered_figures-one": lambda df, _: filtered_figures(df, ["TJK"]),
    "downloads.filtered_figures-none-means-all": lambda df, _: filtered_figures(df, []),
    "downloads.figures_csv-loaded-back": _downloaded,
    "story.figures": lambda df, _: load_story().figures,
}
CONTEXT_STEPS: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "profile.country_facts": lambda df: country_facts(df, "TJK"),
    "context.timeline": timeline,
    "story.context": lambda df: load_story().context,
}


def _assert_traced(frame: pd.DataFrame, seed: str) -> None:
    assert len(frame) > 0, "the step left no rows, so nothing was checked"
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


@pytest.mark.parametrize("step", list(FIGURE_STEPS.values()), ids=list(FIGURE_STEPS))
def test_provenance_survives_the_apps_figure_steps(seed: str, tmp_path: Path, step: Callable) -> None:
    _assert_traced(step(load_figures(), tmp_path), seed)


@pytest.mark.parametrize("step", list(CONTEXT_STEPS.values()), ids=list(CONTEXT_STEPS))
def test_provenance_survives_the_apps_context_steps(seed: str, step: Callable) -> None:
    _assert_traced(step(load_context()), seed)


def _raw(table: str) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["indicator"], r["country_iso3"]): r for r in csv_rows(table)}


@pytest.mark.parametrize("countries", [["TJK"], ["KAZ", "TKM"], []], ids=["TJK", "KAZ-TKM", "none"])
def test_filtered_figures_are_exactly_the_chosen_countries_rows(countries: list[str]) -> None:
    rows = filtered_figures(load_figures(), countries)
    wanted = [r for r in csv_rows("figures") if not countries or r["country_iso3"] in countries]
    assert [(r["indicator"], r["country_iso3"], r["value_start"]) for r in wanted] == [
        (r["indicator"], r["country_iso3"], str(r["value_start"])) for r in rows.to_dict("records")]
    for row in rows.to_dict("records"):  # each row's own quote names the country the row is about
        assert row["country_iso3"] in countries_in(row["quote"])


def test_the_downloaded_csv_loads_back_as_the_same_rows(tmp_path: Path) -> None:
    figures = load_figures()
    back = _downloaded(figures, tmp_path)
    chosen = figures[figures["country_iso3"].isin(["KAZ", "UZB"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(back, chosen)


@pytest.mark.parametrize("indicator", sorted({r["indicator"] for r in csv_rows("figures")}))
def test_panel_rows_point_at_the_quote_that_states_them(seed: str, indicator: str) -> None:
    """Each bar's label is the figure's words, found in the quote its anchor (`start`) opens."""
    raw = _raw("figures")
    rows = panel_rows(load_figures(), indicator, [])
    reported = rows[rows["reported"]]
    assert list(reported["country_iso3"]) == [c for c in CENTRAL_ASIA if (indicator, c) in raw]
    for row in reported.to_dict("records"):
        source = raw[(indicator, row["country_iso3"])]
        assert row["start"] == int(source["start"])
        quote = seed[row["start"]:int(source["end"])]
        assert quote == source["quote"] and row["value_text"] in quote
        assert row["value_text"] == source["value_text"]
        if row["position"]:
            assert row["position"] == source["position"]
        else:
            assert row["value"] == parse_number(row["value_text"]) == float(source["value"])
    assert (rows.loc[~rows["reported"], "start"] == -1).all(), "a country without a figure points at no quote"


def test_the_data_package_zip_holds_the_data_and_the_seed_byte_for_byte() -> None:
    archive = zipfile.ZipFile(io.BytesIO(package_zip()))
    expected = [*sorted(p.name for p in DATA_DIR.glob("*.csv")), "datapackage.json"]
    assert archive.namelist() == [f"data/{n}" for n in expected] + [f"seeds/{SEED_PATH.name}"]
    for info in archive.infolist():
        assert archive.read(info) == (DATA_DIR.parent / info.filename).read_bytes(), info.filename
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.date_time == (1980, 1, 1, 0, 0, 0), "a fixed time, so the same data gives the same bytes"
    assert package_zip() == package_zip()


def test_the_data_package_zip_packs_the_folders_it_is_given(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "data" / "figures.csv").write_text("Test material\n", encoding="utf-8")
    (tmp_path / "data" / "datapackage.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "seeds" / "a.txt").write_text("Test material\n", encoding="utf-8")
    (tmp_path / "seeds" / "a.md").write_text("not a seed\n", encoding="utf-8")
    names = zipfile.ZipFile(io.BytesIO(package_zip(tmp_path / "data", tmp_path / "seeds"))).namelist()
    assert names == ["data/figures.csv", "data/datapackage.json", "seeds/a.txt"]
