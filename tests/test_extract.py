"""`python -m components.extract` rebuilds data/ exactly, deterministically, from the text it is given."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA_DIR, ROOT, SEED_PATH, csv_rows, seed_text

from components.countries import countries_in, country_pattern
from components.extract.pipeline import run
from components.extract.text import parse_number
from components.store import load_context, load_figures

DATA_FILES = ("articles.csv", "context.csv", "datapackage.json", "figures.csv")
TEXT = seed_text()
FIGURES = csv_rows("figures")
CONTEXT = csv_rows("context")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "components.extract", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


def _key(row: dict) -> tuple[str, str]:
    return row["indicator"], row["country_iso3"]


def _values(frame: pd.DataFrame) -> dict[tuple[str, str], tuple[object, str]]:
    """(indicator, country) -> (value or position, value_text) of an extracted figures table."""
    return {_key(r): (r["position"] if pd.isna(r["value"]) else r["value"], r["value_text"])
            for r in frame.to_dict("records")}


def _edit(seeds_dir: Path, start: int, end: int, replacement: str) -> None:
    """Replace seed[start:end] in the tmp copy of the seed."""
    (seeds_dir / SEED_PATH.name).write_bytes((TEXT[:start] + replacement + TEXT[end:]).encode("utf-8"))


def _extract(seeds_dir: Path, out_dir: Path) -> pd.DataFrame:
    run(seeds_dir, out_dir)
    return load_figures(data_dir=out_dir, seeds_dir=seeds_dir)


ORIGINAL = {_key(r): (r["position"] or float(r["value"]), r["value_text"]) for r in FIGURES}


# --- The command line reproduces data/ ------------------------------------------------------------

@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[subprocess.CompletedProcess[str], Path]]:
    base = tmp_path_factory.mktemp("cli")
    return [(_cli("--out", str(base / name)), base / name) for name in ("first", "second")]


def test_cli_exits_0_and_prints_a_summary(two_runs: list) -> None:
    for proc, out in two_runs:
        assert proc.returncode == 0, proc.stderr
        assert str(out) in proc.stdout
        for table, rows in (("figures", FIGURES), ("context", CONTEXT)):
            assert f"{table}.csv ({len(rows)} rows)" in proc.stdout
        assert "note:" not in proc.stderr, "the real seed states every context fact"
        assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("name", DATA_FILES)
def test_cli_reproduces_committed_data_byte_for_byte(two_runs: list, name: str) -> None:
    for _, out in two_runs:
        assert (out / name).read_bytes() == (DATA_DIR / name).read_bytes()


def test_cli_is_deterministic(two_runs: list) -> None:
    (_, first), (_, second) = two_runs
    assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in second.iterdir()) == list(DATA_FILES)
    for name in DATA_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes()
    assert not list(first.parent.glob(".extract-*")), "a temporary folder was left behind"


# --- What the real data says, and does not ---------------------------------------------------------

@pytest.mark.parametrize(("indicator", "iso3"), [("migrant_workers", "KAZ"), ("migrant_workers", "TKM"),
                                                 ("citizenship_grants", "TKM")])
def test_figures_the_article_does_not_give_have_no_row(indicator: str, iso3: str) -> None:
    assert (indicator, iso3) not in ORIGINAL
    quotes = {r["quote"] for r in FIGURES if r["indicator"] == indicator}
    assert quotes, f"no {indicator} rows at all"
    assert all(iso3 not in countries_in(q) for q in quotes), "the sentence does name the country"


@pytest.mark.parametrize("table", ["figures", "context"])
def test_no_value_is_zero(table: str) -> None:
    values = [float(r["value"]) for r in csv_rows(table) if r["value"] != ""]
    assert values and 0 not in values


# --- The extraction follows the text, not memory ------------------------------------------------

def _bump(value_text: str) -> str:
    """A different number written the same way: integer part + 7, keeping separators, decimals, scale, %."""
    m = re.match(r"\d[\d,]*", value_text)
    assert m, value_text
    n = int(m.group(0).replace(",", "")) + 7
    return (f"{n:,}" if "," in m.group(0) else str(n)) + value_text[m.end():]


NUMERIC = [pytest.param(r, id="-".join(_key(r))) for r in FIGURES if r["value"] != ""]


@pytest.mark.parametrize("row", NUMERIC)
def test_changed_number_changes_the_value(seeds_copy: Path, tmp_path: Path, row: dict[str, str]) -> None:
    new_text = _bump(row["value_text"])
    _edit(seeds_copy, int(row["value_start"]), int(row["value_end"]), new_text)
    got = _values(_extract(seeds_copy, tmp_path / "out"))
    assert got[_key(row)] == (parse_number(new_text), new_text)
    assert parse_number(new_text) != float(row["value"])
    assert {k: v for k, v in got.items() if k != _key(row)} == {k: v for k, v in ORIGINAL.items() if k != _key(row)}


def test_tajik_citizenship_edit_is_among_the_cases() -> None:
    assert "citizenship_grants-TJK" in {p.id for p in NUMERIC}


VOTES = [r for r in FIGURES if r["position"]]
POSITIONS = sorted({r["position"] for r in VOTES})


@pytest.mark.parametrize("old", POSITIONS)
def test_changed_vote_position_changes_positions(seeds_copy: Path, tmp_path: Path, old: str) -> None:
    # The article's words go in; the position comes out normalised (value_text keeps the words).
    new_words, new = ("voted against", "against") if old != "against" else ("abstained", "abstained")
    row = next(r for r in VOTES if r["position"] == old)
    # The position as written, with the article's trailing emphasis ("... at all") if it has one.
    clause = re.compile(re.escape(row["value_text"]) + r"(?:\s+at\s+all)?").match(TEXT, int(row["value_start"]))
    assert clause
    _edit(seeds_copy, clause.start(), clause.end(), new_words)
    got = _values(_extract(seeds_copy, tmp_path / "out"))
    votes = {k[1]: v[0] for k, v in got.items() if k[0] == "un_ga_vote"}
    before = {r["country_iso3"]: r["position"] for r in VOTES}
    assert set(votes) == set(before)
    assert votes == {iso3: (new if pos == old else pos) for iso3, pos in before.items()}


def _clause(row: dict[str, str]) -> re.Match[str] | None:
    """The list item stating one country's figure: its number, lower-case words, the country, a comma."""
    item = re.escape(row["value_text"]) + rf"(?:\s+[a-z]+)*?\s+(?:{country_pattern()})\s*,\s*"
    m = re.compile(item).match(TEXT, int(row["value_start"]))
    return m if m and m.end() <= int(row["end"]) else None


