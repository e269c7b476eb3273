"""Corrupt data files raise one clear DataError naming the file, row and column, and how to rebuild them."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIX_COMMAND, ROOT, SEED_PATH, csv_rows, seed_text

from components.extract.pipeline import run
from components.extract.text import DIGIT_TOKEN, parse_number
from components.schema import TABLES
from components.store import (
    DataError,
    data_version,
    load_articles,
    load_context,
    load_figures,
    load_package,
    load_story,
)

LOADERS = {"figures": load_figures, "context": load_context, "articles": load_articles}
TEXT = seed_text()


def _read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))


def set_cell(row: int, column: str, value: Callable[[str], str]) -> Callable[[Path, Path, str], None]:
    """Corruption: replace one cell (file row numbers: the header is row 1) by value(old)."""
    def corrupt(data: Path, seeds: Path, table: str) -> None:
        path = data / f"{table}.csv"
        rows = _read(path)
        col = rows[0].index(column)
        rows[row - 1][col] = value(rows[row - 1][col])
        _write(path, rows)
    return corrupt


def remove_file(data: Path, seeds: Path, table: str) -> None:
    (data / f"{table}.csv").unlink()


def truncate_mid_row(data: Path, seeds: Path, table: str) -> None:
    """Cut the file in the middle of row 3's quote, as an interrupted copy would."""
    path = data / f"{table}.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = lines[2].index(",\"") + 10
    path.write_text("".join(lines[:2]) + lines[2][:cut], encoding="utf-8")


def truncate_last_cell(data: Path, seeds: Path, table: str) -> None:
    """Cut the file inside the last cell of its last row: the cell count is still right."""
    path = data / f"{table}.csv"
    path.write_text(path.read_text(encoding="utf-8")[:-3], encoding="utf-8")


def duplicate_row_2(data: Path, seeds: Path, table: str) -> None:
    path = data / f"{table}.csv"
    rows = _read(path)
    _write(path, [*rows, rows[1]])


def rename_header(data: Path, seeds: Path, table: str) -> None:
    path = data / f"{table}.csv"
    rows = _read(path)
    rows[0][rows[0].index("value")] = "amount"
    _write(path, rows)


def latin1_in_row_3(data: Path, seeds: Path, table: str) -> None:
    path = data / f"{table}.csv"
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b",", b",\xe9", 1)  # a Latin-1 'é': not valid UTF-8
    path.write_bytes(b"\n".join(lines))


def edit_seed_word(data: Path, seeds: Path, table: str) -> None:
    """Change one word inside row 3's quote in the seed copy, keeping its length (so offsets still fit)."""
    row = csv_rows(table)[1]
    start, end = int(row["start"]), int(row["end"])
    word = next(m for m in re.finditer(r"[a-z]{5,}", TEXT[start:end]))
    at = start + word.start()
    edited = TEXT[:at] + word.group(0)[::-1].upper() + TEXT[at + len(word.group(0)):]
    (seeds / SEED_PATH.name).write_bytes(edited.encode("utf-8"))


def value_elsewhere(data: Path, seeds: Path, table: str) -> None:
    """Point row 3's value at a real number of the seed, but one outside its quote."""
    path = data / f"{table}.csv"
    rows = _read(path)
    names = rows[0]
    row = dict(zip(names, rows[2], strict=True))
    other = next(m for m in DIGIT_TOKEN.finditer(TEXT) if not int(row["start"]) <= m.start() < int(row["end"]))
    row.update(value=str(int(parse_number(other.group(0)))), value_text=other.group(0),
               value_start=str(other.start()), value_end=str(other.end()))
    rows[2] = [row[n] for n in names]
    _write(path, rows)


def remove_seed(data: Path, seeds: Path, table: str) -> None:
    (seeds / SEED_PATH.name).unlink()


def _first_row_covering_row_3(table: str) -> int:
    """File row of the first row whose quote is row 3's sentence (rows may share a sentence)."""
    rows = csv_rows(table)
    return next(i for i, r in enumerate(rows, start=2) if r["start"] == rows[1]["start"])


def _last_row(table: str) -> int:
    return len(csv_rows(table)) + 1


