"""The static edition in headless Chromium: linked focus, filter and URL, hostile links, one origin, phone width."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from components.countries import CENTRAL_ASIA, country_name
from components.publish import build as publish
from components.store import load_context, load_figures
from components.views.anchors import CONTEXT
from components.views.labels import PANELS
from tests.multi_fixture import FOLLOW_UP, MONITOR, build

ORIGINAL = "000_0ee909451b434f49"

pytestmark = pytest.mark.e2e

ON, DIM, OUT = re.compile(r"(^|\s)on(\s|$)"), re.compile(r"(^|\s)dim(\s|$)"), re.compile(r"(^|\s)out(\s|$)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def static_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The page built by components.publish, served from a free loopback port."""
    out: Path = tmp_path_factory.mktemp("static-site")
    publish.run(out)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


class Visit:
    """A fresh browser context that records every request and every dialog the page opens."""

    def __init__(self, browser: Browser, width: int = 1280, javascript: bool = True) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def assert_one_origin(self, base: str) -> None:
        origin = urlsplit(base)[:2]
        outside = [u for u in self.requests if urlsplit(u)[:2] != origin]
        assert self.requests and not outside, f"requests left the page's origin: {outside}"
        assert not self.errors, self.errors


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    opened: list[Visit] = []

    def _open(**kwargs) -> Visit:
        v = Visit(browser, **kwargs)
        opened.append(v)
        return v

    yield _open
    for v in opened:
        v.context.close()


def expect_shown(locator, shown: bool) -> None:
    if shown:
        expect(locator).to_be_visible()
    else:
        expect(locator).to_be_hidden()


def expect_focus(page: Page, iso3: str | None) -> None:
    """Every panel and the map: the focused country marked (class and aria-pressed), the others dimmed."""
    for indicator in PANELS:
        for code in CENTRAL_ASIA:
            row = page.locator(f'#panel-{indicator} g.row[data-iso="{code}"]')
            if iso3 is None:
                expect(row).not_to_have_class(ON)
                expect(row).not_to_have_class(DIM)
            elif code == iso3:
                expect(row).to_have_class(ON)
                expect(row).to_have_attribute("aria-pressed", "true")
                expect(row.locator(".fm")).to_be_visible()  # the arrow: focus is not shown by colour alone
            else:
                expect(row).to_have_class(DIM)
                expect(row).to_have_attribute("aria-pressed", "false")
    for code in CENTRAL_ASIA:
        shape = page.locator(f'.map .shape[data-iso="{code}"]')
        if code == iso3:
            expect(shape).to_have_class(ON)
        elif iso3:
            expect(shape).to_have_class(DIM)
        else:
            expect(shape).not_to_have_class(DIM)
    if iso3:
        expect(page.locator(f"#profile-{iso3}")).to_be_visible()
        expect(page.locator(f"#profile-{iso3}")).to_have_attribute("open", "")
        for code in CENTRAL_ASIA:
            if code != iso3:
                expect(page.locator(f"#profile-{code}")).to_be_hidden()
        expect(page.locator("#status")).to_contain_text(f"In focus: {country_name(iso3)}")


def click_map(page: Page, iso3: str) -> None:
    """A real mouse click on the map at the state's label point (its centroid), where its shape is."""
    page.locator(".map").scroll_into_view_if_needed()
    x, y = page.evaluate("""(code) => {
        const label = document.querySelector(`.map .lbl[data-iso="${code}"]`);
        const svg = label.ownerSVGElement, p = svg.createSVGPoint();
        p.x = Number(label.getAttribute("x")); p.y = Number(label.getAttribute("y"));
        const s = p.matrixTransform(svg.getScreenCTM());
        return [s.x, s.y];
    }""", iso3)
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).dataset.iso", [x, y]) == iso3
    page.mouse.click(x, y)


