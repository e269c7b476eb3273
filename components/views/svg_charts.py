"""Static SVG panels and the Central Asia map for the published edition, rendered server-side."""

from __future__ import annotations

import html
import json
import math
import re

import pandas as pd

from components.countries import CENTRAL_ASIA, country_name
from components.geometry import centroids, topology
from components.indicators import BY_ID, VOTE
from components.views.labels import (
    BAR_COLOUR,
    NOT_REPORTED,
    OKABE_ITO,
    PANELS,
    article_names,
    panel_alt,
    panel_title,
    short,
    source_name,
    vote_key,
    vote_style,
)
from components.views.map_states import LABEL_WIDTH, map_states, map_vote, split_label, spread
from components.views.rows import MORE, NO_YEAR, latest_first, many_sources, panel_rows, written
from components.views.sources import source_id
from components.views.summary import counted_by
from components.views.votes import DIFFER, vote_cells

ROW = 48  # px per country in a bar panel: name line, bar line, and a finger-sized tap target
ROW_META = 66  # the same with a line under the bar naming its source and how many more figures there are
LONG_LABEL = 14  # characters: a figure written longer than this gets a line of its own, under the name
LONG_DROP = 20  # px that line adds to its row
VOTE_ROW = 40
SLOT = 24  # a second position in one vote cell (sources differ) sits this far below the first
GRID_ROW = 48  # a vote grid's row: the marker, its words under it
GRID_SLOT = 40  # in a grid, a second position sits this far below the first
VOTE_HEAD = 38  # room above a vote grid for the votes' names (two lines)
NAME_SHARE = 38  # % of a vote grid's width kept for the country names
MAX_WORDED_VOTES = 3  # more votes than this: markers only, the key names them
RESOLUTION_LABEL = re.compile(r"^ES-\d+/\d+")  # a vote's label that starts with its resolution
INDENT = 16  # room left of each row for the focus arrow
BAR_SPAN = 90  # the longest bar takes this share (%) of the panel width, past the indent
MAP_WIDTH = 600  # map viewBox width; its height follows the projected region
MAP_MARGIN = 1.0  # degrees of context drawn around the region
CLAMP = 4.0  # degrees beyond the frame where outside geometry is kept before being flattened
NO_DATA_FILL = "url(#hatch)"
RANGE_FILL = "#cfd8e3"  # a range is labelled, not shaded by one value (never its midpoint)
DIFFER_FILL = "#f2f2f2"  # sources give different positions: labelled with both
LIGHT_BLUE = "#d7e7f3"


def esc(value: object) -> str:
    """Text escaped for HTML and SVG, quotes included."""
    return html.escape(str(value), quote=True)


def _row_open(iso3: str, y: int, label: str, extra: str = "", attrs: str = "") -> str:
    """A clickable, keyboard-operable country row; the JS script toggles focus on it.

    `extra` classes: `alt` for a figure not drawn now (a less recent one, shown when the reader's choice of sources
    leaves it the most recent), `none` for the not-reported row a source filter may need.
    """
    return (f'<g class="row c{" " + extra if extra else ""}" data-iso="{iso3}" data-act="focus" '
            f'transform="translate(0 {y})" tabindex="0" role="button" aria-pressed="false" aria-label="{esc(label)}"'
            f'{attrs}>')


def _name(country: str) -> str:
    """Country name, with the focus arrow the stylesheet shows only on the focused row."""
    return (f'<tspan class="fm" x="0" aria-hidden="true">▶</tspan>'
            f'<tspan class="name" x="{INDENT}">{esc(country)}</tspan>')


def _top(candidates: pd.DataFrame) -> float:
    values = pd.concat([candidates["value"], candidates["value_high"]]).dropna()
    return float(values.max()) if len(values) else 1.0


def title_templates(indicator: str) -> str:
    """The panel title's wordings as data attributes, for the script that retitles a panel when the reader
    narrows the sources: {y} is a year, {years} the years' label."""
    heading = BY_ID[indicator].heading
    forms = {"one": f"{heading}, {{y}}", "none": f"{heading} (year not stated)",
             "mixed": f"{heading}: latest figures, years differ ({{years}})"}
    return "".join(f' data-t-{k}="{esc(v)}"' for k, v in forms.items())


