"""The dashboard in a real browser: `streamlit run` on a free loopback port, Debian's Chromium, waits on app state.

Tests never sleep: they wait for what the app publishes on its root element (connection and script state), for
the "script finished" message on its websocket after an interaction, and for the charts Plotly has drawn; then
they assert with Playwright's `expect`, which retries. Every page records its requests and console errors, and a
test fails if any request left the app's origin, the console logged an error or a dialog opened. Screenshots of
each state go to a temp dir (E2E_SCREENSHOT_DIR to choose it); a failing test lists them, adds one of each page
as it failed, and the tail of the server's log.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from google.protobuf.message import DecodeError
from playwright.sync_api import Browser, BrowserContext, Locator, Page, WebSocket, expect, sync_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from components.countries import CENTRAL_ASIA, country_name
from components.views.labels import PANELS
from tests.multi_fixture import build

from .servers import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, copy_app, free_port, streamlit_server

__all__ = ["Server", "copy_app", "free_port", "streamlit_server"]  # re-exported for the test modules

PANEL_KEYS = tuple(f"panel-{p}" for p in PANELS)  # the four indicator panels; the map is "panel-map"
CHARTS = len(PANEL_KEYS) + 1
TIMEOUT_MS = 30_000  # generous for a busy 2-core CI machine; waits end as soon as the state is reached
HOVER_ATTEMPTS, HOVER_TIMEOUT_MS = 3, 10_000

expect.set_options(timeout=TIMEOUT_MS)

# The frame that ends a completed run on the app's websocket, of the whole script or of a fragment (a chart click
# reruns only the linked-view fragment), but not a run cut short by st.rerun: the app's own word that a run is
# over, which no render batching in the browser can hide.
FINISHED = {ForwardMsg.ScriptFinishedStatus.Value(s)
            for s in ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY")}

# Finds the drawn mark (bar, scatter marker, map shape) whose trace customdata is `iso3`, and tags it so a locator
# can find it; the click itself is a real mouse click on its bounding box.
TAG_MARK = """
(gd, iso3) => {
  gd.querySelectorAll('[data-e2e-country]').forEach((el) => el.removeAttribute('data-e2e-country'));
  for (const group of gd.querySelectorAll('g.trace')) {
    const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
    if (!trace || !trace.customdata || trace.type === 'scattergeo') continue;
    for (const el of group.querySelectorAll('.point, path.choroplethlocation')) {
      const d = el.__data__;
      const i = d && (d.i !== undefined ? d.i : d.index);
      if (i !== undefined && trace.customdata[i] === iso3) { el.setAttribute('data-e2e-country', iso3); return true; }
    }
  }
  return false;
}
"""


# --- the server (tests/e2e/servers.py) ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard as committed, served once for the whole session."""
    with streamlit_server(ROOT, tmp_path_factory.mktemp("server") / "streamlit.log") as server:
        yield server


# --- screenshots --------------------------------------------------------------------------------------------------

SHOTS = pytest.StashKey["Shots"]()


class Shots:
    """Numbered screenshots of one test's states, under <dir>/<test name>/."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: list[Path] = []
        self.pages: list[Page] = []

    def __call__(self, page: Page, name: str, target: Locator | None = None) -> Path:
        path = self.folder / f"{len(self.paths) + 1:02d}-{name}.png"
        (target or page).screenshot(path=path)
        self.paths.append(path)
        return path

    def on_failure(self) -> None:
        """The viewport of every page the test opened, and any exception box Streamlit drew."""
        for i, page in enumerate(self.pages):
            if not page.is_closed():
                self(page, f"failure-page{i + 1}")
                for box in page.get_by_test_id("stException").all()[:3]:
                    self(page, f"failure-page{i + 1}-exception", box)


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("E2E_SCREENSHOT_DIR")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shot(request: pytest.FixtureRequest, screenshot_dir: Path) -> Shots:
    """shot(page, "focused") saves a screenshot of the page's viewport (or of a locator) for this test."""
    folder = screenshot_dir / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    shots = Shots(folder)
    request.node.stash[SHOTS] = shots
    return shots


# --- the browser, pages and what they record ----------------------------------------------------------------------

# Module scope, not session: only one sync Playwright can run in a thread, and other modules here
# (test_static_site.py) start their own.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM:
        pytest.fail("Chromium is not installed: run `bash tests/setup.sh` (the README's test command does)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """Everything a browser context asked for, every error its pages logged, every dialog they opened."""

    requests: list[str] = field(default_factory=list)
    responses: dict[str, int] = field(default_factory=dict)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.on("request", lambda r: self.requests.append(r.url))
        context.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        context.on("response", lambda r: self.responses.__setitem__(r.url, r.status))
        context.on("page", self._watch_page)

    def _watch_page(self, page: Page) -> None:
        page.on("websocket", lambda ws: (self.requests.append(ws.url), watch_stream(page, ws)))
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(f"uncaught: {e}"))

    def outside(self, origin: tuple[str, str]) -> list[str]:
        """Requests to anywhere but the app (ws:// to the app's host and port counts as the app)."""
        host = origin[1]
        return [u for u in self.requests
                if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).netloc != host]


def new_context(browser: Browser, traffic: Traffic, width: int = 1280, height: int = 900) -> BrowserContext:
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    traffic.watch(context)
    return context


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


def _opener(browser: Browser, server: Server, traffic: Traffic, shot: Shots) -> Iterator[Callable[..., Page]]:
    contexts: list[BrowserContext] = []

    def _open(query: str = "", width: int = 1280, height: int = 900, wait: bool = True) -> Page:
        context = new_context(browser, traffic, width, height)
        contexts.append(context)
        page = context.new_page()
        shot.pages.append(page)  # a failure screenshots it
        page.goto(server.url + query)
        if wait:
            wait_for_app(page)
        return page

    yield _open
    for context in contexts:
        context.close()
    outside = traffic.outside(server.origin)
    assert traffic.requests, "no request recorded: the traffic check would prove nothing"
    assert not outside, f"requests left the app's origin {server.url}: {outside}"
    assert not traffic.console_errors, f"console errors: {traffic.console_errors}"
    assert not traffic.dialogs, f"dialogs opened: {traffic.dialogs}"


@pytest.fixture
def open_page(browser: Browser, app_server: Server, traffic: Traffic, shot: Shots) -> Iterator[Callable[..., Page]]:
    """Open the app in a fresh context: open_page("?focus=TJK", width=375). All its traffic is checked at the end."""
    yield from _opener(browser, app_server, traffic, shot)


@pytest.fixture(scope="session")
def multi_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard on the multi-article test corpus (tests/fixtures/multi, extracted by the normal pipeline)."""
    app = copy_app(tmp_path_factory.mktemp("multi-app"))
    data, seeds = build(tmp_path_factory.mktemp("multi-data"))
    for name, source in (("data", data), ("seeds", seeds)):
        shutil.rmtree(app / name)
        shutil.copytree(source, app / name)
    with streamlit_server(app, tmp_path_factory.mktemp("multi-server") / "streamlit.log") as server:
        yield server


@pytest.fixture
def open_multi_page(browser: Browser, multi_server: Server, traffic: Traffic,
                    shot: Shots) -> Iterator[Callable[..., Page]]:
    """open_page, on the multi-article test corpus."""
    yield from _opener(browser, multi_server, traffic, shot)


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    """The main view, loaded and drawn."""
    return open_page()


# --- waiting on the app -------------------------------------------------------------------------------------------

def wait_for_app(page: Page, charts: int | None = CHARTS) -> None:
    """Connected, script finished, nothing stale or loading, and `charts` Plotly charts drawn (None: any number)."""
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    expect(app).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    expect(page.locator("[data-stale='true']")).to_have_count(0)
    if charts is None:
        return
    expect(page.locator(".js-plotly-plot")).to_have_count(charts)
    expect(page.locator(".js-plotly-plot:not(:has(.main-svg))")).to_have_count(0)


def run_finished(payload: str | bytes) -> bool:
    """Is this websocket frame the end of a completed script run?"""
    if not isinstance(payload, bytes):
        return False
    message = ForwardMsg()
    try:
        message.ParseFromString(payload)
    except DecodeError:
        return False
    return message.WhichOneof("type") == "script_finished" and message.script_finished in FINISHED


_STREAMS: dict[Page, WebSocket] = {}
_RUNS: dict[Page, int] = {}


def watch_stream(page: Page, socket: WebSocket) -> None:
    """Remember the page's app websocket and count the runs it reports finished."""
    if not socket.url.endswith("/_stcore/stream"):
        return
    _STREAMS[page] = socket
    _RUNS.setdefault(page, 0)
    socket.on("framereceived", lambda payload: _RUNS.__setitem__(page, _RUNS[page] + run_finished(payload)))


def runs(page: Page) -> int:
    """Completed script runs this page has been told of so far."""
    return _RUNS.get(page, 0)


@contextmanager
def app_rerun(page: Page, charts: int = CHARTS) -> Iterator[None]:
    """Wrap an interaction that makes the script run again; returns once that run has finished and drawn."""
    with _STREAMS[page].expect_event("framereceived", predicate=run_finished, timeout=TIMEOUT_MS):
        yield
    wait_for_app(page, charts)


# --- reading and driving the charts -------------------------------------------------------------------------------

def plot(page: Page, panel: str) -> Locator:
    return page.locator(f".st-key-{panel} .js-plotly-plot")


def customdata(page: Page, panel: str) -> list[list[str]]:
    """The ISO3 codes each trace of a panel's chart carries, as the browser received them."""
    return plot(page, panel).evaluate("gd => gd.data.map(t => Array.from(t.customdata || []))")


def hover_country(page: Page, panel: str, iso3: str) -> None:
    """Put the mouse on the drawn mark of `iso3` until Plotly's hover label names it.

    The label is the proof the mouse is on that mark; if the page moved under it (a chart above finished
    resizing), the mark is measured again.
    """
    chart = plot(page, panel)
    assert chart.evaluate(TAG_MARK, iso3), f"no mark for {iso3} in {panel}"
    mark = chart.locator(f"[data-e2e-country='{iso3}']")
    label = chart.locator(".hoverlayer .hovertext")
    for attempt in range(HOVER_ATTEMPTS):
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        assert box, f"mark of {iso3} in {panel} is not drawn"
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            expect(label).to_contain_text(re.compile(f"{country_name(iso3)}|{iso3}"), timeout=HOVER_TIMEOUT_MS)
            return
        except AssertionError:
            if attempt == HOVER_ATTEMPTS - 1:
                raise


def click_country(page: Page, panel: str, iso3: str) -> None:
    """Click the drawn mark of `iso3` with the mouse (after hovering it, as a reader does); wait for the run."""
    hover_country(page, panel, iso3)
    with app_rerun(page):
        page.mouse.down()
        page.mouse.up()


def tick_labels(page: Page, panel: str) -> Locator:
    return plot(page, panel).locator(".yaxislayer-above .ytick text")


def expect_focus(page: Page, iso3: str | None, shown: tuple[str, ...] = CENTRAL_ASIA) -> None:
    """Every panel marks `iso3` (or nothing), the selector and the profile agree, the others stay unmarked."""
    for panel in PANEL_KEYS:
        marked = tick_labels(page, panel).filter(has_text="▶")
        if iso3:
            expect(marked).to_have_text([f"▶ {country_name(iso3)}"])
            expect(marked.locator("tspan[style*='bold']")).to_have_count(1)
        else:
            expect(marked).to_have_count(0)
        expect(tick_labels(page, panel)).to_have_count(len(shown))
    map_labels = plot(page, "panel-map").locator("g.trace.scattergeo text")
    expect(map_labels).to_have_count(len(shown))
    if iso3:
        expect(map_labels.filter(has_text="▶")).to_have_count(1)
        expect(map_labels.filter(has_text="▶")).to_contain_text(f"▶ {iso3}")
        expect(page.locator(".st-key-focus input")).to_have_value(iso3)
        heading = page.locator(".st-key-profile").get_by_role("heading")
        expect(heading).to_have_text(re.compile(rf"^{re.escape(country_name(iso3))} in the articles?$"))
    else:
        expect(map_labels.filter(has_text="▶")).to_have_count(0)
        expect(page.locator(".st-key-profile")).to_have_count(0)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    report = yield
    shots = item.stash.get(SHOTS, None)
    if shots is not None and report.when in ("setup", "call") and report.failed:
        try:
            shots.on_failure()
        except Exception as err:  # the page may be gone; the listed states still help
            report.sections.append(("screenshots", f"(no failure screenshot: {err})"))
        if shots.paths:
            report.sections.append(("screenshots", "\n".join(str(p) for p in shots.paths)))
        server = item.funcargs.get("app_server") if hasattr(item, "funcargs") else None
        if isinstance(server, Server):
            report.sections.append(("streamlit log (last 40 lines)", "\n".join(server.log().splitlines()[-40:])))
    return report
