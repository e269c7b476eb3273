"""Many sources, one page: the views on the multi-article test corpus (tests/fixtures/multi, test material).

Expected values are written from reading the fixture articles, never computed by the code under test.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import store
from components.indicators import BY_ID, VOTE
from components.publish import build as publish
from components.views import plotly_charts, svg_charts
from components.views.profile import profile_html
from components.views.rows import panel_rows
from components.views.sources import include
from components.views.votes import vote_cells
from tests.html_tree import Node, parse
from tests.multi_fixture import FOLLOW_UP, MONITOR, build

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = "000_0ee909451b434f49"


@pytest.fixture(scope="module")
def dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build(tmp_path_factory.mktemp("multi"))


@pytest.fixture(scope="module")
def story(dirs) -> store.Story:
    return store.load_story(*dirs)


@pytest.fixture(scope="module")
def site(dirs, tmp_path_factory) -> Path:
    """The static edition built from the corpus: index.html and an article page per article."""
    return publish.run(tmp_path_factory.mktemp("site"), *dirs).parent


@pytest.fixture(scope="module")
def page(story, tmp_path_factory) -> Node:
    return parse(publish.render_page(story, publish.build_panels(story)))


def latest(story, indicator: str) -> dict[str, tuple[str, str, int]]:
    rows = panel_rows(story.figures, indicator, [], story.articles)
    return {r.country_iso3: (r.label, r.source.removesuffix(".txt"), r.more) for r in rows.itertuples() if r.reported}


# --- panels: the most recent figure, its year and source, how many more --------------------------------------------

def test_panel_shows_each_countrys_most_recent_figure_with_its_year(story):
    assert latest(story, "citizenship_grants") == {
        "KAZ": ("about 40,200 (2021)", FOLLOW_UP, 2), "KGZ": ("11,865 (2020)", ORIGINAL, 0),
        "TJK": ("70,100 (2021)", FOLLOW_UP, 2), "UZB": ("23,131 (2020)", ORIGINAL, 0)}
    assert latest(story, "migrant_workers") == {
        "KGZ": ("between 800,000 and 950,000 (2022)", FOLLOW_UP, 1), "TJK": ("2.4 million (2021)", ORIGINAL, 0),
        "UZB": ("3.9 million (2022)", FOLLOW_UP, 1)}


def test_with_no_year_the_later_article_wins_and_no_year_is_claimed(story):
    # Both articles give Tajikistan's remittance share with no year; the follow-up is the later article.
    assert latest(story, "remittances_share_of_gdp") == {"KGZ": ("28%", ORIGINAL, 0), "TJK": ("32%", FOLLOW_UP, 1)}
    title = plotly_charts.indicator_chart(story.figures, "remittances_share_of_gdp", [], None, story.articles)
    assert "year not stated" in title.layout.title.text.replace("<br>", " ")


def test_mixed_years_are_said_in_the_title_and_on_every_bar(story, page):
    fig = plotly_charts.indicator_chart(story.figures, "citizenship_grants", [], None, story.articles)
    assert fig.layout.title.text.replace("<br>", " ") == (
        "Russian citizenship grants: latest figures, years differ (2020 to 2021)")
    bars = next(t for t in fig.data if t.type == "bar")
    assert all(re.search(r"\((2020|2021)\)$", text) for text in bars.text)
    panel = page.find("section", id="panel-citizenship_grants")
    assert panel.find("h3").text == "Russian citizenship grants: latest figures, years differ (2020 to 2021)"
    assert "mixed" in panel.find("svg", cls="chart").classes  # the stylesheet shows each row's year
    shown = [r for r in panel.find_all("g", cls="row") if "alt" not in r.classes and "none" not in r.classes]
    assert [r.find("tspan", cls="yr").text for r in shown] == [" (2021)", " (2020)", " (2021)", " (2020)"]


def test_bars_name_their_source_and_count_the_other_figures(story, page):
    fig = plotly_charts.indicator_chart(story.figures, "citizenship_grants", [], None, story.articles)
    notes = {a.y: a.text for a in fig.layout.annotations}
    assert notes == {"KAZ": "Test Wire (invented) · +2 more", "KGZ": "The Moscow Times",
                     "TJK": "Test Wire (invented) · +2 more", "UZB": "The Moscow Times"}
    rows = {r.attrs["data-iso"]: r for r in page.find("section", id="panel-citizenship_grants").find_all("g", cls="row")
            if "alt" not in r.classes and "none" not in r.classes}
    assert rows["TJK"].find("text", cls="meta").text == "Test Wire (invented) · +2 more"


def test_a_range_is_drawn_from_its_low_to_its_high_end_never_averaged(story, page):
    fig = plotly_charts.indicator_chart(story.figures, "migrant_workers", [], None, story.articles)
    span = next(t for t in fig.data if t.name == "range")
    assert list(span.customdata) == ["KGZ"] and list(span.base) == [800000.0] and list(span.x) == [150000.0]
    assert "875000" not in json.dumps(fig.to_plotly_json(), default=str)
    bar = next(r for r in page.find("section", id="panel-migrant_workers").find_all("g", cls="row")
               if r.attrs["data-iso"] == "KGZ" and "alt" not in r.classes).find("rect", cls="range")
    # One scale for every figure a row may show, so bars keep their lengths when the reader narrows the sources:
    # the longest is the original's 4.5 million for Uzbekistan.
    top = 4500000.0
    assert float(bar.attrs["x"].rstrip("%")) == pytest.approx(svg_charts.BAR_SPAN * 800000 / top, abs=0.01)
    assert float(bar.attrs["width"].rstrip("%")) == pytest.approx(svg_charts.BAR_SPAN * 150000 / top, abs=0.01)


# --- votes: countries × votes, disagreements both shown -----------------------------------------------------------

def test_votes_are_a_grid_by_date_with_both_positions_where_sources_differ(story, page):
    cells = vote_cells(story.figures, [], story.articles)
    assert list(dict.fromkeys(cells["vote_label"])) == ["ES-11/1, March 2", "ES-11/2, March 24"]
    kgz = cells[(cells["country_iso3"] == "KGZ") & (cells["vote_label"] == "ES-11/1, March 2")]
    assert sorted(kgz["position"]) == ["abstained", "against"] and kgz["disputed"].all()
    assert not cells.loc[cells["country_iso3"] != "KGZ", "disputed"].any()
    fig = plotly_charts.vote_chart(story.figures, [], None, story.articles)
    assert list(fig.layout.xaxis.ticktext) == ["ES-11/1<br>March 2", "ES-11/2<br>March 24"]
    assert fig.layout.xaxis.tickangle == 0  # upright heads, never tilted into the title
    words = next(t for t in fig.data if t.name == "words")
    assert "against /<br>abstained ≠" in list(words.text)
    panel = page.find("section", id="panel-un_ga_vote")
    assert [h.text for h in panel.find_all("text", cls="vh")] == ["ES-11/1March 2", "ES-11/2March 24"]
    cell = next(c for c in panel.find_all("g", cls="cell") if c.attrs["data-cell"] == "KGZ|ES-11/1, March 2")
    assert "differ" in cell.classes
    assert [m.find("title").text for m in cell.find_all("svg", cls="pos") if "none" not in m.classes] == [
        "against", "abstained"]
    note = panel.find("ul", cls="differ-note").text
    assert "against (Test Monitor (invented))" in note and "abstained (The Moscow Times)" in note


# --- the profile: every figure, by year, "sources differ", a line chart ----------------------------------------------

def profile_rows(html: str) -> list[tuple[str, str, bool]]:
    out = []
    for tr in parse(html).find("tbody").find_all("tr"):
        if tr.attrs.get("data-ind") == "citizenship_grants" and "none" not in tr.classes:
            out.append((tr.find("span", cls="when").text, tr.find("span", cls="fig").text,
                        bool(tr.find_all("span", cls="differ"))))
    return out


def test_profile_lists_every_figure_by_year_and_says_where_sources_differ(story):
    assert profile_rows(profile_html(story, "TJK", filterable=True)) == [
        ("2020 · The Moscow Times", "63,389", True),
        ("2020 · Test Monitor (invented), 2022-04-01", "61,000", True),
        ("2021 · Test Wire (invented), 2023-02-10", "70,100", False)]


def test_sources_agreeing_are_not_marked(story):
    # Both the original and the monitor give Kazakhstan 43,404 for 2020: no disagreement to show.
    rows = profile_rows(profile_html(story, "KAZ", filterable=True))
    assert rows[:2] == [("2020 · The Moscow Times", "43,404", False),
                        ("2020 · Test Monitor (invented), 2022-04-01", "43,404", False)]


def test_profile_links_each_figure_to_its_own_articles_page(site):
    page = parse((site / "index.html").read_text(encoding="utf-8"))
    profile = page.find("details", data_profile="TJK")
    links = [a.attrs["href"] for a in profile.find_all("a") if "#q-" in a.attrs["href"]]
    assert any(h.startswith(f"articles/{MONITOR}.html#q-920-disputed-counts-") for h in links)
    assert any(h.startswith(f"articles/{FOLLOW_UP}.html#q-910-followup-workers-") for h in links)
    assert any(h.startswith(f"articles/{ORIGINAL}.html#q-") for h in links)
    for link in links:  # every link lands on a highlighted sentence of that article's page
        path, anchor = link.split("#")
        assert parse((site / path).read_text(encoding="utf-8")).find("mark", id=anchor)
    assert not page.find_all("mark")  # the main page holds no article's text


def test_dashboard_profile_shows_each_sentence_in_place(story):
    # The dashboard holds one article at a time, so a figure's sentence opens in its paragraph, in the profile.
    table = parse(profile_html(story, "TJK", quotes="excerpt")).find("table", cls="profile")
    row = next(r for r in table.find_all("tr") if r.find_all("span", cls="fig")
               and r.find("span", cls="fig").text == "61,000")
    shown = row.find("details", cls="ex")
    assert shown.find("summary").text == "Read it in the article"
    assert shown.find("mark").text == row.find("q").text and shown.find("mark").find("strong").text == "61,000"
    assert "Test Monitor (invented)" in shown.find("p", cls="from").text
    assert not [a for a in row.find_all("a") if a.attrs["href"].startswith("#q-")]  # no link to a sentence not shown


def test_a_line_chart_where_a_quantity_has_two_years(story):
    root = parse(profile_html(story, "TJK", filterable=True))
    charts = root.find_all("svg", role="img")
    assert len(charts) == 1  # citizenship (2020, 2021); not migrants (2021 only) nor remittances (no year)
    label = charts[0].attrs["aria-label"]
    assert label.startswith("Russian citizenship grants: every figure by year.")
    assert "2020: 63,389 (The Moscow Times)" in label and "2020: 61,000 (Test Monitor (invented))" in label
    # The dashboard shows the same chart as an image (its HTML sanitiser drops inline SVG).
    image = parse(profile_html(story, "TJK")).find("img")
    assert image.attrs["alt"] == label and image.attrs["src"].startswith("data:image/svg+xml;base64,")


# --- the sources filter ---------------------------------------------------------------------------------------------

def test_choosing_sources_narrows_every_view(story):
    narrow = include(story, [FOLLOW_UP])
    assert set(narrow.figures["source"]) == {f"{FOLLOW_UP}.txt"} and len(narrow.articles) == 1
    assert latest(narrow, "citizenship_grants") == {"KAZ": ("about 40,200", FOLLOW_UP, 0),
                                                     "TJK": ("70,100", FOLLOW_UP, 0)}
    assert include(story, []) is story and include(story, [ORIGINAL, FOLLOW_UP, MONITOR]) is story


def test_static_page_offers_the_sources_and_every_figure_for_the_script(story, page):
    assert [b.attrs["value"] for b in page.find_all("input", name="source")] == [ORIGINAL, FOLLOW_UP, MONITOR]
    rows = [r for r in page.find("section", id="panel-citizenship_grants").find_all("g", cls="row")
            if r.attrs["data-iso"] == "TJK"]
    assert [(r.attrs["data-src"], r.attrs.get("data-year"), "alt" in r.classes) for r in rows] == [
        # Most recent first: 2021, then 2020 from the dated monitor before 2020 from the undated original.
        (FOLLOW_UP, "2021", False), (MONITOR, "2020", True), (ORIGINAL, "2020", True), ("", None, True)]


# --- the dashboard on the corpus (AppTest) ---------------------------------------------------------------------------

def run_app(dirs, monkeypatch, **params) -> AppTest:
    monkeypatch.setattr(store, "DATA_DIR", dirs[0])
    monkeypatch.setattr(store, "SEEDS_DIR", dirs[1])
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def chart_specs(at: AppTest) -> dict[str, dict]:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {s["layout"]["title"]["text"].replace("<br>", " "): s for s in specs}


def test_app_shows_mixed_years_a_disagreement_and_two_votes(dirs, monkeypatch):
    at = run_app(dirs, monkeypatch, focus="TJK")
    titles = list(chart_specs(at))
    assert "Russian citizenship grants: latest figures, years differ (2020 to 2021)" in titles
    assert "UN General Assembly votes on Russia's war: 2 votes" in titles
    profile = next(h.proto.body for h in at.get("html") if "class='profile'" in h.proto.body)
    assert profile.count("sources differ") == 2
    captions = " ".join(c.value for c in at.caption)
    assert "≠ Sources differ: Kyrgyzstan, ES-11/1, March 2: against (Test Monitor (invented)) or abstained" in captions
    assert at.multiselect(key="source").value == []  # every source by default
    assert at.selectbox(key="article").options  # the reader can pick an article


def test_app_opens_a_shared_link_with_a_sources_filter(dirs, monkeypatch):
    at = run_app(dirs, monkeypatch, source=f"{FOLLOW_UP.upper()}.txt", focus="kgz")
    assert at.multiselect(key="source").value == [FOLLOW_UP]
    assert at.selectbox(key="focus").value == "KGZ"
    titles = list(chart_specs(at))
    assert "Migrant workers in Russia, 2022" in titles  # only the follow-up's figures: one year
    migrants = chart_specs(at)["Migrant workers in Russia, 2022"]
    assert "920,000" not in json.dumps(migrants)  # the original article's figure is left out
    assert any(f"source={FOLLOW_UP}" in c.value for c in at.code)  # the share link keeps the choice
    assert not [i for i in at.info if "not recognised" in i.value]


def test_app_choosing_a_source_in_the_control(dirs, monkeypatch):
    at = run_app(dirs, monkeypatch)
    at.multiselect(key="source").set_value([MONITOR]).run()
    assert not at.exception
    assert at.query_params["source"] in (MONITOR, [MONITOR])
    assert "Russian citizenship grants, 2020" in chart_specs(at)


def test_app_with_one_article_shows_no_source_noise():
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert not [w for w in at.multiselect if w.key == "source"]
    assert not [w for w in at.selectbox if w.key == "article"]
    text = " ".join([c.value for c in at.caption] + [h.proto.body for h in at.get("html")])
    assert "sources differ" not in text.lower() and "more in" not in text and "Sources:" not in text
    for spec in chart_specs(at).values():
        assert not spec["layout"].get("annotations")  # no source lines under bars


def test_static_page_with_one_article_shows_no_source_noise(tmp_path):
    page = parse(publish.run(tmp_path / "site").read_text(encoding="utf-8"))
    assert not page.find_all("input", name="source") and not page.find_all("details", cls="art")
    assert not page.find_all("text", cls="meta") and not page.find_all("ul", cls="differ-note")
    assert not [s for s in page.find_all("svg", cls="chart") if "mixed" in s.classes]
    assert "Sources:" not in page.find("p", cls="source").text
    assert not [r for r in page.find_all("g", cls="row") if "alt" in r.classes]
    assert BY_ID[VOTE].heading in page.find("section", id="panel-un_ga_vote").find("h3").text


def test_static_edition_with_several_sources_stays_within_budget(dirs, tmp_path):
    out = publish.run(tmp_path / "site", *dirs).parent
    files = [p for p in out.rglob("*") if p.is_file()]
    zipped = sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in files)
    print(f"site/ with {len(list(dirs[1].glob('*.txt')))} articles: {zipped / 1024:.1f} KB gzipped")
    assert zipped <= 600 * 1024
