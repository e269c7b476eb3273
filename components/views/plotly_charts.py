"""Plotly figures of the four indicators and the map: pure functions of the figures table."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.geometry import centroids
from components.indicators import BY_ID, VOTE
from components.views.labels import BAR_COLOUR, DIMMED_OPACITY, NOT_REPORTED, OKABE_ITO, panel_title, vote_style
from components.views.rows import map_labels, panel_rows

FONT = "Source Sans, Source Sans Pro, Arial, sans-serif"
ROW_HEIGHT = 44
# Light single-hue blues: ordered for every colour vision, and dark label text stays readable on them.
MAP_SCALE = [[0, "#eaf2fa"], [1, "#6baed6"]]


def _opacity(iso3s: pd.Series, focus: str | None) -> list[float]:
    return [1.0 if focus in (None, iso3) else DIMMED_OPACITY for iso3 in iso3s]


def _tick_labels(rows: pd.DataFrame, focus: str | None) -> list[str]:
    # The focused country is marked by text weight and an arrow, not by colour alone.
    return [f"<b>▶ {n}</b>" if i == focus else n for i, n in zip(rows["country_iso3"], rows["country"])]


def wrap_title(title: str, width: int = 40) -> str:
    """Plotly titles do not wrap: break long ones into lines that fit a phone-width chart."""
    return "<br>".join(textwrap.wrap(title, width)) or title


def _layout(fig: go.Figure, title: str, rows: pd.DataFrame, focus: str | None, x_title: str) -> go.Figure:
    lines = wrap_title(title).count("<br>") + 1
    fig.update_layout(
        title={"text": wrap_title(title), "x": 0, "xanchor": "left", "font": {"size": 16}},
        height=70 + 22 * lines + ROW_HEIGHT * max(len(rows), 1),
        margin={"l": 8, "r": 16, "t": 28 + 22 * lines, "b": 40},
        font={"family": FONT, "size": 13}, showlegend=False, clickmode="event+select", dragmode=False,
        plot_bgcolor="white", paper_bgcolor="white", hoverlabel={"font": {"family": FONT}},
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["country_iso3"])[::-1],
                     tickvals=list(rows["country_iso3"]), ticktext=_tick_labels(rows, focus),
                     fixedrange=True, automargin=True, ticks="", showgrid=False)
    fig.update_xaxes(title={"text": x_title, "font": {"size": 12}}, fixedrange=True, showgrid=True,
                     gridcolor="#e6e6e6", zeroline=True, zerolinecolor="#888", rangemode="tozero")
    return fig


def indicator_chart(figures: pd.DataFrame, indicator: str, countries: list[str], focus: str | None) -> go.Figure:
    """Horizontal bars of one numeric indicator; not-reported states get a labelled placeholder, not a bar."""
    rows = panel_rows(figures, indicator, countries)
    got, missing = rows[rows["reported"]], rows[~rows["reported"]]
    fig = go.Figure()
    fig.add_bar(
        x=got["value"], y=got["country_iso3"], orientation="h", customdata=got["country_iso3"],
        text=got["written"], textposition="outside", cliponaxis=False, textfont={"color": "#1a1a1a"},
        marker={"color": BAR_COLOUR, "opacity": _opacity(got["country_iso3"], focus),
                "line": {"color": ["#1a1a1a" if i == focus else BAR_COLOUR for i in got["country_iso3"]],
                         "width": [2.5 if i == focus else 0 for i in got["country_iso3"]]}},
        hovertemplate="%{y}: %{text}<extra></extra>", name="reported",
        # plotly.js 4.1 reads trace.selected.textfont when a click selects a bar with text: without these
        # it throws and the click never reaches the app.
        selected={"textfont": {"color": "#1a1a1a"}}, unselected={"textfont": {"color": "#1a1a1a"}},
    )
    fig.add_scatter(
        x=[0] * len(missing), y=missing["country_iso3"], customdata=missing["country_iso3"],
        mode="markers+text", text=[NOT_REPORTED] * len(missing), textposition="middle right",
        textfont={"color": "#555", "size": 12},
        marker={"symbol": "line-ns-open", "size": 14, "color": OKABE_ITO["grey"],
                "opacity": _opacity(missing["country_iso3"], focus), "line": {"width": 2}},
        hovertemplate="%{y}: " + NOT_REPORTED + "<extra></extra>", name=NOT_REPORTED,
    )
    top = got["value"].max() if len(got) else 1
    fig = _layout(fig, panel_title(indicator, figures), rows, focus, BY_ID[indicator].axis_label)
    # Room right of the longest bar for its label.
    fig.update_xaxes(range=[0, top * 1.3])
    if BY_ID[indicator].axis_suffix:
        fig.update_xaxes(ticksuffix=BY_ID[indicator].axis_suffix)
    return fig


def vote_chart(figures: pd.DataFrame, countries: list[str], focus: str | None) -> go.Figure:
    """Each state's position in the General Assembly vote: marker shape, colour and text together."""
    rows = panel_rows(figures, VOTE, countries)
    positions = list(dict.fromkeys(p for p in rows["position"] if p))
    fig = go.Figure()
    for position in positions:
        mine = rows[rows["position"] == position]
        style = vote_style(position)
        fig.add_scatter(
            x=[position] * len(mine), y=mine["country_iso3"], customdata=mine["country_iso3"],
            mode="markers+text", text=[position] * len(mine), textposition="middle right",
            textfont={"color": "#1a1a1a"}, name=position,
            marker={"symbol": style["symbol"], "size": 18, "color": style["colour"],
                    "opacity": _opacity(mine["country_iso3"], focus),
                    "line": {"width": [3 if i == focus else 1.5 for i in mine["country_iso3"]],
                             "color": ["#1a1a1a" if i == focus else style["colour"] for i in mine["country_iso3"]]}},
            hovertemplate="%{y}: " + position + "<extra></extra>",
        )
    missing = rows[~rows["reported"]]
    if len(missing):
        fig.add_scatter(
            x=[NOT_REPORTED] * len(missing), y=missing["country_iso3"], customdata=missing["country_iso3"],
            mode="markers+text", text=[NOT_REPORTED] * len(missing), textposition="middle right",
            marker={"symbol": "line-ns-open", "size": 14, "color": OKABE_ITO["grey"]},
            textfont={"color": "#555"}, name=NOT_REPORTED,
            hovertemplate="%{y}: " + NOT_REPORTED + "<extra></extra>",
        )
    fig = _layout(fig, panel_title(VOTE, figures), rows, focus, "position as the article states it")
    categories = positions + ([NOT_REPORTED] if len(missing) else [])
    # Categories on the left third so the text labels beside the markers fit.
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=categories, showticklabels=False,
                     range=[-0.5, len(categories) + 0.8], showgrid=False, zeroline=False)
    return fig


