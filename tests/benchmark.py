"""Benchmark the dashboard against a bare Streamlit + Plotly page: `.venv/bin/python tests/benchmark.py`.

Prints medians and spreads for page load, click-to-update, server rerun time and memory per session,
and the dashboard/baseline ratios. `--articles 1000` adds the dashboard on 1,000 generated articles (invented test
material, tests/benchmark_extract.py) beside the one-article page, and the static edition built from them;
`--only-articles` prints that section alone. Figures only: nothing here passes or fails. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from e2e.servers import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # run as a script, tests/ is on sys.path
from playwright.sync_api import Browser, Locator, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the project's own modules, for the --articles section
    sys.path.insert(0, str(ROOT))
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHARTS = 5


@contextlib.contextmanager
def streamlit(script: Path, cwd: Path, env: dict[str, str] | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `streamlit run script` headless on a free loopback port until the block ends."""
    log = Path(tempfile.mkdtemp(prefix="bench-")) / "streamlit.log"
    with streamlit_server(cwd, log, script=script.name, extra_args=("--server.enableStaticServing", "true"),
                          env={"PYTHONPATH": str(ROOT), **(env or {})}) as server:
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


def rerun_ms(runs: int, folders: tuple[Path, Path] | None = None) -> list[float]:
    """Script time of dashboard.py for focus changes (AppTest, timed around the script's own execution), on the
    shipped data or on `folders` (data, seeds)."""
    import streamlit.runtime.scriptrunner.script_runner as runner
    from streamlit.testing.v1 import AppTest

    from components import store

    shipped = store.DATA_DIR, store.SEEDS_DIR
    store.DATA_DIR, store.SEEDS_DIR = folders or shipped  # store looks its folders up at call time

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
    store.DATA_DIR, store.SEEDS_DIR = shipped
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


def generated(count: int, folder: Path) -> tuple[Path, Path, int]:
    """(data, seeds, figure rows): `count` generated articles (invented test material) extracted under `folder`."""
    from benchmark_extract import _article  # run as a script, tests/ is on sys.path

    from components.extract.pipeline import run

    rng = random.Random(count)
    seeds, data = folder / "seeds", folder / "data"
    seeds.mkdir(parents=True)
    for i in range(count):
        (seeds / f"gen_{i:05d}.txt").write_text(_article(rng), encoding="utf-8")
    with contextlib.redirect_stderr(io.StringIO()):  # the notes on context facts these articles do not state
        run(seeds, data)
    rows = (data / "figures.csv").read_text(encoding="utf-8").count("\n") - 1
    return data, seeds, rows


def static_edition(data: Path, seeds: Path, out: Path) -> tuple[float, int, int]:
    """(seconds to build, index.html bytes, gzipped bytes) of the static edition of these folders."""
    from components.publish.build import run

    start = time.perf_counter()
    page = run(out, data, seeds).read_bytes()
    return time.perf_counter() - start, len(page), len(gzip.compress(page, compresslevel=6))


def articles_section(browser: Browser, count: int, loads: int, reruns: int) -> list[str]:
    """The dashboard on `count` generated articles beside the one-article page, and their static edition."""
    from components.store import DATA_ENV, SEEDS_ENV

    lines = []
    with tempfile.TemporaryDirectory(prefix="bench-articles-") as tmp:
        start = time.perf_counter()
        data, seeds, rows = generated(count, Path(tmp))
        lines.append(f"{count:,} generated articles, {rows:,} figure rows (generated and extracted in "
                     f"{time.perf_counter() - start:.0f} s)")
        env = {DATA_ENV: str(data), SEEDS_ENV: str(seeds)}
        loaded: dict[str, list[float]] = {"one": [], "many": []}
        clicked: dict[str, list[float]] = {"one": [], "many": []}
        with streamlit(ROOT / "dashboard.py", ROOT) as (one_url, _), \
                streamlit(ROOT / "dashboard.py", ROOT, env) as (many_url, _):
            urls = {"one": one_url, "many": many_url}
            for url in urls.values():  # warm-up: the first load reads and checks the data, fills the caches
                load_once(browser, url)
                click_dashboard(browser, url)
            for _ in range(loads):
                for name, url in urls.items():
                    loaded[name].append(load_once(browser, url))
                    clicked[name].append(click_dashboard(browser, url))
        many = f"{count:,} articles"
        for label, results in (("page load", loaded), ("click-to-update", clicked)):
            lines.append(f"{label:16} {'1 article':15}  {spread(results['one'])}")
            lines.append(f"{label:16} {many:15}  {spread(results['many'])}")
            ratio = statistics.median(results["many"]) / statistics.median(results["one"])
            lines.append(f"{label:16} ratio {many} / 1 article = {ratio:.2f}")
        lines.append(f"server rerun     {many:15}  {spread(rerun_ms(reruns, (data, seeds)))}")
        seconds, raw, zipped = static_edition(data, seeds, Path(tmp) / "site")
        lines.append(f"static edition   {many:15}  built in {seconds:.1f} s; index.html {raw / 1024:,.0f} KB raw, "
                     f"{zipped / 1024:,.0f} KB gzipped; one page per article in site/articles/")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loads", type=int, default=7, help="measured loads and clicks per app")
    parser.add_argument("--sessions", type=int, default=20, help="sessions for the memory figure")
    parser.add_argument("--reruns", type=int, default=30, help="focus changes for the rerun figure")
    parser.add_argument("--articles", type=int, default=0,
                        help="also measure the dashboard and the static edition on this many generated articles")
    parser.add_argument("--only-articles", action="store_true", help="print the --articles section alone")
    args = parser.parse_args()
    if args.only_articles:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            lines = articles_section(browser, args.articles or 1000, args.loads, args.reruns)
            browser.close()
        print(f"\nBenchmark on {os.cpu_count()} cores, headless Chromium, loopback; times in ms")
        print("\n".join(lines))
        return
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
        scale = articles_section(browser, args.articles, args.loads, args.reruns) if args.articles else []
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
    if scale:
        print("\n".join(["", *scale]))


if __name__ == "__main__":
    main()
