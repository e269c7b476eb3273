"""What the static page's script needs to retell the summary, the credit line and the panels' source lines for the
sources a reader picks: the sentences' wordings with their blanks, and per article, panel and vote the facts that
fill them. Used only where the page offers the sources filter; the page as built tells every source's story."""

from __future__ import annotations

import json

import pandas as pd

from components.indicators import VOTE
from components.store import Story
from components.views import labels, sources, summary
from components.views.labels import article_names, vote_keys, vote_order
from components.views.rows import latest_first
from components.views.sources import source_id


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def texts(story: Story) -> str:
    """The wordings (views/summary.py, views/sources.py, views/labels.py), as JSON for a data attribute."""
    return _json({
        "figures": summary.FIGURES, "inYear": summary.IN_YEAR, "condemned": summary.CONDEMNED,
        "inVote": summary.IN_VOTE, "on": summary.ON, "differOn": summary.DIFFER_ON,
        "manyCredit": sources.MANY_CREDIT, "outlets": sources.OUTLETS, "maxListed": labels.MAX_LISTED,
        "lineCounted": labels.LINE_COUNTED, "lineListed": labels.LINE_LISTED, "lineCiting": labels.LINE_CITING,
        "lineOne": labels.LINE_ONE, "lineCitedBy": labels.LINE_CITED_BY,
        "outlet": story.article.get("outlet", "") or labels.NO_OUTLET})


def article_facts(articles: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Per source id: how a source line names the article (`outlet`), what the credit line counts as its outlet
    (`house`: outlet, else title), and its credit line when it is the only one chosen (`credit`)."""
    names = article_names(articles)
    return {source_id(a["source"]): {"outlet": names[a["source"]], "house": a["outlet"] or a["title"],
                                     "credit": sources.one_credit(a)} for a in articles.to_dict("records")}


def cites(figures: pd.DataFrame, indicator: str) -> str:
    """A panel's sources in the order its source line lists them, each with whom its figures cite: JSON
    [[source id, [attribution, ...]], ...]."""
    mine = figures[figures["indicator"] == indicator]
    said = [[source_id(s), sorted({a for a in group["attribution"] if a})]
            for s, group in mine.groupby("source", sort=False)]
    return _json(said)


def vote_facts(figures: pd.DataFrame, articles: pd.DataFrame) -> tuple[str, str]:
    """The vote panel's facts for the summary's second sentence: the order the articles name the states in (every
    vote figure, by article and place: [source id, ISO3]), and per vote column its label, whether the summary calls
    it the condemnation, and the dates the articles give it ([source id, words], in the figures' order)."""
    votes = figures[figures["indicator"] == VOTE]
    named = votes.sort_values(["source", "value_start"])
    order = [[source_id(s), iso] for s, iso in zip(named["source"], named["country_iso3"])]
    keyed = votes.assign(vote_key=vote_keys(votes))
    columns = [{"label": label, "condemns": summary.condemns(key),
                "dates": [[source_id(s), a] for s, a in zip(keyed.loc[keyed["vote_key"] == key, "source"],
                                                           keyed.loc[keyed["vote_key"] == key, "as_of"]) if a]}
               for key, label in vote_order(latest_first(votes, articles))]  # the columns, as vote_cells orders them
    return _json(order), _json(columns)
