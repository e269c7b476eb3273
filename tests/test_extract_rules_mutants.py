"""Sharp tests that kill the mutants of the extractor's figure rules (indicator_rules.py) the other tests let live.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest

from components.extract import indicator_rules
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
    # a state named before, in another clause, not as where they are: not surely the group's
    (GROUP + "Kyrgyz officials count them; of them 600,000 work in Russia and 40,000 in Kazakhstan.", set(),
     {"800,000": ABROAD, "600,000": WHERE_THEY_ARE,
      "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    # another country that ends its clause
    (GROUP + "Of them 600,000 work in Russia, 40,000 in Kazakhstan and 9,000 in Turkey; the rest stay home.", set(),
     {"800,000": ABROAD, "600,000": WHERE_THEY_ARE,
      "40,000": "migrants in another country (Kazakhstan), not in Russia",
      "9,000": "migrants in another country (Turkey), not in Russia"}),
    # another country opening the sentence
    (GROUP + "Turkey employs a small share of them over the years and decades past, and 600,000 of them work in "
     "Russia and 40,000 in Kazakhstan.", set(),
     {"800,000": ABROAD, "600,000": WHERE_THEY_ARE,
      "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
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


# --- previous state: a sentence naming no state continues the one before it ----------------------------------------

NO_STATE = "no Central Asian state named with it"
YEAR = "a year (a date, not a figure)"
TJK_REMITTANCES = "Tajikistan depends on remittances. "


@pytest.mark.parametrize(("body", "figures", "left"), [
    (TJK_REMITTANCES + "In 2024 remittances made up 45 percent of GDP.", {(REM, "TJK", 45.0, "", "2024")},
     {"2024": YEAR}),
    # the sentence just before names no state: the one before it does (a state named later does not count)
    (TJK_REMITTANCES + "Money matters. In 2024 remittances made up 45 percent of GDP. Uzbekistan differs.",
     {(REM, "TJK", 45.0, "", "2024")}, {"2024": YEAR}),
    # another country in the sentence, even as where migrants go, when the figure is no migrant count
    (TJK_REMITTANCES + "In 2024 remittances made up 45 percent of GDP; some migrants moved to Turkey.", set(),
     {"2024": YEAR, "45": NO_STATE}),
    (TJK_REMITTANCES + "In 2024 remittances made up 45 percent of GDP, Russia's central bank said.", set(),
     {"2024": YEAR, "45": NO_STATE}),
    # a paragraph naming no state continues only the last sentence of the paragraph before
    ("Tajikistan relies on money. Remittances are large.\n\nIn 2024 remittances made up 45 percent of GDP.", set(),
     {"2024": YEAR, "45": NO_STATE}),
    # a state of the sentence named as where migrants go: not continued from the sentence before
    ("Tajikistan sends many migrant workers. In 2023, 900,000 migrant workers were in Russia; some also go to "
     "Kazakhstan.", set(), {"2023": YEAR, "900,000": NO_STATE}),
    # the indicator named neither in the sentence nor in the one before
    ("Remittances made up a large share of GDP in Central Asia. Tajikistan is poor. The share was 45 percent in 2024.",
     set(), {"45": NO_STATE, "2024": YEAR}),
    # further back only for a sentence that names its indicator itself
    ("Tajikistan is poor. Remittances made up much of GDP. The share was 45 percent in 2024.", set(),
     {"45": NO_STATE, "2024": YEAR}),
    # the state as a frame ("In Kazakhstan, …") is whose migrants the next sentence counts
    ("In Kazakhstan, many families depend on migrant workers. About 900,000 migrant workers are in Russia.",
     {(MIG, "KAZ", 900000.0, "about", "")}, {}),
])
def test_previous_sentence_gives_the_state(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- frame: "In Kyrgyzstan, …" sets the state before the numbers; "in Kazakhstan" after a number is a place ------

@pytest.mark.parametrize(("body", "figures", "left"), [
    ("In Kyrgyzstan, 800,000 migrant workers work in Russia.", {(MIG, "KGZ", 800000.0, "", "")}, {}),
    ("In Kyrgyzstan 800,000 migrant workers work in Russia.", set(), {"800,000": WHERE_THEY_ARE}),
    ("In 2023, in Kyrgyzstan, about 800,000 migrant workers were in Russia.", {(MIG, "KGZ", 800000.0, "about", "2023")},
     {"2023": YEAR}),
    ("About 40,000 migrant workers are in Kazakhstan, and 800,000 in Russia.", set(),
     {"40,000": "migrants in another country (Kazakhstan), not in Russia", "800,000": WHERE_THEY_ARE}),
    ("After 30 percent fell, in Kyrgyzstan, about 800,000 migrant workers were in Russia.", set(),
     {"30": "a percentage not stated as a share of GDP", "800,000": WHERE_THEY_ARE}),
])
def test_state_as_frame_or_place(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- comparisons: the earlier value of a change is left out -------------------------------------------------------

EARLIER = "an earlier value in a comparison, its date not stated"


@pytest.mark.parametrize("body", [
    "Some 900,000 Tajik migrant workers were in Russia in 2023, up from 800,000.",
    "Some 900,000 Tajik migrant workers were in Russia in 2023, compared with 800,000.",
    "Some 900,000 Tajik migrant workers were in Russia in 2023, higher than 800,000.",
    "The number of Tajik migrant workers in Russia soared from 800,000 to 900,000 in 2023.",
    "The number of Tajik migrant workers in Russia rebounded from 800,000 to 900,000 in 2023.",
])
def test_earlier_value_of_a_change_left_out(body: str) -> None:
    found, out = _read(body)
    assert found == {(MIG, "TJK", 900000.0, "some" if body.startswith("Some") else "", "2023")}
    assert out == {"800,000": EARLIER, "2023": YEAR}


# --- under a thousand: a figure only when stated as the stock in Russia -------------------------------------------

@pytest.mark.parametrize(("body", "figures", "left"), [
    ("There are some 800 Turkmen workers in Russia.", {(MIG, "TKM", 800.0, "some", "")}, {}),
    ("Some 800 Turkmen workers live in Russia.", {(MIG, "TKM", 800.0, "some", "")}, {}),
    # "live in Russia" in a later sentence does not make the first a stock
    ("Some 800 Turkmen workers in Russia received food parcels. Most of them live in Russia.", set(),
     {"800": indicator_rules.TOO_FEW}),
])
def test_small_count_stated_as_stock(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- an article on remittances: its body, not the outlet's footer -------------------------------------------------

@pytest.mark.parametrize(("body", "figures", "left"), [
    ("In Tajikistan, transfers from relatives equal 30 percent of GDP. Remittances keep us going.",
     {(REM, "TJK", 30.0, "", "")}, {}),
    ("In Tajikistan, transfers from relatives equal 30 percent of GDP.\n\n... we have a small favor to ask. "
     "Remittances keep us going.", set(), {"30": "a percentage that is not remittances as a share of GDP"}),
])
def test_weak_remittance_words_need_an_article_on_remittances(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- ranks: only a small count after "number"/"No." is a place in a ranking, passed over between state and number ---

SPREAD = "Tajik migrant workers are spread out: Turkey "
OTHER_TURKEY = "a figure for another country (Turkey)"


@pytest.mark.parametrize(("body", "left"), [
    (SPREAD + "has 5,000 and Russia has 900,000.", {"5,000": OTHER_TURKEY}),
    (SPREAD + "says they number 5,000 and Russia has 900,000.", {"5,000": OTHER_TURKEY}),
    # 100 is no rank: the count between Turkey and 900,000 keeps Turkey from taking it
    (SPREAD + "says they number 100 and Russia has 900,000.", {"100": indicator_rules.TOO_FEW}),
])
def test_count_between_other_country_and_number_is_no_rank(body: str, left: dict) -> None:
    found, out = _read(body)
    assert found == {(MIG, "TJK", 900000.0, "", "")}
    assert out == left


# --- the indicator named in the number's own clause, though the sentence's other clause speaks of acquiring -------

def test_indicator_named_in_the_clause_only() -> None:
    found, out = _read("Uzbekistan is large. Some obtained passports; the country's citizens living in Russia number "
                       "900,000.")
    assert found == {(MIG, "UZB", 900000.0, "", "")}
    assert out == {}


# --- a year after another number of the sentence does not date the figure before it --------------------------------

@pytest.mark.parametrize(("body", "figures"), [
    ("Remittances made up 30 percent of GDP in Tajikistan and 20 percent of GDP in Kyrgyzstan in 2023, up from 15 "
     "percent in 2022.", {(REM, "TJK", 30.0, "", ""), (REM, "KGZ", 20.0, "", "2023"), (REM, "KGZ", 15.0, "", "2022")}),
    ("Remittances made up 30 percent of GDP in Tajikistan, or $3 billion in 2023, up from 25 percent in 2022.",
     {(REM, "TJK", 30.0, "", ""), (REM, "TJK", 25.0, "", "2022")}),
])
def test_number_between_parts_figure_from_later_year(body: str, figures: set) -> None:
    found, _ = _read(body)
    assert found == figures


# --- one row per state and vote, though the sentence names the state twice -----------------------------------------

def test_state_named_twice_in_a_continued_list_gives_one_row() -> None:
    reading = read_article(_seed("On March 2 the UN General Assembly voted on the resolution. Countries that abstained "
                                 "were China and India. Others were Kazakhstan and Kyrgyzstan, with Kazakhstan's envoy "
                                 "silent."))
    assert sorted((r["country_iso3"], r["position"]) for r in reading.figures) == [
        ("KAZ", "abstained"), ("KGZ", "abstained")]


# --- a paragraph's year dates a figure only back to the sentence that gave another indicator's figure --------------

@pytest.mark.parametrize(("middle", "migrants_year"), [
    ("Much has changed since.", ""),
    ("Figures for 2010 are clearer.", "2010"),
])
def test_year_of_another_indicator_does_not_date_a_later_count(middle: str, migrants_year: str) -> None:
    found, _ = _read("In 2008 remittances made up 49 percent of GDP in Tajikistan. " + middle + " About 900,000 Tajik "
                     "migrant workers were in Russia.")
    assert found == {(REM, "TJK", 49.0, "", "2008"), (MIG, "TJK", 900000.0, "about", migrants_year)}


# --- a vote tally is no state's figure -----------------------------------------------------------------------------

def test_count_of_countries_that_voted_is_a_tally() -> None:
    found, out = _read("On March 2 the UN General Assembly voted on the resolution. In all, 141 countries voted in "
                       "support.")
    assert found == set()
    assert out == {"March 2": "a date, not a figure", "141": "a global vote tally or count of countries"}


# --- each number left out: all its fields ---------------------------------------------------------------------------

def test_left_out_number_has_every_field() -> None:
    seed = _seed("In 2023, about 40,000 migrant workers were in Kazakhstan, and 800,000 in Russia.")
    year, count = seed.text.index("2023"), seed.text.index("40,000")
    assert read_article(seed).left_out[:2] == [
        {"source": "t.txt", "start": year, "end": year + 4, "token": "2023", "reason": YEAR, "indicator": "",
         "country_iso3": "", "kind": "year"},
        {"source": "t.txt", "start": count, "end": count + len("40,000"), "token": "40,000",
         "reason": "migrants in another country (Kazakhstan), not in Russia", "indicator": MIG, "country_iso3": "",
         "kind": "count"}]


# --- each figure row: all its fields --------------------------------------------------------------------------------

def test_figure_rows_have_every_field() -> None:
    first = "According to the labour ministry, about 900,000 Tajik migrant workers were in Russia in 2023."
    second = "Between 1.1 and 1.3 million Uzbek migrant workers were in Russia."
    seed = _seed(first + " " + second)
    at, second_at = seed.text.index(first), seed.text.index(second)
    exact, span = seed.text.index("900,000"), seed.text.index("1.1 and 1.3 million")
    common = {"source": "t.txt", "indicator": MIG, "position": "", "vote": "", "unit": "workers", "year": "2023",
              "as_of": "in 2023", "review": ""}
    assert read_article(seed).figures == [
        {**common, "country_iso3": "TJK", "country": "Tajikistan", "value": 900000.0, "value_low": None,
         "value_high": None, "qualifier": "about", "value_text": "900,000", "year_basis": "stated",
         "attribution": "the labour ministry", "quote": first, "start": at, "end": at + len(first),
         "value_start": exact, "value_end": exact + len("900,000")},
        {**common, "country_iso3": "UZB", "country": "Uzbekistan", "value": None, "value_low": 1100000.0,
         "value_high": 1300000.0, "qualifier": "", "value_text": "1.1 and 1.3 million", "year_basis": "paragraph",
         "attribution": "", "quote": second, "start": second_at, "end": second_at + len(second),
         "value_start": span, "value_end": span + len("1.1 and 1.3 million")}]


# --- a count implausible by its size alone ---------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "figures", "left"), [
    ("Some 20 million Uzbek migrant workers are in Russia.", {(MIG, "UZB", 20000000.0, "some", "")}, {}),
    ("Some 25 million Uzbek migrant workers are in Russia.", set(), {
        "25 million": "more people than any of these states' migrants or new citizens number (a mis-scaled figure or "
                      "money)"}),
    ("Between 300 and 500 Turkmen migrant workers in Russia received parcels.", set(),
     {"300 and 500": indicator_rules.TOO_FEW}),
])
def test_count_too_large_or_too_small(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- digits without separators: a code or phone, unless a counted noun follows ---------------------------------------

DIGITS = "digits without separators or a noun (a code, phone or address), not a count"


@pytest.mark.parametrize(("body", "figures", "left"), [
    ("Tajik migrant workers in Russia can call the hotline at 1212.", set(), {"1212": DIGITS}),
    ("Tajik migrant workers in Russia can call +7 495 123 45 67 for help.", set(),
     {"7 495 123": DIGITS, "45": DIGITS, "67": DIGITS}),
    ("Some 1212 migrant workers from Tajikistan signed the letter in Russia.", {(MIG, "TJK", 1212.0, "some", "")}, {}),
    ("Some 1212 Tajiks work in Russia.", {(MIG, "TJK", 1212.0, "some", "")}, {}),
    ("Some 1212 Kyrgyz work in Russia.", {(MIG, "KGZ", 1212.0, "some", "")}, {}),
    # a thousand is enough for a state's migrants, without "there are … in Russia"
    ("Some 1,000 Turkmen migrant workers in Russia received parcels.", {(MIG, "TKM", 1000.0, "some", "")}, {}),
])
def test_bare_digits_and_the_smallest_count(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- "before", "previously": an earlier value only up to the number before it -------------------------------------

EARLIER_UNDATED = "an earlier value ('previously', 'before'), its date not stated"


@pytest.mark.parametrize(("body", "figures", "left"), [
    ("Before the war, 1.2 million Tajik migrant workers were in Russia; now 900,000 Tajik migrant workers are there.",
     {(MIG, "TJK", 900000.0, "", "")}, {"1.2 million": EARLIER_UNDATED}),
    ("Before the war remittances were 35 percent of GDP in Tajikistan, and about 900,000 Tajik migrant workers are in "
     "Russia.", {(MIG, "TJK", 900000.0, "about", "")}, {"35": EARLIER_UNDATED}),
])
def test_earlier_time_word_reaches_back_to_the_previous_number(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- a state inside a list of states: the number is their total ---------------------------------------------------

@pytest.mark.parametrize("body", [
    "Some 900,000 Tajik and Uzbek migrant workers are in Russia.",
    "Some 900,000 migrant workers from Tajikistan and Turkey are in Russia.",
])
def test_number_before_a_list_of_states_is_their_total(body: str) -> None:
    found, out = _read(body)
    assert found == set()
    assert out == {"900,000": "a total for several states, not one"}


# --- the first full run's survivors (2,652 mutants): where the migrants are -----------------------------------------

TOO_FEW = ("under 1,000 and not stated as a stock in Russia ('there are … in Russia', '… live in Russia'): too few "
           "to be a state's migrants (an anecdote or a small group)")


def test_a_line_without_a_full_stop_does_not_lend_its_number_the_next_lines_russia() -> None:
    """_stated_stock reads 'in Russia' within the number's clause only: a heading or list line ends its sentence
    without a full stop, and the next paragraph's opening words are not its verb of being in Russia."""
    found, out = _read("Turkmenistan has 800 migrant workers\n\nIn Russia the picture is different.")
    assert found == set()
    assert out == {"800": TOO_FEW}


