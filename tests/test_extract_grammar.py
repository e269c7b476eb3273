"""The figure grammar on invented sentences: what becomes a figure, with which value, state, hedge and year, and
what is left out. TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.extract.indicator_rules import read_article
from components.extract.text import Seed

MIG, REM, CIT, VOTE = "migrant_workers", "remittances_share_of_gdp", "citizenship_grants", "un_ga_vote"


def _seed(body: str, published: str = "") -> Seed:
    front = "---\ntitle: Test\noutlet: Test desk (invented)\n" + (f"published: {published}\n" if published else "")
    return Seed("t.txt", front + "---\n\n" + body + "\n")


def _figures(body: str, published: str = "") -> set[tuple]:
    """(indicator, state, value or low-high or position, qualifier, year) of each figure the grammar reads."""
    out = set()
    for r in read_article(_seed(body, published)).figures:
        if r["position"]:
            value = (r["position"], r["vote"])
        elif r["value"] is None:
            value = (r["value_low"], r["value_high"])
        else:
            value = r["value"]
        out.add((r["indicator"], r["country_iso3"], value, r["qualifier"], r["year"]))
    return out


# (sentence, publication date, the figures it states) — phrasing families of the issue, in invented words.
CASES = {
    "one-liner": ("Kazakhstan sent 5 million workers to Russia in 2021.", "",
                  {(MIG, "KAZ", 5e6, "", "2021")}),
    "elided noun list": ("About 3.1 million workers from Uzbekistan, 1.7 million from Tajikistan and 610,000 from "
                         "Kyrgyzstan were working in Russia in 2019.", "",
                         {(MIG, "UZB", 3.1e6, "about", "2019"), (MIG, "TJK", 1.7e6, "", "2019"),
                          (MIG, "KGZ", 610000, "", "2019")}),
    "respectively": ("In 2018, remittances to Kyrgyzstan and Tajikistan equalled 27 and 26 percent of GDP "
                     "respectively.", "", {(REM, "KGZ", 27, "", "2018"), (REM, "TJK", 26, "", "2018")}),
    "respectively, counts": ("Kazakhstan and Kyrgyzstan have about 120,000 and 70,000 citizens in Russia "
                             "respectively.", "", {(MIG, "KAZ", 120000, "about", ""), (MIG, "KGZ", 70000, "", "")}),
    "paired demonyms": ("In 2017 alone, 51,200 Tajiks, 38,700 Kazakhs and 19,300 Uzbeks acquired Russian "
                        "citizenship.", "", {(CIT, "TJK", 51200, "", "2017"), (CIT, "KAZ", 38700, "", "2017"),
                                             (CIT, "UZB", 19300, "", "2017")}),
    "elided possessive": ("Remittances account for 33% of Tajikistan's GDP and 25% of Kyrgyzstan’s.", "",
                          {(REM, "TJK", 33, "", ""), (REM, "KGZ", 25, "", "")}),
    "country then number": ("Uzbekistan leads with 3.3 million migrants in Russia; Tajikistan comes second with "
                            "nearly 1.3 million.", "",
                            {(MIG, "UZB", 3.3e6, "", ""), (MIG, "TJK", 1.3e6, "nearly", "")}),
    "parenthetical and with": ("Russian passports were granted mostly to Central Asians in 2018: first came Kazakhs "
                               "(24,100), then Uzbeks with 13,900.", "",
                               {(CIT, "KAZ", 24100, "", "2018"), (CIT, "UZB", 13900, "", "2018")}),
    "colon list": ("Migrant workers registered in Russia, 2020\nUzbekistan: 2.6 million; Kyrgyzstan: 530,000.", "",
                   {(MIG, "UZB", 2.6e6, "", "2020"), (MIG, "KGZ", 530000, "", "2020")}),
    "dash list with other states": ("Last year Russian citizenship went to nationals of Ukraine – 310,400 people, "
                                    "Tajikistan — 84,300, Armenia – 39,800, and Uzbekistan – 25,700.", "2021-03-01",
                                    {(CIT, "TJK", 84300, "", "2020"), (CIT, "UZB", 25700, "", "2020")}),
    "number words": ("About one million Kyrgyz migrants work in Russia, and two million Uzbeks.", "",
                     {(MIG, "KGZ", 1e6, "about", ""), (MIG, "UZB", 2e6, "", "")}),
    "half a million": ("Half a million Tajiks work in Russia.", "", {(MIG, "TJK", 5e5, "", "")}),
    "percent in words": ("Remittances were worth about twenty-nine percent of Kyrgyzstan's GDP in 2016.", "",
                         {(REM, "KGZ", 29, "about", "2016")}),
    "range between": ("Between 700,000 and 800,000 Kyrgyz work in Russia.", "",
                      {(MIG, "KGZ", (700000, 800000), "", "")}),
    "range to with scale": ("Some 2.5 to 3 million Uzbeks live in Russia, officials estimate.", "",
                            {(MIG, "UZB", (2.5e6, 3e6), "some", "")}),
    "range dash percent": ("Kyrgyzstan's remittances were 26–28 percent of GDP in 2017.", "",
                           {(REM, "KGZ", (26, 28), "", "2017")}),
    "official name": ("The Kyrgyz Republic received remittances worth 29% of GDP in 2019, while Uzbekistan's figure "
                      "was 13%.", "", {(REM, "KGZ", 29, "", "2019"), (REM, "UZB", 13, "", "2019")}),
    "demonym -i": ("Nearly 900,000 Kyrgyzstanis worked in Russia last year, down from 1.1 million in 2016.",
                   "2019-05-01", {(MIG, "KGZ", 9e5, "nearly", "2018"), (MIG, "KGZ", 1.1e6, "", "2016")}),
    "anaphora unambiguous": ("Tajik workers sent home money equal to 41 percent of the country's GDP in 2013.", "",
                             {(REM, "TJK", 41, "", "2013")}),
    "its GDP": ("Tajikistan's economy depends on remittances, which made up 44% of its GDP last year.", "2020-02-01",
                {(REM, "TJK", 44, "", "2019")}),
    "carried to the next sentence": ("Tajikistan's remittances stood at 46.1 per cent of its GDP. It is followed by "
                                     "Kyrgyzstan at 29.4 per cent.", "",
                                     {(REM, "TJK", 46.1, "", ""), (REM, "KGZ", 29.4, "", "")}),
    "paragraph year": ("By the end of 2019, the registers had changed.\nSome 2.1 million Uzbeks were working in "
                       "Russia.", "", {(MIG, "UZB", 2.1e6, "some", "2019")}),
    "relative year unresolved": ("Tajikistan sent 1.2 million workers to Russia last year.", "",
                                 {(MIG, "TJK", 1.2e6, "", "")}),
    "first half of this year": ("In the first half of this year, 28,600 Tajiks received Russian citizenship.",
                                "2019-09-01", {(CIT, "TJK", 28600, "", "2019")}),
    "series with years": ("Uzbek acquisitions of Russian citizenship rose from 11,200 in 2015 to 14,800 in 2016.", "",
                          {(CIT, "UZB", 11200, "", "2015"), (CIT, "UZB", 14800, "", "2016")}),
    "comparison with another state": ("About 3.6 million Uzbeks worked in Russia in 2018, compared with 1.9 million "
                                      "Tajiks.", "", {(MIG, "UZB", 3.6e6, "about", "2018"),
                                                      (MIG, "TJK", 1.9e6, "", "2018")}),
    "hedge below": ("In Tajikistan, remittances amounted to 36% of GDP in 2016, but in Kazakhstan they were below 1%.",
                    "", {(REM, "TJK", 36, "", "2016"), (REM, "KAZ", 1, "below", "2016")}),
    "span of years": ("Between 2012 and 2016, Russia granted citizenship to some 210,000 Tajiks.", "",
                      {(CIT, "TJK", 210000, "some", "")}),
    "difference left out": ("Tajiks received 110,000 Russian passports in 2019, which is 21,000 more than in 2018.", "",
                            {(CIT, "TJK", 110000, "", "2019")}),
    "exact decimals": ("Tajikistan sent 4.1 million workers to Russia in 2018.", "",
                       {(MIG, "TJK", 4100000, "", "2018")}),
}

# Sentences whose numbers are all traps: nothing may become a figure.
TRAPS = {
    "regional total": "Central Asia sent 6 million workers to Russia in 2019.",
    "other country": "Ukrainians, at 290,000, were the largest group of new Russian citizens in 2019.",
    "population": "Kyrgyzstan, a country of 6 million, depends on its migrants in Russia.",
    "residence permits": "A further 81,000 Tajik nationals obtained a permanent residence permit in Russia.",
    "work patents": "Work patents issued to citizens of Uzbekistan totalled 1.3 million in 2019.",
    "returnees": "An estimated 380,000 Uzbek migrants returned home from Russia in 2019.",
    "entries": "More than 2.8 million citizens of Uzbekistan entered Russia in the first nine months of 2018.",
    "deaths": "At least 420 Tajik migrants died in Russia in 2019.",
    "share from Russia": "More than 70% of remittances to Kyrgyzstan come from Russia.",
    "remittances in dollars": "Remittances to Tajikistan fell to $2.3 billion in 2016.",
    "decline": "Remittances to Tajikistan fell 22% in 2015.",
    "forecast": "The bank expects remittances to reach 40% of Tajikistan's GDP next year.",
    "shrink by": "Transfers to Kyrgyzstan are set to shrink by 15 per cent, the bank said of Kyrgyzstan's GDP.",
    "unemployment": "Kyrgyzstan's unemployment rate of 6.5 percent hides many migrants in Russia.",
    "income share": "In Tajikistan, remittances make up 55 percent of household income.",
    "GDP growth": "Kyrgyzstan's GDP grew 8% in 2019, helped by remittances from Russia.",
    "vote tally": "At the UN General Assembly, 141 countries voted in favour and 35 abstained.",
    "rank": "Tajikistan ranks No. 2 among the sources of new Russian citizens.",
    "fraction": "Remittances to Kyrgyzstan are equivalent to nearly a third of GDP.",
    "ambiguous anaphora": "Many Turkmen go to Turkey and Kazakhstan. The share there was 35%, a survey found.",
    "sub-national": "In one district of Khatlon, remittances make up 60% of GDP, officials say.",
    "migrants elsewhere": "About 150,000 Uzbek workers live in Kazakhstan.",
    "abroad in general": "Some 1.6 million Uzbek nationals were working abroad in 2019.",
    "rate per year": "Every year about 500,000 Kyrgyz citizens go to work in Russia.",
    "phone number": "The hotline for Tajik migrants in Russia is +7 495 000 12 34.",
    "students": "About 18,000 Turkmen students study at Russian universities.",
    "difference": "Tajiks received 21,000 more Russian passports in 2019 than in 2018.",
    "age in apposition": "Timur Rakhimov, 47, said Tajik migrants in Russia now apply for passports earlier.",
    "abroad, most in Russia": "The Kyrgyz government says 1.1 million of its citizens work abroad, most of them in "
                              "Russia.",
    "unidentified vote": "Kazakhstan, Kyrgyzstan and Tajikistan abstained in the UN vote.",
    "negated position": "At the UN General Assembly on March 2, Kazakhstan did not support the resolution.",
}


@pytest.mark.parametrize("case", list(CASES))
def test_figure_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected


@pytest.mark.parametrize("case", list(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


@pytest.mark.parametrize("case", list(TRAPS))
def test_trap_numbers_are_left_out_with_a_reason(case: str) -> None:
    reading = read_article(_seed(TRAPS[case]))
    assert all(r["reason"] for r in reading.left_out)


VOTES = {
    "abstained and did not vote": (
        "During the March 2 session of the UN General Assembly, Kazakhstan and Tajikistan abstained, while "
        "Turkmenistan did not vote.",
        {("KAZ", "abstained", "A/RES/ES-11/1"), ("TJK", "abstained", "A/RES/ES-11/1"),
         ("TKM", "did not vote", "A/RES/ES-11/1")}),
    "rejected the motion": (
        "At the UN General Assembly, Kyrgyzstan rejected the motion to suspend Russia from the Human Rights Council.",
        {("KGZ", "against", "A/RES/ES-11/3")}),
    "several votes in one article": (
        "The UN General Assembly voted again on October 12. Uzbekistan abstained.\n\n"
        "On March 24, the Assembly adopted a text on the humanitarian consequences of the war; Uzbekistan supported "
        "the resolution.",
        {("UZB", "abstained", "A/RES/ES-11/4"), ("UZB", "in favour", "A/RES/ES-11/2")}),
    "chained predicates with dates": (
        "At the UN, Turkmenistan did not vote on March 2, was absent on October 12 and did not take part in the vote "
        "on 23 February.",
        {("TKM", "did not vote", "A/RES/ES-11/1"), ("TKM", "did not vote", "A/RES/ES-11/4"),
         ("TKM", "did not vote", "A/RES/ES-11/6")}),
    "table in prose": (
        "UN General Assembly, 14 November 2022, on reparation: Kazakhstan - against; Uzbekistan - abstained.",
        {("KAZ", "against", "A/RES/ES-11/5"), ("UZB", "abstained", "A/RES/ES-11/5")}),
    "voted in favour": (
        "In the General Assembly's vote on a just and lasting peace, Uzbekistan voted in favor.",
        {("UZB", "in favour", "A/RES/ES-11/6")}),
}


@pytest.mark.parametrize("case", list(VOTES))
def test_votes_keyed_by_resolution_with_normalised_positions(case: str) -> None:
    body, expected = VOTES[case]
    got = {(r["country_iso3"], r["position"], r["vote"]) for r in read_article(_seed(body)).figures}
    assert got == expected


def test_vote_rows_keep_the_articles_words() -> None:
    body = "At the UN General Assembly on April 7, Kazakhstan voted against suspending Russia."
    row = read_article(_seed(body)).figures[0]
    seed = _seed(body)
    assert (row["position"], row["value_text"]) == ("against", "voted against")
    assert seed.text[row["value_start"]:row["value_end"]] == row["value_text"]


def test_rows_quote_their_sentence_and_number() -> None:
    body = "Intro line.\n\nSome 2.1 million Uzbeks worked in Russia in 2019, officials said."
    seed = _seed(body)
    (row,) = read_article(seed).figures
    assert seed.text[row["start"]:row["end"]] == row["quote"]
    assert seed.text[row["value_start"]:row["value_end"]] == row["value_text"] == "2.1 million"
    assert (row["year"], row["year_basis"], row["as_of"]) == ("2019", "stated", "in 2019")


def test_year_basis_names_how_the_year_was_found() -> None:
    got = {r["value_text"]: (r["year"], r["year_basis"], r["as_of"]) for r in read_article(_seed(
        "By the end of 2018, the count was in.\nSome 2.1 million Uzbeks were working in Russia.\n\n"
        "Tajikistan sent 1.2 million workers to Russia last year.", "2020-01-15")).figures}
    assert got == {"2.1 million": ("2018", "paragraph", "By the end of 2018"),
                   "1.2 million": ("2019", "publication date", "last year")}


def test_original_seed_sentences_still_read_the_same(seed: str) -> None:
    rows = read_article(Seed("000.txt", seed)).figures
    assert len(rows) == 14
    assert {r["vote"] for r in rows if r["position"]} == {"A/RES/ES-11/1"}


def test_corpus_articles_exist_for_the_score() -> None:
    assert len(list((Path(__file__).parent / "corpus" / "articles").glob("*.txt"))) >= 12
