"""Apply the newsroom's reviewed decisions (data/review_decisions.csv) to the extracted figures, never silently."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from components import store
from components.countries import country_name
from components.extract.text import parse_number
from components.indicators import BY_ID, QUANTITIES
from components.schema import INPUTS, POSITIONS, QUALIFIERS

FILE_NAME = "review_decisions.csv"
FILE = f"data/{FILE_NAME}"
FIELDS = INPUTS["review_decisions"]["fields"]
COLUMNS = tuple(f.name for f in FIELDS)
KEY = INPUTS["review_decisions"]["key"]
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
ASK = "Decide again on the journalist's desk (CENTRAL_ASIA_REVIEW=1), or remove the row from " + FILE + "."


class DecisionError(store.DataError):
    """The decisions file, or a decision in it, cannot be applied as written; the message says which and why."""


@dataclass(frozen=True)
class Stale:
    """A decision whose words or figure are no longer what it was made on."""

    row: int  # line of the decisions file, header = 1
    decision: dict
    why: str

    def describe(self) -> str:
        d = self.decision
        what = d["decision"] if d["field"] == "figure" else f"correct {d['field']}"
        return (f"{FILE} row {self.row}: {what} of {d['value_text']!r} ({d['indicator']}, {d['country_iso3']}) "
                f"in {d['source']} at {d['value_start']}:{d['value_end']}, by {d['reviewer']} "
                f"{d['decided_at']}: {self.why}")


class StaleDecisions(DecisionError):
    """Decisions whose text changed: extraction stops and names each, so none is dropped or applied silently."""

    def __init__(self, stale: list[Stale]) -> None:
        self.stale = stale
        lines = "\n".join(f"  - {s.describe()}" for s in stale)
        super().__init__(f"{len(stale)} reviewed decision(s) no longer match the article; data/ was not "
                         f"written.\n{lines}\n\n{ASK}")


@dataclass(frozen=True)
class Applied:
    """The figures with the decisions applied, and the decisions that could not be."""

    figures: list[dict]
    stale: list[Stale]
    origins: dict[tuple, tuple] = field(default_factory=dict)  # key of each reviewed row -> key it was extracted at


def path() -> Path:
    """The decisions file, looked up at call time so tests can point the app at a copy of data/."""
    return store.DATA_DIR / FILE_NAME


def figure_key(row: dict) -> tuple:
    """The key of figures.csv: (source, indicator, country_iso3, value_start)."""
    return row["source"], row["indicator"], row["country_iso3"], int(row["value_start"])


def decision_key(row: dict) -> tuple:
    """The key of a decision: one decision per kind, field and figure."""
    return tuple(row[k] for k in KEY)


def parse_decisions(text: str, file: str = FILE) -> list[dict]:
    """Rows of the decisions file, typed and checked against the contract (DecisionError names row and column)."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != list(COLUMNS):
        raise DecisionError(f"{file}: header is {header!r}, expected the columns {', '.join(COLUMNS)}. "
                            f"Restore it from the repository.")
    rows, seen = [], {}
    for i, cells in enumerate(reader, start=2):
        if len(cells) != len(COLUMNS):
            raise DecisionError(f"{file} row {i}: has {len(cells)} cells, expected {len(COLUMNS)}.")
        row = {}
        for f, cell in zip(FIELDS, cells):
            where = f"{file} row {i} column {f.name}"
            try:
                value = store._parse_cell(cell, f, where)
                store._check_field(value, f, where)
            except store.DataError as err:
                raise DecisionError(str(err).replace(store.FIX, "Fix or remove the row.")) from None
            row[f.name] = "" if value is None else value
        key = decision_key(row)
        if key in seen:
            raise DecisionError(f"{file} row {i}: a second decision on the same figure and field (row {seen[key]}).")
        seen[key] = i
        rows.append(row)
    return rows


def read_decisions(file: Path | None = None) -> list[dict]:
    """The decisions saved in the repository; an absent file means no decisions."""
    file = file or path()
    try:
        text = file.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError as err:
        raise DecisionError(f"{FILE}: is not UTF-8 (byte {err.start}). Restore it from the repository.") from None
    return parse_decisions(text)


def decisions_csv(rows: list[dict]) -> str:
    """Decisions as the file holds them: the contract's columns, '\\n' line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([store.format_cell(row.get(n)) for n in COLUMNS] for row in rows)
    return out.getvalue()


def paragraph_span(text: str, at: int) -> tuple[int, int]:
    """The line (paragraph) of the seed holding offset `at`."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end == -1 else end


def year_basis(text: str, start: int, end: int, year: str) -> str:
    """'stated' when the quote gives the year, 'paragraph' when its paragraph does, else '' (not stated)."""
    if year in YEAR.findall(text[start:end]):
        return "stated"
    p_start, p_end = paragraph_span(text, start)
    return "paragraph" if year in YEAR.findall(text[p_start:p_end]) else ""


