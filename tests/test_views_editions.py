"""One renderer per concept: the dashboard and the static edition, built from the same data, say the same things.

Each concept (panel labels, profile, context list and timeline, source lines, article highlights, anchors) is
read from both editions — the dashboard run headless with AppTest, the static page built by components.publish —
and compared: the same facts, in the same order, behind the same anchors.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import store
from components.countries import CENTRAL_ASIA, country_name
from components.publish import build as publish
from components.views.anchors import quote_anchor
from components.views.labels import PANELS, source_line
from tests.html_tree import Node, parse
from tests.multi_fixture import build

ROOT = Path(__file__).resolve().parent.parent
FOCUS = "TJK"


@dataclass
class Editions:
    """The same data shown by both editions, focused on one country."""

    story: store.Story
    dashboard: AppTest
    static: Node
    site: Path

    @property
    def several(self) -> bool:
        return len(self.story.articles) > 1

    def article_page(self, href: str) -> Node:
        """A static article page, by a link's address from index.html."""
        return parse((self.site / href.split("#")[0]).read_text(encoding="utf-8"))

    def html_block(self, marker: str) -> Node:
        """The dashboard's st.html block whose markup contains `marker`, parsed."""
        return parse(next(h.proto.body for h in self.dashboard.get("html") if marker in h.proto.body))


@pytest.fixture(scope="module", params=["one article", "several articles"])
def editions(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Editions:
    """Both editions from the shipped data, and from the multi-article test corpus (tests/fixtures/multi)."""
    if request.param == "one article":
        data_dir, seeds_dir = store.DATA_DIR, store.SEEDS_DIR
    else:
        data_dir, seeds_dir = build(tmp_path_factory.mktemp("multi"))
    index = publish.run(tmp_path_factory.mktemp("site"), data_dir, seeds_dir)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "DATA_DIR", data_dir)
        patch.setattr(store, "SEEDS_DIR", seeds_dir)
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.query_params["focus"] = FOCUS
        at.run()
    assert not at.exception
    return Editions(store.load_story(data_dir, seeds_dir), at, parse(index.read_text(encoding="utf-8")), index.parent)


def plotly_labels(spec: dict) -> dict[str, str] | set[tuple[str, str]]:
    """What a Plotly panel says of each country: its bar's label or the placeholder; for votes, every (country,
    position) it marks."""
    if any(t.get("type") == "bar" for t in spec["data"]):
        said = {}
        for trace in spec["data"]:
            for iso3, text in zip(trace.get("customdata", []), trace.get("text", [])):
                said[iso3] = text
        return said
    return {(iso3, t["name"]) for t in spec["data"] if "markers" in t.get("mode", "") and t["name"] != "words"
            for iso3 in t.get("customdata", [])}


def svg_labels(page: Node, indicator: str) -> dict[str, str] | set[tuple[str, str]]:
    """What a static panel shows of each country (hidden alternatives left out): the value as written and, where
    the panel's years differ, its year; or the placeholder; for votes, every (country, position) marked."""
    panel = page.find("section", id=f"panel-{indicator}")
    svg = panel.find("svg", cls="chart")
    rows = [r for r in panel.find_all("g", cls="row") if "alt" not in r.classes]
    assert [r.attrs["data-iso"] for r in rows] == list(CENTRAL_ASIA)
    if "votes" in svg.classes:
        return {(r.attrs["data-iso"], m.find("title").text) for r in rows
                for m in r.find_all("svg", cls="pos") if "alt" not in m.classes}
    said = {}
    for row in rows:
        value = row.find_all("tspan", cls="val") or row.find_all("tspan", cls="nr")
        year = row.find_all("tspan", cls="yr") if "mixed" in svg.classes else []
        said[row.attrs["data-iso"]] = value[0].text + (year[0].text if year else "")
    return said


@pytest.mark.parametrize("indicator", PANELS)
def test_panel_labels_agree(editions, indicator):
    specs = [json.loads(c.proto.spec) for c in editions.dashboard.get("plotly_chart")]
    assert plotly_labels(specs[PANELS.index(indicator)]) == svg_labels(editions.static, indicator)


def profile_facts(table: Node) -> list[tuple[str, str, str, str]]:
    """(what, figure cell, quote, where "Read it in the article" leads) for each row of a profile table: a link's
    address, or "in place: " and the words a sentence shown in place highlights."""
    facts = []
    for row in table.find("tbody").find_all("tr"):
        if "hidden" in row.attrs or not row.find_all("th"):
            continue  # the static page's spare not-reported rows, and the line charts' rows
        links = row.find_all("a")
        quotes = row.find_all("q")
        shown = row.find_all("details", cls="ex")
        where = f"in place: {shown[0].find('mark').text}" if shown else links[0].attrs["href"] if links else ""
        facts.append((row.find("th").text, row.find("td", cls="v").text, quotes[0].text if quotes else "", where))
    return facts


