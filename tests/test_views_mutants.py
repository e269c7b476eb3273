"""Edge cases of the article, profile and context renderers that a mutation run showed no other test pinned down.

Inputs are small tables written here (test material, invented numbers), so each test says exactly which element
must hold what: adjacent and overlapping quotes, a number at a quote's very edge, a back link per table, the
profile's cells, the context list's items, one article or several. `.venv/bin/python tests/mutation.py` measures.
"""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from html.parser import HTMLParser

import pandas as pd

from components.indicators import BY_ID
from components.store import Story
from components.views.article import Quotes, article_html, articles_html, excerpt_html, one_article_html
from components.views.context import context_html, item_html
from components.views.context import timeline as context_timeline
from components.views.frames import complete
from components.views.labels import NOT_REPORTED, PANELS
from components.views.profile import CSS, DIFFER, country_facts, profile_html, svg_image, timeline
from components.views.review_mark import MARK


def quotes_table(spans: list[tuple[int, int, int, int]], indicator: str | None = None) -> pd.DataFrame:
    """Rows (start, end, value_start, value_end), with an indicator column for the figures table."""
    frame = pd.DataFrame(spans, columns=["start", "end", "value_start", "value_end"])
    if indicator is not None:
        frame.insert(0, "indicator", indicator)
    return frame


NO_ROWS = quotes_table([])
NO_FIGURES = quotes_table([], indicator="x")


def marks(html: str) -> dict[str, str]:
    """id -> inner HTML of every <mark>."""
    return dict(re.findall(r'<mark id="([^"]+)">(.*?)</mark>', html))


# --- article_html ----------------------------------------------------------------------------------------------------

TEXT = "Ten said 12. Then 34 more came. Some 56 left."  # test material
FIRST, SECOND, THIRD = (0, 12), (13, 31), (32, 45)


def _span(sentence: tuple[int, int], number: str) -> tuple[int, int, int, int]:
    at = TEXT.index(number, sentence[0])
    return (*sentence, at, at + len(number))


def test_adjacent_quotes_are_both_marked() -> None:
    text = "First12.Second34."  # two quotes touching, no space between them
    figures = quotes_table([(0, 8, 5, 7), (8, 17, 14, 16)], indicator="x")
    html = article_html(text, figures, NO_ROWS, {})
    assert marks(html) == {"q-0": "First<strong>12</strong>.", "q-8": "Second<strong>34</strong>."}


def test_an_overlapping_quote_is_skipped_and_the_later_ones_still_marked() -> None:
    overlapping = (5, 20, 18, 20)  # starts inside the first quote
    figures = quotes_table([_span(FIRST, "12"), overlapping, _span(THIRD, "56")], indicator="x")
    html = article_html(TEXT, figures, NO_ROWS, {})
    assert list(marks(html)) == ["q-0", "q-32"]
    assert marks(html)["q-32"] == "Some <strong>56</strong> left."


def test_numbers_at_the_very_edges_of_a_quote_and_side_by_side_are_strong() -> None:
    text = "12 and 34 56"  # test material: one quote, a number at each edge and two with nothing between
    figures = quotes_table([(0, 12, 0, 2), (0, 12, 7, 9), (0, 12, 9, 12)], indicator="x")
    html = article_html(text, figures, NO_ROWS, {})
    assert marks(html) == {"q-0": "<strong>12</strong> and <strong>34</strong><strong> 56</strong>"}


def test_a_number_outside_its_quote_is_not_strong() -> None:
    figures = quotes_table([(13, 31, 9, 11)], indicator="x")  # the value lies in the sentence before
    html = article_html(TEXT, figures, NO_ROWS, {})
    assert marks(html) == {"q-13": "Then 34 more came."}
    assert "<strong>" not in html


def test_each_table_links_back_to_its_own_section() -> None:
    figures = quotes_table([_span(FIRST, "12")], indicator="migrant_workers")
    context = quotes_table([_span(THIRD, "56")])
    html = article_html(TEXT, figures, context, {"migrant_workers": "panel-m", "context": "ctx"})
    links = re.findall(r'<mark id="(q-\d+)">.*?</mark>(<a [^>]*>↩</a>)?', html)
    assert [(anchor, re.sub(r".*href=\"#([^\"]+)\".*", r"\1", a) if a else "") for anchor, a in links] == [
        ("q-0", "panel-m"), ("q-32", "ctx")]


def test_a_quote_without_a_known_section_gets_no_back_link() -> None:
    figures = quotes_table([_span(FIRST, "12")], indicator="unknown_indicator")
    context = quotes_table([_span(THIRD, "56")])
    html = article_html(TEXT, figures, context, {"migrant_workers": "panel-m"})
    assert len(marks(html)) == 2
    assert "↩" not in html and 'class="back"' not in html


def test_a_sentence_both_tables_quote_links_to_the_figures_panel() -> None:
    figures = quotes_table([_span(SECOND, "34")], indicator="migrant_workers")
    context = quotes_table([_span(SECOND, "34")])
    html = article_html(TEXT, figures, context, {"migrant_workers": "panel-m", "context": "ctx"})
    assert html.count("<mark") == 1 and 'href="#panel-m"' in html and 'href="#ctx"' not in html


# --- country_facts and profile_html ---------------------------------------------------------------------------------

def context_table(rows: list[dict]) -> pd.DataFrame:
    """Context rows with defaults for the columns a test does not care about (test material)."""
    base = {"label": "a fact", "qualifier": "", "value_text": "1", "unit": "", "quote": "A fact.", "start": 0,
            "countries": ""}
    return pd.DataFrame([{**base, **r} for r in rows])


FACTS = context_table([
    {"label": "alone", "countries": "TJK", "start": 10},
    {"label": "pair", "countries": "TJK;UZB", "start": 20},
    {"label": "other pair", "countries": "KGZ;TJK", "start": 30},
    {"label": "region", "countries": "KAZ;TJK;UZB", "start": 40},
    {"label": "not about it", "countries": "KAZ", "start": 50},
    {"label": "no state", "countries": "", "start": 60},
])


def test_country_facts_are_those_naming_the_country_and_at_most_one_other() -> None:
    assert list(country_facts(FACTS, "TJK")["label"]) == ["alone", "pair", "other pair"]
    assert list(country_facts(FACTS, "KAZ")["label"]) == ["not about it"]
    assert list(country_facts(FACTS, "TKM")["label"]) == []


def story_with(figures: list[dict], context: pd.DataFrame) -> Story:
    base = {"indicator": "migrant_workers", "country_iso3": "TJK", "value_text": "7", "quote": "Seven.", "start": 0}
    return Story(figures=pd.DataFrame([{**base, **f} for f in figures], columns=list(base)), context=context,
                 package={}, seeds={}, articles=pd.DataFrame())


class Cells(HTMLParser):
    """The profile table as rows of (tag, class, text, href of the cell's link)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str, str, str]]] = []
        self.cell: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self.cell = [tag, dict(attrs).get("class", ""), "", ""]
        elif tag == "a" and self.cell is not None:
            self.cell[3] = dict(attrs)["href"]

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.rows[-1].append(tuple(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[2] += data


def profile_cells(html: str) -> list[list[tuple[str, str, str, str]]]:
    parser = Cells()
    parser.feed(html.removeprefix(CSS))
    return parser.rows


def test_profile_table_has_its_header_and_nothing_but_rows_in_its_body() -> None:
    html = profile_html(story_with([{}], FACTS), "TJK")
    assert html.startswith(CSS + "<table class='profile'><thead><tr>") and html.endswith("</tr></tbody></table>")
    assert profile_cells(html)[0] == [("th", "", "What", ""), ("th", "", "Figure", ""),
                                      ("th", "", "The article's words", "")]
    body = re.search(r"<tbody>(.*)</tbody>", html, flags=re.S).group(1)
    assert re.fullmatch(r"(?:<tr>(?:(?!</?tr>).)*</tr>)+", body, flags=re.S), "text between the rows"


def test_profile_rows_hold_each_indicator_then_each_fact_in_their_cells() -> None:
    facts = context_table([
        {"label": "prison term", "countries": "TJK", "qualifier": "up to", "value_text": "20", "unit": "years",
         "quote": "Up to 20 years.", "start": 77},
        {"label": "bare", "countries": "TJK;UZB", "value_text": "three", "quote": "Three.", "start": 88},
        {"label": "elsewhere", "countries": "KAZ", "value_text": "9", "start": 99},
    ])
    story = story_with([{"indicator": "citizenship_grants", "value_text": "63", "quote": "Sixty-three.", "start": 5},
                        {"indicator": "citizenship_grants", "country_iso3": "KAZ", "value_text": "4", "start": 6}],
                       facts)
    rows = profile_cells(profile_html(story, "TJK"))[1:]
    heading = {i: BY_ID[i].heading for i in PANELS}
    expected = [[("th", "", heading[i], ""), ("td", "v nr", NOT_REPORTED, ""), ("td", "", "", "")]
                if i != "citizenship_grants" else
                [("th", "", heading[i], ""), ("td", "v", "63", ""),
                 ("td", "", "Sixty-three. Read it in the article ↓", "#q-5")] for i in PANELS]
    expected += [[("th", "", "prison term", ""), ("td", "v", "up to 20 years", ""),
                  ("td", "", "Up to 20 years. Read it in the article ↓", "#q-77")],
                 [("th", "", "bare", ""), ("td", "v", "three", ""),
                  ("td", "", "Three. Read it in the article ↓", "#q-88")]]
    assert rows == expected


# --- context_html and timeline ---------------------------------------------------------------------------------------

def fact(category: str, label: str, value_start: int, **extra: object) -> dict:
    return {"category": category, "label": label, "value_start": value_start, "start": value_start - 1,
            "year": "", "value_text": label.split()[0], "qualifier": "", "unit": "", "quote": f"{label}.", **extra}


CONTEXT = pd.DataFrame([  # test material, in no particular order
    fact("Timeline", "March 3", 300),
    fact("Timeline", "2019 decree", 250, year="2019"),
    fact("Penalties", "20 years", 90, qualifier="up to", unit="years"),
    fact("Timeline", "2011 law", 200, year="2011"),
    fact("Counts", "7 tents", 40),
    fact("Timeline", "May 1", 100),
    fact("Penalties", "five fines", 80),
    fact("Timeline", "2019 vote", 240, year="2019"),
])


def test_timeline_orders_years_then_text_order_then_the_undated_in_text_order() -> None:
    rows = context_timeline(CONTEXT)
    assert list(rows["label"]) == ["2011 law", "2019 vote", "2019 decree", "May 1", "March 3"]


class Blocks(HTMLParser):
    """The context section as its blocks: ("h3"|"p", text) and ("ul", [item, ...]); text outside them is kept."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, object]] = []
        self.stray = ""
        self.item: dict | None = None
        self.open: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("h3", "p"):
            self.open = tag
            self.blocks.append((tag, ""))
        elif tag == "ul":
            self.blocks.append(("ul", []))
        elif tag == "li":
            self.item = {"text": "", "strong": ""}
            self.blocks[-1][1].append(self.item)
        elif tag == "strong":
            self.open = "strong"
        elif tag == "a":
            self.item.update(dict(attrs))

    def handle_endtag(self, tag):
        if tag in ("h3", "p", "strong"):
            self.open = None
        elif tag == "li":
            self.item = None

    def handle_data(self, data):
        if self.open in ("h3", "p"):
            self.blocks[-1] = (self.open, self.blocks[-1][1] + data)
        elif self.item is not None:
            self.item["text"] += data
            if self.open == "strong":
                self.item["strong"] += data
        else:
            self.stray += data