def test_click_focuses_every_panel_and_the_link_reopens_it(static_site, visit):
    first = visit()
    page = first.page
    page.goto(static_site)
    expect_focus(page, None)
    target = CENTRAL_ASIA[2]
    page.locator(f'#panel-{PANELS[0]} g.row[data-iso="{target}"]').click()
    expect(page).to_have_url(re.compile(rf"[?&]focus={target}(&|$)"))
    expect_focus(page, target)
    shared = page.url
    first.assert_one_origin(static_site)

    second = visit()
    second.page.goto(shared)
    expect_focus(second.page, target)
    expect(second.page).to_have_url(shared)

    # The same country again (here on the map) clears the focus everywhere, and from the link.
    click_map(page, target)
    expect(page).not_to_have_url(re.compile(r"focus="))
    expect_focus(page, None)
    second.assert_one_origin(static_site)


def test_keyboard_and_clear_button(static_site, visit):
    v = visit()
    page = v.page
    page.goto(static_site)
    target = CENTRAL_ASIA[-1]
    page.locator(f'#panel-{PANELS[-1]} g.row[data-iso="{target}"]').focus()
    page.keyboard.press("Enter")
    expect_focus(page, target)
    page.get_by_role("button", name="Clear focus").click()
    expect_focus(page, None)
    expect(page).not_to_have_url(re.compile(r"focus="))
    v.assert_one_origin(static_site)


def test_filter_checkboxes_hide_rows_and_live_in_the_url(static_site, visit):
    v = visit()
    page = v.page
    page.goto(static_site)
    chosen = [CENTRAL_ASIA[0], CENTRAL_ASIA[2]]
    for code in chosen:
        page.get_by_role("checkbox", name=country_name(code)).check()
    expect(page).to_have_url(re.compile(r"\?" + "&".join(f"country={c}" for c in chosen) + "$"))
    for indicator in PANELS:
        for code in CENTRAL_ASIA:
            expect_shown(page.locator(f'#panel-{indicator} g.row[data-iso="{code}"]'), code in chosen)
        height = page.locator(f"#panel-{indicator} svg.chart").get_attribute("height")
        step = page.locator(f"#panel-{indicator} svg.chart").get_attribute("data-row")
        assert int(height) == len(chosen) * int(step) + 4  # the rows close up, no gaps
    for code in CENTRAL_ASIA:
        expect_shown(page.locator(f"#profile-{code}"), code in chosen)
    # Unticking everything means all five again.
    for code in chosen:
        page.get_by_role("checkbox", name=country_name(code)).uncheck()
    expect(page).not_to_have_url(re.compile(r"country="))
    expect(page.locator(f'#panel-{PANELS[0]} g.row:not(.out)')).to_have_count(len(CENTRAL_ASIA))
    v.assert_one_origin(static_site)


def test_hostile_link_is_ignored_never_rendered(static_site, visit):
    v = visit()
    page = v.page
    hostile = "<img src=x onerror=alert(1)>"
    keep = CENTRAL_ASIA[2]
    page.goto(f"{static_site}?focus={quote(hostile)}&country=zzz&country={keep.lower()}")
    expect(page.locator("#notice")).to_be_visible()
    expect(page.locator("#notice")).to_have_text("Ignored 2 unrecognised value(s) in the link.")
    expect(page).to_have_url(re.compile(rf"\?country={keep}$"))
    expect(page.locator("img")).to_have_count(0)
    assert "onerror" not in page.content()
    for indicator in PANELS:
        for code in CENTRAL_ASIA:
            expect_shown(page.locator(f'#panel-{indicator} g.row[data-iso="{code}"]'), code == keep)
    expect(page.get_by_role("checkbox", name=country_name(keep))).to_be_checked()
    assert not v.dialogs
    v.assert_one_origin(static_site)


