"""Extraction at scale: generate N invented articles of ~5 KB, extract them, print time and peak memory.

    .venv/bin/python tests/benchmark_extract.py                 # 250, 500 and 1,000 articles
    .venv/bin/python tests/benchmark_extract.py --sizes 1000    # one size

TEST MATERIAL: the articles are generated from invented sentence templates with random numbers; nothing in
them is real reporting. The run writes into a temporary folder and leaves data/ alone.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from components.extract.pipeline import run  # noqa: E402

STATES = ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")
PEOPLE = ("Kazakhs", "Kyrgyz", "Tajiks", "Turkmen", "Uzbeks")
TEMPLATES = (
    "According to the interior ministry, {m1} workers from {s1}, {m2} from {s2} and {k1} from {s3} were working "
    "in Russia in {y}.",
    "Remittances account for {p1}% of {s1}'s gross domestic product and {p2}% of {s2}'s.",
    "In {y} alone, {k1} {d1}, {k2} {d2} and {k3} {d3} acquired Russian citizenship, the ministry said.",
    "{s1} comes second with nearly {m1} migrants in Russia, behind {s2} with {m2}.",
    "The number of foreign workers in Russia reached {m1} last year, including many from Central Asia.",
    "Remittances to {s1} fell {p1}% to ${k1} million in the first quarter, the central bank said.",
    "About {k1} {d1} returned home from Russia in {y}, while {k2} were deported.",
    "At the UN General Assembly on March 2, {s1} and {s2} abstained, while {s3} did not vote.",
    "Market traders in the capital, most of them {d1}, pay {k1} roubles a month for a stall.",
    "Between {k1} and {k2} {d1} work in Russia without papers, activists say.",
    "In {y}, remittances to {s1} and {s2} equalled {p1} and {p2} percent of GDP respectively.",
    "Officials expect the figure to rise to {m1} by {y2}, though the ruble has lost {p1} percent this year.",
    "A survey of {k1} households found that {p1} percent receive money from a relative abroad.",
    "The region's population of {m1} is young, and {p2} percent of it is under 30.",
)


def _article(rng: random.Random, target: int = 5000) -> str:
    parts = ["---", "title: Generated test article (invented)", "outlet: Test Generator (invented)",
             f"published: 20{rng.randint(19, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "---", "",
             "Generated test article: invented sentences and numbers, not real reporting", ""]
    size = sum(len(p) + 1 for p in parts)
    while size < target:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        parts += [paragraph, ""]
        size += len(paragraph) + 2
    return "\n".join(parts) + "\n"


def _sentence(rng: random.Random) -> str:
    s = rng.sample(STATES, 3)
    d = rng.sample(PEOPLE, 3)
    values = {"s1": s[0], "s2": s[1], "s3": s[2], "d1": d[0], "d2": d[1], "d3": d[2],
              "m1": f"{rng.randint(2, 49) / 10} million", "m2": f"{rng.randint(2, 49) / 10} million",
              "k1": _thousands(rng), "k2": _thousands(rng), "k3": _thousands(rng),
              "p1": rng.randint(2, 45), "p2": rng.randint(2, 45),
              "y": rng.randint(2015, 2023), "y2": rng.randint(2026, 2030)}
    return rng.choice(TEMPLATES).format(**values)


def _thousands(rng: random.Random) -> str:
    return f"{rng.randint(1, 99)},{rng.randint(100, 999)}"


def measure(count: int, workdir: Path) -> tuple[float, float, int, int]:
    """(seconds, peak MiB, bytes of text, figure rows) for extracting `count` generated articles. The extraction
    runs in a fresh interpreter so its peak resident memory is its own."""
    rng = random.Random(count)
    seeds = workdir / f"seeds-{count}"
    seeds.mkdir()
    total = 0
    for i in range(count):
        text = _article(rng)
        total += len(text.encode("utf-8"))
        (seeds / f"gen_{i:05d}.txt").write_text(text, encoding="utf-8")
    out = workdir / f"out-{count}"
    proc = subprocess.run([sys.executable, __file__, "--run", str(seeds), str(out)], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    seconds, peak_kib = proc.stdout.split()
    rows = (out / "figures.csv").read_text(encoding="utf-8").count("\n") - 1
    return float(seconds), int(peak_kib) / 1024, total, rows


def _run_once(seeds: Path, out: Path) -> None:
    """In the child: import, then time `run()` alone (read, extract, validate, write) and report peak RSS."""
    started = time.perf_counter()
    run(seeds, out)
    seconds = time.perf_counter() - started
    print(f"{seconds:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--run", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        _run_once(*args.run)
        return 0
    print(f"{'articles':>8} {'text MB':>8} {'seconds':>8} {'ms/article':>10} {'peak RSS MiB':>12} "
          f"{'figure rows':>11}")
    with tempfile.TemporaryDirectory(prefix="benchmark-extract-") as tmp:
        for count in args.sizes:
            seconds, peak, size, rows = measure(count, Path(tmp))
            print(f"{count:8} {size / 1e6:8.2f} {seconds:8.2f} {1000 * seconds / count:10.2f} {peak:12.1f} {rows:11}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
