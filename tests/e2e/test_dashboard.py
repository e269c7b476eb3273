"""The dashboard as a reader meets it: first load, click to focus, shared links, filter, download, article, map, phone.

Each scenario also checks one thing that must NOT happen (named `# must not:` below).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from components.countries import CENTRAL_ASIA, country_name
from components.indicators import BY_ID, VOTE

from .conftest import (
    PANEL_KEYS,
    ROOT,
    Server,
    Shots,
    Traffic,
    app_rerun,
    click_country,
    customdata,
    expect_focus,
    plot,
    runs,
    tick_labels,
    wait_for_app,
)

pytestmark = pytest.mark.e2e

with (ROOT / "data" / "figures.csv").open(encoding="utf-8", newline="") as fh:
    FIGURES = list(csv.DictReader(fh))
GRANTS = "panel-citizenship_grants"
IGNORED_NOTICE = "not recognised"


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query, keep_blank_values=True)


def expect_no_error_elements(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def reported(indicator: str, shown: tuple[str, ...] = CENTRAL_ASIA) -> list[str]:
    return [r["country_iso3"] for r in FIGURES if r["indicator"] == indicator and r["country_iso3"] in shown]


def test_first_load_draws_every_panel(open_page: Callable[..., Page], traffic: Traffic, shot: Shots) -> None:
    page = open_page(wait=False)
    wait_for_app(page, charts=None)
    expect_no_error_elements(page)
    wait_for_app(page)
    shot(page, "first-load")
    for key in (*PANEL_KEYS, "panel-map"):
        expect(plot(page, key)).to_be_visible()
        expect(plot(page, key).locator(".main-svg").first).to_be_visible()
    for key in PANEL_KEYS:
        expect(tick_labels(page, key)).to_have_count(len(CENTRAL_ASIA))
        assert sorted(tick_labels(page, key).all_text_contents()) == sorted(country_name(c) for c in CENTRAL_ASIA)
    for key in ("panel-migrant_workers", "panel-remittances_share_of_gdp", GRANTS):
        bars = reported(key.removeprefix("panel-"))
        expect(plot(page, key).locator(".bars .point")).to_have_count(len(bars))
        assert sorted(customdata(page, key)[0]) == sorted(bars)
    assert traffic.console_errors == []
    # must not: a focus nobody asked for (no marked country, no profile)
    expect_focus(page, None)


def test_click_on_a_bar_focuses_that_country_everywhere_and_a_second_click_clears_it(page: Page, shot: Shots) -> None:
    assert "TJK" in customdata(page, GRANTS)[0], "the bar to click must be a reported one"
    click_country(page, GRANTS, "TJK")
    expect(page).to_have_url(re.compile(r"[?&]focus=TJK(&|$)"))
    expect_focus(page, "TJK")
    # The others are dimmed: every migrant-worker bar but Tajikistan's is drawn at reduced opacity.
    opacity = plot(page, "panel-migrant_workers").locator(".bars .point path").evaluate_all(
        "els => els.map(e => e.__data__ ? [e.__data__.i, e.style.opacity] : null)")
    codes = customdata(page, "panel-migrant_workers")[0]
    assert {codes[i]: o for i, o in opacity} == {c: "1" if c == "TJK" else "0.35" for c in codes}
    shot(page, "focused-TJK")
    click_country(page, GRANTS, "TJK")
    # must not: the focus surviving a second click on the focused bar
    expect(page).not_to_have_url(re.compile(r"focus="))
    expect_focus(page, None)
    shot(page, "focus-cleared")


def test_focused_url_opened_in_a_new_context_shows_the_same_view(open_page: Callable[..., Page],
                                                                   app_server: Server, shot: Shots) -> None:
    first = open_page("?country=KAZ&country=TJK")
    click_country(first, "panel-un_ga_vote", "TJK")  # a vote marker, not a bar
    expect(first).to_have_url(re.compile(r"\?country=KAZ&country=TJK&focus=TJK$"))
    shot(first, "focused-from-vote")
    first.get_by_role("button", name="Share this view").click()
    share = first.get_by_test_id("stPopoverBody").get_by_test_id("stCode")
    expect(share).to_contain_text("focus=TJK")
    link = urlsplit(share.inner_text().strip())
    assert (link.netloc, link.path or "/", link.query) == (urlsplit(first.url).netloc, "/", urlsplit(first.url).query)

    second = open_page(first.url.removeprefix(app_server.url))
    expect_focus(second, "TJK", shown=("KAZ", "TJK"))
    for key in PANEL_KEYS:
        assert tick_labels(second, key).all_text_contents() == tick_labels(first, key).all_text_contents()
    expect(second).to_have_url(first.url)
    shot(second, "reopened")
    # must not: the reopened link being treated as partly unrecognised
    expect(second.get_by_text(IGNORED_NOTICE)).to_have_count(0)


def test_clear_focus_button(open_page: Callable[..., Page], shot: Shots) -> None:
    page = open_page("?focus=UZB")
    expect_focus(page, "UZB")
    clear = page.get_by_role("button", name="Clear focus")
    with app_rerun(page):
        clear.click()
    expect_focus(page, None)
    expect(page).not_to_have_url(re.compile("focus="))
    shot(page, "cleared")
    # must not: a clear button that still offers to clear
    expect(clear).to_be_disabled()


def test_filter_shows_only_the_chosen_countries(page: Page, shot: Shots) -> None:
    page.get_by_role("combobox", name="Countries to compare").click()
    for code in ("KGZ", "UZB"):
        with app_rerun(page):
            page.get_by_role("option", name=code, exact=True).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"\?country=KGZ&country=UZB$"))
    for key in PANEL_KEYS:
        expect(tick_labels(page, key)).to_have_count(2)
        assert sorted(tick_labels(page, key).all_text_contents()) == ["Kyrgyzstan", "Uzbekistan"]
    expect(plot(page, "panel-map").locator("path.choroplethlocation")).to_have_count(2)
    shot(page, "filtered-KGZ-UZB")
    # must not: a filtered-out country left in any chart or in the data table's download
    for key in (*PANEL_KEYS, "panel-map"):
        assert not {"KAZ", "TJK", "TKM"} & {c for trace in customdata(page, key) for c in trace}


def test_csv_download_holds_exactly_the_filtered_figures(open_page: Callable[..., Page], shot: Shots) -> None:
    page = open_page("?country=TJK&country=UZB")
    button = page.locator(".st-key-download_csv").get_by_role("button", name="Download these figures (CSV)")
    button.scroll_into_view_if_needed()
    shot(page, "data-view")
    with page.expect_download() as caught:
        button.click()
    download = caught.value
    assert download.suggested_filename == "figures.csv"
    text = download.path().read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == (ROOT / "data" / "figures.csv").read_text(encoding="utf-8").splitlines()[0]
    assert rows == [r for r in FIGURES if r["country_iso3"] in ("TJK", "UZB")]
    # must not: any other country's row
    assert {r["country_iso3"] for r in rows} == {"TJK", "UZB"}


def test_profile_link_highlights_the_figures_words_in_the_article(open_page: Callable[..., Page],
                                                                   shot: Shots) -> None:
    page = open_page("?focus=TJK")
    figure = next(r for r in FIGURES if r["indicator"] == "citizenship_grants" and r["country_iso3"] == "TJK")
    grants = page.get_by_role("rowheader", name="Russian citizenship grants")
    row = page.locator(".st-key-profile tr").filter(has=grants)
    expect(row.get_by_role("cell").first).to_have_text(figure["value_text"])
    link = row.get_by_role("link", name="Read it in the article")
    expect(link).to_have_attribute("href", f"#q-{figure['start']}")
    before = runs(page)
    link.click()
    expect(page).to_have_url(re.compile(rf"\?focus=TJK#q-{figure['start']}$"))
    mark = page.locator(f"mark#q-{figure['start']}")
    expect(mark).to_be_in_viewport()
    assert mark.evaluate("el => el.matches(':target')")
    assert mark.evaluate("el => el.textContent") == figure["quote"]
    expect(mark.locator("strong")).to_contain_text([figure["value_text"]])
    shot(page, "article-highlight", mark)
    # must not: following the link rerunning the app or losing the focus
    expect(page.locator("mark:target")).to_have_count(1)
    assert runs(page) == before
    expect_focus(page, "TJK")


def test_map_draws_from_the_apps_own_geometry_and_a_shape_click_focuses(page: Page, traffic: Traffic,
                                                                          app_server: Server, shot: Shots) -> None:
    world = plot(page, "panel-map")
    expect(world.locator("path.choroplethlocation")).to_have_count(len(CENTRAL_ASIA))
    geometry = app_server.url + "app/static/asia_110m.json"
    assert traffic.responses.get(geometry) == 200, sorted(traffic.responses)
    shot(page, "map", page.locator(".st-key-panel-map"))
    page.locator(".st-key-map_indicator").get_by_role("combobox").click()
    with app_rerun(page):
        page.get_by_role("option", name=BY_ID[VOTE].heading).click()
    expect(world.locator("path.choroplethlocation")).to_have_count(len(CENTRAL_ASIA))
    expect(world).to_contain_text("abstained")
    click_country(page, "panel-map", "KGZ")
    expect(page).to_have_url(re.compile(r"[?&]focus=KGZ(&|$)"))
    expect_focus(page, "KGZ")
    shot(page, "map-focused-KGZ", page.locator(".st-key-panel-map"))
    # must not: plotly fetching its geometry from its CDN
    assert not [u for u in traffic.requests if "cdn.plot.ly" in u or (u.endswith("_110m.json") and u != geometry)]


@pytest.mark.parametrize("view", ["", "?focus=TJK"], ids=["main", "focused"])
def test_phone_width_has_no_horizontal_scroll(open_page: Callable[..., Page], shot: Shots, view: str) -> None:
    page = open_page(view, width=375, height=812)
    widths = page.evaluate("""() => ['html', 'body', '[data-testid=stApp]', '[data-testid=stAppViewContainer]',
        '[data-testid=stMain]'].map(s => document.querySelector(s)).filter(Boolean)
        .map(e => [e.tagName + (e.dataset.testid ? '#' + e.dataset.testid : ''), e.scrollWidth, e.clientWidth])""")
    assert len(widths) == 5
    assert all(scroll <= client for _, scroll, client in widths), widths
    shot(page, "phone")
    # must not: a chart or the profile table wider than the screen (they would be cut off, not scrolled)
    for box in [*page.locator(".js-plotly-plot").all(), *page.locator("table.profile").all()]:
        box.scroll_into_view_if_needed()
        right = box.evaluate("el => el.getBoundingClientRect().right")
        assert right <= 375, f"{box} ends at {right}px"
    if view:
        shot(page, "phone-profile", page.locator(".st-key-profile"))


def test_lower_case_link_shows_the_canonical_view(open_page: Callable[..., Page]) -> None:
    page = open_page("?country=kaz&country=TJK&country=tjk&focus=tjk")
    expect_focus(page, "TJK", shown=("KAZ", "TJK"))
    # must not: counting a code written in lower case as unrecognised
    expect(page.get_by_text(IGNORED_NOTICE)).to_have_count(0)


def test_lower_case_link_is_rewritten_in_the_address_bar(open_page: Callable[..., Page]) -> None:
    page = open_page("?country=kaz&country=TJK&focus=tjk")
    expect_focus(page, "TJK", shown=("KAZ", "TJK"))
    expect(page).to_have_url(re.compile(r"\?country=KAZ&country=TJK&focus=TJK$"), timeout=5_000)


def test_rewritten_link_keeps_the_parameters_the_page_does_not_own(open_page: Callable[..., Page],
                                                                    shot: Shots) -> None:
    (source,) = [p.stem for p in (ROOT / "seeds").glob("*.txt")]
    page = open_page(f"?embed=true&utm_source=news-letter&focus=tjk&ref=a%20b&source={source.upper()}")
    expect_focus(page, "TJK")
    # The page's own parameters are rewritten in canonical form; the others stay, in place (Streamlit itself writes
    # the space as "+").
    expect(page).to_have_url(
        re.compile(rf"\?embed=true&utm_source=news-letter&ref=a(%20|\+)b&focus=TJK&source={source}$"), timeout=5_000)
    shot(page, "embedded")
    # must not: the page's chrome coming back (embed=true hides it), or the link's own values counted as ignored
    expect(page.get_by_test_id("stToolbar")).to_have_count(0)
    expect(page.get_by_text(IGNORED_NOTICE)).to_have_count(0)
    click_country(page, GRANTS, "KAZ")
    expect_focus(page, "KAZ")
    assert query(page) == {"embed": ["true"], "utm_source": ["news-letter"], "ref": ["a b"], "focus": ["KAZ"],
                           "source": [source]}, page.url
    page.get_by_role("button", name="Share this view").click()
    share = page.get_by_test_id("stPopoverBody").get_by_test_id("stCode")
    expect(share).to_contain_text(f"?focus=KAZ&source={source}")
    assert "utm_source" not in share.inner_text() and "embed" not in share.inner_text()


# --- many sources (the multi-article test corpus, tests/fixtures/multi) --------------------------------------------

def boxes_overlap(boxes: list[dict]) -> list[tuple[int, int]]:
    """Pairs of bounding boxes that intersect."""
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j
            and a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]]


def test_several_sources_mixed_years_two_votes_and_a_disagreement(open_multi_page: Callable[..., Page],
                                                                   shot: Shots) -> None:
    page = open_multi_page("?focus=TJK")
    grants = plot(page, GRANTS)
    expect(grants.locator(".gtitle")).to_contain_text("years differ (2020 to 2021)")
    expect(grants.locator("text.bartext").filter(has_text="70,100")).to_have_text("70,100 (2021)")
    expect(grants.locator(".annotation-text").filter(has_text="+2 more").first).to_be_visible()
    votes = plot(page, "panel-un_ga_vote")
    expect(votes.locator(".xtick text")).to_have_text(["ES-11/1March 2", "ES-11/2March 24"])
    expect(votes.locator("text").filter(has_text="≠")).to_have_count(1)
    profile = page.locator(".st-key-profile")
    expect(profile.locator(".differ")).to_have_count(2)
    for value in ("63,389", "61,000", "70,100"):
        expect(profile.locator(".fig").filter(has_text=value)).to_have_count(1)
    expect(profile.get_by_role("img", name=re.compile("every figure by year"))).to_be_visible()
    shot(page, "several-sources", profile)
    # must not: two sources' counts averaged into one number
    expect(profile).not_to_contain_text("62,194")


def test_a_profile_shows_the_other_articles_sentence_in_place(open_multi_page: Callable[..., Page],
                                                               shot: Shots) -> None:
    page = open_multi_page("?focus=TJK")
    row = page.locator(".st-key-profile tr").filter(has=page.locator(".fig", has_text="61,000"))
    opener = row.get_by_text("Read it in the article", exact=True)
    sentence = row.locator("details.ex mark")
    expect(sentence).to_be_hidden()
    before = runs(page)
    opener.click()
    expect(sentence).to_be_visible()  # the sentence in its paragraph, the figure in bold, where the reader is
    expect(sentence.locator("strong")).to_have_text("61,000")
    expect(row.locator("details.ex .from")).to_contain_text("Test Monitor (invented)")
    shot(page, "sentence-in-place", row)
    # must not: opening it rerunning the app, or the article view holding every article's text at once
    assert runs(page) == before
    expect(page.locator(".article mark[id]").first).to_be_attached()
    assert page.locator("[data-testid='stSelectbox']").filter(has_text="Open the article").count() == 1
    marks = page.locator(".article mark[id]")
    ids = {marks.nth(i).get_attribute("id") for i in range(marks.count())}
    assert ids and not [i for i in ids if i.startswith(("q-920-", "q-910-"))]  # only the first article is rendered


def test_a_shared_link_with_a_sources_filter(open_multi_page: Callable[..., Page], multi_server: Server,
                                              shot: Shots) -> None:
    first = open_multi_page("?source=910_FOLLOWUP_WORKERS.txt&focus=kgz")
    expect(first).to_have_url(re.compile(r"\?focus=KGZ&source=910_followup_workers$"), timeout=5_000)
    expect(first.locator(".st-key-source")).to_contain_text("Test Wire (invented)")
    expect(plot(first, "panel-migrant_workers").locator(".gtitle")).to_have_text("Migrant workers in Russia, 2022")
    shot(first, "filtered-by-source")
    first.get_by_role("button", name="Share this view").click()
    share = first.get_by_test_id("stPopoverBody").get_by_test_id("stCode")
    expect(share).to_contain_text("focus=KGZ&source=910_followup_workers")
    second = open_multi_page("?" + urlsplit(share.inner_text().strip()).query)
    expect(second.locator(".st-key-source")).to_contain_text("Test Wire (invented)")
    expect(plot(second, "panel-migrant_workers").locator(".gtitle")).to_have_text("Migrant workers in Russia, 2022")
    # must not: the other articles' figures (the original's 920,000 and 2.4 million workers)
    expect(plot(second, "panel-migrant_workers")).not_to_contain_text("920,000")
    expect(plot(second, "panel-migrant_workers")).not_to_contain_text("2.4 million")


def test_choosing_a_source_puts_it_in_the_address(open_multi_page: Callable[..., Page], shot: Shots) -> None:
    page = open_multi_page()
    page.get_by_role("combobox", name="Sources").click()
    with app_rerun(page):
        page.get_by_role("option", name=re.compile("^Test Monitor")).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"[?&]source=920_disputed_counts(&|$)"))
    expect(plot(page, GRANTS).locator(".gtitle")).to_have_text("Russian citizenship grants, 2020")
    shot(page, "chose-a-source")
    # must not: the vote grid of the other articles (the monitor reports one vote)
    expect(plot(page, "panel-un_ga_vote").locator(".xtick text")).to_have_count(0)


def test_one_article_page_has_no_source_noise(page: Page) -> None:
    expect(page.get_by_role("combobox", name="Countries to compare")).to_be_visible()
    # must not: a sources control, an article picker, "sources differ" or source lines under the bars
    expect(page.get_by_role("combobox", name="Sources")).to_have_count(0)
    expect(page.locator(".st-key-article")).to_have_count(0)
    expect(page.get_by_text("sources differ")).to_have_count(0)
    expect(plot(page, GRANTS).locator(".annotation-text")).to_have_count(0)


@pytest.mark.parametrize("opener", ["open_page", "open_multi_page"], ids=["one article", "several articles"])
def test_phone_map_labels_do_not_collide(request: pytest.FixtureRequest, opener: str, shot: Shots) -> None:
    page = request.getfixturevalue(opener)("", width=390, height=844)
    labels = plot(page, "panel-map").locator("g.trace.scattergeo text")
    expect(labels).to_have_count(len(CENTRAL_ASIA))
    labels.first.scroll_into_view_if_needed()
    boxes = [b for b in (t.bounding_box() for t in labels.all()) if b]
    assert len(boxes) == len(CENTRAL_ASIA)
    shot(page, "phone-map", page.locator(".st-key-panel-map"))
    assert not boxes_overlap(boxes), boxes
