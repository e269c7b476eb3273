"""Sharp tests that kill the mutants of the extractor's figure rules (indicator_rules.py) the other tests let live.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest

from components.extract.indicator_rules import families, read_article
from components.extract.text import Seed

MIG, REM, CIT = "migrant_workers", "remittances_share_of_gdp", "citizenship_grants"
WHERE_THEY_ARE = "the state named is where the migrants are, not where they come from"
NOT_CLEAR = "an ambiguous reference ('the country', 'its', 'there'): which state is not clear"
NONE_BEFORE = "an ambiguous reference ('the country', 'its', 'there'): no state named before it"
THE_PLACE = "the state named before is the place ('there'), not where the migrants come from"
ABROAD = "migrants abroad in general, not in Russia"


def _seed(body: str) -> Seed:
    return Seed("t.txt", "---\ntitle: Test\noutlet: Test desk (invented)\n---\n\n" + body + "\n")


def _read(body: str) -> tuple[set[tuple], dict[str, str]]:
    """(indicator, state, value, qualifier, year) of each figure; each number left out -> its reason."""
    reading = read_article(_seed(body))
    figures = {(r["indicator"], r["country_iso3"], r["value"], r["qualifier"], r["year"]) for r in reading.figures}
    return figures, {x["token"]: x["reason"] for x in reading.left_out}


# --- families: what a piece of text speaks of (the cache cleared: a warm cache would hide the rule) -------------

@pytest.mark.parametrize(("text", "expected"), [
    ("remittances equal to a third of GDP", {REM}),
    ("remittances rose sharply", set()),
    ("the GDP rose sharply", set()),
    ("Russia granted citizenship to them", {CIT}),
    ("dual citizenship is allowed", set()),
    ("they received a letter", set()),
    ("labour migrants arrived", {MIG}),
    ("citizens living in Russia", {MIG}),
    ("citizens living in Kazakhstan", set()),
    ("Russia is large", set()),
    ("nationals obtained passports in Russia", {CIT}),
])
def test_families_named_in_text(text: str, expected: set[str]) -> None:
    families.cache_clear()
    assert families(text) == expected


# --- anaphora: "the country", "there" -------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "figures", "left"), [
    # the nearest earlier sentence names no state: the one before it does
    ("Kyrgyzstan is poor. The number is unknown. About 900,000 migrants come from the country to Russia.",
     {(MIG, "KGZ", 900000.0, "about", "")}, {}),
    # a state named only after the sentence does not count
    ("Kyrgyzstan is poor. The number is unknown. About 900,000 migrants come from the country to Russia. "
     "Uzbekistan is different.", {(MIG, "KGZ", 900000.0, "about", "")}, {}),
    ("Uzbekistan and Tajikistan are poor. About 900,000 migrants come from the country to Russia.",
     set(), {"900,000": NOT_CLEAR}),
    ("The report is new. About 900,000 migrants come from the country to Russia.", set(), {"900,000": NONE_BEFORE}),
    ("Kazakhstan takes second place. About 30,000 migrant workers work there. Most others go to Russia.",
     set(), {"30,000": THE_PLACE}),
])
def test_anaphora_reads_the_state_before(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- group: "of them" belongs to the state of the group named just before --------------------------------------

GROUP = "About 800,000 Kyrgyz citizens work abroad. "


@pytest.mark.parametrize(("body", "figures", "left"), [
    (GROUP + "Of them 600,000 work in Russia and 40,000 in Kazakhstan.", {(MIG, "KGZ", 600000.0, "", "")},
     {"800,000": ABROAD, "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    (GROUP + "More than 600,000 of them work in Russia and 40,000 in Kazakhstan.",
     {(MIG, "KGZ", 600000.0, "more than", "")},
     {"800,000": ABROAD, "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    (GROUP + "40,000 of them work in Kazakhstan and 600,000 of them in Russia.", {(MIG, "KGZ", 600000.0, "", "")},
     {"800,000": ABROAD, "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    # "Of them," with a comma is no "of them N": not the group's part
    (GROUP + "Of them, 600,000 work in Russia and 40,000 in Kazakhstan.", set(),
     {"800,000": ABROAD, "600,000": WHERE_THEY_ARE,
      "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    # another country in the clause: the part is not surely the group's
    (GROUP + "Of them 600,000 work in Russia, 40,000 in Kazakhstan and 9,000 in Turkey.", set(),
     {"800,000": ABROAD, "600,000": WHERE_THEY_ARE,
      "40,000": "migrants in another country (Kazakhstan), not in Russia",
      "9,000": "migrants in another country (Turkey), not in Russia"}),
    # no sentence before it in the paragraph
    ("Of them 600,000 work in Russia and 40,000 in Kazakhstan.", set(),
     {"600,000": WHERE_THEY_ARE, "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    # the sentence before names two states, or none
    ("About 800,000 Kyrgyz and Tajik citizens work abroad. Of them 600,000 work in Russia and 40,000 in Kazakhstan.",
     set(), {"800,000": ABROAD, "600,000": WHERE_THEY_ARE,
             "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    ("Many citizens work abroad. Of them 600,000 work in Russia and 40,000 in Kazakhstan.", set(),
     {"600,000": WHERE_THEY_ARE, "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    # the sentence before names another country besides the state
    ("Many people leave Kyrgyzstan for Turkey. Of them 600,000 work in Russia and 40,000 in Kazakhstan.", set(),
     {"600,000": WHERE_THEY_ARE, "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
])
def test_group_part_belongs_to_the_group_state(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left
