"""Decisions on what the extractor misses: a range accepted as a range, a vote position accepted as a vote, each
rebuilt with full provenance, refused with a clear message when malformed, stale when the words change, and on the
dashboard afterwards. The article is the invented one in tests/fixtures/desk/missed/ (test material)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import DESK_MISSED_SEED, csv_rows

from components.extract.decision_store import replace_decision, save_decision
from components.extract.decisions import (
    FILE_NAME,
    LEGACY_COLUMNS,
    DecisionError,
    decisions_csv,
    parse_decisions,
    read_decisions,
)
from components.extract.desk import (
    accept_decision,
    article_desk,
    correct_decision,
    range_around,
    reanchored,
    sentence_of,
    value_spans,
)
from components.extract.desk_votes import accept_vote_decision, vote_sentences
from components.extract.text import read_seed
from components.store import load_figures
from components.views import plotly_charts as charts

NAME = DESK_MISSED_SEED.name
TEXT = DESK_MISSED_SEED.read_text(encoding="utf-8")
REVIEWER = "Test Journalist"


def desk(seeds: Path):
    return article_desk(read_seed(seeds / NAME), read_decisions())


def item(d, text: str):
    (found,) = [i for i in d.items if i.text == text]
    return found


def accept_range(seeds: Path, end: str, indicator: str, year: str = "") -> dict:
    """The journalist accepts a range for Turkmenistan ("that neighbour"), picked at one of its ends."""
    d = desk(seeds)
    number = item(d, end)
    assert number.fate == "left out"  # the premise: extraction leaves it out
    whole = range_around(d.text, number.start, number.end)
    assert whole is not None
    return accept_decision(d, number, indicator=indicator, country_iso3="TKM", year=year, qualifier="",
                           quote=sentence_of(d.text, number.start, number.end), reason="", reviewer=REVIEWER,
                           words=(whole.start, whole.end))


def accept_vote(seeds: Path, **changes: str) -> dict:
    """The journalist accepts "was absent" as Turkmenistan's vote, with what the desk offers first."""
    d = desk(seeds)
    (sentence,) = [s for s in vote_sentences(d) if s.missed]
    (words,) = sentence.words
    assert (words.text, words.position, words.countries, words.given) == ("was absent", "did not vote",
                                                                            ("TKM", "KAZ"), ())
    decision = accept_vote_decision(d, sentence, words, country_iso3=words.countries[0], vote=words.votes[0].vote,
                                    reason="the neighbour is Turkmenistan", reviewer=REVIEWER)
    assert decision["position"] == words.position  # the position is the one the words state, never picked
    return decision | changes


def figure(data: Path, indicator: str, iso3: str) -> dict | None:
    rows = [r for r in csv_rows("figures", data) if (r["indicator"], r["country_iso3"]) == (indicator, iso3)]
    assert len(rows) <= 1
    return rows[0] if rows else None


def assert_provenance(row: dict) -> None:
    assert TEXT[int(row["start"]):int(row["end"])] == row["quote"]
    assert TEXT[int(row["value_start"]):int(row["value_end"])] == row["value_text"]


# --- a range ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("end", "indicator", "year", "words", "low", "high", "unit"), [
    ("70,000", "migrant_workers", "2023", "60,000 and 70,000", "60000", "70000", "workers"),
    ("2.5", "remittances_share_of_gdp", "", "2 to 2.5", "2", "2.5", "percent of GDP"),
])
def test_an_accepted_range_is_a_range_read_by_the_grammar(missed_dirs, run_extract, end, indicator, year, words,
                                                          low, high, unit) -> None:
    seeds, data = missed_dirs
    decision = accept_range(seeds, end, indicator, year)
    assert decision["value_text"] == words  # the whole range, as extraction writes a range's words
    assert TEXT[decision["value_start"]:decision["value_end"]] == words
    save_decision(decision)
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    row = figure(data, indicator, "TKM")
    assert row is not None
    assert_provenance(row)
    assert (row["value"], row["value_low"], row["value_high"], row["value_text"], row["unit"], row["year"],
            row["review"]) == ("", low, high, words, unit, year, "accepted")
    assert len(load_figures(data, seeds)) == 3  # the loader's checks pass on the accepted row


def test_one_end_of_a_range_can_still_be_accepted_alone(missed_dirs, run_extract) -> None:
    seeds, data = missed_dirs
    d = desk(seeds)
    number = item(d, "60,000")
    save_decision(accept_decision(d, number, indicator="migrant_workers", country_iso3="TKM", year="", qualifier="",
                                  quote=sentence_of(d.text, number.start, number.end), reason="", reviewer=REVIEWER))
    assert run_extract(seeds, data)[0] == 0
    row = figure(data, "migrant_workers", "TKM")
    assert (row["value"], row["value_low"], row["value_text"]) == ("60000", "", "60,000")


