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
from components.views.anchors import quote_anchor
from components.views.frames import complete
from components.views.labels import NOT_REPORTED, PANELS, source_name, vote_key
from components.views.review_mark import review_mark, review_note
from components.views.rows import written
from components.views.sources import source_id
from components.views.svg_charts import trend_svg

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
@media (max-width:640px){.profile thead{display:none}.profile tr,.profile th,.profile td{display:block}
.profile th{border-top:1px solid #ccc;padding-bottom:0}.profile td{border-top:0;padding-top:.15rem}
.profile td.v{white-space:normal}}"""
CSS = f"<style>{STYLES}</style>"
REGION_WIDE = 3  # a fact naming this many states or more is about the region, not one country
DIFFER = "sources differ"


def country_facts(context: pd.DataFrame, focus: str) -> pd.DataFrame:
    """Context facts whose sentence names this country and at most two others."""
    named = context["countries"].str.split(";")
    return context[named.apply(lambda cs: focus in cs and len(cs) < REGION_WIDE)]


def _key(r) -> str:
    """What a figure says, for comparing sources: its number, range or position (never a mix of them)."""
    if r.position:
        return r.position
    if pd.notna(r.value):
        return repr(float(r.value))
    return f"{r.value_low!r}-{r.value_high!r}"


def timeline(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One country's figures of one indicator in time order, with `group` (the year or the vote), `when` (what
    the row's first cell says under the heading) and `differ` (sources disagree within its group)."""
    published = dict(zip(articles["source"], articles["published"]))
    names = {a.source: source_name(a.source, a.outlet, a.title) for a in articles.itertuples()}
    rows = figures.assign(
        _published=[published.get(s, "") for s in figures["source"]],
        group=[vote_key(v, a) if p else y for v, a, p, y in zip(figures["vote"], figures["as_of"],
                                                                  figures["position"], figures["year"])],
        key=[_key(r) for r in figures.itertuples()])
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


def _when(r, named: bool) -> str:
    parts = [r.group or "year not stated"]  # a vote's group is never empty (labels.vote_key)
    if named:
        parts.append(f"{r.outlet}, {r.published}" if r.published else r.outlet)
    return " · ".join(parts)


def _figure_row(r, heading: str, when: str, anchor: str, filterable: bool) -> str:
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
            f"<td><q>{html.escape(r.quote)}</q> <a href='#{anchor}'>Read it in the article ↓</a></td></tr>")


def _row(label: str, value: str, quote: str, anchor: str, source: str) -> str:
    data = f" data-src='{html.escape(source_id(source))}'" if source else ""
    return (f"<tr{data}><th scope='row'>{html.escape(label)}</th>"
            f"<td class='v'><span class='fig'>{html.escape(value)}</span></td>"
            f"<td><q>{html.escape(quote)}</q> <a href='#{anchor}'>Read it in the article ↓</a></td></tr>")


def profile_html(story: Story, focus: str, filterable: bool = False, styled: bool = True) -> str:
    """A table of the country's indicators (each a timeline of its figures) and the facts about it; every text
    escaped.

    `filterable` is for a page that narrows the sources in the browser (the static edition): per reported
    indicator a hidden not-reported row it shows when none of the indicator's figures is left, and the line charts
    inline, so it can hide a source's line. Otherwise (the dashboard, whose HTML sanitiser drops inline SVG) a
    line chart is an image of the same SVG, its text alternative the image's alt text. `styled` puts the CSS
    before the table (a page with its own stylesheet takes STYLES instead).
    """
    figures, context = complete(story.figures, "figures"), complete(story.context, "context")
    articles = complete(story.articles, "articles")
    primary = story.article.get("file", "")
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
        for r in lines.itertuples():
            when = _when(r, named) if detail else ""
            rows.append(_figure_row(r, entry.heading, when, quote_anchor(int(r.start), r.source, primary),
                                    filterable))
        if not entry.is_vote and lines.loc[lines["year"] != "", "year"].nunique() >= 2:
            chart = trend_svg(lines, f"{entry.heading}: every figure by year")
            rows.append(f"<tr class='trend'><td colspan='3'>{chart if filterable else svg_image(chart)}</td></tr>")
    for r in country_facts(context, focus).itertuples():
        value = " ".join(p for p in (r.qualifier, r.value_text, r.unit) if p)
        rows.append(_row(r.label, value, r.quote, quote_anchor(r.start, r.source, primary),
                         r.source if filterable else ""))
    return ((CSS if styled else "") + "<table class='profile'><thead><tr><th scope='col'>What</th>"
            "<th scope='col'>Figure</th><th scope='col'>The article's words</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
