"""The nastiest shared links in the real browser: nothing they carry reaches the DOM, and the page still works.

Every payload would set `window.e2epwn` or open a dialog if it ever ran, and carries the marker `e2epwn`, which
must appear nowhere in the rendered document. (The hypothesis fuzz in tests/test_links_fuzz.py covers hundreds
more through AppTest; these are the ones worth a browser.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from components.countries import CENTRAL_ASIA

from .conftest import Shots, Traffic, click_country, expect_focus

pytestmark = pytest.mark.e2e

MARKER = "e2epwn"
# The app's own st.iframe (it writes the normalised link back to the address bar) is checked separately below.
INJECTED = ("script:not([src]):has-text('e2epwn'), img[onerror], svg[onload], iframe:not([data-testid='stIFrame']), "
            "object, embed, [onerror], [onload], [onclick], [onmouseover], [onfocus], a[href^='javascript:' i]")
WRITE_BACK = re.compile(r'owned = new Set\(\["country", "focus", "source"\]\), '
                        r'canonical = "((country=[A-Z]{3}|focus=[A-Z]{3})&?)*";')


def link(*pairs: tuple[str, str]) -> str:
    return "?" + "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)


CASES = {
    "script-in-country": (link(("country", f"<script>window.{MARKER}=1</script>"), ("country", "TJK")), ("TJK",)),
    "img-onerror-in-focus": (link(("focus", f'<img src=x onerror="window.{MARKER}=1;alert(1)">')), ()),
    "javascript-urls": (link(("country", f"javascript:window.{MARKER}=1//"), ("focus", f"javascript:alert('{MARKER}')"),
                             ("focus", "TJK")), ()),
    "attribute-breakout": (link(("country", f"\"><svg/onload=window.{MARKER}=1>"),
                                ("focus", f"'><iframe src=javascript:alert('{MARKER}')></iframe>"),
                                ("country", "KAZ")), ("KAZ",)),
    "huge-repeated-empty": ("?" + "&".join(["country=KAZ"] * 120 + [f"country={MARKER}{'A' * 3000}"] * 2
                                           + ["focus=", "focus=", "=", "country=", f"{MARKER}=%00%FF"]), ("KAZ",)),
}


@pytest.mark.parametrize(("query", "shown"), list(CASES.values()), ids=list(CASES))
def test_hostile_link_is_ignored_never_rendered(open_page: Callable[..., Page], traffic: Traffic, shot: Shots,
                                                query: str, shown: tuple[str, ...]) -> None:
    page = open_page(query)
    expect(page.get_by_text("not recognised and were ignored")).to_be_visible()
    shot(page, "after-load")
    # must not: an injected element, a payload that ran, or the marker anywhere in the document
    expect(page.locator(INJECTED)).to_have_count(0)
    for srcdoc in page.get_by_test_id("stIFrame").evaluate_all("els => els.map(e => e.srcdoc)"):
        assert WRITE_BACK.search(srcdoc) and MARKER not in srcdoc, srcdoc  # only canonical codes reach it
    assert page.evaluate(f"typeof window.{MARKER}") == "undefined"
    assert MARKER not in page.content()
    assert traffic.dialogs == []

    # The page still works: the filter kept only what it recognised, and a click focuses a country.
    focus = shown[0] if shown else "UZB"
    click_country(page, "panel-citizenship_grants", focus)
    expect(page).to_have_url(re.compile(rf"[?&]focus={focus}(&|$)"))
    expect_focus(page, focus, shown=shown or CENTRAL_ASIA)
    params = parse_qs(urlsplit(page.url).query)
    assert set(params.get("country", []) + params.get("focus", [])) <= set(CENTRAL_ASIA), page.url
    page.get_by_role("button", name="Share this view").click()
    expect(page.get_by_test_id("stPopoverBody").get_by_test_id("stCode")).to_contain_text(f"focus={focus}")
    assert MARKER not in page.get_by_test_id("stPopoverBody").inner_text()
    shot(page, "still-works")
    expect(page.locator(INJECTED)).to_have_count(0)
