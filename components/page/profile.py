"""The focused country's profile: each of its figures with the article's words, linked to them."""

from __future__ import annotations

import streamlit as st

from components.countries import country_name
from components.store import Story
from components.views.anchors import PROFILE
from components.views.profile import profile_html


@st.cache_data(max_entries=64, show_spinner=False)
def _profile(version: tuple, focus: str, _story: Story) -> str:
    # With several articles the article view holds one at a time: each figure's sentence opens in place.
    return profile_html(_story, focus, quotes="excerpt" if len(_story.articles) > 1 else "anchor")


def show(story: Story, focus: str | None, version: tuple) -> None:
    if not focus:
        return
    with st.container(border=True, key="profile"):
        where = "the articles" if len(story.articles) > 1 else "the article"
        st.header(f"{country_name(focus)} in {where}", anchor=PROFILE)
        st.html(_profile(version, focus, story))
