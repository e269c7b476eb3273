"""Every number in the seed is in figures.csv or context.csv, or is listed below as page boilerplate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA_DIR, SEED_PATH, csv_rows, seed_text

from components.extract.pipeline import run
from components.extract.text import DIGIT_TOKEN, body_span

# Numbers on the page that are not figures of the story, found by the words around them (group 1 is the
# number). Both are in the outlet's donation appeal printed after every article, not in the article body.
NON_FIGURES = (
    r"news\s+source\s+for\s+over\s+(\d+)\s+years",  # the outlet's own age, in the appeal's opening line
    r"support\s+us\s+monthly\s+starting\s+from\s+just\s+(\d+)\.",  # the smallest monthly donation asked
)


def _value_spans(data_dir: Path) -> list[tuple[int, int]]:
    return [(int(r["value_start"]), int(r["value_end"])) for t in ("figures", "context") for r in csv_rows(t, data_dir)]


def _year_spans(text: str, data_dir: Path) -> list[tuple[int, int]]:
    """The year of a figure: figures.csv keeps it in `year`, beside `as_of` (the words stating it, e.g.
    "in 2021"), not as a value span; it is covered where that as_of occurs in the row's quote."""
    spans = []
    for r in csv_rows("figures", data_dir):
        if not (r["year"] and r["year"] in r["as_of"]):
            continue
        start, end = int(r["start"]), int(r["end"])
        offset = r["as_of"].index(r["year"])
        for m in re.finditer(re.escape(r["as_of"]), text[start:end]):
            at = start + m.start() + offset
            spans.append((at, at + len(r["year"])))
    return spans


def _boilerplate_spans(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for pattern in NON_FIGURES for m in re.finditer(pattern, text)]


def uncovered(text: str, data_dir: Path) -> list[tuple[int, str]]:
    """Number tokens of text inside no value span, figure year or listed non-figure: (offset, token)."""
    spans = _value_spans(data_dir) + _year_spans(text, data_dir) + _boilerplate_spans(text)
    return [(m.start(), m.group(0)) for m in DIGIT_TOKEN.finditer(text)
            if not any(s <= m.start() and m.end() <= e for s, e in spans)]


def test_every_number_of_the_seed_is_covered(seed: str) -> None:
    missing = uncovered(seed, DATA_DIR)
    assert not missing, f"numbers in neither table nor NON_FIGURES: {missing}"


def test_the_check_sees_numbers_at_all(seed: str) -> None:
    assert len(DIGIT_TOKEN.findall(seed)) > len(NON_FIGURES)


@pytest.mark.parametrize("pattern", NON_FIGURES)
def test_non_figures_are_boilerplate_after_the_body(seed: str, pattern: str) -> None:
    matches = list(re.finditer(pattern, seed))
    assert len(matches) == 1, "each non-figure must name exactly one number"
    assert matches[0].start(1) >= body_span(seed)[1], "a listed non-figure lies inside the article body"


def test_year_route_covers_only_figure_years(seed: str) -> None:
    years = {seed[s:e] for s, e in _year_spans(seed, DATA_DIR)}
    assert years == {r["year"] for r in csv_rows("figures") if r["year"]}
    assert all(re.fullmatch(r"(?:19|20)\d\d", y) for y in years)


def test_a_number_no_table_holds_is_reported(seeds_copy: Path, tmp_path: Path) -> None:
    text = seed_text()
    body_end = body_span(text)[1]
    added = str(len(text) * 7)  # a number the article does not contain
    assert added not in text
    sentence = f"Officials counted {added} recruitment tents.\n\n"
    edited = text[:body_end] + sentence + text[body_end:]
    (seeds_copy / SEED_PATH.name).write_bytes(edited.encode("utf-8"))
    run(seeds_copy, tmp_path / "out")
    assert uncovered(edited, tmp_path / "out") == [(body_end + sentence.index(added), added)]
