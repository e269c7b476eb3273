"""The desk's bookkeeping: saving decisions (button callbacks, at click time), stale ones, re-running extraction."""

from __future__ import annotations

import csv
import io

import streamlit as st

from components import store
from components.extract.decision_store import ConflictError, replace_decision, save_decision, withdraw_decision
from components.extract.decisions import FILE, DecisionError, StaleDecisions
from components.extract.desk import Desk, reanchored
from components.extract.pipeline import run
from components.extract.text import SeedError
from components.page.pages import reader_page

FLASH, GOTO, REVIEWER = "desk_flash", "desk_goto", "desk_reviewer"


def flash(kind: str, message: str) -> None:
    st.session_state[FLASH] = (kind, message)


def show_flash() -> None:
    kind, message = st.session_state.pop(FLASH, (None, ""))
    if kind == "success":
        st.success(message, icon=":material/check_circle:")
    elif kind == "error":
        st.error(message, icon=":material/error:")


def save(decision: dict, done: str) -> None:
    """Save one new decision, never over one saved meanwhile in another tab; say what happened.

    Called from a button's on_click, so it runs at click time even when the rerun would no longer draw that button
    (another tab decided on the same number meanwhile): the journalist is told, never silently ignored.
    """
    st.session_state[GOTO] = decision["value_start"]
    try:
        save_decision(decision)
    except (ConflictError, DecisionError, OSError) as err:
        flash("error", str(err))
    else:
        flash("success", f"{done} Saved in {FILE}. Re-run extraction to put it on the dashboard.")


def withdraw(decision: dict, done: str) -> None:
    """Remove a decision, provided it is still exactly the one shown (an on_click callback)."""
    st.session_state[GOTO] = decision["value_start"]
    try:
        withdraw_decision(decision)
    except (ConflictError, DecisionError, OSError) as err:
        flash("error", str(err))
    else:
        flash("success", f"{done} Re-run extraction to put the change on the dashboard.")


def look(start: int) -> None:
    """Open the number now at these offsets in the panel (an on_click callback)."""
    st.session_state[GOTO] = start


def move(stale: dict, moved: dict) -> None:
    """Keep a stale decision whose sentence only moved, at its new place (an on_click callback)."""
    try:
        replace_decision(stale, moved)
    except (ConflictError, DecisionError, OSError) as err:
        flash("error", str(err))
    else:
        flash("success", "Moved to the sentence's new place. Re-run extraction to publish it.")


def show_stale(desk: Desk, reviewer: str) -> None:
    """Decisions whose words changed: never applied, listed here for a new decision."""
    if not desk.stale:
        return
    with st.container(border=True, key="desk-stale"):
        st.subheader(f"{len(desk.stale)} decision(s) to take again", anchor=False)
        st.caption("The article's text changed under these decisions, so extraction stops until each is moved, "
                   "dropped or taken again. None is applied in the meantime.")
        for stale in desk.stale:
            d = stale.decision
            st.markdown(f"**{d['decision']} {'' if d['field'] == 'figure' else d['field'] + ' of '}"
                        f"“{d['value_text']}”** ({d['indicator']}, {d['country_iso3']}) by {d['reviewer']}, "
                        f"{d['decided_at']}: {stale.why}.")
            st.caption(f"It was made on: “{d['quote']}”")
            moved = reanchored(desk, d, reviewer) if reviewer.strip() else None
            buttons = st.columns(3)
            if moved:
                buttons[0].button("Keep it: the sentence moved", key=f"move-{stale.row}", icon=":material/move_down:",
                                  type="primary", on_click=move, args=(d, moved), width="stretch")
            if desk.item_at(d["value_start"]):
                buttons[1].button("Look at these words now", key=f"look-{stale.row}", icon=":material/visibility:",
                                  on_click=look, args=(d["value_start"],), width="stretch")
            buttons[2].button("Drop this decision", key=f"drop-{stale.row}", icon=":material/delete:",
                              on_click=withdraw, args=(d, "Dropped."), width="stretch")


def unpublished(desk: Desk) -> bool:
    """Do this article's figures on the dashboard differ from what extraction with the decisions gives now?"""
    try:
        lines = (store.DATA_DIR / "figures.csv").read_text(encoding="utf-8").splitlines()
    except OSError:
        return True
    mine = {line for line in lines[1:] if line.startswith(desk.source + ",")}
    return mine != set(store.to_csv(desk.figures, "figures").splitlines()[1:])


def rerun_extraction() -> None:
    """`python -m components.extract`, in-process (an on_click callback); the dashboard reads the new data/."""
    try:
        files = run(store.SEEDS_DIR, store.DATA_DIR)
    except StaleDecisions as err:
        flash("error", f"Extraction stopped: {err}")
    except (SeedError, store.DataError, OSError) as err:
        flash("error", f"Extraction failed: {err}")
    else:
        rows = list(csv.DictReader(io.StringIO(files["figures.csv"])))
        reviewed = sum(1 for r in rows if r["review"])
        flash("success", f"Extraction ran: data/ now holds {len(rows)} figures, {reviewed} of them checked by the "
                         "newsroom. The dashboard shows them.")


def show_publish(desk: Desk) -> None:
    """Where the decisions stand against the dashboard, and the button that publishes them."""
    pending = unpublished(desk) and not desk.stale and not desk.error
    with st.container(border=True, key="desk-publish"):
        text, run_col, link_col = st.columns([5, 2, 2], vertical_alignment="center")
        if desk.stale or desk.error:
            text.markdown(":red[**Extraction is stopped**] until the decisions above are taken again: data/ stays "
                          "as the last extraction wrote it.")
        elif pending:
            text.markdown(":orange[**Not on the dashboard yet.**] The saved decisions change this article's "
                          "figures; re-run extraction to publish them.")
        else:
            text.markdown("**The dashboard is up to date** with this article's decisions.")
        run_col.button("Re-run extraction", key="desk-rerun", icon=":material/refresh:", on_click=rerun_extraction,
                       type="primary" if pending else "secondary", width="stretch")
        link_col.page_link(reader_page(), label="Open the dashboard", icon=":material/bar_chart:")

