"""Regressions a code review found in the batch 5-8 rules, each pinned by sentences of its own.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest

from components.extract.indicator_rules import TOO_FEW, TOO_FEW_STATED, read_article
from components.extract.text import Seed

MIG, REM, CIT, VOTE = "migrant_workers", "remittances_share_of_gdp", "citizenship_grants", "un_ga_vote"


def _seed(body: str) -> Seed:
    return Seed("t.txt", "---\ntitle: Test\noutlet: Test desk (invented)\n---\n\n" + body + "\n")


def _figures(body: str) -> set[tuple]:
    """(indicator, state, value or (position, vote), qualifier, year) of each figure read."""
    out = set()
    for r in read_article(_seed(body)).figures:
        value = (r["position"], r["vote"]) if r["position"] else r["value"]
        out.add((r["indicator"], r["country_iso3"], value, r["qualifier"], r["year"]))
    return out


# Sentences whose numbers are all traps: nothing may become a figure.
TRAPS = {
    "abstaining from voting on two resolutions: no one vote": "The Assembly met on February 24. Tajikistan abstained "
                                                              "from voting on two resolutions on the war.",
    "voting against the two resolutions: no one vote": "The Assembly met on February 24. Kyrgyzstan voted against "
                                                       "the two resolutions on the war.",
    "a departure flow carried into a paragraph that names no state": "In the first half of the year, 212,000 Tajik "
                                                                     "migrants left the country to seek work.\n\n"
                                                                     "The number of them has reportedly dropped by "
                                                                     "nearly 6.0 percent (13,500) compared to the "
                                                                     "same period of 2020.",
    "under a thousand, not stated as the stock in Russia": "Some 700 Turkmen workers in Russia received food parcels "
                                                           "from the embassy.",
    "under a hundred, even stated as the stock in Russia": "There are some 60 Turkmen workers in Russia, the embassy "
                                                           "says.",
    "under a thousand in a relative clause": "Some 400 Tajik migrants who work in Russia signed the letter to the "
                                             "minister.",
}

# (text, the figures it states)
CASES = {
    # 1. "both … votes" elsewhere in the sentence is not the object of the position.
    "a position keyed to its vote beside 'both earlier votes'": (
        "Kyrgyzstan abstained in the March 2 vote on the invasion, just as it had in both earlier votes.",
        {(VOTE, "KGZ", ("abstained", "A/RES/ES-11/1"), "", "")}),
    # 2. Russians named, but not as the people counted.
    "'Russians' as a subject elsewhere, the migrants a state's": (
        "Plenty of Russians grumble about the 900,000 Tajik migrants who work in Russia.",
        {(MIG, "TJK", 900000, "", "")}),
    "'Russians' before a contrast, the migrants a state's": (
        "Russians are leaving, but 1.3 million Uzbek migrants still work in Russia.",
        {(MIG, "UZB", 1300000, "", "")}),
    # 3. Russia's citizenship in other words; a state's own passports held, not acquired.
    "passports of a state held by those naturalised": (
        "In 2021, 48,000 holders of Uzbek passports were naturalised, the interior ministry in Moscow said.",
        {(CIT, "UZB", 48000, "", "2021")}),
    "'citizenship in Russia' beside a state's own passports received": (
        "Some 57,000 Tajiks acquired citizenship in Russia in 2021; most of their children also received Tajik "
        "passports.", {(CIT, "TJK", 57000, "some", "2021")}),
    "'Russia's citizenship' beside a state's own nationality taken": (
        "Some 23,000 Kyrgyz took Russia's citizenship in 2022, and a few later took Kyrgyz nationality again.",
        {(CIT, "KGZ", 23000, "some", "2022")}),
    # 4. What the sentence before counted instead stays in its paragraph, and yields to a verb of being in Russia.
    "a deportation count does not cross a paragraph break into a sentence naming its state": (
        "In 2021, 37,000 Kyrgyz migrants were deported from Russia.\n\nUzbekistan had about 1.3 million in 2021.",
        {(MIG, "UZB", 1300000, "about", "2021")}),
    "a deportation count yields to the sentence's own 'had … in Russia'": (
        "In 2021, 37,000 Kyrgyz migrants were deported from Russia. Uzbekistan had about 1.3 million in Russia in "
        "2021.", {(MIG, "UZB", 1300000, "about", "2021")}),
    # 5. A paragraph that goes on to name a state does not take the state of the paragraph before.
    "a regional figure opening a paragraph that then names a state": (
        "Uzbek households feel the squeeze; shops are empty.\n\nAcross the region, remittances came to 22 percent of "
        "GDP in 2022. In Kyrgyzstan, the share was 29 percent.", {(REM, "KGZ", 29, "", "2022")}),
    "a paragraph naming no state continues the heading before it": (
        "Remittance ratio falls in Kyrgyzstan\n\nRemittances stayed near 27 percent of GDP for a decade. A bank "
        "review says so.", {(REM, "KGZ", 27, "", "")}),
    # 6. A small count stated as the stock in Russia is a figure.
    "'there are' some hundreds in Russia": (
        "There are some 700 Turkmen workers in Russia, the embassy says.", {(MIG, "TKM", 700, "some", "")}),
    "a state 'has' some hundreds in Russia": (
        "Turkmenistan has about 650 workers in Russia, the embassy says.", {(MIG, "TKM", 650, "about", "")}),
}


@pytest.mark.parametrize("case", sorted(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


@pytest.mark.parametrize("case", sorted(CASES))
def test_phrasings(case: str) -> None:
    body, expected = CASES[case]
    assert _figures(body) == expected


@pytest.mark.parametrize(("body", "token", "reason"), [
    ("Some 700 Turkmen workers in Russia received food parcels from the embassy.", "700", TOO_FEW),
    ("There are some 60 Turkmen workers in Russia, the embassy says.", "60", TOO_FEW_STATED),
])
def test_small_counts_say_why_they_are_left_out(body: str, token: str, reason: str) -> None:
    left = [x for x in read_article(_seed(body)).left_out if x["token"] == token]
    assert [x["reason"] for x in left] == [reason]
    assert "1,000" in TOO_FEW and "stock in Russia" in TOO_FEW
