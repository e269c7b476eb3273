"""Everything the page shows, loaded once: figures, context, package metadata and the seed text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components import data
from components.data import DataError, load_context, load_figures, load_package, seed_texts


@dataclass(frozen=True)
class Story:
    """The validated data behind the page."""

    figures: pd.DataFrame
    context: pd.DataFrame
    package: dict
    seeds: dict[str, str]

    @property
    def article(self) -> dict[str, str]:
        return self.package.get("article", {})

    @property
    def seed_text(self) -> str:
        return self.seeds[self.article.get("file") or next(iter(self.seeds))]


def _dirs(data_dir: Path | None, seeds_dir: Path | None) -> tuple[Path, Path]:
    # Looked up at call time, so tests can point the whole app at a broken copy of data/.
    return data_dir or data.DATA_DIR, seeds_dir or data.SEEDS_DIR


def data_version(data_dir: Path | None = None, seeds_dir: Path | None = None) -> tuple:
    """Names, sizes and modification times of the inputs: a cache key that changes when they do."""
    data_dir, seeds_dir = _dirs(data_dir, seeds_dir)
    files = sorted([*data_dir.glob("*"), *seeds_dir.glob("*.txt")])
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files if p.is_file())


def load_story(data_dir: Path | None = None, seeds_dir: Path | None = None) -> Story:
    """Load and validate data/ against seeds/; raises DataError with what is wrong and how to fix it."""
    data_dir, seeds_dir = _dirs(data_dir, seeds_dir)
    package = load_package(data_dir)
    seeds = seed_texts(seeds_dir)
    if not seeds:
        raise DataError("seeds/: holds no article *.txt. Restore the seed file from the repository.")
    return Story(load_figures(data_dir, seeds_dir), load_context(data_dir, seeds_dir), package, seeds)
