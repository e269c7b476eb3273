"""Phrasings met in the eighth batch of published reporting, each rewritten here in other words with invented numbers.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest
from phrasing_helpers import REM, VOTE
from phrasing_helpers import figures_read as _figures

# Sentences whose numbers are all traps: nothing may become a figure.
TRAPS = {
    "a channel's subscribers are an audience": "A video channel for Kyrgyz migrants working in Russia has more than "
                                               "214,000 subscribers.",
    "a destination named as the sentence's subject": (
        "Most Uzbek migrants still work in Russia. Germany is the fourth destination, though the count slipped over "
        "the year to 23,400 labour migrants from Uzbekistan."),
    "a position dated by another year than the vote reported": (
        "The General Assembly adopted the “Path to Peace” resolution on February 24. In 2023, Kyrgyzstan also "
        "abstained on a resolution on the war."),
}
# (text, publication date, the figures it states)
CASES = {
    "remained neutral in the vote": (
        "The General Assembly voted on the annexation of four regions. Kyrgyzstan remained neutral in the vote.", "",
        {(VOTE, "KGZ", ("abstained", "A/RES/ES-11/4"), "", "")}),
    "one state in parentheses after 'including'": (
        "In the General Assembly vote to suspend Russia from the Human Rights Council, 41 delegations abstained "
        "(including Tajikistan).", "",
        {(VOTE, "TJK", ("abstained", "A/RES/ES-11/3"), "", "")}),
    "'Abstentions included' before the list": (
        "The General Assembly resolution demanded that Russia pay reparations. Abstentions included Brazil, "
        "Kazakhstan and Egypt.", "", {(VOTE, "KAZ", ("abstained", "A/RES/ES-11/5"), "", "")}),
    "the 2025 text on a just and lasting peace by its title": (
        "On February 24, the General Assembly adopted “Advancing a Comprehensive, Just and Lasting Peace in Ukraine”. "
        "Kazakhstan abstained.", "", {(VOTE, "KAZ", ("abstained", "A/RES/ES-11/7"), "", "")}),
    "the 2025 text on the path to peace by its title": (
        "On February 24, the General Assembly adopted the American text, “The Path to Peace”. Tajikistan "
        "abstained.", "",
        {(VOTE, "TJK", ("abstained", "A/RES/ES-11/8"), "", "")}),
    "the size of GDP between its owner and 'GDP'": (
        "In 2023, remittances to Kyrgyzstan reached $3.1 billion, or 27% of the country's $11.5 billion GDP.", "",
        {(REM, "KGZ", 27, "", "2023")}),
    # one share of GDP said of each of two states ("their GDP", "both", "each"): a figure for each
    "one share for two states' own GDP": (
        "In Kyrgyzstan and Tajikistan, money sent home by migrants makes up around 41% of their GDP.", "",
        {(REM, "KGZ", 41, "around", ""), (REM, "TJK", 41, "around", "")}),
    "one share of GDP in both states": (
        "Remittances account for about 38 percent of GDP in both Tajikistan and Kyrgyzstan.", "",
        {(REM, "TJK", 38, "about", ""), (REM, "KGZ", 38, "about", "")}),
    "each of two states receives a share": (
        "Uzbekistan and Kyrgyzstan each receive remittances worth 17% of GDP.", "",
        {(REM, "UZB", 17, "", ""), (REM, "KGZ", 17, "", "")}),
}
# Several states and one number, with no word saying it is each one's: not split.
NOT_SHARED = {
    "a count for two states is their total": "In both Tajikistan and Kyrgyzstan, more than 1.3 million people work "
                                             "in Russia.",
    "a share with no 'each', 'both' or 'their'": "Remittances to Kyrgyzstan and Tajikistan equal 41% of GDP.",
    "a sum of money is no share": "Tajikistan and Kyrgyzstan each receive $2.6 billion in remittances, a large "
                                  "part of their GDP.",
    "a second share in the clause": "Remittances are 41% and 38% of GDP in both Tajikistan and Kyrgyzstan.",
}


@pytest.mark.parametrize("case", sorted(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


@pytest.mark.parametrize("case", sorted(CASES))
def test_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected


@pytest.mark.parametrize("case", sorted(NOT_SHARED))
def test_one_number_for_several_states_is_not_split_without_a_word_for_each(case: str) -> None:
    found = _figures(NOT_SHARED[case])
    assert not [f for f in found if len({g[1] for g in found if g[2] == f[2]}) > 1]
