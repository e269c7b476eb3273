"""Walk the indicator registry: every indicator has a heading, a chart in both editions, a description, a README line.

Adding an indicator means one registry entry plus its extraction rules; this test names what else is missing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.countries import CENTRAL_ASIA
from components.indicators import INDICATORS
from components.publish import build as publish
from components.store import load_figures
from components.views import plotly_charts, svg_charts
from tests.html_tree import parse

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures():
    return load_figures()


def test_the_registry_is_not_empty_and_headings_are_distinct():
    headings = [i.heading for i in INDICATORS]
    assert headings and len(set(headings)) == len(headings)


@pytest.mark.parametrize("entry", INDICATORS, ids=lambda i: i.id)
def test_indicator_has_a_heading_unit_and_kind(entry):
    assert entry.heading.strip() and entry.axis_label.strip() and entry.description.strip()
    assert entry.kind in ("quantity", "vote")


@pytest.mark.parametrize("entry", INDICATORS, ids=lambda i: i.id)
def test_indicator_has_a_plotly_panel_and_map(figures, entry):
    fig = plotly_charts.panel_chart(figures, entry.id, [], None)
    assert fig.layout.title.text.replace("<br>", " ").startswith(entry.heading)
    drawn = {c for trace in fig.data for c in (trace.customdata if trace.customdata is not None else [])}
    assert drawn == set(CENTRAL_ASIA)  # every state: a mark or the not-reported placeholder
    shapes = [c for t in plotly_charts.map_chart(figures, entry.id, [], None).data if t.type == "choropleth"
              for c in t.locations]
    assert sorted(shapes) == sorted(CENTRAL_ASIA)


@pytest.mark.parametrize("entry", INDICATORS, ids=lambda i: i.id)
def test_indicator_has_an_svg_panel_and_map(figures, entry):
    panel = parse(publish.panel_html(figures, entry.id, "Outlet"))
    assert panel.find("h3").text.startswith(entry.heading)
    rows = panel.find("svg", cls="chart").find_all("g", cls="row")
    assert [r.attrs["data-iso"] for r in rows] == list(CENTRAL_ASIA)
    shapes = parse(svg_charts.map_svg(figures, entry.id)).find_all("path", cls="shape")
    assert all(s.attrs[f"data-f-{entry.id}"] for s in shapes) and len(shapes) == len(CENTRAL_ASIA)


@pytest.mark.parametrize("entry", INDICATORS, ids=lambda i: i.id)
def test_indicator_is_described_in_the_data_package(entry):
    figures = next(r for r in PACKAGE["resources"] if r["name"] == "figures")
    field = next(f for f in figures["schema"]["fields"] if f["name"] == "indicator")
    assert entry.id in field["constraints"]["enum"]
    described = entry.description[0].lower() + entry.description[1:].rstrip(".")
    assert f"{entry.id}, {described}" in field["description"]


@pytest.mark.parametrize("entry", INDICATORS, ids=lambda i: i.id)
def test_indicator_has_a_line_in_the_readme(entry):
    assert entry.heading in README, f"README.md does not name the indicator {entry.heading!r}"


def test_an_unknown_kind_has_no_chart(figures, monkeypatch):
    """A registry entry of a kind neither edition can draw fails loudly instead of drawing the wrong chart."""
    from dataclasses import replace

    from components import indicators

    odd = replace(INDICATORS[0], kind="ratio")
    monkeypatch.setitem(indicators.BY_ID, odd.id, odd)
    with pytest.raises(ValueError, match="kind 'ratio'"):
        plotly_charts.panel_chart(figures, odd.id, [], None)
    with pytest.raises(ValueError, match="kind 'ratio'"):
        svg_charts.panel_svg(figures, odd.id)
