"""The article's other facts as HTML: grouped by category, with a timeline of its dates."""

from __future__ import annotations

import html

import pandas as pd

from components.views.anchors import quote_anchor
from components.views.article import Quotes
from components.views.frames import complete
from components.views.labels import article_names
from components.views.sources import source_id

# Categories in this order first; any other category the data holds follows, in order of first appearance.
ORDER = ("Recruitment and pay", "Penalties", "Age limits", "Counts", "Timeline")
TIMELINE = "Timeline"
NO_FACTS = "The articles state no other number or date."
UNDATED = "Dates the article gives without a year, in the order it tells them:"


def categories(context: pd.DataFrame) -> list[str]:
    """The categories the list shows: ORDER's first, then those ORDER does not name (never dropped)."""
    present = list(dict.fromkeys(context["category"]))
    return [c for c in ORDER if c in present] + [c for c in present if c not in ORDER]


def item_html(r, primary: str = "", outlets: dict[str, str] | None = None, quotes: Quotes | None = None) -> str:
    """One fact: its value as written (hedge, number, unit), its label (and its article, when there are several)
    and a link to its quote (where `quotes` leads: see article.Quotes; default this page's anchor)."""
    hedge = f"{r.qualifier} " if r.qualifier else ""
    unit = f" {html.escape(r.unit)}" if r.unit else ""
    isos = " ".join(c for c in r.countries.split(";") if c)
    attr = f' data-isos="{html.escape(isos)}"' if isos else ""
    attr += f' data-src="{html.escape(source_id(r.source))}"' if r.source else ""
    where = f" <span class=\"when\">({html.escape(outlets[r.source])})</span>" if outlets else ""
    href = quotes.href(r.source, r.start) if quotes else f"#{quote_anchor(r.start, r.source, primary)}"
    if href is None:
        link = quotes.in_place(r.source, r.start, r.end, r.value_start, r.value_end, "(quote)", f"quote: {r.label}")
    else:
        link = (f"<a href=\"{html.escape(href)}\" title=\"{html.escape(r.quote)}\" "
                f"aria-label=\"quote: {html.escape(r.label)}\">(quote)</a>")
    return (f"<li{attr}><strong class=\"fv\">{html.escape(hedge + r.value_text)}</strong>{unit} — "
            f"{html.escape(r.label)}{where} {link}</li>")


def timeline(context: pd.DataFrame) -> pd.DataFrame:
    """Dated facts: those with a year in year order, then those whose year the article leaves out; facts of the
    same year, and the undated ones, in the order the article tells them (article by article, when several)."""
    dated = complete(context, "context")
    dated = dated[dated["category"] == TIMELINE]
    with_year = dated[dated["year"] != ""].sort_values(["year", "source", "value_start"])
    return pd.concat([with_year, dated[dated["year"] == ""].sort_values(["source", "value_start"])])


def context_html(context: pd.DataFrame, articles: pd.DataFrame | None = None, primary: str = "",
                 quotes: Quotes | None = None) -> str:
    """Facts grouped by category; the timeline split into dated and year-not-stated parts. With several articles
    each fact names its article, and quote links carry its file name (see anchors.quote_anchor), leading where
    `quotes` says."""
    context = complete(context, "context")
    if context.empty:
        return f"<div class='context'><p>{NO_FACTS}</p></div>"
    outlets = None
    if articles is not None and len(articles) > 1:
        outlets = article_names(articles)

    def item(r) -> str:
        return item_html(r, primary, outlets, quotes)

    parts = []
    for category in categories(context):
        if category == TIMELINE:
            rows = timeline(context)
            with_year = rows[rows["year"] != ""]
            without = rows[rows["year"] == ""]
            parts.append("<h3>Timeline</h3><ul>"
                         + "".join(item(r) for r in with_year.itertuples()) + "</ul>")
            if len(without):
                parts.append(f"<p>{UNDATED}</p><ul>"
                             + "".join(item(r) for r in without.itertuples()) + "</ul>")
        else:
            rows = context[context["category"] == category]
            parts.append(f"<h3>{html.escape(category)}</h3><ul>"
                         + "".join(item(r) for r in rows.itertuples()) + "</ul>")
    return "<div class='context'>" + "".join(parts) + "</div>"
