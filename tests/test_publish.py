"""The static edition: what the built page says equals data/, it stays light, and it asks nothing of other hosts."""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

from components.countries import CENTRAL_ASIA, country_name
from components.indicators import BY_ID
from components.links import MAX_VALUES
from components.publish import build as publish
from components.store import load_context, load_figures, load_package, seed_texts
from components.views.context import ORDER
from components.views.labels import NOT_REPORTED, PANELS, panel_title, source_line, vote_style
from components.views.svg_charts import BAR_SPAN
from tests.html_tree import Node, parse

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 600 * 1024  # total transfer with the host's gzip, from the issue
NUMBER = re.compile(r"\d[\d,.]*")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Node]:
    out = tmp_path_factory.mktemp("site")
    index = publish.run(out)
    text = index.read_text(encoding="utf-8")
    return out, text, parse(text)


@pytest.fixture(scope="module")
def figures():
    return load_figures()


@pytest.fixture(scope="module")
def context():
    return load_context()


def rows_of(page: Node, indicator: str) -> dict[str, Node]:
    panel = page.find("section", id=f"panel-{indicator}")
    rows = panel.find_all("g", cls="row")
    return {r.attrs["data-iso"]: r for r in rows}


def test_every_panel_lists_all_five_countries_in_order(built):
    _, _, page = built
    for indicator in PANELS:
        assert list(rows_of(page, indicator)) == list(CENTRAL_ASIA), indicator


def test_bar_labels_are_the_articles_words_and_bars_scale_with_the_values(built, figures):
    _, _, page = built
    for indicator in PANELS[:3]:
        mine = figures[figures["indicator"] == indicator].set_index("country_iso3")
        top = mine["value"].max()
        for iso3, row in rows_of(page, indicator).items():
            if iso3 in mine.index:
                assert row.find("tspan", cls="val").text == mine.loc[iso3, "value_text"]
                width = float(row.find("rect", cls="bar").attrs["width"].rstrip("%"))
                assert width == pytest.approx(BAR_SPAN * mine.loc[iso3, "value"] / top, abs=0.01)
                assert NOT_REPORTED not in row.text
            else:
                assert row.find("tspan", cls="nr").text == NOT_REPORTED
                assert not row.find_all("rect", cls="bar"), f"{indicator} {iso3}: a bar where nothing is reported"


def test_not_reported_placeholders_where_data_has_no_row(built, figures):
    _, _, page = built
    missing_workers = set(CENTRAL_ASIA) - set(figures.loc[figures["indicator"] == "migrant_workers", "country_iso3"])
    assert missing_workers, "the article leaves some states' migrant workers out"
    for indicator in PANELS:
        have = set(figures.loc[figures["indicator"] == indicator, "country_iso3"])
        shown = {iso3 for iso3, row in rows_of(page, indicator).items() if NOT_REPORTED in row.text}
        assert shown == set(CENTRAL_ASIA) - have, indicator


def test_vote_panel_shows_words_shape_and_colour(built, figures):
    _, _, page = built
    votes = figures[figures["indicator"] == "un_ga_vote"].set_index("country_iso3")
    for iso3, row in rows_of(page, "un_ga_vote").items():
        if iso3 not in votes.index:
            assert NOT_REPORTED in row.text
            continue
        position = votes.loc[iso3, "position"]
        cell = row.find("svg", cls="pos")
        assert cell.find("text").children[0] == position
        mark = cell.find(cls="mk")
        colour = mark.attrs.get("fill") if mark.attrs.get("fill") != "none" else mark.attrs.get("stroke")
        assert colour == vote_style(position)["colour"]


def test_panels_carry_title_source_and_text_alternative(built, figures):
    _, _, page = built
    outlet = load_package()["article"]["outlet"]
    for indicator in PANELS:
        panel = page.find("section", id=f"panel-{indicator}")
        assert panel.find("h3").text == panel_title(indicator, figures)
        assert panel.find("p", cls="src").text == source_line(indicator, figures, outlet)
        alt = panel.find("svg", cls="chart").attrs["aria-label"]
        for iso3 in CENTRAL_ASIA:
            assert country_name(iso3) in alt


