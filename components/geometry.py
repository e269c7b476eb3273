"""The shipped map geometry (static/asia_110m.json, served to the browser too) and the states' label points."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from components.countries import CENTRAL_ASIA

GEOMETRY = Path(__file__).resolve().parent.parent / "static" / "asia_110m.json"
TOPOJSON_URL = "app/static/"  # where the dashboard's Plotly charts fetch it (server.enableStaticServing)


@cache
def topology() -> dict:
    """The TopoJSON topology, read once."""
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


@cache
def centroids() -> dict[str, tuple[float, float]]:
    """Label positions of the states, from the shipped geometry's own centroid property."""
    return {g["id"]: tuple(g["properties"]["ct"]) for g in topology()["objects"]["countries"]["geometries"]
            if g.get("id") in CENTRAL_ASIA}
