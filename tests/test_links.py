"""Share links: parsing query params into a canonical view, and writing the link back."""

from __future__ import annotations

import pytest

from components.links import MAX_VALUES, PARAMS, Link, parse_link, share_url, source_ids

CASES = [
    # (raw params, countries, focus, ignored)
    ({}, [], None, 0),
    ({"country": ["KAZ", "TJK"], "focus": ["TJK"]}, ["KAZ", "TJK"], "TJK", 0),
    ({"country": ["tjk", "Kaz"], "focus": ["uzb"]}, ["KAZ", "TJK"], "UZB", 0),
    ({"country": ["TJK", "tjk", "TJK"]}, ["TJK"], None, 0),
    ({"country": ["XXX", "TJK"]}, ["TJK"], None, 1),
    ({"country": [""], "focus": [""]}, [], None, 0),
    ({"focus": ["KGZ", "TJK"]}, [], "KGZ", 1),
    ({"focus": ["<script>alert(1)</script>"]}, [], None, 1),
    ({"country": ["<img src=x onerror=alert(1)>", "javascript:alert(1)"]}, [], None, 2),
    ({"country": [" uzb "]}, ["UZB"], None, 0),
    ({"country": ["T" * 10_000]}, [], None, 1),
    ({"country": ["TJK"] * (MAX_VALUES + 5)}, ["TJK"], None, 5),
    ({"country": ["Таджикистан", "🇹🇯"]}, [], None, 2),
]


@pytest.mark.parametrize(("raw", "countries", "focus", "ignored"), CASES)
def test_parse_link(raw, countries, focus, ignored):
    link = parse_link(raw)
    assert (link.countries, link.focus, link.ignored) == (countries, focus, ignored)


def test_canonical_is_what_a_clean_link_holds():
    assert Link(["KAZ"], "TJK").canonical() == {"country": ["KAZ"], "focus": ["TJK"]}
    assert Link().canonical() == {}
    clean = {"country": ["KAZ", "TJK"], "focus": ["TJK"]}
    assert parse_link(clean).canonical() == clean


KNOWN = ["000_0ee909451b434f49", "001_a1b2c3d4e5f60718"]  # stems shaped like seeds/ names (test material)
A, B = KNOWN

SOURCE_CASES = [
    # (raw params, sources, ignored)
    ({}, [], 0),
    ({"source": [B, A]}, [A, B], 0),  # the order of the known list, not of the link
    ({"source": [A.upper(), f" {B}.TXT ", f"{A}.txt", A]}, [A, B], 0),  # any case, with or without .txt, once
    ({"source": ["", " "]}, [], 0),
    ({"source": ["002_unknown", A, "../seeds/000", "<b>x</b>"]}, [A], 3),
    ({"source": [f"{A}.md", A[:-1], f"{A}x", f"x{A}"]}, [], 4),  # near misses are not matches
    ({"source": [A] * (MAX_VALUES + 3)}, [A], 3),
    ({"source": ["nope"] * MAX_VALUES + [A]}, [], MAX_VALUES + 1),  # past the cap even a known one is dropped
    ({"source": [A], "country": ["zzz"], "focus": ["TJK", "UZB"]}, [A], 2),  # counted with the other params
]


@pytest.mark.parametrize(("raw", "sources", "ignored"), SOURCE_CASES)
def test_parse_link_sources(raw, sources, ignored):
    link = parse_link(raw, KNOWN)
    assert (link.sources, link.ignored) == (sources, ignored)


def test_sources_are_unknown_when_the_page_lists_none():
    assert parse_link({"source": [A]}) == Link(ignored=1)
    assert parse_link({"source": [A]}, iter(KNOWN)).sources == [A]  # any iterable of stems


def test_an_old_link_opens_the_same_view_with_every_source():
    old = {"country": ["KAZ", "TJK"], "focus": ["TJK"]}
    assert parse_link(old, KNOWN) == parse_link(old) == Link(["KAZ", "TJK"], "TJK", 0, [])
    assert parse_link(old, KNOWN).canonical() == old


def test_canonical_pairs_put_sources_last():
    link = Link(["KGZ"], "KGZ", 0, [A, B])
    assert link.canonical_pairs() == [("country", "KGZ"), ("focus", "KGZ"), ("source", A), ("source", B)]
    assert link.canonical() == {"country": ["KGZ"], "focus": ["KGZ"], "source": [A, B]}
    assert Link(sources=[B]).canonical() == {"source": [B]}


def test_source_ids_are_the_seed_file_stems():
    assert source_ids([f"{A}.txt", f"{B}.txt"]) == KNOWN
    assert source_ids([]) == []


def test_the_page_owns_exactly_three_parameters():
    # Every other parameter (embed, embed_options, utm_*...) is left alone when the page rewrites the address.
    assert PARAMS == ("country", "focus", "source")
    assert parse_link({"embed": ["true"], "utm_source": ["x"], "Country": ["KAZ"]}) == Link()


@pytest.mark.parametrize(("base", "countries", "focus", "expected"), [
    ("http://h:8501/", [], None, "http://h:8501/"),
    ("http://h:8501/?old=1#x", ["KAZ", "TJK"], "TJK", "http://h:8501/?country=KAZ&country=TJK&focus=TJK"),
    ("https://news.example/app", [], "UZB", "https://news.example/app?focus=UZB"),
    ("https://news.example/app?embed=true&utm_source=x", [], "UZB", "https://news.example/app?focus=UZB"),
    ("http://h/#frag?country=KAZ", ["TJK"], None, "http://h/?country=TJK"),
    ("http://h/app?a=1?b=2#x#y", [], "KAZ", "http://h/app?focus=KAZ"),  # a second ? or # is still dropped
    ("http://h/app#x#y", [], "KAZ", "http://h/app?focus=KAZ"),
    ("http://h/app?", [], None, "http://h/app"),
])
def test_share_url(base, countries, focus, expected):
    assert share_url(base, countries, focus) == expected


def test_share_url_carries_the_sources_but_nothing_foreign():
    url = share_url("https://n.example/app?embed=true&utm_source=x&ref=y", ["KAZ"], None, [A])
    assert url == f"https://n.example/app?country=KAZ&source={A}"
    assert share_url("http://h/", [], None, []) == share_url("http://h/", [], None) == "http://h/"


def test_share_url_round_trips_through_parse():
    from urllib.parse import parse_qs, urlsplit

    url = share_url("http://h/", ["KGZ", "UZB"], "KGZ", [B])
    raw = parse_qs(urlsplit(url).query)
    assert parse_link(raw, KNOWN) == Link(["KGZ", "UZB"], "KGZ", 0, [B])
