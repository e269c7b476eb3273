"""Central Asians in Russia: the article's figures as linked charts by country (the app's table of contents)."""

import streamlit as st

from components.page.access import review_enabled
from components.page.pages import desk_page, reader_page

st.set_page_config(page_title="Central Asians in Russia — figures from the article", page_icon="📊", layout="wide")

pages = [reader_page()]  # the body of the reader's page: components/page/reader.py
if review_enabled():  # the journalist's desk exists only where the operator turns it on (README)
    pages.append(desk_page())
st.navigation(pages, position="top").run()
