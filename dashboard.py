"""Central Asians in Russia: the article's figures as linked charts by country."""

import streamlit as st

from components.data import DataError, load_context, load_figures

st.set_page_config(page_title="Central Asians in Russia", layout="wide")
try:
    st.dataframe(load_figures())
    st.dataframe(load_context())
except DataError as err:
    st.error(str(err))