def test_context_html_groups_facts_with_their_hedge_unit_label_and_link() -> None:
    html = context_html(CONTEXT)
    assert html.startswith("<div class='context'><h3>") and html.endswith("</ul></div>")
    parser = Blocks()
    parser.feed(html)
    assert parser.stray == "", "text outside the headings and lists"

    def item(strong: str, rest: str, label: str, start: int) -> dict:
        return {"text": strong + rest, "strong": strong, "href": f"#q-{start}", "title": f"{label}.",
                "aria-label": f"quote: {label}"}

    assert parser.blocks == [
        ("h3", "Penalties"),
        ("ul", [item("up to 20", " years — 20 years (quote)", "20 years", 89),
                item("five", " — five fines (quote)", "five fines", 79)]),
        ("h3", "Counts"), ("ul", [item("7", " — 7 tents (quote)", "7 tents", 39)]),
        ("h3", "Timeline"),
        ("ul", [item("2011", " — 2011 law (quote)", "2011 law", 199),
                item("2019", " — 2019 vote (quote)", "2019 vote", 239),
                item("2019", " — 2019 decree (quote)", "2019 decree", 249)]),
        ("p", "Dates the article gives without a year, in the order it tells them:"),
        ("ul", [item("May", " — May 1 (quote)", "May 1", 99), item("March", " — March 3 (quote)", "March 3", 299)]),
    ]


def test_context_html_without_undated_facts_has_no_undated_list() -> None:
    html = context_html(CONTEXT[(CONTEXT["category"] != "Timeline") | (CONTEXT["year"] != "")])
    assert "without a year" not in html and html.count("<ul>") == 3


# --- articles_html: one article or several ------------------------------------------------------------------------

SEEDS = {"a.txt": "Alpha said 12. Alpha again.", "b.txt": "Beta counted 34. Beta left."}  # test material


