"""Which articles a view includes: the story narrowed to chosen sources, and how the page names each article."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from components.links import source_ids
from components.store import Story
from components.views.labels import MAX_LISTED, article_credit, source_name


def source_id(source: str) -> str:
    """The `source` link value of a seed file: its name without `.txt`."""
    return source_ids([source])[0]


def include(story: Story, chosen: list[str]) -> Story:
    """The story told by the chosen sources only (`source` ids); every source when none is chosen.

    Figures, context facts and article rows of the other sources are left out; the seeds stay, so offsets and
    quotes still check against them.
    """
    keep = set(chosen)
    if not keep or keep >= set(source_ids(story.articles["source"])):
        return story

    def mine(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["source"].map(source_id).isin(keep)]

    return replace(story, figures=mine(story.figures), context=mine(story.context), articles=mine(story.articles))


def article_label(article: pd.Series | dict) -> str:
    """An article as a control lists it: outlet, date where stated, title."""
    name = source_name(article["source"], article.get("outlet", ""), "")
    dated = f", {article['published']}" if article.get("published") else ""
    title = article.get("title", "")
    return f"{name}{dated}: {title}" if title and name != title else f"{name}{dated}"


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's `source` id and how controls list it, in the articles table's order."""
    return {source_id(a["source"]): article_label(a) for a in articles.to_dict("records")}


def one_credit(article: pd.Series | dict) -> str:
    """The credit line of a page telling one article's figures (a row of the articles table)."""
    return article_credit({"file": article["source"], "title": article["title"], "outlet": article["outlet"],
                           "published": article["published"], "url": article["url"]})


def credit(story: Story) -> str:
    """The page's credit line: the one article as before, or every included article when there are several."""
    if len(story.articles) == 1:
        return one_credit(story.articles.iloc[0])
    if story.articles.empty:
        return article_credit(story.article)
    if len(story.articles) > MAX_LISTED:
        outlets = story.articles["outlet"].where(story.articles["outlet"] != "", story.articles["title"])
        listed = outlets_listed(outlets.nunique())
    else:
        listed = "; ".join(article_label(a) for a in story.articles.to_dict("records"))
    return MANY_CREDIT.format(n=f"{len(story.articles):,}", listed=listed)


# The credit line of several articles, with its blanks (the static page's script fills them when the reader narrows
# the sources).
MANY_CREDIT = ("Sources: {n} articles — {listed}. Every number on this page is extracted by code from the articles' "
               "text (files in seeds/).")
OUTLETS = "{k} outlet{s}, each article listed with its date where the articles are shown"


def outlets_listed(count: int) -> str:
    return OUTLETS.format(k=f"{count:,}", s="" if count == 1 else "s")
