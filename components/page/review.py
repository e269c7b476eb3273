"""The journalist's desk (a page script): every number of an article, what became of it, and decisions without code."""

import pandas as pd
import streamlit as st

from components import store
from components.extract.decisions import FILE, DecisionError, read_decisions
from components.extract.desk import article_desk
from components.extract.pipeline import read_seeds
from components.extract.text import SeedError, article_metadata
from components.indicators import BY_ID
from components.page.review_forms import show_item, slug, value_words
from components.page.review_status import GOTO, REVIEWER, show_flash, show_publish, show_stale
from components.page.review_vote import show_vote_form
from components.views.desk_article import STATUS_LABELS, desk_article_html, legend_html

FILTERS = {"Left out": ("left out",), "Figures": ("figure", "accepted", "corrected", "rejected", "date of a figure"),
           "Context": ("context",), "All": tuple(STATUS_LABELS)}
SHORT_ARTICLE = 2500  # characters: a shorter article is shown whole, a longer one scrolls beside the panel

st.title("The journalist's desk")
st.caption(f"Every number of an article, what extraction made of it and why. Accept a number it left out, reject a "
           f"wrong figure or correct a field: each decision is saved in {FILE} (commit it; it is reviewed like any "
           "change) and reaches the dashboard when extraction runs again.")
try:
    seeds = read_seeds(store.SEEDS_DIR)
    decisions = read_decisions()
except (SeedError, DecisionError) as err:
    st.error(f"The desk cannot open: {err}", icon=":material/error:")
    st.stop()

pick, name = st.columns([3, 1], vertical_alignment="bottom")
seed = pick.selectbox("Article", seeds, key="desk_source", format_func=lambda s: f"{article_metadata(s)['title']} "
                      f"({s.name})")
reviewer = name.text_input("Your name", key=REVIEWER, placeholder="Who decides", max_chars=80)
desk = article_desk(seed, decisions)
show_flash()
if desk.error:
    st.error(f"The saved decisions cannot all be applied: {desk.error}", icon=":material/error:")
show_stale(desk, reviewer)
show_publish(desk)

counts = {status: sum(1 for i in desk.items if i.status == status) for status in STATUS_LABELS}
reviews = [f.get("review") for f in desk.figures]
rejected = sum(1 for d in desk.decisions if d["decision"] == "reject") - len([s for s in desk.stale
                                                                             if s.decision["decision"] == "reject"])
st.markdown(f"**{len(desk.items)} numbers and vote positions**. {len(desk.figures)} figures "
            f"({reviews.count('accepted')} accepted and {reviews.count('corrected')} corrected by the newsroom, "
            f"{rejected} rejected), {counts['date of a figure']} years or dates of figures, {counts['context']} "
            f"context fact(s), **{counts['left out']} left out**. {len(desk.decisions)} decision(s) saved on this "
            "article.")

goto = st.session_state.pop(GOTO, None)  # after a save: stay on the number just decided
if goto is not None:
    st.session_state["desk_filter"] = "All"
read, panel = st.columns([3, 2], gap="large")
with panel:
    shown = st.segmented_control("Show", list(FILTERS), key="desk_filter",
                                 default="Left out" if counts["left out"] else "All") or "All"
    by_start = {i.start: i for i in desk.items if i.status in FILTERS[shown]}
    item_key = f"desk-item-{slug(seed.name)}-{slug(shown)}"
    if goto in by_start:
        st.session_state[item_key] = goto
    start = st.selectbox("Number", list(by_start), key=item_key, placeholder="No number of this kind",
                         format_func=lambda s: f"#{by_start[s].n} · {by_start[s].text} — "
                                               f"{STATUS_LABELS[by_start[s].status]}")
    item = by_start.get(start)
    if item:
        show_item(desk, item, reviewer)
    show_vote_form(desk, reviewer)
with read:
    st.html(legend_html())
    with st.container(height=680 if len(desk.text) > SHORT_ARTICLE else "content", key="desk-article"):
        st.html(desk_article_html(desk.text, desk.items, item.start if item else None))

st.subheader("The figures, as extraction and the decisions give them", anchor=False)
table = pd.DataFrame([{"country": f["country"], "indicator": BY_ID[f["indicator"]].heading,
                       "words": " ".join(p for p in (f.get("qualifier") or "", f["value_text"]) if p),
                       "value": value_words(f), "unit": f["unit"], "year": f.get("year") or "",
                       "vote": f.get("vote") or "", "position": f.get("position") or "",
                       "review": f.get("review") or "", "quote": f["quote"]} for f in desk.figures])
st.dataframe(table, hide_index=True, key="desk-figures")
if desk.decisions:
    st.subheader("Decisions saved on this article", anchor=False)
    st.dataframe(pd.DataFrame(desk.decisions), hide_index=True, key="desk-decisions",
                 column_order=("decision", "field", "country_iso3", "value_text", "new_value", "year", "qualifier",
                               "position", "vote", "reason", "reviewer", "decided_at"))