def stale_reason(decision: dict, texts: dict[str, str], extracted: set[tuple]) -> str:
    """Why a decision cannot be applied as made ('' when it can)."""
    text = texts[decision["source"]]
    if text[decision["value_start"]:decision["value_end"]] != decision["value_text"]:
        return f"the article's words at {decision['value_start']}:{decision['value_end']} changed"
    if text[decision["start"]:decision["end"]] != decision["quote"]:
        return "the sentence around the number changed"
    if decision["decision"] != "accept" and figure_key(decision) not in extracted:
        return "the extractor no longer gives the figure it was made on"
    return ""


def review(figures: list[dict], decisions: list[dict], texts: dict[str, str]) -> Applied:
    """The figures with every applicable decision applied, and the stale ones set aside (not applied).

    Decisions on articles that are not among `texts` (another seeds folder, a removed article) do not apply.
    """
    extracted = {figure_key(f) for f in figures}
    live, stale = [], []
    for i, d in enumerate(decisions, start=2):
        if d["source"] not in texts:
            continue
        why = stale_reason(d, texts, extracted)
        if why:
            stale.append(Stale(i, d, why))
        else:
            live.append((i, d))
    rejected = {figure_key(d) for _, d in live if d["decision"] == "reject"}
    out, origins = [], {}
    for figure in figures:
        if figure_key(figure) in rejected:
            continue
        row = dict(figure)
        for i, d in live:
            if d["decision"] == "correct" and figure_key(d) == figure_key(figure):
                _correct(row, d, texts[d["source"]], i)
        origins[figure_key(row)] = figure_key(figure)
        out.append(row)
    accepted = [_accepted(d, texts[d["source"]], i) for i, d in live if d["decision"] == "accept"]
    replaced = {figure_key(r) for r in accepted}
    out = [r for r in out if figure_key(r) not in replaced] + sorted(accepted, key=figure_key)
    seen: dict[tuple, dict] = {}
    for r in out:
        if figure_key(r) in seen:
            raise DecisionError(f"{FILE}: the decisions make two {r['indicator']} figures for {r['country_iso3']} "
                                f"from the words at {r['value_start']} of {r['source']}. Correct or withdraw one.")
        seen[figure_key(r)] = r
    return Applied(out, stale, origins)


def apply_decisions(figures: list[dict], texts: dict[str, str], file: Path | None = None) -> list[dict]:
    """Extraction's step: the reviewed figures; StaleDecisions (nothing written) if any decision is stale."""
    applied = review(figures, read_decisions(file), texts)
    if applied.stale:
        raise StaleDecisions(applied.stale)
    return applied.figures


def _where(i: int) -> str:
    return f"{FILE} row {i}"


def _correct(row: dict, d: dict, text: str, i: int) -> None:
    field, new = d["field"], d["new_value"]
    is_vote = BY_ID[row["indicator"]].is_vote
    if field == "country_iso3":
        try:
            row["country"] = country_name(new)
        except KeyError:
            raise DecisionError(f"{_where(i)} column new_value: {new!r} is not a country code.") from None
    elif field == "year":
        basis = year_basis(text, row["start"], row["end"], new) if new else ""
        if new and not basis:
            raise DecisionError(f"{_where(i)} column new_value: the article does not state {new!r} in the "
                                "sentence or its paragraph; no year is invented.")
        row["year_basis"] = basis
    elif field == "qualifier" and new and new not in QUALIFIERS:
        raise DecisionError(f"{_where(i)} column new_value: {new!r} is not one of {', '.join(QUALIFIERS)}.")
    elif field in ("vote", "position"):
        if not is_vote:
            raise DecisionError(f"{_where(i)}: a {row['indicator']} figure has no {field}.")
        if field == "position" and new not in POSITIONS:
            raise DecisionError(f"{_where(i)} column new_value: {new!r} is not one of {', '.join(POSITIONS)}.")
    elif field == "figure":
        raise DecisionError(f"{_where(i)} column field: a correction names the column it corrects.")
    row[field] = new
    row["review"] = "corrected"


def _accepted(d: dict, text: str, i: int) -> dict:
    indicator = BY_ID[d["indicator"]]
    if indicator.is_vote or d["field"] != "figure":
        raise DecisionError(f"{_where(i)}: only a number can be accepted, as a figure of {', '.join(QUANTITIES)}.")
    try:
        value = parse_number(d["value_text"])
    except ValueError:
        raise DecisionError(f"{_where(i)} column value_text: {d['value_text']!r} is not a single number.") from None
    basis = year_basis(text, d["start"], d["end"], d["year"]) if d["year"] else ""
    if d["year"] and not basis:
        raise DecisionError(f"{_where(i)} column year: the article does not state {d['year']!r} in the sentence or "
                            "its paragraph; no year is invented.")
    return {"source": d["source"], "indicator": indicator.id, "country_iso3": d["country_iso3"],
            "country": country_name(d["country_iso3"]), "value": value, "value_low": None, "value_high": None,
            "qualifier": d["qualifier"], "position": "", "vote": "", "value_text": d["value_text"],
            "unit": indicator.unit, "year": d["year"], "year_basis": basis, "as_of": "", "attribution": "",
            "review": "accepted", "quote": d["quote"], "start": d["start"], "end": d["end"],
            "value_start": d["value_start"], "value_end": d["value_end"]}
