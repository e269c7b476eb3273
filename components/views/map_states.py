"""What the map shows of each state for one indicator, in either edition: a value, a range, a vote position or none."""

from __future__ import annotations

import math
import textwrap

import pandas as pd

from components.geometry import centroids
from components.indicators import BY_ID
from components.views.labels import panel_title
from components.views.rows import panel_rows
from components.views.votes import DIFFER, vote_cells

NONE = "not reported"

# The dashboard's map: Plotly fits the five states to the chart, about this many pixels per degree of longitude
# on a phone (the narrowest case); its labels are an ISO3 code over the value, 11 px type.
PHONE_PX_PER_DEGREE = 5.5
LABEL_FONT_PX = 11
LABEL_WIDTH = 16  # characters per line of a map label
LABEL_REACH_PX = 24  # how far a label may move from its state's centre


def map_vote(cells: pd.DataFrame) -> str:
    """The one vote a map can colour: the one reported for most states; of those, the latest."""
    got = cells[cells["reported"]]
    if got.empty:
        return ""
    counts = got.groupby("vote_label", sort=False)["country_iso3"].nunique()
    return counts[counts == counts.max()].index[-1]


def map_states(figures: pd.DataFrame, indicator: str, countries: list[str],
               articles: pd.DataFrame | None = None) -> tuple[str, pd.DataFrame]:
    """The map's title and one row per shown state: `kind` (value, range, vote, differ or none), the number
    (NaN for a range, a vote or none), the vote `position` and the `label` written on the state."""
    if not BY_ID[indicator].is_vote:
        rows = panel_rows(figures, indicator, countries, articles)
        ranges = rows["value"].isna() & rows["value_low"].notna()
        kind = ["none" if not r else "range" if g else "value" for r, g in zip(rows["reported"], ranges)]
        states = rows.assign(kind=kind, label=[lbl if r else NONE for r, lbl in zip(rows["reported"], rows["label"])])
        return panel_title(indicator, figures), states[["country_iso3", "country", "kind", "value", "position",
                                                        "label"]]
    cells = vote_cells(figures, countries, articles)
    vote = map_vote(cells)
    heading = BY_ID[indicator].heading
    title = f"{heading}: {vote}" if vote and cells["vote_label"].nunique() > 1 else panel_title(indicator, figures)
    rows = []
    for iso3, cell in cells.groupby("country_iso3", sort=False):
        said = cell[(cell["vote_label"] == vote) & cell["reported"]]
        positions = list(said["position"])
        kind = "none" if not positions else "differ" if len(positions) > 1 else "vote"
        label = NONE if not positions else positions[0] if len(positions) == 1 else f"{' or '.join(positions)} ≠"
        rows.append({"country_iso3": iso3, "country": cell["country"].iloc[0], "kind": kind, "value": float("nan"),
                     "position": positions[0] if kind == "vote" else DIFFER if kind == "differ" else "",
                     "label": label})
    return title, pd.DataFrame(rows, columns=["country_iso3", "country", "kind", "value", "position", "label"])


def spread(points: dict[str, tuple[float, float]], sizes: dict[str, tuple[float, float]], gap: float = 2.0,
           rounds: int = 60, reach: float = float("inf")) -> dict[str, tuple[float, float]]:
    """Label centres moved apart until no two label boxes (width, height, in the points' units, y down) overlap.

    Each overlapping pair is pushed apart along the axis where they overlap least, half each way, so labels stay
    as near their state's centre as the neighbours allow; none moves further than `reach` from its own point (a
    label far from its state would name the wrong one).
    """
    at = {k: list(v) for k, v in points.items()}
    keys = list(at)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                (ax, ay), (bx, by) = at[a], at[b]
                dx = (sizes[a][0] + sizes[b][0]) / 2 + gap - abs(ax - bx)
                dy = (sizes[a][1] + sizes[b][1]) / 2 + gap - abs(ay - by)
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                if dy <= dx:
                    step = dy / 2
                    sign = 1 if ay >= by else -1
                    at[a][1] += sign * step
                    at[b][1] -= sign * step
                else:
                    sign = 1 if ax >= bx else -1
                    at[a][0] += sign * dx / 2
                    at[b][0] -= sign * dx / 2
        for k, (x, y) in at.items():
            dx, dy = x - points[k][0], y - points[k][1]
            far = math.hypot(dx, dy)
            if far > reach:
                at[k] = [points[k][0] + dx * reach / far, points[k][1] + dy * reach / far]
        if not moved:
            break
    return {k: (v[0], v[1]) for k, v in at.items()}


def split_label(label: str, width: int = LABEL_WIDTH) -> tuple[str, str]:
    """A long map label in two lines, cut at the space nearest its middle (the static map's script does the same
    when the reader switches the indicator or the sources)."""
    if len(label) <= width or " " not in label:
        return label, ""
    middle = len(label) / 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - middle))
    return label[:cut], label[cut + 1:]


def wrap_label(label: str, width: int = LABEL_WIDTH) -> list[str]:
    """A map label in lines of at most about `width` characters (words are never cut)."""
    return textwrap.wrap(label, width) or [label]




def label_positions(iso3s: list[str], labels: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """Lon/lat points for the Plotly map's labels (code over value): the states' centroids, spread so that the
    labels do not collide at phone width."""
    centre = centroids()
    labels = labels or ["not reported"] * len(iso3s)

    def y(lat: float) -> float:  # Mercator, in degrees of longitude; down is positive
        return -math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    def lat(y_value: float) -> float:
        return math.degrees(2 * math.atan(math.exp(math.radians(-y_value))) - math.pi / 2)

    k = PHONE_PX_PER_DEGREE
    points = {i: (centre[i][0] * k, y(centre[i][1]) * k) for i in iso3s}
    sizes = {}
    for iso3, label in zip(iso3s, labels):
        lines = wrap_label(label)
        sizes[iso3] = (max(3, *map(len, lines)) * LABEL_FONT_PX * 0.55, (1 + len(lines)) * LABEL_FONT_PX * 1.2)
    moved = spread(points, sizes, gap=4, reach=LABEL_REACH_PX)
    return {i: (x / k, lat(yy / k)) for i, (x, yy) in moved.items()}
