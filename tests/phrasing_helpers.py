"""What the figure grammar reads from a few invented sentences: the shared helper of the phrasing-batch tests."""

from __future__ import annotations

from components.extract.indicator_rules import read_article
from components.extract.text import Seed

MIG, REM, CIT, VOTE = "migrant_workers", "remittances_share_of_gdp", "citizenship_grants", "un_ga_vote"


def figures_read(body: str, published: str = "") -> set[tuple]:
    """(indicator, state, value or (position, vote), qualifier, year) of each figure read."""
    front = "---\ntitle: Test\noutlet: Test desk (invented)\n" + (f"published: {published}\n" if published else "")
    out = set()
    for r in read_article(Seed("t.txt", front + "---\n\n" + body + "\n")).figures:
        value = (r["position"], r["vote"]) if r["position"] else r["value"]
        out.add((r["indicator"], r["country_iso3"], value, r["qualifier"], r["year"]))
    return out
