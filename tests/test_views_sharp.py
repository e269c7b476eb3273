"""Sharp view tests: each value is looked for in the element that must hold it, in both editions.

The story here is test material: sentences and numbers invented for these tests, with markup inside quotes,
between quotes, in the title and in text that ends up in attributes.
"""

from __future__ import annotations

import pytest

from components.countries import CENTRAL_ASIA
from components.indicators import BY_ID, VOTE
from components.publish import build as publish
from components.views import plotly_charts, svg_charts
from components.views.article import article_html
from components.views.context import ORDER, UNDATED, context_html, timeline
from components.views.labels import NOT_REPORTED, PANELS
from components.views.profile import profile_html
from components.views.summary import summary_sentences
from tests import story_builder as sb
from tests.html_tree import Node, parse

SOURCE = "900_view_tests.txt"
TITLE = 'Test <script>alert("title")</script> & "quoted" title'
OUTLET = "Test <b>Outlet</b>"
WORKERS = ("About 800 workers from Tajikistan, 1,500 from <b>Uzbekistan</b> and 900 from Kyrgyzstan worked "
           "in Russia in 2019.")
REMIT = ("Remittances equal 9% of Tajikistan’s gross domestic product and 12% of Kyrgyzstan’s "
         "<img src=x onerror=alert(1)>.")
GRANTS = 'In 2018, 500 Tajiks acquired citizenship, officials said "loudly" <em>.'
VOTE_LINE = "During the March 2 vote at the General Assembly, Tajikistan abstained."
PAY = 'Recruiters promised "contracts" of 3 months <u>in</u> 2017.'
UNDATED_LINE = "On Feb. 20 a video appeared."
OLD = "In 2015 a decree followed."
ODD = "A strange count of 7 <x>things</x> was made."
BETWEEN = "Between the quotes: <script>alert('between')</script> & \"double\" 'single' <i>text</i>."
SEED = "\n".join(["Test article for the view tests; every number in it is invented.", WORKERS, BETWEEN, REMIT,
                  GRANTS, VOTE_LINE, PAY, UNDATED_LINE, OLD, ODD, ""])
MARKUP = ("script", "img", "b", "i", "em", "u", "x")


def build_story():
    f = sb.figure
    figures = [
        f(SEED, SOURCE, "migrant_workers", "TJK", WORKERS, "800", 800.0, year="2019", qualifier="about",
          attribution='Officials <i>"quoted"</i>'),
        f(SEED, SOURCE, "migrant_workers", "UZB", WORKERS, "1,500", 1500.0, year="2019"),
        f(SEED, SOURCE, "migrant_workers", "KGZ", WORKERS, "900", 900.0, year="2019"),
        f(SEED, SOURCE, "remittances_share_of_gdp", "TJK", REMIT, "9%", 9.0),
        f(SEED, SOURCE, "remittances_share_of_gdp", "KGZ", REMIT, "12%", 12.0),
        f(SEED, SOURCE, "citizenship_grants", "TJK", GRANTS, "500", 500.0, year="2018"),
        f(SEED, SOURCE, VOTE, "TJK", VOTE_LINE, "abstained", as_of="March 2"),
    ]
    c = sb.fact
    context = [
        c(SEED, SOURCE, "pay", 'Contract <i>length</i> "offered"', "Recruitment and pay", PAY, "3", value=3.0,
          unit="months", countries="TJK"),
        c(SEED, SOURCE, "pay_year", "Year of the offer", "Timeline", PAY, "2017", year="2017"),
        c(SEED, SOURCE, "video", "A video", "Timeline", UNDATED_LINE, "Feb. 20"),
        c(SEED, SOURCE, "decree", "A decree", "Timeline", OLD, "2015", year="2015"),
        c(SEED, SOURCE, "odd", "A strange count", "Oddities <x>", ODD, "7", value=7.0, unit="things"),
    ]
    articles = [{"source": SOURCE, "title": TITLE, "outlet": OUTLET}]
    return sb.story({SOURCE: SEED}, figures, context, articles)


STORY = build_story()


@pytest.fixture(scope="module")
def page() -> Node:
    return parse(publish.render_page(STORY, publish.build_panels(STORY)))


def no_markup_from_the_text(root: Node, own: tuple[str, ...] = ()) -> None:
    found = [n.tag for n in root.iter() if n.tag in MARKUP and n.tag not in own]
    assert not found, f"text became markup: {found}"


