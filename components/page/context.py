"""The article's other facts: pay, penalties, age limits, counts, and a timeline of its dates."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components.article_view import quote_anchor

ORDER = ("Recruitment and pay", "Penalties", "Age limits", "Counts", "Timeline")


def _item(r) -> str:
    hedge = f"{r.qualifier} " if r.qualifier else ""
    unit = f" {html.escape(r.unit)}" if r.unit else ""
    return (f"<li><strong>{html.escape(hedge + r.value_text)}</strong>{unit} — {html.escape(r.label)} "
            f"<a href=\"#{quote_anchor(r.start)}\" title=\"{html.escape(r.quote)}\">(quote)</a></li>")


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
            parts.append("<h4>Timeline</h4><ul>" + "".join(_item(r) for r in with_year.itertuples()) + "</ul>")
            if len(without):
                parts.append("<p><em>Dates the article gives without a year, in the order it tells them:</em></p>"
                             "<ul>" + "".join(_item(r) for r in without.itertuples()) + "</ul>")
        else:
            rows = context[context["category"] == category]
            parts.append(f"<h4>{html.escape(category)}</h4><ul>" + "".join(_item(r) for r in rows.itertuples())
                         + "</ul>")
    return "<div class='context'>" + "".join(parts) + "</div>"


@st.cache_data(max_entries=4, show_spinner=False)
def _context(version: tuple, _context: pd.DataFrame) -> str:
    return context_html(_context)


def show(context: pd.DataFrame, version: tuple) -> None:
    st.header("Context: the article's other facts", anchor="context")
    st.html(_context(version, context))
