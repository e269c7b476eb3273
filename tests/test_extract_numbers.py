"""Numbers as written, read exactly; front matter; the explain API other stages import. Invented examples only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from components.extract.explain import FATES, number_fates
from components.extract.numbers import find_numbers, parse_number
from components.extract.pipeline import article_row, build_tables
from components.extract.text import Seed, SeedError, body_span, front_matter, read_seed
from components.store import format_cell


@pytest.mark.parametrize(("written", "value"), [
    ("4.1 million", "4100000"), ("2.05 million", "2050000"), ("1.1m", "1100000"), ("3.9mn", "3900000"),
    ("0.3%", "0.3"), ("45.3%", "45.3"), ("1.45 billion", "1450000000"), ("26.9", "26.9"), ("12,345", "12345"),
    ("one million", "1000000"), ("two million", "2000000"), ("half a million", "500000"), ("a dozen", "12"),
    ("half a dozen", "6"), ("twelve thousand", "12000"), ("eight hundred thousand", "800000"),
    ("forty-five thousand", "45000"), ("thirty-two", "32"), ("one and a half million", "1500000"),
])
def test_values_are_exactly_what_the_words_say(written: str, value: str) -> None:
    got = parse_number(written)
    assert Decimal(repr(got)) == Decimal(value)
    assert format_cell(got) == value  # written to CSV exactly, never 4099999.9999999995


@pytest.mark.parametrize(("text", "low", "high", "value_text"), [
    ("between 600,000 and 700,000 workers", 600000, 700000, "600,000 and 700,000"),
    ("600,000 to 700,000 workers", 600000, 700000, "600,000 to 700,000"),
    ("600,000–700,000 workers", 600000, 700000, "600,000–700,000"),
    ("estimates run from 2 to 2.5 million", 2000000, 2500000, "2 to 2.5 million"),
    ("between 1.2 and 1.4 million", 1200000, 1400000, "1.2 and 1.4 million"),
    ("28–30 percent of GDP", 28, 30, "28–30"),
])
def test_ranges_keep_low_and_high(text: str, low: int, high: int, value_text: str) -> None:
    (n,) = [n for n in find_numbers(text) if n.kind in ("count", "percent")]
    assert (n.value, n.low, n.high, n.text) == (None, low, high, value_text)


@pytest.mark.parametrize("text", ["rose from 2.9 million to 3.3 million", "by 20% to 1.1 million",
                                  "29 and 28 percent", "3 or 4 million"])
def test_changes_and_lists_are_not_ranges(text: str) -> None:
    assert not any(n.is_range for n in find_numbers(text))


@pytest.mark.parametrize(("text", "qualifier"), [
    ("nearly 1.1 million", "nearly"), ("more than 3,000", "more than"), ("an estimated 6.8 million", "an estimated"),
    ("fewer than 3,000", "fewer than"), ("up to 1.2 million", "up to"), ("some 870,000", "some"),
    ("below 1%", "below"), ("roughly 740,000", "roughly"), ("approximately 350,000", "approximately"),
    ("Almost 104,000", "almost"), ("at least 25,000", "at least"), ("less than 1 percent", "less than"),
])
def test_hedges_are_kept(text: str, qualifier: str) -> None:
    (n,) = find_numbers(text)
    assert n.qualifier == qualifier


@pytest.mark.parametrize(("text", "kind"), [
    ("$475", "money"), ("2.3 billion U.S. dollars", "money"), ("50,000 rubles", "money"), ("in 2021", "year"),
    ("March 2", "date"), ("7 April", "date"), ("A/RES/ES-11/1", "code"), ("the 3rd", "ordinal"), ("his 50s", "decade"),
    ("a third of GDP", "fraction"), ("hundreds of thousands", "vague"), ("5 percentage points", "points"),
    ("2008-2014", "year"),
])
def test_number_kinds(text: str, kind: str) -> None:
    assert {n.kind for n in find_numbers(text)} == {kind}


FRONT = ("---\ntitle: Passports for the periphery\noutlet: Test Desk (invented)\npublished: 2023-05-04\n"
         "url: https://example.test/a\nlanguage: en\n---\n\nIn 2022, 9,100 Tajiks received Russian citizenship.\n")


def test_front_matter_is_read_and_offsets_index_the_file() -> None:
    seed = Seed("f.txt", FRONT)
    meta, start = front_matter(FRONT)
    assert meta["published"] == "2023-05-04" and FRONT[start:].lstrip().startswith("In 2022")
    assert body_span(FRONT)[0] == start
    assert article_row(seed) == {"source": "f.txt", "title": "Passports for the periphery",
                                 "outlet": "Test Desk (invented)", "published": "2023-05-04",
                                 "url": "https://example.test/a", "language": "en"}
    tables = build_tables([seed])
    row = tables["figures.csv"].splitlines()[1]
    assert "9100" in row and "citizenship_grants" in row
    at = FRONT.index("9,100")
    assert f",{at},{at + 5}" in row


@pytest.mark.parametrize(("text", "message"), [
    ("---\ntitle: x\n\nno closing line\n", "never closed"),
    ("---\ntitle: x\nthis line has no colon\n---\nbody\n", "not 'key: value'"),
    ("---\ntitle: x\npublished: May 4, 2023\n---\nbody\n", "YYYY-MM-DD"),
    ("---\ntitle: x\n---\n\n", "no article text"),
])
def test_malformed_front_matter_fails_clearly(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SeedError, match=message) as err:
        read_seed(path)
    assert "bad.txt" in str(err.value)


def test_number_fates_api() -> None:
    seed = Seed("f.txt", FRONT)
    tables = build_tables([seed])
    import csv
    import io
    figures = list(csv.DictReader(io.StringIO(tables["figures.csv"])))
    for r in figures:
        for k in ("start", "end", "value_start", "value_end"):
            r[k] = int(r[k])
    fates = number_fates(seed, figures, [])
    assert {tuple(sorted(f)) for f in fates} == {("country_iso3", "end", "fate", "indicator", "reason", "source",
                                                  "start", "token")}
    assert {f["fate"] for f in fates} <= set(FATES)
    by_token = {f["token"]: f for f in fates}
    assert by_token["9,100"]["fate"] == "figure" and by_token["9,100"]["country_iso3"] == "TJK"
    assert by_token["2022"]["reason"].startswith("the year of a figure")
    in_front = [f for f in fates if f["start"] < body_span(FRONT)[0]]
    assert in_front and all("front matter" in f["reason"] for f in in_front)