# --- the profile's figure cell ----------------------------------------------------------------------------------

def profile_cells(html: str) -> dict[str, Node]:
    return {r.find("th").text: r for r in parse(html).find("tbody").find_all("tr")}


def test_profile_figure_cell_holds_the_figure_as_written():
    rows = profile_cells(profile_html(STORY, "TJK"))
    assert rows[BY_ID["migrant_workers"].heading].find("td", cls="v").text == "about 800"
    assert rows[BY_ID["citizenship_grants"].heading].find("td", cls="v").text == "500"
    assert rows[BY_ID[VOTE].heading].find("td", cls="v").text == "abstained"
    assert rows[BY_ID["remittances_share_of_gdp"].heading].find("td", cls="v").text == "9%"
    assert rows['Contract <i>length</i> "offered"'].find("td", cls="v").text == "3 months"


def test_profile_says_not_reported_in_the_figure_cell():
    rows = profile_cells(profile_html(STORY, "KAZ"))
    for indicator in PANELS:
        cell = rows[BY_ID[indicator].heading].find("td", cls="v")
        assert cell.text == NOT_REPORTED and "nr" in cell.classes


def test_profile_quote_cell_holds_the_quote_and_its_link():
    rows = profile_cells(profile_html(STORY, "TJK"))
    row = rows[BY_ID["citizenship_grants"].heading]
    assert row.find("q").text == GRANTS
    assert row.find("a").attrs["href"] == f"#q-{SEED.index(GRANTS)}"


# --- the context item's value -----------------------------------------------------------------------------------

def context_items(html: str) -> dict[str, Node]:
    return {li.find("a").attrs["aria-label"].removeprefix("quote: "): li for li in parse(html).find_all("li")}


def test_context_item_holds_its_value_and_unit():
    items = context_items(context_html(STORY.context))
    for r in STORY.context.itertuples():
        item = items[r.label]
        assert item.find("strong", cls="fv").text == r.value_text
        assert item.text.startswith(f"{r.value_text}{' ' + r.unit if r.unit else ''} — {r.label} ")
        assert item.find("a").attrs["href"] == f"#q-{r.start}"
        assert item.find("a").attrs["title"] == r.quote


def test_a_category_the_order_list_does_not_name_is_appended_in_both_editions(page):
    dashboard = [h.text for h in parse(context_html(STORY.context)).find_all("h3")]
    static = [h.text for h in page.find("section", aria_labelledby="context").find_all("h3")]
    known = [c for c in ORDER if c in set(STORY.context["category"])]
    assert dashboard == static == [*known, "Oddities <x>"]


# --- the timeline's order ---------------------------------------------------------------------------------------

def test_timeline_puts_dated_facts_in_year_order_and_undated_after():
    assert list(timeline(STORY.context)["fact"]) == ["decree", "pay_year", "video"]


def test_timeline_html_lists_them_in_that_order_under_their_headings():
    root = parse(context_html(STORY.context))
    order, heading = [], ""
    for node in root.iter():
        if node.tag in ("h3", "p"):
            heading = node.text
        elif node.tag == "li" and heading in ("Timeline", UNDATED):
            order.append((heading, node.find("strong").text))
    assert order == [("Timeline", "2015"), ("Timeline", "2017"), (UNDATED, "Feb. 20")]


# --- the bars' labels and the not-reported placeholder ----------------------------------------------------------

def test_plotly_bar_labels_are_the_figures_as_written():
    fig = plotly_charts.indicator_chart(STORY.figures, "migrant_workers", [], None)
    bars = next(t for t in fig.data if t.type == "bar")
    assert dict(zip(bars.customdata, bars.text)) == {"KGZ": "900", "TJK": "about 800", "UZB": "1,500"}
    assert dict(zip(bars.customdata, bars.x)) == {"KGZ": 900.0, "TJK": 800.0, "UZB": 1500.0}