@pytest.mark.parametrize(("body", "figures", "left"), [
    # the longest name at the start of "Turkey and South Korea" is tried word by word, not every other word
    ("Russia is the main destination. Some 40,000 Uzbek migrants work in Turkey and South Korea.", set(),
     {"40,000": "migrants in another country (Turkey), not in Russia"}),
    # a month after "in" names no state: the number stays a count in Russia
    ("The number of Uzbek migrants working in Russia reached 1.8 million in January.",
     {(MIG, "UZB", 1800000.0, "", "")}, {}),
    # "neighbouring" between "in the" and the state
    ("About 1 million Tajik migrants work in Russia. Another 9,000 work in the neighbouring United Arab Emirates.",
     {(MIG, "TJK", 1000000.0, "about", "")},
     {"9,000": "migrants in another country (United Arab Emirates), not in Russia"}),
    # a destination named far before its state ("across the neighbouring …") is no rival to the count in Russia
    ("About 2 million Tajiks work abroad. Of these, 800,000 work in Russia and 9,000 across the neighbouring United "
     "Arab Emirates.", {(MIG, "TJK", 800000.0, "", "")},
     {"2 million": ABROAD, "9,000": "migrants in another country (United Arab Emirates), not in Russia"}),
])
def test_migrants_counted_in_another_place(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


@pytest.mark.parametrize(("body", "figures", "left"), [
    ("In Kazakhstan, 40,000 Kyrgyz migrants work on farms, while most work in Russia.", set(),
     {"40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    ("Russia hosts most of them. In Turkey, 40,000 Kyrgyz migrants work in hotels.", set(),
     {"40,000": "migrants in another country (Turkey), not in Russia"}),
    # a part of a group ("of them") in a clause set in another state: not the group's count in Russia
    ("About 800,000 Kyrgyz citizens work abroad. Most work in Russia; in Kazakhstan, 40,000 of them work on farms.",
     set(), {"800,000": ABROAD, "40,000": "migrants in another country (Kazakhstan), not in Russia"}),
    # must not: the state set first is the migrants' own, or the clause names Russia
    ("Most work in Russia. In Kyrgyzstan, 800,000 Kyrgyz are labour migrants.", {(MIG, "KGZ", 800000.0, "", "")}, {}),
    ("In Kyrgyzstan, 800,000 people work in Russia.", {(MIG, "KGZ", 800000.0, "", "")}, {}),
    ("In Russia, 800,000 Kyrgyz migrants work on building sites.", {(MIG, "KGZ", 800000.0, "", "")}, {}),
])
def test_a_state_set_before_the_number_is_where_those_migrants_are(body: str, figures: set, left: dict) -> None:
    found, out = _read(body)
    assert found == figures
    assert out == left


# --- a vote's tally: every number of it, however many digits -------------------------------------------------------

TALLY = "a global vote tally or count of countries"


@pytest.mark.parametrize("body", [
    "Kazakhstan abstained as the resolution passed 141 to 5.",
    "The General Assembly adopted the text 141 to 5. Kyrgyzstan and Kazakhstan abstained.",
    "The resolution was approved by a vote of 93 to 24.",
])
def test_a_vote_tally_of_several_digits_is_said_to_be_one(body: str) -> None:
    found, out = _read(body)
    assert found == set()
    assert set(out.values()) == {TALLY}


def test_a_count_in_a_sentence_without_a_vote_is_no_tally() -> None:
    _, out = _read("The clinic passed 141 patients to specialists; 5 were Tajik.")
    assert TALLY not in out.values()


# --- four digits without a comma: a count when a people noun follows ------------------------------------------------

CODE = "digits without separators or a noun (a code, phone or address), not a count"


def test_four_digits_before_a_demonym_and_its_noun_are_a_count() -> None:
    found, out = _read("Some 1212 Tajik migrant workers were in Russia in 2023.")
    assert found == {(MIG, "TJK", 1212.0, "some", "2023")}
    assert "1212" not in out


@pytest.mark.parametrize("body", [
    "The office at 1212 Lenin Street in Russia helps Tajik migrants.",
    "Call 8800 to reach workers, Tajik migrants in Russia were told.",
])
def test_four_digits_before_other_words_stay_a_code(body: str) -> None:
    found, out = _read(body)
    assert found == set()
    assert CODE in out.values()