def bar_panel(figures: pd.DataFrame, indicator: str, articles: pd.DataFrame | None = None,
              filterable: bool = True) -> str:
    """Horizontal bars of one numeric indicator: each country's most recent figure in the article's own words (a
    range as a bar from low to high), its year when the panel's years differ, its source and how many more figures
    there are when the page has several; a placeholder where none.

    Every other figure of a country is drawn too, hidden (`alt`), so the page can show the most recent figure of
    the sources a reader picks without another request; bars share one scale across all of them. Not
    `filterable` (a page without a sources filter, such as one of a thousand articles): the drawn figures only.
    """
    rows = panel_rows(figures, indicator, [], articles)
    mine = latest_first(figures[figures["indicator"] == indicator], articles)
    title = panel_title(indicator, figures)
    unit = BY_ID[indicator].axis_label
    named = many_sources(figures)
    top = _top(mine)
    meta = named or bool(rows["more"].gt(0).any())
    step = ROW_META if meta else ROW
    mixed = " mixed" if rows.loc[rows["reported"], "year"].nunique() > 1 else ""
    outlets = article_names(articles) if articles is not None else {}
    retold = named and filterable  # the page's script retells the summary from the figures of the chosen sources
    credits = (figures.groupby(["source", "value_start"])["attribution"].agg(" ".join).to_dict() if retold else {})
    parts = [f'<svg class="chart{mixed}" width="100%" height="{step * len(rows) + 4}" data-row="{step}" '
             f'data-pad="4" data-more="{esc(MORE)}" data-no-year="{esc(NO_YEAR)}" role="group" '
             f'aria-label="{esc(panel_alt(title, rows))}">']
    body, y = [], 0
    for r in rows.itertuples():
        candidates = mine[mine["country_iso3"] == r.country_iso3]
        heights = []
        drawn = candidates if filterable else candidates.head(1)
        for k, c in enumerate(drawn.itertuples()):
            words = written(indicator, c.value_text, c.qualifier)
            more = MORE.format(n=f"{len(candidates) - 1:,}") if len(candidates) > 1 else ""
            # A long label gets its own line under the name, so it never runs over the name in a narrow panel.
            long = len(words) > LONG_LABEL
            down = LONG_DROP if long else 0
            height = step + down
            heights.append(height)
            body.append(_row_open(r.country_iso3, y, f"{r.country} {words} {unit}", "alt" if k else "",
                                  f' data-src="{esc(source_id(c.source))}" data-year="{esc(c.year)}"'
                                  + (_summary_data(c, words, credits) if retold else "") + f' data-h="{height}"'))
            body.append(f'<rect class="hit" width="100%" height="{height}"/>')
            low = c.value_low if pd.isna(c.value) else 0.0
            high = c.value_high if pd.isna(c.value) else c.value
            x, width = BAR_SPAN * low / top, max(BAR_SPAN * (high - low) / top, 0.5)
            kind = "bar range" if pd.isna(c.value) else "bar"
            body.append(f'<g transform="translate({INDENT} {down})"><rect class="{kind}" x="{x:.2f}%" y="26" '
                        f'height="14" width="{width:.2f}%" fill="{BAR_COLOUR}"/></g>')
            year = f'<tspan class="yr"> ({esc(c.year or NO_YEAR)})</tspan>'
            if long:
                value = f'<tspan class="val" x="{INDENT}" y="{19 + down}">{esc(words)}</tspan>{year}'
            else:
                # The year is the value's own text chunk's tail: anchored at the end with it, shown when years
                # differ.
                value = f'<tspan class="val" x="100%" text-anchor="end">{esc(words)}</tspan>{year}'
            body.append(f'<text y="19">{_name(r.country)} {value}</text>')
            if meta:
                source = short(outlets.get(c.source, source_name(c.source))) if named else ""
                joint = " · " if source and more else ""
                body.append(f'<text class="meta" x="{INDENT}" y="{58 + down}"><tspan class="src">{esc(source)}'
                            f'</tspan><tspan class="more" data-joint="{esc(" · " if source else "")}">'
                            f'{esc(joint + more)}</tspan></text>')
            body.append("</g>")
        if candidates.empty or (named and filterable):
            # Not reported: always for a country without a figure; hidden otherwise, for when the reader's choice
            # of sources leaves it without one.
            extra = "none" + (" alt" if len(candidates) else "")
            body.append(_row_open(r.country_iso3, y, f"{r.country} {NOT_REPORTED}", extra,
                                  f' data-src="" data-h="{step}"'))
            body.append(f'<rect class="hit" width="100%" height="{step}"/>')
            body.append(f'<text y="19">{_name(r.country)} <tspan class="nr" x="{INDENT}" y="38">'
                        f'{esc(NOT_REPORTED)}</tspan></text></g>')
        y += heights[0] if heights else step
    parts[0] = parts[0].replace(f'height="{step * len(rows) + 4}"', f'height="{y + 4}"')
    parts.extend(body)
    parts.append("</svg>")
    return "".join(parts)


def _summary_data(c, words: str, credits: dict[tuple[str, int], str]) -> str:
    """What the static page's script reads of a figure to rewrite the summary for the sources a reader picks: its
    value, its words, and who the summary says counted it (summary.counted_by)."""
    who = counted_by(credits.get((c.source, c.value_start), ""))
    return f' data-v="{"" if pd.isna(c.value) else repr(float(c.value))}" data-said="{esc(words)}" data-who="{who}"'


def panel_svg(figures: pd.DataFrame, indicator: str, articles: pd.DataFrame | None = None,
              filterable: bool = True) -> str:
    """The static panel of any registry indicator: bars for a quantity, positions for a vote."""
    kind = BY_ID[indicator].kind
    if kind == "vote":
        return vote_panel(figures, articles, filterable)
    if kind == "quantity":
        return bar_panel(figures, indicator, articles, filterable)
    raise ValueError(f"{indicator}: no SVG panel for indicators of kind {kind!r}")


def marker(symbol: str, colour: str, cx: float, cy: float, r: float = 7) -> str:
    """The vote marker shape as SVG, matching the Plotly symbol names of vote_style()."""
    if symbol == "diamond":
        return (f'<path class="mk" d="M{cx} {cy - r}L{cx + r} {cy}L{cx} {cy + r}L{cx - r} {cy}Z" '
                f'fill="{colour}"/>')
    if symbol == "square":
        side = 2 * r - 2
        return f'<rect class="mk" x="{cx - r + 1}" y="{cy - r + 1}" width="{side}" height="{side}" fill="{colour}"/>'
    if symbol.startswith("x"):
        return (f'<path class="mk" d="M{cx - r + 1} {cy - r + 1}L{cx + r - 1} {cy + r - 1}M{cx - r + 1} {cy + r - 1}'
                f'L{cx + r - 1} {cy - r + 1}" stroke="{colour}" stroke-width="2.5" fill="none"/>')
    if symbol.startswith("triangle"):
        return f'<path class="mk" d="M{cx} {cy - r}L{cx + r} {cy + r - 1}L{cx - r} {cy + r - 1}Z" fill="{colour}"/>'
    return f'<circle class="mk" cx="{cx}" cy="{cy}" r="{r - 1}" fill="{colour}"/>'


def _position_mark(position: str, sources: list[str], x: str, y: int, words: bool, grid: bool) -> str:
    """One position in a vote cell: its marker and its words (with ≠, shown when sources differ on it), in a nested
    SVG placed by percentage so the columns follow the panel's width. In a grid the words go under the marker."""
    style = vote_style(position)
    if not words:
        text = '<text x="10" y="18" class="ne">≠</text>'
    elif grid:
        text = (f'<text x="0" y="36" text-anchor="middle" class="val vw">{esc(position)}'
                '<tspan class="ne"> ≠</tspan></text>')
    else:
        text = f'<text x="16" y="25" class="val">{esc(position)}<tspan class="ne"> ≠</tspan></text>'
    return (f'<svg class="pos" x="{x}" y="{y}" overflow="visible" data-src="{esc(" ".join(sources))}">'
            f'<title>{esc(position)}</title>{marker(style["symbol"], style["colour"], 0, 16 if grid else 20)}'
            f'{text}</svg>')


def _none_mark(x: str, y: int, hidden: bool, words: bool, grid: bool) -> str:
    if grid:
        text = f'<text x="0" y="30" text-anchor="middle" class="nr">{esc("not reported" if words else "–")}</text>'
    else:
        text = f'<text x="0" y="25" class="nr">{esc(NOT_REPORTED)}</text>'
    return (f'<svg class="pos none{" alt" if hidden else ""}" x="{x}" y="{y}" overflow="visible" data-src="">'
            f'<title>{esc(NOT_REPORTED)}</title>{text}</svg>')


def vote_panel(figures: pd.DataFrame, articles: pd.DataFrame | None = None, filterable: bool = True) -> str:
    """Each state's position in the votes the sources report: marker shape and colour with the words beside it.

    One vote: the markers in one column, as before. Several: a column per vote, by date, headed by its name. A
    cell holds every position any source gives, each knowing its sources; where two differ both show, marked ≠
    (and the note under the panel says who says what). With too many votes for words the key names the shapes.
    """
    cells = vote_cells(figures, [], articles)
    votes = list(dict.fromkeys(cells["vote_label"]))
    title = panel_title(VOTE, figures)
    grid = len(votes) > 1
    words = len(votes) <= MAX_WORDED_VOTES
    slots = int(cells.groupby(["country_iso3", "vote"]).size().max()) if len(cells) else 1
    slot = GRID_SLOT if grid else SLOT
    step = (GRID_ROW if grid else VOTE_ROW) + slot * (slots - 1)
    head = VOTE_HEAD if grid else 0
    alt_rows = cells.drop_duplicates(["country_iso3"]).assign(written="", label="")
    said = {iso: "; ".join(f"{c.vote_label + ': ' if grid else ''}{c.position}"
                           f"{' (' + c.sources + ')' if c.disputed else ''}"
                           for c in cells[cells["country_iso3"] == iso].itertuples())
            for iso in alt_rows["country_iso3"]}
    alt = f"{title}. " + "; ".join(f"{country_name(i)}: {t}" for i, t in said.items()) + "."
    parts = [f'<svg class="chart votes" width="100%" height="{head + step * len(alt_rows) + 4}" data-row="{step}" '
             f'data-pad="4" data-head="{head}" role="group" aria-label="{esc(alt)}">']
    for j, vote in enumerate(votes if grid else []):
        x = _column(j, len(votes))
        lines = vote.split(", ", 1) if RESOLUTION_LABEL.match(vote) else list(split_label(vote, 10))
        second = f'<tspan x="{x}" dy="15">{esc(lines[1])}</tspan>' if len(lines) > 1 and lines[1] else ""
        if j == len(votes) - 1 and not words:  # the last of many narrow columns: kept inside the panel
            x, second = "100%", second.replace(f'x="{x}"', 'x="100%"')
        anchor = "end" if x == "100%" else "middle"
        parts.append(f'<text class="vh" x="{x}" y="14" text-anchor="{anchor}">{esc(lines[0])}{second}</text>')
    for i, iso in enumerate(alt_rows["country_iso3"]):
        mine = cells[cells["country_iso3"] == iso]
        parts.append(_row_open(iso, head + step * i, f"{country_name(iso)} {said[iso]}"))
        parts.append(f'<rect class="hit" width="100%" height="{step}"/>')
        parts.append(f'<text y="25">{_name(country_name(iso))}</text>')
        for j, vote in enumerate(votes):
            cell = mine[mine["vote_label"] == vote]
            disputed = bool(cell["disputed"].any())
            parts.append(f'<g class="cell{" differ" if disputed else ""}" data-cell="{esc(iso + "|" + vote)}">')
            x = _column(j, len(votes)) if grid else "138"
            reported = cell[cell["reported"]]
            for k, c in enumerate(reported.itertuples()):
                srcs = [source_id(s) for s in _sources_of(figures, iso, c.vote, c.position)] if filterable else []
                parts.append(_position_mark(c.position, srcs, x if grid else "146", slot * k, words, grid))
            if reported.empty or (many_sources(figures) and filterable):
                parts.append(_none_mark(x, 0, hidden=not reported.empty, words=words, grid=grid))
            parts.append("</g>")
        parts.append("</g>")
    parts.append("</svg>")
    notes = "".join(f'<li data-cell="{esc(c)}">{esc(t)}</li>' for c, t in _dispute_notes(cells))
    if notes:
        parts.append(f'<ul class="differ-note" aria-label="{DIFFER}"><li class="lead">≠ Sources differ:</li>'
                     f'{notes}</ul>')
    return "".join(parts)


def _column(j: int, n: int) -> str:
    return f"{NAME_SHARE + (100 - NAME_SHARE) * (j + 0.5) / n:.1f}%"


def _sources_of(figures: pd.DataFrame, iso3: str, vote: str, position: str) -> list[str]:
    """The files whose figures give this country this position in this vote."""
    votes = figures[(figures["indicator"] == VOTE) & (figures["country_iso3"] == iso3)
                    & (figures["position"] == position)]
    keys = [vote_key(v, a) for v, a in zip(votes["vote"], votes["as_of"])]
    return list(dict.fromkeys(votes.loc[[k == vote for k in keys], "source"]))


def _dispute_notes(cells: pd.DataFrame) -> list[tuple[str, str]]:
    out = []
    for (iso3, vote), cell in cells[cells["disputed"]].groupby(["country_iso3", "vote_label"], sort=False):
        said = " or ".join(f"{c.position} ({c.sources})" for c in cell.itertuples())
        out.append((f"{iso3}|{vote}", f"{cell['country'].iloc[0]}, {vote}: {said}"))
    return out


def vote_legend(figures: pd.DataFrame) -> str:
    """Key of the vote markers that occur, each shape beside the words it stands for."""
    positions = dict.fromkeys(p for p in figures.loc[figures["indicator"] == VOTE, "position"] if p)
    items = []
    for position in positions:
        style = vote_style(position)
        shape = marker(style["symbol"], style["colour"], 8, 8)
        items.append(f'<li><svg width="16" height="16" aria-hidden="true">{shape}</svg> {esc(position)}</li>')
    return f'<ul class="key">{"".join(items)}</ul>'


# The map ------------------------------------------------------------------------------------------


def _arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON arcs are quantized and delta-encoded)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _polygons(geometry: dict, arcs: list[list[tuple[float, float]]]) -> list[list[list[tuple[float, float]]]]:
    """Polygons (lists of rings of lon/lat points) of one Polygon or MultiPolygon geometry."""
    if geometry.get("type") == "Polygon":
        shapes = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        shapes = geometry["arcs"]
    else:
        return []
    polygons = []
    for shape in shapes:
        rings = []
        for ring in shape:
            points: list[tuple[float, float]] = []
            for index in ring:
                arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                points.extend(arc if not points else arc[1:])
            rings.append(points)
        polygons.append(rings)
    return polygons


class Projection:
    """Equirectangular projection of a lon/lat box, x scaled by cos(mid-latitude), to a viewBox MAP_WIDTH wide."""

    def __init__(self, west: float, east: float, south: float, north: float) -> None:
        self.west, self.north = west, north
        self.kx = math.cos(math.radians((south + north) / 2))
        self.k = MAP_WIDTH / ((east - west) * self.kx)
        self.height = round((north - south) * self.k)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.k, (self.north - lat) * self.k


def _path(polygons: list[list[list[tuple[float, float]]]], project: Projection) -> str:
    out = []
    for rings in polygons:
        for ring in rings:
            xy = [project(lon, lat) for lon, lat in ring]
            out.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in xy) + "Z")
    return "".join(out)


def _clamp(polygons: list[list[list[tuple[float, float]]]],
           box: tuple[float, float, float, float]) -> list[list[list[tuple[float, float]]]]:
    """Polygons with points pulled onto `box` (west, east, south, north); those wholly outside dropped.

    Only a margin beyond the drawn frame is changed, so the view is the same and the page lighter.
    """
    west, east, south, north = box
    out = []
    for rings in polygons:
        w, e, s, n = _bbox([rings])
        if e < west or w > east or n < south or s > north:
            continue
        kept = []
        for ring in rings:
            points: list[tuple[float, float]] = []
            for lon, lat in ring:
                p = (min(max(lon, west), east), min(max(lat, south), north))
                if not points or p != points[-1]:
                    points.append(p)
            if len(points) > 2:
                kept.append(points)
        if kept:
            out.append(kept)
    return out


def _inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    return outer[0] < inner[0] and inner[1] < outer[1] and outer[2] < inner[2] and inner[3] < outer[3]


def _bbox(polygons: list[list[list[tuple[float, float]]]]) -> tuple[float, float, float, float]:
    lons = [p[0] for rings in polygons for ring in rings for p in ring]
    lats = [p[1] for rings in polygons for ring in rings for p in ring]
    return min(lons), max(lons), min(lats), max(lats)


