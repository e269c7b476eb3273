"""The journalist's desk in a real browser: a journalist accepts a missed figure and sees it on the dashboard;
with the desk off, no address reaches it.

The app is a copy whose seeds/ holds only the invented test article of tests/fixtures/desk/ (test material).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from components.extract.decisions import parse_decisions

from .conftest import (
    CHARTS,
    Server,
    Shots,
    Traffic,
    app_rerun,
    copy_app,
    new_context,
    streamlit_server,
    wait_for_app,
)
from .test_accessibility import audit

pytestmark = pytest.mark.e2e

FIXTURE_SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "desk" / "seeds"
OPEN_ATTEMPTS, OPEN_TIMEOUT_MS = 3, 3_000
PAGE_NOT_FOUND = "The page that you have requested does not seem to exist."
PATH_PROBE = re.compile(r"^/[^/]+(?:/[^/]+)*/_stcore/(?:health|host-config)$")
MISSED = "75,000"  # the union leader's count: no rule gives it a country (see the fixture's README)


@pytest.fixture(scope="module")
def desk_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the app with the test article as its only seed, extracted, and no decision yet."""
    app = copy_app(tmp_path_factory.mktemp("desk") / "app")
    for seed in (app / "seeds").glob("*.txt"):
        seed.unlink()
    for seed in FIXTURE_SEEDS.glob("*.txt"):
        (app / "seeds" / seed.name).write_bytes(seed.read_bytes())
    assert parse_decisions((app / "data" / "review_decisions.csv").read_text(encoding="utf-8")) == []
    subprocess.run([sys.executable, "-m", "components.extract"], cwd=app, check=True, capture_output=True)
    return app


@pytest.fixture(scope="module")
def servers(desk_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Server]]:
    """The same copy served twice: with the desk turned on, and as a reader's deployment (off)."""
    logs = tmp_path_factory.mktemp("desk-logs")
    with ExitStack() as stack:
        yield {mode: stack.enter_context(streamlit_server(desk_app, logs / f"{mode}.log",
                                                          env={"CENTRAL_ASIA_REVIEW": flag}))
               for mode, flag in (("on", "1"), ("off", "0"))}


@pytest.fixture
def open_at(browser: Browser, servers: dict[str, Server], shot: Shots) -> Iterator[Callable[..., Page]]:
    """open_at("on", "review") opens that address of one server; its traffic is checked at the end."""
    traffic = Traffic()
    with ExitStack() as stack:

        def _open(mode: str, path: str = "", charts: int | None = None) -> Page:
            context = new_context(browser, traffic)
            stack.callback(context.close)
            page = context.new_page()
            shot.pages.append(page)
            page.goto(servers[mode].url + path)
            wait_for_app(page, charts)
            return page

        yield _open
    assert traffic.requests, "no request recorded: the traffic check would prove nothing"
    outside = [u for u in traffic.requests if all(u in traffic.outside(s.origin) for s in servers.values())]
    assert not outside, f"requests left the app's origin: {outside}"
    # Opened at /review, Streamlit's client first looks for the server under that path (/review/_stcore/health),
    # gets a 404, then finds it at the root: the only 404s allowed, and the console errors they log.
    not_found = [u for u, status in traffic.responses.items() if status == 404]
    assert all(PATH_PROBE.search(urlsplit(u).path) for u in not_found), f"404s: {not_found}"
    # A reader's deployment answers an address of the desk with Streamlit's own "page not found" and the main
    # page: that console message is expected there (the test asserts what the page shows).
    errors = [e for e in traffic.console_errors if not (e.startswith("Failed to load resource") and " 404 " in e)
              and not e.startswith(PAGE_NOT_FOUND)]
    assert not errors, f"console errors: {errors}"
    assert not traffic.dialogs, f"dialogs opened: {traffic.dialogs}"


def open_select(page: Page, label: str) -> None:
    """Open the select labelled `label`. Right after another select closes, a first click may only focus it; the
    open list (aria-expanded) is the proof, so the click is repeated until it shows."""
    box = page.get_by_role("combobox", name=label, exact=True)
    for attempt in range(OPEN_ATTEMPTS):
        box.click()
        try:
            expect(box).to_have_attribute("aria-expanded", "true", timeout=OPEN_TIMEOUT_MS)
            return
        except AssertionError:
            if attempt == OPEN_ATTEMPTS - 1:
                raise


def choose(page: Page, label: str, option: str | re.Pattern, charts: int = 0) -> None:
    """Pick an option of the select labelled `label`, and wait for the run it starts (none if it was picked)."""
    open_select(page, label)
    choice = page.get_by_role("option", name=option)
    if choice.get_attribute("aria-selected") == "true":
        page.keyboard.press("Escape")
        expect(page.get_by_role("combobox", name=label, exact=True)).to_have_attribute("aria-expanded", "false")
        return
    with app_rerun(page, charts=charts):
        choice.click()


