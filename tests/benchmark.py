"""Benchmark the dashboard against a bare Streamlit + Plotly page: `.venv/bin/python tests/benchmark.py`.

Prints medians and spreads for page load, click-to-update, server rerun time and memory per session,
and the dashboard/baseline ratios. Figures only: nothing here passes or fails. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from e2e.servers import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # run as a script, tests/ is on sys.path
from playwright.sync_api import Browser, Locator, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHARTS = 5


@contextlib.contextmanager
def streamlit(script: Path, cwd: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `streamlit run script` headless on a free loopback port until the block ends."""
    log = Path(tempfile.mkdtemp(prefix="bench-")) / "streamlit.log"
    with streamlit_server(cwd, log, script=script.name, extra_args=("--server.enableStaticServing", "true"),
                          env={"PYTHONPATH": str(ROOT)}) as server:
        yield server.url, server.process


def baseline_dir() -> Path:
    """The baseline script beside a copy of the map geometry, as Streamlit's static serving needs."""
    folder = Path(tempfile.mkdtemp(prefix="baseline-"))
    shutil.copy(ROOT / "tests" / "benchmark_baseline.py", folder / "baseline.py")
    shutil.copytree(ROOT / "static", folder / "static")
    return folder


def drawn(page: Page) -> None:
    """Wait until the script is idle and all five charts have drawn their SVG."""
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {CHARTS * 2}",
                           timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)


def load_once(browser: Browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    drawn(page)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed * 1000


def click_bar(page: Page, chart: Locator, index: int) -> None:
    """Click a bar where a reader would: at its centre (plotly's drag layer receives the event)."""
    bar = chart.locator(".bars .point path").nth(index)
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def click_dashboard(browser: Browser, url: str) -> float:
    """Click a bar; time until every panel's axis marks that country as focused."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(url)
    drawn(page)
    chart = page.locator(".st-key-panel-migrant_workers .js-plotly-plot")
    iso3 = chart.evaluate("g => g.data[0].customdata[1]")
    name = chart.evaluate("g => { const y = g.layout.yaxis; "
                          "return y.ticktext[y.tickvals.indexOf(g.data[0].customdata[1])]; }")
    start = time.perf_counter()
    click_bar(page, chart, 1)
    page.wait_for_function(
        """([name]) => { const panels = ['migrant_workers','remittances_share_of_gdp','citizenship_grants',
             'un_ga_vote'].map(k => document.querySelector('.st-key-panel-' + k + ' .js-plotly-plot'));
           return panels.every(p => p && [...p.querySelectorAll('.ytick text')]
             .some(t => t.textContent === '▶ ' + name));
        }""", arg=[name], timeout=60_000)
    elapsed = time.perf_counter() - start
    assert f"focus={iso3}" in page.url
    context.close()
    return elapsed * 1000


def click_baseline(browser: Browser, url: str) -> float:
    """Click a bar; time until every chart's title shows the selection after the rerun."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(url)
    drawn(page)
    chart = page.locator(".js-plotly-plot").first
    iso3 = chart.evaluate("g => g.data[0].y[1]")
    start = time.perf_counter()
    click_bar(page, chart, 1)
    page.wait_for_function(
        """([iso3]) => [...document.querySelectorAll('.js-plotly-plot .gtitle')]
             .filter(t => t.textContent.endsWith('selected ' + iso3)).length >= 5""", arg=[iso3], timeout=60_000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed * 1000


def rerun_ms(runs: int) -> list[float]:
    """Script time of dashboard.py for focus changes (AppTest, timed around the script's own execution)."""
    import streamlit.runtime.scriptrunner.script_runner as runner
    from streamlit.testing.v1 import AppTest

    original, times = runner.exec_func_with_error_handling, []

    def timed(func, ctx):
        start = time.perf_counter()
        try:
            return original(func, ctx)
        finally:
            times.append((time.perf_counter() - start) * 1000)

    runner.exec_func_with_error_handling = timed
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    for code in ("KAZ", "KGZ", "TJK", "TKM", "UZB"):  # warm the figure cache once per focus
        at.selectbox(key="focus").set_value(code).run()
    times.clear()
    codes = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
    for i in range(runs):
        at.selectbox(key="focus").set_value(codes[i % len(codes)]).run()
    runner.exec_func_with_error_handling = original
    return times


def rss_kb(pid: int) -> int:
    total = 0
    for p in [pid, *children(pid)]:
        with contextlib.suppress(FileNotFoundError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(x) for x in out]


def memory_per_session(browser: Browser, url: str, pid: int, sessions: int) -> float:
    """Server RSS growth per extra open session, in MB, after one warm-up session."""
    warm = browser.new_context()
    page = warm.new_page()
    page.goto(url)
    drawn(page)
    time.sleep(1)
    before = rss_kb(pid)
    contexts = []
    for _ in range(sessions):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        drawn(page)
        contexts.append(context)
    time.sleep(1)
    after = rss_kb(pid)
    for context in [warm, *contexts]:
        context.close()
    return (after - before) / 1024 / sessions


def spread(values: list[float]) -> str:
    return (f"median {statistics.median(values):8.1f}  min {min(values):8.1f}  max {max(values):8.1f}"
            f"  (n={len(values)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loads", type=int, default=7, help="measured loads and clicks per app")
    parser.add_argument("--sessions", type=int, default=20, help="sessions for the memory figure")
    parser.add_argument("--reruns", type=int, default=30, help="focus changes for the rerun figure")
    args = parser.parse_args()
    results: dict[str, dict[str, list[float]]] = {"dashboard": {"load": [], "click": []},
                                                  "baseline": {"load": [], "click": []}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        base = baseline_dir()
        with streamlit(ROOT / "dashboard.py", ROOT) as (dash_url, dash_proc), \
                streamlit(base / "baseline.py", base) as (base_url, _):
            apps = {"dashboard": (dash_url, click_dashboard), "baseline": (base_url, click_baseline)}
            for url, click in apps.values():  # warm-up: first loads compile and fill caches
                load_once(browser, url)
                click(browser, url)
            for _ in range(args.loads):  # alternate, so drift in the machine hits both alike
                for name, (url, click) in apps.items():
                    results[name]["load"].append(load_once(browser, url))
                    results[name]["click"].append(click(browser, url))
            memory = memory_per_session(browser, dash_url, dash_proc.pid, args.sessions)
        shutil.rmtree(base, ignore_errors=True)
        browser.close()
    reruns = rerun_ms(args.reruns)

    print(f"\nBenchmark on {os.cpu_count()} cores, headless Chromium, loopback; times in ms")
    for what in ("load", "click"):
        label = {"load": "page load", "click": "click-to-update"}[what]
        for name in ("dashboard", "baseline"):
            print(f"{label:16} {name:9}  {spread(results[name][what])}")
        ratio = statistics.median(results["dashboard"][what]) / statistics.median(results["baseline"][what])
        print(f"{label:16} ratio dashboard/baseline = {ratio:.2f}")
    print(f"server rerun     dashboard  {spread(reruns)}")
    print(f"memory           dashboard  {memory:.2f} MB per extra session (over {args.sessions} sessions)")


if __name__ == "__main__":
    main()
