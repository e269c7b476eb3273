"""Apply the newsroom's reviewed decisions (data/review_decisions.csv) to the extracted figures, never silently."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from components import store
from components.countries import countries_in, country_name
from components.extract.indicator_rules import article_sentences
from components.extract.numbers import exact_float, number_at
from components.extract.text import Seed, parse_number
from components.extract.un_votes import VoteId, position_words, votes_named
from components.indicators import BY_ID
from components.schema import INPUTS, POSITIONS, QUALIFIERS

FILE_NAME = "review_decisions.csv"
FILE = f"data/{FILE_NAME}"
FIELDS = INPUTS["review_decisions"]["fields"]
COLUMNS = tuple(f.name for f in FIELDS)
KEY = INPUTS["review_decisions"]["key"]
ADDED = ("position", "vote")  # columns added after the first files: a file without them reads them as empty
LEGACY_COLUMNS = tuple(c for c in COLUMNS if c not in ADDED)
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
    accepted: list[dict] = field(default_factory=list)  # the accepted figures as accepted, before any correction


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
    if header not in (list(COLUMNS), list(LEGACY_COLUMNS)):
        raise DecisionError(f"{file}: header is {header!r}, expected the columns {', '.join(COLUMNS)}. "
                            f"Restore it from the repository.")
    fields = [f for f in FIELDS if f.name in header]
    rows, seen = [], {}
    for i, cells in enumerate(reader, start=2):
        if len(cells) != len(fields):
            raise DecisionError(f"{file} row {i}: has {len(cells)} cells, expected {len(fields)}. "
                                "Fix or remove the row.")
        row = dict.fromkeys(COLUMNS, "")
        for f, cell in zip(fields, cells):
            where = f"{file} row {i} column {f.name}"
            try:
                value = store._parse_cell(cell, f, where)
                store._check_field(value, f, where)
            except store.DataError as err:
                raise DecisionError(str(err).replace(store.FIX, "Fix or remove the row.")) from None
            row[f.name] = "" if value is None else value
        _check_kind(row, f"{file} row {i} column")
        key = decision_key(row)
        if key in seen:
            raise DecisionError(f"{file} row {i}: a second decision on the same figure and field (row {seen[key]}).")
        seen[key] = i
        rows.append(row)
    return rows


def _check_kind(row: dict, where: str) -> None:
    """What a decision of its kind must say and must leave empty, beyond each column's own check."""
    if row["decision"] == "accept" and BY_ID[row["indicator"]].is_vote:
        if not row["position"]:
            raise DecisionError(f"{where} position: an accepted vote needs the position its words state "
                                f"({', '.join(POSITIONS)}). Fix or remove the row.")
        if not row["vote"]:
            raise DecisionError(f"{where} vote: an accepted vote needs the vote it is in (the resolution, e.g. "
                                "A/RES/ES-11/1, or the article's words for it). Fix or remove the row.")
        for name in ("year", "qualifier"):
            if row[name]:
                raise DecisionError(f"{where} {name}: a vote position has no {name} of its own (its year is the one "
                                    "the vote's date states). Empty the cell or remove the row.")
        return
    for name in ADDED:
        if row[name]:
            raise DecisionError(f"{where} {name}: only an accepted vote has a {name} (a correction writes it in "
                                "new_value). Empty the cell or remove the row.")


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
    if _accepts_vote(decision) and _vote_named(decision, text) is None:
        return f"the article no longer names the vote {decision['vote']!r} for these words"
    return ""


def review(figures: list[dict], decisions: list[dict], texts: dict[str, str]) -> Applied:
    """The figures with every applicable decision applied, and the stale ones set aside (not applied).

    Decisions on articles that are not among `texts` (another seeds folder, a removed article) do not apply.
    """
    # A correction acts on an extracted figure, or on one the newsroom accepted (a vote position read otherwise).
    extracted = {figure_key(f) for f in figures} | {figure_key(d) for d in decisions
                                                     if d["source"] in texts and d["decision"] == "accept"}
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
    origins = {}

    def corrected(figure: dict) -> dict:
        """The figure with every live correction of it applied; its origin remembered under its new key."""
        row = dict(figure)
        for i, d in live:
            if d["decision"] == "correct" and figure_key(d) == figure_key(figure):
                _correct(row, d, texts[d["source"]], i)
        origins[figure_key(row)] = figure_key(figure)
        return row

    out = [corrected(figure) for figure in figures if figure_key(figure) not in rejected]
    as_accepted = [_accepted(d, texts[d["source"]], i) for i, d in live if d["decision"] == "accept"]
    accepted = [corrected(figure) for figure in as_accepted]
    replaced = {figure_key(r) for r in accepted}
    out = [r for r in out if figure_key(r) not in replaced] + sorted(accepted, key=figure_key)
    seen: dict[tuple, dict] = {}
    for r in out:
        if figure_key(r) in seen:
            raise DecisionError(f"{FILE}: the decisions make two {r['indicator']} figures for {r['country_iso3']} "
                                f"from the words at {r['value_start']} of {r['source']}. Correct or withdraw one.")
        seen[figure_key(r)] = r
    return Applied(out, stale, origins, as_accepted)


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


