"""Sharp tests that kill the mutants of the number grammar (components/extract/numbers.py) the other tests let live.
TEST MATERIAL: every sentence and number here is invented, none is real reporting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from components.extract.numbers import find_numbers, number_at, to_decimal


def _only(text: str):
    numbers = find_numbers(text)
    assert len(numbers) == 1, numbers
    return numbers[0]


@pytest.mark.parametrize("text", [
    "Remittances rose over 20 percent last spring.",
    "Arrivals grew over 5 million in the invented year.",
    "Transfers increased over 3 million.",
    "Permits declined over 12,000.",
    "Output dropped over 7 million.",
    "Output fell under 5 million.",
    "Remittances ROSE OVER 20 percent.",
])
def test_over_or_under_after_a_change_verb_is_a_preposition_not_a_hedge(text: str) -> None:
    n = _only(text)
    assert (n.qualifier, n.qualifier_start) == ("", -1)
    assert n.lead == n.start


def test_change_verb_at_the_very_start_of_the_text_still_counts() -> None:
    n = _only("rose over 5 million")
    assert (n.start, n.end, n.value, n.qualifier) == (10, 19, Decimal(5_000_000), "")


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Over 20 percent of the invented workers left.", "over"),
    ("The count was under 5 million.", "under"),
    ("Some 5 million came.", "some"),
])
def test_over_under_without_a_change_verb_stay_hedges(text: str, qualifier: str) -> None:
    n = _only(text)
    assert n.qualifier == qualifier
    assert n.qualifier_start == text.lower().index(qualifier)


def test_number_at_reads_only_the_quote_not_the_text_after_it() -> None:
    text = "Some 5 million came."
    at = text.index("5")
    n = number_at(text, 0, at + 1, at, at + 1)  # the quote ends right after "5": the scale word is outside it
    assert n is not None
    assert (n.start, n.end, n.text, n.value, n.kind, n.qualifier) == (at, at + 1, "5", Decimal(5), "count", "some")
    assert number_at(text, 0, len(text), at, at + 1) is None  # read whole, the number is "5 million"


def test_number_at_does_not_join_a_range_past_the_quote() -> None:
    text = "They number between 5 and 7 million."
    at = text.index("5")
    n = number_at(text, 0, at + 1, at, at + 1)
    assert n is not None and not n.is_range and n.value == Decimal(5)


@pytest.mark.parametrize(("value", "decimal"), [
    (4.1, Decimal("4.1")), (0.1, Decimal("0.1")), (2050000.0, Decimal("2050000.0")),
    (3, Decimal(3)), (-12, Decimal(-12)),
])
def test_to_decimal_gives_the_decimal_the_value_prints_as(value: float | int, decimal: Decimal) -> None:
    got = to_decimal(value)
    assert got == decimal
    assert str(got) == str(decimal)


def test_to_decimal_takes_an_int_of_any_length_exactly() -> None:
    huge = 10**5000  # longer than Python prints an int by default (4300 digits): no repr() round trip
    got = to_decimal(huge)
    assert got == Decimal(huge)
    assert got.as_tuple().digits == (1, *[0] * 5000)
