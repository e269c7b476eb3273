"""Phrasings met in the seventh batch of published reporting, each rewritten here in other words with invented numbers.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest
from phrasing_helpers import REM, VOTE
from phrasing_helpers import figures_read as _figures

# Sentences whose numbers are all traps: nothing may become a figure.
TRAPS = {
    "a part in apposition, then the flow's verb": "In 2019, 412,600 Uzbek citizens, including 60,200 women, left the "
                                                  "country to find work in Russia.",
    "'Their number' counts what the sentence before counted": "Most work patents issued last year went to citizens "
                                                              "of Tajikistan. Their number reached 640,000.",
    "the paragraph before names two states": "Kyrgyzstan and Tajikistan received record transfers.\n\n"
                                             "Remittances equalled 29% of GDP in 2022, the bank said.",
    "a list under a heading, no Central Asian state in it": "The General Assembly voted on reparations for Ukraine.\n"
                                                            "Member states that voted in favour\nK: Kenya, Kuwait\n"
                                                            "L: Latvia, Lithuania",
}
# (text, publication date, the figures it states)
CASES = {
    "a bulleted list under each position heading": (
        "The General Assembly adopted the resolution on the annexation of four regions.\nThe full results:\n"
        "Voted against:\n- Belarus\n- Syria\nAbstained:\n- China\n- Kyrgyzstan\n- Tajikistan\nDid not vote:\n"
        "- Turkmenistan", "",
        {(VOTE, "KGZ", ("abstained", "A/RES/ES-11/4"), "", ""), (VOTE, "TJK", ("abstained", "A/RES/ES-11/4"), "", ""),
         (VOTE, "TKM", ("did not vote", "A/RES/ES-11/4"), "", "")}),
    "a list by initial letter under a heading": (
        "The General Assembly voted on reparations for Ukraine.\n\nMember states that abstained\n\nI: India, Iraq\n\n"
        "K: Kazakhstan, Kenya\n\nU: Uzbekistan", "",
        {(VOTE, "KAZ", ("abstained", "A/RES/ES-11/5"), "", ""), (VOTE, "UZB", ("abstained", "A/RES/ES-11/5"), "", "")}),
    "voting “no” before the list": (
        "The Assembly voted to suspend Russia from the Human Rights Council. Nations voting “no” were Iran, "
        "Uzbekistan and Cuba.", "", {(VOTE, "UZB", ("against", "A/RES/ES-11/3"), "", "")}),
    "abstain their votes, including": (
        "At the General Assembly on the aggression against Ukraine, twelve states chose to abstain their votes, "
        "including Laos, Kazakhstan and Mongolia.", "", {(VOTE, "KAZ", ("abstained", "A/RES/ES-11/1"), "", "")}),
    "a parenthesised list before the position": (
        "In the vote on the annexations, the bloc's other members (Armenia, Kazakhstan, Kyrgyzstan) abstained.", "",
        {(VOTE, "KAZ", ("abstained", "A/RES/ES-11/4"), "", ""), (VOTE, "KGZ", ("abstained", "A/RES/ES-11/4"), "", "")}),
    "international humanitarian law names no resolution": (
        "The General Assembly resolution condemned the aggression against Ukraine and cited breaches of "
        "international humanitarian law. Tajikistan abstained.", "",
        {(VOTE, "TJK", ("abstained", "A/RES/ES-11/1"), "", "")}),
    "the share of remittances in a state's GDP": (
        "In 2021, the share of remittances in Tajikistan's GDP was 31%.", "", {(REM, "TJK", 31, "", "2021")}),
    "a forecast's starting level with its own year": (
        "The share of remittances in Uzbekistan's GDP is expected to fall from 19% in 2023 to 16% in 2024.", "",
        {(REM, "UZB", 19, "", "2023")}),
    "a one-sentence paragraph continues the state before it": (
        "Kyrgyzstan received record transfers last year.\n\nRemittances equalled 29% of GDP in 2022, the bank said.",
        "", {(REM, "KGZ", 29, "", "2022")}),
    "a period told by an event, not the paragraph's year": (
        "In 2019, some 5 million migrants came to Russia from the region. Prior to the war, remittances made up about "
        "31% of Kyrgyzstan's GDP.", "", {(REM, "KGZ", 31, "about", "")}),
}


@pytest.mark.parametrize("case", sorted(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


@pytest.mark.parametrize("case", sorted(CASES))
def test_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected
