"""The two-sentence summary at the top of the page, written from the figures (no number typed by hand)."""

from __future__ import annotations

import pandas as pd

from components.indicators import VOTE
from components.views.labels import RESOLUTION, vote_key
from components.views.rows import panel_rows
from components.views.votes import vote_cells

CONDEMNATION = "A/RES/ES-11/1"  # the session's first resolution, which condemned the invasion
# The sentences, with their blanks: the static page's script fills the same ones when the reader narrows the sources.
FIGURES = ("{who} {w} workers from {wc}{y}, and money sent home from work abroad, mostly from Russia, equals {r} of "
           "{rc}'s GDP.")
WHO_RUSSIA, WHO_REPORTS = "Russia counted", "Reports count"
IN_YEAR = " in {year}"
CONDEMNED = "Yet when the UN General Assembly condemned the invasion of Ukraine{on}, {groups}."
IN_VOTE = "Yet in the UN General Assembly's vote {vote}, {groups}."
ON = " on {date}"
DIFFER_ON = "sources differ on {names}"


def _top(figures: pd.DataFrame, indicator: str, articles: pd.DataFrame | None) -> pd.Series | None:
    """The largest of the countries' most recent figures (a range is no single figure, so it is left out)."""
    rows = panel_rows(figures, indicator, [], articles)
    rows = rows[rows["reported"]].dropna(subset=["value"])
    return rows.loc[rows["value"].idxmax()] if len(rows) else None


def summary_sentences(figures: pd.DataFrame, articles: pd.DataFrame | None = None) -> list[str]:
    """Two sentences: the largest migrant and remittance figures, and the (first) vote."""
    sentences = []
    workers = _top(figures, "migrant_workers", articles)
    remit = _top(figures, "remittances_share_of_gdp", articles)
    if workers is not None and remit is not None:
        year = IN_YEAR.format(year=workers["year"]) if workers["year"] else ""
        sentences.append(FIGURES.format(who=_who(figures, workers), w=_said(workers), wc=workers["country"], y=year,
                                        r=_said(remit), rc=remit["country"]))
    cells = vote_cells(figures, [], articles)
    cells = cells[cells["reported"]]
    if len(cells):
        first = cells["vote_label"].iloc[0]
        cells = cells[cells["vote_label"] == first]
        # Countries in the order the articles name them, as a reporter would list them.
        said = figures[figures["indicator"] == VOTE]
        order = {iso: i for i, iso in enumerate(dict.fromkeys(said.sort_values(["source", "value_start"])
                                                              ["country_iso3"]))}
        cells = cells.sort_values("country_iso3", key=lambda c: c.map(order), kind="stable")
        agreed = cells[~cells["disputed"]]
        groups = [f"{_join(list(g['country']))} {p}" for p, g in agreed.groupby("position", sort=False)]
        disputed = list(dict.fromkeys(cells.loc[cells["disputed"], "country"]))
        if disputed:
            groups.append(DIFFER_ON.format(names=_join(disputed)))
        key = cells["vote"].iloc[0]
        votes = figures[figures["indicator"] == VOTE]
        said = [a for v, a in zip(votes["vote"], votes["as_of"]) if vote_key(v, a) == key and a]
        on = ON.format(date=said[0]) if said else ""
        if condemns(key):
            sentences.append(CONDEMNED.format(on=on, groups="; ".join(groups)))
        else:
            sentences.append(IN_VOTE.format(vote=first, groups="; ".join(groups)))
    return sentences


def condemns(key: str) -> bool:
    """Is this the vote the summary calls the condemnation of the invasion (the first resolution, or a vote the
    articles name only in their own words)?"""
    return key == CONDEMNATION or not RESOLUTION.match(key)


def _who(figures: pd.DataFrame, row: pd.Series) -> str:
    """Who counted: Russia only where the article credits Russian statistics; otherwise the reports do."""
    same = figures[(figures["source"] == row["source"]) & (figures["value_start"] == row["value_start"])]
    return counted_by(" ".join(same["attribution"]) if "attribution" in same else "")


def counted_by(attribution: str) -> str:
    """The summary's subject for a figure credited to `attribution`: Russia only where the article credits it."""
    return WHO_RUSSIA if "Russia" in attribution else WHO_REPORTS


def _said(row: pd.Series) -> str:
    """The figure with the article's hedge ("over 3 million"), never stronger than the words."""
    return row["written"]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
