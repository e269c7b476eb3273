"""The extractor on the labelled test corpus (tests/corpus/): precision and recall held, traps never hit."""

from __future__ import annotations

from pathlib import Path

import pytest
from score_extraction import CORPUS_DIR, run_extractor, score

MIN_PRECISION = 0.98
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    figures, message = run_extractor(CORPUS_DIR, tmp_path_factory.mktemp("corpus") / "out")
    assert figures is not None, message
    return score(figures)


def test_precision_and_recall_hold(result: dict) -> None:
    assert result["precision"] >= MIN_PRECISION, [r["value_text"] for r in result["false_positives"]]
    assert result["recall"] >= MIN_RECALL, [(r["article"], r["value_text"]) for r in result["misses"]]


@pytest.mark.parametrize("family", ["migrant_workers", "remittances_share_of_gdp", "citizenship_grants",
                                    "un_ga_vote"])
def test_every_family_holds(result: dict, family: str) -> None:
    s = result["per_family"][family]
    assert s["answers"] > 0
    assert s["precision"] is not None and s["precision"] >= MIN_PRECISION
    assert s["recall"] >= MIN_RECALL


def test_no_trap_becomes_a_figure(result: dict) -> None:
    assert result["traps"] >= 60
    assert result["traps_hit"] == []


def test_qualifiers_are_kept(result: dict) -> None:
    assert result["qualifier_errors"] == []


def test_every_row_points_at_its_number(result: dict) -> None:
    assert result["offset_problems"] == []
    assert result["rows_with_offsets"] == result["extracted"]


def test_score_sees_a_wrong_figure(tmp_path: Path) -> None:
    """The score is not blind: one changed value is a miss and a false positive."""
    figures, _ = run_extractor(CORPUS_DIR, tmp_path / "out")
    lines = figures.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    value = header.index("value")
    for i, line in enumerate(lines[1:], start=1):
        cells = line.split(",")
        if len(cells) == len(header) and cells[value].isdigit():
            cells[value] = str(int(cells[value]) + 1)
            lines[i] = ",".join(cells)
            break
    changed = tmp_path / "changed.csv"
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    worse = score(changed)
    assert len(worse["false_positives"]) == 1 and len(worse["misses"]) == 1
