"""Reviewed decisions: applied by extraction with full provenance, stale ones named and never applied, saves that
lose nothing when two tabs write at once. The article is the invented one in tests/fixtures/desk/ (test material)."""

from __future__ import annotations

import csv
import io
import json
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from conftest import DATA_DIR, DESK_SEED, csv_rows

from components.extract.decision_store import ConflictError, replace_decision, save_decision, withdraw_decision
from components.extract.decisions import COLUMNS, FILE_NAME, parse_decisions, read_decisions
from components.extract.desk import (
    accept_decision,
    article_desk,
    correct_decision,
    quote_options,
    reanchored,
    reject_decision,
)
from components.extract.text import parse_number, read_seed
from components.schema import INPUTS
from components.store import load_figures

NAME = DESK_SEED.name


def desk(seeds: Path):
    return article_desk(read_seed(seeds / NAME), read_decisions())


def item(d, text: str):
    return next(i for i in d.items if i.text == text)


def target(d, indicator: str, iso3: str) -> dict:
    return next(f for f in d.extracted if (f["indicator"], f["country_iso3"]) == (indicator, iso3))


def figure(data: Path, indicator: str, iso3: str) -> dict | None:
    return next((r for r in csv_rows("figures", data) if (r["indicator"], r["country_iso3"]) == (indicator, iso3)),
                None)


def accept_missed(seeds: Path) -> dict:
    """The journalist's decision on the union leader's count: Turkmenistan's migrant workers, about 75,000 in 2023."""
    d = desk(seeds)
    missed = item(d, "75,000")
    assert missed.fate == "left out"  # the premise: extraction leaves it out
    with_before = quote_options(d.text, missed.start, missed.end)[1]  # its sentence and the one naming the country
    return accept_decision(d, missed, indicator="migrant_workers", country_iso3="TKM", year="2023",
                           qualifier="about", quote=with_before, reason="the neighbour is Turkmenistan",
                           reviewer="Test Journalist")


def assert_provenance(row: dict, text: str) -> None:
    assert text[int(row["start"]):int(row["end"])] == row["quote"]
    assert text[int(row["value_start"]):int(row["value_end"])] == row["value_text"]


# --- extraction applies each kind of decision -----------------------------------------------------------------------

def test_an_accepted_number_becomes_a_figure_with_its_provenance(desk_dirs, run_extract) -> None:
    seeds, data = desk_dirs
    save_decision(accept_missed(seeds))
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    row = figure(data, "migrant_workers", "TKM")
    assert row is not None
    text = DESK_SEED.read_text(encoding="utf-8")
    assert_provenance(row, text)
    assert row["quote"].startswith("Turkmenistan, Kazakhstan's southern neighbour")
    assert (row["value_text"], row["qualifier"], row["year"], row["year_basis"], row["unit"], row["review"]) == (
        "75,000", "about", "2023", "stated", "workers", "accepted")
    assert float(row["value"]) == parse_number(row["value_text"])
    assert len(load_figures(data, seeds)) == 7  # the loader's checks pass on the accepted row


def test_a_rejected_figure_is_dropped_and_nothing_else(desk_dirs, run_extract) -> None:
    seeds, data = desk_dirs
    before = csv_rows("figures", data)
    d = desk(seeds)
    save_decision(reject_decision(d, target(d, "migrant_workers", "TJK"), reason="counts residents",
                                  reviewer="Test Journalist"))
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    after = csv_rows("figures", data)
    assert [r for r in before if (r["indicator"], r["country_iso3"]) != ("migrant_workers", "TJK")] == after


@pytest.mark.parametrize(("indicator", "iso3", "field", "new", "expect"), [
    ("migrant_workers", "KGZ", "country_iso3", "KAZ", {"country_iso3": "KAZ", "country": "Kazakhstan"}),
    ("migrant_workers", "KGZ", "qualifier", "more than", {"qualifier": "more than"}),
    ("citizenship_grants", "UZB", "year", "", {"year": "", "year_basis": ""}),
    ("un_ga_vote", "KAZ", "position", "against", {"position": "against", "value_text": "did not vote"}),
    ("un_ga_vote", "KGZ", "vote", "A/RES/ES-11/9", {"vote": "A/RES/ES-11/9"}),
])
def test_a_corrected_field_changes_that_field_only(desk_dirs, run_extract, indicator, iso3, field, new,
                                                   expect) -> None:
    seeds, data = desk_dirs
    original = figure(data, indicator, iso3)
    d = desk(seeds)
    save_decision(correct_decision(d, target(d, indicator, iso3), field_name=field, new_value=new, reason="",
                                   reviewer="Test Journalist"))
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    row = figure(data, indicator, expect.get("country_iso3", iso3))
    assert row is not None
    assert row["review"] == "corrected"
    assert_provenance(row, DESK_SEED.read_text(encoding="utf-8"))
    changed = {k for k in row if row[k] != original[k]}
    assert changed == {k for k in expect if expect[k] != original[k]} | {"review"} | (
        {"year_basis"} if field == "year" and original["year_basis"] else set())
    assert {k: row[k] for k in expect} == expect


