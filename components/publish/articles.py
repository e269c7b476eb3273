"""The static edition's article pages: with several articles, each one's highlighted text on a page of its own."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from components.store import Story
from components.views.anchors import ARTICLE
from components.views.article import ARTICLES_FOLDER, one_article_html
from components.views.sources import article_label, source_id

ASSETS = Path(__file__).with_name("assets")
FOLDER = ARTICLES_FOLDER  # under site/, beside index.html
INDEX = "../index.html"


def article_href(source: str) -> str:
    """The address of an article's page, from index.html."""
    return f"{FOLDER}/{quote(source_id(source))}.html"


def article_page(story: Story, article: dict, csp: str, css: str) -> str:
    """One article as a page: its name, date and outlet, and its text with every figure's sentence highlighted;
    ↩ leads back to the chart on the main page. No script: it reads the same with JavaScript off."""
    source = article["source"]
    title = article.get("title") or source_id(source)
    dated = ", ".join(p for p in (article.get("outlet", ""), article.get("published", "")) if p)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">
<title>{html.escape(article_label(article))} — the figures highlighted</title>
<link rel="icon" href="data:,">
<style>{css}</style></head>
<body><div class="wrap">
<header><a class="up" href="{INDEX}">← Back to the figures from every article</a>
<p class="kicker">One of the articles behind the figures</p><h1>{html.escape(title)}</h1>
<p class="meta">{html.escape(dated)}</p>
<p class="hint">Every sentence a figure comes from is highlighted, the figure itself in bold; ↩ leads back to
its chart.</p></header>
<main id="{ARTICLE}">{one_article_html(story, source, INDEX)}</main>
<footer><p>The article's text as read from seeds/{html.escape(source)} by <code>python -m components.extract</code>.
</p></footer>
</div></body></html>
"""


def articles_list(articles: pd.DataFrame, figures: pd.DataFrame) -> str:
    """The main page's list of the articles, each linked to its page, with how many figures it gives."""
    counts = figures["source"].value_counts()
    items = []
    for a in articles.to_dict("records"):
        n = int(counts.get(a["source"], 0))
        href = html.escape(article_href(a["source"]))
        items.append(f'<li data-src="{html.escape(source_id(a["source"]))}"><a href="{href}">'
                     f'{html.escape(article_label(a))}</a> <span class="n">({n:,} figure{"" if n == 1 else "s"})'
                     "</span></li>")
    return f'<ul class="arts">{"".join(items)}</ul>'


def write_articles(story: Story, out: Path, csp_for: Callable[[str], str]) -> list[Path]:
    """Write out/articles/STEM.html for every article; return their paths. `csp_for(css)` gives the page's
    content security policy for its stylesheet."""
    css = (ASSETS / "article.css").read_text(encoding="utf-8")
    csp = csp_for(css)
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for article in story.articles.to_dict("records"):
        path = folder / f"{source_id(article['source'])}.html"
        path.write_text(article_page(story, article, csp, css), encoding="utf-8")
        written.append(path)
    return written
