"""Plotly figures of the four indicators and the map: pure functions of the figures table."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.indicators import BY_ID, VOTE
from components.views.labels import BAR_COLOUR, DIMMED_OPACITY, NOT_REPORTED, OKABE_ITO, panel_title, vote_style
from components.views.map_states import label_positions, map_states, wrap_label
from components.views.rows import panel_rows
from components.views.votes import DIFFER, vote_cells

FONT = "Source Sans, Source Sans Pro, Arial, sans-serif"
ROW_HEIGHT = 44
LONG_LABEL = 14  # characters; see indicator_chart
MAX_WORDED_VOTES = 3  # more votes than this: markers only in the grid, a key names them
ROW_HEIGHT_META = 62  # a bar with its source line under it
BAR_SHARE = 0.42  # of its row a bar takes when a source line goes under it
GRID_ROW_HEIGHT = 58  # a vote-grid row: marker and words under it
# Light single-hue blues: ordered for every colour vision, and dark label text stays readable on them.
MAP_SCALE = [[0, "#eaf2fa"], [1, "#6baed6"]]
RANGE_FILL = "#cfd8e3"  # a range is labelled, not shaded by a single value
DIFFER_FILL = "#f2f2f2"  # sources give different positions: labelled with both


def _opacity(iso3s: pd.Series, focus: str | None) -> list[float]:
    return [1.0 if focus in (None, iso3) else DIMMED_OPACITY for iso3 in iso3s]


def _tick_labels(rows: pd.DataFrame, focus: str | None) -> list[str]:
    # The focused country is marked by text weight and an arrow, not by colour alone.
    return [f"<b>▶ {n}</b>" if i == focus else n for i, n in zip(rows["country_iso3"], rows["country"])]


def wrap_title(title: str, width: int = 40) -> str:
    """Plotly titles do not wrap: break long ones into lines that fit a phone-width chart."""
    return "<br>".join(textwrap.wrap(title, width)) or title


def _layout(fig: go.Figure, title: str, rows: pd.DataFrame, focus: str | None, x_title: str,
            row_height: int = ROW_HEIGHT) -> go.Figure:
    lines = wrap_title(title).count("<br>") + 1
    fig.update_layout(
        title={"text": wrap_title(title), "x": 0, "xanchor": "left", "font": {"size": 16}},
        height=70 + 22 * lines + row_height * max(rows["country_iso3"].nunique(), 1),
        margin={"l": 8, "r": 16, "t": 28 + 22 * lines, "b": 40},
        font={"family": FONT, "size": 13}, showlegend=False, clickmode="event+select", dragmode=False,
        plot_bgcolor="white", paper_bgcolor="white", hoverlabel={"font": {"family": FONT}},
    )
    shown = list(dict.fromkeys(rows["country_iso3"]))
    names = dict(zip(rows["country_iso3"], rows["country"]))
    fig.update_yaxes(categoryorder="array", categoryarray=shown[::-1], tickvals=shown,
                     ticktext=_tick_labels(pd.DataFrame({"country_iso3": shown, "country": [names[c] for c in shown]}),
                                           focus),
                     fixedrange=True, automargin=True, ticks="", showgrid=False)
    fig.update_xaxes(title={"text": x_title, "font": {"size": 12}}, fixedrange=True, showgrid=True,
                     gridcolor="#e6e6e6", zeroline=True, zerolinecolor="#888", rangemode="tozero")
    return fig


def _bar_marker(got: pd.DataFrame, focus: str | None) -> dict:
    return {"color": BAR_COLOUR, "opacity": _opacity(got["country_iso3"], focus),
            "line": {"color": ["#1a1a1a" if i == focus else BAR_COLOUR for i in got["country_iso3"]],
                     "width": [2.5 if i == focus else 0 for i in got["country_iso3"]]}}


def indicator_chart(figures: pd.DataFrame, indicator: str, countries: list[str], focus: str | None,
                    articles: pd.DataFrame | None = None) -> go.Figure:
    """Horizontal bars of one numeric indicator, each country's most recent figure; a range is drawn from its low
    to its high end; not-reported states get a labelled placeholder, not a bar. Under a bar, when the page has
    several sources, its source and how many more figures the profile lists."""
    rows = panel_rows(figures, indicator, countries, articles)
    reported, missing = rows[rows["reported"]], rows[~rows["reported"]]
    ranges = reported["value"].isna() & reported["value_low"].notna()
    got, spans = reported[~ranges], reported[ranges]
    meta = reported["meta"].ne("").any()
    # Long labels (a year, a range) go inside a bar long enough to hold them, so they are not cut off at the
    # edge of a phone-width chart; white on the full colour, dark on a dimmed bar.
    long = bool(reported["label"].str.len().gt(LONG_LABEL).any())
    place = "auto" if long else "outside"
    fig = go.Figure()
    fig.add_bar(
        x=got["value"], y=got["country_iso3"], orientation="h", customdata=got["country_iso3"],
        text=got["label"], textposition=place, cliponaxis=False, textfont={"color": "#1a1a1a"},
        insidetextanchor="end", outsidetextfont={"color": "#1a1a1a"},
        insidetextfont={"color": ["white" if focus in (None, i) else "#1a1a1a" for i in got["country_iso3"]]},
        marker=_bar_marker(got, focus), width=BAR_SHARE if meta else None,
        hovertemplate="%{y}: %{text}<extra></extra>", name="reported",
        # plotly.js 4.1 reads trace.selected.textfont when a click selects a bar with text: without these
        # it throws and the click never reaches the app.
        selected={"textfont": {"color": "#1a1a1a"}}, unselected={"textfont": {"color": "#1a1a1a"}},
    )
    if len(spans):
        # A range is a bar from its low to its high end, hatched: never a single (averaged) value.
        marker = _bar_marker(spans, focus) | {"pattern": {"shape": "/", "fgcolor": "white", "size": 6,
                                                                 "fillmode": "overlay"}}
        fig.add_bar(
            x=spans["value_high"] - spans["value_low"], base=spans["value_low"], y=spans["country_iso3"],
            orientation="h", customdata=spans["country_iso3"], text=spans["label"], textposition="outside",
            cliponaxis=False, textfont={"color": "#1a1a1a"}, marker=marker, width=BAR_SHARE if meta else None,
            hovertemplate="%{y}: %{text} (a range)<extra></extra>", name="range",
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
    top = pd.concat([got["value"], spans["value_high"]]).max() if len(reported) else 1
    fig = _layout(fig, panel_title(indicator, figures), rows, focus, BY_ID[indicator].axis_label,
                  ROW_HEIGHT_META if meta else ROW_HEIGHT)
    fig.update_layout(barmode="overlay")  # a range bar sits in its country's row, not beside another trace's
    for r in reported[reported["meta"] != ""].itertuples():
        # Under the bar (which takes the middle of its row): its source and how many more figures there are.
        fig.add_annotation(x=0, y=r.country_iso3, xref="x", yref="y", xanchor="left", yanchor="top",
                           yshift=-BAR_SHARE * ROW_HEIGHT_META / 2 - 1, text=r.meta, showarrow=False,
                           font={"size": 11, "color": "#555"})
    # Room right of the longest bar for its label.
    fig.update_xaxes(range=[0, top * (1.45 if reported["label"].str.len().max() > 14 else 1.3)])
    if BY_ID[indicator].axis_suffix:
        fig.update_xaxes(ticksuffix=BY_ID[indicator].axis_suffix)
    return fig


def _vote_marker(mine: pd.DataFrame, style: dict, focus: str | None) -> dict:
    return {"symbol": style["symbol"], "size": 18, "color": style["colour"],
            "opacity": _opacity(mine["country_iso3"], focus),
            "line": {"width": [3 if i == focus else 1.5 for i in mine["country_iso3"]],
                     "color": ["#1a1a1a" if i == focus else style["colour"] for i in mine["country_iso3"]]}}


def _said(cells: pd.DataFrame) -> list[str]:
    """A position's words, marked ≠ where sources differ on it."""
    return [f"{p} ≠" if d else p for p, d in zip(cells["position"], cells["disputed"])]


