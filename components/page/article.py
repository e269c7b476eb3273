"""The source article with every extracted figure highlighted and anchored."""

from __future__ import annotations

import streamlit as st

from components.store import Story
from components.views.anchors import ARTICLE
from components.views.article import articles_html
from components.views.sources import article_labels

CSS = """<style>
.article mark{background:#fff3b0;padding:0 .1em;scroll-margin-top:4rem}
.article mark:target{outline:3px solid #0072B2;background:#ffe066}
.article a.back{font-size:.8em;margin-left:.2em;text-decoration:none}
</style>"""


@st.cache_data(max_entries=16, show_spinner=False)
def _article(version: tuple, opened: str, _story: Story) -> str:
    return CSS + articles_html(_story, opened)


@st.cache_data(max_entries=16, show_spinner=False)
def _labels(version: tuple, _story: Story) -> dict[str, str]:
    return article_labels(_story.articles)


def show(story: Story, version: tuple) -> None:
    labels = _labels(version, story)
    several = len(labels) > 1
    st.header("The articles, with every figure highlighted" if several else "The article, with every figure "
              "highlighted", anchor=ARTICLE)
    opened = ""
    if several:
        opened = st.selectbox("Open the article", list(labels), format_func=labels.get, key="article",
                              help="One article at a time; the profile shows each figure's sentence in place.") or ""
    st.caption("Highlighted sentences are the exact words each number comes from; ↩ returns to its chart.")
    st.html(_article(version, opened, story))
