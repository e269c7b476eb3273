"""Hostile and broken share links, generated: parse_link only ever yields the canonical view and counts what it
dropped; the whole page (through AppTest) never raises and never renders a payload.

Values mix real codes and source stems in any case and spacing, script/img/javascript: payloads, unicode, huge
strings, empty strings and repeated keys, under the page's own parameters and foreign ones (utm_source, ref...).
Payloads carry the marker below, which must appear in no element of the page.
(tests/e2e/test_hostile_links.py sends the nastiest through the real browser.)
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.runtime.state.query_params import sanitize_query_string
from streamlit.testing.v1 import AppTest

from components.countries import CENTRAL_ASIA
from components.links import MAX_VALUES, PARAMS, Link, parse_link, share_url, source_ids

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
SOURCES = source_ids(p.name for p in sorted((ROOT / "seeds").glob("*.txt")))  # the stems the page knows
KNOWN = [*SOURCES, "001_a1b2c3d4e5f60718"]  # and one more, shaped like a seed's stem, for the unit property
MARKER = "zq9pwn"
PAYLOADS = (
    f"<script>window.{MARKER}=1</script>", f'<img src=x onerror="{MARKER}()">', f"javascript:{MARKER}()",
    f'"><svg/onload={MARKER}()>', f"'><iframe src=javascript:{MARKER}()>", f"<a href=javascript:{MARKER}>x</a>",
    f"{MARKER}<!--", f"**{MARKER}** [x](javascript:{MARKER})", f"{{{{{MARKER}}}}}", f"%3Cscript%3E{MARKER}",
    f"&lt;b&gt;{MARKER}", f"<style>*{{background:url({MARKER})}}</style>", f"{MARKER}\x00\u202e\ufeff",
)

codes = st.sampled_from(CENTRAL_ASIA)
stems = st.tuples(st.sampled_from(KNOWN), st.sampled_from(["", " ", "\u00a0"]), st.sampled_from(["", ".txt", ".TXT"]),
                  st.sampled_from([str.upper, str.lower])).map(lambda t: f"{t[1]}{t[3](t[0])}{t[2]}{t[1]}")
spaced_codes = st.tuples(codes, st.sampled_from(["", " ", "\t", "\u00a0", "\n"]),
                         st.sampled_from([str.upper, str.lower, str.title])).map(lambda t: f"{t[1]}{t[2](t[0])}{t[1]}")
payloads = st.sampled_from(PAYLOADS)
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
huge = st.integers(1_000, 6_000).map(lambda n: ("KAZ" if n % 2 else "<b>") * n)
short = st.one_of(spaced_codes, stems, payloads, unicode_text, st.just(""), st.just(" "))
repeated = st.lists(short, min_size=MAX_VALUES - 2, max_size=MAX_VALUES + 8)  # around the cap on values
value_lists = st.one_of(st.lists(st.one_of(short, huge), max_size=6), repeated)
junk_keys = st.one_of(st.sampled_from(["Country", "FOCUS", "country[]", "focus ", "", "__proto__", "Source",
                                      "utm_source", "embed_options", "ref"]), unicode_text)
links = st.dictionaries(st.one_of(st.sampled_from(PARAMS), junk_keys), value_lists, max_size=4)


def known_source(v: str, known: list[str]) -> str | None:
    """The stem a source value names (any case, `.txt` or not), if it names one the page has."""
    v = v.strip().lower()
    return next((s for s in known if v in (s.lower(), s.lower() + ".txt")), None)


def expected_ignored(raw: dict[str, list[str]], known_sources: list[str]) -> int:
    """The rule, restated: non-blank unknown filter or source values among the first MAX_VALUES of each, every value
    past them, and every non-blank focus value but the first valid one."""
    def known(v: str) -> bool:
        return v.strip().upper() in CENTRAL_ASIA

    countries, focus, sources = raw.get("country", []), raw.get("focus", []), raw.get("source", [])
    ignored = sum(1 for v in countries[:MAX_VALUES] if v.strip() and not known(v))
    ignored += max(0, len(countries) - MAX_VALUES)
    ignored += sum(1 for v in focus if v.strip()) - (1 if any(known(v) for v in focus) else 0)
    ignored += sum(1 for v in sources[:MAX_VALUES] if v.strip() and not known_source(v, known_sources))
    ignored += max(0, len(sources) - MAX_VALUES)
    return ignored


@settings(max_examples=600, deadline=None, database=None)
@given(links)
def test_parse_link_yields_only_the_canonical_view(raw: dict[str, list[str]]) -> None:
    link = parse_link(raw, KNOWN)
    assert link.countries == [c for c in CENTRAL_ASIA if c in link.countries], "region order, no duplicates"
    assert link.focus is None or link.focus in CENTRAL_ASIA
    assert link.sources == [s for s in KNOWN if s in link.sources], "known order, no duplicates"
    assert link.ignored == expected_ignored(raw, KNOWN)
    wanted = {v.strip().upper() for v in raw.get("country", [])[:MAX_VALUES]} & set(CENTRAL_ASIA)
    assert set(link.countries) == wanted
    named = {known_source(v, KNOWN) for v in raw.get("source", [])[:MAX_VALUES]} - {None}
    assert set(link.sources) == named
    canonical = link.canonical()
    assert set(canonical) <= set(PARAMS)
    assert all(v in CENTRAL_ASIA for name in ("country", "focus") for v in canonical.get(name, []))
    assert set(canonical.get("source", [])) <= set(KNOWN)
    # A canonical link reads back as itself, with nothing ignored; so does the share link written from it.
    assert parse_link(canonical, KNOWN) == Link(link.countries, link.focus, 0, link.sources)
    shared = parse_qs(urlsplit(share_url("http://127.0.0.1:8501/?utm_x=1", link.countries, link.focus,
                                         link.sources)).query)
    assert parse_link(shared, KNOWN) == Link(link.countries, link.focus, 0, link.sources)
    assert set(shared) <= set(PARAMS), "the share link carries only the page's own parameters"


def page_strings(at: AppTest) -> list[str]:
    """Every element the run produced, as the text of its message (all string fields, escaped or not)."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    return out


def as_received(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    """The params the app gets: Streamlit drops a whole query string past its size or field-count limits."""
    return parse_qs(sanitize_query_string(urlencode(raw, doseq=True)), keep_blank_values=True)


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(links)
@example({"country": ["KAZ" * 180_000], "focus": [f"<script>{MARKER}</script>"]})  # past the size limit
@example({"country": ["TJK"] * 1001, "focus": ["tjk"]})  # past the field-count limit
@example({"country": [*PAYLOADS, "kaz", " TJK "], "focus": [*PAYLOADS, "", "uzb"]})
def test_dashboard_survives_any_link_and_never_renders_it(raw: dict[str, list[str]]) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, vals in raw.items():
        at.query_params[key] = vals
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert len(at.get("plotly_chart")) == 5, "the four panels and the map are drawn"
    received = as_received(raw)
    link = parse_link({k: received.get(k, []) for k in PARAMS}, SOURCES)
    notices = [i.value for i in at.info if "not recognised" in i.value]
    if link.ignored:
        assert notices == [f"{link.ignored} value(s) in the link were not recognised and were ignored. Country codes "
                           f"are {', '.join(CENTRAL_ASIA)}."]
    else:
        assert notices == []
    assert list(at.session_state["country"]) == link.countries
    assert at.session_state["focus"] == link.focus
    assert at.session_state["source"] == link.sources
    # must not: a payload (or any trace of one) in any element: markdown, html, captions, notices, code
    leaked = [s[:200] for s in page_strings(at) if MARKER in s]
    assert not leaked, leaked
