"""What both editions say and paint: panel titles, source lines, the palette, vote styles, the not-reported label."""

from __future__ import annotations

import pandas as pd

from components.indicators import BY_ID, IDS

NOT_REPORTED = "not reported in the article"

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
             "yellow": "#F0E442", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#767676"}
BAR_COLOUR = OKABE_ITO["blue"]
DIMMED_OPACITY = 0.35

# Vote positions: colour AND marker shape AND text, so colour never carries meaning alone.
VOTE_STYLE = {"abstained": {"colour": OKABE_ITO["orange"], "symbol": "diamond"},
              "did not vote": {"colour": OKABE_ITO["grey"], "symbol": "x-thin-open"},
              "voted for": {"colour": OKABE_ITO["green"], "symbol": "circle"},
              "voted in favour": {"colour": OKABE_ITO["green"], "symbol": "circle"},
              "voted in favor": {"colour": OKABE_ITO["green"], "symbol": "circle"},
              "voted against": {"colour": OKABE_ITO["vermillion"], "symbol": "square"}}
OTHER_VOTE_STYLE = {"colour": OKABE_ITO["purple"], "symbol": "triangle-up"}

PANELS = IDS  # panel order: the registry's order


def vote_style(position: str) -> dict[str, str]:
    """Colour and marker symbol of a vote position as the article words it."""
    return VOTE_STYLE.get(position, OTHER_VOTE_STYLE)


def panel_title(indicator: str, rows: pd.DataFrame) -> str:
    """Heading plus the year the article gives, e.g. "Migrant workers in Russia, 2021"."""
    mine = rows[rows["indicator"] == indicator]
    years = sorted({y for y in mine["year"] if y})
    periods = sorted({p for p in mine["as_of"] if p})
    entry = BY_ID[indicator]
    heading = entry.heading
    if entry.is_vote:
        return f"{heading} ({periods[0]} emergency session)" if periods else heading
    return f"{heading}, {', '.join(years)}" if years else f"{heading} (year not stated)"


def panel_alt(title: str, rows: pd.DataFrame) -> str:
    """Text alternative of a panel: its title, then each shown country with what the panel says of it."""
    said = [(r.position if r.position else r.written) if r.reported else NOT_REPORTED for r in rows.itertuples()]
    return f"{title}. " + "; ".join(f"{c}: {s}" for c, s in zip(rows["country"], said)) + "."


def article_credit(article: dict[str, str]) -> str:
    """The credit line: the article's title and outlet, what the seed leaves out, and where the numbers come from."""
    outlet = article.get("outlet") or "the source article"
    dated = f", {article['published']}" if article.get("published") else ""
    missing = [what for what, key in (("publication date", "published"), ("URL", "url")) if not article.get(key)]
    gap = f" The seed text gives no {' or '.join(missing)}." if missing else ""
    return (f"Source: “{article.get('title', '')}”, {outlet}{dated}.{gap} Every number on this page is extracted "
            f"by code from the article text (file seeds/{article.get('file', '')}).")


def source_line(indicator: str, rows: pd.DataFrame, outlet: str) -> str:
    """Credit under a chart: whom the article cites, and the article itself."""
    credits = sorted({a for a in rows.loc[rows["indicator"] == indicator, "attribution"] if a})
    cited = f"{'; '.join(credits)}, as cited by " if credits else ""
    return f"Source: {cited}{outlet or 'the source article'}."