def multi_story(sources: tuple[str, ...] = ("a.txt", "b.txt")) -> Story:
    """Two invented articles, one figure and one context fact each; the package names a.txt as the first."""
    figures = pd.DataFrame([
        {"source": "a.txt", "indicator": "migrant_workers", "start": 0, "end": 14, "value_start": 11, "value_end": 13},
        {"source": "b.txt", "indicator": "citizenship_grants", "start": 0, "end": 16, "value_start": 13,
         "value_end": 15}])
    context = pd.DataFrame([
        {"source": "a.txt", "start": 15, "end": 27, "value_start": 15, "value_end": 20},
        {"source": "b.txt", "start": 17, "end": 27, "value_start": 17, "value_end": 21}])
    articles = pd.DataFrame([
        {"source": "a.txt", "title": "Alpha story", "outlet": "The Alpha", "published": "2022-03-01", "url": "",
         "language": ""},
        {"source": "b.txt", "title": "Beta story", "outlet": "", "published": "", "url": "", "language": ""}])
    return Story(figures=figures, context=context, package={"article": {"file": "a.txt"}}, seeds=SEEDS,
                 articles=articles[articles["source"].isin(sources)])


def test_of_several_articles_only_the_first_is_rendered_with_its_own_quotes() -> None:
    html = articles_html(multi_story())
    assert html.startswith("<div id='article-a' data-src='a'><div class='article'>") and html.endswith("</div></div>")
    assert marks(html) == {"q-0": "Alpha said <strong>12</strong>.", "q-15": "<strong>Alpha</strong> again."}
    assert "Beta" not in html  # a thousand articles cost one article's text
    assert 'href="#panel-migrant_workers"' in html and html.count('href="#context"') == 1


def test_the_opened_article_is_the_one_asked_for() -> None:
    html = articles_html(multi_story(), opened="b")
    assert html.startswith("<div id='article-b' data-src='b'>")
    assert marks(html) == {"q-b-0": "Beta counted <strong>34</strong>.", "q-b-17": "<strong>Beta</strong> left."}
    assert 'href="#panel-citizenship_grants"' in html and "Alpha" not in html
    assert articles_html(multi_story(), opened="nope") == articles_html(multi_story())  # unknown: the first


def test_one_article_is_a_plain_block_with_its_own_quotes() -> None:
    html = articles_html(multi_story(("b.txt",)))  # only the second article chosen: ids still carry its name
    assert html.startswith("<div class='article'>") and html.endswith("</div>") and "<details" not in html
    assert marks(html) == {"q-b-0": "Beta counted <strong>34</strong>.", "q-b-17": "<strong>Beta</strong> left."}
    first = articles_html(multi_story(("a.txt",)))
    assert marks(first) == {"q-0": "Alpha said <strong>12</strong>.", "q-15": "<strong>Alpha</strong> again."}


def test_no_article_row_shows_the_first_article() -> None:
    html = articles_html(multi_story(()))
    assert marks(html) == {"q-0": "Alpha said <strong>12</strong>.", "q-15": "<strong>Alpha</strong> again."}


def test_quote_ids_carry_the_file_name_only_beside_a_primary_article() -> None:
    figures = quotes_table([_span(FIRST, "12")], indicator="x")
    assert list(marks(article_html(TEXT, figures, NO_ROWS, {}, source="b.txt"))) == ["q-0"]
    assert list(marks(article_html(TEXT, figures, NO_ROWS, {}, primary="a.txt"))) == ["q-0"]
    assert list(marks(article_html(TEXT, figures, NO_ROWS, {}, "b.txt", "a.txt"))) == ["q-b-0"]
    assert list(marks(article_html(TEXT, figures, NO_ROWS, {}, "a.txt", "a.txt"))) == ["q-0"]


# --- the profile with several sources: timeline order, who said it, filter data ------------------------------------

ARTICLES = pd.DataFrame([  # test material: three invented articles
    {"source": "a.txt", "title": "Alpha story", "outlet": "The Alpha", "published": "2023-05-01", "url": "",
     "language": ""},
    {"source": "b.txt", "title": "Beta story", "outlet": "", "published": "2022-01-09", "url": "", "language": ""},
    {"source": "c.txt", "title": "", "outlet": "", "published": "", "url": "", "language": ""},
])


def figure(source: str, value: float | None, year: str = "", at: int = 0, **extra: object) -> dict:
    text = extra.pop("value_text", f"{value:g}" if value is not None else extra.get("position", ""))
    return {"source": source, "indicator": "citizenship_grants", "country_iso3": "TJK", "country": "Tajikistan",
            "position": "", "vote": "", "as_of": "", "review": "", "qualifier": "",
            "value": float("nan") if value is None else value,
            "value_text": text, "year": year, "value_start": at, "start": at, "end": at + 9,
            "value_end": at + len(text), "quote": f"Quote {source} {at}.", **extra}


def figures_table(rows: list[dict]) -> pd.DataFrame:
    return complete(pd.DataFrame(rows), "figures")