def test_case_insensitive_link_is_normalised(static_site, visit):
    v = visit()
    page = v.page
    first, second = CENTRAL_ASIA[3], CENTRAL_ASIA[1]
    page.goto(f"{static_site}?country={first.lower()}&country={second.title()}&focus={second.lower()}")
    expect(page).to_have_url(re.compile(rf"\?country={second}&country={first}&focus={second}$"))
    expect(page.locator("#notice")).to_be_hidden()
    expect(page.locator(f'#panel-{PANELS[1]} g.row[data-iso="{second}"]')).to_have_class(ON)


def test_map_switches_indicator(static_site, visit):
    v = visit()
    page = v.page
    page.goto(static_site)
    figures = load_figures()
    for indicator in PANELS:
        page.get_by_label("Shade the map by").select_option(indicator)
        mine = figures[figures["indicator"] == indicator].set_index("country_iso3")
        for code in CENTRAL_ASIA:
            label = page.locator(f'.map .lbl[data-iso="{code}"] .lv:not(.lv2)')
            if code in mine.index:
                expect(label).to_have_text(mine.loc[code, "position"] or mine.loc[code, "value_text"])
            else:
                expect(label).to_have_text("not reported")
                expect(page.locator(f'.map .shape[data-iso="{code}"]')).to_have_attribute("fill", "url(#hatch)")


def test_phone_width_has_no_horizontal_scroll(static_site, visit):
    v = visit(width=375)
    page = v.page
    page.goto(f"{static_site}?country=KAZ&country=TJK&focus=TJK")
    expect(page.locator("#status")).to_contain_text("In focus")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.goto(static_site)
    expect(page.locator("#status")).to_contain_text("Showing")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    v.assert_one_origin(static_site)


def test_reads_with_javascript_off(static_site, visit):
    v = visit(javascript=False)
    page = v.page
    page.goto(static_site)
    figures = load_figures()
    for r in figures.itertuples():
        expect(page.locator(f'#panel-{r.indicator} g.row[data-iso="{r.country_iso3}"]')).to_contain_text(r.value_text)
    expect(page.locator("fieldset").first).to_be_hidden()  # controls that need the script are not offered
    v.assert_one_origin(static_site)


@pytest.mark.parametrize("query", ["", "?country=KAZ&country=TJK&focus=TJK", "?focus=zzz&country=UZB"])
@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violations(static_site, visit, query, width):
    from axe_playwright_python.sync_playwright import Axe

    v = visit(width=width)
    v.page.goto(static_site + query)
    expect(v.page.locator("#status")).to_contain_text("Showing")
    results = Axe().run(v.page)
    assert results.violations_count == 0, [(x["id"], [n["target"] for n in x["nodes"]])
                                           for x in results.response["violations"]]


# --- many sources (the multi-article test corpus, tests/fixtures/multi) --------------------------------------------

def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


@pytest.fixture(scope="module")
def multi_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """data/ and seeds/ of the multi-article test corpus."""
    return build(tmp_path_factory.mktemp("multi"))


@pytest.fixture(scope="module")
def multi_site(tmp_path_factory: pytest.TempPathFactory, multi_dirs) -> Iterator[str]:
    """The static edition built from the multi-article test corpus, served from a free loopback port."""
    data, seeds = multi_dirs
    out = tmp_path_factory.mktemp("multi-site")
    publish.run(out, data, seeds)
    url, server = serve(out)
    yield url
    server.shutdown()
    server.server_close()


def visible_rows(page: Page, indicator: str, iso3: str):
    return page.locator(f'#panel-{indicator} g.row[data-iso="{iso3}"]:not(.alt)')


