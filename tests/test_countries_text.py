"""Units of the text layer: country names and demonyms, numbers as written, sentences, offsets."""

from __future__ import annotations

import re

import pytest
from conftest import csv_rows

from components.countries import CENTRAL_ASIA, countries_in, country_name, resolve
from components.extract.text import ABBREVIATIONS, Seed, article_metadata, body_span, parse_number, sentence_spans


@pytest.mark.parametrize(("form", "iso3"), [
    ("Tajikistan", "TJK"), ("Tajikistan-born", "TJK"), ("Tajik", "TJK"), ("Tajiks", "TJK"),
    ("Uzbekistan", "UZB"), ("Uzbek", "UZB"), ("Uzbeks", "UZB"),
    ("Kazakhstan", "KAZ"), ("Kazakh", "KAZ"), ("Kazakhs", "KAZ"),
    ("Kyrgyzstan", "KGZ"), ("Kyrgyz", "KGZ"), ("Turkmenistan", "TKM"), ("Turkmen", "TKM"),
    ("  Uzbeks ", "UZB"), ("the Kyrgyz Republic", "KGZ"), ("Kirghiz", "KGZ"), ("Kirghizia", "KGZ"),
    ("Tajikistani", "TJK"), ("Tajikistanis", "TJK"), ("Kazakhstani", "KAZ"), ("Uzbekistani", "UZB"),
    ("Uzbekistan's", "UZB"), ("Kyrgyzstan’s", "KGZ"), ("Kazakhs’", "KAZ"),
])
def test_resolve_names_and_demonyms(form: str, iso3: str) -> None:
    assert resolve(form) == iso3


@pytest.mark.parametrize("form", ["Russia", "Afghanistan", "Ukrainian", "tajiks", "Tajikistanistan", "", "born",
                                  "Kazakhstani firm"])
def test_resolve_unknown_raises_key_error(form: str) -> None:
    with pytest.raises(KeyError):
        resolve(form)


def test_every_central_asian_state_has_a_name() -> None:
    names = {iso3: country_name(iso3) for iso3 in CENTRAL_ASIA}
    assert all(resolve(name) == iso3 for iso3, name in names.items())
    with pytest.raises(KeyError):
        country_name("XXX")


@pytest.mark.parametrize(("text", "expected"), [
    ("Kazakhstan, Kyrgyzstan and Tajikistan abstained", ["KAZ", "KGZ", "TJK"]),
    ("mostly Uzbeks and Tajiks, then Uzbekistan again", ["UZB", "TJK"]),
    ("a Kazakhstani firm in Russia", ["KAZ"]),  # a demonym of its own, not "Kazakh" plus letters
    ("the Kazakhstanization of Russia", []),  # "Kazakhstan" inside a longer word is not a mention
    ("Bishkek or Badakhshan", []),
])
def test_countries_in(text: str, expected: list[str]) -> None:
    assert countries_in(text) == expected


@pytest.mark.parametrize(("written", "number"), [
    ("4.5 million", 4_500_000), ("920,000", 920_000), ("30%", 30), ("three", 3), ("a dozen", 12),
    ("$475", 475), ("50s", 50), ("2.4\u00a0million", 2_400_000), (" 7 thousand ", 7_000), ("1.25 billion", 1.25e9),
    ("Twelve", 12), ("12.5%", 12.5), ("one", 1), ("two", 2),
])
def test_parse_number(written: str, number: float) -> None:
    assert parse_number(written) == number


@pytest.mark.parametrize("written", ["", "abc", "March 2", "2008-2014", "did not vote", "million", "1,2,3x"])
def test_parse_number_rejects_non_numbers(written: str) -> None:
    with pytest.raises(ValueError):
        parse_number(written)


def test_sentence_spans_do_not_split_at_abbreviated_months(seed: str) -> None:
    spans = sentence_spans(seed)
    ends = {e for _, e in spans}
    dates = list(re.finditer(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.\s+\d+", seed))
    assert dates, "the seed has no abbreviated date to test with"
    for m in dates:
        dot = seed.index(".", m.start()) + 1
        assert dot not in ends, f"sentence split after {m.group(0)!r}"
        assert any(s <= m.start() and m.end() <= e for s, e in spans)


@pytest.mark.parametrize("abbr", ["Feb", "Sept", "Dr", "U.S"])
def test_sentence_spans_keep_abbreviations_inside(abbr: str) -> None:
    day = str(len(abbr) + 20)
    first = f"Recruiters came on {abbr}. {day} to the metro."
    text = f"{first} Then they left."
    assert [text[s:e] for s, e in sentence_spans(text)] == [first, "Then they left."]


def test_sentence_spans_split_paragraphs_and_strip_space() -> None:
    text = "  One sentence here.  Another one!\n\n“A quote,” he said. 12 rows follow.\u00a0\n"
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == ["One sentence here.", "Another one!", "“A quote,” he said.", "12 rows follow."]


def test_abbreviations_include_the_months_the_seed_uses(seed: str) -> None:
    used = set(re.findall(r"\b([A-Z][a-z]{2,3})\.\s+\d", seed))
    assert used and used <= set(ABBREVIATIONS)


def test_seed_has_non_breaking_spaces_and_offsets_still_match(seed: str) -> None:
    nbsp = [m.start() for m in re.finditer("\u00a0", seed)]
    assert nbsp, "the seed contains no U+00A0"
    assert len(seed.encode("utf-8")) > len(seed), "offsets are characters, not bytes"
    rows = csv_rows("figures") + csv_rows("context")
    after = [r for r in rows if int(r["start"]) > nbsp[0]]
    assert after, "no row lies after the first non-breaking space"
    for r in after:
        assert seed[int(r["start"]):int(r["end"])] == r["quote"]
        assert seed[int(r["value_start"]):int(r["value_end"])] == r["value_text"]
    # A value written after a non-breaking space is still found whole, at its offsets.
    assert any(re.search("\u00a0\\s*" + re.escape(r["value_text"]), r["quote"]) for r in rows)
    # Quotes keep the U+00A0 of the text rather than normalising it away.
    assert any("\u00a0" in r["quote"] for r in rows)


def test_body_ends_at_the_donation_footer(seed: str) -> None:
    start, end = body_span(seed)
    assert start == 0 and 0 < end < len(seed)
    assert seed[end:].lstrip().startswith(("…", "..."))
    assert "favor to ask" in seed[end:end + 40]


def test_article_metadata_takes_no_date_or_url_the_text_does_not_give() -> None:
    seed = Seed("x.txt", "Support The Example Post!\n\nA Headline Here\n\nBody text. More body.\n")
    assert article_metadata(seed) == {"file": "x.txt", "title": "A Headline Here", "outlet": "The Example Post"}
    with_url = Seed("y.txt", "A Headline\n\nRead it at https://example.org/a-story today.\n")
    assert article_metadata(with_url)["url"] == "https://example.org/a-story"