def test_map_shades_every_state_and_labels_it(built, figures):
    _, _, page = built
    svg = page.find("svg", cls="map")
    shapes = {n.attrs["data-iso"]: n for n in svg.find_all("path", cls="shape")}
    labels = {n.attrs["data-iso"]: n for n in svg.find_all("text", cls="lbl")}
    assert list(shapes) == list(CENTRAL_ASIA) and list(labels) == list(CENTRAL_ASIA)
    for indicator in PANELS:
        mine = figures[figures["indicator"] == indicator].set_index("country_iso3")
        for iso3, shape in shapes.items():
            label = shape.attrs[f"data-l-{indicator}"]
            if iso3 in mine.index:
                expected = mine.loc[iso3, "position"] or mine.loc[iso3, "value_text"]
                assert label == expected and shape.attrs[f"data-f-{indicator}"].startswith("#")
            else:
                assert label == "not reported" and shape.attrs[f"data-f-{indicator}"] == "url(#hatch)"
    default = publish.MAP_DEFAULT
    for iso3, label in labels.items():
        assert label.find("tspan", cls="lv").text == shapes[iso3].attrs[f"data-l-{default}"]


def test_profiles_quote_every_figure_and_link_into_the_article(built, figures):
    _, _, page = built
    ids = {n.attrs["id"] for n in page.iter() if "id" in n.attrs}
    for iso3 in CENTRAL_ASIA:
        profile = page.find("details", data_profile=iso3)
        assert profile.find("summary").text == country_name(iso3)
        rows = {r.find("th").text: r for r in profile.find("tbody").find_all("tr")}
        mine = figures[figures["country_iso3"] == iso3]
        for r in mine.itertuples():
            row = rows[BY_ID[r.indicator].heading]
            assert row.find("td", cls="v").text == r.value_text
            assert row.find("q").text == r.quote
            assert row.find("a").attrs["href"] == f"#q-{r.start}" and f"q-{r.start}" in ids
        assert profile.text.count(NOT_REPORTED) == len(PANELS) - len(mine)


def test_context_facts_listed_with_value_label_and_quote(built, context):
    _, _, page = built
    section = page.find("section", aria_labelledby="context")
    items = section.find_all("li")
    assert len(items) == len(context)
    assert [h.text for h in section.find_all("h3")] == list(dict.fromkeys(
        c for c in [*ORDER, *context["category"]] if c in set(context["category"])))
    for r in context.itertuples():
        item = next(i for i in items if i.find("a").attrs["href"] == f"#q-{r.start}" and r.label in i.text)
        assert item.find("strong", cls="fv").text == " ".join(p for p in (r.qualifier, r.value_text) if p)
        assert item.find("a").attrs["title"] == r.quote


def test_article_view_is_the_seed_with_every_quote_marked_exactly(built, figures, context):
    _, _, page = built
    seed = seed_texts()[load_package()["article"]["file"]]
    article = page.find("div", cls="article")
    marks = {m.attrs["id"]: m for m in article.find_all("mark")}
    for r in [*figures.itertuples(), *context.itertuples()]:
        assert marks[f"q-{r.start}"].text == r.quote
        assert r.value_text in [s.text for s in marks[f"q-{r.start}"].find_all("strong")]
    words = "".join(p.text for p in article.find_all("p"))
    body = re.sub(r"↩", "", words)
    assert re.sub(r"\s+", "", body) == re.sub(r"\s+", "", seed)


