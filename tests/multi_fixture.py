"""The multi-article test corpus: the shipped article plus tests/fixtures/multi/, extracted by the normal pipeline.

tests/fixtures/multi/ is TEST MATERIAL: articles written for these tests, in the original's phrasing with invented
numbers and years (a follow-up with other years, a range and a second UN vote; a monitor that disagrees on a
citizenship count and on a vote). Nothing in it is real reporting.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "multi"
FOLLOW_UP = "910_followup_workers"  # the follow-up: 2022 figures, a range, the March 24 vote
MONITOR = "920_disputed_counts"  # the monitor: another 2020 citizenship count, another March 2 position


def build(target: Path) -> tuple[Path, Path]:
    """seeds/ (the shipped article and the fixture's) and data/ extracted from them under `target`."""
    seeds, data = target / "seeds", target / "data"
    seeds.mkdir(parents=True, exist_ok=True)
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted(FIXTURE.glob("*.txt"))]:
        shutil.copyfile(path, seeds / path.name)
    done = subprocess.run([sys.executable, "-m", "components.extract", "--seeds", str(seeds), "--out", str(data)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    if done.returncode:
        raise RuntimeError(f"extracting the multi-article fixture failed:\n{done.stderr}")
    return data, seeds
