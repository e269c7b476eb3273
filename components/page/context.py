"""The article's other facts: pay, penalties, age limits, counts, and a timeline of its dates."""

from __future__ import annotations

import streamlit as st

from components.store import Story
from components.views.anchors import CONTEXT
from components.views.article import Quotes
from components.views.context import context_html


@st.cache_data(max_entries=16, show_spinner=False)
def _context(version: tuple, _story: Story) -> str:
    # With several articles the article view holds one at a time: each fact's sentence opens in place.
    quotes = Quotes(_story, "excerpt" if len(_story.articles) > 1 else "anchor")
    return context_html(_story.context, _story.articles, _story.article.get("file", ""), quotes)


def show(story: Story, version: tuple) -> None:
    several = len(story.articles) > 1
    st.header("Context: the articles' other facts" if several else "Context: the article's other facts",
              anchor=CONTEXT)
    st.html(_context(version, story))