def vote_chart(figures: pd.DataFrame, countries: list[str], focus: str | None,
               articles: pd.DataFrame | None = None) -> go.Figure:
    """Each state's position in the General Assembly votes: marker shape, colour and words together.

    One vote: a column per position, as the article words it. Several votes: a column per vote, by date. Where
    sources differ on a position, both are drawn and marked ≠.
    """
    cells = vote_cells(figures, countries, articles)
    votes = list(dict.fromkeys(cells["vote_label"]))
    if len(votes) > 1:
        return _vote_grid(figures, cells, votes, focus)
    got, missing = cells[cells["reported"]], cells[~cells["reported"]]
    positions = list(dict.fromkeys(got["position"]))
    fig = go.Figure()
    for position in positions:
        mine = got[got["position"] == position]
        style = vote_style(position)
        fig.add_scatter(
            x=[position] * len(mine), y=mine["country_iso3"], customdata=mine["country_iso3"],
            mode="markers+text", text=_said(mine), textposition="middle right",
            textfont={"color": "#1a1a1a"}, name=position, marker=_vote_marker(mine, style, focus),
            hovertemplate="%{y}: " + position + "<extra></extra>",
        )
    if len(missing):
        fig.add_scatter(
            x=[NOT_REPORTED] * len(missing), y=missing["country_iso3"], customdata=missing["country_iso3"],
            mode="markers+text", text=[NOT_REPORTED] * len(missing), textposition="middle right",
            marker={"symbol": "line-ns-open", "size": 14, "color": OKABE_ITO["grey"]},
            textfont={"color": "#555"}, name=NOT_REPORTED,
            hovertemplate="%{y}: " + NOT_REPORTED + "<extra></extra>",
        )
    fig = _layout(fig, panel_title(VOTE, figures), cells, focus, "position as the article states it")
    categories = positions + ([NOT_REPORTED] if len(missing) else [])
    # Categories on the left third so the text labels beside the markers fit.
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=categories, showticklabels=False,
                     range=[-0.5, len(categories) + 0.8], showgrid=False, zeroline=False)
    return fig


