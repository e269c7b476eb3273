"""Wrong readings a mutation review of the indicator rules found, each pinned by sentences of its own.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest

from components.extract.indicator_rules import read_article
from components.extract.text import Seed

MIG = "migrant_workers"
TOGETHER = "migrants in several countries together (Russia among them), not the count in Russia"


def _seed(body: str) -> Seed:
    return Seed("t.txt", "---\ntitle: Test\noutlet: Test desk (invented)\n---\n\n" + body + "\n")


def _figures(body: str) -> set[tuple]:
    """(indicator, state, value) of each figure read."""
    return {(r["indicator"], r["country_iso3"], r["value"]) for r in read_article(_seed(body)).figures}


def _reasons(body: str) -> list[str]:
    return [x["reason"] for x in read_article(_seed(body)).left_out]


# 1. A count placed in a country of several words is that country's, not the state of the sentence before.
@pytest.mark.parametrize("place", ["the United Arab Emirates", "Bosnia and Herzegovina", "the Central African Republic",
                                   "the United States", "South Korea"])
def test_count_in_a_country_of_several_words_is_not_the_previous_state(place: str) -> None:
    body = (f"Tajikistan relies on its workers abroad. About 900,000 migrant workers are in Russia, and 15,000 in "
            f"{place}.")
    assert _figures(body) == {(MIG, "TJK", 900000)}
    name = place.removeprefix("the ")
    assert f"migrants in another country ({name}), not in Russia" in _reasons(body)


# 2. The last of a list of destinations is no owner; Russia in such a list is a total across destinations.
def test_total_across_a_list_of_destinations_is_left_out() -> None:
    body = ("About 800,000 Kyrgyz citizens work abroad. More than 600,000 of them work in Russia, Turkey and "
            "Kazakhstan.")
    assert _figures(body) == set()
    assert TOGETHER in _reasons(body)


def test_total_across_destinations_after_a_state_is_not_the_state_count() -> None:
    body = ("Tajikistan relies on its workers abroad. About 600,000 Tajik migrant workers went to Russia, Turkey "
            "and Kazakhstan last year.")
    assert _figures(body) == set()
    assert TOGETHER in _reasons(body)


def test_state_ending_a_list_after_to_is_a_destination_not_the_owner() -> None:
    body = ("About 800,000 Kyrgyz citizens work abroad. Those who go to Turkey, Russia or Kazakhstan number about "
            "600,000.")
    assert ("migrant_workers", "KAZ", 600000) not in _figures(body)
    assert _figures(body) == set()


# 3. "than the 800,000 a year earlier": an article between "than" and the number, still the earlier value.
@pytest.mark.parametrize("words", ["more than the 800,000", "up from its 800,000", "compared with the 800,000"])
def test_earlier_value_after_a_determiner_is_left_out(words: str) -> None:
    body = f"The number of Tajik migrant workers in Russia rose to 900,000 in 2023, {words} a year earlier."
    assert _figures(body) == {(MIG, "TJK", 900000)}
    assert "an earlier value in a comparison, its date not stated" in _reasons(body)


# 4. "they number 50": the verb, not a rank, so the count after it is not tied to the country before.
def test_number_as_a_verb_is_not_a_rank() -> None:
    body = "Tajik migrant workers are spread out: Turkey says they number 50 and Russia has 900,000."
    assert _figures(body) == {(MIG, "TJK", 900000)}
    assert "a figure for another country (Turkey)" not in _reasons(body)


def test_number_as_a_rank_still_is_one() -> None:
    body = ("In the bank's table of dependence on remittances as a share of GDP, Tajikistan leads Nepal, Haiti and "
            "Kyrgyzstan (number 4 at 26 percent).")
    assert ("remittances_share_of_gdp", "KGZ", 26) in _figures(body)


# 5. A destination named after a long preposition phrase ("throughout the neighbouring "): right after the number's
# words it is the place the number is counted in; past a comma, it is still no owner of the number.
@pytest.mark.parametrize("words", ["moved towards the neighbouring", "are now spread throughout the neighbouring"])
def test_destination_after_a_long_phrase_is_not_the_owner(words: str) -> None:
    body = f"Work in Russia has become harder for migrants. About 90,000 migrant workers {words} Kazakhstan."
    assert _figures(body) == set()
    assert _reasons(body) == ["migrants in another country (Kazakhstan), not in Russia"]
    body = f"Work in Russia is harder for migrants. About 90,000 migrant workers, since then, {words} Kazakhstan."
    assert _figures(body) == set()
    assert _reasons(body) == ["the state named is where the migrants are, not where they come from"]
