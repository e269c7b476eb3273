"""The floor for the benchmark: a bare Streamlit page drawing the same five Plotly charts from the same data."""

import plotly.express as px
import streamlit as st

from components.store import load_figures

figures = load_figures()
selected = (st.session_state.get("pick") or {}).get("selection", {}).get("points", [])
focus = selected[0].get("y") if selected else "none"
for indicator in ("migrant_workers", "remittances_share_of_gdp", "citizenship_grants"):
    rows = figures[figures["indicator"] == indicator]
    fig = px.bar(rows, x="value", y="country_iso3", orientation="h", title=f"{indicator} · selected {focus}")
    st.plotly_chart(fig, key="pick" if indicator == "migrant_workers" else None, on_select="rerun",
                    selection_mode="points")
votes = figures[figures["indicator"] == "un_ga_vote"]
st.plotly_chart(px.scatter(votes, x="position", y="country_iso3", title=f"vote · selected {focus}"))
workers = figures[figures["indicator"] == "migrant_workers"]
st.plotly_chart(px.choropleth(workers, locations="country_iso3", color="value", scope="asia",
                              title=f"map · selected {focus}"), config={"topojsonURL": "app/static/"})