def vote_tick(label: str, width: int = 9) -> str:
    """A vote's column head, wrapped to a narrow column: "ES-11/1, 2 March 2022" → "ES-11/1<br>2 March<br>2022"."""
    return "<br>".join(line for part in label.split(", ") for line in textwrap.wrap(part, width) or [part])


def _vote_grid(figures: pd.DataFrame, cells: pd.DataFrame, votes: list[str], focus: str | None) -> go.Figure:
    """Countries × votes: each cell the position's marker with its words under it; where sources differ, both
    markers side by side and both positions in the words, marked ≠."""
    column = {v: i for i, v in enumerate(votes)}
    # Two positions in one cell sit side by side.
    group = cells.groupby(["country_iso3", "vote"])
    offset = group.cumcount() - (group["position"].transform("size") - 1) / 2
    cells = cells.assign(x=[column[v] + 0.24 * o for v, o in zip(cells["vote_label"], offset)])
    fig = go.Figure()
    got, missing = cells[cells["reported"]], cells[~cells["reported"]]
    for position in dict.fromkeys(got["position"]):
        mine = got[got["position"] == position]
        style = vote_style(position)
        fig.add_scatter(
            x=mine["x"], y=mine["country_iso3"], customdata=mine["country_iso3"], mode="markers",
            name=position, marker=_vote_marker(mine, style, focus) | {"size": 14},
            hovertext=[f"{v}: {position} ({s})" for v, s in zip(mine["vote_label"], mine["sources"])],
            hovertemplate="%{y}, %{hovertext}<extra></extra>", cliponaxis=False,
        )
    if len(missing):
        fig.add_scatter(
            x=missing["x"], y=missing["country_iso3"], customdata=missing["country_iso3"], mode="markers",
            marker={"symbol": "line-ns-open", "size": 12, "color": OKABE_ITO["grey"]}, name=NOT_REPORTED,
            hovertext=list(missing["vote_label"]),
            hovertemplate="%{y}, %{hovertext}: " + NOT_REPORTED + "<extra></extra>",
            cliponaxis=False,
        )
    # The words of each cell, once, under its marks: "abstained", or "against /<br>abstained ≠".
    words = []
    for (iso3, vote), cell in cells.groupby(["country_iso3", "vote_label"], sort=False):
        said = list(cell["position"]) if cell["reported"].any() else ["not reported"]
        words.append({"country_iso3": iso3, "x": column[vote], "text": " /<br>".join(said) + (" ≠" if len(said) > 1
                                                                                              else "")})
    words = pd.DataFrame(words)
    many = len(votes) > MAX_WORDED_VOTES
    if many:  # too many columns for words in each cell: the key under the chart names each marker
        fig.update_traces(showlegend=True)
    # An invisible marker as large as the visible ones puts the words under them, not across them.
    fig.add_scatter(x=words["x"], y=words["country_iso3"], customdata=words["country_iso3"], mode="markers+text",
                    marker={"size": 16, "opacity": 0}, text=words["text"], textposition="bottom center",
                    textfont={"color": "#1a1a1a", "size": 11},
                    hoverinfo="skip", name="words", cliponaxis=False, showlegend=False,
                    visible=not many)
    disputed = bool(cells["disputed"].any())
    fig = _layout(fig, panel_title(VOTE, figures), cells, focus, "", GRID_ROW_HEIGHT + (14 if disputed else 0))
    ticks = [vote_tick(v) for v in votes]
    lines = max(t.count("<br>") + 1 for t in ticks)
    # Upright, wrapped column heads: plotly tilts crowded ticks into the title otherwise.
    fig.update_xaxes(tickvals=list(range(len(votes))), ticktext=ticks, tickangle=0, tickfont={"size": 11},
                     side="top", range=[-0.6, len(votes) - 0.4], showgrid=False, zeroline=False, title=None)
    fig.update_layout(margin={"t": fig.layout.margin.t + 8 + 14 * lines, "b": 24})
    if many:
        fig.update_layout(showlegend=True, legend={"orientation": "h", "x": 0, "y": -0.02, "yanchor": "top"},
                          margin={"b": 60}, height=fig.layout.height + 40)
    return fig


