"""The focused country's profile: each of its figures with the article's words, linked to them."""

from __future__ import annotations

import html

import streamlit as st

from components.article_view import quote_anchor
from components.countries import country_name
from components.story import HEADINGS, NOT_REPORTED, PANELS
from components.story_data import Story


def profile_html(story: Story, focus: str) -> str:
    """HTML list of the country's four indicators and the context facts naming it; all text escaped."""
    items = []
    mine = story.figures[story.figures["country_iso3"] == focus]
    for indicator in PANELS:
        row = mine[mine["indicator"] == indicator]
        heading = html.escape(HEADINGS[indicator])
        if row.empty:
            items.append(f"<li><b>{heading}</b>: <i>{NOT_REPORTED}</i></li>")
            continue
        r = row.iloc[0]
        items.append(
            f"<li><b>{heading}</b>: <strong>{html.escape(r['value_text'])}</strong> "
            f"<a href=\"#{quote_anchor(int(r['start']))}\">“{html.escape(r['quote'])}”</a></li>")
    facts = story.context[story.context["countries"].str.split(";").apply(lambda cs: focus in cs)]
    for r in facts.itertuples():
        items.append(f"<li>{html.escape(r.label)}: <strong>{html.escape(r.qualifier + ' ' if r.qualifier else '')}"
                     f"{html.escape(r.value_text)}</strong> {html.escape(r.unit)} "
                     f"<a href=\"#{quote_anchor(r.start)}\">“{html.escape(r.quote)}”</a></li>")
    return f"<ul class='profile'>{''.join(items)}</ul>"


def show(story: Story, focus: str | None) -> None:
    if not focus:
        return
    with st.container(border=True, key="profile"):
        st.subheader(f"{country_name(focus)} in the article", anchor="profile")
        st.html(profile_html(story, focus))
