"""Share links: parsing query params into a canonical view, and writing the link back."""

from __future__ import annotations

import pytest

from components.links import MAX_VALUES, Link, parse_link, share_url

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


@pytest.mark.parametrize(("base", "countries", "focus", "expected"), [
    ("http://h:8501/", [], None, "http://h:8501/"),
    ("http://h:8501/?old=1#x", ["KAZ", "TJK"], "TJK", "http://h:8501/?country=KAZ&country=TJK&focus=TJK"),
    ("https://news.example/app", [], "UZB", "https://news.example/app?focus=UZB"),
])
def test_share_url(base, countries, focus, expected):
    assert share_url(base, countries, focus) == expected


def test_share_url_round_trips_through_parse():
    from urllib.parse import parse_qs, urlsplit

    url = share_url("http://h/", ["KGZ", "UZB"], "KGZ")
    raw = parse_qs(urlsplit(url).query)
    assert parse_link(raw) == Link(["KGZ", "UZB"], "KGZ", 0)
