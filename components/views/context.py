"""The article's other facts as HTML: grouped by category, with a timeline of its dates."""

from __future__ import annotations

import html

import pandas as pd

from components.views.anchors import quote_anchor

# Categories in this order first; any other category the data holds follows, in order of first appearance.
ORDER = ("Recruitment and pay", "Penalties", "Age limits", "Counts", "Timeline")
TIMELINE = "Timeline"
UNDATED = "Dates the article gives without a year, in the order it tells them:"


def categories(context: pd.DataFrame) -> list[str]:
    """The categories the list shows: ORDER's first, then those ORDER does not name (never dropped)."""
    present = list(dict.fromkeys(context["category"]))
    return [c for c in ORDER if c in present] + [c for c in present if c not in ORDER]


def item_html(r) -> str:
    """One fact: its value as written (hedge, number, unit), its label and a link to its quote."""
    hedge = f"{r.qualifier} " if r.qualifier else ""
    unit = f" {html.escape(r.unit)}" if r.unit else ""
    isos = " ".join(c for c in r.countries.split(";") if c)
    attr = f' data-isos="{html.escape(isos)}"' if isos else ""
    return (f"<li{attr}><strong class=\"fv\">{html.escape(hedge + r.value_text)}</strong>{unit} — "
            f"{html.escape(r.label)} <a href=\"#{quote_anchor(r.start)}\" title=\"{html.escape(r.quote)}\" "
            f"aria-label=\"quote: {html.escape(r.label)}\">(quote)</a></li>")


def timeline(context: pd.DataFrame) -> pd.DataFrame:
    """Dated facts: those with a year in year order, then those whose year the article leaves out."""
    dated = context[context["category"] == TIMELINE].copy()
    dated["order"] = dated["year"].where(dated["year"] != "", "9999")
    return dated.sort_values(["order", "start"], kind="stable")


def context_html(context: pd.DataFrame) -> str:
    """Facts grouped by category; the timeline split into dated and year-not-stated parts."""
    parts = []
    for category in categories(context):
        if category == TIMELINE:
            rows = timeline(context)
            with_year = rows[rows["year"] != ""]
            without = rows[rows["year"] == ""]
            parts.append("<h3>Timeline</h3><ul class=\"facts\">"
                         + "".join(item_html(r) for r in with_year.itertuples()) + "</ul>")
            if len(without):
                parts.append(f"<p>{UNDATED}</p><ul class=\"facts\">"
                             + "".join(item_html(r) for r in without.itertuples()) + "</ul>")
        else:
            rows = context[context["category"] == category]
            parts.append(f"<h3>{html.escape(category)}</h3><ul class=\"facts\">"
                         + "".join(item_html(r) for r in rows.itertuples()) + "</ul>")
    return "<div class='context'>" + "".join(parts) + "</div>"