def test_svg_bar_labels_are_the_figures_as_written():
    rows = {r.attrs["data-iso"]: r for r in parse(svg_charts.bar_panel(STORY.figures, "migrant_workers"))
            .find_all("g", cls="row")}
    assert {iso: r.find("tspan", cls="val").text for iso, r in rows.items() if r.find_all("tspan", cls="val")} == {
        "KGZ": "900", "TJK": "about 800", "UZB": "1,500"}
    widths = {iso: float(r.find("rect", cls="bar").attrs["width"].rstrip("%")) for iso, r in rows.items()
              if r.find_all("rect", cls="bar")}
    assert widths["UZB"] == pytest.approx(svg_charts.BAR_SPAN) and widths["TJK"] < widths["KGZ"] < widths["UZB"]


@pytest.mark.parametrize("indicator", PANELS)
def test_plotly_placeholder_is_a_marker_trace_not_a_bar(indicator):
    fig = plotly_charts.panel_chart(STORY.figures, indicator, [], None)
    placeholder = [t for t in fig.data if t.name == NOT_REPORTED]
    missing = set(CENTRAL_ASIA) - set(STORY.figures.loc[STORY.figures["indicator"] == indicator, "country_iso3"])
    assert len(placeholder) == 1 and set(placeholder[0].customdata) == missing
    assert placeholder[0].type == "scatter" and "markers" in placeholder[0].mode
    assert list(placeholder[0].text) == [NOT_REPORTED] * len(missing)
    for trace in fig.data:
        if trace.type == "bar":
            assert not set(trace.customdata) & missing


def test_svg_placeholder_is_words_not_a_bar():
    for row in parse(svg_charts.bar_panel(STORY.figures, "citizenship_grants")).find_all("g", cls="row"):
        if row.attrs["data-iso"] != "TJK":
            assert row.find("tspan", cls="nr").text == NOT_REPORTED
            assert not row.find_all("rect", cls="bar")


# --- the summary's largest figures ------------------------------------------------------------------------------

def test_summary_picks_the_largest_figures():
    first = summary_sentences(STORY.figures)[0]
    # No attribution to Russian statistics on that row, so the page does not say Russia counted it.
    assert first.startswith("Reports count 1,500 workers from Uzbekistan in 2019")
    assert "equals 12% of Kyrgyzstan's GDP" in first


# --- escaping: inside a quote, between quotes, in a title, in an attribute ---------------------------------------

def test_article_escapes_markup_inside_and_between_quotes():
    html = article_html(SEED, STORY.figures, STORY.context, {})
    root = parse(html)
    no_markup_from_the_text(root)
    marks = {m.attrs["id"]: m.text for m in root.find_all("mark")}
    assert marks[f"q-{SEED.index(WORKERS)}"] == WORKERS  # <b> inside the quote stays text
    assert marks[f"q-{SEED.index(REMIT)}"] == REMIT
    assert BETWEEN in root.text  # the markup between two quotes stays text
    assert "".join(p.text for p in root.find_all("p")) == SEED.replace("\n", "")


def test_profile_escapes_quotes_labels_and_values():
    root = parse(profile_html(STORY, "TJK"))
    no_markup_from_the_text(root)
    assert GRANTS in [q.text for q in root.find_all("q")]
    assert 'Contract <i>length</i> "offered"' in [th.text for th in root.find_all("th")]


def test_context_escapes_text_and_attributes():
    root = parse(context_html(STORY.context))
    no_markup_from_the_text(root)
    link = context_items(context_html(STORY.context))['Contract <i>length</i> "offered"'].find("a")
    assert link.attrs["title"] == PAY  # a quote with " and <u> inside an attribute
    assert link.attrs["aria-label"] == 'quote: Contract <i>length</i> "offered"'
    assert "Oddities <x>" in [h.text for h in root.find_all("h3")]


def test_static_page_escapes_the_title_quotes_and_attributes(page):
    no_markup_from_the_text(page.find("body"), own=("script",))
    assert page.find("title").text == f"{TITLE} — the figures"
    assert page.find("h1").text == TITLE
    assert page.find("meta", name="description").attrs["content"] == " ".join(summary_sentences(STORY.figures))
    assert OUTLET in page.find("p", cls="source").text
    assert len(page.find_all("script")) == 2  # the page's own two (head and body), nothing from the text
    source = page.find("section", id="panel-migrant_workers").find("p", cls="src").text
    assert source == f'Source: Officials <i>"quoted"</i>, as cited by {OUTLET}.'
    alt = page.find("section", id="panel-migrant_workers").find("svg", cls="chart").attrs["aria-label"]
    assert "Tajikistan: about 800" in alt
