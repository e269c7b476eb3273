"""Broken data in the real browser: a copy of the app with one file damaged shows one clear message, no traceback.

tests/test_load_errors.py proves each corruption raises a precise DataError; this proves a reader sees it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import Server, Shots, Traffic, copy_app, new_context, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

FIX = "python -m components.extract"


def missing(app: Path) -> None:
    (app / "data" / "figures.csv").unlink()


def truncated(app: Path) -> None:
    """Cut data/context.csv in the middle of a row's quote, as an interrupted copy would."""
    path = app / "data" / "context.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:2]) + lines[2][: lines[2].index(',"') + 10], encoding="utf-8")


def type_corrupted(app: Path) -> None:
    """A number column holding text in data/figures.csv row 3."""
    path = app / "data" / "figures.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[2][rows[0].index("value")] = "lots"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def seed_edited(app: Path) -> None:
    """Reword the sentence a figure quotes, keeping the seed's length so every offset still fits."""
    seed = next((app / "seeds").glob("*.txt"))
    text = seed.read_bytes().decode("utf-8")
    with (app / "data" / "figures.csv").open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    start, end = int(row["start"]), int(row["end"])
    word = next(re.finditer(r"[a-z]{5,}", text[start:end]))
    at = start + word.start()
    seed.write_bytes((text[:at] + word.group(0)[::-1].upper() + text[at + len(word.group(0)):]).encode("utf-8"))


# (break the copy, what the message must name)
CASES = {
    "figures-missing": (missing, ("data/figures.csv", "is missing")),
    "context-truncated": (truncated, ("data/context.csv", "row 3", "truncated")),
    "figures-value-not-a-number": (type_corrupted, ("data/figures.csv", "row 3", "column value", "'lots'")),
    "seed-edited": (seed_edited, ("data/figures.csv", "column quote", "edited")),
}


@pytest.fixture
def broken_app(tmp_path: Path, browser: Browser, shot: Shots) -> Iterator[Callable[[Callable[[Path], None]], Page]]:
    """Copy the app, break it, serve the copy, and open it; the copy's traffic is checked like any page's."""
    traffic = Traffic()
    servers: list[Server] = []
    with ExitStack() as stack:

        def _open(corrupt: Callable[[Path], None]) -> Page:
            app = copy_app(tmp_path / "app")
            corrupt(app)
            server = stack.enter_context(streamlit_server(app, tmp_path / "streamlit.log"))
            servers.append(server)
            context = new_context(browser, traffic)
            stack.callback(context.close)
            page = context.new_page()
            shot.pages.append(page)
            page.goto(server.url)
            wait_for_app(page, charts=0)
            return page

        yield _open
    for server in servers:
        assert not traffic.outside(server.origin), traffic.outside(server.origin)
        assert "Traceback" not in server.log(), server.log()
    assert not traffic.console_errors, traffic.console_errors


@pytest.mark.parametrize(("corrupt", "fragments"), list(CASES.values()), ids=list(CASES))
def test_broken_data_gives_a_clear_message_never_a_traceback(broken_app: Callable, shot: Shots,
                                                             corrupt: Callable[[Path], None],
                                                             fragments: tuple[str, ...]) -> None:
    page = broken_app(corrupt)
    error = page.get_by_test_id("stAlertContentError")
    expect(error).to_have_count(1)
    expect(error).to_contain_text("The dashboard's data cannot be trusted")
    for fragment in (*fragments, FIX):
        expect(error).to_contain_text(fragment)
    shot(page, "message", page.get_by_test_id("stAlert"))
    # must not: a traceback, an exception box, or any chart drawn from the data that failed its checks
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("Traceback")).to_have_count(0)
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    expect(page.locator("mark[id^='q-']")).to_have_count(0)