# (id, corruption, tables, expected fragments besides the file name; None means "the file's row count")
CASES = [
    ("missing-file", remove_file, ("figures", "context"), ("is missing",)),
    ("truncated-mid-row", truncate_mid_row, ("figures", "context"), ("row 3", "truncated")),
    ("truncated-last-cell", truncate_last_cell, ("figures", "context"), ("row {last}", "column value_end",
                                                                         "truncated")),
    ("value-not-a-number", set_cell(3, "value", lambda _: "abc"), ("figures", "context"),
     ("row 3", "column value", "'abc'")),
    ("start-not-integer", set_cell(3, "start", lambda _: "x"), ("figures", "context"),
     ("row 3", "column start", "'x'")),
    ("value-end-decimal", set_cell(3, "value_end", lambda v: v + ".5"), ("figures",), ("row 3", "column value_end")),
    ("duplicate-key", duplicate_row_2, ("figures", "context"), ("row {next}", "duplicate", "also row 2")),
    ("start-shifted", set_cell(3, "start", lambda v: str(int(v) + 1)), ("figures", "context"),
     ("row 3", "column quote")),
    ("value-start-shifted", set_cell(3, "value_start", lambda v: str(int(v) + 1)), ("figures", "context"),
     ("row 3", "column value_text")),
    ("value-outside-quote", value_elsewhere, ("figures", "context"), ("row 3", "column value_start", "outside")),
    ("value-disagrees-with-text", set_cell(2, "value", lambda v: str(float(v) + 7)), ("figures", "context"),
     ("row 2", "column value", "is not what")),
    ("edited-seed", edit_seed_word, ("figures", "context"), ("row {covering}", "column quote", "edited")),
    ("missing-seed", remove_seed, ("figures", "context", "articles"), ("row 2", "column source", SEED_PATH.name)),
    ("bad-country-code", set_cell(3, "country_iso3", lambda _: "XXX"), ("figures",),
     ("row 3", "column country_iso3", "'XXX'")),
    ("bad-indicator", set_cell(3, "indicator", lambda _: "gdp"), ("figures",), ("row 3", "column indicator", "'gdp'")),
    ("required-empty", set_cell(3, "quote", lambda _: ""), ("figures", "context"),
     ("row 3", "column quote", "required")),
    ("bad-year", set_cell(2, "year", lambda _: "last year"), ("figures", "context"), ("row 2", "column year")),
    ("wrong-header", rename_header, ("figures", "context"), ("header", "amount", "value")),
    ("not-utf8", latin1_in_row_3, ("figures", "context"), ("row 3", "UTF-8")),
]

PARAMS = [pytest.param(corrupt, table, fragments, id=f"{table}-{case}")
          for case, corrupt, tables, fragments in CASES for table in tables]


@pytest.mark.parametrize(("corrupt", "table", "fragments"), PARAMS)
def test_corrupt_table_gives_one_clear_error(data_copy: Path, seeds_copy: Path, corrupt: Callable,
                                              table: str, fragments: tuple[str, ...]) -> None:
    corrupt(data_copy, seeds_copy, table)
    with pytest.raises(DataError) as caught:
        LOADERS[table](data_dir=data_copy, seeds_dir=seeds_copy)
    message = str(caught.value)
    numbers = {"last": _last_row(table), "next": _last_row(table) + 1}
    if any("{covering}" in f for f in fragments):
        numbers["covering"] = _first_row_covering_row_3(table)
    assert message.startswith(f"data/{table}.csv"), message
    for fragment in fragments:
        assert fragment.format(**numbers) in message, message
    assert FIX_COMMAND in message
    assert "\n" not in message, "one error, one line"


@pytest.mark.parametrize("table", list(TABLES))
def test_uncorrupted_copy_loads(data_copy: Path, seeds_copy: Path, table: str) -> None:
    frame = LOADERS[table](data_dir=data_copy, seeds_dir=seeds_copy)
    assert len(frame) == len(csv_rows(table))


def test_row_numbers_count_the_header_as_row_1(data_copy: Path, seeds_copy: Path) -> None:
    last = _last_row("figures")
    set_cell(last, "value_start", lambda v: str(int(v) + 1))(data_copy, seeds_copy, "figures")
    with pytest.raises(DataError, match=rf"data/figures\.csv row {last} column value_text"):
        load_figures(data_dir=data_copy, seeds_dir=seeds_copy)


@pytest.mark.parametrize(("content", "fragment"), [(None, "is missing"), (b"{\"title\": ", "not valid JSON"),
                                                   (b"\xff\xfe{}", "not valid JSON")],
                         ids=["missing", "truncated", "not-utf8"])
def test_corrupt_datapackage_gives_one_clear_error(data_copy: Path, content: bytes | None, fragment: str) -> None:
    path = data_copy / "datapackage.json"
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_package(data_dir=data_copy)
    message = str(caught.value)
    assert "data/datapackage.json" in message and fragment in message and FIX_COMMAND in message