# --- a vote position ----------------------------------------------------------------------------------------------

def test_an_accepted_vote_position_becomes_a_vote_figure_with_its_provenance(missed_dirs, run_extract) -> None:
    seeds, data = missed_dirs
    decision = accept_vote(seeds)
    assert (decision["indicator"], decision["country_iso3"], decision["position"], decision["vote"],
            decision["value_text"]) == ("un_ga_vote", "TKM", "did not vote", "A/RES/ES-11/4", "was absent")
    assert TEXT[decision["value_start"]:decision["value_end"]] == "was absent"
    assert decision["quote"].startswith("Turkmenistan, Kazakhstan's southern neighbour, was absent")
    save_decision(decision)
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    row = figure(data, "un_ga_vote", "TKM")
    assert row is not None
    assert_provenance(row)
    # The vote's date is the article's own words (the sentence before names it), never typed.
    assert (row["position"], row["vote"], row["value"], row["as_of"], row["year"], row["review"]) == (
        "did not vote", "A/RES/ES-11/4", "", "October 12", "", "accepted")
    kgz = figure(data, "un_ga_vote", "KGZ")
    assert kgz is not None and kgz["review"] == ""  # the extracted vote is untouched


def test_the_vote_offered_first_is_the_one_extraction_reads_and_the_others_are_the_articles() -> None:
    d = article_desk(read_seed(DESK_MISSED_SEED), [])
    read, missed = vote_sentences(d)
    assert read.words[0].given == ("KGZ",) and not read.missed
    assert [v.vote for v in missed.words[0].votes] == ["A/RES/ES-11/4", "A/RES/ES-11/1"]
    extracted = next(f for f in d.extracted if f["indicator"] == "un_ga_vote")
    assert read.words[0].votes[0].vote == extracted["vote"]


def test_the_dashboard_shows_the_accepted_vote_and_the_range(missed_dirs, run_extract) -> None:
    seeds, data = missed_dirs
    save_decision(accept_vote(seeds))
    save_decision(accept_range(seeds, "70,000", "migrant_workers", "2023"))
    assert run_extract(seeds, data)[0] == 0
    figures = load_figures(data, seeds)
    votes = charts.vote_chart(figures, [], None)
    placed = {(t.name, iso3) for t in votes.data for iso3 in t.y}
    assert ("did not vote", "TKM") in placed and ("abstained", "KGZ") in placed
    assert (charts.NOT_REPORTED, "TKM") not in placed  # must NOT: the accepted vote drawn as missing
    bars = charts.indicator_chart(figures, "migrant_workers", [], None)
    (spans,) = [t for t in bars.data if t.name == "range"]
    assert list(spans.y) == ["TKM"] and list(spans.base) == [60000.0] and list(spans.x) == [10000.0]
    assert "TKM" not in [y for t in bars.data if t.name == "reported" for y in t.y]  # never a single value


# --- bad rows ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "column", "says"), [
    ({"position": ""}, "position", "needs the position its words state"),
    ({"vote": ""}, "vote", "needs the vote it is in"),
    ({"year": "2022"}, "year", "has no year of its own"),
    ({"qualifier": "about"}, "qualifier", "has no qualifier of its own"),
    ({"position": "absent"}, "position", "is not one of in favour, against, abstained, did not vote"),
])
def test_a_malformed_vote_decision_is_refused_naming_row_and_column(missed_dirs, changes, column, says) -> None:
    seeds, _ = missed_dirs
    text = decisions_csv([accept_vote(seeds) | changes])
    with pytest.raises(DecisionError, match=f"data/{FILE_NAME} row 2 column {column}") as err:
        parse_decisions(text)
    assert says in str(err.value) and ("Fix or remove the row" in str(err.value) or "Empty the cell" in str(err.value))


@pytest.mark.parametrize("column", ["position", "vote"])
def test_only_an_accepted_vote_has_a_position_or_a_vote(missed_dirs, column) -> None:
    seeds, _ = missed_dirs
    value = {"position": "abstained", "vote": "A/RES/ES-11/4"}[column]
    rows = [accept_range(seeds, "70,000", "migrant_workers") | {column: value}]
    d = desk(seeds)
    kgz = next(f for f in d.extracted if f["indicator"] == "un_ga_vote")
    rows.append(correct_decision(d, kgz, field_name="position", new_value="against", reason="", reviewer=REVIEWER)
                | {column: value})
    for row in rows:
        with pytest.raises(DecisionError, match=f"row 2 column {column}: only an accepted vote has a {column}"):
            parse_decisions(decisions_csv([row]))


