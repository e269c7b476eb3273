"""The article as HTML: the seed text, escaped, with every extracted quote highlighted and anchored."""

from __future__ import annotations

import html

import pandas as pd

from components.store import Story
from components.views.anchors import ARTICLE, back_links, quote_anchor, slug
from components.views.labels import PANELS
from components.views.sources import article_label, source_id


def article_html(seed_text: str, figures: pd.DataFrame, context: pd.DataFrame, back: dict[str, str],
                 source: str = "", primary: str = "") -> str:
    """Seed text as paragraphs; each quote in <mark id=q-START>, its numbers in <strong>.

    `back` maps a figure's indicator to the anchor of its chart (and "context" to the context section), for the
    link back from the words; a quote whose key it lacks gets no link. The rows are this article's (`source`);
    its quotes' ids carry its file name unless it is the `primary` article.
    """
    quotes: dict[tuple[int, int], str | None] = {}  # a quote's span -> the anchor its ↩ link leads to, if any
    for row in figures.itertuples():
        quotes.setdefault((row.start, row.end), back.get(row.indicator))
    for row in context.itertuples():
        quotes.setdefault((row.start, row.end), back.get("context"))
    values = sorted({(r.value_start, r.value_end) for f in (figures, context) for r in f.itertuples()})
    spans = sorted(quotes)
    out: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:  # overlapping quotes cannot both be marked; sentences never overlap
            continue
        out.append(html.escape(seed_text[cursor:start]))
        inner = _strong_values(seed_text, start, end, values)
        link = quotes[(start, end)]
        back_link = f'<a class="back" href="#{link}" aria-label="Back to the chart">↩</a>' if link else ""
        out.append(f'<mark id="{quote_anchor(start, source, primary)}">{inner}</mark>{back_link}')
        cursor = end
    out.append(html.escape(seed_text[cursor:]))
    paragraphs = "".join(out).split("\n")
    return "".join(f"<p>{p}</p>" for p in paragraphs if p.strip())


def _strong_values(text: str, start: int, end: int, values: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    cursor = start
    for v_start, v_end in values:
        if start <= v_start and v_end <= end and v_start >= cursor:
            parts.append(html.escape(text[cursor:v_start]))
            parts.append(f"<strong>{html.escape(text[v_start:v_end])}</strong>")
            cursor = v_end
    parts.append(html.escape(text[cursor:end]))
    return "".join(parts)


def articles_html(story: Story, opened: str = "") -> str:
    """Every article of the story with its highlights: the one article as a plain block, as it always was; several
    as disclosures named by outlet, date and title, `opened` (a source id; default the first) open. A link to a
    quote in a closed one opens it in the browser."""
    back = back_links(PANELS)
    primary = story.article.get("file", "")
    articles = story.articles.to_dict("records")
    if len(articles) <= 1:
        source = articles[0]["source"] if articles else primary
        mine = story.figures[story.figures["source"] == source], story.context[story.context["source"] == source]
        body = article_html(story.seeds[source], *mine, back, source, primary)
        return f"<div class='article'>{body}</div>"
    opened = opened or source_id(articles[0]["source"])
    out = []
    for a in articles:
        source = a["source"]
        mine = story.figures[story.figures["source"] == source], story.context[story.context["source"] == source]
        body = article_html(story.seeds[source], *mine, back, source, primary)
        is_open = " open" if source_id(source) == opened else ""
        out.append(f"<details class='art' id='{ARTICLE}-{slug(source)}' data-src='{html.escape(source_id(source))}'"
                   f"{is_open}><summary>{html.escape(article_label(a))}</summary><div class='article'>{body}</div>"
                   "</details>")
    return "".join(out)
