"""Shared fixtures: the seed, the committed data/, tmp copies of both, and an in-process extract runner."""

from __future__ import annotations

import csv
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the project is run from its folder, not installed
    sys.path.insert(0, str(ROOT))

DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT / "seeds"
SEED_PATHS = sorted(SEEDS_DIR.glob("*.txt"))
SEED_PATH = SEED_PATHS[0]
FIX_COMMAND = "python -m components.extract"


def seed_text() -> str:
    """The article exactly as the pipeline reads it (strict UTF-8, nothing normalised)."""
    return SEED_PATH.read_bytes().decode("utf-8")


def csv_rows(table: str, data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    """Rows of data/<table>.csv as raw strings, read independently of components.store."""
    with (data_dir / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def seed() -> str:
    assert len(SEED_PATHS) == 1, f"expected one seed in {SEEDS_DIR}, found {SEED_PATHS}"
    return seed_text()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of seeds/ that a test may edit."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the committed data/ that a test may corrupt."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
def run_extract(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run `python -m components.extract --seeds S --out O` in-process: (exit code, stdout, stderr)."""
    from components.extract.pipeline import main

    def _run(seeds_dir: Path, out_dir: Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--seeds", str(seeds_dir), "--out", str(out_dir)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


# --- the journalist's desk: an app folder whose only seed is the invented test article ------------------------------

DESK_SEED = ROOT / "tests" / "fixtures" / "desk" / "seeds" / "desk_test_article.txt"
# An invented article whose range and vote position the extractor leaves out (test material).
DESK_MISSED_SEED = ROOT / "tests" / "fixtures" / "desk" / "missed" / "desk_missed_article.txt"


@pytest.fixture
def desk_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(seeds, data) in tmp: the invented desk article (test material), extracted, with no decision yet.

    components.store looks its folders up at call time, so the app, the desk and extraction all use these.
    """
    return _desk_app(tmp_path, monkeypatch, DESK_SEED)


@pytest.fixture
def missed_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(seeds, data) in tmp like desk_dirs, with the invented article of a missed range and vote as the only seed."""
    return _desk_app(tmp_path, monkeypatch, DESK_MISSED_SEED)


def _desk_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: Path) -> tuple[Path, Path]:
    from components import store
    from components.extract.pipeline import run

    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    shutil.copy2(seed, seeds / seed.name)
    shutil.copytree(DATA_DIR, data)
    monkeypatch.setattr(store, "DATA_DIR", data)
    monkeypatch.setattr(store, "SEEDS_DIR", seeds)
    run(seeds, data)
    return seeds, data
