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
from components.extract.desk import quote_options
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
    assert "Position: **did not vote**" in [m.value for m in at.markdown]  # read from "was absent", not picked
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


def test_the_vote_form_offers_only_the_states_its_sentence_names_and_shows_the_position(desk_on) -> None:
    at = open_desk()
    assert at.selectbox(key=f"{VOTE}-{ABSENT}-country").options == ["Turkmenistan", "Kazakhstan"]
    assert not [s for s in at.selectbox if s.key == f"{VOTE}-{ABSENT}-position"]  # must NOT: a position to pick
    # The sentence extraction read ("Kyrgyzstan abstained"): the one state it names has it already.
    read = start_of("At the General Assembly vote of October 12")
    at.selectbox(key=f"{VOTE}-sentence").set_value(read).run()
    assert any("there is no other state to add" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == f"{VOTE}-save"]  # must NOT: Uzbekistan offered for it


def test_an_accepted_vote_read_otherwise_is_corrected_with_a_reason(desk_on) -> None:
    _, data = desk_on
    at = open_desk()
    at.button(key=f"{VOTE}-save").click().run()
    key = f"fig-{SOURCE}-{ABSENT}-un_ga_vote-TKM"
    assert at.selectbox(key=f"{key}-field").options == ["position"]
    assert not [b for b in at.button if b.key == f"{key}-reject"]  # must NOT: reject an acceptance (withdraw it)
    at.selectbox(key=f"{key}-position").set_value("abstained").run()
    at.button(key=f"{key}-correct").click().run()
    assert "this correction needs a reason. Nothing was saved." in messages(at)
    assert len(decisions(data)) == 1
    at.text_input(key=f"{key}-why").input("the delegation said it abstained").run()
    at.button(key=f"{key}-correct").click().run()
    assert not at.exception
    at.button(key="desk-rerun").click().run()
    row = figure(data, "un_ga_vote", "TKM")
    assert (row["position"], row["value_text"], row["review"]) == ("abstained", "was absent", "corrected")


def test_a_stale_vote_whose_sentence_did_not_move_is_not_offered_keep_it(desk_on) -> None:
    seeds, _ = desk_on
    at = open_desk()
    at.button(key=f"{VOTE}-save").click().run()
    (seeds / DESK_MISSED_SEED.name).write_text(TEXT.replace("vote of October 12", "vote of later days"),
                                               encoding="utf-8")
    at = open_desk()
    assert "1 decision(s) to take again" in [s.value for s in at.subheader]
    labels = [b.label for b in at.button]
    assert "Keep it: the sentence moved" not in labels  # must NOT: a button that rewrites it stale in place
    assert "Drop this decision" in labels


def set_seed(seeds: Path, old: str, new: str) -> str:
    assert TEXT.count(old) == 1
    text = TEXT.replace(old, new)
    (seeds / DESK_MISSED_SEED.name).write_text(text, encoding="utf-8")
    return text


def test_a_range_offered_alone_is_saved_as_the_preview_reads_it(desk_on, run_extract) -> None:
    seeds, data = desk_on
    text = set_seed(seeds, "between 60,000 and 70,000", "2 to 2.5 million")
    low = text.index("2 to 2.5 million")
    at = open_desk()
    at.segmented_control(key="desk_filter").set_value("Left out").run()
    at.selectbox(key=f"desk-item-{SOURCE}-Left-out").set_value(low).run()
    key = f"accept-{SOURCE}-{low}"
    assert not [r for r in at.radio if r.key == f"{key}-words"]  # must NOT: "“2” alone" (it reads 2, not 2 million)
    at.selectbox(key=f"{key}-indicator").set_value("migrant_workers").run()
    preview = "\n".join(c.value for c in at.caption)
    assert "**2 to 2.5 million** (range 2,000,000–2,500,000 workers" in preview
    at.button(key=f"{key}-save").click().run()
    (saved,) = decisions(data)
    assert saved["value_text"] == "2 to 2.5 million"  # what the preview showed, not the bare "2"
    code, _, err = run_extract(seeds, data)
    assert code == 0, err
    row = figure(data, "migrant_workers", "TKM")
    assert (row["value"], row["value_low"], row["value_high"]) == ("", "2000000", "2500000")


def test_a_quote_over_which_the_number_reads_otherwise_is_said_not_a_traceback(desk_on, monkeypatch) -> None:
    from components.extract import decisions as decision_rules
    from components.page import review_forms

    read = decision_rules.value_of

    def sentence_only(text: str, quote: tuple[int, int], words: tuple[int, int]):
        if quote[0] < text.index("Its authors"):  # as if the longer quote joined the range to other words
            raise ValueError("not one number or a range as written")
        return read(text, quote, words)

    monkeypatch.setattr(review_forms, "value_of", sentence_only)
    at = open_desk()
    at.segmented_control(key="desk_filter").set_value("Left out").run()
    at.selectbox(key=f"desk-item-{SOURCE}-Left-out").set_value(HIGH_END).run()
    key = f"accept-{SOURCE}-{HIGH_END}"
    at.selectbox(key=f"{key}-indicator").set_value("migrant_workers").run()
    assert at.button(key=f"{key}-save").disabled is False  # the number's own sentence reads it
    paragraph = quote_options(TEXT, HIGH_END, HIGH_END + len("70,000"))[-1]
    at.selectbox(key=f"{key}-quote").set_value(paragraph).run()
    assert not at.exception  # must NOT: a traceback on the page
    (error,) = at.error
    assert "does not read “60,000 and 70,000” as one number or one range" in error.value
    assert "Pick the number's own sentence as the quote" in error.value  # what to do
    assert at.button(key=f"{key}-save").disabled
