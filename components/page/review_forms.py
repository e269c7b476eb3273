"""The desk's panel for one number: what became of it, the decisions on it, and the forms to decide."""

from __future__ import annotations

import re

import streamlit as st

from components.countries import CENTRAL_ASIA, country_name
from components.extract.decisions import value_of
from components.extract.desk import (
    CORRECTABLE,
    Desk,
    Item,
    accept_decision,
    correct_decision,
    countries_near,
    qualifier_before,
    quote_options,
    reject_decision,
    sentence_of,
    value_spans,
    year_options,
)
from components.indicators import BY_ID, QUANTITIES
from components.page.review_status import REVIEWER, flash, save, withdraw
from components.schema import POSITIONS, QUALIFIERS
from components.views.desk_article import STATUS_LABELS, sentence_html

NONE = ""  # the "no value" option of a select
FIELD_LABELS = {"country_iso3": "country", "year": "year", "qualifier": "qualifier", "vote": "vote",
                "position": "position"}
NEED_NAME = "Write your name at the top of the page first: every decision says who took it."


def slug(text: str) -> str:
    """A widget key part that is also a CSS class part (st-key-…): letters, digits, '-'."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def _none(label: str):
    return lambda v: v or label


def _fmt_value(value: float | None) -> str:
    return "—" if value is None else f"{value:,.10g}"


def value_words(row: dict) -> str:
    """A figure's value for a table: the number, or its range, or '' (a vote)."""
    if row.get("value") is not None:
        return _fmt_value(row["value"])
    if row.get("value_low") is not None:
        return f"{_fmt_value(row['value_low'])}–{_fmt_value(row.get('value_high'))}"
    return ""


def show_item(desk: Desk, item: Item, reviewer: str) -> None:
    """The picked number: its fate and reason, its sentence, the decisions on it, and what can be decided."""
    st.subheader(f"#{item.n} “{item.text}” · {STATUS_LABELS[item.status]}", anchor=False)
    if item.reason:
        st.caption(f"Extraction: {item.fate}, {item.reason}")
    quoted = item.figures[0] if item.figures else None  # an accepted figure's quote may span two sentences
    quote = (quoted["start"], quoted["end"]) if quoted else sentence_of(desk.text, item.start, item.end)
    st.html(sentence_html(desk.text, quote, (item.start, item.end)))
    for d in item.decisions:
        with st.container(border=True, key=f"decision-{d['decision']}-{d['field']}-{d['country_iso3']}-{item.start}"):
            st.markdown(f"**{_decision_words(d)}** · {d['reviewer']}, {_when(d['decided_at'])}")
            if d["reason"]:
                st.caption(f"“{d['reason']}”")
            st.button("Withdraw this decision", key=f"withdraw-{d['decision']}-{d['field']}-{d['country_iso3']}-"
                      f"{item.start}", icon=":material/undo:", on_click=withdraw, args=(d, "Decision withdrawn."),
                      help="Remove it from the decisions file; the figure goes back to what extraction gives.")
    if item.status == "left out":
        _accept_form(desk, item, reviewer)
    elif item.status == "date of a figure":
        st.info("The year or date of a figure (its year and as_of columns): correct it on that figure.",
                icon=":material/event:")
    elif item.targets:
        _figure_forms(desk, item, reviewer)
    elif item.fate == "context":
        st.info("A context fact: shown in the dashboard's context list, not as a country figure.",
                icon=":material/info:")


def _decision_words(d: dict) -> str:
    country = country_name(d["country_iso3"])
    if d["decision"] == "accept" and d.get("position"):
        return f"Accepted as {country}'s vote: {d['position']} ({d['vote']})"
    if d["decision"] == "accept":
        return f"Accepted as {country}'s figure ({BY_ID[d['indicator']].heading.lower()})"
    if d["decision"] == "reject":
        return f"Rejected {country}'s figure"
    new = d["new_value"]
    shown = country_name(new) if d["field"] == "country_iso3" and new else new or "none"
    return f"Corrected the {FIELD_LABELS[d['field']]} of {country}'s figure to “{shown}”"


def _when(stamp: str) -> str:
    """2026-01-31T09:15:00Z → 2026-01-31 09:15 UTC."""
    return stamp.replace("T", " ")[:16] + " UTC" if len(stamp) >= 16 else stamp