def test_profile_timeline_orders_years_then_dates_then_files_and_puts_undated_last() -> None:
    rows = figures_table([figure("a.txt", 5, "2021", 40), figure("c.txt", 6, "", 10), figure("b.txt", 7, "2021", 30),
                          figure("a.txt", 8, "2020", 50), figure("a.txt", 9, "2021", 20), figure("zzz.txt", 4, "2021")])
    lines = timeline(rows, ARTICLES)
    assert [(r.source, r.year, r.value) for r in lines.itertuples()] == [
        ("a.txt", "2020", 8), ("zzz.txt", "2021", 4), ("b.txt", "2021", 7), ("a.txt", "2021", 9),
        ("a.txt", "2021", 5), ("c.txt", "", 6)]
    assert list(lines["published"]) == ["2023-05-01", "", "2022-01-09", "2023-05-01", "2023-05-01", ""]
    assert list(lines["outlet"]) == ["The Alpha", "zzz", "Beta story", "The Alpha", "The Alpha", "c"]
    assert list(lines["differ"]) == [False, True, True, True, True, False]
    assert list(lines.columns) == [*rows.columns, "group", "key", "differ", "outlet", "published"]


def test_profile_timeline_groups_votes_by_the_vote_or_its_date() -> None:
    votes = figures_table([
        figure("a.txt", None, position="abstained", vote="A/RES/ES-11/1", as_of="March 2", indicator="un_ga_vote"),
        figure("b.txt", None, position="against", as_of="March 2", indicator="un_ga_vote", at=5),
        figure("c.txt", None, position="abstained", indicator="un_ga_vote", at=9)])
    lines = timeline(votes, ARTICLES)
    assert list(lines["group"]) == ["A/RES/ES-11/1", "March 2", "the vote"]
    assert not lines["differ"].any(), "positions in different votes do not disagree"


def cells(html: str) -> list[list[tuple[str, str, str, str]]]:
    return profile_cells(html)[1:]


def story_of(figures: list[dict], context: pd.DataFrame | None = None, articles: pd.DataFrame = ARTICLES,
             package: dict | None = None) -> Story:
    return Story(figures=figures_table(figures), context=context if context is not None else context_table([]),
                 package={"article": {"file": "a.txt"}} if package is None else package, seeds={}, articles=articles)


def grants_row(html: str) -> list[tuple[str, str, str, str]]:
    heading = BY_ID["citizenship_grants"].heading
    return [row for row in cells(html) if row[0][2].startswith(heading)]


def test_one_source_with_two_figures_says_the_year_of_each_without_naming_the_source() -> None:
    story = story_of([figure("a.txt", 5, "2021", 40), figure("a.txt", 8, "", 50)], articles=ARTICLES.iloc[:1])
    heading = BY_ID["citizenship_grants"].heading
    assert [r[0][2] for r in grants_row(profile_html(story, "TJK"))] == [f"{heading}2021", f"{heading}year not stated"]
    single = story_of([figure("a.txt", 5, "2021", 40)], articles=ARTICLES.iloc[:1])
    html = profile_html(single, "TJK")
    assert [r[0][2] for r in grants_row(html)] == [heading] and "class='when'" not in html


def test_two_articles_name_the_source_under_each_figure() -> None:
    heading = BY_ID["citizenship_grants"].heading
    one_source = story_of([figure("a.txt", 5, "2021", 40)], articles=ARTICLES.iloc[:2])  # this figure from one
    assert [r[0][2] for r in grants_row(profile_html(one_source, "TJK"))] == [
        f"{heading}2021 · The Alpha, 2023-05-01"]
    unlisted = story_of([figure("a.txt", 5, "2021"), figure("c.txt", 6, "2021", 9)], articles=ARTICLES.iloc[:0])
    assert [r[0][2] for r in grants_row(profile_html(unlisted, "TJK"))] == [f"{heading}2021 · a", f"{heading}2021 · c"]


def test_a_trend_chart_needs_two_dated_years() -> None:
    dated_and_not = story_of([figure("a.txt", 5, "2021", 40), figure("b.txt", 8, "", 50)])
    assert "class='trend'" not in profile_html(dated_and_not, "TJK")
    two_years = story_of([figure("a.txt", 5, "2021", 40), figure("b.txt", 8, "2020", 50)])
    html = profile_html(two_years, "TJK")
    assert html.count("class='trend'") == 1 and "<img alt=" in html and "<svg" not in html
    assert "<svg" in profile_html(two_years, "TJK", filterable=True)


