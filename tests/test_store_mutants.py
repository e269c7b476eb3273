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


def test_a_data_versions_cache_key_is_sixteen_hex_digits_that_change_with_any_file(data_copy: Path,
                                                                                  seeds_copy: Path) -> None:
    version = store.data_version(data_copy, seeds_copy)
    key = store.version_key(version)
    assert len(key) == 16 and int(key, 16) >= 0
    assert store.version_key(store.data_version(data_copy, seeds_copy)) == key
    (seeds_copy / "added.txt").write_text("Test material.\n", encoding="utf-8")
    assert store.version_key(store.data_version(data_copy, seeds_copy)) != key


def test_data_version_sorts_paths_as_pathlib_does_and_lists_seeds_without_a_data_folder(tmp_path: Path) -> None:
    data, seeds = tmp_path / "a", tmp_path / "a-b"  # as strings ".../a-b/..." sorts before ".../a/..."
    data.mkdir()
    seeds.mkdir()
    (data / "x.csv").write_text("test material\n", encoding="utf-8")
    (seeds / "s.txt").write_text("Test material.\n", encoding="utf-8")
    assert [entry[0] for entry in store.data_version(data, seeds)] == [str(data / "x.csv"), str(seeds / "s.txt")]
    assert [entry[0] for entry in store.data_version(tmp_path / "missing", seeds)] == [str(seeds / "s.txt")]
