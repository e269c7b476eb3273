"""The focused country's profile as HTML: every figure of each indicator from every source, and the facts about it.

Per indicator the figures run as a timeline (by year, then by the article's date), each with its words, its quote
and a link to the highlighted sentence. Where two sources give different values for the same year (or positions
in the same vote) every row of that year says "sources differ": both stay, neither is hidden nor averaged. With
one article and one figure per indicator the table is as plain as it always was.
"""

from __future__ import annotations

import base64
import html
import re

import pandas as pd

from components.indicators import BY_ID
from components.store import Story
from components.views.article import Quotes
from components.views.frames import complete
from components.views.labels import NOT_REPORTED, PANELS, article_names, source_name
from components.views.review_mark import review_mark, review_note
from components.views.rows import written
from components.views.sources import source_id
from components.views.svg_charts import spread_svg, trend_svg

# The profile's rules: the dashboard takes them with the table (CSS), the static edition in its stylesheet
# (its content security policy allows that one stylesheet). On a phone the table's cells stack.
STYLES = """.profile{border-collapse:collapse;width:100%}
.profile th,.profile td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-top:1px solid #e6e6e6}
.profile td.v{font-weight:700;white-space:nowrap}
.profile q{color:#444}
.profile .nr{color:#555;font-weight:400}
.profile .when{display:block;font-weight:400;font-size:.875em;color:#4d4d4d}
.profile .differ{display:inline-block;margin-left:.4rem;padding:0 .3rem;border:1px solid #D55E00;border-radius:3px;
font-size:.8em;font-weight:600;color:#8a3300;background:#fff4ee}
.profile tr.trend td{border-top:0;padding-top:0}
.profile .trend svg,.profile .trend img{display:block;width:100%;max-width:26rem;height:auto}
.profile .checked{display:inline-block;font-size:.78em;font-weight:600;color:#00694d;white-space:nowrap}
.profile details.ex summary{cursor:pointer;color:#0b5cad;text-decoration:underline;display:inline}
.profile details.ex .article{margin:.35rem 0;padding:.1rem .6rem;border-left:3px solid #d9d9d9}
.profile details.ex mark{background:#fff3b0}
.profile .from,.profile .count{font-size:.875em;color:#4d4d4d}
.profile a.more{display:block;margin-top:.25rem}
@media (max-width:640px){.profile thead{display:none}.profile tr,.profile th,.profile td{display:block}
.profile th{border-top:1px solid #ccc;padding-bottom:0}.profile td{border-top:0;padding-top:.15rem}
.profile td.v{white-space:normal}}"""
CSS = f"<style>{STYLES}</style>"
REGION_WIDE = 3  # a fact naming this many states or more is about the region, not one country
DIFFER = "sources differ"
MAX_ROWS = 10  # an indicator with more figures than this shows one row per year (or vote), with counts
MAX_GROUPS = 8  # ... and of those, the latest years; the earlier ones are counted
NO_GROUP = {True: "vote not named", False: "year not stated"}
MAX_LINES = 6  # a line chart draws one line per source up to this many; more, and it shows each year's spread


def country_facts(context: pd.DataFrame, focus: str) -> pd.DataFrame:
    """Context facts whose sentence names this country and at most two others."""
    named = context["countries"].str.split(";")
    return context[named.apply(lambda cs: focus in cs and len(cs) < REGION_WIDE)]


def _keys(figures: pd.DataFrame) -> pd.Series:
    """What each figure says, for comparing sources: its number, range or position (never a mix of them)."""
    ranges = figures["value_low"].map(repr) + "-" + figures["value_high"].map(repr)
    numbers = figures["value"].map(lambda v: repr(float(v)))
    said = numbers.where(figures["value"].notna(), ranges)
    return figures["position"].where(figures["position"] != "", said)