def test_filterable_rows_carry_what_the_static_page_filters_by() -> None:
    facts = context_table([{"label": "fine", "countries": "TJK", "source": "b.txt", "start": 70}])
    story = story_of([figure("a.txt", 5, "2021", 40), figure("b.txt", 8, "2021", 50)], facts)
    html = profile_html(story, "TJK", filterable=True)
    rows = re.findall(r"<tr([^>]*)>", html.removeprefix(CSS))
    assert " data-src='a' data-ind='citizenship_grants' data-group='citizenship_grants|2021' data-key='5.0'" in rows
    assert " data-src='b' data-ind='citizenship_grants' data-group='citizenship_grants|2021' data-key='8.0'" in rows
    assert " class='none' data-ind='citizenship_grants' hidden" in rows
    assert " data-src='b'" in rows, "a fact's row names its source"
    assert 'href=\'#q-b-70\'' in html and 'href=\'#q-b-50\'' in html and 'href=\'#q-40\'' in html
    plain = profile_html(story, "TJK")
    assert "data-src" not in plain and "class='none'" not in plain


def test_sources_that_differ_and_a_reviewed_figure_say_both() -> None:
    story = story_of([figure("a.txt", 5, "2021", 40, review="corrected"), figure("b.txt", 8, "2021", 50)])
    rows = grants_row(profile_html(story, "TJK"))
    assert [row[1][2] for row in rows] == [f"8{DIFFER}", f"5{DIFFER} {MARK}"]  # b.txt's date is the earlier


def test_without_a_primary_article_every_quote_id_is_short() -> None:
    story = story_of([figure("b.txt", 5, "2021", 40)], package={})
    assert grants_row(profile_html(story, "TJK"))[0][2][3] == "#q-40"


def test_unstyled_profile_is_the_table_alone() -> None:
    html = profile_html(story_of([figure("a.txt", 5, "2021")]), "TJK", styled=False)
    assert html.startswith("<table class='profile'>")


def test_svg_image_is_the_svg_itself_with_its_label_as_alt_text() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" aria-label="Grants: 5 in 2021 “up”"><rect/></svg>'
    img = svg_image(svg)
    found = re.fullmatch(r'<img alt="([^"]*)" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)">', img)
    assert found and found.group(1) == "Grants: 5 in 2021 “up”"
    assert base64.b64decode(found.group(2)).decode("utf-8") == svg
    assert svg_image("<svg><rect/></svg>").startswith('<img alt="" src=')


# --- the context list with several sources --------------------------------------------------------------------------

def li_tags(html: str) -> list[str]:
    return re.findall(r"<li([^>]*)>", html)


def test_context_items_carry_their_states_source_article_and_quote_id() -> None:
    facts = context_table([
        {"category": "Counts", "label": "tents", "countries": "KGZ;TJK", "source": "b.txt", "start": 70},
        {"category": "Counts", "label": "posts", "countries": "", "source": "a.txt", "start": 80},
        {"category": "Counts", "label": "calls", "countries": "UZB", "source": "c.txt", "start": 90}])
    html = context_html(facts, ARTICLES, primary="a.txt")
    assert li_tags(html) == [' data-isos="KGZ TJK" data-src="b"', ' data-src="a"', ' data-isos="UZB" data-src="c"']
    assert re.findall(r'<span class="when">\(([^)]*)\)</span>', html) == ["Beta story", "The Alpha", "c"]
    assert re.findall(r'href="#([^"]+)"', html) == ["q-b-70", "q-80", "q-c-90"]


def test_context_names_articles_only_when_there_are_several() -> None:
    facts = context_table([{"category": "Counts", "label": "tents", "countries": "TJK", "source": "b.txt"}])
    assert '<span class="when">' in context_html(facts, ARTICLES.iloc[:2], primary="a.txt")
    assert '<span class="when">' not in context_html(facts, ARTICLES.iloc[1:2], primary="a.txt")
    assert '<span class="when">' not in context_html(facts)


def test_an_item_without_a_primary_article_links_to_the_short_id() -> None:
    row = next(context_table([{"category": "Counts", "source": "b.txt", "start": 70}]).itertuples())
    assert 'href="#q-70"' in item_html(row)
    assert 'href="#q-b-70"' in item_html(row, "a.txt")


def test_an_item_without_states_or_source_has_no_data_attributes() -> None:
    row = next(context_table([{"category": "Counts", "source": "", "countries": ""}]).itertuples())
    assert item_html(row).startswith("<li><strong")


# --- one article's page, the sentence in place, and where a quote link leads (article.Quotes) ----------------------

def test_an_articles_own_page_links_back_to_the_charts_on_the_page_it_is_given() -> None:
    html = one_article_html(multi_story(), "a.txt", base="index.html")
    assert re.findall(r'<a class="back" href="([^"]+)"', html) == ["index.html#panel-migrant_workers",
                                                                  "index.html#context"]


def test_without_a_named_first_article_every_quote_id_is_short() -> None:
    story = replace(multi_story(), package={})
    assert list(marks(one_article_html(story, "b.txt"))) == ["q-0", "q-17"]


def test_no_article_row_and_no_named_file_shows_the_first_seed() -> None:
    story = replace(multi_story(()), package={})
    assert marks(articles_html(story)) == {"q-0": "Alpha said <strong>12</strong>.",
                                           "q-15": "<strong>Alpha</strong> again."}
    named = replace(multi_story(()), package={"article": {"file": "b.txt"}})
    assert marks(articles_html(named)) == {"q-0": "Beta counted <strong>34</strong>.",
                                           "q-17": "<strong>Beta</strong> left."}


PARAGRAPHS = "One & all.\nTwo.\nBefore <it>. Nine said 42 today. After it.\nFour.\nFive."  # test material
SAID = PARAGRAPHS.index("Nine"), PARAGRAPHS.index("today.") + 6, PARAGRAPHS.index("42"), PARAGRAPHS.index("42") + 2


def test_an_excerpt_is_the_quotes_paragraph_alone_with_its_number_strong() -> None:
    assert excerpt_html(PARAGRAPHS, *SAID) == (
        "<p>Before &lt;it&gt;. <mark>Nine said <strong>42</strong> today.</mark> After it.</p>")


def test_an_excerpt_at_the_texts_very_start_or_end_keeps_every_word_of_its_paragraph() -> None:
    alone = "Nine said 42 today. After it!"  # no line break at all
    assert excerpt_html(alone, 0, 19, 10, 12) == "<p><mark>Nine said <strong>42</strong> today.</mark> After it!</p>"
    first_line_empty = "\nBefore. Nine said 42."
    assert excerpt_html(first_line_empty, 9, 22, 19, 21) == "<p>Before. <mark>Nine said <strong>42</strong>.</mark></p>"


def test_quotes_lead_to_this_page_to_the_articles_page_or_show_the_sentence_in_place() -> None:
    story = multi_story()
    assert [Quotes(story).href(s, at) for s, at in (("a.txt", 15), ("b.txt", 0))] == ["#q-15", "#q-b-0"]
    assert Quotes(story, "pages").href("b.txt", 17) == "articles/b.html#q-b-17"
    excerpt = Quotes(story, "excerpt")
    assert excerpt.href("b.txt", 0) is None, "a sentence at the text's first character is shown in place too"
    assert excerpt.href("b.txt", -1) == "#q-b--1" and excerpt.href("c.txt", 3) == "#q-c-3"  # no quote / no seed


def test_a_profile_link_says_which_way_it_leads() -> None:
    story = multi_story()
    assert Quotes(story).link("b.txt", 0, 16, 13, 15) == "<a href='#q-b-0'>Read it in the article ↓</a>"
    assert Quotes(story, "pages").link("b.txt", 0, 16, 13, 15) == (
        "<a href='articles/b.html#q-b-0'>Read it in the article →</a>")
    assert Quotes(story, "excerpt").link("b.txt", 0, 16, 13, 15) == (
        "<details class='ex'><summary>Read it in the article</summary><div class='article'>"
        "<p><mark>Beta counted <strong>34</strong>.</mark> Beta left.</p></div>"
        "<p class='from'>From b: Beta story; pick it under “The articles” to read it whole.</p></details>")


def test_a_sentence_in_place_names_its_article_and_its_disclosure() -> None:
    only_a = Quotes(multi_story(("a.txt",)), "excerpt")  # b.txt has a seed but no article row: its file's name
    shown = only_a.in_place("b.txt", 17, 27, 17, 21, "(quote)", "quote: a <fact>")
    assert shown.startswith("<details class='ex'><summary aria-label='quote: a &lt;fact&gt;'>(quote)</summary>")
    assert "<p class='from'>From b; pick" in shown
    assert "From The Alpha, 2022-03-01: Alpha story;" in only_a.in_place("a.txt", 0, 14, 11, 13, "(quote)")


FACT_B = {"category": "Counts", "label": "leavers", "countries": "", "source": "b.txt", "value_text": "Beta",
          "quote": "Beta left.", "start": 17, "end": 27, "value_start": 17, "value_end": 21}  # in SEEDS["b.txt"]


def test_a_context_fact_links_where_its_quotes_lead() -> None:
    facts = context_table([FACT_B])
    pages = context_html(facts, quotes=Quotes(multi_story(), "pages"))
    assert re.findall(r'href="([^"]+)"', pages) == ["articles/b.html#q-b-17"]
    in_place = context_html(facts, quotes=Quotes(multi_story(), "excerpt"))
    found = re.search(r"<li[^>]*>(.*)</li>", in_place).group(1)
    assert found == (
        '<strong class="fv">Beta</strong> — leavers '
        "<details class='ex'><summary aria-label='quote: leavers'>(quote)</summary><div class='article'>"
        "<p>Beta counted 34. <mark><strong>Beta</strong> left.</mark></p></div>"
        "<p class='from'>From b: Beta story; pick it under “The articles” to read it whole.</p></details>")


