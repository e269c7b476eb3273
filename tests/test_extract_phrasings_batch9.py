"""Phrasings met in the ninth batch of published reporting, each rewritten here in other words with invented numbers.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

from datetime import date

import pytest
from phrasing_helpers import CIT, MIG, REM, VOTE
from phrasing_helpers import figures_read as _figures

from components.extract.dateline import stated_publication_date
from components.extract.indicator_rules import read_article
from components.extract.text import Seed


def _reasons(body: str) -> dict[str, str]:
    seed = Seed("t.txt", "---\ntitle: Test\noutlet: Test desk (invented)\n---\n\n" + body + "\n")
    return {x["token"]: x["reason"] for x in read_article(seed).left_out}


CASES = {
    # "The region" opening a sentence is Central Asia, not a district
    "'The region' is no subnational place": (
        "The region counts two states living on remittances, Tajikistan and Kyrgyzstan, which took in 36% and 22% of "
        "their GDP from them.", "",
        {(REM, "TJK", 36, "", ""), (REM, "KGZ", 22, "", "")}),
    # the year written between "their" and "GDP"
    "the year of the GDP measured": (
        "Remittances came to 23 percent of Uzbekistan's 2019 GDP.", "", {(REM, "UZB", 23, "", "2019")}),
    # a year as the subject of the paragraph's first sentence dates the figures after it
    "a year as its sentence's subject": (
        "For the region, 2023 marked a record year for remittances. Kyrgyzstan took in 4 billion dollars. "
        "Tajikistan did better: close to 44 percent of its economy rested on these inflows.", "",
        {(REM, "TJK", 44, "close to", "2023")}),
    # the share in the sentence after the money sent home
    "'That figure' after the money sent home": (
        "Each year Tajiks working in Russia send home some 3 billion dollars. That figure equals 37 percent of the "
        "country's GDP.", "", {(REM, "TJK", 37, "", "")}),
    "'That is' after the money sent home": (
        "Each year Tajiks working in Russia send home some 3 billion dollars. That is 37 percent of the country's GDP.",
        "", {(REM, "TJK", 37, "", "")}),
    # a count in parentheses after Russia, in a sentence on destinations
    "a destination's count in parentheses": (
        "The main destinations for migrants from Tajikistan are the Russian Federation (about 640,000 people), "
        "Kazakhstan (21,000) and Turkey (9,000).", "", {(MIG, "TJK", 640000, "about", "")}),
}
TRAPS = {
    "Russians taking a Central Asian citizenship": "Some 6,100 Russian citizens obtained Tajik citizenship in 2024.",
    "citizenship in an article that never names Russia": "At least 2,400 ethnic Kyrgyz from abroad received "
                                                         "citizenship in 2023.",
    "migrants abroad with an adverb": "About 1.1 million Kyrgyz citizens are currently in labour migration, "
                                      "officials in Russia and Bishkek agree.",
    "'That is' after something else than remittances": "Tajiks in Russia send home 3 billion dollars. That is 40 "
                                                       "percent of the country's exports.",
    "'That is' after a sum that is not sent home": "Remittances matter to Tajikistan. Its state budget was 3 billion "
                                                   "dollars. That is 40 percent of the country's GDP.",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected


@pytest.mark.parametrize("case", sorted(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


def test_a_destination_other_than_russia_is_where_those_migrants_are() -> None:
    reasons = _reasons(CASES["a destination's count in parentheses"][0])
    assert reasons["21,000"] == "migrants in another country (Kazakhstan), not in Russia"
    assert reasons["9,000"] == "migrants in another country (Turkey), not in Russia"


def test_russian_citizenship_gained_by_the_states_people_is_still_a_grant() -> None:
    body = "In 2024, 6,100 Tajiks became Russian citizens, a ministry in Russia said."
    assert _figures(body) == {(CIT, "TJK", 6100, "", "2024")}


# A vote keyed to a resolution adopted after the page was published: its subject words describe another vote.
OLD_VOTE = "The General Assembly condemned the annexation of two regions. Kazakhstan and Kyrgyzstan voted against it."


def test_a_vote_reported_before_the_resolution_existed_is_not_keyed_to_it() -> None:
    assert _figures(OLD_VOTE, "2016-12-21") == set()
    assert {f[1] for f in _figures(OLD_VOTE, "2023-01-10") if f[0] == VOTE} == {"KAZ", "KGZ"}


@pytest.mark.parametrize(("line", "stated"), [
    ("Astana, Nov. 3, 2016 / Wire /. The Assembly voted on the text.", date(2016, 11, 3)),
    ("Osh, 4 May 2019 (Agency) -- The count was published.", date(2019, 5, 4)),
    # not a dateline: a state's name and a date in a sentence
    ("Kazakhstan, March 2, 2022, abstained in the vote, officials said.", None),
])
def test_a_title_case_place_before_the_date_and_the_agency_is_a_dateline(line: str, stated: date | None) -> None:
    assert stated_publication_date(line + "\n\nThe story goes on with more than twenty-five words in it so that "
                                   "the header of the page has ended here and nothing else counts as a date.") == stated