def _blend(share: float) -> str:
    """A blue from light to the palette's blue by share (0..1): darker means more."""
    a = [int(LIGHT_BLUE[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(BAR_COLOUR[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


MapStyle = tuple[str, str, str]  # fill, label, and the candidates a source filter chooses from (JSON)


def map_styles(figures: pd.DataFrame, articles: pd.DataFrame | None = None,
               filterable: bool = True) -> dict[str, dict[str, MapStyle]]:
    """For every indicator, each state's (fill, label, candidates): shaded by its most recent value on one scale
    for all of the indicator's figures, a range flat and labelled, a vote's colour (the map's one vote; both
    positions where sources differ), or hatched if not reported. The candidates list every figure the state could
    show when the reader narrows the sources: most recent first, [source ids, fill, words, year] (none when the
    page does not filter)."""
    styles: dict[str, dict[str, MapStyle]] = {}
    for indicator in PANELS:
        _title, states = map_states(figures, indicator, [], articles)
        mine: dict[str, MapStyle] = {}
        if BY_ID[indicator].is_vote:
            cells = vote_cells(figures, [], articles)
            chosen = cells[(cells["vote_label"] == map_vote(cells)) & cells["reported"]]
            for s in states.itertuples():
                options = [[" ".join(source_id(f) for f in _sources_of(figures, s.country_iso3, c.vote, c.position)),
                            vote_style(c.position)["colour"], c.position, ""]
                           for c in chosen[chosen["country_iso3"] == s.country_iso3].itertuples()] if filterable else []
                fill = {"none": NO_DATA_FILL, "differ": DIFFER_FILL}.get(s.kind) or vote_style(s.position)["colour"]
                mine[s.country_iso3] = (fill, s.label, json.dumps(options, separators=(",", ":")))
        else:
            every = latest_first(figures[figures["indicator"] == indicator], articles)
            values = every["value"].dropna()
            low, high = (values.min(), values.max()) if len(values) else (0.0, 0.0)

            for s in states.itertuples():
                options = [[source_id(c.source), _shade(c.value, low, high),
                            written(indicator, c.value_text, c.qualifier), c.year]
                           for c in every[every["country_iso3"] == s.country_iso3].itertuples()] if filterable else []
                fill = {"none": NO_DATA_FILL, "range": RANGE_FILL}.get(s.kind) or _shade(s.value, low, high)
                mine[s.country_iso3] = (fill, s.label, json.dumps(options, separators=(",", ":")))
        styles[indicator] = mine
    return styles


def _shade(value: float, low: float, high: float) -> str:
    if pd.isna(value):
        return RANGE_FILL
    return _blend(1.0 if high == low else 0.25 + 0.75 * (value - low) / (high - low))


def map_label_points(project: Projection, labels: dict[str, list[str]]) -> dict[str, tuple[float, float]]:
    """Where the map writes each state's name and value: its centroid, moved apart from its neighbours' labels
    until no two collide, at phone size (24-unit names alone) and wider (20-unit names over 18-unit values)."""
    points = {i: project(*centroids()[i]) for i in CENTRAL_ASIA}
    sizes = {}
    for iso3 in CENTRAL_ASIA:
        name = country_name(iso3)
        lines = [part for v in labels[iso3] for part in split_label(v) if part]
        value = max(len(v) for v in lines) * 18 * 0.55
        sizes[iso3] = (max(len(name) * 24 * 0.62, value), 46 + (22 if any(split_label(v)[1] for v in labels[iso3])
                                                                    else 0))
    # The label's box sits around its name's baseline: the name above it, the value line below.
    moved = spread({i: (x, y + 3) for i, (x, y) in points.items()}, sizes, gap=12, reach=40)
    return {i: (x, y - 3) for i, (x, y) in moved.items()}


def map_svg(figures: pd.DataFrame, indicator: str, articles: pd.DataFrame | None = None,
            filterable: bool = True) -> str:
    """Central Asia and its neighbours; the five states shaded for `indicator`, each labelled near its centroid."""
    topo = topology()
    arcs = _arcs(topo)
    geometries = topo["objects"]["countries"]["geometries"]
    region = {g["id"]: _polygons(g, arcs) for g in geometries if g.get("id") in CENTRAL_ASIA}
    boxes = [_bbox(p) for p in region.values()]
    west, east = min(b[0] for b in boxes) - MAP_MARGIN, max(b[1] for b in boxes) + MAP_MARGIN
    south, north = min(b[2] for b in boxes) - MAP_MARGIN, max(b[3] for b in boxes) + MAP_MARGIN
    project = Projection(west, east, south, north)
    styles = map_styles(figures, articles, filterable)
    parts = [f'<svg class="map" viewBox="0 0 {MAP_WIDTH} {project.height}" role="group" '
             f'aria-labelledby="map-alt" data-no-year="{esc(NO_YEAR)}" data-differ-fill="{DIFFER_FILL}" '
             f'data-none-fill="{NO_DATA_FILL}" data-label-width="{LABEL_WIDTH}">'
             f'<title id="map-alt">{esc(map_alt(figures, indicator, articles))}</title>'
             '<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
             'patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff"/>'
             f'<line x1="0" y1="0" x2="0" y2="8" stroke="{OKABE_ITO["grey"]}" stroke-width="2"/></pattern>'
             f'<clipPath id="frame"><rect width="{MAP_WIDTH}" height="{project.height}"/></clipPath></defs>'
             f'<rect class="ground" width="{MAP_WIDTH}" height="{project.height}"/><g clip-path="url(#frame)">']
    box = (west - CLAMP, east + CLAMP, south - CLAMP, north + CLAMP)
    # Ground is land (the geometry's Asia scope leaves Russia out); seas and lakes are drawn over it.
    for name, css in (("ocean", "sea"), ("countries", "nb"), ("lakes", "lake")):
        for g in topo["objects"][name]["geometries"]:
            if g.get("id") in CENTRAL_ASIA:
                continue
            polygons = _clamp(_polygons(g, arcs), box)
            if name == "ocean":  # only seas inside the view: the Asia scope's world ocean also covers Russia
                polygons = [p for p in polygons if _inside(_bbox([p]), box)]
            if polygons:
                parts.append(f'<path class="{css}" d="{_path(polygons, project)}"/>')
    parts.append("</g>")
    labels = []
    at = map_label_points(project, {i: [v[i][1] for v in styles.values()] for i in CENTRAL_ASIA})
    for iso3 in CENTRAL_ASIA:
        fill, label, _ = styles[indicator][iso3]
        data = "".join(f' data-f-{ind}="{esc(v[iso3][0])}" data-l-{ind}="{esc(v[iso3][1])}"'
                       + (f' data-c-{ind}="{esc(v[iso3][2])}"' if filterable else "")
                       + f' data-k-{ind}="{"vote" if BY_ID[ind].is_vote else "value"}"'
                       for ind, v in styles.items())
        name = country_name(iso3)
        parts.append(f'<path class="c shape" data-iso="{iso3}" data-act="focus" tabindex="0" role="button" '
                     f'aria-pressed="false" aria-label="{esc(name)}. Select to focus this country." '
                     f'fill="{esc(fill)}"{data} d="{_path(region[iso3], project)}"/>')
        x, y = at[iso3]
        first, second = split_label(label)
        labels.append(f'<text class="c lbl" data-iso="{iso3}" x="{x:.1f}" y="{y:.1f}" text-anchor="middle" '
                      f'aria-hidden="true"><tspan class="fm">▶ </tspan><tspan class="ln">{esc(name)}</tspan>'
                      f'<tspan class="lv" x="{x:.1f}" dy="1.2em">{esc(first)}</tspan>'
                      f'<tspan class="lv lv2" x="{x:.1f}" dy="1.2em">{esc(second)}</tspan></text>')
    parts.extend(labels)
    parts.append("</svg>")
    return "".join(parts)


def map_alt(figures: pd.DataFrame, indicator: str, articles: pd.DataFrame | None = None) -> str:
    """Text alternative of the map for one indicator."""
    title, states = map_states(figures, indicator, [], articles)
    return f"Map of Central Asia: {title}. " + "; ".join(f"{s.country}: {s.label}" for s in states.itertuples()) + "."


# The profile's small line chart ---------------------------------------------------------------------------------

TREND_W, TREND_H, TREND_PAD = 320, 132, 28
SOURCE_COLOURS = (BAR_COLOUR, OKABE_ITO["vermillion"], OKABE_ITO["green"], OKABE_ITO["purple"], OKABE_ITO["orange"],
                  OKABE_ITO["sky"])
SOURCE_DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2")


MAX_KEYED_SOURCES = 5  # beyond this many sources, one colour and a one-line key: a rainbow would not be read
MAX_LABELLED_POINTS = 6  # beyond this many points, labels collide; the table beside the chart has every value


def trend_svg(lines: pd.DataFrame, title: str) -> str:
    """Every dated figure of one indicator for one country by year: one line per source, a range as a bar from
    its low to its high end. With few sources each has its colour and dash, named in the key; with few points
    each is labelled as written. Figures from different sources are never joined; undated figures are left out."""
    dated = lines[lines["year"] != ""]
    years = sorted(set(dated["year"]))
    top = float(pd.concat([dated["value"], dated["value_high"]]).max())
    sources = list(dict.fromkeys(dated["source"]))
    keyed = len(sources) <= MAX_KEYED_SOURCES
    labelled = len(dated) <= MAX_LABELLED_POINTS
    key_lines = (len(sources) if keyed else 1) if len(sources) > 1 else 0
    height = TREND_H + 18 * key_lines
    left, right, bottom = TREND_PAD + 8, TREND_W - TREND_PAD - 8, TREND_H - 22

    def x(year: str) -> float:
        return left + (right - left) * (years.index(year) / (len(years) - 1) if len(years) > 1 else 0.5)

    def y(value: float) -> float:
        return bottom - (bottom - 18) * value / top if top else bottom

    said = "; ".join(f"{r.year}: {written(r.indicator, r.value_text, r.qualifier)} ({r.outlet})"
                     for r in dated.itertuples())
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {TREND_W} {height}" role="img" '
             f'font-family="system-ui, sans-serif" aria-label="{esc(f"{title}. {said}.")}">',
             f'<line x1="{left - 8}" y1="{bottom}" x2="{right + 8}" y2="{bottom}" stroke="#888"/>']
    for year in years:
        parts.append(f'<text x="{x(year):.1f}" y="{TREND_H - 6}" text-anchor="middle" font-size="11" '
                     f'fill="#4d4d4d">{esc(year)}</text>')
    for i, source in enumerate(sources):
        mine = dated[dated["source"] == source]
        colour = SOURCE_COLOURS[i % len(SOURCE_COLOURS)] if keyed else BAR_COLOUR
        dash = SOURCE_DASHES[i % len(SOURCE_DASHES)] if keyed else ""
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        opacity = "" if keyed else ' opacity=".7"'
        parts.append(f'<g data-src="{esc(source_id(source))}"{opacity}>')
        points = [(x(r.year), y(r.value)) for r in mine.itertuples() if pd.notna(r.value)]
        if len(points) > 1:
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dashed} points="'
                         + " ".join(f"{px:.1f},{py:.1f}" for px, py in points) + '"/>')
        for r in mine.itertuples():
            px = x(r.year)
            words = written(r.indicator, r.value_text, r.qualifier)
            if pd.notna(r.value):
                py = y(r.value)
                parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}">'
                             f'<title>{esc(f"{r.year}: {words} ({r.outlet})")}</title></circle>')
            else:  # a range: a bar from its low to its high end, never one averaged point
                py = y(r.value_high)
                parts.append(f'<rect x="{px - 3:.1f}" y="{py:.1f}" width="6" height="{y(r.value_low) - py:.1f}" '
                             f'fill="{colour}" fill-opacity=".45" stroke="{colour}">'
                             f'<title>{esc(f"{r.year}: {words} ({r.outlet})")}</title></rect>')
            if labelled:
                ty = py - 8 if i % 2 == 0 else py + 17  # a second source's labels go under its points
                parts.append(f'<text x="{px:.1f}" y="{ty:.1f}" text-anchor="middle" font-size="11" '
                             f'fill="#1a1a1a">{esc(words)}</text>')
        if len(sources) > 1 and keyed:
            ky = TREND_H + 18 * i + 8
            parts.append(f'<line x1="{left - 8}" y1="{ky}" x2="{left + 14}" y2="{ky}" stroke="{colour}" '
                         f'stroke-width="2"{dashed}/><circle cx="{left + 3}" cy="{ky}" r="3.5" fill="{colour}"/>'
                         f'<text x="{left + 20}" y="{ky + 4}" font-size="11" fill="#1a1a1a">'
                         f'{esc(short(mine["outlet"].iloc[0], 40))}</text>')
        parts.append("</g>")
    if len(sources) > 1 and not keyed:
        ky = TREND_H + 8
        parts.append(f'<text x="{left - 8}" y="{ky + 4}" font-size="11" fill="#1a1a1a">{len(sources)} sources: '
                     f'a dot is one article\'s figure; a line joins one source\'s years.</text>')
    parts.append("</svg>")
    return "".join(parts)