def test_static_sources_filter_lives_in_the_url_and_reopens(multi_site, visit):
    v = visit()
    page = v.page
    page.goto(multi_site)
    grants = page.locator("#panel-citizenship_grants h3")
    expect(grants).to_have_text("Russian citizenship grants: latest figures, years differ (2020 to 2021)")
    page.get_by_role("checkbox", name=re.compile("^Test Wire")).check()
    expect(page).to_have_url(re.compile(r"\?source=910_followup_workers$"))
    expect(grants).to_have_text("Russian citizenship grants, 2021")
    expect(visible_rows(page, "citizenship_grants", "TJK")).to_contain_text("70,100")
    expect(visible_rows(page, "citizenship_grants", "KGZ")).to_contain_text("not reported in the article")
    expect(page.locator("#map-title")).to_have_text("Migrant workers in Russia, 2022")
    shared = page.url
    second = visit()
    second.page.goto(shared)
    expect(second.page.locator("#panel-citizenship_grants h3")).to_have_text("Russian citizenship grants, 2021")
    expect(second.page.get_by_role("checkbox", name=re.compile("^Test Wire"))).to_be_checked()
    # must not: a figure of an article left out (the original's 2020 count for Kyrgyzstan, 11,865)
    expect(page.locator("#panel-citizenship_grants g.row:not(.alt)").filter(has_text="11,865")).to_have_count(0)
    v.assert_one_origin(multi_site)
    second.assert_one_origin(multi_site)


def test_static_disagreements_show_both_and_go_when_one_source_is_left(multi_site, visit):
    v = visit()
    page = v.page
    page.goto(f"{multi_site}?focus=TJK")
    profile = page.locator("#profile-TJK")
    expect(profile.locator(".differ:visible")).to_have_count(2)
    cell = page.locator('#panel-un_ga_vote g.cell[data-cell="KGZ|ES-11/1, March 2"]')
    expect(cell).to_have_class(re.compile(r"\bdiffer\b"))
    expect(cell.locator("svg.pos:not(.alt):not(.none)")).to_have_count(2)
    expect(page.locator("#panel-un_ga_vote .differ-note")).to_be_visible()
    page.get_by_role("checkbox", name=re.compile("^The Moscow Times")).check()
    expect(profile.locator(".differ:visible")).to_have_count(0)
    expect(cell.locator("svg.pos:not(.alt):not(.none)")).to_have_count(1)
    expect(page.locator("#panel-un_ga_vote .differ-note")).to_be_hidden()
    # must not: the other sources' figures left in the profile
    expect(profile.locator("tr[data-src]:visible").filter(has_text="61,000")).to_have_count(0)
    expect(profile.locator(".trend g[data-src]:visible").filter(has_text="61,000")).to_have_count(0)
    v.assert_one_origin(multi_site)


def test_static_several_sources_read_with_javascript_off(multi_site, visit):
    v = visit(javascript=False)
    page = v.page
    page.goto(multi_site)
    expect(visible_rows(page, "citizenship_grants", "TJK")).to_have_text(re.compile(r"70,100 \(2021\)"))
    expect(page.locator("#panel-un_ga_vote text.vh")).to_have_count(2)
    expect(page.locator("#profile-TJK .differ")).to_have_count(2)
    expect(page.locator("ul.arts li a")).to_have_count(3)  # each article on a page of its own
    expect(page.locator("mark")).to_have_count(0)
    # must not: a hidden alternative figure shown beside the most recent one
    expect(visible_rows(page, "citizenship_grants", "TJK")).to_have_count(1)
    v.assert_one_origin(multi_site)


SUMMARY_FOLLOW_UP = ("Russia counted 3.9 million workers from Uzbekistan in 2022, and money sent home from work "
                     "abroad, mostly from Russia, equals 32% of Tajikistan's GDP. Yet in the UN General Assembly's "
                     "vote ES-11/2, March 24, Kazakhstan, Kyrgyzstan and Tajikistan abstained; Uzbekistan and "
                     "Turkmenistan did not vote.")  # read from tests/fixtures/multi/910_followup_workers.txt


def told(page: Page) -> dict[str, str]:
    """What the page says above and under its panels: summary, credit line, each panel's and the map's source."""
    said = {"summary": page.locator("#summary").inner_text(), "credit": page.locator("#credit").inner_text(),
            "map": page.locator("#map-src").inner_text()}
    return said | {i: page.locator(f"#panel-{i} p.src").inner_text() for i in PANELS}


