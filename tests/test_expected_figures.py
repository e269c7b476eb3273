"""data/figures.csv, and a fresh extraction from the seed, hold exactly the figures a reader finds in the article.

The answer file tests/expected_figures.csv was typed by reading the article, not computed by the code it checks, so a
wrong number rebuilt consistently (a parser reading "63,389" as 63,398, say) fails here even though every provenance
check agrees with itself.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import DATA_DIR, ROOT, SEEDS_DIR

from components.extract.pipeline import build_tables, read_seeds

ANSWERS = ROOT / "tests" / "expected_figures.csv"
# Compared on every row, exactly as written.
ALWAYS = ("indicator", "country_iso3", "value", "value_low", "value_high", "qualifier", "position", "year")
# Columns whose extraction is still being built: compared (on every row) once the data fills them anywhere.
WHEN_FILLED = ("vote", "year_basis")


def read_answers(path: Path = ANSWERS) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def parse_figures(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def compared_columns(figures: list[dict[str, str]]) -> tuple[str, ...]:
    return ALWAYS + tuple(c for c in WHEN_FILLED if any(r[c] for r in figures))


def as_rows(rows: list[dict[str, str]], columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The rows on those columns, sorted: equal lists mean the same rows, each as often."""
    return sorted(tuple(r[c] for c in columns) for r in rows)


def differences(figures: list[dict[str, str]], answers: list[dict[str, str]]) -> dict[str, list]:
    columns = compared_columns(figures)
    got, want = as_rows(figures, columns), as_rows(answers, columns)
    return {"columns": list(columns), "not in the article": [r for r in got if r not in want],
            "missing": [r for r in want if r not in got]}


ANSWER_ROWS = read_answers()


def test_the_answer_file_holds_the_articles_14_figures() -> None:
    assert len(ANSWER_ROWS) == 14
    assert len({(r["indicator"], r["country_iso3"]) for r in ANSWER_ROWS}) == 14
    assert set(ANSWER_ROWS[0]) == set(ALWAYS) | set(WHEN_FILLED)
    assert all(r["value"] or r["position"] for r in ANSWER_ROWS), "each row states a number or a position"


def test_committed_data_equals_the_answers() -> None:
    with (DATA_DIR / "figures.csv").open(encoding="utf-8", newline="") as fh:
        figures = list(csv.DictReader(fh))
    diff = differences(figures, ANSWER_ROWS)
    assert as_rows(figures, tuple(diff["columns"])) == as_rows(ANSWER_ROWS, tuple(diff["columns"])), diff


@pytest.fixture(scope="module")
def extracted() -> list[dict[str, str]]:
    """figures.csv as `python -m components.extract` would write it now, from seeds/, in memory."""
    return parse_figures(build_tables(read_seeds(SEEDS_DIR))["figures.csv"])


def test_a_fresh_extraction_equals_the_answers(extracted: list[dict[str, str]]) -> None:
    diff = differences(extracted, ANSWER_ROWS)
    assert as_rows(extracted, tuple(diff["columns"])) == as_rows(ANSWER_ROWS, tuple(diff["columns"])), diff


def test_a_column_still_being_built_is_compared_once_filled(extracted: list[dict[str, str]]) -> None:
    empty = [{**r, "vote": "", "year_basis": ""} for r in extracted]
    assert compared_columns(empty) == ALWAYS
    one_vote = [{**r, "vote": "A/RES/ES-11/1" if i == 0 else ""} for i, r in enumerate(empty)]
    assert compared_columns(one_vote) == (*ALWAYS, "vote")
    # Once filled anywhere, a column is compared on every row: a vote missing from one row is a difference.
    assert as_rows(one_vote, compared_columns(one_vote)) != as_rows(ANSWER_ROWS, compared_columns(one_vote))


def test_a_misread_number_is_caught() -> None:
    wrong = [{**r, "value": "63398" if r["value"] == "63389" else r["value"]} for r in ANSWER_ROWS]
    diff = differences(wrong, ANSWER_ROWS)
    assert [r[:3] for r in diff["not in the article"]] == [("citizenship_grants", "TJK", "63398")]
    assert [r[:3] for r in diff["missing"]] == [("citizenship_grants", "TJK", "63389")]


def test_no_figure_of_the_article_is_typed_in_the_code() -> None:
    # Figures come from seeds/ by code: none of the article's multi-digit numbers, as it writes them, may stand in
    # components/ or dashboard.py (a comment's example too would be a number typed by hand).
    seed = next(SEEDS_DIR.glob("*.txt")).read_text(encoding="utf-8")
    written = {m.group(0) for m in re.finditer(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,$])\$?\d{3,}(?![\d,])",
                                                seed) if not re.fullmatch(r"(?:19|20)\d\d", m.group(0))}
    sources = [*sorted((ROOT / "components").rglob("*.py")), ROOT / "dashboard.py"]
    found = [f"{path.relative_to(ROOT)}: {number}" for path in sources
             for number in sorted(written) if re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d,])",
                                                         path.read_text(encoding="utf-8"))]
    assert written and not found, found
