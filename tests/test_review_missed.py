"""The desk's forms for what the extractor misses, run headless with AppTest: a range accepted whole from one of its
ends, and a vote position accepted from its sentence, each saved, then published by re-running extraction.

The article is the invented one in tests/fixtures/desk/missed/ (test material), in a tmp copy of seeds/ and data/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DESK_MISSED_SEED, csv_rows
from streamlit.testing.v1 import AppTest

from components.extract.decisions import FILE_NAME, parse_decisions
from components.page.access import ENV
from components.page.pages import DESK_SCRIPT
from components.page.review_forms import slug

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
TEXT = DESK_MISSED_SEED.read_text(encoding="utf-8")
SOURCE = slug(DESK_MISSED_SEED.name)
VOTE = f"vote-{SOURCE}"
NAME = "Test Journalist"


def start_of(words: str) -> int:
    assert TEXT.count(words) == 1, words
    return TEXT.index(words)


HIGH_END = start_of("70,000")
RANGE = (start_of("60,000 and 70,000"), start_of("60,000 and 70,000") + len("60,000 and 70,000"))
MISSED_SENTENCE = start_of("Turkmenistan, Kazakhstan's southern neighbour, was absent")
ABSENT = start_of("was absent")


@pytest.fixture
def desk_on(missed_dirs, monkeypatch) -> tuple[Path, Path]:
    monkeypatch.setenv(ENV, "1")
    return missed_dirs


def open_desk(name: str = NAME) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(DESK_SCRIPT).run()
    assert not at.exception
    if name:
        at.text_input(key="desk_reviewer").input(name).run()
    return at


def messages(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("success", "error", "warning", "info") for e in getattr(at, kind))


def decisions(data: Path) -> list[dict]:
    return parse_decisions((data / FILE_NAME).read_text(encoding="utf-8"))


def figure(data: Path, indicator: str, iso3: str) -> dict | None:
    return next((r for r in csv_rows("figures", data) if (r["indicator"], r["country_iso3"]) == (indicator, iso3)),
                None)


def test_one_end_of_a_range_is_accepted_as_the_whole_range(desk_on) -> None:
    _, data = desk_on
    at = open_desk()
    at.segmented_control(key="desk_filter").set_value("Left out").run()
    at.selectbox(key=f"desk-item-{SOURCE}-Left-out").set_value(HIGH_END).run()
    key = f"accept-{SOURCE}-{HIGH_END}"
    words = at.radio(key=f"{key}-words")
    assert words.value == RANGE  # the range is offered first: the grammar reads the number as its high end
    assert [o for o in words.options] == ["the range “60,000 and 70,000”", "“70,000” alone"]
    at.selectbox(key=f"{key}-indicator").set_value("migrant_workers").run()
    at.selectbox(key=f"{key}-year").set_value("2023").run()
    preview = "\n".join(c.value for c in at.caption)
    assert "**60,000 and 70,000** (range 60,000–70,000 workers, 2023)" in preview
    at.button(key=f"{key}-save").click().run()
    assert not at.exception
    assert "Accepted “60,000 and 70,000” as Turkmenistan's figure." in messages(at)
    (saved,) = decisions(data)
    assert (saved["value_text"], saved["value_start"], saved["value_end"]) == ("60,000 and 70,000", *RANGE)
    at.button(key="desk-rerun").click().run()
    row = figure(data, "migrant_workers", "TKM")
    assert (row["value"], row["value_low"], row["value_high"], row["review"]) == ("", "60000", "70000", "accepted")
    table = at.dataframe[0].value  # the figures, as extraction and the decisions give them
    assert list(table.loc[table["country"] == "Turkmenistan", "value"]) == ["60,000–70,000"]  # a range, not one


def test_a_missed_vote_position_is_accepted_from_its_sentence(desk_on) -> None:
    _, data = desk_on
    at = open_desk()
    (form,) = [e for e in at.expander if e.label.startswith("Add a vote position extraction missed")]
    assert form.label.endswith("(1 sentence with one)")
    assert at.selectbox(key=f"{VOTE}-sentence").value == MISSED_SENTENCE  # the sentence with words not read yet
    assert at.selectbox(key=f"{VOTE}-{MISSED_SENTENCE}-words").value == ABSENT
    assert at.selectbox(key=f"{VOTE}-{ABSENT}-country").value == "TKM"  # the first state its sentence names
    assert at.selectbox(key=f"{VOTE}-{ABSENT}-country").options[:2] == ["Turkmenistan", "Kazakhstan"]
    assert at.selectbox(key=f"{VOTE}-{ABSENT}-position").value == "did not vote"  # read from "was absent"
    vote = at.selectbox(key=f"{VOTE}-{ABSENT}-vote")
    assert vote.value == "A/RES/ES-11/4"  # the vote the sentence before dates, as extraction reads it
    assert vote.options == ["A/RES/ES-11/4, 12 Oct 2022 (“October 12”)", "A/RES/ES-11/1, 2 Mar 2022 (“March 2”)"]
    preview = "\n".join(c.value for c in at.caption)
    assert "**Turkmenistan**, **did not vote** (the words “was absent”) in **A/RES/ES-11/4**" in preview
    at.button(key=f"{VOTE}-save").click().run()
    assert not at.exception
    assert "Accepted “was absent” as Turkmenistan's vote (did not vote)." in messages(at)
    (saved,) = decisions(data)
    assert (saved["indicator"], saved["country_iso3"], saved["position"], saved["vote"], saved["value_text"],
            saved["reviewer"]) == ("un_ga_vote", "TKM", "did not vote", "A/RES/ES-11/4", "was absent", NAME)
    assert TEXT[saved["value_start"]:saved["value_end"]] == "was absent"
    assert TEXT[saved["start"]:saved["end"]] == saved["quote"]
    # The panel now shows the accepted words, with the decision and its withdraw button.
    assert any(s.value.endswith("“was absent” · figure, accepted by the newsroom") for s in at.subheader)
    assert any("Accepted as Turkmenistan's vote: did not vote (A/RES/ES-11/4)" in m.value for m in at.markdown)
    assert figure(data, "un_ga_vote", "TKM") is None  # saved, not yet published
    at.button(key="desk-rerun").click().run()
    assert "Extraction ran: data/ now holds 3 figures, 1 of them checked by the newsroom." in messages(at)
    row = figure(data, "un_ga_vote", "TKM")
    assert (row["position"], row["vote"], row["review"]) == ("did not vote", "A/RES/ES-11/4", "accepted")


def test_no_vote_is_saved_without_a_name(desk_on) -> None:
    _, data = desk_on
    at = open_desk(name="")
    assert at.button(key=f"{VOTE}-save").disabled
    assert decisions(data) == []


def test_an_article_whose_positions_are_all_read_says_so_beside_the_words(desk_dirs, monkeypatch) -> None:
    monkeypatch.setenv(ENV, "1")
    at = open_desk()
    (form,) = [e for e in at.expander if e.label.startswith("Add a vote position")]
    assert form.label == "Add a vote position extraction missed"  # no count: nothing missed
    assert any(c.value.startswith("These words are already the vote of Kyrgyzstan.") for c in at.caption)