def python_told(story, chosen: list[str]) -> dict[str, str]:
    """The same, as the views write it for the story of the chosen sources (the dashboard's header and captions)."""
    from components.views.labels import source_line
    from components.views.sources import credit, include
    from components.views.summary import summary_sentences

    narrow = include(story, chosen)
    outlet = story.article.get("outlet", "")
    lines = {i: source_line(i, narrow.figures, outlet, narrow.articles) for i in PANELS}
    return {"summary": " ".join(summary_sentences(narrow.figures, narrow.articles)), "credit": credit(narrow),
            "map": lines[PANELS[0]]} | lines


def test_static_summary_credit_and_source_lines_follow_the_sources(multi_site, multi_dirs, visit):
    from components.store import load_story

    story = load_story(*multi_dirs)
    v = visit()
    page = v.page
    page.goto(multi_site)
    everything = told(page)
    assert everything == python_told(story, [])
    boxes = {s: page.locator(f'input[name=source][value="{s}"]') for s in (ORIGINAL, FOLLOW_UP, MONITOR)}
    for chosen in ([FOLLOW_UP], [MONITOR], [ORIGINAL], [FOLLOW_UP, MONITOR], [ORIGINAL, MONITOR]):
        for source, box in boxes.items():
            box.set_checked(source in chosen)
        expect(page.locator("#status")).to_contain_text(" only.")
        assert told(page) == python_told(story, chosen), chosen
        if chosen == [FOLLOW_UP]:
            assert told(page)["summary"] == SUMMARY_FOLLOW_UP
            assert told(page)["credit"].startswith("Source: “TEST MATERIAL - Central Asian workers in Russia, a year "
                                                   "on”, Test Wire (invented), 2023-02-10.")
            # must not: a figure or a source of the articles left out
            assert "920,000" not in told(page)["summary"] and "Moscow Times" not in " ".join(told(page).values())
    for box in boxes.values():
        box.uncheck()
    assert told(page) == everything  # none ticked: every source again, as built
    v.assert_one_origin(multi_site)


def test_one_article_static_page_shows_every_context_fact_and_no_source_control(static_site, visit):
    v = visit()
    page = v.page
    page.goto(static_site)
    expect(page.locator("#status")).to_contain_text("Showing")
    facts = page.locator(f"section[aria-labelledby='{CONTEXT}'] li")
    expect(facts.first).to_be_visible()
    assert facts.count() == len(load_context()) == facts.filter(visible=True).count()
    # must not: a sources control or "sources differ" with one article
    expect(page.locator("input[name=source]")).to_have_count(0)
    expect(page.get_by_text("sources differ")).to_have_count(0)
    v.assert_one_origin(static_site)


@pytest.mark.parametrize("site", ["static_site", "multi_site"], ids=["one article", "several articles"])
def test_phone_map_labels_do_not_collide(request, visit, site):
    url = request.getfixturevalue(site)
    v = visit(width=390)
    v.page.goto(url)
    labels = v.page.locator(".map .lbl")
    labels.first.scroll_into_view_if_needed()
    boxes = [label.bounding_box() for label in labels.all()]
    assert len(boxes) == len(CENTRAL_ASIA) and all(boxes)
    overlaps = [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j
                and a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
                and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]]
    assert not overlaps, boxes
    assert v.page.evaluate("document.documentElement.scrollWidth") <= 390
    v.assert_one_origin(url)


@pytest.mark.parametrize("query", ["", "?focus=TJK&source=910_followup_workers"])
@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violations_with_several_sources(multi_site, visit, query, width):
    from axe_playwright_python.sync_playwright import Axe

    v = visit(width=width)
    v.page.goto(multi_site + query)
    expect(v.page.locator("#status")).to_contain_text("Showing")
    results = Axe().run(v.page)
    assert results.violations_count == 0, [(x["id"], [n["target"] for n in x["nodes"]])
                                           for x in results.response["violations"]]