def timeline(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One country's figures of one indicator in time order, with `group` (the year or the vote), `when` (what
    the row's first cell says under the heading) and `differ` (sources disagree within its group)."""
    published = dict(zip(articles["source"], articles["published"]))
    names = article_names(articles)
    votes = figures["vote"].where(figures["vote"] != "", figures["as_of"])
    votes = votes.where(votes != "", "the vote")  # as labels.vote_key words it
    rows = figures.assign(_published=figures["source"].map(lambda s: published.get(s, "")),
                          group=votes.where(figures["position"] != "", figures["year"]), key=_keys(figures))
    # Undated last; then by year (or vote), the article's date, its file and where in it the figure stands.
    rows = rows.assign(_undated=rows["group"] == "").sort_values(["_undated", "group", "_published", "source",
                                                                   "value_start"])
    differ = rows[rows["group"] != ""].groupby("group")["key"].transform("nunique") > 1
    rows["differ"] = differ.reindex(rows.index, fill_value=False)
    rows["outlet"] = [names.get(s) or source_name(s) for s in rows["source"]]
    rows["published"] = rows["_published"]
    return rows.drop(columns=["_published", "_undated"])


def svg_image(svg: str) -> str:
    """An SVG as an <img> (data URI), its aria-label as the alt text."""
    alt = re.search(r'aria-label="([^"]*)"', svg)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"<img alt=\"{alt.group(1) if alt else ''}\" src=\"data:image/svg+xml;base64,{data}\">"


def _when(r, vote: bool, named: bool) -> str:
    parts = [r.group or NO_GROUP[vote]]
    if named:
        parts.append(f"{r.outlet}, {r.published}" if r.published else r.outlet)
    return " · ".join(parts)


def _figure_row(r, heading: str, when: str, link: str, filterable: bool) -> str:
    said = written(r.indicator, r.value_text, r.qualifier)
    sub = f"<span class='when'>{html.escape(when)}</span>" if when else ""
    tag = f"<span class='differ'>{DIFFER}</span>" if r.differ else ""
    fields = r._asdict()
    if review_mark(fields):  # the newsroom checked this figure on the journalist's desk
        tag += (f" <span class='checked' title='{html.escape(review_note(fields))}'>"
                f"{html.escape(review_mark(fields))}</span>")
    group = html.escape(f"{r.indicator}|{r.group}")
    # What the static page's script needs to narrow the sources: the row's source, indicator, year and value.
    data = (f" data-src='{html.escape(source_id(r.source))}' data-ind='{r.indicator}' data-group='{group}'"
            f" data-key='{html.escape(r.key)}'") if filterable else ""
    return (f"<tr{data}><th scope='row'>{html.escape(heading)}{sub}</th>"
            f"<td class='v'><span class='fig'>{html.escape(said)}</span>{tag}</td>"
            f"<td><q>{html.escape(r.quote)}</q> {link}</td></tr>")


def _row(label: str, value: str, quote: str, link: str, source: str) -> str:
    data = f" data-src='{html.escape(source_id(source))}'" if source else ""
    return (f"<tr{data}><th scope='row'>{html.escape(label)}</th>"
            f"<td class='v'><span class='fig'>{html.escape(value)}</span></td>"
            f"<td><q>{html.escape(quote)}</q> {link}</td></tr>")


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def _spread(group: pd.DataFrame, vote: bool) -> str:
    """What a year's (or a vote's) figures say together: the one value; the lowest and the highest, in the
    articles' words; or each position with how many figures give it. Nothing averaged."""
    if vote:
        counts = group["position"].value_counts(sort=False)
        return " · ".join(f"{p} ({n:,})" if len(counts) > 1 else p for p, n in counts.items())
    if group["key"].nunique() == 1:
        r = group.iloc[-1]
        return written(r["indicator"], r["value_text"], r["qualifier"])
    low = group["value"].fillna(group["value_low"])
    high = group["value"].fillna(group["value_high"])
    lo, hi = group.loc[low.idxmin()], group.loc[high.idxmax()]
    return (f"{written(lo['indicator'], lo['value_text'], lo['qualifier'])} to "
            f"{written(hi['indicator'], hi['value_text'], hi['qualifier'])}")


def _grouped_rows(lines: pd.DataFrame, heading: str, vote: bool, quotes: Quotes, more: tuple[str, str]) -> list[str]:
    """An indicator with many figures: one row per year (or vote), latest years last, each with how many figures
    from how many articles, what they say together (and "sources differ" where they do), and the most recent
    article's sentence; the rest are counted, with a link to the data where every one is."""
    href, where = more
    groups = list(dict.fromkeys(lines["group"]))
    shown, earlier = groups[-MAX_GROUPS:], groups[:-MAX_GROUPS]
    rows = []
    if earlier:
        left = lines[lines["group"].isin(earlier)]
        span = " to ".join(dict.fromkeys((earlier[0] or NO_GROUP[vote], earlier[-1] or NO_GROUP[vote])))
        rows.append(f"<tr class='earlier'><th scope='row'>{html.escape(heading)}<span class='when'>"
                    f"{html.escape(span)}</span></th><td class='v'><span class='count'>{_count(len(left), 'figure')}"
                    f"</span></td><td><a href='{href}'>See them {where}</a></td></tr>")
    for group in shown:
        mine = lines[lines["group"] == group]
        latest = mine.iloc[-1]
        n, m = len(mine), mine["source"].nunique()
        when = f"{group or NO_GROUP[vote]} · {_count(n, 'figure')} from {_count(m, 'article')}"
        tag = f"<span class='differ'>{DIFFER}</span>" if bool(mine["differ"].any()) else ""
        link = quotes.link(latest["source"], int(latest["start"]), int(latest["end"]), int(latest["value_start"]),
                           int(latest["value_end"]))
        rest = f" <a class='more' href='{href}'>and {_count(n - 1, 'more figure')} {where}</a>" if n > 1 else ""
        said = f"{latest['outlet']}, {latest['published']}" if latest["published"] else latest["outlet"]
        rows.append(f"<tr class='group'><th scope='row'>{html.escape(heading)}<span class='when'>{html.escape(when)}"
                    f"</span></th><td class='v'><span class='fig'>{html.escape(_spread(mine, vote))}</span>{tag}</td>"
                    f"<td><span class='from'>Latest, {html.escape(said)}:</span> <q>{html.escape(latest['quote'])}</q> "
                    f"{link}{rest}</td></tr>")
    return rows


def profile_html(story: Story, focus: str, filterable: bool = False, styled: bool = True, quotes: str = "anchor",
                 more: tuple[str, str] = ("#data", "in the data view")) -> str:
    """A table of the country's indicators (each a timeline of its figures) and the facts about it; every text
    escaped.

    `filterable` is for a page that narrows the sources in the browser (the static edition): per reported
    indicator a hidden not-reported row it shows when none of the indicator's figures is left, and the line charts
    inline, so it can hide a source's line. Otherwise (the dashboard, whose HTML sanitiser drops inline SVG) a
    line chart is an image of the same SVG, its text alternative the image's alt text. `styled` puts the CSS
    before the table (a page with its own stylesheet takes STYLES instead). `quotes` says where "Read it in the
    article" leads (see Quotes). An indicator with more than MAX_ROWS figures (a page that does not filter in the
    browser) gets a row per year with counts, `more` giving the address and the words of the place that lists
    them all.
    """
    figures, context = complete(story.figures, "figures"), complete(story.context, "context")
    articles = complete(story.articles, "articles")
    linker = Quotes(story, quotes)
    named = figures["source"].nunique() > 1 or len(articles) > 1
    mine = figures[figures["country_iso3"] == focus]
    rows = []
    for indicator in PANELS:
        entry = BY_ID[indicator]
        found = mine[mine["indicator"] == indicator]
        if found.empty:
            rows.append(f"<tr><th scope='row'>{html.escape(entry.heading)}</th>"
                        f"<td class='v nr'>{NOT_REPORTED}</td><td></td></tr>")
            continue
        lines = timeline(found, articles)
        detail = named or len(lines) > 1
        if filterable and named:
            rows.append(f"<tr class='none' data-ind='{indicator}' hidden><th scope='row'>{html.escape(entry.heading)}"
                        f"</th><td class='v nr'>{NOT_REPORTED}</td><td></td></tr>")
        if len(lines) > MAX_ROWS and not filterable:
            rows.extend(_grouped_rows(lines, entry.heading, entry.is_vote, linker, more))
        else:
            for r in lines.itertuples():
                when = _when(r, entry.is_vote, named) if detail else ""
                link = linker.link(r.source, int(r.start), int(r.end), int(r.value_start), int(r.value_end))
                rows.append(_figure_row(r, entry.heading, when, link, filterable))
        if not entry.is_vote and lines.loc[lines["year"] != "", "year"].nunique() >= 2:
            title = f"{entry.heading}: every figure by year"
            dated = lines[lines["year"] != ""]
            many = dated["source"].nunique() > MAX_LINES and not filterable
            chart = spread_svg(dated, f"{entry.heading}: the figures of each year") if many else trend_svg(lines, title)
            rows.append(f"<tr class='trend'><td colspan='3'>{chart if filterable else svg_image(chart)}</td></tr>")
    for r in country_facts(context, focus).itertuples():
        value = " ".join(p for p in (r.qualifier, r.value_text, r.unit) if p)
        link = linker.link(r.source, int(r.start), int(r.end), int(r.value_start), int(r.value_end))
        rows.append(_row(r.label, value, r.quote, link, r.source if filterable else ""))
    return ((CSS if styled else "") + "<table class='profile'><thead><tr><th scope='col'>What</th>"
            "<th scope='col'>Figure</th><th scope='col'>The article's words</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
