"""Phrasings met in the fifth batch of published reporting, each rewritten here in other words with invented numbers.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest
from phrasing_helpers import CIT, MIG, REM, VOTE
from phrasing_helpers import figures_read as _figures

# Sentences whose numbers are all traps: nothing may become a figure.
TRAPS = {
    "a Central Asian state's own citizenship": "Last year Kyrgyzstan granted citizenship to more than 9,400 people. "
                                               "Some 7,100 people became citizens of Kyrgyzstan by a simplified "
                                               "procedure, and around 3,000 took Kyrgyz passports in Osh.",
    "list items share a permit predicate": "Tajik migration to Russia continues. In 2021, 98,200 Tajiks, 61,500 "
                                           "Uzbeks and 12,900 Kyrgyz held residence permits in Russia.",
    "jobs, not people": "Many Kyrgyz migrant workers in Russia say they would come home. At the new Kambar plant, "
                        "about 4,500 jobs are being created for Kyrgyz workers.",
    "in labour migration, no destination": "Officials in Dushanbe spoke of Russia's new rules. About 640,000 Tajik "
                                           "citizens are in labour migration, the ministry said.",
    "work there: the place named before": "Most Kyrgyz migrants work in Russia. Kazakhstan ranks second. About "
                                          "38,000 people work there.",
    "money after a nationality adjective": "Kyrgyz labour migrants in Russia earned an estimated 400 billion "
                                           "Russian rubles.",
    "in a Central Asian state, the month after it": "Tajik labour migration to Russia slowed. Despite the closures, "
                                                    "150,400 Tajiks remained in Kazakhstan in February.",
    "went to work in: a flow": "Approximately 98,000 Kazakhs went to work in Russia in the first half of 2023.",
    "apply for: applications": "Tajik migrants in Russia want passports. Every year, around 14,000 Tajiks apply for "
                               "Russian citizenship.",
}

# (text, publication date, the figures it states)
CASES = {
    "a vote list in parentheses after the position": (
        "The General Assembly condemned the annexation on Wednesday: 34 states abstained (Bhutan, China, Kyrgyzstan, "
        "Nepal, Turkmenistan and Zambia), and six voted against.", "",
        {(VOTE, "KGZ", ("abstained", "A/RES/ES-11/4"), "", ""), (VOTE, "TKM", ("abstained", "A/RES/ES-11/4"), "", "")}),
    "an aside in parentheses is no list": (
        "At the vote marking the first anniversary of the invasion, Uzbekistan abstained (Kazakhstan had done so in "
        "March) and Kyrgyzstan abstained too.", "",
        {(VOTE, "UZB", ("abstained", "A/RES/ES-11/6"), "", ""), (VOTE, "KGZ", ("abstained", "A/RES/ES-11/6"), "", "")}),
    "'simply' before the position": (
        "Nine delegations, including Uzbekistan, Laos and Bolivia, simply did not vote on the text marking the first "
        "anniversary of the invasion.", "", {(VOTE, "UZB", ("did not vote", "A/RES/ES-11/6"), "", "")}),
    "Russian citizenship named beside a state's citizens": (
        "In 2020, 18,300 citizens of Kazakhstan obtained Russian citizenship.", "",
        {(CIT, "KAZ", 18300, "", "2020")}),
    "a whole before its part in Russia": (
        "Of the 230,000 Turkmen citizens working outside their country, 170,000 are employed in Russia.", "",
        {(MIG, "TKM", 170000, "", "")}),
    "the whole is in Russia itself": (
        "Of the 230,000 Turkmen citizens in Russia, 17,000 are students.", "", {(MIG, "TKM", 230000, "", "")}),
    "study visits and the ranking that follows them": (
        "Tajikistan ranks first with 912,000 labour migrants registered in Russia. Last year 41,800 people from "
        "Kazakhstan visited Russia for education. Uzbekistan was second (37,100).", "",
        {(MIG, "TJK", 912000, "", "")}),
    "residents of Central Asia: a regional whole": (
        "Of the 98,000 residents of Central Asia who received Russian citizenship, 2,300 are from Turkmenistan.", "",
        {(CIT, "TKM", 2300, "", "")}),
    "the one state a few sentences back, destinations beside": (
        "The labour ministry published new data on Kazakh citizens working abroad. Most found jobs in neighbouring "
        "Russia. "
        "Of the 91,000 citizens working abroad, 74,000 are employed in Russia and 9,000 in Poland.", "",
        {(MIG, "KAZ", 74000, "", "")}),
    "a stated year beside 'the previous year's' frames the next sentence": (
        "Kyrgyzstan's remittance inflows grew again. In 2021, transfers reached $2.7bn, above the previous year's "
        "level. The ratio of remittances to GDP rose to 33%.", "", {(REM, "KGZ", 33, "", "2021")}),
    "'the small Central Asian country' in the next paragraph": (
        "Tajik workers in Russia wired home $2.1 billion in 2012, a record against GDP.\n\nThat was 41 percent of "
        "the GDP of the small Central Asian country, officials said.", "", {(REM, "TJK", 41, "", "")}),
    "work there after a people's name": (
        "Many Tajiks go to Russia. About 900,000 work there.", "", {(MIG, "TJK", 900000, "about", "")}),
    "the first quarter of a year as the subject": (
        "The first quarter of 2021 saw 12,600 Tajiks obtain Russian citizenship.", "",
        {(CIT, "TJK", 12600, "", "2021")}),
}


@pytest.mark.parametrize("case", sorted(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


@pytest.mark.parametrize("case", sorted(CASES))
def test_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected
