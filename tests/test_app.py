"""The dashboard run headless with AppTest: filter, focus, clearing it, shared links and broken data."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import store as data_module
from components.countries import CENTRAL_ASIA
from components.links import PARAMS, source_ids
from components.page import controls, panels

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
(SOURCE,) = source_ids(p.name for p in (ROOT / "seeds").glob("*.txt"))


def run_app(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def shown_states(spec: dict) -> list[str]:
    return list(spec["layout"]["yaxis"]["tickvals"])


def focused(spec: dict) -> list[str]:
    axis = spec["layout"]["yaxis"]
    return [v for v, t in zip(axis["tickvals"], axis["ticktext"]) if "▶" in t]


def page_text(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "error", "warning") for e in getattr(at, kind)]
    parts += [h.proto.body for h in at.get("html")] + [c.value for c in at.code]
    return "\n".join(str(p) for p in parts)


def test_first_load_draws_four_panels_and_the_map():
    at = run_app()
    assert not at.exception
    assert not at.error
    specs = charts(at)
    assert len(specs) == 5  # four panels + map
    for spec in specs[:4]:
        assert shown_states(spec) == list(CENTRAL_ASIA)
        assert not focused(spec)
    assert "not reported in the article" in json.dumps(specs[0])
    assert all(c.proto.alt for c in at.get("plotly_chart"))  # text alternative on every chart


def test_every_chart_is_told_to_draw_the_map_from_the_apps_own_geometry():
    from components.geometry import TOPOJSON_URL

    configs = [json.loads(c.proto.config) for c in run_app().get("plotly_chart")]
    assert len(configs) == 5
    # Without it plotly.js fetches the map's geometry from its CDN: a request leaving the app's origin.
    assert all(config.get("topojsonURL") == TOPOJSON_URL for config in configs), configs


def test_filter_limits_every_panel():
    at = run_app()
    at.multiselect(key="country").set_value(["TJK", "KAZ"]).run()
    assert not at.exception
    for spec in charts(at)[:4]:
        assert shown_states(spec) == ["KAZ", "TJK"]
    locations = [loc for t in charts(at)[4]["data"] if t["type"] == "choropleth" for loc in t["locations"]]
    assert sorted(locations) == ["KAZ", "TJK"]


def test_focus_highlights_everywhere_and_opens_the_profile():
    at = run_app()
    at.selectbox(key="focus").set_value("KGZ").run()
    assert not at.exception
    assert all(focused(spec) == ["KGZ"] for spec in charts(at)[:4])
    map_labels = next(t["text"] for t in charts(at)[4]["data"] if t["type"] == "scattergeo")
    assert [t for t in map_labels if "▶" in t] and all(("▶" in t) == ("KGZ" in t) for t in map_labels)
    assert "Kyrgyzstan in the article" in [h.value for h in at.header]
    profile = next(h.proto.body for h in at.get("html") if "class='profile'" in h.proto.body)
    assert "#q-" in profile and "920,000" in profile


def test_clear_focus_button_removes_it():
    at = run_app(focus="UZB")
    assert at.selectbox(key="focus").value == "UZB"
    at.button[0].click().run()
    assert at.selectbox(key="focus").value is None
    assert all(not focused(spec) for spec in charts(at)[:4])
    assert not [h for h in at.header if h.value.endswith("in the article")]


def test_a_click_focuses_and_a_second_click_on_the_same_country_clears(monkeypatch):
    state: dict = {"focus": None, "chart": {"selection": {"points": [{"customdata": "TJK", "point_index": 1}]}}}
    monkeypatch.setattr(panels.st, "session_state", state)
    panels._on_select("chart")
    assert state["focus"] == "TJK"
    panels._on_select("chart")
    assert state["focus"] is None
    state["chart"] = {"selection": {"points": [{"location": "KAZ"}]}}  # a map shape
    panels._on_select("chart")
    assert state["focus"] == "KAZ"
    state["chart"] = {"selection": {"points": []}}  # a deselect leaves the focus alone
    panels._on_select("chart")
    assert state["focus"] == "KAZ"
    controls.toggle_focus(None)
    assert state["focus"] is None


LINKS = [
    # (query params, expected filter, expected focus, notice expected)
    ({"country": ["KAZ", "TJK"], "focus": "TJK"}, ["KAZ", "TJK"], "TJK", False),
    ({"country": ["kaz", "tjk"], "focus": "tjk"}, ["KAZ", "TJK"], "TJK", False),
    ({"country": ["ZZZ", "TJK"]}, ["TJK"], None, True),
    ({"country": ["TJK", "TJK", "tjk"]}, ["TJK"], None, False),
    ({"country": "", "focus": ""}, [], None, False),
    ({"focus": "X" * 5000}, [], None, True),
    ({"focus": "<script>alert('x')</script>", "country": "<img src=x onerror=alert(1)>"}, [], None, True),
    ({"focus": ["UZB", "KGZ"]}, [], "UZB", True),
]


@pytest.mark.parametrize(("params", "countries", "focus", "notice"), LINKS)
def test_shared_links(params, countries, focus, notice):
    at = run_app(**params)
    assert not at.exception
    assert at.multiselect(key="country").value == countries
    assert at.selectbox(key="focus").value == focus
    assert bool([i for i in at.info if "not recognised" in i.value]) == notice
    text = page_text(at)
    for value in (v for vs in params.values() for v in ([vs] if isinstance(vs, str) else vs)):
        if value.upper() not in CENTRAL_ASIA and len(value) > 3:
            assert value not in text  # nothing from the link is echoed onto the page


def test_share_link_shows_the_canonical_view():
    at = run_app(country=["tjk", "kaz"], focus="kaz")
    assert any("country=KAZ&country=TJK&focus=KAZ" in c.value for c in at.code)


@pytest.mark.parametrize("damage", ["missing", "truncated", "wrong type", "edited seed"])
def test_broken_data_shows_a_clear_message_not_a_traceback(tmp_path, monkeypatch, damage):
    data_dir, seeds_dir = tmp_path / "data", tmp_path / "seeds"
    shutil.copytree(ROOT / "data", data_dir)
    shutil.copytree(ROOT / "seeds", seeds_dir)
    figures = data_dir / "figures.csv"
    if damage == "missing":
        figures.unlink()
    elif damage == "truncated":
        figures.write_bytes(figures.read_bytes()[: len(figures.read_bytes()) // 2])
    elif damage == "wrong type":
        rows = list(csv.reader(figures.open(encoding="utf-8", newline="")))
        rows[1][rows[0].index("value")] = "lots"
        with figures.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows(rows)
    else:
        seed = next(seeds_dir.glob("*.txt"))
        seed.write_text(seed.read_text(encoding="utf-8").replace("Remittances", "Transfers"), encoding="utf-8")
    monkeypatch.setattr(data_module, "DATA_DIR", data_dir)
    monkeypatch.setattr(data_module, "SEEDS_DIR", seeds_dir)
    at = run_app()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert "python -m components.extract" in message
    assert "figures.csv" in message
    assert not at.get("plotly_chart")  # nothing untrustworthy is drawn


def test_data_tables_show_on_request_with_the_filtered_rows():
    at = run_app(country=["TJK", "UZB"])
    assert not at.dataframe  # the heavy grid waits to be asked for
    at.toggle(key="show_tables").set_value(True).run()
    figures_table, context_table = at.dataframe
    assert set(figures_table.value["country_iso3"]) == {"TJK", "UZB"}
    assert {"quote", "start", "end"} <= set(figures_table.value.columns)
    assert len(context_table.value) > 0


def written_back(at: AppTest) -> tuple[list[str], str]:
    """The write-back script's two inputs: the parameters it replaces, and the canonical query it puts instead."""
    (frame,) = at.get("iframe")
    found = re.search(r"owned = new Set\((\[.*?\])\), canonical = (\".*?\");", frame.proto.srcdoc)
    assert found, frame.proto.srcdoc
    return json.loads(found.group(1)), json.loads(found.group(2))


