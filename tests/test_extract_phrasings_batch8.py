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
}


@pytest.mark.parametrize("case", sorted(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


@pytest.mark.parametrize("case", sorted(CASES))
def test_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected
