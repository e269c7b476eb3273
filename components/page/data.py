"""The data view: figures and context with provenance, and downloads."""

from __future__ import annotations

import streamlit as st

from components.store import Story, package_zip
from components.views.anchors import DATA
from components.views.downloads import figures_csv, filtered_figures
from components.views.review_mark import review_mark


def show(story: Story, countries: list[str]) -> None:
    st.header("The data", anchor=DATA)
    rows = filtered_figures(story.figures, countries)
    st.caption(f"{len(rows)} figures for the countries shown and {len(story.context)} context facts, each with "
               "its quote and character offsets in the seed text.")
    left, right = st.columns(2)
    # Callables: the files are made when a reader asks for them, not on every run and page load.
    left.download_button("Download these figures (CSV)", lambda: figures_csv(rows), file_name="figures.csv",
                         mime="text/csv", key="download_csv", on_click="ignore", icon=":material/download:")
    right.download_button("Download the data package (zip)", package_zip, file_name="central-asia-figures.zip",
                          mime="application/zip", key="download_zip", on_click="ignore",
                          icon=":material/folder_zip:")
    # The interactive grid is the heaviest script a reader's browser would load; it waits to be asked for.
    if st.toggle("Show the tables", key="show_tables"):
        checked = rows.assign(checked=[review_mark(r) for _, r in rows.iterrows()])  # the newsroom's review
        st.dataframe(checked, hide_index=True, key="figures_table",
                     column_order=("checked", *(c for c in rows.columns if c != "checked")))
        st.dataframe(story.context, hide_index=True, key="context_table")
