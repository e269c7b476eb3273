"""The desk's form for a vote position extraction missed: its sentence, its words, the state and the vote."""

from __future__ import annotations

import streamlit as st

from components.countries import country_name
from components.extract.desk import Desk
from components.extract.desk_votes import (
    VoteSentence,
    accept_vote_decision,
    country_options,
    vote_label,
    vote_sentences,
)
from components.indicators import BY_ID
from components.page.review_forms import NEED_NAME, short, slug
from components.page.review_status import REVIEWER, save
from components.views.desk_article import sentence_html

VOTE_FORM = "desk-vote"  # the expander's key: its CSS class is st-key-desk-vote
NO_SENTENCE = "No sentence of this article states a vote position (abstained, voted against, did not take part…)."


def vote_form_key(desk: Desk) -> str:
    """The prefix of the vote form's widget keys for this article."""
    return f"vote-{slug(desk.source)}"


def show_vote_form(desk: Desk, reviewer: str) -> None:
    """Accept position words extraction left out as a state's vote: every choice is offered from the article."""
    sentences = vote_sentences(desk)
    missed = sum(1 for s in sentences if s.missed)
    label = f"Add a vote position extraction missed ({missed} sentence{'s' if missed != 1 else ''} with one)" \
        if missed else "Add a vote position extraction missed"
    with st.expander(label, icon=":material/how_to_vote:", key=VOTE_FORM):
        if not sentences:
            st.info(NO_SENTENCE, icon=":material/info:")
            return
        st.caption("Pick the sentence and the words that state the position: the position is read from the words, "
                   "the state and the vote are offered from the article. Nothing is typed.")
        key = vote_form_key(desk)
        by_start = {s.start: s for s in sentences}
        first = next((s.start for s in sentences if s.missed), sentences[0].start)
        start = st.selectbox("Sentence", list(by_start), index=list(by_start).index(first), key=f"{key}-sentence",
                             format_func=lambda s: short(by_start[s].text),
                             help="The article's sentences that state a vote position; the first with words that are "
                                  "no state's vote yet comes first.")
        _words_form(desk, by_start[start], key, reviewer)


def _words_form(desk: Desk, sentence: VoteSentence, key: str, reviewer: str) -> None:
    by_word = {w.start: w for w in sentence.words}
    fresh = next((w.start for w in sentence.words if not w.given), sentence.words[0].start)
    at = st.selectbox("Position words", list(by_word), index=list(by_word).index(fresh),
                      key=f"{key}-{sentence.start}-words", format_func=lambda w: f"“{by_word[w].text}”")
    words = by_word[at]
    st.html(sentence_html(desk.text, (sentence.start, sentence.end), (words.start, words.end)))
    countries = country_options(words)
    if words.given:  # said beside the picker, not in its options: a picked option's label must not change
        more = " Another state they speak of can be added." if countries else ""
        st.caption(f"These words are already the vote of {', '.join(map(country_name, words.given))}.{more}")
    if not words.votes:
        st.warning("The article names no vote for these words (no date or subject of a resolution), so they cannot "
                   "become a vote figure.", icon=":material/warning:")
        return
    if not countries:
        st.info("Every state their sentence names has these words as its vote already: there is no other state to "
                "add.", icon=":material/info:")
        return
    left, right = st.columns(2)
    country = left.selectbox("Country", countries, format_func=country_name, key=f"{key}-{at}-country",
                             index=0, help="The states its sentence names (else its paragraph); all five when neither "
                                           "names one.")
    right.markdown(f"Position: **{words.position}**")
    right.caption(f"Read from “{words.text}” by the vote grammar. If the words mean another position, accept them "
                  "and correct the position on the figure, with the reason.")
    votes = {v.vote: v for v in words.votes}
    vote = st.selectbox("Vote", list(votes), key=f"{key}-{at}-vote", format_func=lambda v: vote_label(votes[v]),
                        help="The resolutions the article's dates or subjects name (adopted on, and the article's "
                             "words in brackets); the first is the one extraction reads for this sentence.")
    st.text_input("Note (optional)", key=f"{key}-reason", placeholder="e.g. the neighbour is Turkmenistan")
    st.caption(f"Adds to {BY_ID['un_ga_vote'].heading}: **{country_name(country)}**, **{words.position}** "
               f"(the words “{words.text}”) in **{vote}**.")
    st.button("Accept this vote position", key=f"{key}-save", type="primary", icon=":material/how_to_vote:",
              disabled=not reviewer.strip(), help=None if reviewer.strip() else NEED_NAME,
              on_click=_accept_vote, args=(desk, key))


def _accept_vote(desk: Desk, key: str) -> None:
    """on_click: the decision from the form's values at click time."""
    state = st.session_state
    sentence = next(s for s in vote_sentences(desk) if s.start == state[f"{key}-sentence"])
    words = next(w for w in sentence.words if w.start == state[f"{key}-{sentence.start}-words"])
    country = state[f"{key}-{words.start}-country"]
    decision = accept_vote_decision(desk, sentence, words, country_iso3=country,
                                    vote=state[f"{key}-{words.start}-vote"], reason=state.get(f"{key}-reason", ""),
                                    reviewer=state.get(REVIEWER, ""))
    save(decision, f"Accepted “{words.text}” as {country_name(country)}'s vote ({decision['position']}).")
