"""Phrasings met in the sixth batch of published reporting, each rewritten here in other words with invented numbers.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest
from phrasing_helpers import MIG, REM, VOTE
from phrasing_helpers import figures_read as _figures

# Sentences whose numbers are all traps: nothing may become a figure.
TRAPS = {
    "a mis-scaled count larger than any state's migrants": "As of May 1, some 2,245.1 million Uzbek citizens were "
                                                           "staying in Russia, the institute said.",
    "a handful of people is an anecdote, not a state's count": "Four Tajik migrants working in Russia told "
                                                               "reporters that their wages were late.",
    "left the state: a departure": "In the first half of the year, 183,400 people left Tajikistan to find jobs in "
                                   "Russia.",
    "violations of the rules: a subset": "Moscow is tightening its rules. The ministry said 52,700 Kyrgyz citizens "
                                         "working in Russia have violated migration rules.",
    "engaged in labour migration in a year: a total abroad": "Russia remains the main destination. Roughly 2.1 "
                                                             "million Uzbek citizens were engaged in labour "
                                                             "migration in 2023, the agency said.",
    "a higher estimate of a total abroad": "Russia remains the main destination. Roughly 2.1 million Uzbek citizens "
                                           "are in labour migration. Other estimates put the figure at 3.4 "
                                           "million.",
    "working there: a foreign country named before": "Russia is still the main market. Poland, by contrast, has "
                                                     "drawn many newcomers, with about 41,000 Tajik migrants now "
                                                     "working there.",
    "workers from Russia: Russians abroad": "Kazakhstan's labour figures moved. Workers from Russia doubled — 44,000 "
                                            "were counted, and Kyrgyz citizens became slightly fewer.",
    "one position on several resolutions": "In October the General Assembly voted twice. Kyrgyzstan abstained on "
                                           "both resolutions on Ukraine's territorial integrity.",
}

# (text, publication date, the figures it states)
CASES = {
    "'currently' after an earlier year": (
        "Transfers reached $410 million in 2004 and $655 million in 2005; remittances currently equal 28 per cent "
        "of Tajikistan's GDP.", "", {(REM, "TJK", 28, "", "")}),
    "of the country's Gross Domestic Product": (
        "Remittances sent home by Tajik migrants represent 33 per cent of the country's Gross Domestic Product.",
        "", {(REM, "TJK", 33, "", "")}),
    "a carried indicator, then a sentence on the war's dead": (
        "About 1.1 million Tajik migrants work in Russia. Tajikistan's civil war left 40,000 dead and many "
        "displaced in the fighting, with estimates ranging from 300,000 to 900,000.", "",
        {(MIG, "TJK", 1100000, "about", "")}),
    "'Others were' continues the list of a position": (
        "The General Assembly voted to suspend Russia from the Human Rights Council. The states voting against "
        "included Cuba and Iran. Others were Kyrgyzstan and Belarus.", "",
        {(VOTE, "KGZ", ("against", "A/RES/ES-11/3"), "", "")}),
    "a breakdown after a colon, the state after a dash": (
        "Some 3.5 million Central Asians work in Russia: 900,000 – from Kyrgyzstan, 1.6 million from Uzbekistan.",
        "", {(MIG, "KGZ", 900000, "", ""), (MIG, "UZB", 1600000, "", "")}),
}


@pytest.mark.parametrize("case", sorted(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


@pytest.mark.parametrize("case", sorted(CASES))
def test_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected
