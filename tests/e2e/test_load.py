"""Many readers at once, on loopback only: each is a fresh browser context that opens the page, waits for every chart,
clicks a country and waits for the focus to reach the address bar. Prints p50/p95 load and click times.

Sized by LOAD_READERS (default 25, what CI runs: about a minute on 2 cores) and LOAD_CONCURRENCY (readers at once,
default all of them). A bigger run: `LOAD_READERS=100 LOAD_CONCURRENCY=50 .venv/bin/python -m pytest -m load -s`.
It stops by itself: every wait has a timeout and the whole run a deadline (LOAD_DEADLINE_S, default 600).
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Browser, Locator, Page, WebSocket, async_playwright, expect

from components.countries import country_name

from .conftest import (
    CHARTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    HOVER_ATTEMPTS,
    HOVER_TIMEOUT_MS,
    ROOT,
    TAG_MARK,
    Server,
    run_finished,
    streamlit_server,
)

pytestmark = [pytest.mark.e2e, pytest.mark.load]

READERS = int(os.environ.get("LOAD_READERS", "25"))
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", str(READERS)))
DEADLINE_S = float(os.environ.get("LOAD_DEADLINE_S", "600"))
READER_TIMEOUT_MS = 180_000  # one reader on a saturated 2-core machine; a hung reader fails, it never blocks
PANEL = "panel-citizenship_grants"
BARS = ("KAZ", "KGZ", "TJK", "UZB")  # the countries with a bar in PANEL
LOG_PROBLEMS = re.compile(r"Traceback|Error|Exception")


@dataclass
class Reader:
    number: int
    country: str
    load_s: float | None = None
    run_s: float | None = None
    click_s: float | None = None
    error: str | None = None


async def wait_for_app(page: Page) -> None:
    app = page.get_by_test_id("stApp")
    await expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=READER_TIMEOUT_MS)
    await expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=READER_TIMEOUT_MS)
    await expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=READER_TIMEOUT_MS)
    await expect(page.locator(".js-plotly-plot")).to_have_count(CHARTS, timeout=READER_TIMEOUT_MS)
    await expect(page.locator(".js-plotly-plot:not(:has(.main-svg))")).to_have_count(0, timeout=READER_TIMEOUT_MS)


async def hover_country(page: Page, chart: Locator, iso3: str) -> None:
    """Hover the bar of `iso3` until Plotly's label names it (re-measuring if the page moved under the mouse)."""
    assert await chart.evaluate(TAG_MARK, iso3), f"no bar for {iso3}"
    bar = chart.locator(f"[data-e2e-country='{iso3}']")
    label = chart.locator(".hoverlayer .hovertext")
    for attempt in range(HOVER_ATTEMPTS):
        await bar.scroll_into_view_if_needed()
        box = await bar.bounding_box()
        assert box, "bar not drawn"
        await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            await expect(label).to_contain_text(re.compile(f"{country_name(iso3)}|{iso3}"), timeout=HOVER_TIMEOUT_MS)
            return
        except AssertionError:
            if attempt == HOVER_ATTEMPTS - 1:
                raise


def first_run(reader: Reader, started: float, frame: str | bytes) -> None:
    """Time from navigation to the first finished script run: what the server (and the page's boot) took."""
    if reader.run_s is None and run_finished(frame):
        reader.run_s = time.perf_counter() - started


async def read(browser: Browser, server: Server, reader: Reader, requests: list[str], gate: asyncio.Semaphore) -> None:
    async with gate:
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(READER_TIMEOUT_MS)
        context.on("request", lambda r: requests.append(r.url))
        page = None
        try:
            page = await context.new_page()
            started = time.perf_counter()
            streams: list[WebSocket] = []

            def on_socket(socket: WebSocket) -> None:  # runs as the socket opens, before any of its frames
                if socket.url.endswith("/_stcore/stream"):
                    streams.append(socket)
                    socket.on("framereceived", lambda frame: first_run(reader, started, frame))

            page.on("websocket", on_socket)
            await page.goto(server.url)
            await wait_for_app(page)
            reader.load_s = time.perf_counter() - started
            stream = streams[-1]
            requests.append(stream.url)

            await hover_country(page, page.locator(f".st-key-{PANEL} .js-plotly-plot"), reader.country)
            started = time.perf_counter()
            async with stream.expect_event("framereceived", predicate=run_finished, timeout=READER_TIMEOUT_MS):
                await page.mouse.down()
                await page.mouse.up()
            await expect(page).to_have_url(re.compile(rf"[?&]focus={reader.country}(&|$)"), timeout=READER_TIMEOUT_MS)
            await wait_for_app(page)
            reader.click_s = time.perf_counter() - started
        except Exception as err:  # one reader's failure is reported with all the others, not raised alone
            state = "page not open"
            if page is not None and not page.is_closed():
                hover = await page.locator(".hoverlayer .hovertext").all_text_contents()
                state = f"url {page.url}, hover label {hover}"
            reader.error = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''} ({state})"
        finally:
            await context.close()


async def crowd(server: Server, readers: list[Reader], requests: list[str]) -> None:
    gate = asyncio.Semaphore(CONCURRENCY)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await asyncio.wait_for(asyncio.gather(*(read(browser, server, r, requests, gate) for r in readers)),
                                   DEADLINE_S)
        finally:
            await browser.close()


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ranked = sorted(values)
    return ranked[max(0, min(len(ranked) - 1, round(q / 100 * len(ranked) + 0.5) - 1))]


def test_many_readers_at_once_all_succeed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not CHROMIUM:
        pytest.fail("Chromium is not installed: run `bash tests/setup.sh` (the README's test command does)")
    assert READERS >= 1 and CONCURRENCY >= 1
    readers = [Reader(i, BARS[i % len(BARS)]) for i in range(READERS)]
    requests: list[str] = []
    with streamlit_server(ROOT, tmp_path / "streamlit.log") as server:
        started = time.perf_counter()
        with ThreadPoolExecutor(1) as pool:  # async Playwright in its own thread, apart from the sync tests' loop
            pool.submit(asyncio.run, crowd(server, readers, requests)).result()
        wall = time.perf_counter() - started
        log = server.log()

    failed = [r for r in readers if r.error]
    loads = [r.load_s for r in readers if r.load_s is not None]
    clicks = [r.click_s for r in readers if r.click_s is not None]
    served = [r.run_s for r in readers if r.run_s is not None]
    with capsys.disabled():
        print(f"\nload test: {READERS} readers, {CONCURRENCY} at once, {wall:.1f} s wall; {len(failed)} failed")
        if loads:
            print(f"  page load to charts drawn: p50 {statistics.median(loads):.2f} s, "
                  f"p95 {percentile(loads, 95):.2f} s, max {max(loads):.2f} s")
        if served:
            print(f"  server's first run done:   p50 {statistics.median(served):.2f} s, "
                  f"p95 {percentile(served, 95):.2f} s, max {max(served):.2f} s (the rest is drawing)")
        if clicks:
            print(f"  click to focus in URL:     p50 {statistics.median(clicks):.2f} s, "
                  f"p95 {percentile(clicks, 95):.2f} s, max {max(clicks):.2f} s")
    assert not failed, "\n".join(f"reader {r.number} ({r.country}): {r.error}" for r in failed)
    # must not: traffic anywhere but the app on 127.0.0.1, or any error in the server's log
    host = urlsplit(server.url).netloc
    assert requests and all(urlsplit(u).netloc == host for u in requests if not u.startswith(("data:", "blob:")))
    problems = [line for line in log.splitlines() if LOG_PROBLEMS.search(line)]
    assert not problems, "\n".join(problems[:20])