@pytest.mark.parametrize(("params", "written"), [
    ({"focus": "tjk"}, "focus=TJK"),
    ({"country": ["uzb", "kaz", "zzz"], "focus": "Kaz"}, "country=KAZ&country=UZB&focus=KAZ"),
    ({"country": "<b>x</b>"}, ""),
    ({"source": [SOURCE.upper() + ".TXT", "nope"], "country": "tjk"}, f"country=TJK&source={SOURCE}"),
])
def test_a_normalised_link_is_written_back_to_the_address_bar(params, written):
    at = run_app(**params)
    assert written_back(at) == (list(PARAMS), written)
    (frame,) = at.get("iframe")
    assert "<b>" not in frame.proto.srcdoc and "nope" not in frame.proto.srcdoc


def test_a_normalised_link_keeps_the_parameters_the_page_does_not_own():
    at = run_app(embed="true", utm_source="x", focus="tjk")
    assert at.session_state["focus"] == "TJK"
    # Streamlit keeps them in its own state; the write-back replaces only the page's own parameters ...
    assert at.query_params["embed"] == "true" and at.query_params["utm_source"] == "x"
    owned, canonical = written_back(at)
    assert "embed" not in owned and "utm_source" not in owned and canonical == "focus=TJK"
    # ... and takes what it keeps from the address bar itself: the values are never passed through the page.
    (frame,) = at.get("iframe")
    assert "utm_source" not in frame.proto.srcdoc and "w.location.search" in frame.proto.srcdoc
    assert not [i for i in at.info if "not recognised" in i.value], "a foreign parameter is not an ignored value"


def test_a_canonical_link_needs_no_rewrite():
    assert not run_app(country=["KAZ", "TJK"], focus="TJK").get("iframe")
    assert not run_app(country="KAZ", source=SOURCE, utm_source="x", embed="true").get("iframe")


def test_a_link_naming_no_known_source_drops_the_parameter():
    at = run_app(source="999_unknown", utm_source="x")
    assert at.session_state["source"] == []
    assert "source" not in at.query_params and at.query_params["utm_source"] == "x"


def test_an_old_link_opens_the_same_view_with_every_source():
    at = run_app(country=["KAZ", "TJK"], focus="TJK")
    assert at.multiselect(key="country").value == ["KAZ", "TJK"]
    assert at.selectbox(key="focus").value == "TJK"
    assert at.session_state["source"] == []  # none named: every source
    assert any(c.value.endswith("?country=KAZ&country=TJK&focus=TJK") for c in at.code)


def test_a_source_link_is_checked_counted_and_never_echoed():
    at = run_app(source=[f" {SOURCE.upper()} ", f"{SOURCE}.txt", "<i>zz9</i>", "999_unknown"], focus="uzb")
    assert at.session_state["source"] == [SOURCE]
    assert at.query_params["source"] == SOURCE  # Streamlit's own copy, which it writes back on every later run
    assert [i.value for i in at.info if "not recognised" in i.value] == [
        f"2 value(s) in the link were not recognised and were ignored. Country codes are {', '.join(CENTRAL_ASIA)}."]
    assert "zz9" not in page_text(at) and "999_unknown" not in page_text(at)
    assert any(c.value.endswith(f"?focus=UZB&source={SOURCE}") for c in at.code), [c.value for c in at.code]


def test_the_profile_heading_says_articles_when_there_are_several(tmp_path, monkeypatch):
    """With the multi-article test fixture loaded, the focused country is 'in the articles'."""
    from tests.multi_fixture import build

    data_dir, seeds_dir = build(tmp_path)
    monkeypatch.setattr(data_module, "DATA_DIR", data_dir)
    monkeypatch.setattr(data_module, "SEEDS_DIR", seeds_dir)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["focus"] = "TJK"
    at.run()
    assert not at.exception
    assert "Tajikistan in the articles" in [h.value for h in at.header]
