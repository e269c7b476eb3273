"""Every number of every seed is accounted for: a figure, a context fact, or left out with the reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA_DIR, SEED_PATH, SEED_PATHS, csv_rows, seed_text

from components.extract.context_rules import find_context
from components.extract.explain import FATES, number_fates
from components.extract.indicator_rules import find_figures
from components.extract.pipeline import main, run
from components.extract.text import DIGIT_TOKEN, Seed, body_span, read_seed

CORPUS = sorted((Path(__file__).parent / "corpus" / "articles").glob("*.txt"))
ALL_SEEDS = [pytest.param(p, id=p.name) for p in [*SEED_PATHS, *CORPUS]]


def _fates(path: Path) -> tuple[Seed, list[dict]]:
    seed = read_seed(path)
    return seed, number_fates(seed, find_figures(seed), find_context(seed))


@pytest.mark.parametrize("path", ALL_SEEDS)
def test_every_number_token_has_a_fate_and_a_reason(path: Path) -> None:
    seed, fates = _fates(path)
    assert fates, "no number found at all"
    for m in DIGIT_TOKEN.finditer(seed.text):
        covering = [f for f in fates if f["start"] <= m.start() and m.end() <= f["end"]]
        assert covering, f"{path.name}: number {m.group(0)!r} at {m.start()} is not accounted for"
    for f in fates:
        assert f["fate"] in FATES
        assert f["reason"].strip(), f"{path.name}: {f['token']!r} has no reason"
        assert seed.text[f["start"]:f["end"]] == f["token"]


@pytest.mark.parametrize("path", ALL_SEEDS)
def test_figure_fates_are_exactly_the_figures(path: Path) -> None:
    seed, fates = _fates(path)
    figures = [r for r in find_figures(seed) if r["value"] is not None or r["value_low"] is not None]
    figure_spans = {(f["start"], f["end"]) for f in fates if f["fate"] == "figure"}
    for r in figures:
        inside = [s for s in figure_spans if r["value_start"] <= s[0] and s[1] <= r["value_end"]]
        assert inside, f"{path.name}: figure {r['value_text']!r} has no 'figure' fate"
    for f in fates:
        if f["fate"] == "figure":
            assert f["indicator"] and f["country_iso3"]


def test_the_shipped_seed_numbers_match_the_committed_tables(seed: str) -> None:
    """The committed data/ says the same as the fates: each value span of data/ is a figure or context fate."""
    fates = number_fates(Seed(SEED_PATH.name, seed), csv_rows("figures"), csv_rows("context"))
    rows = csv_rows("figures") + csv_rows("context")
    for r in rows:
        if r["value"] == "" and "position" in r and r["position"]:
            continue  # a vote position is words, not a number token
        s, e = int(r["value_start"]), int(r["value_end"])
        assert any(f["start"] >= s and f["end"] <= e and f["fate"] in ("figure", "context") for f in fates), r


def test_left_out_digits_of_the_shipped_seed_are_outside_the_body(seed: str) -> None:
    """In the article body every number in digits is a figure, a context fact or a figure's year; the body's
    left-out numbers are words such as "two patterns", and each says why."""
    fates = number_fates(Seed(SEED_PATH.name, seed), csv_rows("figures"), csv_rows("context"))
    body_end = body_span(seed)[1]
    left = [f for f in fates if f["fate"] == "left out" and not f["reason"].startswith("the year of a figure")]
    digits = [f for f in left if f["token"][:1].isdigit()]
    assert digits and all(f["start"] >= body_end for f in digits)
    assert all(f["reason"] for f in left)


def test_a_number_no_table_holds_is_reported_left_out(seeds_copy: Path, tmp_path: Path) -> None:
    text = seed_text()
    body_end = body_span(text)[1]
    added = str(len(text) * 7)  # a number the article does not contain
    assert added not in text
    sentence = f"Officials counted {added} recruitment tents.\n\n"
    edited = text[:body_end] + sentence + text[body_end:]
    (seeds_copy / SEED_PATH.name).write_bytes(edited.encode("utf-8"))
    run(seeds_copy, tmp_path / "out")
    seed = read_seed(seeds_copy / SEED_PATH.name)
    fates = number_fates(seed, csv_rows("figures", tmp_path / "out"), csv_rows("context", tmp_path / "out"))
    (fate,) = [f for f in fates if f["token"] == added]
    assert fate["fate"] == "left out" and fate["reason"]


def test_explain_command_lists_every_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\d+ numbers in 1 seeds: 9 figure, 30 context, \d+ left out", out)
    assert "remittances_share_of_gdp of TJK: 30%" in out
    assert not (DATA_DIR / ".extract-explain").exists()
