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
from components.views.labels import PANELS, source_line
from tests.html_tree import Node, parse

ROOT = Path(__file__).resolve().parent.parent
FOCUS = "TJK"


@dataclass
class Editions:
    """The same data shown by both editions, focused on one country."""

    story: store.Story
    dashboard: AppTest
    static: Node

    def html_block(self, marker: str) -> Node:
        """The dashboard's st.html block whose markup contains `marker`, parsed."""
        return parse(next(h.proto.body for h in self.dashboard.get("html") if marker in h.proto.body))


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Editions:
    out = tmp_path_factory.mktemp("site")
    index = publish.run(out)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["focus"] = FOCUS
    at.run()
    assert not at.exception
    return Editions(store.load_story(), at, parse(index.read_text(encoding="utf-8")))


def plotly_labels(spec: dict) -> dict[str, str]:
    """What a Plotly panel writes beside each country: its bar's label, vote words or the placeholder."""
    said = {}
    for trace in spec["data"]:
        for iso3, text in zip(trace.get("customdata", []), trace.get("text", [])):
            said[iso3] = text
    return said


def svg_labels(page: Node, indicator: str) -> dict[str, str]:
    """What a static panel writes beside each country: the value tspan, or the not-reported one."""
    panel = page.find("section", id=f"panel-{indicator}")
    said = {}
    for row in panel.find_all("g", cls="row"):
        if "alt" in row.classes:
            continue
        marks = [m for m in row.find_all("svg", cls="pos") if "alt" not in m.classes]
        if marks:  # a vote: the words beside each position's marker
            said[row.attrs["data-iso"]] = marks[0].find("text").children[0].strip()
            continue
        value = row.find_all("tspan", cls="val") or row.find_all("tspan", cls="nr")
        said[row.attrs["data-iso"]] = value[0].text
    return said


@pytest.mark.parametrize("indicator", PANELS)
def test_panel_labels_agree(editions, indicator):
    specs = [json.loads(c.proto.spec) for c in editions.dashboard.get("plotly_chart")]
    dashboard = plotly_labels(specs[PANELS.index(indicator)])
    static = svg_labels(editions.static, indicator)
    assert list(static) == list(CENTRAL_ASIA)
    assert dashboard == static


def profile_facts(table: Node) -> list[tuple[str, str, str, str]]:
    """(what, figure cell, quote, link) for each row of a profile table."""
    facts = []
    for row in table.find("tbody").find_all("tr"):
        links = row.find_all("a")
        quotes = row.find_all("q")
        facts.append((row.find("th").text, row.find("td", cls="v").text, quotes[0].text if quotes else "",
                      links[0].attrs["href"] if links else ""))
    return facts


def test_profile_agrees(editions):
    dashboard = profile_facts(editions.html_block("class='profile'").find("table", cls="profile"))
    static = profile_facts(editions.static.find("details", data_profile=FOCUS).find("table", cls="profile"))
    assert dashboard == static
    assert len(dashboard) >= len(PANELS)
    assert [h.value for h in editions.dashboard.header if h.value.endswith("in the article")] == [
        f"{country_name(FOCUS)} in the article"]
    assert editions.static.find("details", data_profile=FOCUS).find("summary").text == country_name(FOCUS)


def context_facts(root: Node) -> list[tuple[str, str, str]]:
    """(heading or intro, value as written, quote link) of every fact, in page order."""
    facts, heading = [], ""
    for node in root.iter():
        if node.tag in ("h3", "p"):
            heading = node.text
        elif node.tag == "li":
            facts.append((heading, node.find("strong", cls="fv").text, node.find("a").attrs["href"]))
    return facts


def test_context_list_and_timeline_agree(editions):
    dashboard = context_facts(editions.html_block("class='context'").find("div", cls="context"))
    static = context_facts(editions.static.find("section", aria_labelledby="context").find("div", cls="context"))
    assert dashboard == static
    assert len(dashboard) == len(editions.story.context)


def test_source_lines_agree(editions):
    captions = [c.value for c in editions.dashboard.caption]
    outlet = editions.story.article.get("outlet", "")
    for indicator in PANELS:
        line = source_line(indicator, editions.story.figures, outlet)
        assert line in captions
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
    dashboard = marks(editions.html_block("class='article'").find("div", cls="article"))
    static = marks(editions.static.find("div", cls="article"))
    assert dashboard == static
    quoted = {r.start for f in (editions.story.figures, editions.story.context) for r in f.itertuples()}
    assert {m[0] for m in dashboard} == {f"q-{s}" for s in quoted}


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