REMOVABLE = [pytest.param(r, id="-".join(_key(r))) for r in FIGURES if r["value"] != "" and _clause(r)]


def test_tajik_migrant_removal_is_among_the_cases() -> None:
    assert "migrant_workers-TJK" in {p.id for p in REMOVABLE}


@pytest.mark.parametrize("row", REMOVABLE)
def test_removed_figure_has_no_row_and_never_zero(seeds_copy: Path, tmp_path: Path, row: dict[str, str]) -> None:
    clause = _clause(row)
    assert clause and countries_in(clause.group(0)) == [row["country_iso3"]], "the clause names another country"
    _edit(seeds_copy, clause.start(), clause.end(), "")
    figures = _extract(seeds_copy, tmp_path / "out")
    got = _values(figures)
    assert _key(row) not in got
    assert (figures["value"] != 0).all()
    assert got == {k: v for k, v in ORIGINAL.items() if k != _key(row)}


SENTENCES = sorted({(int(r["start"]), int(r["end"])) for r in CONTEXT})


@pytest.mark.parametrize("span", SENTENCES, ids=[TEXT[s:e][:30] for s, e in SENTENCES])
def test_removed_context_sentence_drops_its_facts_and_says_so(
        seeds_copy: Path, tmp_path: Path, run_extract: Callable, span: tuple[int, int]) -> None:
    gone = {r["fact"] for r in CONTEXT if (int(r["start"]), int(r["end"])) == span}
    _edit(seeds_copy, *span, "")
    code, out, err = run_extract(seeds_copy, tmp_path / "out")
    assert code == 0, err
    assert "context.csv" in out
    context = load_context(data_dir=tmp_path / "out", seeds_dir=seeds_copy)
    kept = {r["fact"]: r["value_text"] for r in context.to_dict("records")}
    assert set(kept).isdisjoint(gone)
    assert kept == {r["fact"]: r["value_text"] for r in CONTEXT if r["fact"] not in gone}
    notes = set(re.findall(r"context fact '(\w+)' is not stated", err))
    assert notes == gone


# --- Bad seeds: a clear error naming the file, a non-zero exit, and data/ left alone -------------------

def _write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda d: (d / name).write_bytes(data)


def _directory(d: Path) -> None:
    (d / "bad.txt").mkdir()


def _broken_symlink(d: Path) -> None:
    (d / "bad.txt").symlink_to(d / "gone" / "article")


# id: (keep the good seed beside it?, make the problem, text the message must contain)
BAD_SEEDS: dict[str, tuple[bool, Callable[[Path], None], tuple[str, ...]]] = {
    "empty": (True, _write("bad.txt", b""), ("bad.txt", "empty")),
    "whitespace-only": (True, _write("bad.txt", " \n\t\u00a0\n\n".encode()), ("bad.txt", "empty")),
    "not-utf8": (True, _write("bad.txt", "Migrants in Tajikistan’s capital.".replace("’", "é").encode("latin-1")),
                 ("bad.txt", "not UTF-8")),
    "directory": (True, _directory, ("bad.txt", "cannot be read")),
    "broken-symlink": (True, _broken_symlink, ("bad.txt", "cannot be read")),
    "no-txt": (False, _write("article.md", TEXT.encode()), ("seeds", "no *.txt")),
    "no-figures": (False, _write("bad.txt", b"Nothing in this text is about Central Asia.\n"),
                   ("bad.txt", "no country figure")),
}


@pytest.mark.parametrize("case", list(BAD_SEEDS))
def test_bad_seed_fails_clearly_and_leaves_data_alone(
        tmp_path: Path, data_copy: Path, run_extract: Callable, case: str) -> None:
    keep_good, make, expected = BAD_SEEDS[case]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    if keep_good:
        (seeds / SEED_PATH.name).write_bytes(SEED_PATH.read_bytes())
    make(seeds)
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    code, out, err = run_extract(seeds, data_copy)
    assert code != 0
    assert out == ""
    for fragment in expected:
        assert fragment in err
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before
    assert not list(tmp_path.glob(".extract-*"))
    fresh = tmp_path / "fresh"
    assert run_extract(seeds, fresh)[0] != 0
    assert not fresh.exists(), "a failing run created the output folder"


def test_cli_exit_code_is_non_zero_for_a_missing_seeds_folder(tmp_path: Path) -> None:
    proc = _cli("--seeds", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert proc.returncode != 0
    assert "nowhere" in proc.stderr and "no *.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()
