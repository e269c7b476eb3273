"""Country filter and focus, bound to the URL, with a notice for ignored link values and the share link."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import streamlit as st

from components.countries import CENTRAL_ASIA, country_name
from components.links import PARAMS, Link, parse_link, share_url

FILTER_KEY, FOCUS_KEY, SOURCE_KEY = PARAMS  # also the query parameter names
_PENDING, _CHECKED, _IGNORED, _APPLIED = "_link_pending", "_link_checked", "_link_ignored", "_link_applied"


def read_link(sources: list[str]) -> bool:
    """On a session's first run, normalise the shared link; return True if a rerun must apply it.

    `sources` are the seed stems a `source` value may name. The bound widgets accept only exact option values, so
    `?focus=tjk` would be dropped. A lower-case or partly invalid link is parsed here and applied through session
    state on the next run, when code-set values win over the URL.
    """
    pending = st.session_state.pop(_PENDING, None)
    st.session_state[_APPLIED] = pending
    if pending is not None:
        st.session_state[FILTER_KEY], st.session_state[FOCUS_KEY] = pending.countries, pending.focus
        st.session_state[SOURCE_KEY] = pending.sources
    if _CHECKED in st.session_state:
        return False
    st.session_state[_CHECKED] = True
    raw = {k: st.query_params.get_all(k) for k in PARAMS}
    link = parse_link(raw, sources)
    st.session_state[_IGNORED] = link.ignored
    st.session_state[SOURCE_KEY] = link.sources  # no widget binds it yet; empty means every source
    if link.canonical() != {k: v for k, v in raw.items() if v}:
        st.session_state[_PENDING] = link
        _set_unbound_param(SOURCE_KEY, link.sources)
        return True
    return False


def _set_unbound_param(key: str, values: list[str]) -> None:
    """Put a parameter no widget binds in Streamlit's own copy of the query string, which it writes back to the
    address bar on every later run (a replaceState alone would be undone by the next click)."""
    if values:
        st.query_params[key] = values
    elif key in st.query_params:
        del st.query_params[key]


# Replaces the page's own parameters in the address bar by their canonical form and keeps every other one (embed,
# embed_options, utm_*...) byte for byte, in place: the browser splits its own address, so no value the page did not
# check passes through Python into this script.
REWRITE = """const w = window.parent, owned = new Set(%s), canonical = %s;
const name = (pair) => { try { return decodeURIComponent(pair.split("=")[0].replace(/\\+/g, " ")); }
                         catch (e) { return null; } };
const kept = w.location.search.slice(1).split("&").filter((pair) => pair && !owned.has(name(pair)));
const query = kept.concat(canonical ? [canonical] : []).join("&");
w.history.replaceState(w.history.state, "", w.location.pathname + (query ? "?" + query : "") + w.location.hash);"""


def write_back_link() -> None:
    """After a normalised link is applied, put its canonical form in the address bar.

    Streamlit's binding keeps the values but not the URL here (it dropped `?focus=tjk` on the first run
    and does not re-add a value set from code on a run started by st.rerun), so this one case rewrites
    the address with history.replaceState. Only canonical codes and known source stems reach the script;
    the parameters the page does not own stay in the address as they were.
    """
    applied: Link | None = st.session_state.pop(_APPLIED, None)
    if applied is None:
        return
    script = REWRITE % (json.dumps(list(PARAMS)), json.dumps(urlencode(applied.canonical_pairs())))
    st.iframe(f"<script>{script}</script>", height=1, alt="Puts the shared view's canonical link in the address bar")


def toggle_focus(iso3: str | None) -> None:
    """Focus a country, or clear the focus when it is already focused (a second click)."""
    current = st.session_state.get(FOCUS_KEY)
    st.session_state[FOCUS_KEY] = None if iso3 is None or iso3 == current else iso3


def show_notice() -> None:
    """Say how many values of the shared link were ignored; the values themselves are never echoed."""
    ignored = st.session_state.get(_IGNORED, 0)
    if ignored:
        st.info(f"{ignored} value(s) in the link were not recognised and were ignored. Country codes are "
                f"{', '.join(CENTRAL_ASIA)}.", icon=":material/link_off:")


# Options are labelled with their ISO3 codes because a bound widget writes its option labels into the
# URL, and share links carry codes (?country=KAZ&focus=TJK); the names are listed beside the filter.
def show_filter() -> list[str]:
    """The country filter; returns the countries shown (all five when none is picked)."""
    countries = st.multiselect(
        "Countries to compare", CENTRAL_ASIA, key=FILTER_KEY, bind="query-params",
        placeholder="All five Central Asian states", help="Leave empty to show all five.")
    st.caption(" · ".join(f"**{c}** {country_name(c)}" for c in CENTRAL_ASIA))
    return countries or list(CENTRAL_ASIA)


def _sources_changed() -> None:
    # No widget binding here: the options carry readable names, and a bound widget would write its labels into
    # the URL. The link keeps the seed stems.
    _set_unbound_param(SOURCE_KEY, list(st.session_state.get(SOURCE_KEY) or []))


def chosen_sources(labels: dict[str, str]) -> list[str]:
    """The source ids the reader (or the link) chose, known ones only; none: every source. Read before the page
    is drawn, so the header above the control already tells the chosen sources' story."""
    chosen = [s for s in st.session_state.get(SOURCE_KEY) or [] if s in labels]
    if len(labels) > 1 and chosen != list(st.session_state.get(SOURCE_KEY) or []):
        st.session_state[SOURCE_KEY] = chosen
    return chosen if len(labels) > 1 else []


def show_sources(labels: dict[str, str]) -> list[str]:
    """The sources filter, offered only when there are several articles; returns the chosen source ids (none
    chosen: every source). `labels` maps each source id to how the control lists it."""
    if len(labels) <= 1:
        return []
    chosen = st.multiselect(
        "Sources", list(labels), key=SOURCE_KEY, format_func=labels.get, on_change=_sources_changed,
        placeholder=f"All {len(labels):,} articles", help="Leave empty to include every article.")
    return list(chosen)


def show_focus(shown: list[str]) -> str | None:
    """The focused country selector, its clear button and the share link; returns the focus."""
    left, middle, right = st.columns([3, 1, 1], vertical_alignment="bottom")
    focus = left.selectbox(
        "Follow one country", CENTRAL_ASIA, key=FOCUS_KEY, bind="query-params",
        index=None, placeholder="Click a country in any chart", help="Highlights it in every chart.")
    middle.button("Clear focus", on_click=toggle_focus, args=(None,), disabled=focus is None, width="stretch")
    with right:
        show_share(shown, focus)
    if focus and focus not in shown:
        st.caption(f"{country_name(focus)} is focused but filtered out; add it to the countries to see it.")
    return focus


def show_share(countries: list[str], focus: str | None) -> None:
    """The address of this view, ready to copy (only canonical codes and known sources ever reach it)."""
    with st.popover("Share this view", icon=":material/share:", width="stretch"):
        st.caption("This link reopens exactly what you see (the address bar holds it too).")
        base = st.context.url or ""
        shown = countries if countries != list(CENTRAL_ASIA) else []
        st.code(share_url(base, shown, focus, st.session_state.get(SOURCE_KEY) or []), language=None,
                wrap_lines=True)
