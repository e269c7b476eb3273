"""The app's pages for st.navigation: the reader's page (default, at /) and the journalist's desk."""

from __future__ import annotations

import streamlit as st

from components.page import reader

DESK_SCRIPT = "components/page/review.py"  # relative to dashboard.py


def reader_page() -> st.Page:
    return st.Page(reader.show, title="Figures from the article", icon=":material/bar_chart:", url_path="figures",
                   default=True)


def desk_page() -> st.Page:
    return st.Page(DESK_SCRIPT, title="The journalist's desk", icon=":material/fact_check:", url_path="review",
                   help="Check what became of every number of an article and correct the figures without code.")
