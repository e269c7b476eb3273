"""Headline, summary, source and how-to-read line."""

from __future__ import annotations

import streamlit as st

from components.store import Story
from components.views.summary import summary_sentences


def show(story: Story) -> None:
    article = story.article
    st.title("Central Asians in Russia, by the numbers")
    st.markdown(" ".join(summary_sentences(story.figures)))
    outlet = article.get("outlet") or "the source article"
    st.caption(
        f"Source: “{article.get('title', '')}”, {outlet}. The seed text gives no publication date or URL. "
        # Plain text, not `code`: Streamlit's inline-code colour inside a caption fails WCAG contrast (3.0:1).
        f"Every number below is extracted by code from the article text (file seeds/{article.get('file', '')})."
    )
    st.markdown(
        "**How to read this:** pick countries to compare, then click any bar, vote marker or map shape to "
        "follow that country through every chart. A grey line with “not reported in the article” means the "
        "article gives no figure: it is not a zero. The address bar is always a link to exactly this view."
    )