@pytest.mark.parametrize(("kind", "words", "says"), [
    ("vote", "Turkmenistan", "are not the words of a vote position"),
    ("range", "60,000 and", "is not one number, nor a range its quote writes"),
])
def test_words_the_grammar_does_not_read_stop_extraction_with_the_fix(missed_dirs, run_extract, kind, words,
                                                                       says) -> None:
    seeds, data = missed_dirs
    decision = accept_vote(seeds) if kind == "vote" else accept_range(seeds, "70,000", "migrant_workers")
    at = TEXT.index(words, decision["start"])
    save_decision(decision | {"value_text": words, "value_start": at, "value_end": at + len(words)})
    before = (data / "figures.csv").read_bytes()
    code, _, err = run_extract(seeds, data)
    assert code == 1
    assert f"data/{FILE_NAME} row 2 column value_text" in err and says in err and "Traceback" not in err
    assert (data / "figures.csv").read_bytes() == before


# --- stale ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "old", "new", "why"), [
    ("vote", "was absent from", "was seated in", "the article's words at"),
    ("range", "and 70,000", "and 75,000", "the article's words at"),
    ("vote", "vote of October 12", "vote of later days", "the article no longer names the vote 'A/RES/ES-11/4'"),
])
def test_changed_words_make_the_decision_stale_never_applied(missed_dirs, run_extract, kind, old, new,
                                                             why) -> None:
    seeds, data = missed_dirs
    decision = accept_vote(seeds) if kind == "vote" else accept_range(seeds, "70,000", "migrant_workers")
    save_decision(decision)
    assert TEXT.count(old) == 1
    (seeds / NAME).write_text(TEXT.replace(old, new), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    code, _, err = run_extract(seeds, data)
    assert code == 1
    assert f"data/{FILE_NAME} row 2: accept of {decision['value_text']!r}" in err and why in err
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before  # nothing applied, nothing dropped
    assert [s.decision["value_text"] for s in desk(seeds).stale] == [decision["value_text"]]


# --- older files --------------------------------------------------------------------------------------------------

def test_a_file_written_before_the_vote_columns_still_reads_and_the_next_save_upgrades_it(missed_dirs,
                                                                                          run_extract) -> None:
    seeds, data = missed_dirs
    old = accept_range(seeds, "70,000", "migrant_workers", "2023")
    legacy = decisions_csv([old]).splitlines()
    header = legacy[0].split(",")
    assert tuple(header) != LEGACY_COLUMNS
    # The same row as a file written before `position` and `vote` existed: without those two columns.
    keep = [i for i, name in enumerate(header) if name in LEGACY_COLUMNS]
    rows = list(csv.reader(io.StringIO("\n".join(legacy))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[r[i] for i in keep] for r in rows])
    (data / FILE_NAME).write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue().splitlines()[0] == ",".join(LEGACY_COLUMNS)
    (read,) = read_decisions(data / FILE_NAME)
    assert read == old
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    assert figure(data, "migrant_workers", "TKM")["review"] == "accepted"
    save_decision(accept_vote(seeds))
    assert (data / FILE_NAME).read_text(encoding="utf-8").splitlines()[0] == legacy[0]
    assert [d["value_text"] for d in read_decisions(data / FILE_NAME)] == ["60,000 and 70,000", "was absent"]


# --- a vote position is the one its words state, for a state they can belong to ------------------------------------

def abstained_of_kyrgyzstan(seeds: Path, **changes: str) -> dict:
    """The position words extraction reads as Kyrgyzstan's ("Kyrgyzstan abstained"), accepted with `changes`."""
    d = desk(seeds)
    (sentence,) = [s for s in vote_sentences(d) if not s.missed]
    (words,) = sentence.words
    assert (words.text, words.position, words.countries) == ("abstained", "abstained", ("KGZ",))
    return accept_vote_decision(d, sentence, words, country_iso3="KGZ", vote=words.votes[0].vote, reason="",
                                reviewer=REVIEWER) | changes


@pytest.mark.parametrize(("words", "changes", "column", "says"), [
    ("was absent", {"position": "in favour"}, "position",
     "'in favour' is not the position the words 'was absent' state ('did not vote'"),
    ("abstained", {"country_iso3": "UZB", "position": "against"}, "position",
     "'against' is not the position the words 'abstained' state ('abstained'"),
    ("abstained", {"country_iso3": "UZB"}, "country_iso3", "'UZB' is not a state the words' sentence (or its "
                                                           "paragraph) names (KGZ)"),
    ("was absent", {"country_iso3": "UZB"}, "country_iso3", "'UZB' is not a state the words' sentence (or its "
                                                            "paragraph) names (TKM, KAZ)"),
])
def test_an_accepted_vote_must_say_what_its_words_say(missed_dirs, run_extract, words, changes, column,
                                                      says) -> None:
    seeds, data = missed_dirs
    decision = accept_vote(seeds, **changes) if words == "was absent" else abstained_of_kyrgyzstan(seeds, **changes)
    save_decision(decision)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    code, _, err = run_extract(seeds, data)
    assert code == 1
    assert f"data/{FILE_NAME} row 2 column {column}: {says}" in err and "Traceback" not in err
    assert ("Write 'did not vote'" in err or "Write 'abstained'" in err) if column == "position" \
        else "Write one of them" in err  # what to do
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before  # never applied


def test_words_read_otherwise_are_an_accepted_vote_with_its_position_corrected(missed_dirs, run_extract) -> None:
    seeds, data = missed_dirs
    save_decision(accept_vote(seeds))
    d = desk(seeds)
    (accepted,) = [t for i in d.items for t in i.targets if t["review"] == "accepted"]
    assert (accepted["country_iso3"], accepted["position"]) == ("TKM", "did not vote")
    save_decision(correct_decision(d, accepted, field_name="position", new_value="abstained",
                                   reason="the delegation said it abstained", reviewer=REVIEWER))
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    row = figure(data, "un_ga_vote", "TKM")
    assert_provenance(row)
    assert (row["position"], row["value_text"], row["review"]) == ("abstained", "was absent", "corrected")


# --- a stale accepted vote: "Keep it" only when moving it makes it apply again --------------------------------------

@pytest.mark.parametrize(("moved", "unnamed", "kept"), [
    (False, True, False),  # the sentence is where it was: rewriting it there changes nothing
    (True, True, False),  # moved, but the article still no longer names its vote: still stale at the new place
    (True, False, True),  # moved only: kept at its new place, and applied
])
def test_a_stale_vote_is_kept_only_when_moving_it_makes_it_apply(missed_dirs, run_extract, moved, unnamed,
                                                                  kept) -> None:
    seeds, data = missed_dirs
    decision = accept_vote(seeds)
    save_decision(decision)
    text = TEXT.replace("vote of October 12", "vote of later days") if unnamed else TEXT
    if moved:
        text = text.replace("\n\n", "\n\nAn invented new opening paragraph.\n\n", 1)
    (seeds / NAME).write_text(text, encoding="utf-8")
    d = desk(seeds)
    assert [s.decision for s in d.stale] == [decision]
    again = reanchored(d, decision, REVIEWER)
    assert (again is not None) == kept
    if kept:
        replace_decision(decision, again)
        assert run_extract(seeds, data)[0] == 0
        assert figure(data, "un_ga_vote", "TKM")["review"] == "accepted"


def test_a_correction_the_extractor_no_longer_gives_is_not_kept_in_place(missed_dirs) -> None:
    seeds, _ = missed_dirs
    d = desk(seeds)
    kgz = next(f for f in d.extracted if f["indicator"] == "un_ga_vote")
    decision = correct_decision(d, kgz, field_name="position", new_value="against", reason="", reviewer=REVIEWER)
    save_decision(decision | {"country_iso3": "UZB"})  # a figure extraction does not give, at unchanged words
    d = desk(seeds)
    (stale,) = d.stale
    assert stale.why == "the extractor no longer gives the figure it was made on"
    assert reanchored(d, stale.decision, REVIEWER) is None


# --- the words a number is accepted as ----------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "number", "offered"), [
    ("Invented: workers numbered 2 to 2.5 million.", "2", ["2 to 2.5 million"]),  # alone, "2" would be 2
    ("Invented: workers numbered 2 to 2.5 million.", "2.5 million", ["2 to 2.5 million", "2.5 million"]),
    ("Invented: workers numbered between 60,000 and 70,000.", "60,000", ["60,000 and 70,000", "60,000"]),
    ("Invented: remittances were 28–30 percent.", "28", ["28–30", "28"]),
])
def test_one_end_of_a_range_is_offered_alone_only_when_it_reads_alone_as_in_the_range(sentence, number,
                                                                                       offered) -> None:
    at = sentence.index(number + (" " if number == "2" else ""))
    assert [sentence[s:e] for s, e in value_spans(sentence, at, at + len(number))] == offered


def test_a_row_with_the_wrong_number_of_cells_says_what_to_do(missed_dirs) -> None:
    seeds, _ = missed_dirs
    text = decisions_csv([accept_vote(seeds)])
    with pytest.raises(DecisionError, match=r"row 2: has \d+ cells, expected \d+\. Fix or remove the row\."):
        parse_decisions(text.rstrip("\n") + ",extra\n")