def panel_chart(figures: pd.DataFrame, indicator: str, countries: list[str], focus: str | None) -> go.Figure:
    """The panel of any registry indicator: bars for a quantity, the position chart for a vote."""
    kind = BY_ID[indicator].kind
    if kind == "vote":
        return vote_chart(figures, countries, focus)
    if kind == "quantity":
        return indicator_chart(figures, indicator, countries, focus)
    raise ValueError(f"{indicator}: no Plotly panel for indicators of kind {kind!r}")


def map_chart(figures: pd.DataFrame, indicator: str, countries: list[str], focus: str | None) -> go.Figure:
    """Choropleth of Central Asia for one indicator; not-reported states drawn grey and labelled."""
    rows = panel_rows(figures, indicator, countries)
    got, missing = rows[rows["reported"]], rows[~rows["reported"]]
    fig = go.Figure()
    if BY_ID[indicator].is_vote:
        for position in dict.fromkeys(got["position"]):
            mine = got[got["position"] == position]
            colour = vote_style(position)["colour"]
            fig.add_choropleth(
                locations=mine["country_iso3"], z=[1] * len(mine), locationmode="ISO-3",
                colorscale=[[0, colour], [1, colour]], showscale=False, customdata=mine["country_iso3"],
                marker={"line": {"width": [3 if i == focus else 1 for i in mine["country_iso3"]],
                                 "color": ["#1a1a1a" if i == focus else "white" for i in mine["country_iso3"]]}},
                text=mine["country"], hovertemplate="%{text}: " + position + "<extra></extra>", name=position)
    elif len(got):
        fig.add_choropleth(
            locations=got["country_iso3"], z=got["value"], locationmode="ISO-3", colorscale=MAP_SCALE,
            zmin=0, zmax=float(got["value"].max()), zauto=False, customdata=got["country_iso3"],
            text=got["written"],
            marker={"line": {"width": [3 if i == focus else 1 for i in got["country_iso3"]],
                             "color": ["#1a1a1a" if i == focus else "white" for i in got["country_iso3"]]}},
            colorbar={"title": {"text": BY_ID[indicator].axis_label, "side": "top"}, "thickness": 10, "len": 0.6,
                      "orientation": "h", "x": 0, "xanchor": "left", "y": -0.02, "yanchor": "top"},
            hovertemplate="%{location}: %{text}<extra></extra>", name="reported")
    if len(missing):
        # A missing value draws no shape at all, so not-reported states get their own grey trace.
        fig.add_choropleth(
            locations=missing["country_iso3"], z=[0] * len(missing), locationmode="ISO-3",
            colorscale=[[0, "#d9d9d9"], [1, "#d9d9d9"]], showscale=False, customdata=missing["country_iso3"],
            marker={"line": {"width": [3 if i == focus else 1 for i in missing["country_iso3"]],
                             "color": ["#1a1a1a" if i == focus else "#767676" for i in missing["country_iso3"]]}},
            hovertemplate="%{location}: " + NOT_REPORTED + "<extra></extra>", name=NOT_REPORTED)
    centroid = centroids()
    # Codes keep labels of small states apart; the hover and the caption give full names.
    said = map_labels(rows)
    labels = [f"<b>▶ {i}<br>{v}</b>" if i == focus else f"{i}<br>{v}" for i, v in zip(rows["country_iso3"], said)]
    fig.add_scattergeo(
        lon=[centroid[i][0] for i in rows["country_iso3"]], lat=[centroid[i][1] for i in rows["country_iso3"]],
        text=labels, mode="text", customdata=rows["country_iso3"], hoverinfo="skip",
        textfont={"size": 11, "color": "#1a1a1a"}, name="labels")
    fig.update_geos(scope="asia", fitbounds="locations", showcountries=True, countrycolor="#bbb",
                    showland=True, landcolor="#f4f4f4", showlakes=False, showframe=False,
                    projection={"type": "mercator"}, bgcolor="white")
    title = wrap_title(panel_title(indicator, figures))
    fig.update_layout(title={"text": title, "x": 0, "font": {"size": 16}},
                      height=460, margin={"l": 0, "r": 0, "t": 28 + 22 * (title.count("<br>") + 1), "b": 60},
                      font={"family": FONT},
                      showlegend=False, clickmode="event+select", dragmode=False)
    return fig
