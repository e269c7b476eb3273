"""The journalist's desk run headless with AppTest: each decision kind, publishing it, stale decisions, two tabs,
and the reader's deployment, where no page, link or widget of the desk exists.

The article is the invented one in tests/fixtures/desk/ (test material), in a tmp copy of seeds/ and data/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DESK_SEED, csv_rows
from streamlit.testing.v1 import AppTest

from components.extract.decisions import FILE_NAME, parse_decisions
from components.extract.desk import quote_options
from components.page.access import ENV
from components.page.pages import DESK_SCRIPT
from components.page.review_forms import slug
from components.schema import INPUTS
from components.views.review_mark import MARK

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
TEXT = DESK_SEED.read_text(encoding="utf-8")
SOURCE = slug(DESK_SEED.name)
NAME = "Test Journalist"


def start_of(words: str) -> int:
    assert TEXT.count(words) == 1, words
    return TEXT.index(words)


MISSED = start_of("75,000")
TJK_WORKERS = start_of("380,000")
KGZ_WORKERS = start_of("410,000")
KAZ_VOTE = start_of("did not vote")


@pytest.fixture
def desk_on(desk_dirs, monkeypatch) -> tuple[Path, Path]:
    monkeypatch.setenv(ENV, "1")
    return desk_dirs


def open_desk(name: str = NAME) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(DESK_SCRIPT).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["The journalist's desk"]
    if name:
        at.text_input(key="desk_reviewer").input(name).run()
    return at


def pick(at: AppTest, start: int, shown: str = "All") -> AppTest:
    at.segmented_control(key="desk_filter").set_value(shown).run()
    at.selectbox(key=f"desk-item-{SOURCE}-{slug(shown)}").set_value(start).run()
    assert not at.exception
    return at


def decisions(data: Path) -> list[dict]:
    return parse_decisions((data / FILE_NAME).read_text(encoding="utf-8"))


def messages(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("success", "error", "warning", "info") for e in getattr(at, kind))


def figure(data: Path, indicator: str, iso3: str) -> dict | None:
    return next((r for r in csv_rows("figures", data) if (r["indicator"], r["country_iso3"]) == (indicator, iso3)),
                None)


def accept_missed(at: AppTest) -> AppTest:
    pick(at, MISSED, "Left out")
    key = f"accept-{SOURCE}-{MISSED}"
    assert at.selectbox(key=f"{key}-country").value == "TKM"  # the state its paragraph names is offered first
    assert at.selectbox(key=f"{key}-qualifier").value == "about"  # the hedge before the number, found
    assert at.selectbox(key=f"{key}-indicator").value is None  # never guessed: the journalist says which
    assert at.button(key=f"{key}-save").disabled
    at.selectbox(key=f"{key}-indicator").set_value("migrant_workers").run()
    at.selectbox(key=f"{key}-quote").set_value(quote_options(TEXT, MISSED, MISSED + 6)[1]).run()
    at.selectbox(key=f"{key}-year").set_value("2023").run()
    at.button(key=f"{key}-save").click().run()
    assert not at.exception
    return at


# --- each decision kind ---------------------------------------------------------------------------------------------

def test_accepting_a_missed_number_saves_it_and_publishing_puts_it_on_the_dashboard(desk_on) -> None:
    _, data = desk_on
    at = accept_missed(open_desk())
    assert "Accepted “75,000” as Turkmenistan's figure." in messages(at)
    (saved,) = decisions(data)
    assert (saved["decision"], saved["field"], saved["indicator"], saved["country_iso3"], saved["year"],
            saved["qualifier"], saved["reviewer"]) == ("accept", "figure", "migrant_workers", "TKM", "2023", "about",
                                                       NAME)
    assert TEXT[saved["start"]:saved["end"]] == saved["quote"] and saved["quote"].startswith("Turkmenistan,")
    assert "Not on the dashboard yet." in "\n".join(m.value for m in at.markdown)
    assert figure(data, "migrant_workers", "TKM") is None  # saved, not yet published

    at.button(key="desk-rerun").click().run()
    assert "Extraction ran: data/ now holds 7 figures, 1 of them checked by the newsroom." in messages(at)
    row = figure(data, "migrant_workers", "TKM")
    assert row is not None and row["review"] == "accepted"

    reader = AppTest.from_file(APP, default_timeout=60)
    reader.query_params["focus"] = "TKM"
    reader.run()
    profile = next(h.proto.body for h in reader.get("html") if "class='profile'" in h.proto.body)
    assert "75,000" in profile and MARK in profile
    reader.toggle(key="show_tables").set_value(True).run()
    table = reader.dataframe[0].value
    assert list(table.loc[table["country_iso3"] == "TKM", "checked"]) == [MARK]
    assert set(table.loc[table["country_iso3"] != "TKM", "checked"]) == {""}  # as extracted: no mark


def test_rejecting_a_figure_needs_a_reason(desk_on) -> None:
    _, data = desk_on
    at = pick(open_desk(), TJK_WORKERS, "Figures")
    key = f"fig-{SOURCE}-{TJK_WORKERS}-migrant_workers-TJK"
    at.button(key=f"{key}-reject").click().run()  # no reason yet
    assert "a rejection needs a reason. Nothing was saved." in messages(at)
    assert decisions(data) == []
    at.text_input(key=f"{key}-reject-why").input("the census counted residents").run()
    at.button(key=f"{key}-reject").click().run()
    assert "Rejected Tajikistan's figure “380,000”." in messages(at)
    (saved,) = decisions(data)
    assert (saved["decision"], saved["country_iso3"], saved["reason"]) == ("reject", "TJK",
                                                                           "the census counted residents")
    at.button(key="desk-rerun").click().run()
    assert figure(data, "migrant_workers", "TJK") is None


@pytest.mark.parametrize(("start", "indicator", "iso3", "field", "new", "column", "expect"), [
    (KGZ_WORKERS, "migrant_workers", "KGZ", "country_iso3", "KAZ", "country", "Kazakhstan"),
    (KGZ_WORKERS, "migrant_workers", "KGZ", "qualifier", "more than", "qualifier", "more than"),
    (KAZ_VOTE, "un_ga_vote", "KAZ", "position", "against", "position", "against"),
])
def test_correcting_a_field(desk_on, start, indicator, iso3, field, new, column, expect) -> None:
    _, data = desk_on
    at = pick(open_desk(), start, "Figures")
    key = f"fig-{SOURCE}-{start}-{indicator}-{iso3}"
    at.selectbox(key=f"{key}-field").set_value(field).run()
    at.selectbox(key=f"{key}-{field}").set_value(new).run()
    at.button(key=f"{key}-correct").click().run()
    assert "Corrected the" in messages(at)
    (saved,) = decisions(data)
    assert (saved["decision"], saved["field"], saved["new_value"]) == ("correct", field, new)
    at.button(key="desk-rerun").click().run()
    rows = [r for r in csv_rows("figures", data) if r["indicator"] == indicator and r["review"] == "corrected"]
    assert [r[column] for r in rows] == [expect]


def test_withdrawing_a_decision(desk_on) -> None:
    _, data = desk_on
    at = accept_missed(open_desk())
    assert decisions(data)
    (withdraw,) = [b for b in at.button if b.label == "Withdraw this decision"]
    withdraw.click().run()
    assert "Decision withdrawn." in messages(at)
    assert decisions(data) == []


def test_nothing_is_saved_without_a_name(desk_on) -> None:
    _, data = desk_on
    at = pick(open_desk(name=""), MISSED, "Left out")
    assert at.button(key=f"accept-{SOURCE}-{MISSED}-save").disabled
    assert decisions(data) == []


# --- stale decisions ------------------------------------------------------------------------------------------------

def test_a_stale_decision_is_listed_for_a_new_decision_and_extraction_stops(desk_on) -> None:
    seeds, data = desk_on
    accept_missed(open_desk())
    (seeds / DESK_SEED.name).write_text(TEXT.replace("about 75,000", "about 76,000"), encoding="utf-8")
    at = open_desk()
    text = "\n".join(m.value for m in at.markdown)
    assert "1 decision(s) to take again" in [s.value for s in at.subheader]
    assert "accept “75,000”** (migrant_workers, TKM) by Test Journalist" in text
    assert "the article's words at" in text and "changed" in text
    at.button(key="desk-rerun").click().run()
    assert "Extraction stopped" in messages(at) and "data/ was not written" in messages(at)
    (drop,) = [b for b in at.button if b.label == "Drop this decision"]
    drop.click().run()
    assert decisions(data) == []
    assert "1 decision(s) to take again" not in [s.value for s in at.subheader]


def test_a_moved_sentence_can_be_kept_in_one_click(desk_on) -> None:
    seeds, data = desk_on
    accept_missed(open_desk())
    first_break = TEXT.index("\n\n")
    (seeds / DESK_SEED.name).write_text(TEXT[:first_break] + "\n\nAn invented new opening." + TEXT[first_break:],
                                        encoding="utf-8")
    at = open_desk()
    (keep,) = [b for b in at.button if b.label == "Keep it: the sentence moved"]
    keep.click().run()
    (moved,) = decisions(data)
    assert moved["value_start"] == MISSED + len("\n\nAn invented new opening.")
    at.button(key="desk-rerun").click().run()
    assert figure(data, "migrant_workers", "TKM")["review"] == "accepted"


# --- two tabs -------------------------------------------------------------------------------------------------------

def test_two_tabs_the_second_sees_the_first_or_is_refused(desk_on) -> None:
    _, data = desk_on
    key = f"fig-{SOURCE}-{TJK_WORKERS}-migrant_workers-TJK"
    first, second = pick(open_desk("First Tab"), TJK_WORKERS, "Figures"), pick(open_desk("Second Tab"),
                                                                                  TJK_WORKERS, "Figures")
    first.text_input(key=f"{key}-reject-why").input("first reason").run()
    first.button(key=f"{key}-reject").click().run()
    # The second tab rejects the same figure, its form still open from before the first tab's save: refused, and
    # the first tab's decision is kept whole.
    second.text_input(key=f"{key}-reject-why").input("second reason")
    second.button(key=f"{key}-reject").click().run()
    assert "A decision on this number is already saved (reject by First Tab" in messages(second)
    assert [d["reason"] for d in decisions(data)] == ["first reason"]
    # A decision on another number from the same stale tab is merged with the first tab's.
    accept_missed(second)
    assert sorted(d["reviewer"] for d in decisions(data)) == ["First Tab", "Second Tab"]


# --- the reader's deployment ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("env", "secret"), [(None, None), ("0", None), ("", None), ("no", None), (None, False),
                                             ("0", True), (None, "true")])
def test_the_desk_does_not_exist_unless_turned_on(desk_dirs, monkeypatch, env, secret) -> None:
    monkeypatch.delenv(ENV, raising=False)
    if env is not None:
        monkeypatch.setenv(ENV, env)
    at = AppTest.from_file(APP, default_timeout=60)
    if secret is not None:
        at.secrets["review"] = secret
    at.query_params["page"] = "review"
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Central Asians in Russia, by the numbers"]
    with pytest.raises(ValueError, match="Known pages: \\['Figures from the article'\\]"):
        at.switch_page(DESK_SCRIPT)  # one page registered: the desk's script is no page at all
    assert not [b for b in at.button if b.label in ("Re-run extraction", "Accept as a figure")]
    assert "desk_reviewer" not in at.session_state


@pytest.mark.parametrize(("env", "secret"), [("1", None), ("true", None), (None, True)])
def test_the_operator_turns_it_on(desk_dirs, monkeypatch, env, secret) -> None:
    monkeypatch.delenv(ENV, raising=False)
    if env is not None:
        monkeypatch.setenv(ENV, env)
    at = AppTest.from_file(APP, default_timeout=60)
    if secret is not None:
        at.secrets["review"] = secret
    at.run()
    assert [t.value for t in at.title] == ["Central Asians in Russia, by the numbers"]  # readers still land on /
    at.switch_page(DESK_SCRIPT).run()
    assert [t.value for t in at.title] == ["The journalist's desk"]


# --- documentation ----------------------------------------------------------------------------------------------------

def test_the_readme_documents_the_desk_and_every_column_of_its_file() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The journalist's desk\n", 1)[1].split("\n## ", 1)[0]
    assert f"{ENV}=1" in section and f"{ENV}=0" in section and "review = true" in section
    assert f"data/{FILE_NAME}" in section and "exits 1" in section
    missing = [f.name for f in INPUTS["review_decisions"]["fields"] if f"`{f.name}`" not in section]
    assert not missing, f"README's desk section does not name the columns {missing}"
