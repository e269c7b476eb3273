"""Article view, profile, context list, summary and downloads: pure functions behind the page."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from html.parser import HTMLParser

import pytest

from components.indicators import BY_ID
from components.store import load_story, package_zip
from components.views.article import article_html, quote_anchor
from components.views.context import context_html, timeline
from components.views.downloads import figures_csv, filtered_figures
from components.views.labels import NOT_REPORTED
from components.views.profile import profile_html
from components.views.summary import summary_sentences
from tests.html_tree import parse


@pytest.fixture(scope="module")
def story():
    return load_story()


class Marks(HTMLParser):
    """Collects the text inside each <mark id=...>."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: dict[str, str] = {}
        self.current: str | None = None
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            self.current = dict(attrs)["id"]
            self.marks[self.current] = ""

    def handle_endtag(self, tag):
        if tag == "mark":
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.marks[self.current] += data


def parse_marks(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    return parser


def test_every_quote_is_highlighted_exactly(story):
    marks = parse_marks(article_html(story.seed_text, story.figures, story.context, {})).marks
    for frame in (story.figures, story.context):
        for row in frame.itertuples():
            assert marks[quote_anchor(row.start)] == row.quote


def test_article_text_is_complete_and_escaped(story):
    html = article_html(story.seed_text, story.figures, story.context, {})
    parser = parse_marks(html)
    assert set(parser.tags) <= {"p", "mark", "strong", "a"}
    text = re.sub(r"<[^>]+>", "", html)
    import html as html_lib

    plain = html_lib.unescape(text)
    expected = "".join(line for line in story.seed_text.split("\n") if line.strip())
    assert plain == expected


def test_article_escapes_markup_in_the_seed(story):
    seed = story.seed_text + "\n<script>alert(1)</script>"
    html = article_html(seed, story.figures, story.context, {})
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_back_links_lead_to_the_charts(story):
    html = article_html(story.seed_text, story.figures, story.context, {"migrant_workers": "panel-migrant_workers"})
    start = story.figures[story.figures["indicator"] == "migrant_workers"]["start"].iloc[0]
    assert re.search(rf'id="q-{start}">.*?</mark><a class="back" href="#panel-migrant_workers"', html)


def test_profile_lists_all_four_indicators_each_figure_in_its_cell_with_its_quote_link(story):
    rows = {r.find("th").text: r for r in parse(profile_html(story, "KAZ")).find("tbody").find_all("tr")}
    assert rows[BY_ID["migrant_workers"].heading].find("td", cls="v").text == NOT_REPORTED  # no migrant figure
    for row in story.figures[story.figures["country_iso3"] == "KAZ"].itertuples():
        cells = rows[BY_ID[row.indicator].heading]
        assert cells.find("td", cls="v").text == row.value_text
        assert cells.find("a").attrs["href"] == f"#q-{row.start}" and cells.find("q").text == row.quote


def test_profile_leaves_out_region_wide_facts(story):
    wide = story.context[story.context["countries"].str.count(";") >= 2]
    html = profile_html(story, "TJK")
    for row in wide.itertuples():
        assert row.label not in html


def test_context_lists_every_fact_with_its_value_and_quote_link(story):
    items = parse(context_html(story.context)).find_all("li")
    assert len(items) == len(story.context)
    for row in story.context.itertuples():
        item = next(i for i in items if i.find("a").attrs["href"] == f"#q-{row.start}" and row.label in i.text)
        assert item.find("strong", cls="fv").text == " ".join(p for p in (row.qualifier, row.value_text) if p)


def test_timeline_puts_years_in_order_and_undated_after(story):
    rows = timeline(story.context)
    years = [y for y in rows["year"] if y]
    assert years == sorted(years)
    assert list(rows["year"]).index(years[-1]) < len(rows) - 1 or not (rows["year"] == "").any()


def test_summary_numbers_come_from_the_figures(story):
    text = " ".join(summary_sentences(story.figures))
    for number in re.findall(r"\d[\d,.]*(?:\s+million)?%?", text):
        assert number.rstrip(".,") in set(story.figures["value_text"]) | set(story.figures["year"]) | {
            re.sub(r"\D", "", a) for a in story.figures["as_of"]}


@pytest.mark.parametrize("countries", [[], ["TJK"], ["KAZ", "TKM"]])
def test_csv_download_equals_the_filtered_table(story, countries):
    rows = filtered_figures(story.figures, countries)
    got = list(csv.DictReader(io.StringIO(figures_csv(rows).decode("utf-8"))))
    assert [r["country_iso3"] for r in got] == list(rows["country_iso3"])
    assert [r["quote"] for r in got] == list(rows["quote"])
    assert [int(r["start"]) for r in got] == list(rows["start"])
    if not countries:
        assert figures_csv(rows) == (story_root() / "data" / "figures.csv").read_bytes()


def story_root():
    from components.store import ROOT

    return ROOT


def test_package_zip_holds_data_and_seed_and_is_reproducible():
    first, second = package_zip(), package_zip()
    assert first == second
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert {"data/figures.csv", "data/context.csv", "data/datapackage.json"} <= set(names)
    assert any(n.startswith("seeds/") for n in names)