def test_a_year_the_article_does_not_state_is_refused(desk_dirs, run_extract) -> None:
    seeds, data = desk_dirs
    before = (data / "figures.csv").read_bytes()
    d = desk(seeds)
    save_decision(correct_decision(d, target(d, "citizenship_grants", "UZB"), field_name="year", new_value="2019",
                                   reason="", reviewer="Test Journalist"))
    code, _, err = run_extract(seeds, data)
    assert code == 1
    assert f"data/{FILE_NAME} row 2 column new_value" in err and "no year is invented" in err
    assert (data / "figures.csv").read_bytes() == before


def test_withdrawing_a_decision_restores_the_extracted_figure(desk_dirs, run_extract) -> None:
    seeds, data = desk_dirs
    before = (data / "figures.csv").read_bytes()
    decision = accept_missed(seeds)
    save_decision(decision)
    assert run_extract(seeds, data)[0] == 0
    assert (data / "figures.csv").read_bytes() != before
    withdraw_decision(decision)
    assert run_extract(seeds, data)[0] == 0
    assert (data / "figures.csv").read_bytes() == before


# --- stale decisions ---------------------------------------------------------------------------------------------

def test_a_decision_on_changed_words_stops_extraction_and_names_it(desk_dirs, run_extract) -> None:
    seeds, data = desk_dirs
    save_decision(accept_missed(seeds))
    text = (seeds / NAME).read_text(encoding="utf-8")
    (seeds / NAME).write_text(text.replace("about 75,000", "about 76,000"), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    code, _, err = run_extract(seeds, data)
    assert code == 1
    assert f"data/{FILE_NAME} row 2: accept of '75,000' (migrant_workers, TKM) in {NAME}" in err
    assert "changed" in err and "data/ was not written" in err
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before  # nothing applied, nothing dropped
    stale = desk(seeds).stale
    assert [s.decision["value_text"] for s in stale] == ["75,000"]


def test_a_moved_sentence_is_found_again_only_when_the_journalist_says_so(desk_dirs, run_extract) -> None:
    seeds, data = desk_dirs
    decision = accept_missed(seeds)
    save_decision(decision)
    text = (seeds / NAME).read_text(encoding="utf-8")
    first_break = text.index("\n\n")
    (seeds / NAME).write_text(text[:first_break] + "\n\nAn invented new opening paragraph." + text[first_break:],
                              encoding="utf-8")
    assert run_extract(seeds, data)[0] == 1  # moved words are stale until someone decides
    moved = reanchored(desk(seeds), decision, "Test Journalist")
    assert moved is not None and moved["value_start"] > decision["value_start"]
    replace_decision(decision, moved)
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    assert figure(data, "migrant_workers", "TKM")["review"] == "accepted"


def test_a_figure_the_extractor_no_longer_gives_makes_its_correction_stale(desk_dirs, run_extract) -> None:
    seeds, data = desk_dirs
    d = desk(seeds)
    decision = correct_decision(d, target(d, "migrant_workers", "KGZ"), field_name="qualifier", new_value="over",
                                reason="", reviewer="Test Journalist")
    save_decision(dict(decision, country_iso3="UZB"))  # made on a figure extraction does not give
    code, _, err = run_extract(seeds, data)
    assert code == 1
    assert "the extractor no longer gives the figure it was made on" in err


def test_decisions_on_other_articles_do_not_apply(desk_dirs, run_extract, tmp_path) -> None:
    seeds, data = desk_dirs
    save_decision(dict(accept_missed(seeds), source="another_article.txt"))
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    assert figure(data, "migrant_workers", "TKM") is None


# --- the file ----------------------------------------------------------------------------------------------------

def test_the_shipped_file_holds_only_the_header_and_is_in_the_data_package() -> None:
    assert (DATA_DIR / FILE_NAME).read_text(encoding="utf-8") == ",".join(COLUMNS) + "\n"
    package = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in package["resources"] if r["path"] == FILE_NAME]
    assert [f["name"] for f in resource["schema"]["fields"]] == [f.name for f in INPUTS["review_decisions"]["fields"]]
    assert resource["schema"]["fields"] and all(f["description"] for f in resource["schema"]["fields"])
    assert resource["schema"]["primaryKey"] == list(INPUTS["review_decisions"]["key"])
    assert "input of extraction" in resource["description"]


