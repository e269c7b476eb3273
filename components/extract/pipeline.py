"""Extract every figure of the articles in seeds/ into data/: `python -m components.extract`."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path

from components.extract.context_rules import FACTS, find_context
from components.extract.decisions import apply_decisions
from components.extract.explain import explain_lines, number_fates
from components.extract.indicator_rules import find_figures
from components.extract.text import Seed, SeedError, article_metadata, read_seed
from components.schema import datapackage
from components.store import DATA_DIR, SEEDS_DIR, DataError, to_csv, validate_rows


def read_seeds(seeds_dir: Path) -> list[Seed]:
    """Every *.txt in seeds_dir, sorted by name so output does not depend on directory order."""
    paths = sorted(seeds_dir.glob("*.txt"))
    if not paths:
        raise SeedError(f"{seeds_dir}: holds no *.txt article. Copy the article text into it.")
    return [read_seed(p) for p in paths]


def build_tables(seeds: list[Seed]) -> dict[str, str]:
    """The three files of data/ as text, after validating every row against its seed."""
    texts = {s.name: s.text for s in seeds}
    figures = apply_decisions([row for s in seeds for row in find_figures(s)], texts)  # data/review_decisions.csv
    context = [row for s in seeds for row in find_context(s)]
    if not figures:
        raise SeedError(f"{', '.join(texts)}: no country figure found. Is this the right article?")
    validate_rows(figures, "figures", texts, "figures.csv")
    validate_rows(context, "context", texts, "context.csv")
    articles = [article_row(s) for s in seeds]
    validate_rows(articles, "articles", texts, "articles.csv")
    package = datapackage(articles)
    return {"figures.csv": to_csv(figures, "figures"), "context.csv": to_csv(context, "context"),
            "articles.csv": to_csv(articles, "articles"),
            "datapackage.json": json.dumps(package, indent=2, ensure_ascii=False) + "\n"}


def article_row(seed: Seed) -> dict[str, str]:
    """The articles table's row of one seed: what its front matter or text states, nothing more."""
    meta = article_metadata(seed)
    return {"source": seed.name, "title": meta.get("title", ""), "outlet": meta.get("outlet", ""),
            "published": meta.get("published", ""), "url": meta.get("url", ""), "language": meta.get("language", "")}


def write_atomically(files: dict[str, str], out_dir: Path) -> None:
    """Write all files beside out_dir first, then move each into place, so no file is half-written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir.parent, prefix=".extract-") as tmp:
        for name, text in files.items():
            (Path(tmp) / name).write_bytes(text.encode("utf-8"))
        for name in files:
            os.replace(Path(tmp) / name, out_dir / name)


def missing_facts(context_csv: str) -> list[str]:
    """Context facts no seed states (read from the context table just built): worth a look after an edit."""
    found = {row["fact"] for row in csv.DictReader(io.StringIO(context_csv))}
    return [f.fact for f in FACTS if f.fact not in found]


def run(seeds_dir: Path = SEEDS_DIR, out_dir: Path = DATA_DIR) -> dict[str, str]:
    """Read seeds, find and validate figures, write data/; returns the files written."""
    # Load inputs.
    seeds = read_seeds(seeds_dir)
    # Process data.
    files = build_tables(seeds)
    # Save outputs.
    write_atomically(files, out_dir)
    return files


def explain(seeds_dir: Path = SEEDS_DIR) -> int:
    """Print each number token of each seed with its fate: figure, context fact, or left out with the reason."""
    try:
        seeds = read_seeds(seeds_dir)
    except SeedError as err:
        print(f"extract: {err}", file=sys.stderr)
        return 1
    counts = {"figure": 0, "context": 0, "left out": 0}
    for seed in seeds:
        fates = number_fates(seed, find_figures(seed), find_context(seed))
        for line in explain_lines(fates):
            print(line)
        for f in fates:
            counts[f["fate"]] += 1
    print(f"extract: {sum(counts.values())} numbers in {len(seeds)} seeds: "
          + ", ".join(f"{n} {fate}" for fate, n in counts.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.extract", description=__doc__)
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="folder of article *.txt files")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to (re)write")
    parser.add_argument("--explain", action="store_true",
                        help="write nothing; list every number of every seed and what became of it")
    args = parser.parse_args(argv)
    if args.explain:
        return explain(args.seeds)
    try:
        files = run(args.seeds, args.out)
    except (SeedError, DataError) as err:
        print(f"extract: {err}", file=sys.stderr)
        return 1
    rows = {name: text.count("\n") - 1 for name, text in files.items() if name.endswith(".csv")}
    print(f"extract: wrote {args.out}: " + ", ".join(f"{n} ({r} rows)" for n, r in rows.items()))
    for fact in missing_facts(files["context.csv"]):
        print(f"extract: note: context fact {fact!r} is not stated in the seeds", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
