"""Edges of components/store.py that a mutation run (tests/mutation.py) showed no other test pinned down."""

from __future__ import annotations

from pathlib import Path

import pytest

from components import store


def test_load_story_reads_the_seed_folder_once_for_every_table(data_copy: Path, seeds_copy: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path] = []
    read = store.seed_texts

    def counted(folder: Path = store.SEEDS_DIR) -> dict[str, str]:
        reads.append(folder)
        return read(folder)

    monkeypatch.setattr(store, "seed_texts", counted)
    story = store.load_story(data_copy, seeds_copy)
    assert reads == [seeds_copy], "figures, context and articles check against the seeds read once"
    assert len(story.figures) and len(story.articles)
