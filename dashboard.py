"""Central Asians in Russia: the article's figures as linked charts by country."""

import streamlit as st

from components.data import DataError
from components.page import article, context, controls, data_view, header, panels, profile
from components.story_data import data_version, load_story

st.set_page_config(page_title="Central Asians in Russia — figures from the article", page_icon="📊", layout="wide")


@st.cache_data(show_spinner=False)
def story_for(version: tuple):
    return load_story()


version = data_version()
try:
    story = story_for(version)
except DataError as err:
    st.error(f"The dashboard's data cannot be trusted, so nothing is shown. {err}", icon=":material/error:")
    st.stop()

needs_rerun = controls.read_link()
header.show(story)
countries, focus = controls.show()
if needs_rerun:
    st.rerun()  # apply the normalised shared link (see controls.read_link)
controls.show_share(countries, focus)
panels.show(story, countries, focus)
profile.show(story, focus)
context.show(story.context)
article.show(story)
data_view.show(story, countries, version)
