"""The two-sentence summary at the top of the page, written from the figures (no number typed by hand)."""

from __future__ import annotations

import pandas as pd

from components.indicators import VOTE


def _top(figures: pd.DataFrame, indicator: str) -> pd.Series | None:
    rows = figures[figures["indicator"] == indicator].dropna(subset=["value"])
    return rows.loc[rows["value"].idxmax()] if len(rows) else None


def summary_sentences(figures: pd.DataFrame) -> list[str]:
    """Two sentences: the largest migrant and remittance figures, and the vote."""
    sentences = []
    workers, remit = _top(figures, "migrant_workers"), _top(figures, "remittances_share_of_gdp")
    if workers is not None and remit is not None:
        year = f" in {workers['year']}" if workers["year"] else ""
        sentences.append(
            f"Russia counted {workers['value_text']} workers from {workers['country']}{year}, and money sent home "
            f"from work abroad, mostly from Russia, equals {remit['value_text']} of {remit['country']}'s GDP.")
    votes = figures[figures["indicator"] == VOTE]
    if len(votes):
        groups = [f"{_join(list(g['country']))} {p}" for p, g in votes.groupby("position", sort=False)]
        when = votes["as_of"].iloc[0]
        on = f" on {when}" if when else ""
        sentences.append(f"Yet when the UN General Assembly condemned the invasion of Ukraine{on}, "
                         f"{'; '.join(groups)}.")
    return sentences


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
