"""The journalist's desk in a real browser: a vote position the extractor missed is accepted from its sentence and
shows in the dashboard's vote panel.

The app is a copy whose seeds/ holds only the invented article of tests/fixtures/desk/missed/ (test material).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from components.extract.decisions import parse_decisions

from .conftest import Server, Shots, Traffic, app_rerun, copy_app, new_context, plot, streamlit_server, wait_for_app
from .test_review import choose

pytestmark = pytest.mark.e2e

# Playwright sends a pattern as /source/: a slash in it (A/RES/…) is written \/ (Python's re reads it the same).
FIXTURE_SEED = Path(__file__).resolve().parents[1] / "fixtures" / "desk" / "missed" / "desk_missed_article.txt"
VOTE_PANEL = "panel-un_ga_vote"


@pytest.fixture(scope="module")
def missed_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the app with the invented article of a missed vote as its only seed, extracted, no decision."""
    app = copy_app(tmp_path_factory.mktemp("desk-vote") / "app")
    for seed in (app / "seeds").glob("*.txt"):
        seed.unlink()
    (app / "seeds" / FIXTURE_SEED.name).write_bytes(FIXTURE_SEED.read_bytes())
    subprocess.run([sys.executable, "-m", "components.extract"], cwd=app, check=True, capture_output=True)
    return app


@pytest.fixture(scope="module")
def desk_server(missed_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("desk-vote-logs") / "on.log"
    with streamlit_server(missed_app, log, env={"CENTRAL_ASIA_REVIEW": "1"}) as server:
        yield server


@pytest.fixture
def open_desk(browser: Browser, desk_server: Server, shot: Shots) -> Iterator[Callable[[str], Page]]:
    """open_desk("") opens that address; nothing may leave the app's origin, log an error or open a dialog."""
    traffic = Traffic()
    with ExitStack() as stack:

        def _open(path: str) -> Page:
            context = new_context(browser, traffic, height=1100)
            stack.callback(context.close)
            page = context.new_page()
            shot.pages.append(page)
            page.goto(desk_server.url + path)
            wait_for_app(page, None)
            return page

        yield _open
    assert traffic.requests and not traffic.outside(desk_server.origin), traffic.outside(desk_server.origin)
    assert not traffic.console_errors, f"console errors: {traffic.console_errors}"
    assert not traffic.dialogs, f"dialogs opened: {traffic.dialogs}"


def test_a_journalist_accepts_a_missed_vote_on_the_desk_and_sees_it_in_the_vote_panel(
        open_desk: Callable[[str], Page], missed_app: Path, shot: Shots) -> None:
    page = open_desk("")
    with app_rerun(page, charts=0):
        page.get_by_role("link", name="The journalist's desk").click()
    expect(page.get_by_role("heading", name="The journalist's desk")).to_be_visible()
    with app_rerun(page, charts=0):
        page.get_by_label("Your name").fill("Test Journalist")
        page.get_by_label("Your name").press("Enter")
    # On the way: a number at one end of a range is offered as the whole range first (shown, not accepted here).
    choose(page, "Number", re.compile(r"70,000 — left out"))
    whole = page.get_by_role("radio", name="the range “60,000 and 70,000”")
    expect(whole).to_be_checked()
    shot(page, "range-offered", page.get_by_test_id("stVerticalBlock").filter(has_text="Accept it as a figure").last)

    form = page.locator(".st-key-desk-vote")
    form.get_by_text("Add a vote position extraction missed (1 sentence with one)").click()
    sentence = form.get_by_role("combobox", name="Sentence", exact=True)
    expect(sentence).to_be_visible()
    expect(form.locator("blockquote strong")).to_have_text("was absent")  # the words, shown in their sentence
    preview = form.get_by_text(re.compile(r"Adds to UN General Assembly votes on Russia's war: Turkmenistan, "
                                          r"did not vote \(the words “was absent”\) in A\/RES\/ES-11\/4\."))
    expect(preview).to_be_visible()
    expect(form.get_by_text("Position: did not vote")).to_be_visible()  # read from the words, shown
    expect(form.get_by_role("combobox", name="Position", exact=True)).to_have_count(0)  # must NOT: a position to pick

    choose(page, "Vote", re.compile(r"^A\/RES\/ES-11\/1, 2 Mar 2022 \(“March 2”\)$"))
    expect(form.get_by_text(re.compile(r"in A\/RES\/ES-11\/1\.$"))).to_be_visible()
    choose(page, "Vote", re.compile(r"^A\/RES\/ES-11\/4, 12 Oct 2022 \(“October 12”\)$"))
    expect(preview).to_be_visible()
    form.scroll_into_view_if_needed()
    shot(page, "vote-form-filled", form)

    with app_rerun(page, charts=0):
        form.get_by_role("button", name="Accept this vote position").click()
    expect(page.get_by_text("Accepted “was absent” as Turkmenistan's vote (did not vote).")).to_be_visible()
    accepted = page.locator(".desk-article .s-accepted")
    expect(accepted).to_have_count(1)  # must NOT: Kyrgyzstan's extracted vote is not turned into a decision
    expect(accepted).to_have_text(re.compile("was absent"))
    expect(page.get_by_text("Accepted as Turkmenistan's vote: did not vote (A/RES/ES-11/4)")).to_be_visible()
    expect(page.get_by_text("Not on the dashboard yet.")).to_be_visible()
    # The form now says the words are Turkmenistan's vote: nothing left to add from them.
    expect(form.get_by_text("Add a vote position extraction missed", exact=True)).to_be_visible()
    expect(form.get_by_text("These words are already the vote of Turkmenistan.", exact=False)).to_be_visible()
    shot(page, "vote-accepted")

    (decision,) = parse_decisions((missed_app / "data" / "review_decisions.csv").read_text(encoding="utf-8"))
    assert (decision["indicator"], decision["country_iso3"], decision["position"], decision["vote"],
            decision["value_text"]) == ("un_ga_vote", "TKM", "did not vote", "A/RES/ES-11/4", "was absent")

    with app_rerun(page, charts=0):
        page.get_by_role("button", name="Re-run extraction").click()
    expect(page.get_by_text(re.compile(r"Extraction ran: data/ now holds 3 figures, 1 of them"))).to_be_visible()
    page.get_by_role("link", name="Open the dashboard").click()
    wait_for_app(page, None)
    panel = plot(page, VOTE_PANEL)
    expect(panel.locator(".main-svg").first).to_be_visible()
    traces = panel.evaluate("gd => gd.data.map(t => [t.name, Array.from(t.customdata || [])])")
    assert ["did not vote", ["TKM"]] in traces and ["abstained", ["KGZ"]] in traces
    assert not any("TKM" in codes for name, codes in traces if name != "did not vote")  # must NOT: "not reported"
    expect(panel).to_contain_text("did not vote")
    shot(page, "vote-panel", page.locator(f".st-key-{VOTE_PANEL}"))
