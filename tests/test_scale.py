"""Scale: a page of many articles stays light — one article rendered at a time, long profiles grouped by year with
counts, each article on a page of its own in the static edition. Behaviour, not timings: tests/benchmark.py
--articles prints those.

TEST MATERIAL: the generated articles (tests/benchmark_extract.py) and the sentences written here are invented.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import random
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import store
from components.extract.pipeline import run as extract
from components.publish import build as publish
from components.views.context import NO_FACTS, context_html
from components.views.profile import MAX_GROUPS, MAX_ROWS, profile_html
from tests.benchmark_extract import _article
from tests.html_tree import parse
from tests.multi_fixture import MONITOR
from tests.multi_fixture import build as build_multi
from tests.story_builder import figure, story

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 600 * 1024  # bytes of index.html, gzipped


# --- the profile: many figures of one indicator ----------------------------------------------------------------------

def workers_story(years: list[int], per_year: int) -> store.Story:
    """`per_year` invented articles for each year, each giving Tajikistan's migrant workers for it: 1,000 times the
    year plus the article's number within the year (so the sources of a year differ)."""
    seeds, figures, articles = {}, [], []
    for year in years:
        for k in range(per_year):
            source = f"t{year}_{k}.txt"
            value = f"{year * 1000 + k:,}"
            quote = f"In {year}, {value} workers from Tajikistan were working in Russia."
            seeds[source] = f"Test material, invented.\n{quote}\n"
            figures.append(figure(seeds[source], source, "migrant_workers", "TJK", quote, value,
                                  value=float(year * 1000 + k), year=str(year)))
            articles.append({"source": source, "title": f"Test article {year} {k} (invented)",
                             "outlet": f"Test Outlet {k} (invented)", "published": f"{year + 1}-01-0{k + 1}"})
    return story(seeds, figures, [], articles)


def rows(html: str) -> list[tuple[str, str, str]]:
    """(first cell, figure cell, last cell) of each migrant-workers row of a profile table."""
    table = parse(html).find("table", cls="profile")
    return [(r.find("th").text, r.find("td", cls="v").text, r.find_all("td")[-1].text)
            for r in table.find("tbody").find_all("tr")
            if r.find_all("th") and r.find("th").text.startswith("Migrant workers") and "hidden" not in r.attrs]


def test_a_long_profile_gets_a_row_per_year_with_counts_and_a_way_to_the_rest():
    many = workers_story(list(range(2010, 2022)), 2)  # 12 years, 24 figures from 24 articles
    html = profile_html(many, "TJK")
    said = rows(html)
    assert len(said) == 1 + MAX_GROUPS == 9  # the 4 earliest years counted in one row, then one row per year
    assert said[0][0] == "Migrant workers in Russia2010 to 2013" and said[0][1] == "8 figures"
    assert "See them in the data view" in said[0][2]
    assert said[1][0] == "Migrant workers in Russia2014 · 2 figures from 2 articles"
    assert said[1][1] == "2,014,000 to 2,014,001sources differ"  # lowest and highest, in the articles' words
    assert "In 2014, 2,014,001 workers from Tajikistan" in said[1][2]  # the later article's sentence
    assert said[1][2].endswith("and 1 more figure in the data view")
    links = [a.attrs["href"] for a in parse(html).find_all("a", cls="more")]
    assert links == ["#data"] * MAX_GROUPS
    # one chart of each year's spread, not 24 lines
    chart = parse(html).find("img").attrs["alt"]
    assert chart.startswith("Migrant workers in Russia: the figures of each year. 2010: 2 figures, from 2,010,000 "
                            "to 2,010,001;")
    # must not: every figure listed, or an average
    assert html.count("<q>") == MAX_GROUPS and "2,014,000.5" not in html


def test_up_to_ten_figures_stay_listed_one_by_one():
    few = workers_story([2018, 2019, 2020, 2021, 2022], 2)  # 10 figures
    said = rows(profile_html(few, "TJK"))
    assert len(said) == MAX_ROWS == 10
    assert [s[1] for s in said[:2]] == ["2,018,000sources differ", "2,018,001sources differ"]
    assert not [s for s in said if "more figure" in s[2]]


def test_a_page_that_narrows_the_sources_keeps_every_row():
    # The static edition's sources filter hides rows by source: it needs every one of them.
    said = rows(profile_html(workers_story(list(range(2010, 2022)), 2), "TJK", filterable=True))
    assert len(said) == 24 and not [s for s in said if "figures from" in s[0]]