def test_a_journalist_accepts_a_missed_figure_and_sees_it_on_the_dashboard(
        open_at: Callable[..., Page], desk_app: Path, shot: Shots) -> None:
    page = open_at("on", charts=CHARTS)
    with app_rerun(page, charts=0):
        page.get_by_role("link", name="The journalist's desk").click()
    expect(page.get_by_role("heading", name="The journalist's desk")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/review$"))
    missed = page.locator(".desk-article .s-left-out", has_text=MISSED)
    expect(missed).to_have_count(1)
    shot(page, "desk-opened")

    with app_rerun(page, charts=0):
        page.get_by_label("Your name").fill("Test Journalist")
        page.get_by_label("Your name").press("Enter")
    choose(page, "Number", re.compile(rf"{re.escape(MISSED)} — left out"))
    expect(page.get_by_role("heading", name=re.compile(MISSED))).to_be_visible()
    choose(page, "Indicator", "Migrant workers in Russia")
    # Country: Turkmenistan is offered first, the state its paragraph names (checked in the preview below)
    choose(page, "Quote (the article's own words)", re.compile(r"^Turkmenistan, Kazakhstan's southern neighbour"))
    choose(page, "Year", "2023")
    preview = re.compile(r"Adds to Migrant workers in Russia: Turkmenistan, about 75,000 \(value 75,000 workers, 2023")
    expect(page.get_by_text(preview)).to_be_visible()
    shot(page, "accept-form-filled")
    with app_rerun(page, charts=0):
        page.get_by_role("button", name="Accept as a figure").click()
    expect(page.get_by_text("Accepted “75,000” as Turkmenistan's figure.", exact=False)).to_be_visible()
    expect(page.locator(".desk-article .s-accepted", has_text=MISSED)).to_have_count(1)
    expect(page.get_by_text("Not on the dashboard yet.")).to_be_visible()
    shot(page, "accepted")

    (decision,) = parse_decisions((desk_app / "data" / "review_decisions.csv").read_text(encoding="utf-8"))
    assert (decision["decision"], decision["country_iso3"], decision["qualifier"], decision["year"],
            decision["reviewer"]) == ("accept", "TKM", "about", "2023", "Test Journalist")
    assert decision["quote"].startswith("Turkmenistan, Kazakhstan's southern neighbour")

    with app_rerun(page, charts=0):
        page.get_by_role("button", name="Re-run extraction").click()
    expect(page.get_by_text(re.compile(r"Extraction ran: data/ now holds 7 figures, 1 of them"))).to_be_visible()
    expect(page.get_by_text("The dashboard is up to date")).to_be_visible()
    shot(page, "extraction-re-run")

    with app_rerun(page, charts=CHARTS):
        page.get_by_role("link", name="Open the dashboard").click()
    choose(page, "Follow one country", "TKM", charts=CHARTS)
    profile = page.locator(".st-key-profile")
    row = profile.get_by_role("row", name=re.compile("Migrant workers in Russia"))
    expect(row).to_contain_text("75,000")
    expect(row).to_contain_text("checked by the newsroom")
    expect(row).not_to_contain_text("not reported in the article")  # must NOT: the accepted figure is on the page
    shot(page, "on-the-dashboard", profile)


# Streamlit serves pages at one path segment; AppTest (tests/test_review.py) covers the page script's own path.
@pytest.mark.parametrize("path", ["review", "Review?page=review", "?page=review", "figures?page=review"])
def test_with_the_desk_off_no_address_reaches_it(open_at: Callable[..., Page], path: str, shot: Shots) -> None:
    page = open_at("off", path, charts=CHARTS)
    expect(page.get_by_role("heading", name="Central Asians in Russia, by the numbers")).to_be_visible()
    expect(page.get_by_role("heading", name="The journalist's desk")).to_have_count(0)  # must NOT: the desk
    expect(page.get_by_role("link", name=re.compile("desk", re.I))).to_have_count(0)
    expect(page.get_by_test_id("stTopNavLink")).to_have_count(0)  # one page: no navigation at all
    expect(page.get_by_role("button", name="Re-run extraction")).to_have_count(0)
    expect(page.get_by_label("Your name")).to_have_count(0)
    shot(page, "desk-off")


def test_the_desk_has_no_serious_accessibility_violation_of_its_own(open_at: Callable[..., Page]) -> None:
    page = open_at("on", "review", charts=0)
    found = audit(page)
    assert not found["app"], json.dumps(found["app"], indent=1)  # must NOT: a violation in what the desk writes
    assert page.locator(".desk-article .n").count() > 0  # the audit saw the marked article