def panel_chart(figures: pd.DataFrame, indicator: str, countries: list[str], focus: str | None,
                articles: pd.DataFrame | None = None) -> go.Figure:
    """The panel of any registry indicator: bars for a quantity, the position chart for a vote."""
    kind = BY_ID[indicator].kind
    if kind == "vote":
        return vote_chart(figures, countries, focus, articles)
    if kind == "quantity":
        return indicator_chart(figures, indicator, countries, focus, articles)
    raise ValueError(f"{indicator}: no Plotly panel for indicators of kind {kind!r}")


def _outline(iso3s: pd.Series, focus: str | None, colour: str = "white") -> dict:
    return {"line": {"width": [3 if i == focus else 1 for i in iso3s],
                     "color": ["#1a1a1a" if i == focus else colour for i in iso3s]}}


def _flat(fig: go.Figure, states: pd.DataFrame, colour: str, name: str, focus: str | None, line: str = "white") -> None:
    """States drawn in one colour (a vote position, a range, not reported): a shape for each, never a value."""
    if len(states):
        fig.add_choropleth(
            locations=states["country_iso3"], z=[1] * len(states), locationmode="ISO-3",
            colorscale=[[0, colour], [1, colour]], showscale=False, customdata=states["country_iso3"],
            marker=_outline(states["country_iso3"], focus, line), text=states["label"],
            hovertemplate="%{location}: %{text}<extra></extra>", name=name)


def map_chart(figures: pd.DataFrame, indicator: str, countries: list[str], focus: str | None,
              articles: pd.DataFrame | None = None) -> go.Figure:
    """Choropleth of Central Asia for one indicator; ranges and not-reported states drawn flat and labelled."""
    title, states = map_states(figures, indicator, countries, articles)
    fig = go.Figure()
    for position in dict.fromkeys(states.loc[states["kind"] == "vote", "position"]):
        _flat(fig, states[(states["kind"] == "vote") & (states["position"] == position)],
              vote_style(position)["colour"], position, focus)
    _flat(fig, states[states["kind"] == "differ"], DIFFER_FILL, DIFFER, focus, "#767676")
    got = states[states["kind"] == "value"]
    if len(got):
        fig.add_choropleth(
            locations=got["country_iso3"], z=got["value"], locationmode="ISO-3", colorscale=MAP_SCALE,
            zmin=0, zmax=float(got["value"].max()), zauto=False, customdata=got["country_iso3"],
            text=got["label"], marker=_outline(got["country_iso3"], focus),
            colorbar={"title": {"text": BY_ID[indicator].axis_label, "side": "top"}, "thickness": 10, "len": 0.6,
                      "orientation": "h", "x": 0, "xanchor": "left", "y": -0.02, "yanchor": "top"},
            hovertemplate="%{location}: %{text}<extra></extra>", name="reported")
    _flat(fig, states[states["kind"] == "range"], RANGE_FILL, "range", focus, "#767676")
    # A missing value draws no shape at all, so not-reported states get their own grey trace.
    _flat(fig, states[states["kind"] == "none"], "#d9d9d9", NOT_REPORTED, focus, "#767676")
    label_points = label_positions(list(states["country_iso3"]), list(states["label"]))
    # Codes keep labels of small states apart; the hover and the caption give full names.
    labels = [f"<b>▶ {i}<br>{v}</b>" if i == focus else f"{i}<br>{v}"
              for i, v in zip(states["country_iso3"], ["<br>".join(wrap_label(lbl)) for lbl in states["label"]])]
    fig.add_scattergeo(
        lon=[label_points[i][0] for i in states["country_iso3"]],
        lat=[label_points[i][1] for i in states["country_iso3"]],
        text=labels, mode="text", customdata=states["country_iso3"], hoverinfo="skip",
        textfont={"size": 11, "color": "#1a1a1a"}, name="labels")
    fig.update_geos(scope="asia", fitbounds="locations", showcountries=True, countrycolor="#bbb",
                    showland=True, landcolor="#f4f4f4", showlakes=False, showframe=False,
                    projection={"type": "mercator"}, bgcolor="white")
    title = wrap_title(title)
    fig.update_layout(title={"text": title, "x": 0, "font": {"size": 16}},
                      height=460, margin={"l": 0, "r": 0, "t": 28 + 22 * (title.count("<br>") + 1), "b": 60},
                      font={"family": FONT},
                      showlegend=False, clickmode="event+select", dragmode=False)
    return fig
