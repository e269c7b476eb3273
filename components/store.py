"""data/ on disk: paths, deterministic CSV, validation naming file, row and column, and the loaded Story."""

from __future__ import annotations

import csv
import fnmatch
import functools
import hashlib
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components.extract.text import parse_number
from components.schema import TABLES, Field

ROOT = Path(__file__).resolve().parent.parent
# Another data set (a test corpus, a benchmark's generated articles): CENTRAL_ASIA_DATA_DIR and
# CENTRAL_ASIA_SEEDS_DIR point the dashboard, extraction and the static edition at it (README, "Performance").
DATA_ENV, SEEDS_ENV = "CENTRAL_ASIA_DATA_DIR", "CENTRAL_ASIA_SEEDS_DIR"
DATA_DIR = Path(os.environ.get(DATA_ENV) or ROOT / "data")
SEEDS_DIR = Path(os.environ.get(SEEDS_ENV) or ROOT / "seeds")
FIX = "Run `python -m components.extract` to rebuild data/ from seeds/."


class DataError(ValueError):
    """A data file that cannot be trusted: the message names file, row, column and the fix."""


def format_cell(value: object) -> str:
    """A cell as written to CSV: integral numbers without '.0', missing as empty."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def to_csv(rows: list[dict], table: str) -> str:
    """Rows as CSV text with the table's columns in contract order, '\\n' line ends."""
    names = [f.name for f in TABLES[table]["fields"]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([format_cell(row.get(n)) for n in names])
    return out.getvalue()


def validate_rows(rows: list[dict], table: str, seeds: dict[str, str], file: str) -> None:
    """Check each row against the contract and its seed; raise DataError at the first problem."""
    spec = TABLES[table]
    # A text column that is optional and open can hold anything: only the others are checked, in contract order.
    checked = [f for f in spec["fields"] if f.required or f.enum or f.type != "string"]
    seen: dict[tuple, int] = {}
    for i, row in enumerate(rows, start=2):  # row 1 of the file is the header
        where = f"{file} row {i}"
        for f in checked:
            _check_field(row.get(f.name), f, f"{where} column {f.name}")
        key = tuple(row[k] for k in spec["key"])
        if key in seen:
            raise DataError(f"{where}: duplicate key {dict(zip(spec['key'], key))} (also row {seen[key]}). {FIX}")
        seen[key] = i
        if "quote" in row:
            _check_provenance(row, seeds, where)
        elif row["source"] not in seeds:  # the articles table describes seeds; it quotes nothing
            raise DataError(f"{where} column source: no seed file {row['source']!r} in seeds/. {FIX}")


def _check_field(value: object, f: Field, where: str) -> None:
    missing = value is None or value == "" or (isinstance(value, float) and pd.isna(value))
    if missing:
        if f.required:
            raise DataError(f"{where}: is empty but required. {FIX}")
        return
    if f.enum and value not in f.enum:
        raise DataError(f"{where}: {value!r} is not one of {', '.join(f.enum)}. {FIX}")
    if f.type == "integer" and not (isinstance(value, int) and not isinstance(value, bool)):
        raise DataError(f"{where}: {value!r} is not a whole number. {FIX}")
    if f.type == "number" and not isinstance(value, (int, float)):
        raise DataError(f"{where}: {value!r} is not a number. {FIX}")
    if f.type == "year" and not (isinstance(value, str) and value.isdigit() and len(value) == 4):
        raise DataError(f"{where}: {value!r} is not a four-digit year. {FIX}")
    if f.type == "date" and not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        raise DataError(f"{where}: {value!r} is not a date written YYYY-MM-DD. {FIX}")


def _check_provenance(row: dict, seeds: dict[str, str], where: str) -> None:
    seed = seeds.get(row["source"])
    if seed is None:
        raise DataError(f"{where} column source: no seed file {row['source']!r} in seeds/. {FIX}")
    if seed[row["start"]:row["end"]] != row["quote"]:
        raise DataError(f"{where} column quote: the seed text at {row['start']}:{row['end']} is not the quote; "
                        f"the seed was edited after extraction. {FIX}")
    if seed[row["value_start"]:row["value_end"]] != row["value_text"]:
        raise DataError(f"{where} column value_text: not found at {row['value_start']}:{row['value_end']} "
                        f"of the seed. {FIX}")
    if not row["start"] <= row["value_start"] <= row["value_end"] <= row["end"]:
        raise DataError(f"{where} column value_start: value_text lies outside the quote. {FIX}")
    if isinstance(row.get("value"), (int, float)) and not pd.isna(row["value"]):
        if _number(row["value_text"]) != row["value"]:
            raise DataError(f"{where} column value: {row['value']!r} is not what "
                            f"{row['value_text']!r} says. {FIX}")


@functools.lru_cache(maxsize=4096)
def _number(value_text: str) -> float | None:
    """The number words say (many figures repeat the same words, e.g. "1.2 million")."""
    return parse_number(value_text)


NUMERIC = ("integer", "number")


def _parse_cell(text: str, f: Field, where: str) -> object:
    if text == "":
        return None
    try:
        if f.type == "integer":
            return int(text)
        if f.type == "number":
            return float(text)
    except ValueError:
        raise DataError(f"{where}: {text!r} is not a {f.type}. {FIX}") from None
    return text


def seed_texts(seeds_dir: Path = SEEDS_DIR) -> dict[str, str]:
    """Every seed's text by file name, as read (for checking offsets)."""
    return {p.name: p.read_bytes().decode("utf-8", errors="replace") for p in sorted(seeds_dir.glob("*.txt"))}


EMPTY_ALLOWED = ("context",)  # articles may state no other fact; every data set has figures and articles


def load_table(table: str, data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR,
               seeds: dict[str, str] | None = None) -> pd.DataFrame:
    """Read data/<table>.csv, check it against the contract and the seeds (`seeds`: their texts, when the caller
    has read them already), return typed rows."""
    path = data_dir / f"{table}.csv"
    file = f"data/{path.name}"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{file}: is missing. {FIX}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        row = raw[:err.start].count(b"\n") + 1  # quotes hold no line breaks, so a line is a row
        raise DataError(f"{file} row {row}: is not UTF-8 (byte {err.start}); it is corrupt. {FIX}") from None
    fields = TABLES[table]["fields"]
    names = [f.name for f in fields]
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != names:
        raise DataError(f"{file}: header is {header!r}, expected the columns {', '.join(names)}. {FIX}")
    rows = []
    for i, cells in enumerate(reader, start=2):
        if len(cells) != len(names):
            raise DataError(f"{file} row {i}: has {len(cells)} cells, expected {len(names)}; "
                            f"the file is truncated or corrupt. {FIX}")
        rows.append({f.name: (None if c == "" else c if f.type not in NUMERIC else
                              _parse_cell(c, f, f"{file} row {i} column {f.name}")) for f, c in zip(fields, cells)})
    if not text.endswith("\n"):
        where = f"{file} row {len(rows) + 1} column {names[-1]}" if rows else file
        raise DataError(f"{where}: does not end with a newline; the file is truncated. {FIX}")
    if not rows and table not in EMPTY_ALLOWED:
        raise DataError(f"{file}: has no rows. {FIX}")
    validate_rows(rows, table, seeds if seeds is not None else seed_texts(seeds_dir), file)
    return typed_frame(rows, table)


def typed_frame(rows: list[dict], table: str) -> pd.DataFrame:
    """Rows as the page reads them: the table's columns in order, integers, floats (NaN where missing), strings
    ("" where missing)."""
    fields = TABLES[table]["fields"]
    frame = pd.DataFrame([{f.name: r.get(f.name) for f in fields} for r in rows], columns=[f.name for f in fields])
    for f in fields:
        if f.type == "integer":
            frame[f.name] = frame[f.name].astype("int64")
        elif f.type == "number":
            frame[f.name] = pd.to_numeric(frame[f.name]).astype("float64")
        else:
            frame[f.name] = frame[f.name].fillna("").astype(str)
    return frame


def load_figures(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> pd.DataFrame:
    """The country indicators, validated; one row per figure an article states."""
    return load_table("figures", data_dir, seeds_dir)


def load_articles(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> pd.DataFrame:
    """One row per source article: title, outlet, publication date and URL where the seed states them."""
    return load_table("articles", data_dir, seeds_dir)


def load_context(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> pd.DataFrame:
    """The article's other facts, validated."""
    return load_table("context", data_dir, seeds_dir)


def load_package(data_dir: Path = DATA_DIR) -> dict:
    """The Data Package descriptor (title, outlet and resource schemas)."""
    path = data_dir / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"data/{path.name}: is missing. {FIX}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataError(f"data/{path.name}: is not valid JSON ({err}). {FIX}") from None


@dataclass(frozen=True)
class Story:
    """The validated data behind the page."""

    figures: pd.DataFrame
    context: pd.DataFrame
    package: dict
    seeds: dict[str, str]
    articles: pd.DataFrame

    @property
    def article(self) -> dict[str, str]:
        return self.package.get("article", {})

    @property
    def seed_text(self) -> str:
        return self.seeds[self.article.get("file") or next(iter(self.seeds))]


def _dirs(data_dir: Path | None, seeds_dir: Path | None) -> tuple[Path, Path]:
    # Looked up at call time, so tests can point the whole app at a broken copy of data/.
    return data_dir or DATA_DIR, seeds_dir or SEEDS_DIR


def data_version(data_dir: Path | None = None, seeds_dir: Path | None = None) -> tuple:
    """Names, sizes and modification times of the inputs: a cache key that changes when they do."""
    data_dir, seeds_dir = _dirs(data_dir, seeds_dir)
    found = []
    for folder, pattern in ((data_dir, "*"), (seeds_dir, "*.txt")):
        if not folder.is_dir():
            continue
        parts = folder.parts
        with os.scandir(folder) as entries:  # one stat per file, however many seeds there are
            found += [((*parts, e.name), e.path, e.stat()) for e in entries
                      if fnmatch.fnmatch(e.name, pattern) and e.is_file()]
    found.sort(key=lambda f: f[0])  # the order of the paths' parts, as pathlib sorts them
    return tuple((path, st.st_size, st.st_mtime_ns) for _, path, st in found)


def version_key(version: tuple) -> str:
    """A short cache key for a data version: Streamlit hashes every cached call's arguments, and a version lists
    every seed (a thousand articles, a thousand entries)."""
    return hashlib.sha256(repr(version).encode("utf-8")).hexdigest()[:16]


def load_story(data_dir: Path | None = None, seeds_dir: Path | None = None) -> Story:
    """Load and validate data/ against seeds/; raises DataError with what is wrong and how to fix it."""
    data_dir, seeds_dir = _dirs(data_dir, seeds_dir)
    package = load_package(data_dir)
    seeds = seed_texts(seeds_dir)
    if not seeds:
        raise DataError("seeds/: holds no article *.txt. Restore the seed file from the repository.")
    # The seeds read once, for every table (a thousand articles are a thousand files).
    return Story(load_table("figures", data_dir, seeds=seeds), load_table("context", data_dir, seeds=seeds),
                 package, seeds, load_table("articles", data_dir, seeds=seeds))


def package_zip(data_dir: Path | None = None, seeds_dir: Path | None = None) -> bytes:
    """data/ and the seed article in one zip, with fixed timestamps so the bytes are reproducible."""
    data_dir, seeds_dir = _dirs(data_dir, seeds_dir)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:  # each entry sets its own compression below
        for path in [*sorted(data_dir.glob("*.csv")), data_dir / "datapackage.json", *sorted(seeds_dir.glob("*.txt"))]:
            info = zipfile.ZipInfo(f"{path.parent.name}/{path.name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    return out.getvalue()