def value_of(text: str, quote: tuple[int, int], words: tuple[int, int]) -> tuple[float | None, ...]:
    """(value, low, high) as the extraction's number grammar reads the words: one number, or a range as its quote
    writes it ("between 60,000 and 70,000" gives "60,000 and 70,000"). ValueError when they are neither."""
    value_text = text[words[0]:words[1]]
    try:
        return parse_number(value_text), None, None
    except ValueError:
        pass
    number = number_at(text, quote[0], quote[1], words[0], words[1])
    if number is None or not number.is_range:
        raise ValueError(f"not one number or a range as written: {value_text!r}")
    return None, exact_float(number.low), exact_float(number.high)


def _accepts_vote(d: dict) -> bool:
    return d["decision"] == "accept" and BY_ID[d["indicator"]].is_vote


def _vote_sentence(d: dict, text: str) -> tuple[list, int] | None:
    """The article's sentences as extraction reads them, and the index of the one holding the decision's words."""
    sentences = article_sentences(Seed(d["source"], text))
    at = d["value_start"]
    i = next((k for k, s in enumerate(sentences) if s.start <= at < s.end), None)
    return None if i is None else (sentences, i)


def _vote_named(d: dict, text: str) -> VoteId | None:
    """The vote the decision names, if the article still names it for the position's words."""
    found = _vote_sentence(d, text)
    if found is None:
        return None
    sentences, i = found
    return next((v for v in votes_named(sentences, i, d["value_end"]) if v.vote == d["vote"]), None)


def _accepted(d: dict, text: str, i: int) -> dict:
    indicator = BY_ID[d["indicator"]]
    if d["field"] != "figure":
        raise DecisionError(f"{_where(i)} column field: an accepted figure is a whole figure, field 'figure'. "
                            "Fix or remove the row.")
    if indicator.is_vote:
        return _accepted_vote(d, text, i)
    try:
        value, low, high = value_of(text, (d["start"], d["end"]), (d["value_start"], d["value_end"]))
    except ValueError:
        raise DecisionError(f"{_where(i)} column value_text: {d['value_text']!r} is not one number, nor a range its "
                            f"quote writes, as the number parser reads them. {ASK}") from None
    basis = year_basis(text, d["start"], d["end"], d["year"]) if d["year"] else ""
    if d["year"] and not basis:
        raise DecisionError(f"{_where(i)} column year: the article does not state {d['year']!r} in the sentence or "
                            "its paragraph; no year is invented.")
    return {"source": d["source"], "indicator": indicator.id, "country_iso3": d["country_iso3"],
            "country": country_name(d["country_iso3"]), "value": value, "value_low": low, "value_high": high,
            "qualifier": d["qualifier"], "position": "", "vote": "", "value_text": d["value_text"],
            "unit": indicator.unit, "year": d["year"], "year_basis": basis, "as_of": "", "attribution": "",
            "review": "accepted", "quote": d["quote"], "start": d["start"], "end": d["end"],
            "value_start": d["value_start"], "value_end": d["value_end"]}


def vote_countries(text: str, start: int, end: int) -> list[str]:
    """The states a vote position's sentence (text[start:end]) names, in order, else those of its paragraph: the
    states its words can be the vote of (empty when neither names one)."""
    p_start, p_end = paragraph_span(text, start)
    return countries_in(text[start:end]) or countries_in(text[p_start:p_end])


def _accepted_vote(d: dict, text: str, i: int) -> dict:
    found = _vote_sentence(d, text)
    sentence = found[0][found[1]] if found else None
    words = position_words(text, sentence.start, sentence.end) if sentence else []
    read = next((p for s, e, p in words if (s, e) == (d["value_start"], d["value_end"])), None)
    if read is None:
        raise DecisionError(f"{_where(i)} column value_text: {d['value_text']!r} are not the words of a vote position "
                            "as the vote grammar reads them (e.g. 'abstained', 'voted against', 'did not take part'). "
                            f"{ASK}")
    if d["position"] != read:
        raise DecisionError(f"{_where(i)} column position: {d['position']!r} is not the position the words "
                            f"{d['value_text']!r} state ({read!r}, as the vote grammar reads them). Write {read!r}; "
                            "if the words mean another position, accept them as read and correct the position "
                            "on the desk with a reason. Or remove the row.")
    named = vote_countries(text, sentence.start, sentence.end)
    if named and d["country_iso3"] not in named:
        raise DecisionError(f"{_where(i)} column country_iso3: {d['country_iso3']!r} is not a state the words' "
                            f"sentence (or its paragraph) names ({', '.join(named)}), so {d['value_text']!r} cannot "
                            f"be its vote. Write one of them, or remove the row.")
    vote = _vote_named(d, text)  # never None here: a vote the article does not name makes the decision stale
    return {"source": d["source"], "indicator": d["indicator"], "country_iso3": d["country_iso3"],
            "country": country_name(d["country_iso3"]), "value": None, "value_low": None, "value_high": None,
            "qualifier": "", "position": d["position"], "vote": d["vote"], "value_text": d["value_text"],
            "unit": BY_ID[d["indicator"]].unit, "year": vote.year, "year_basis": "stated" if vote.year else "",
            "as_of": vote.as_of, "attribution": "", "review": "accepted", "quote": d["quote"], "start": d["start"],
            "end": d["end"], "value_start": d["value_start"], "value_end": d["value_end"]}