def _accept_form(desk: Desk, item: Item, reviewer: str) -> None:
    key = f"accept-{slug(desk.source)}-{item.start}"
    with st.container(border=True, key=key):
        st.markdown("**Accept it as a figure**")
        spans = value_spans(desk.text, item.start, item.end)
        if not spans:
            st.warning(f"“{item.text}” is not one number the parser can read, so it cannot become a figure.")
            return
        words = spans[0]
        if len(spans) > 1:
            words = st.radio("The figure is", spans, key=f"{key}-words", format_func=lambda w: (
                f"the range “{desk.text[w[0]:w[1]]}”" if w != (item.start, item.end) else f"“{item.text}” alone"),
                help="The article gives a range: accept it whole (low and high kept, never averaged), or this one "
                     "number alone.")
        nearby = countries_near(desk.text, item.start, item.end)
        left, right = st.columns(2)
        indicator = left.selectbox("Indicator", QUANTITIES, format_func=lambda i: BY_ID[i].heading,
                                   key=f"{key}-indicator", index=None, placeholder="Which figure is it?")
        country = right.selectbox("Country", CENTRAL_ASIA, format_func=country_name, key=f"{key}-country",
                                  index=CENTRAL_ASIA.index(nearby[0]) if nearby else None,
                                  placeholder="Whose figure is it?")
        options = [q for q in quote_options(desk.text, item.start, item.end) if q[0] <= words[0] and words[1] <= q[1]]
        quote = st.selectbox("Quote (the article's own words)", options, key=f"{key}-quote",
                             format_func=lambda q: short(desk.text[q[0]:q[1]]),
                             help="The figure's provenance: pick the sentence, or the sentence with the one "
                                  "before it, or the whole paragraph.")
        left, right = st.columns(2)
        year = left.selectbox("Year", [NONE, *year_options(desk.text, quote)], key=f"{key}-year",
                              format_func=_none("not stated"), help="Only years the quote or its paragraph states.")
        guess = qualifier_before(desk.text, words[0])
        qualifier = right.selectbox("Qualifier", [NONE, *QUALIFIERS], key=f"{key}-qualifier",
                                    index=[NONE, *QUALIFIERS].index(guess), format_func=_none("none"))
        st.text_input("Note (optional)", key=f"{key}-reason", placeholder="e.g. the tally in paragraph 4")
        ready = bool(indicator and country)
        try:
            value, low, high = value_of(desk.text, quote, words)
        except ValueError:
            readable = False
            st.error(f"Over this quote the number grammar does not read “{desk.text[words[0]:words[1]]}” as one "
                     "number or one range (a longer quote can join it to other words). Pick the number's own "
                     "sentence as the quote, or the number alone.", icon=":material/error:")
        else:
            readable = True
            read = f"value {_fmt_value(value)}" if value is not None else f"range {_fmt_value(low)}–{_fmt_value(high)}"
            if ready:
                st.caption(f"Adds to {BY_ID[indicator].heading}: **{country_name(country)}**, "
                           f"**{' '.join(p for p in (qualifier, desk.text[words[0]:words[1]]) if p)}** ({read} "
                           f"{BY_ID[indicator].unit}{', ' + year if year else ', year not stated'}).")
        st.button("Accept as a figure", key=f"{key}-save", type="primary", icon=":material/add_task:",
                  disabled=not (reviewer.strip() and ready and readable),
                  help=NEED_NAME if not reviewer.strip() else None if ready else "Pick the indicator and country.",
                  on_click=_accept, args=(desk, item, key, spans))


def _accept(desk: Desk, item: Item, key: str, spans: list[tuple[int, int]]) -> None:
    """on_click: the decision from the form's values at click time: the words are those the preview read, the
    picked ones when the form offers a choice, else the one reading it offers (the range, or the number)."""
    state = st.session_state
    country = state[f"{key}-country"]
    words = state[f"{key}-words"] if len(spans) > 1 else spans[0]
    decision = accept_decision(desk, item, indicator=state[f"{key}-indicator"], country_iso3=country,
                               year=state[f"{key}-year"], qualifier=state[f"{key}-qualifier"],
                               quote=state[f"{key}-quote"], reason=state.get(f"{key}-reason", ""),
                               reviewer=state.get(REVIEWER, ""), words=tuple(words))
    save(decision, f"Accepted “{decision['value_text']}” as {country_name(country)}'s figure.")


