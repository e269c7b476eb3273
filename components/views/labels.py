"""What both editions say and paint: panel titles, source lines, the palette, vote styles, the not-reported label."""

from __future__ import annotations

import re
from pathlib import PurePath

import pandas as pd

from components.indicators import BY_ID, IDS
from components.views.frames import complete

NOT_REPORTED = "not reported in the article"

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
             "yellow": "#F0E442", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#767676"}
BAR_COLOUR = OKABE_ITO["blue"]
DIMMED_OPACITY = 0.35

# Vote positions: colour AND marker shape AND text, so colour never carries meaning alone.
VOTE_STYLE = {"abstained": {"colour": OKABE_ITO["orange"], "symbol": "diamond"},
              "did not vote": {"colour": OKABE_ITO["grey"], "symbol": "x-thin-open"},
              "in favour": {"colour": OKABE_ITO["green"], "symbol": "circle"},
              "against": {"colour": OKABE_ITO["vermillion"], "symbol": "square"},
              "voted for": {"colour": OKABE_ITO["green"], "symbol": "circle"},
              "voted in favour": {"colour": OKABE_ITO["green"], "symbol": "circle"},
              "voted in favor": {"colour": OKABE_ITO["green"], "symbol": "circle"},
              "voted against": {"colour": OKABE_ITO["vermillion"], "symbol": "square"}}
OTHER_VOTE_STYLE = {"colour": OKABE_ITO["purple"], "symbol": "triangle-up"}

PANELS = IDS  # panel order: the registry's order
MAX_LISTED = 3  # more sources than this are counted, not listed, in a credit line
SHORT_NAME = 28  # characters of a source's name in the note under a bar


def vote_style(position: str) -> dict[str, str]:
    """Colour and marker symbol of a vote position as the article words it."""
    return VOTE_STYLE.get(position, OTHER_VOTE_STYLE)


def source_name(source: str, outlet: str = "", title: str = "") -> str:
    """How the page names an article: its outlet, else its title, else its file name without `.txt`."""
    return outlet or title or PurePath(source).stem


def article_names(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's source file and how the page names it (source_name), for a whole articles table at once."""
    if articles.empty:
        return {}
    articles = complete(articles, "articles")
    stems = articles["source"].map(lambda s: PurePath(s).stem)
    names = articles["outlet"].where(articles["outlet"] != "", articles["title"])
    return dict(zip(articles["source"], names.where(names != "", stems)))


def short(name: str, width: int = SHORT_NAME) -> str:
    """A name cut to fit a chart's one-line note (a chart's text does not wrap); the profile gives it whole."""
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


RESOLUTION = re.compile(r"^A/RES/(ES-\d+/(\d+))$")


def vote_key(vote: str, as_of: str) -> str:
    """The vote a position belongs to: the resolution or the article's words for it, else its date words."""
    return vote or as_of or "the vote"


def vote_keys(figures: pd.DataFrame) -> pd.Series:
    """vote_key of every row at once."""
    keys = figures["vote"].where(figures["vote"] != "", figures["as_of"])
    return keys.where(keys != "", "the vote")


def vote_order(votes: pd.DataFrame) -> list[tuple[str, str]]:
    """(key, label) of each vote the rows report, by date: resolutions of the session in their (dated) numbering,
    then votes the articles name in their own words, in order of first mention. A label is short, e.g.
    "ES-11/1, March 2"."""
    seen: dict[str, str] = {}
    firsts = votes.assign(vote_key=vote_keys(votes)).drop_duplicates("vote_key")  # each vote's first row
    for r in firsts.itertuples():
        key = r.vote_key
        if key not in seen:
            number = RESOLUTION.match(key)
            seen[key] = f"{number.group(1)}, {r.as_of}" if number and r.as_of else number.group(1) if number else key
    def rank(key: str) -> tuple[int, int]:
        number = RESOLUTION.match(key)
        return (0, int(number.group(2))) if number else (1, list(seen).index(key))
    return sorted(seen.items(), key=lambda kv: rank(kv[0]))


def years_label(years: list[str]) -> str:
    """The years of a panel's figures, e.g. "2020 to 2022", with a note when some figure states none."""
    stated = sorted({y for y in years if y})
    span = stated[0] if len(stated) == 1 else f"{stated[0]} to {stated[-1]}" if stated else ""
    if "" in years:
        return f"{span}; some with no year stated" if span else "no year stated"
    return span


def panel_title(indicator: str, figures: pd.DataFrame) -> str:
    """Heading plus the year of the figures drawn, e.g. "Migrant workers in Russia, 2021"; when the countries'
    latest figures stand for different years, the title says so, e.g. "...: latest figures, years differ
    (2020 to 2022)". A vote panel names its session, or how many votes it shows."""
    mine = figures[figures["indicator"] == indicator]
    entry = BY_ID[indicator]
    heading = entry.heading
    if entry.is_vote:
        votes = vote_order(mine)
        if len(votes) > 1:
            return f"{heading}: {len(votes)} votes"
        periods = sorted({p for p in mine["as_of"] if p})
        return f"{heading} ({periods[0]} emergency session)" if periods else heading
    latest = mine.sort_values("year", ascending=False, kind="stable").drop_duplicates("country_iso3")
    years = list(latest["year"])
    if len(set(years)) > 1:
        return f"{heading}: latest figures, years differ ({years_label(years)})"
    return f"{heading}, {years[0]}" if years and years[0] else f"{heading} (year not stated)"


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


# A source line's wordings, with their blanks (the static page's script fills them when the reader narrows the
# sources).
LINE_COUNTED = "Sources: {n} articles; each figure names its own."
LINE_LISTED = "Sources: {names}{cited}."
LINE_CITING = " (citing {credits})"
LINE_ONE = "Source: {cited}{outlet}."
LINE_CITED_BY = "{credits}, as cited by "
NO_OUTLET = "the source article"


def source_line(indicator: str, rows: pd.DataFrame, outlet: str, articles: pd.DataFrame | None = None) -> str:
    """Credit under a chart: whom the article cites, and the article itself; with several articles, each of them."""
    mine = rows[rows["indicator"] == indicator]
    credits = sorted({a for a in mine["attribution"] if a})
    sources = list(dict.fromkeys(mine["source"]))
    if articles is not None and not sources:  # none of the articles gives this indicator: they are its sources
        sources = list(articles["source"])
    if articles is not None and len(sources) > 1:
        if len(sources) > MAX_LISTED:
            return LINE_COUNTED.format(n=f"{len(sources):,}")
        names = article_names(articles)
        listed = "; ".join(dict.fromkeys(names.get(s, source_name(s)) for s in sources))
        cited = LINE_CITING.format(credits="; ".join(credits)) if credits else ""
        return LINE_LISTED.format(names=listed, cited=cited)
    if articles is not None and len(sources) == 1:
        row = articles[articles["source"] == sources[0]]
        if len(row):
            outlet = source_name(sources[0], row["outlet"].iloc[0], row["title"].iloc[0])
    cited = LINE_CITED_BY.format(credits="; ".join(credits)) if credits else ""
    return LINE_ONE.format(cited=cited, outlet=outlet or NO_OUTLET)
