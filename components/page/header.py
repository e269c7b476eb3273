"""Headline, summary, source and how-to-read line."""

from __future__ import annotations

import re

import streamlit as st

from components.store import Story
from components.views.sources import credit
from components.views.summary import summary_sentences

MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(text: str) -> str:
    """Text shown as it is inside Streamlit markdown: every markdown character escaped."""
    return MARKDOWN.sub(r"\\\1", text)


@st.cache_data(max_entries=64, show_spinner=False)
def _lines(version: tuple, _story: Story) -> tuple[str, str]:
    """The summary and the credit line, once per data version and choice of sources (a thousand articles make
    them a pass over every figure)."""
    return " ".join(summary_sentences(_story.figures, _story.articles)), credit(_story)


def show(story: Story, version: tuple) -> None:
    st.title("Central Asians in Russia, by the numbers")
    summary, credit_line = _lines(version, story)
    st.markdown(plain(summary))
    # Plain text, not `code`: Streamlit's inline-code colour inside a caption fails WCAG contrast (3.0:1).
    st.caption(plain(credit_line))
    st.markdown(
        "**How to read this:** pick countries to compare, then click any bar, vote marker or map shape to "
        "follow that country through every chart. A grey line with “not reported in the article” means the "
        "article gives no figure: it is not a zero. The address bar is always a link to exactly this view."
    )