def test_profile_agrees(editions):
    dashboard = profile_facts(editions.html_block("class='profile'").find("table", cls="profile"))
    static = profile_facts(editions.static.find("details", data_profile=FOCUS).find("table", cls="profile"))
    assert [d[:3] for d in dashboard] == [s[:3] for s in static]
    if editions.several:
        # The dashboard holds one article at a time: each sentence shows in place; the static edition links to the
        # article's own page, where the same words are highlighted.
        for (*_, quote, shown), (*_, link) in zip(dashboard, static):
            assert shown == f"in place: {quote}"
            assert link.startswith("articles/") and editions.article_page(link).find("mark", id=link.split("#")[1])
    else:
        assert dashboard == static
    assert len(dashboard) >= len(PANELS)
    where = "the articles" if len(editions.story.articles) > 1 else "the article"
    assert [h.value for h in editions.dashboard.header if h.value.startswith(f"{country_name(FOCUS)} in ")] == [
        f"{country_name(FOCUS)} in {where}"]
    assert editions.static.find("details", data_profile=FOCUS).find("summary").text == country_name(FOCUS)


def context_facts(root: Node) -> list[tuple[str, str, str]]:
    """(heading or intro, value as written, where its quote link leads: an address, or "in place: " and the
    words a sentence shown in place highlights) of every fact, in page order."""
    facts, heading = [], ""
    for node in root.iter():
        if node.tag in ("h3", "p") and not any(node in d.iter() for d in root.find_all("details")):
            heading = node.text
        elif node.tag == "li":
            shown = node.find_all("details", cls="ex")
            where = f"in place: {shown[0].find('mark').text}" if shown else node.find("a").attrs["href"]
            facts.append((heading, node.find("strong", cls="fv").text, where))
    return facts


def test_context_list_and_timeline_agree(editions):
    dashboard = context_facts(editions.html_block("class='context'").find("div", cls="context"))
    static = context_facts(editions.static.find("section", aria_labelledby="context").find("div", cls="context"))
    if editions.several:  # as in the profile: in place in the dashboard, on the article's page in the static one
        assert [d[:2] for d in dashboard] == [s[:2] for s in static]
        quotes = {(r.label, r.quote) for r in editions.story.context.itertuples()}
        assert all(d[2].removeprefix("in place: ") in {q for _, q in quotes} for d in dashboard)
        assert all(editions.article_page(s[2]).find("mark", id=s[2].split("#")[1]) for s in static)
    else:
        assert dashboard == static
    assert len(dashboard) == len(editions.story.context)


def test_source_lines_agree(editions):
    captions = [c.value for c in editions.dashboard.caption]
    outlet = editions.story.article.get("outlet", "")
    for indicator in PANELS:
        line = source_line(indicator, editions.story.figures, outlet, editions.story.articles)
        assert any(c.endswith(line) for c in captions)
        assert editions.static.find("section", id=f"panel-{indicator}").find("p", cls="src").text == line
    credit = editions.static.find("p", cls="source").text
    dashboard_credit = re.sub(r"\\(.)", r"\1", captions[0])  # the caption escapes markdown characters
    assert credit.startswith(dashboard_credit)
    assert editions.story.article["title"] in dashboard_credit


def marks(root: Node) -> list[tuple[str, str, str]]:
    """(id, highlighted words, ↩ target) of every highlight in an article view."""
    out = []
    for p in root.find_all("p"):
        children = [c for c in p.children if isinstance(c, Node)]
        for i, node in enumerate(children):
            if node.tag == "mark":
                after = children[i + 1] if i + 1 < len(children) else None
                back = after.attrs["href"] if after is not None and "back" in after.classes else ""
                out.append((node.attrs["id"], node.text, back))
    return out


def test_article_highlights_agree(editions):
    dashboard = [m for d in editions.html_block(".article a.back").find_all("div", cls="article") for m in marks(d)]
    primary = editions.story.article["file"]
    quoted = {quote_anchor(r.start, r.source, primary) for f in (editions.story.figures, editions.story.context)
              for r in f.itertuples()}
    if not editions.several:
        static = [m for d in editions.static.find_all("div", cls="article") for m in marks(d)]
        assert dashboard == static
        assert {m[0] for m in dashboard} == quoted
        return
    # Several: the dashboard shows the article the reader opens (the first by default), the static edition each on
    # a page of its own, whose ↩ links lead back to the main page.
    pages = [a.attrs["href"] for a in editions.static.find("ul", cls="arts").find_all("a")]
    assert len(pages) == len(editions.story.articles)
    static = {href: [(i, words, back.removeprefix("../index.html")) for i, words, back in
                     marks(editions.article_page(href).find("div", cls="article"))] for href in pages}
    assert dashboard == static[pages[0]]
    assert not editions.static.find_all("mark")  # no article's text on the main page
    assert {m[0] for page in static.values() for m in page} == quoted


def test_anchors_agree(editions):
    """Every link target either edition uses exists in it, and both use the same panel and quote anchors."""
    static_ids = {n.attrs["id"] for n in editions.static.iter() if "id" in n.attrs}
    dashboard_ids = {n.attrs["id"] for h in editions.dashboard.get("html") for n in parse(h.proto.body).iter()
                     if "id" in n.attrs}
    dashboard_ids |= {h.proto.anchor for h in editions.dashboard.header}
    for ids, hrefs in ((static_ids, [n.attrs["href"] for n in editions.static.iter() if "href" in n.attrs]),
                       (dashboard_ids, [n.attrs["href"] for h in editions.dashboard.get("html")
                                        for n in parse(h.proto.body).iter() if "href" in n.attrs])):
        internal = {h[1:] for h in hrefs if h.startswith("#")}
        assert internal and internal <= ids, internal - ids
    panels = {f"panel-{i}" for i in PANELS}
    assert panels <= static_ids and panels <= dashboard_ids
    assert {"context", "article"} <= static_ids and {"context", "article"} <= dashboard_ids