def test_header_headline_summary_and_source_from_data(built, figures):
    _, _text, page = built
    package = load_package()
    assert page.find("html").attrs["lang"] == "en"
    assert page.find("meta", name="viewport").attrs["content"].startswith("width=device-width")
    assert page.find("meta", name="description").attrs["content"]
    assert page.find("h1").text == package["article"]["title"]
    summary = page.find("p", cls="summary").text
    assert len(re.findall(r"[.!?](?:\s|$)", summary)) == 2
    written = set(figures["value_text"]) | set(figures["as_of"]) | set(figures["year"])
    for number in NUMBER.findall(summary):
        assert any(number.rstrip(".,") in w for w in written), f"{number!r} in the summary is not from data/"
    source = page.find("p", cls="source").text
    assert package["article"]["outlet"] in source and package["article"]["file"] in source
    assert "http" not in source  # the seed gives no URL; none is invented


def test_every_data_value_is_in_the_html_itself(built, figures, context):
    """The numbers read with JavaScript off: they are in the markup, not written by the script."""
    _, text, _page = built
    visible = html.unescape(re.sub(r"<script>.*?</script>", "", text, flags=re.S))
    for value in [*figures["value_text"], *context["value_text"]]:
        assert value in visible


def test_total_transfer_within_budget(built):
    out, text, _ = built
    files = [p for p in out.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    zipped = sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in files)
    page = len(gzip.compress(text.encode("utf-8"), compresslevel=6))
    print(f"site/: {raw / 1024:.1f} KB raw, {zipped / 1024:.1f} KB gzipped; index.html {page / 1024:.1f} KB gzipped")
    assert zipped <= BUDGET, f"site/ is {zipped / 1024:.0f} KB gzipped, budget {BUDGET // 1024} KB"


def test_no_resource_leaves_the_origin(built):
    _, _text, page = built
    for node in page.iter():
        for attr in ("src", "href", "srcset", "action", "data", "poster", "xlink:href"):
            value = node.attrs.get(attr, "").strip().lower()
            if value:
                assert not re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", value), f"<{node.tag} {attr}={value!r}>"
                assert not value.startswith("javascript:"), value
                assert not value.startswith("data:") or (node.tag == "link" and value == "data:,")
    css = page.find("style").text
    assert "@import" not in css and not re.search(r"url\(\s*['\"]?(?:https?:)?//", css)
    assert not page.find_all("link", rel="stylesheet") and not page.find_all("iframe")
    assert all(not s.attrs.get("src") for s in page.find_all("script"))
    csp = page.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in csp and "connect-src" not in csp


def test_csp_allows_exactly_the_inline_script_and_style(built):
    _, _, page = built
    csp = page.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    for node in [*page.find_all("script"), *page.find_all("style")]:
        digest = base64.b64encode(hashlib.sha256(node.text.encode("utf-8")).digest()).decode()
        assert digest in allowed, f"inline <{node.tag}> would be blocked by the page's own CSP"


def test_script_never_writes_link_values_as_html(built):
    _, _, page = built
    script = page.find_all("script")[-1].text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
                 "setAttribute(\"href\"", "srcdoc"):
        assert sink not in script, sink
    assert "notice.textContent" in script
    # The link is only ever compared with the codes the page lists, under the dashboard's rules.
    assert "CODES.includes(c)" in script and "MAX_VALUES" in script
    assert page.find("div", cls="controls").attrs["data-max-values"] == str(MAX_VALUES)
    assert [b.attrs["value"] for b in page.find_all("input", name="country")] == list(CENTRAL_ASIA)


def test_publish_command_builds_site(tmp_path):
    done = subprocess.run([sys.executable, "-m", "components.publish", "--out", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    for name in ("figures.csv", "context.csv", "datapackage.json"):
        assert (tmp_path / "site" / "data" / name).read_bytes() == (ROOT / "data" / name).read_bytes()


def test_dashboard_link_is_optional_and_checked(tmp_path):
    bad = subprocess.run([sys.executable, "-m", "components.publish", "--out", str(tmp_path / "a"),
                          "--dashboard-url", "javascript:alert(1)"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode != 0 and not (tmp_path / "a").exists()
    index = publish.run(tmp_path / "b", dashboard_url="https://dashboard.example/app")
    link = parse(index.read_text(encoding="utf-8")).find("a", id="dashboard")
    assert link.attrs["href"] == "https://dashboard.example/app"
