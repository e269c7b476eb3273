"""More of the figure grammar: phrasings met in published reporting, each rewritten here in other words with invented
numbers. TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest

from components.extract.indicator_rules import read_article
from components.extract.text import Seed

MIG, REM, CIT, VOTE = "migrant_workers", "remittances_share_of_gdp", "citizenship_grants", "un_ga_vote"


def _seed(body: str, published: str = "") -> Seed:
    front = "---\ntitle: Test\noutlet: Test desk (invented)\n" + (f"published: {published}\n" if published else "")
    return Seed("t.txt", front + "---\n\n" + body + "\n")


def _figures(body: str, published: str = "") -> set[tuple]:
    """(indicator, state, value or low-high or (position, vote), qualifier, year) of each figure read."""
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


# Sentences whose numbers are all traps: nothing may become a figure.
TRAPS = {
    "arrivals: came to Russia": "From January to June 2017, some 640,000 Uzbek citizens came to Russia to work.",
    "arrivals: headed from": "About 210,000 people headed from Tajikistan to Russia in the first quarter of 2016.",
    "arrivals: migrated to": "In 2015, 410,000 Kyrgyz citizens migrated to Russia.",
    "arrivals: made the journey": "Close to 95,000 Turkmen made the journey to Russia in 2014.",
    "the verb after an apposition": "No fewer than 52,000 Tajik labour migrants, most of them young men, have "
                                    "returned from Russia since March 2015.",
    "a part of a flow: including": "In 2016, about 380,000 people made trips from Kyrgyzstan to Russia, including "
                                   "240,000 labour migrants.",
    "a part of a flow: of whom": "Some 610,000 migrant workers went home to Uzbekistan in 2017, of whom 350,000 had "
                                 "worked in Russia.",
    "parallel items after a flow": "Among arrivals for work in 2016, Uzbekistan leads with 720,000 entries, "
                                   "Tajikistan is second with 410,000 citizens, followed by Kazakhstan - 95,000.",
    "parallel item in parentheses": "In third place stood Georgia (120,000 people crossed into Russia for jobs in "
                                    "2013), in fourth Kyrgyzstan (98,000 people).",
    "elsewhere after a dash": "Some 28,000 Kyrgyzstanis live in Germany, and 9,000 — in Japan.",
    "elsewhere before a dash": "In Turkey there are 30,000 Kyrgyz citizens, in the UAE – from 6,000 to 8,000.",
    "entry blacklist": "Some 45,000 citizens of Tajikistan remain on the entry blacklist of Russia.",
    "blacklisted": "In 2016 the Russian migration service blacklisted more than 80,000 Uzbeks.",
    "ordered to leave": "In 2023 Germany ordered 510 Kyrgyz citizens to leave its territory.",
    "a range with a hedged end": "Specialists put the number of Uzbek migrants in Russia at between 700,000 and "
                                 "over one million.",
    "in different countries": "Tajik labour migrants spread across different countries number more than 1.1 "
                              "million.",
    "a remittance amount in a currency code": "Russian employers hire many Uzbek workers. In 2022, remittances "
                                              "from Russia to Uzbekistan stood at USD 14.1 billion.",
    "elsewhere, place before a hyphen": "Most migrants still go to Russia. Officials say some 30,000 Tajik migrants "
                                        "live in Poland, in Latvia – 2,000, in the UAE - from 1,000 to 1,500.",
    "elsewhere, after a dash": "Most migrants still go to Russia. In 2019 about 28,000 Kyrgyz migrant workers lived in "
                               "Germany, and 9,000 — in Japan.",
    "one state and another country share a sentence": "Remittances reached 27% of GDP in 2019; the figure covers "
                                                      "Kyrgyzstan and Moldova.",
    "earnings in a currency code": "Kyrgyz migrant workers in Russia earned USD 2.4 billion in 2022.",
    "an amount in a sentence on remittances after sentences on migrants": "Kyrgyz migrant workers keep coming to "
                                                                          "Russia for jobs. In 2023, Kyrgyzstan's "
                                                                          "remittances from Russia stood at 2.53 "
                                                                          "billion.",
    "main destination for all migrants": "Russia is still the leading destination for 900,000 Tajik migrant workers.",
    "previously, undated": "Previously, Kazakh migrants in Russia topped 300,000.",
}

# (text, publication date, the figures it states)
CASES = {
    "before, when: only today's figure": (
        "Today 210,000 Turkmen live in Russia, far fewer than before, when their number topped 350,000.", "",
        {(MIG, "TKM", 210000, "", "")}),
    "obtained: grants, not migrants, with a garbled noun": (
        "In total, 590,000 foreigners acquired Russian citizenship last year. The countries whose nationals most "
        "often obtained the status of citizens of Russia last year were Ukraine – 300,100 people, Tajikistan — "
        "55,200 and Uzbekistan – 21,400.", "2020-03-01",
        {(CIT, "TJK", 55200, "", "2019"), (CIT, "UZB", 21400, "", "2019")}),
    "plural demonym Kyrgyzs, destination after a number": (
        "In 2016, some 480,000 Kyrgyzs lived in Russia and 90,000 in Kazakhstan.", "",
        {(MIG, "KGZ", 480000, "some", "2016")}),
    "a rise from an undated past keeps the dated figure": (
        "Russian passports went to 91,000 Tajiks in 2020, a steep rise from a decade ago, when about 24,000 Tajiks "
        "received them.", "", {(CIT, "TJK", 91000, "", "2020")}),
    "a report's release date is not the figure's year": (
        "A bank report released in June 2016 put remittances to Kyrgyzstan at 30.5 per cent of GDP.", "",
        {(REM, "KGZ", 30.5, "", "")}),
    "as of the end of a year": (
        "As of the end of 2021, the Russian migration authorities had 455,000 Kyrgyz nationals in their registration "
        "records.", "",
        {(MIG, "KGZ", 455000, "", "2021")}),
    "in just the first half of a year": (
        "In just the first half of 2019, 12,300 Uzbeks obtained Russian citizenship.", "",
        {(CIT, "UZB", 12300, "", "2019")}),
    "the year before that: not the year just named": (
        "In 2019, around 88,000 Tajiks received Russian passports. The year before that, some 61,000 Tajiks became "
        "Russian citizens.", "", {(CIT, "TJK", 88000, "around", "2019"), (CIT, "TJK", 61000, "some", "")}),
    "a year that dates another indicator does not date the next sentence": (
        "Remittances to Tajikistan peaked in 2014 at 43 percent of GDP. About 870,000 Tajik labour migrants are "
        "employed in Russia.", "", {(REM, "TJK", 43, "", "2014"), (MIG, "TJK", 870000, "about", "")}),
    "a span in words keeps the paragraph's year away": (
        "In 2018, the service published new tables. Over the past twenty years, more than 300,000 Kyrgyzstanis have "
        "obtained Russian citizenship.", "", {(CIT, "KGZ", 300000, "more than", "")}),
    "the state of the sentence just before": (
        "Kyrgyzstan leans heavily on its citizens working in Russia. In 2021, remittances equalled 28.6 per cent of "
        "national GDP.", "", {(REM, "KGZ", 28.6, "", "2021")}),
    "a follow-up sentence with no state": (
        "Around 91,000 natives of Uzbekistan became Russian citizens in 2020. The count for 2019 was nearly "
        "57,000.", "",
        {(CIT, "UZB", 91000, "around", "2020"), (CIT, "UZB", 57000, "nearly", "2019")}),
    "the sentence before names a destination too": (
        "Fewer Tajik workers now go to Russia — and more go to neighbouring Kazakhstan. In the first half of 2022 "
        "the number of migrant workers registered in Russia fell by 20% — to 0.9 million from 1.1 million at the end "
        "of 2021.", "", {(MIG, "TJK", 900000, "", "2022"), (MIG, "TJK", 1100000, "", "2021")}),
    "most of them, in Russia": (
        "At least 700,000 citizens of Tajikistan live abroad. The largest group of them, 520,000 people, is in the "
        "Russian Federation.", "", {(MIG, "TJK", 520000, "", "")}),
    "their number, in a series after a colon": (
        "At least 410,000 Kyrgyzstanis were living in Russia in 2019, and their number grew to 430,000 in 2020. A "
        "fall followed: in 2021 their number was 350,000, and in 2022 — 300,000.", "",
        {(MIG, "KGZ", 410000, "at least", "2019"), (MIG, "KGZ", 430000, "", "2020"),
         (MIG, "KGZ", 350000, "", "2021"), (MIG, "KGZ", 300000, "", "2022")}),
    "in Russia, in parentheses after a share of those abroad": (
        "About 2.1 million Uzbek citizens work abroad, of which 80% are in Russia (about 1.7 million people).", "",
        {(MIG, "UZB", 1700000, "about", "")}),
    "Russia's share of the transfers is not the state's": (
        "Remittances made up 24% of Kyrgyzstan's GDP in 2020. Russia's share in total transfers to the republic was "
        "83%.", "", {(REM, "KGZ", 24, "", "2020")}),
    "'that was N percent of X's GDP' after sentences on remittances": (
        "No economy leans on remittances more than Tajikistan's. Some $3.1 billion reached the country from its "
        "workers abroad last year. That was 29 percent of Tajikistan's GDP, the bank said.", "2015-05-01",
        {(REM, "TJK", 29, "", "2014")}),
    "'that figure is' for another state": (
        "Remittances supply around 24% of Kyrgyzstan's GDP. That figure is over 40% for Tajikistan.", "",
        {(REM, "KGZ", 24, "around", ""), (REM, "TJK", 40, "over", "")}),
    "'at A% and B% respectively'": (
        "For remittances as a share of GDP, Tajikistan and Kyrgyzstan top the table, at 48% and 29% respectively.",
        "", {(REM, "TJK", 48, "", ""), (REM, "KGZ", 29, "", "")}),
    "a parenthesis on the last state of a list, with a rank": (
        "In the bank's table of dependence on remittances as a share of GDP, Tajikistan leads Nepal, Haiti and "
        "Kyrgyzstan (number four at 26 percent).", "", {(REM, "KGZ", 26, "", "")}),
    "a hedge after an ellipsis": (
        "Migrants keep the region afloat...Around 22% of Kyrgyzstan's GDP comes from remittances.", "",
        {(REM, "KGZ", 22, "around", "")}),
    "a paragraph's year, past a sentence with no figure of another indicator": (
        "The bank's migration brief ranks the five biggest receivers of remittances in 2020. Remittance inflows "
        "reach high shares of GDP in Nepal (24 percent), Tajikistan (27 percent) and Kyrgyzstan (29 percent).", "",
        {(REM, "TJK", 27, "", "2020"), (REM, "KGZ", 29, "", "2020")}),
    "a list of names with parenthesised figures, one name unknown": (
        "The bank's ranking of remittance receivers by share of GDP lists Tuvalu (31 percent), Tajikistan (29 "
        "percent), Kyrgyzstan (25 percent) and Sealand (19 percent).", "",
        {(REM, "TJK", 29, "", ""), (REM, "KGZ", 25, "", "")}),
    "a percentage of a state's migrants is not of GDP": (
        "Remittances hit 41 percent of GDP in 2012; most came from Russia, the workplace of more than 85 percent of "
        "Tajik migrants.", "", {(REM, "TJK", 41, "", "2012")}),
    "'recipients as a share of GDP' in an article on remittances": (
        "Remittances keep many families afloat.\n\nRanked as a share of gross domestic product, the leading "
        "recipients in 2020 were Tonga – 38 percent, Lesotho – 27 percent and Tajikistan – 26.7 percent.", "",
        {(REM, "TJK", 26.7, "", "2020")}),
    "a dash before a hedged percentage": (
        "Money sent home by migrants is a big slice of the Kyrgyz economy — at least 22 percent by central bank "
        "figures.", "", {(REM, "KGZ", 22, "at least", "")}),
    "a part of a group just counted is not a second total": (
        "As of March 1, 2019, there were 540,000 citizens of Kyrgyzstan in Russia, 210,000 of them with migration "
        "registration.", "", {(MIG, "KGZ", 540000, "", "2019")}),
    "'to date' keeps the paragraph's year away": (
        "In 2018, a new register opened. There are 411,500 Kyrgyz citizens in Russia to date.", "",
        {(MIG, "KGZ", 411500, "", "")}),
    "a list of parenthesised figures with one state and an unknown name": (
        "The bank's ranking of remittance receivers by share of GDP lists Tuvalu (31 percent), Kyrgyzstan (25 "
        "percent) and Sealand (19 percent).", "", {(REM, "KGZ", 25, "", "")}),
    "'of them in Russia' after a total abroad in the same sentence": (
        "About 1.1 million Uzbek citizens work abroad, and more than 760,000 of them work in Russia.", "",
        {(MIG, "UZB", 760000, "more than", "")}),
    "'respectively' with another country in the list": (
        "Kyrgyzstan and Moldova – two more former Soviet republics – rank in the top ten, where remittances equal "
        "27% and 19% of GDP respectively.", "", {(REM, "KGZ", 27, "", "")}),
    "'now' after the sentence's one year": (
        "Russia hosted about 640,000 Kyrgyz migrants in 2017, and now it hosts about 350,000.", "",
        {(MIG, "KGZ", 640000, "about", "2017"), (MIG, "KGZ", 350000, "about", "")}),
    "'N of them' in Russia, after a total abroad": (
        "Some 700,000 Kazakh citizens hold jobs abroad, the service says. More than 450,000 of them are employed in "
        "Russia and about 20,000 in Kyrgyzstan; the others are in Turkey and Germany.", "",
        {(MIG, "KAZ", 450000, "more than", "")}),
    "'including N' after a duration is not a part of it": (
        "Some 310,000 people made trips from Tajikistan to Russia in 6 months of 2018, including 190,000 labour "
        "migrants.", "", set()),
    "a drop from a number of earlier years to this year's": (
        "Registered Tajik workers in Russia saw a sharp drop from 900,000 in previous years to around 500,000 in "
        "2024.", "", {(MIG, "TJK", 500000, "around", "2024")}),
    "'historically' is a time frame of its own": (
        "In 2023 the inflows fell sharply. Tajikistan's economy has long leaned on remittances, historically worth "
        "more than 35 percent of GDP.", "", {(REM, "TJK", 35, "more than", "")}),
    "'their share in X's GDP' after a sentence on remittances": (
        "Money that labour migrants send home weighs heavily in several economies of the region. As of 2022, their "
        "share in Kyrgyzstan's GDP stood at 27%, among the highest anywhere.", "", {(REM, "KGZ", 27, "", "2022")}),
}

# Texts of several sentences whose numbers are all traps.
TRAPS_IN_CONTEXT = {
    "two states in the sentence before": "Kazakhstan and Kyrgyzstan both depend on Russia. In 2020, remittances "
                                         "made up 26 per cent of GDP.",
    "another country in the sentence before": "Tajikistan and Moldova depend on their migrants. Remittances reached "
                                              "30% of GDP in 2019.",
    "a flow named before the apposition": "Uzbekistan remains the largest source of workers in Russia. Departures "
                                          "for home, by contrast, reached 410,000 in 2019.",
}


@pytest.mark.parametrize("case", list(TRAPS_IN_CONTEXT))
def test_no_state_taken_from_an_unclear_sentence_before(case: str) -> None:
    assert _figures(TRAPS_IN_CONTEXT[case]) == set()


@pytest.mark.parametrize("case", list(TRAPS))
def test_traps_give_no_figure(case: str) -> None:
    assert _figures(TRAPS[case]) == set()


@pytest.mark.parametrize("case", list(TRAPS))
def test_trap_numbers_are_left_out_with_a_reason(case: str) -> None:
    reading = read_article(_seed(TRAPS[case]))
    assert reading.left_out and all(r["reason"] for r in reading.left_out)


@pytest.mark.parametrize("case", list(CASES))
def test_figure_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected


# (text, the positions it states as (state, position, resolution))
VOTES = {
    "a long list after 'voted against the resolution:'": (
        "At the UN General Assembly vote on suspending Russia from the Human Rights Council, these states voted "
        "against the resolution: Bolivia, Laos, the Republic of Congo, Kyrgyzstan, Vietnam and Tajikistan.",
        {("KGZ", "against", "A/RES/ES-11/3"), ("TJK", "against", "A/RES/ES-11/3")}),
    "a tally, then '– including' a list": (
        "At the General Assembly on 23 February, 141 states backed the text and 32 abstained – including Kazakhstan "
        "and Uzbekistan, as well as India.",
        {("KAZ", "abstained", "A/RES/ES-11/6"), ("UZB", "abstained", "A/RES/ES-11/6")}),
    "'including' a list, then the position": (
        "In the General Assembly's vote on reparations on 14 November, several former Soviet republics, including "
        "Kyrgyzstan and Kazakhstan, voted against.",
        {("KGZ", "against", "A/RES/ES-11/5"), ("KAZ", "against", "A/RES/ES-11/5")}),
    "an adverb before the position": (
        "Turkmenistan reportedly did not vote on the March 2 resolution in the General Assembly.",
        {("TKM", "did not vote", "A/RES/ES-11/1")}),
    "among the countries that abstained were …": (
        "At the General Assembly on 12 October, among the countries that abstained were India and Brazil as well as "
        "several neighbours of Russia, such as Tajikistan and Kyrgyzstan.",
        {("TJK", "abstained", "A/RES/ES-11/4"), ("KGZ", "abstained", "A/RES/ES-11/4")}),
    "among … abstained, while another state voted otherwise": (
        "Among the states that abstained were India and Brazil, while Kazakhstan voted against the text on "
        "annexation at the General Assembly.",
        {("KAZ", "against", "A/RES/ES-11/4")}),
    "the resolution named only later in the article": (
        "Kazakhstan and Uzbekistan abstained at the UN General Assembly on Thursday.\n\nThe resolution, marking the "
        "first anniversary of the invasion, calls for a just and lasting peace.",
        {("KAZ", "abstained", "A/RES/ES-11/6"), ("UZB", "abstained", "A/RES/ES-11/6")}),
    "the resolution named by the next sentence": (
        "Kazakhstan and Kyrgyzstan abstained at the General Assembly on Wednesday. The text, which condemned the "
        "attempted annexation of four regions, passed easily.\n\nEarlier, a text on reparations passed. Another "
        "called for a lasting peace.",
        {("KAZ", "abstained", "A/RES/ES-11/4"), ("KGZ", "abstained", "A/RES/ES-11/4")}),
    "two resolutions named later: no guess": (
        "Kazakhstan abstained in the General Assembly vote on Thursday.\n\nEarlier resolutions dealt with the "
        "annexation and with reparations.", set()),
    "another vote (Crimea) is not one of these": (
        "Kazakhstan abstained on the UN General Assembly resolution on Crimea.\n\nLater texts condemned the "
        "annexation of four regions.", set()),
}


@pytest.mark.parametrize("case", list(VOTES))
def test_votes_keyed_by_resolution(case: str) -> None:
    body, expected = VOTES[case]
    got = {(r["country_iso3"], r["position"], r["vote"]) for r in read_article(_seed(body)).figures
           if r["indicator"] == VOTE}
    assert got == expected


# --- Numbers, units and periods as outlets print them ---------------------------------------------------------------

UNITS_AND_PERIODS = {
    "thousands grouped by a non-breaking space": ("In 2020, 408\u00a0448 Kyrgyzstanis stayed in Russia.",
                                                  {(MIG, "KGZ", 408448, "", "2020")}),
    "thousands grouped by a space": ("In 2019, 38 700 Kyrgyzstanis received Russian citizenship.",
                                     {(CIT, "KGZ", 38700, "", "2019")}),
    "pc for per cent": ("Remittances to Tajikistan were 32 pc of GDP in 2019.", {(REM, "TJK", 32, "", "2019")}),
    "mln glued to the number": ("Uzbekistan sent 2.4mln workers to Russia in 2018.",
                                {(MIG, "UZB", 2400000, "", "2018")}),
    "a span of years stays words": ("In 2022-2023, 88,000 Tajiks received Russian citizenship.",
                                    {(CIT, "TJK", 88000, "", "")}),
}


@pytest.mark.parametrize("case", list(UNITS_AND_PERIODS))
def test_units_and_periods(case: str) -> None:
    body, expected = UNITS_AND_PERIODS[case]
    assert _figures(body) == expected


def test_a_month_range_is_the_figure_s_own_period() -> None:
    body = ("In the first nine months of 2023, 41,000 Tajiks received Russian citizenship. In January–June 2023, "
            "17,500 Uzbeks received Russian citizenship.")
    rows = {r["country_iso3"]: (r["year"], r["as_of"]) for r in read_article(_seed(body)).figures}
    assert rows == {"TJK": ("2023", "In the first nine months of 2023"), "UZB": ("2023", "In January–June 2023")}


def test_crlf_bom_and_non_breaking_spaces_keep_offsets(tmp_path) -> None:
    from components.extract.pipeline import build_tables, read_seeds
    text = ("---\ntitle: Test (invented)\npublished: 2024-12-01\n---\nAt least 596,253 Kyrgyzstanis stayed in Russia "
            "in 2020; this year their number reached 408\u00a0448.\n")
    (tmp_path / "a.txt").write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    seeds = read_seeds(tmp_path)
    rows = [r for s in seeds for r in read_article(s).figures]
    assert {(r["value_text"], r["year"]) for r in rows} == {("596,253", "2020"), ("408\u00a0448", "2024")}
    assert all(seeds[0].text[r["value_start"]:r["value_end"]] == r["value_text"] for r in rows)
    assert "figures.csv" in build_tables(seeds)  # the rows pass the contract's validation


def test_an_article_with_no_figure_does_not_stop_the_build(tmp_path) -> None:
    from components.extract.pipeline import build_tables, read_seeds
    (tmp_path / "a.txt").write_text("Kazakhstan sent 5 million workers to Russia in 2021.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A note on the weather in Bishkek.\r\nIt rained for 3 days.\r\n", encoding="utf-8")
    files = build_tables(read_seeds(tmp_path))
    assert files["articles.csv"].count("\n") == 3 and "b.txt" in files["articles.csv"]
    assert "b.txt" not in files["figures.csv"]


def test_a_copied_page_s_menus_and_tickers_are_not_its_title() -> None:
    from components.extract.text import article_metadata
    chrome = "Skip to main content\n\nUSD 87.86\nEUR 93.94\n\n" + "".join(f"Menu item {k}\n" for k in range(8))
    body = chrome + "\nTajik remittances hit a record\n\nJane Doe Dec 6, 2011\n\n" + " ".join(["word"] * 30) + ".\n"
    assert article_metadata(Seed("p.txt", body))["title"] == "Tajik remittances hit a record"
    ticker_first = "• KGS/USD = 0.01157 0%\n04:32\n\nKyrgyz migrants send more home\n\nBody text follows here.\n"
    assert article_metadata(Seed("q.txt", ticker_first))["title"] == "Kyrgyz migrants send more home"