# --- The Story and its cache key read the folders they are given ------------------------------------------------------

ADDED = "Test material: a paragraph added for this test, naming no state and no figure.\n\n"
OTHER_SEED = ("zzz_test_material.txt",
              "Test material written for this test\n\nIt is a second seed that names no state and gives no figure.\n")


def _shifted_copy(tmp_path: Path, seeds: Path) -> tuple[Path, int]:
    """A seed copy with a paragraph added after the headline, a second seed, and data/ extracted from them: valid
    together, and wrong against the committed seeds/ (every offset moved)."""
    headline_end = TEXT.index("\n\n", TEXT.index("Central Asians in Russia Pressured")) + 2
    (seeds / SEED_PATH.name).write_text(TEXT[:headline_end] + ADDED + TEXT[headline_end:], encoding="utf-8")
    (seeds / OTHER_SEED[0]).write_text(OTHER_SEED[1], encoding="utf-8")
    out = tmp_path / "shifted"
    run(seeds, out)
    return out, len(ADDED)


def test_load_story_reads_the_folders_it_is_given(tmp_path: Path, seeds_copy: Path) -> None:
    data, shift = _shifted_copy(tmp_path, seeds_copy)
    story = load_story(data, seeds_copy)
    assert list(story.articles["source"]) == [SEED_PATH.name, OTHER_SEED[0]]
    assert set(story.seeds) == {SEED_PATH.name, OTHER_SEED[0]} and story.seed_text.startswith(TEXT[:40])
    assert list(story.figures["start"]) == [int(r["start"]) + shift for r in csv_rows("figures")]
    assert list(story.context["start"]) == [int(r["start"]) + shift for r in csv_rows("context")]
    assert story.package == json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    # The same data against the committed seed is caught, table by table.
    for loader in (load_figures, load_context):
        with pytest.raises(DataError, match="the seed was edited"):
            loader(data_dir=data)
    with pytest.raises(DataError, match=f"data/articles.csv row 3 column source: no seed file '{OTHER_SEED[0]}'"):
        load_articles(data_dir=data)


def test_load_story_without_a_seed_says_what_to_do(data_copy: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError) as caught:
        load_story(data_copy, tmp_path / "empty")
    assert str(caught.value) == "seeds/: holds no article *.txt. Restore the seed file from the repository."


def test_load_story_with_a_missing_package_names_it(data_copy: Path, seeds_copy: Path) -> None:
    (data_copy / "datapackage.json").unlink()
    with pytest.raises(DataError, match=r"^data/datapackage\.json: is missing\. "):
        load_story(data_copy, seeds_copy)


def test_data_version_lists_every_data_file_and_every_seed(data_copy: Path, seeds_copy: Path) -> None:
    (seeds_copy / "notes.md").write_text("Test material: not a seed.\n", encoding="utf-8")
    (data_copy / "extra.json").write_text("{}\n", encoding="utf-8")
    (data_copy / "folder").mkdir()
    version = data_version(data_copy, seeds_copy)
    expected = sorted([*data_copy.iterdir(), seeds_copy / SEED_PATH.name])
    assert [entry[0] for entry in version] == [str(p) for p in expected if p.is_file()]
    assert [entry[1:] for entry in version] == [(p.stat().st_size, p.stat().st_mtime_ns) for p in expected
                                                if p.is_file()]


def test_data_version_changes_when_a_file_does(data_copy: Path, seeds_copy: Path) -> None:
    before = data_version(data_copy, seeds_copy)
    seed = seeds_copy / SEED_PATH.name
    stat = seed.stat()
    os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # same size, newer
    touched = data_version(data_copy, seeds_copy)
    assert touched != before
    (data_copy / "figures.csv").write_bytes((data_copy / "figures.csv").read_bytes() + b"\n")
    assert data_version(data_copy, seeds_copy) not in (before, touched)


def test_the_data_loads_under_a_plain_c_locale() -> None:
    """A server without UTF-8 locales (a bare container) reads every file as the UTF-8 it is, never by its locale."""
    script = ("import json; from components.store import load_story; story = load_story(); "
              "print(ascii([story.package['title'], len(story.figures), story.seed_text[:60]]))")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert proc.stdout.strip() == ascii([package["title"], len(csv_rows("figures")), TEXT[:60]])
    assert not package["title"].isascii(), "the check needs a non-ASCII character to mean anything"
    assert load_package() == package  # in this process too (and so a mutation run knows this test reads it)
