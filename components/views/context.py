"""The article's other facts as HTML: grouped by category, with a timeline of its dates."""

from __future__ import annotations

import html

import pandas as pd

from components.views.anchors import quote_anchor

ORDER = ("Recruitment and pay", "Penalties", "Age limits", "Counts", "Timeline")


def _item(r) -> str:
    hedge = f"{r.qualifier} " if r.qualifier else ""
    unit = f" {html.escape(r.unit)}" if r.unit else ""
    return (f"<li><strong>{html.escape(hedge + r.value_text)}</strong>{unit} — {html.escape(r.label)} "
            f"<a href=\"#{quote_anchor(r.start)}\" title=\"{html.escape(r.quote)}\" "
            f"aria-label=\"quote: {html.escape(r.label)}\">(quote)</a></li>")


def _list(rows: pd.DataFrame) -> str:
    return "<ul>" + "".join(_item(r) for r in rows.itertuples()) + "</ul>"


def timeline(context: pd.DataFrame) -> pd.DataFrame:
    """Dated facts: those with a year in year order, then those whose year the article leaves out; facts of the
    same year, and the undated ones, in the order the article tells them."""
    dated = context[context["category"] == "Timeline"]
    with_year = dated[dated["year"] != ""].sort_values(["year", "value_start"])
    return pd.concat([with_year, dated[dated["year"] == ""].sort_values("value_start")])


def context_html(context: pd.DataFrame) -> str:
    """Facts grouped by category; the timeline split into dated and year-not-stated parts."""
    parts = []
    for category in [c for c in ORDER if c in set(context["category"])]:
        if category == "Timeline":
            rows = timeline(context)
            parts.append("<h3>Timeline</h3>" + _list(rows[rows["year"] != ""]))
            without = rows[rows["year"] == ""]
            if len(without):
                parts.append("<p>Dates the article gives without a year, in the order it tells them:</p>"
                             + _list(without))
        else:
            parts.append(f"<h3>{html.escape(category)}</h3>" + _list(context[context["category"] == category]))
    return "<div class='context'>" + "".join(parts) + "</div>"
