"""Figure builders: traces, labels, titles, not-reported placeholders and focus highlighting."""

from __future__ import annotations

import pandas as pd
import pytest

from components.countries import CENTRAL_ASIA, country_name
from components.store import load_figures
from components.views import plotly_charts as charts
from components.views.labels import DIMMED_OPACITY, NOT_REPORTED, PANELS

NUMERIC = [p for p in PANELS if p != charts.VOTE]


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    return load_figures()


def reported(figures: pd.DataFrame, indicator: str) -> set[str]:
    return set(figures.loc[figures["indicator"] == indicator, "country_iso3"])


@pytest.mark.parametrize("indicator", NUMERIC)
def test_bars_are_the_reported_figures_with_the_articles_words(figures, indicator):
    fig = charts.indicator_chart(figures, indicator, [], None)
    bars = fig.data[0]
    mine = figures[figures["indicator"] == indicator].set_index("country_iso3")
    assert list(bars.customdata) == [c for c in CENTRAL_ASIA if c in mine.index]
    for iso3, x, text in zip(bars.customdata, bars.x, bars.text):
        assert x == mine.loc[iso3, "value"]
        assert text == mine.loc[iso3, "value_text"]  # labelled exactly as the article writes it


@pytest.mark.parametrize("indicator", NUMERIC)
def test_every_state_is_listed_and_the_unreported_get_a_label_not_a_bar(figures, indicator):
    fig = charts.indicator_chart(figures, indicator, [], None)
    bars, placeholders = fig.data[0], fig.data[1]
    missing = [c for c in CENTRAL_ASIA if c not in reported(figures, indicator)]
    assert list(placeholders.customdata) == missing
    assert set(placeholders.text) <= {NOT_REPORTED}
    assert not set(bars.customdata) & set(missing)  # no zero-length bar for them
    assert 0 not in list(bars.x)
    assert list(fig.layout.yaxis.tickvals) == list(CENTRAL_ASIA)


def test_states_without_migrant_figures_are_placeholders(figures):
    fig = charts.indicator_chart(figures, "migrant_workers", [], None)
    assert {"KAZ", "TKM"} <= set(fig.data[1].customdata)


@pytest.mark.parametrize("indicator", PANELS)
def test_titles_say_what_and_when(figures, indicator):
    build = charts.vote_chart if indicator == charts.VOTE else None
    fig = build(figures, [], None) if build else charts.indicator_chart(figures, indicator, [], None)
    title = fig.layout.title.text.replace("<br>", " ")
    rows = figures[figures["indicator"] == indicator]
    years = {y for y in rows["year"] if y}
    periods = {p for p in rows["as_of"] if p}
    if indicator == charts.VOTE:
        assert all(p in title for p in periods)
    elif years:
        assert all(y in title for y in years)
    else:
        assert "year not stated" in title


def test_numeric_axes_carry_units(figures):
    for indicator in NUMERIC:
        fig = charts.indicator_chart(figures, indicator, [], None)
        assert fig.layout.xaxis.title.text


@pytest.mark.parametrize("indicator", NUMERIC)
def test_focus_highlights_one_country_and_dims_the_rest(figures, indicator):
    focus = sorted(reported(figures, indicator))[0]
    fig = charts.indicator_chart(figures, indicator, [], focus)
    bars = fig.data[0]
    for iso3, opacity, width in zip(bars.customdata, bars.marker.opacity, bars.marker.line.width):
        assert opacity == (1.0 if iso3 == focus else DIMMED_OPACITY)
        assert (width > 0) == (iso3 == focus)
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext))
    assert ticks[focus] == f"<b>▶ {country_name(focus)}</b>"  # not colour alone
    assert all("▶" not in t for c, t in ticks.items() if c != focus)


def test_no_focus_dims_nothing(figures):
    fig = charts.indicator_chart(figures, "citizenship_grants", [], None)
    assert set(fig.data[0].marker.opacity) == {1.0}


def test_filter_keeps_only_chosen_states_in_region_order(figures):
    fig = charts.indicator_chart(figures, "migrant_workers", ["UZB", "KAZ"], None)
    assert list(fig.layout.yaxis.tickvals) == ["KAZ", "UZB"]
    assert list(fig.data[1].customdata) == ["KAZ"]


def test_vote_positions_as_stated_with_shape_and_text(figures):
    fig = charts.vote_chart(figures, [], None)
    votes = figures[figures["indicator"] == charts.VOTE]
    seen = {}
    for trace in fig.data:
        for iso3, text in zip(trace.customdata, trace.text):
            seen[iso3] = (text, trace.marker.symbol)
    assert {k: v[0] for k, v in seen.items()} == dict(zip(votes["country_iso3"], votes["position"]))
    symbols = {v for _, v in seen.values()}
    assert len(symbols) == votes["position"].nunique()  # each position has its own marker shape


def test_vote_missing_state_gets_a_placeholder(figures):
    without = figures[~((figures["indicator"] == charts.VOTE) & (figures["country_iso3"] == "TKM"))]
    fig = charts.vote_chart(without, [], None)
    placeholder = [t for t in fig.data if t.name == NOT_REPORTED]
    assert placeholder and list(placeholder[0].customdata) == ["TKM"]


@pytest.mark.parametrize("indicator", PANELS)
def test_map_draws_every_state_and_marks_the_unreported(figures, indicator):
    fig = charts.map_chart(figures, indicator, [], "TJK")
    shapes = [t for t in fig.data if t.type == "choropleth"]
    drawn = [c for t in shapes for c in t.locations]
    assert sorted(drawn) == sorted(CENTRAL_ASIA)
    grey = [t for t in shapes if t.name == NOT_REPORTED]
    missing = sorted(set(CENTRAL_ASIA) - reported(figures, indicator))
    assert (sorted(grey[0].locations) if grey else []) == missing
    labels = next(t for t in fig.data if t.type == "scattergeo")
    assert any(t.startswith("<b>▶ TJK") for t in labels.text)
    assert fig.layout.geo.scope == "asia"


def test_map_geometry_is_shipped_and_the_chart_config_points_at_it():
    from components.geometry import GEOMETRY, TOPOJSON_URL, centroids
    from components.page.panels import PLOTLY_CONFIG

    assert GEOMETRY.is_file() and GEOMETRY.parent.name == "static"
    assert set(centroids()) == set(CENTRAL_ASIA)
    # Without this setting plotly.js fetches the geometry from its CDN.
    assert PLOTLY_CONFIG["topojsonURL"] == TOPOJSON_URL == f"app/{GEOMETRY.parent.name}/"
