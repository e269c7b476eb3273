"""Phrasings met in the tenth batch of published reporting, each rewritten here in other words with invented numbers.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

import pytest
from phrasing_helpers import CIT, MIG
from phrasing_helpers import figures_read as _figures

from components.extract.numbers import find_numbers, parse_number

# (text, publication date, the figures it states)
CASES = {
    # a day with no year: as of the latest such day on or before the publication date
    "'as of' a day, the year from publication": (
        "As of February 3, there were 734,118 Tajik migrants in Russia, the ministry said.", "2019-02-06",
        {(MIG, "TJK", 734118, "", "2019")}),
    "'as of' a day after the publication day is last year's": (
        "As of December 28, there were 734,118 Tajik migrants in Russia, the ministry said.", "2019-01-04",
        {(MIG, "TJK", 734118, "", "2018")}),
    "'as of' a day without a publication date: no year": (
        "As of February 3, there were 734,118 Tajik migrants in Russia, the ministry said.", "",
        {(MIG, "TJK", 734118, "", "")}),
    # "on <day>" dates what was said, not the count
    "'on' a day is the day of a statement": (
        "On April 9 the deputy said that 97,000 Tajiks obtained Russian citizenship.", "2022-04-12",
        {(CIT, "TJK", 97000, "", "")}),
    # the plural some outlets print after a decimal
    "'1.6 millions'": (
        "As of March 1, 2017, there were more than 1.6 millions Uzbek migrants in Russia.", "",
        {(MIG, "UZB", 1600000, "more than", "2017")}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_phrasings(case: str) -> None:
    body, published, expected = CASES[case]
    assert _figures(body, published) == expected


@pytest.mark.parametrize(("written", "value"), [("1.6 millions", 1600000), ("3 thousands", 3000),
                                                ("2 billions", 2000000000)])
def test_a_plural_scale_word_scales(written: str, value: int) -> None:
    assert parse_number(written) == value


def test_a_range_with_a_plural_scale_word_scales_both_ends() -> None:
    (n,) = find_numbers("between 1.5 and 2 millions migrants")
    assert (n.low, n.high) == (1500000, 2000000)
