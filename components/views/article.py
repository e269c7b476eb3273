"""The article as HTML: the seed text, escaped, with every extracted quote highlighted and anchored."""

from __future__ import annotations

import html
from urllib.parse import quote

import pandas as pd

from components.store import Story
from components.views.anchors import ARTICLE, back_links, quote_anchor, slug
from components.views.labels import PANELS, source_name
from components.views.sources import article_label, source_id

READ = "Read it in the article"
ARTICLES_FOLDER = "articles"  # the static edition's article pages, beside its index.html


def article_html(seed_text: str, figures: pd.DataFrame, context: pd.DataFrame, back: dict[str, str],
                 source: str = "", primary: str = "", base: str = "") -> str:
    """Seed text as paragraphs; each quote in <mark id=q-START>, its numbers in <strong>.

    `back` maps a figure's indicator to the anchor of its chart (and "context" to the context section), for the
    link back from the words; a quote whose key it lacks gets no link. The rows are this article's (`source`);
    its quotes' ids carry its file name unless it is the `primary` article. `base` is the page the anchors are on
    (empty: this one).
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
        back_link = f'<a class="back" href="{base}#{link}" aria-label="Back to the chart">↩</a>' if link else ""
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


def one_article_html(story: Story, source: str, base: str = "") -> str:
    """One article of the story with its highlights, in a `<div class='article'>`; its ↩ links lead to the charts
    on the page `base` (empty: this one)."""
    primary = story.article.get("file", "")
    mine = story.figures[story.figures["source"] == source], story.context[story.context["source"] == source]
    body = article_html(story.seeds[source], *mine, back_links(PANELS), source, primary, base)
    return f"<div class='article'>{body}</div>"


def articles_html(story: Story, opened: str = "") -> str:
    """The article view: the one article as a plain block, as it always was; of several, only the one the reader
    `opened` (a source id; default the first), so a thousand articles cost one article's text."""
    articles = story.articles.to_dict("records")
    if len(articles) <= 1:
        return one_article_html(story, articles[0]["source"] if articles else story.article.get("file")
                                or next(iter(story.seeds)))  # no article row nor named file: the first seed
    picked = next((a for a in articles if source_id(a["source"]) == opened), articles[0])
    return (f"<div id='{ARTICLE}-{slug(picked['source'])}' data-src='{html.escape(source_id(picked['source']))}'>"
            f"{one_article_html(story, picked['source'])}</div>")


def excerpt_html(seed_text: str, start: int, end: int, value_start: int, value_end: int) -> str:
    """The paragraph a quote stands in, the quote marked and its number in bold: the sentence in its place, for a
    page that does not hold the whole article."""
    before = seed_text[:start].rpartition("\n")[2]  # the paragraph's words before the quote
    after = seed_text[end:].partition("\n")[0]  # and after it
    inner = _strong_values(seed_text, start, end, [(value_start, value_end)])
    return f"<p>{html.escape(before)}<mark>{inner}</mark>{html.escape(after)}</p>"


class Quotes:
    """Where a profile row's "Read it in the article" leads: the highlighted sentence on this page (`anchor`), on
    the article's own page of the static edition (`pages`, articles/STEM.html), or the sentence shown in place,
    in its paragraph (`excerpt`: a page that holds one article at a time, the dashboard with several)."""

    def __init__(self, story: Story, mode: str = "anchor") -> None:
        self.story, self.mode = story, mode
        self.primary = story.article.get("file", "")
        self.labels = {a["source"]: article_label(a) for a in story.articles.to_dict("records")}

    def href(self, source: str, start: int) -> str | None:
        """The address of the highlighted sentence; None where it is shown in place."""
        anchor = quote_anchor(start, source, self.primary)
        if self.mode == "pages":
            return f"{ARTICLES_FOLDER}/{quote(source_id(source))}.html#{anchor}"
        if self.mode == "excerpt" and source in self.story.seeds and start >= 0:
            return None
        return f"#{anchor}"

    def in_place(self, source: str, start: int, end: int, value_start: int, value_end: int, summary: str,
                 label: str = "") -> str:
        """The sentence in its paragraph, behind a disclosure named `summary` (`label`: its accessible name)."""
        said = excerpt_html(self.story.seeds[source], start, end, value_start, value_end)
        name = html.escape(self.labels.get(source, source_name(source)))
        aria = f" aria-label='{html.escape(label)}'" if label else ""
        return (f"<details class='ex'><summary{aria}>{summary}</summary><div class='article'>{said}</div>"
                f"<p class='from'>From {name}; pick it under “The articles” to read it whole.</p></details>")

    def link(self, source: str, start: int, end: int, value_start: int, value_end: int) -> str:
        """A profile row's way to the sentence: a link to it, or the sentence in place."""
        href = self.href(source, start)
        if href is None:
            return self.in_place(source, start, end, value_start, value_end, READ)
        arrow = "→" if self.mode == "pages" else "↓"
        return f"<a href='{html.escape(href)}'>{READ} {arrow}</a>"
