"""The source article with every extracted figure highlighted and anchored."""

from __future__ import annotations

import streamlit as st

from components.store import Story
from components.views.anchors import ARTICLE, back_links
from components.views.article import article_html
from components.views.labels import PANELS

CSS = """<style>
.article mark{background:#fff3b0;padding:0 .1em;scroll-margin-top:4rem}
.article mark:target{outline:3px solid #0072B2;background:#ffe066}
.article a.back{font-size:.8em;margin-left:.2em;text-decoration:none}
</style>"""


@st.cache_data(max_entries=4, show_spinner=False)
def _article(version: tuple, _story: Story) -> str:
    back = back_links(PANELS)
    body = article_html(_story.seed_text, _story.figures, _story.context, back)
    return f"{CSS}<div class='article'>{body}</div>"


def show(story: Story, version: tuple) -> None:
    st.header("The article, with every figure highlighted", anchor=ARTICLE)
    st.caption("Highlighted sentences are the exact words each number comes from; ↩ returns to its chart.")
    st.html(_article(version, story))
