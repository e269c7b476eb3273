"""The publication date a copied page states (date line, stamp, byline, wire dateline), and what it resolves.
TEST MATERIAL: every line, name and number here is invented, none is real reporting."""

from __future__ import annotations

from datetime import date

import pytest

from components.extract.dateline import stated_publication_date
from components.extract.indicator_rules import read_article
from components.extract.text import Seed, article_metadata

STORY = ("Remittances from workers in Russia kept the Kyrgyz economy going through a difficult winter, bankers and "
         "officials in Bishkek told our correspondent, and the central bank expects that to continue next year.")
LAST_YEAR = "Last year, remittances made up 23 percent of Kyrgyzstan's GDP, the central bank said."


@pytest.mark.parametrize(("header", "stated"), [
    ("Published Date:   Tuesday, Feb 06, 2024", date(2024, 2, 6)),
    ("Published: 07.05.2023", date(2023, 5, 7)),
    ("Desk Writer (@deskwriter) Published March 09, 2021 | 10:15 AM", date(2021, 3, 9)),
    ("19 October 2020", date(2020, 10, 19)),
    ("11 June 2019 | 09:42", date(2019, 6, 11)),
    ("08:10 / 14.09.2022", date(2022, 9, 14)),
    ("Thursday, August 04, 2016", date(2016, 8, 4)),
    ("By Test Wire July 21, 2018", date(2018, 7, 21)),
    ("by test wire July 21, 2018", date(2018, 7, 21)),
    ("Jane Example Mar 3, 2024", date(2024, 3, 3)),
    ("date 2023-11-30 16:05", date(2023, 11, 30)),
    ("Economy 12 January 2021 14:20 (UTC +05:00)", date(2021, 1, 12)),
    ("14:05, 03 мая 2017", date(2017, 5, 3)),
    ("1st December, 2015", date(2015, 12, 1)),
])
def test_a_date_line_above_the_story_is_the_publication_date(header: str, stated: date) -> None:
    text = f"Test Daily (invented)\nRemittances hold steady\n{header}\n\n{STORY}\n"
    assert stated_publication_date(text) == stated


@pytest.mark.parametrize("header", [
    "Migrants left Russia in droves after the March 22, 2024 raids on markets",  # a headline's event date
    "Ukraine war: March 2, 2022",  # a short headline
    "The vote of March 2, 2022",
    "Photo: Test Agency, March 2, 2021",  # a caption
    "It all changed on February 24, 2022.",  # a short opening sentence
    "The figures were published on March 1, 2021 by the statistics office.",  # "published" in a sentence
    "Updated: 05.06.2024 12:00",  # an edit, not the publication
    "Last updated June 5, 2024",
    "Date modified: 2022-03-09",
    "31.02.2024",  # no such day
    "Remittances hold steady",  # no date at all
])
def test_no_publication_date_from_a_headline_an_update_or_a_non_date(header: str) -> None:
    text = f"Test Daily (invented)\n{header}\n\n{STORY}\n"
    assert stated_publication_date(text) is None


def test_two_different_dates_above_the_story_are_a_list_not_the_pages_date() -> None:
    latest = "Latest\nBanks cut fees\nMarch 1, 2021\nMarkets calm\nFebruary 3, 2021\nRemittances hold steady\n"
    assert stated_publication_date(f"{latest}\n{STORY}\n") is None
    # must not: the same date twice (a date line and a stamp) is no list
    same = "19 October 2020\nRemittances hold steady\nPublished: 19.10.2020\n"
    assert stated_publication_date(f"{same}\n{STORY}\n") == date(2020, 10, 19)


def test_a_date_in_the_story_is_an_events_date_not_the_pages() -> None:
    text = f"Test Daily (invented)\nRemittances hold steady\n\n{STORY}\nOn February 3, 2023 the bank said so.\n" \
           f"{STORY}\n{STORY}\n{STORY}\n"
    assert stated_publication_date(text) is None


def test_a_wire_dateline_opening_the_story_dates_it() -> None:
    text = f"Remittances hold steady\n\nBISHKEK, November 8, 2019, Test Wire -- {STORY}\n"
    assert stated_publication_date(text) == date(2019, 11, 8)
    bracketed = f"OSH (Test Wire / Test Agency - 21st April, 2020) {STORY}\n"
    assert stated_publication_date(bracketed) == date(2020, 4, 21)
    # must not: an event's date after the dateline, an all-capitals headline, a sentence after an acronym
    for opening in ("BISHKEK (Test Wire) - On February 24, 2022, the war began.",
                    "MOSCOW — Since March 2, 2022, when the vote was held,",
                    "RUSSIA INVADES UKRAINE ON FEBRUARY 24, 2022",
                    "NATO. Officials met on May 4, 2021 to talk."):
        assert stated_publication_date(f"{opening} {STORY}\n") is None, opening


def test_a_date_alone_on_the_last_lines_dates_the_page() -> None:
    assert stated_publication_date(f"{STORY}\nTestNews.example\nSeptember 2, 2022\n") == date(2022, 9, 2)
    # must not: a date inside the last sentence, or a related-articles list closing the page
    assert stated_publication_date(f"{STORY}\nThe bank reports again on September 2, 2022.\n") is None
    related = f"{STORY}\nRead more\nBanks cut fees\nMarch 1, 2021\nMarkets calm\nFebruary 3, 2021\n"
    assert stated_publication_date(related) is None


def test_the_front_matter_date_wins_and_the_stated_one_fills_articles_csv() -> None:
    stamped = Seed("t.txt", f"Test Daily (invented)\nRemittances hold steady\n19 October 2020\n\n{STORY}\n")
    assert stamped.published == date(2020, 10, 19)
    assert article_metadata(stamped)["published"] == "2020-10-19"
    both = Seed("t.txt", "---\ntitle: T\noutlet: Test desk (invented)\npublished: 2021-01-05\n---\n"
                         f"19 October 2020\n\n{STORY}\n")
    assert both.published == date(2021, 1, 5) and article_metadata(both)["published"] == "2021-01-05"


def test_last_year_resolves_from_the_stated_date_and_stays_open_without_one() -> None:
    dated = Seed("t.txt", f"Test Daily (invented)\nRemittances hold steady\n19 October 2020\n\n{LAST_YEAR}\n")
    (row,) = read_article(dated).figures
    assert (row["country_iso3"], row["value"], row["year"], row["year_basis"]) == ("KGZ", 23, "2019",
                                                                                   "publication date")
    undated = Seed("t.txt", f"Test Daily (invented)\nRemittances hold steady\n\n{LAST_YEAR}\n")
    (row,) = read_article(undated).figures
    # must not: a year invented for a page that states no date
    assert row["year"] == "" and row["year_basis"] == ""
