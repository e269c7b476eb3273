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


def timeline(context: pd.DataFrame) -> pd.DataFrame:
    """Dated facts: those with a year in year order, then those whose year the article leaves out."""
    dated = context[context["category"] == "Timeline"].copy()
    dated["order"] = dated["year"].where(dated["year"] != "", "9999")
    return dated.sort_values(["order", "start"], kind="stable")


def context_html(context: pd.DataFrame) -> str:
    """Facts grouped by category; the timeline split into dated and year-not-stated parts."""
    parts = []
    for category in [c for c in ORDER if c in set(context["category"])]:
        if category == "Timeline":
            rows = timeline(context)
            with_year = rows[rows["year"] != ""]
            without = rows[rows["year"] == ""]
            parts.append("<h3>Timeline</h3><ul>" + "".join(_item(r) for r in with_year.itertuples()) + "</ul>")
            if len(without):
                parts.append("<p>Dates the article gives without a year, in the order it tells them:</p>"
                             "<ul>" + "".join(_item(r) for r in without.itertuples()) + "</ul>")
        else:
            rows = context[context["category"] == category]
            parts.append(f"<h3>{html.escape(category)}</h3><ul>" + "".join(_item(r) for r in rows.itertuples())
                         + "</ul>")
    return "<div class='context'>" + "".join(parts) + "</div>"