def test_a_broken_decisions_file_is_named_with_the_fix(desk_dirs, run_extract) -> None:
    seeds, data = desk_dirs
    (data / FILE_NAME).write_text("source,decision\n", encoding="utf-8")
    code, _, err = run_extract(seeds, data)
    assert code == 1
    assert f"data/{FILE_NAME}: header is" in err and "Traceback" not in err


def test_a_decision_breaking_the_contract_is_never_written(desk_dirs) -> None:
    seeds, data = desk_dirs
    with pytest.raises(ValueError, match="column decision"):
        save_decision(dict(accept_missed(seeds), decision="approve"))
    assert parse_decisions((data / FILE_NAME).read_text(encoding="utf-8")) == []


def test_a_failed_write_leaves_the_file_whole(desk_dirs, monkeypatch) -> None:
    seeds, data = desk_dirs
    first = accept_missed(seeds)
    save_decision(first)
    before = (data / FILE_NAME).read_bytes()

    def full_disk(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("components.extract.decision_store.os.replace", full_disk)
    with pytest.raises(OSError):
        save_decision(dict(first, value_start=first["value_start"] + 1))
    assert (data / FILE_NAME).read_bytes() == before
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".")) == []  # no temp file left


# --- two tabs at once ---------------------------------------------------------------------------------------------

def _many(decision: dict, first: int, count: int) -> list[dict]:
    """Distinct decisions (one key each), as many tabs would save."""
    return [dict(decision, value_start=first + i, reason=f"tab decision {first + i}") for i in range(count)]


def _save_all(file: str, decisions: list[dict]) -> int:
    for d in decisions:
        save_decision(d, file=Path(file))
    return len(decisions)


def test_threads_saving_at_once_lose_nothing(desk_dirs) -> None:
    seeds, data = desk_dirs
    base = accept_missed(seeds)
    batches = [_many(base, 100 * t, 6) for t in range(8)]
    start = threading.Barrier(len(batches))

    def tab(batch: list[dict]) -> None:
        start.wait()
        _save_all(str(data / FILE_NAME), batch)

    threads = [threading.Thread(target=tab, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = parse_decisions((data / FILE_NAME).read_text(encoding="utf-8"))
    assert sorted(d["value_start"] for d in saved) == sorted(d["value_start"] for b in batches for d in b)


def test_processes_saving_at_once_lose_nothing(desk_dirs) -> None:
    seeds, data = desk_dirs
    base = accept_missed(seeds)
    batches = [_many(base, 100 * p, 6) for p in range(4)]
    with ProcessPoolExecutor(max_workers=len(batches)) as pool:
        assert sum(pool.map(_save_all, [str(data / FILE_NAME)] * len(batches), batches)) == 24
    rows = list(csv.DictReader(io.StringIO((data / FILE_NAME).read_text(encoding="utf-8"))))
    assert len(rows) == 24 == len({r["value_start"] for r in rows})


def test_a_second_save_on_the_same_number_is_refused_with_what_is_there_now(desk_dirs) -> None:
    seeds, data = desk_dirs
    d = desk(seeds)
    tjk = target(d, "migrant_workers", "TJK")
    mine = reject_decision(d, tjk, reason="counts residents", reviewer="First Tab")
    theirs = reject_decision(d, tjk, reason="another reason", reviewer="Second Tab")
    save_decision(mine, expected=None)
    with pytest.raises(ConflictError, match="reject by First Tab"):
        save_decision(theirs, expected=None)  # it saw no decision there
    (kept,) = parse_decisions((data / FILE_NAME).read_text(encoding="utf-8"))
    assert kept["reviewer"] == "First Tab"
