"""Static SVG panels and the Central Asia map for the published edition, rendered server-side."""

from __future__ import annotations

import html
import math

import pandas as pd

from components.countries import CENTRAL_ASIA, country_name
from components.geometry import centroids, topology
from components.indicators import BY_ID, QUANTITIES, VOTE
from components.views.labels import BAR_COLOUR, NOT_REPORTED, OKABE_ITO, panel_alt, panel_title, vote_style
from components.views.rows import map_labels, panel_rows

ROW = 48  # px per country in a bar panel: name line, bar line, and a finger-sized tap target
VOTE_ROW = 40
INDENT = 16  # room left of each row for the focus arrow
BAR_SPAN = 90  # the longest bar takes this share (%) of the panel width, past the indent
MAP_WIDTH = 600  # map viewBox width; its height follows the projected region
MAP_MARGIN = 1.0  # degrees of context drawn around the region
CLAMP = 4.0  # degrees beyond the frame where outside geometry is kept before being flattened
NO_DATA_FILL = "url(#hatch)"
LIGHT_BLUE = "#d7e7f3"


def esc(value: object) -> str:
    """Text escaped for HTML and SVG, quotes included."""
    return html.escape(str(value), quote=True)


def _row_open(iso3: str, y: int, label: str) -> str:
    """A clickable, keyboard-operable country row; the JS script toggles focus on it."""
    return (f'<g class="row c" data-iso="{iso3}" data-act="focus" transform="translate(0 {y})" '
            f'tabindex="0" role="button" aria-pressed="false" aria-label="{esc(label)}">')


def _name(country: str) -> str:
    """Country name, with the focus arrow the stylesheet shows only on the focused row."""
    return (f'<tspan class="fm" x="0" aria-hidden="true">▶</tspan>'
            f'<tspan class="name" x="{INDENT}">{esc(country)}</tspan>')


def bar_panel(figures: pd.DataFrame, indicator: str) -> str:
    """Horizontal bars of one numeric indicator, the article's own wording as labels; a placeholder where none."""
    rows = panel_rows(figures, indicator, [])
    title = panel_title(indicator, figures)
    unit = BY_ID[indicator].axis_label
    top = rows.loc[rows["reported"], "value"].max() if rows["reported"].any() else 1.0
    parts = [f'<svg class="chart" width="100%" height="{ROW * len(rows) + 4}" data-row="{ROW}" data-pad="4" '
             f'role="group" aria-label="{esc(panel_alt(title, rows))}">']
    for i, r in rows.iterrows():
        # One <text> per row, so the button's visible words read in order and match its accessible name.
        label = f"{r['country']} {r['written']} {unit}" if r["reported"] else f"{r['country']} {NOT_REPORTED}"
        parts.append(_row_open(r["country_iso3"], ROW * i, label))
        parts.append(f'<rect class="hit" width="100%" height="{ROW}"/>')
        if r["reported"]:
            width = max(BAR_SPAN * r["value"] / top, 0.5)
            parts.append(f'<g transform="translate({INDENT} 0)"><rect class="bar" y="26" height="14" '
                         f'width="{width:.2f}%" fill="{BAR_COLOUR}"/></g>')
            value = f'<tspan class="val" x="100%" text-anchor="end">{esc(r["written"])}</tspan>'
        else:
            value = f'<tspan class="nr" x="{INDENT}" y="38">{esc(NOT_REPORTED)}</tspan>'
        parts.append(f'<text y="19">{_name(r["country"])} {value}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def panel_svg(figures: pd.DataFrame, indicator: str) -> str:
    """The static panel of any registry indicator: bars for a quantity, positions for a vote."""
    kind = BY_ID[indicator].kind
    if kind == "vote":
        return vote_panel(figures)
    if kind == "quantity":
        return bar_panel(figures, indicator)
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


def vote_panel(figures: pd.DataFrame) -> str:
    """Each state's position in the vote: its words as text, with a marker whose shape and colour match."""
    rows = panel_rows(figures, VOTE, [])
    title = panel_title(VOTE, figures)
    parts = [f'<svg class="chart" width="100%" height="{VOTE_ROW * len(rows) + 4}" data-row="{VOTE_ROW}" '
             f'data-pad="4" role="group" aria-label="{esc(panel_alt(title, rows))}">']
    for i, r in rows.iterrows():
        position = r["position"] if r["reported"] else NOT_REPORTED
        parts.append(_row_open(r["country_iso3"], VOTE_ROW * i, f"{r['country']} {position}"))
        parts.append(f'<rect class="hit" width="100%" height="{VOTE_ROW}"/>')
        if r["reported"]:
            style = vote_style(position)
            parts.append(marker(style["symbol"], style["colour"], 146, 20))
            value = f'<tspan class="val" x="162">{esc(position)}</tspan>'
        else:
            value = f'<tspan class="nr" x="138">{esc(NOT_REPORTED)}</tspan>'
        parts.append(f'<text y="25">{_name(r["country"])} {value}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


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


def map_styles(figures: pd.DataFrame) -> dict[str, dict[str, tuple[str, str]]]:
    """For every indicator, each state's (fill, label): shade by value, vote colour, or hatched if not reported."""
    styles: dict[str, dict[str, tuple[str, str]]] = {}
    for indicator in (*QUANTITIES, VOTE):
        rows = panel_rows(figures, indicator, [])
        got = rows[rows["reported"]]
        low, high = (got["value"].min(), got["value"].max()) if indicator != VOTE and len(got) else (0.0, 0.0)
        mine = {}
        for (_, r), label in zip(rows.iterrows(), map_labels(rows)):
            if not r["reported"]:
                fill = NO_DATA_FILL
            elif indicator == VOTE:
                fill = vote_style(r["position"])["colour"]
            else:
                fill = _blend(1.0 if high == low else 0.25 + 0.75 * (r["value"] - low) / (high - low))
            mine[r["country_iso3"]] = (fill, label)
        styles[indicator] = mine
    return styles


def map_svg(figures: pd.DataFrame, indicator: str) -> str:
    """Central Asia and its neighbours; the five states shaded for `indicator`, labelled at their centroids."""
    topo = topology()
    arcs = _arcs(topo)
    geometries = topo["objects"]["countries"]["geometries"]
    region = {g["id"]: _polygons(g, arcs) for g in geometries if g.get("id") in CENTRAL_ASIA}
    boxes = [_bbox(p) for p in region.values()]
    west, east = min(b[0] for b in boxes) - MAP_MARGIN, max(b[1] for b in boxes) + MAP_MARGIN
    south, north = min(b[2] for b in boxes) - MAP_MARGIN, max(b[3] for b in boxes) + MAP_MARGIN
    project = Projection(west, east, south, north)
    styles = map_styles(figures)
    parts = [f'<svg class="map" viewBox="0 0 {MAP_WIDTH} {project.height}" role="group" '
             f'aria-labelledby="map-alt">'
             f'<title id="map-alt">{esc(map_alt(figures, indicator))}</title>'
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
    for iso3 in CENTRAL_ASIA:
        fill, label = styles[indicator][iso3]
        data = "".join(f' data-f-{ind}="{esc(v[iso3][0])}" data-l-{ind}="{esc(v[iso3][1])}"'
                       for ind, v in styles.items())
        name = country_name(iso3)
        parts.append(f'<path class="c shape" data-iso="{iso3}" data-act="focus" tabindex="0" role="button" '
                     f'aria-pressed="false" aria-label="{esc(name)}. Select to focus this country." '
                     f'fill="{esc(fill)}"{data} d="{_path(region[iso3], project)}"/>')
        x, y = project(*centroids()[iso3])
        labels.append(f'<text class="c lbl" data-iso="{iso3}" x="{x:.1f}" y="{y:.1f}" text-anchor="middle" '
                      f'aria-hidden="true"><tspan class="fm">▶ </tspan><tspan class="ln">{esc(name)}</tspan>'
                      f'<tspan class="lv" x="{x:.1f}" dy="1.2em">{esc(label)}</tspan></text>')
    parts.extend(labels)
    parts.append("</svg>")
    return "".join(parts)


def map_alt(figures: pd.DataFrame, indicator: str) -> str:
    """Text alternative of the map for one indicator."""
    styles = map_styles(figures)[indicator]
    return (f"Map of Central Asia: {panel_title(indicator, figures)}. "
            + "; ".join(f"{country_name(i)}: {styles[i][1]}" for i in CENTRAL_ASIA) + ".")