# --- the dashboard: one article at a time -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def multi_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build_multi(tmp_path_factory.mktemp("multi"))


def article_marks(at: AppTest) -> set[str]:
    """The ids of the highlights in the dashboard's article view."""
    block = next(h.proto.body for h in at.get("html") if ".article a.back" in h.proto.body)
    return {m.attrs["id"] for m in parse(block).find_all("mark")}


def test_the_article_view_renders_only_the_article_picked(multi_dirs, monkeypatch):
    monkeypatch.setattr(store, "DATA_DIR", multi_dirs[0])
    monkeypatch.setattr(store, "SEEDS_DIR", multi_dirs[1])
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    first = article_marks(at)
    assert first and all(not i.startswith(("q-910-", "q-920-")) for i in first)  # the first article, the original
    at.selectbox(key="article").set_value(MONITOR).run()
    picked = article_marks(at)
    assert picked and all(i.startswith("q-920-disputed-counts-") for i in picked)
    # must not: the article read before still on the page
    assert not picked & first


# --- a hundred generated articles -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """data/ and seeds/ of 100 generated articles (invented test material), extracted by the normal pipeline."""
    folder = tmp_path_factory.mktemp("generated")
    seeds, data = folder / "seeds", folder / "data"
    seeds.mkdir()
    rng = random.Random(100)
    for i in range(100):
        (seeds / f"gen_{i:05d}.txt").write_text(_article(rng), encoding="utf-8")
    with contextlib.redirect_stderr(io.StringIO()):  # notes on the shipped article's facts these do not state
        extract(seeds, data)
    return data, seeds


def test_articles_stating_no_other_fact_load_and_say_so(generated):
    loaded = store.load_story(*generated)
    assert loaded.context.empty and len(loaded.articles) == 100
    assert NO_FACTS in context_html(loaded.context, loaded.articles)


def test_static_edition_of_a_hundred_articles_stays_light_with_a_page_per_article(generated, tmp_path):
    index = publish.run(tmp_path / "site", *generated)
    page = index.read_bytes()
    assert len(gzip.compress(page, compresslevel=6)) <= BUDGET
    pages = sorted((tmp_path / "site" / "articles").glob("*.html"))
    assert len(pages) == 100
    root = parse(page.decode("utf-8"))
    profile = root.find("details", data_profile="TJK")
    links = [a.attrs["href"] for a in profile.find_all("a") if "#q-" in a.attrs["href"]]
    assert links and all(h.startswith("articles/gen_") for h in links)
    for link in links[:5]:  # each lands on its sentence, highlighted
        path, anchor = link.split("#")
        assert parse((tmp_path / "site" / path).read_text(encoding="utf-8")).find("mark", id=anchor)
    assert "more figures in the data (figures.csv)" in profile.text
    # must not: more than 40 articles' figures all in the page for a sources filter, or any article's text
    assert not root.find_all("input", name="source") and not root.find_all("mark")
    assert not [r for r in root.find_all("g", cls="row") if "alt" in r.classes]
    assert not [s for s in root.find_all("path", cls="shape") if "data-c-migrant_workers" in s.attrs]


def test_dashboard_on_a_hundred_articles_groups_the_profile(generated, monkeypatch):
    monkeypatch.setattr(store, "DATA_DIR", generated[0])
    monkeypatch.setattr(store, "SEEDS_DIR", generated[1])
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["focus"] = "TJK"
    at.run()
    assert not at.exception
    profile = parse(next(h.proto.body for h in at.get("html") if "class='profile'" in h.proto.body))
    grouped = profile.find_all("tr", cls="group")
    assert grouped and len(profile.find("tbody").find_all("tr")) <= 4 * (MAX_GROUPS + 2)
    assert "more figures in the data view" in profile.text
    assert len(article_marks(at)) < 40  # one article's highlights, not a hundred articles'


def test_static_edition_of_the_test_corpus_keeps_the_sources_filter_within_budget(tmp_path):
    data = tmp_path / "data"
    with contextlib.redirect_stderr(io.StringIO()):
        extract(ROOT / "tests" / "corpus" / "articles", data)
    index = publish.run(tmp_path / "site", data, ROOT / "tests" / "corpus" / "articles")
    page = index.read_bytes()
    assert len(gzip.compress(page, compresslevel=6)) <= BUDGET
    root = parse(page.decode("utf-8"))
    assert len(root.find_all("input", name="source")) == 30  # 30 articles: every figure in the page, filterable
    assert len(list((tmp_path / "site" / "articles").glob("*.html"))) == 30