def _figure_forms(desk: Desk, item: Item, reviewer: str) -> None:
    targets = list(item.targets)
    target = targets[0]
    if len(targets) > 1:
        target = st.radio("Which figure", targets, key=f"target-{slug(desk.source)}-{item.start}", horizontal=True,
                          format_func=lambda t: t["country"])
    after = desk.reviewed(target)
    _fields_table(target, after)
    if after is None:
        st.caption("This figure is rejected: withdraw the rejection above to decide on it again.")
        return
    key = f"fig-{slug(desk.source)}-{item.start}-{target['indicator']}-{target['country_iso3']}"
    accepted = target.get("review") == "accepted"  # a vote position the newsroom accepted: only its position
    if accepted:
        fix, drop = st.container(), None
        st.caption("Accepted by the newsroom with the position its words state: correct the position if they mean "
                   "another (say why), or withdraw the acceptance above to remove it.")
    else:
        fix, drop = st.tabs(["Correct a field", "Reject it"])
    with fix:
        kind = "vote" if BY_ID[target["indicator"]].is_vote else "quantity"
        fields = ("position",) if accepted else CORRECTABLE[kind]
        field = st.selectbox("Field", fields, format_func=FIELD_LABELS.get, key=f"{key}-field")
        _new_value(desk, target, field, f"{key}-{field}")  # read back at click time from its key
        st.text_input("Why (required)" if accepted else "Why (optional)", key=f"{key}-why")
        done = any(d["decision"] == "correct" and d["field"] == field and d["country_iso3"] == target["country_iso3"]
                   and d["indicator"] == target["indicator"] for d in item.decisions)
        if done:
            st.caption(f"The {FIELD_LABELS[field]} is corrected already: withdraw that correction above to change it.")
        st.button("Save the correction", key=f"{key}-correct", type="primary", icon=":material/edit:",
                  disabled=done or not reviewer.strip(), help=None if reviewer.strip() else NEED_NAME,
                  on_click=_correct, args=(desk, target, key))
    if drop is None:
        return
    with drop:
        st.text_input("Why is it wrong? (required)", key=f"{key}-reject-why",
                      placeholder="e.g. this is the regional total, not Kazakhstan's")
        st.button("Reject this figure", key=f"{key}-reject", icon=":material/block:", disabled=not reviewer.strip(),
                  help=None if reviewer.strip() else NEED_NAME, on_click=_reject, args=(desk, target, key))


def _correct(desk: Desk, target: dict, key: str) -> None:
    """on_click: the correction from the form's values at click time (an accepted position read otherwise than its
    words needs the reason)."""
    state = st.session_state
    field = state[f"{key}-field"]
    reason = state.get(f"{key}-why", "")
    if target.get("review") == "accepted" and not reason.strip():
        flash("error", "Say why the words mean another position than the one they are read as: this correction "
                       "needs a reason. Nothing was saved.")
        return
    decision = correct_decision(desk, target, field_name=field, new_value=state.get(f"{key}-{field}") or "",
                                reason=reason, reviewer=state.get(REVIEWER, ""))
    save(decision, f"Corrected the {FIELD_LABELS[field]} of {target['country']}'s figure.")


def _reject(desk: Desk, target: dict, key: str) -> None:
    """on_click: the rejection, with the reason typed by click time (required)."""
    reason = st.session_state.get(f"{key}-reject-why", "").strip()
    if not reason:
        flash("error", "Say why the figure is wrong: a rejection needs a reason. Nothing was saved.")
        return
    save(reject_decision(desk, target, reason=reason, reviewer=st.session_state.get(REVIEWER, "")),
         f"Rejected {target['country']}'s figure “{target['value_text']}”.")


def _new_value(desk: Desk, target: dict, field: str, key: str) -> str | None:
    current = target.get(field) or ""
    if field == "country_iso3":
        return st.selectbox("New country", CENTRAL_ASIA, format_func=country_name, key=key,
                            index=CENTRAL_ASIA.index(current))
    if field == "year":
        years = [NONE, *year_options(desk.text, (target["start"], target["end"]))]
        return st.selectbox("New year", years, key=key, format_func=_none("not stated"),
                            index=years.index(current) if current in years else 0,
                            help="Only years the quote or its paragraph states.")
    if field == "qualifier":
        options = [NONE, *QUALIFIERS]
        return st.selectbox("New qualifier", options, key=key, format_func=_none("none"),
                            index=options.index(current) if current in options else 0)
    if field == "position":
        return st.selectbox("New position", POSITIONS, key=key,
                            index=POSITIONS.index(current) if current in POSITIONS else 0)
    votes = sorted({f.get("vote") or "" for f in desk.figures if f.get("vote")} | ({current} if current else set()))
    return st.selectbox("The vote", votes, key=key, index=votes.index(current) if current in votes else None,
                        accept_new_options=True, placeholder="Pick or write the resolution, e.g. A/RES/ES-11/1")


def _fields_table(target: dict, after: dict | None) -> None:
    shown = after or target
    rows = [("Country", target["country"], shown["country"]),
            ("Indicator", BY_ID[target["indicator"]].heading, BY_ID[shown["indicator"]].heading),
            ("Words", target["value_text"], shown["value_text"])]
    for name in ("value", "qualifier", "year", "as_of", "vote", "position", "unit", "attribution"):
        if (target.get(name) or "") != "" or (shown.get(name) or "") != "":
            rows.append((name.replace("_", " ").capitalize(), _cell(target.get(name)), _cell(shown.get(name))))
    if after is None:
        st.caption("Extracted fields (this figure is rejected):")
        st.table({"field": [r[0] for r in rows], "extracted": [r[1] for r in rows]})
        return
    first = "accepted" if target.get("review") == "accepted" else "extracted"
    st.table({"field": [r[0] for r in rows], first: [r[1] for r in rows], "after review": [r[2] for r in rows]})


def _cell(value: object) -> str:
    if isinstance(value, float):
        return _fmt_value(value)
    return "" if value is None else str(value)


def short(text: str, limit: int = 110) -> str:
    """Text cut to `limit` characters for a picker, with an ellipsis when cut."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