def spread_svg(dated: pd.DataFrame, title: str) -> str:
    """Every dated figure of one indicator for one country, when too many sources give them for a line each: per
    year a bar from the lowest to the highest figure (a range counts by both its ends), the number of figures above
    it, the lowest and highest written in the text alternative. Nothing averaged, no source's figure dropped."""
    low_of = dated["value"].fillna(dated["value_low"])
    high_of = dated["value"].fillna(dated["value_high"])
    years = sorted(set(dated["year"]))
    top = float(high_of.max())
    height = TREND_H + 18
    left, right, bottom = TREND_PAD + 8, TREND_W - TREND_PAD - 8, TREND_H - 22

    def x(year: str) -> float:
        return left + (right - left) * (years.index(year) / (len(years) - 1) if len(years) > 1 else 0.5)

    def y(value: float) -> float:
        return bottom - (bottom - 18) * value / top if top else bottom

    said, marks = [], []
    for year in years:
        mine = dated[dated["year"] == year]
        low, high = low_of[mine.index], high_of[mine.index]
        lo, hi = mine.loc[low.idxmin()], mine.loc[high.idxmax()]
        words = [written(r["indicator"], r["value_text"], r["qualifier"]) for r in (lo, hi)]
        count = f"{len(mine):,} figure{'' if len(mine) == 1 else 's'}"
        said.append(f"{year}: {count}, " + (f"from {words[0]} to {words[1]}" if words[0] != words[1] else words[0]))
        top_y, low_y = y(float(high.max())), y(float(low.min()))
        marks.append(f'<rect x="{x(year) - 5:.1f}" y="{top_y:.1f}" width="10" height="{max(low_y - top_y, 2):.1f}" '
                     f'fill="{BAR_COLOUR}" fill-opacity=".55" stroke="{BAR_COLOUR}"/>'
                     f'<text x="{x(year):.1f}" y="{top_y - 5:.1f}" text-anchor="middle" font-size="11" '
                     f'fill="#1a1a1a">{len(mine):,}</text>'
                     f'<text x="{x(year):.1f}" y="{TREND_H - 6}" text-anchor="middle" font-size="11" '
                     f'fill="#4d4d4d">{esc(year)}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {TREND_W} {height}" role="img" '
            f'font-family="system-ui, sans-serif" aria-label="{esc(f"{title}. " + "; ".join(said) + ".")}">'
            f'<line x1="{left - 8}" y1="{bottom}" x2="{right + 8}" y2="{bottom}" stroke="#888"/>' + "".join(marks)
            + f'<text x="{left - 8}" y="{TREND_H + 12}" font-size="11" fill="#1a1a1a">Bar: lowest to highest '
            'figure; above it: how many.</text></svg>')
