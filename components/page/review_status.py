"""The desk's bookkeeping: saving decisions against what the tab saw, stale decisions, re-running extraction."""

from __future__ import annotations

import csv
import io

import streamlit as st

from components import store
from components.desk import Desk, reanchored
from components.extract.decisions import FILE, DecisionError, StaleDecisions, decision_key
from components.extract.pipeline import run
from components.extract.text import SeedError
from components.page.pages import reader_page
from components.review_store import ConflictError, replace_decision, save_decision, withdraw_decision

FLASH, SEEN, GOTO = "desk_flash", "desk_seen", "desk_goto"


def remember_seen(desk: Desk) -> dict[tuple, dict]:
    """The decisions this tab showed on its previous run (what the journalist saw), then remember today's."""
    seen = st.session_state.get(SEEN, {}).get(desk.source, {})
    st.session_state.setdefault(SEEN, {})[desk.source] = {decision_key(d): d for d in desk.decisions}
    return seen


def flash(kind: str, message: str) -> None:
    st.session_state[FLASH] = (kind, message)


def show_flash() -> None:
    kind, message = st.session_state.pop(FLASH, (None, ""))
    if kind == "success":
        st.success(message, icon=":material/check_circle:")
    elif kind == "error":
        st.error(message, icon=":material/error:")


def save(decision: dict, seen: dict[tuple, dict], done: str) -> None:
    """Save one decision against what this tab saw; say what happened and show the new state."""
    st.session_state[GOTO] = decision["value_start"]
    try:
        save_decision(decision, expected=seen.get(decision_key(decision)))
    except (ConflictError, DecisionError, OSError) as err:
        flash("error", str(err))
    else:
        flash("success", f"{done} Saved in {FILE}. Re-run extraction to put it on the dashboard.")
    st.rerun()


def withdraw(decision: dict, done: str) -> None:
    st.session_state[GOTO] = decision["value_start"]
    try:
        withdraw_decision(decision)
    except (ConflictError, DecisionError, OSError) as err:
        flash("error", str(err))
    else:
        flash("success", f"{done} Re-run extraction to put the change on the dashboard.")
    st.rerun()


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
            moved = reanchored(d, desk.text, reviewer) if reviewer.strip() else None
            left, right = st.columns(2)
            if right.button("Drop this decision", key=f"drop-{stale.row}", icon=":material/delete:"):
                withdraw(d, "Dropped.")
            if moved and left.button("Keep it: the sentence moved", key=f"move-{stale.row}",
                                     icon=":material/move_down:", type="primary"):
                try:
                    replace_decision(d, moved)
                    flash("success", "Moved to the sentence's new place. Re-run extraction to publish it.")
                except (ConflictError, DecisionError, OSError) as err:
                    flash("error", str(err))
                st.rerun()


def unpublished(desk: Desk) -> bool:
    """Do this article's figures on the dashboard differ from what extraction with the decisions gives now?"""
    try:
        lines = (store.DATA_DIR / "figures.csv").read_text(encoding="utf-8").splitlines()
    except OSError:
        return True
    mine = {line for line in lines[1:] if line.startswith(desk.source + ",")}
    return mine != set(store.to_csv(desk.figures, "figures").splitlines()[1:])


def rerun_extraction() -> None:
    """`python -m components.extract`, in-process; the dashboard picks the new data/ up on its next run."""
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
    st.rerun()


def show_publish(desk: Desk) -> None:
    """Where the decisions stand against the dashboard, and the button that publishes them."""
    pending = unpublished(desk) and not desk.stale and not desk.error
    with st.container(border=True, key="desk-publish"):
        text, run_col, link_col = st.columns([5, 2, 2], vertical_alignment="center")
        if pending:
            text.markdown(":orange[**Not on the dashboard yet.**] The saved decisions change this article's "
                          "figures; re-run extraction to publish them.")
        else:
            text.markdown("**The dashboard is up to date** with this article's decisions.")
        if run_col.button("Re-run extraction", key="desk-rerun", icon=":material/refresh:",
                          type="primary" if pending else "secondary", width="stretch"):
            rerun_extraction()
        link_col.page_link(reader_page(), label="Open the dashboard", icon=":material/bar_chart:")

