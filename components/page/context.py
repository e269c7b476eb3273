"""The article's other facts: pay, penalties, age limits, counts, and a timeline of its dates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.views.anchors import CONTEXT
from components.views.context import context_html


@st.cache_data(max_entries=4, show_spinner=False)
def _context(version: tuple, _context: pd.DataFrame) -> str:
    return context_html(_context)


def show(context: pd.DataFrame, version: tuple) -> None:
    st.header("Context: the article's other facts", anchor=CONTEXT)
    st.html(_context(version, context))
