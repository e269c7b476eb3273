"""Lighthouse, mobile and desktop, on the static edition and on the Streamlit dashboard, side by side.

Not a pass/fail test (pytest does not collect it): run it by hand,

    .venv/bin/python tests/lighthouse_audit.py            # builds site/, starts the dashboard, prints a table
    .venv/bin/python tests/lighthouse_audit.py --no-dashboard --check   # static edition only; exit 1 below target

It installs the pinned npm `lighthouse` into .cache/lighthouse/ (git-ignored) when missing, serves site/ on
loopback with gzip as any static host or CDN would, and drives Debian's Chromium through CHROME_PATH.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from e2e.servers import streamlit_server  # run as a script, tests/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
CACHE = ROOT / ".cache" / "lighthouse"
# Lighthouse 13 needs Node 22; 12.8.2 is the newest that runs on this machine's Node 20.
LIGHTHOUSE_VERSION = "12.8.2"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
TARGETS = {"mobile": {"performance": 90, "accessibility": 100}}  # for the static edition
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".csv", ".svg", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that gzips text as hosts and CDNs do; quiet."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=300")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port; yield its URL."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def dashboard() -> Iterator[str | None]:
    """Start `streamlit run dashboard.py` headless on loopback; yield its URL, or None if it does not come up."""
    log = Path(tempfile.mkdtemp(prefix="lighthouse-")) / "streamlit.log"
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(streamlit_server(ROOT, log))
        except RuntimeError as err:
            print(f"dashboard did not start: {str(err)[-800:]}", file=sys.stderr)
            yield None
            return
        yield server.url


def lighthouse_bin() -> Path:
    """The pinned Lighthouse CLI, installed into .cache/lighthouse/ on first use."""
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    package = CACHE / "node_modules" / "lighthouse" / "package.json"
    installed = package.is_file() and json.loads(package.read_text())["version"] == LIGHTHOUSE_VERSION
    if not installed:
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {CACHE.relative_to(ROOT)}/ ...", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--silent",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def chrome_path() -> str:
    return os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def audit(url: str, mode: str) -> dict:
    """One Lighthouse run; the scores and numbers the table shows."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [str(lighthouse_bin()), url, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=performance,accessibility", f"--chrome-flags={CHROME_FLAGS}"]
        if mode == "desktop":
            cmd.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": chrome_path()}
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed on {url} ({mode}): {done.stderr[-800:]}")
        data = json.loads(report.read_text())
    cats, audits = data["categories"], data["audits"]
    return {"performance": round(cats["performance"]["score"] * 100),
            "accessibility": round(cats["accessibility"]["score"] * 100),
            "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "bytes": audits["total-byte-weight"]["numericValue"],
            "failed_a11y": [k for k, a in audits.items() if a.get("score") == 0
                            and k in {r["id"] for r in cats["accessibility"]["auditRefs"]}]}


def median_audit(url: str, mode: str, runs: int) -> dict:
    """The run with the median performance score of `runs` good runs; a failed run is retried once per run."""
    results, errors = [], []
    for _ in range(2 * runs):
        try:
            results.append(audit(url, mode))
        except (RuntimeError, subprocess.TimeoutExpired) as err:
            errors.append(str(err))
            print(f"retrying after: {str(err)[:300]}", file=sys.stderr)
        if len(results) == runs:
            break
    if not results:
        raise RuntimeError(errors[-1])
    median = statistics.median_low([r["performance"] for r in results])
    return next(r for r in results if r["performance"] == median)


def page_sizes(folder: Path) -> tuple[int, int]:
    """Raw and gzipped bytes of the page as first loaded (index.html holds all CSS, JS and SVG)."""
    raw = (folder / "index.html").read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=6))


def table(rows: list[tuple[str, str, dict | None]]) -> str:
    lines = ["| target | mode | performance | accessibility | LCP | total bytes |", "|---|---|---|---|---|---|"]
    for target, mode, r in rows:
        if r is None:
            lines.append(f"| {target} | {mode} | not measured | | | |")
        else:
            lines.append(f"| {target} | {mode} | {r['performance']} | {r['accessibility']} | {r['lcp_s']:.1f} s "
                         f"| {r['bytes'] / 1024:,.0f} KB |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="audit site/ as it is, without rebuilding")
    parser.add_argument("--no-dashboard", action="store_true", help="skip the Streamlit dashboard")
    parser.add_argument("--runs", type=int, default=1, help="runs per target and mode; the median is shown")
    parser.add_argument("--check", action="store_true", help="exit 1 if the static edition misses its targets")
    args = parser.parse_args(argv)

    if not args.no_build:
        subprocess.run([sys.executable, "-m", "components.publish"], cwd=ROOT, check=True)
    raw, zipped = page_sizes(SITE)
    print(f"site/index.html: {raw / 1024:,.1f} KB raw, {zipped / 1024:,.1f} KB gzipped")
    lighthouse_bin()
    rows: list[tuple[str, str, dict | None]] = []
    with serve(SITE) as url:
        for mode in ("mobile", "desktop"):
            rows.append(("static edition", mode, median_audit(url, mode, args.runs)))
    if not args.no_dashboard:
        with dashboard() as url:
            for mode in ("mobile", "desktop"):
                try:
                    rows.append(("Streamlit dashboard", mode, median_audit(url, mode, args.runs) if url else None))
                except (RuntimeError, subprocess.TimeoutExpired) as err:
                    print(err, file=sys.stderr)
                    rows.append(("Streamlit dashboard", mode, None))
    print(table(rows))
    for target, mode, r in rows:
        if r and r["failed_a11y"]:
            print(f"{target} {mode}: failed accessibility audits: {', '.join(r['failed_a11y'])}")
    print(f"lighthouse {LIGHTHOUSE_VERSION}, {chrome_path()}, flags {CHROME_FLAGS!r}")
    if args.check:
        static = {mode: r for target, mode, r in rows if target == "static edition"}
        missed = [f"{mode} {k} {static[mode][k]} < {v}" for mode, goals in TARGETS.items()
                  for k, v in goals.items() if static[mode][k] < v]
        if missed:
            print("missed targets: " + "; ".join(missed), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