# --- a long profile: a row per year (or vote) with what its figures say together --------------------------------------

def rng(source: str, low: float, high: float, year: str, at: int, **extra: object) -> dict:
    """A range figure ("LOW to HIGH"), no single value."""
    return figure(source, None, year, at, value_low=float(low), value_high=float(high),
                  value_text=f"{low:g} to {high:g}", **extra)


def row_texts(html: str) -> list[tuple[str, str, str]]:
    heading = BY_ID["citizenship_grants"].heading
    return [(r[0][2].removeprefix(heading), r[1][2], r[2][2]) for r in grants_row(html)]


def test_a_long_profile_says_each_years_value_range_or_agreement_and_its_latest_article() -> None:
    story = story_of([  # 11 figures: one row per year. ARTICLES: c.txt undated, b.txt 2022, a.txt 2023
        *[figure("a.txt", 1, "2010", at) for at in (1, 2, 3, 4)],
        figure("c.txt", 20, "2011", 10, qualifier="over"), rng("b.txt", 10, 800, "2011", 20, qualifier="about"),
        figure("a.txt", 400, "2011", 30),
        figure("c.txt", 5000, "2012", 40, value_text="5,000"),
        figure("b.txt", 5000, "2012", 50, value_text="5 000", qualifier="about"),
        figure("a.txt", 5000, "2012", 60, value_text="five thousand", qualifier="nearly"),
        figure("c.txt", 9, "2013", 70)])
    read = "Read it in the article ↓"
    assert row_texts(profile_html(story, "TJK")) == [
        ("2010 · 4 figures from 1 article", "1", f"Latest, The Alpha, 2023-05-01: Quote a.txt 4. {read}"
         " and 3 more figures in the data view"),
        ("2011 · 3 figures from 3 articles", f"about 10 to 800 to about 10 to 800{DIFFER}",
         f"Latest, The Alpha, 2023-05-01: Quote a.txt 30. {read} and 2 more figures in the data view"),
        ("2012 · 3 figures from 3 articles", "nearly five thousand",  # one number: the latest article's words
         f"Latest, The Alpha, 2023-05-01: Quote a.txt 60. {read} and 2 more figures in the data view"),
        ("2013 · 1 figure from 1 article", "9", f"Latest, c: Quote c.txt 70. {read}")]


def test_a_long_list_of_votes_counts_each_position_only_where_they_differ() -> None:
    def vote(source: str, position: str, resolution: str, at: int) -> dict:
        return figure(source, None, at=at, position=position, vote=resolution, indicator="un_ga_vote")

    story = story_of([vote("c.txt", "against", "A/RES/1", 1), vote("b.txt", "abstained", "A/RES/1", 2),
                      vote("a.txt", "abstained", "A/RES/1", 3),
                      *[vote(s, "abstained", "A/RES/2", 4) for s in ("a.txt", "b.txt", "c.txt")],
                      *[vote("a.txt", "in favour", "A/RES/3", at) for at in (5, 6, 7, 8, 9)]])
    heading = BY_ID["un_ga_vote"].heading
    said = [(r[0][2], r[1][2]) for r in cells(profile_html(story, "TJK")) if r[0][2].startswith(heading)]
    assert said == [(f"{heading}A/RES/1 · 3 figures from 3 articles", f"against (1) · abstained (2){DIFFER}"),
                    (f"{heading}A/RES/2 · 3 figures from 3 articles", "abstained"),
                    (f"{heading}A/RES/3 · 5 figures from 1 article", "in favour")]


def test_a_ranges_filter_key_holds_both_ends() -> None:
    html = profile_html(story_of([rng("a.txt", 10, 800, "2011", 20)]), "TJK", filterable=True)
    assert re.findall(r"data-key='([^']*)'", html) == ["10.0-800.0"]


def test_six_dated_sources_still_draw_a_line_each_and_an_undated_one_is_not_counted() -> None:
    dated = [figure(f"s{k}.txt", 10 + k, str(2015 + k), k) for k in range(6)]
    html = profile_html(story_of([*dated, figure("u.txt", 99, "", 50)]), "TJK")
    heading = BY_ID["citizenship_grants"].heading
    assert re.findall(r'<img alt="([^:"]*: [^.]*)', html) == [f"{heading}: every figure by year"]
