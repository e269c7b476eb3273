"""The focused country's profile as HTML: its four indicators and the facts about it, with quotes."""

from __future__ import annotations

import html

import pandas as pd

from components.indicators import BY_ID
from components.store import Story
from components.views.anchors import quote_anchor
from components.views.labels import NOT_REPORTED, PANELS
from components.views.rows import panel_rows

# Both editions add this to their stylesheet; on a phone the table's cells stack.
CSS = """.profile{border-collapse:collapse;width:100%}
.profile th,.profile td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-top:1px solid #e6e6e6}
.profile td.v{font-weight:700;white-space:nowrap}
.profile q{color:#444}
.profile .nr{color:#555;font-weight:400}
@media (max-width:640px){.profile thead{display:none}.profile tr,.profile th,.profile td{display:block}
.profile th{border-top:1px solid #ccc;padding-bottom:0}.profile td{border-top:0;padding-top:.15rem}}"""
REGION_WIDE = 3  # a fact naming this many states or more is about the region, not one country


def _row(label: str, value: str, quote: str, anchor: str) -> str:
    return (f"<tr><th scope='row'>{html.escape(label)}</th><td class='v'>{html.escape(value)}</td>"
            f"<td><q>{html.escape(quote)}</q> <a href='#{anchor}'>Read it in the article ↓</a></td></tr>")


def country_facts(context: pd.DataFrame, focus: str) -> pd.DataFrame:
    """Context facts whose sentence names this country and at most two others."""
    named = context["countries"].str.split(";")
    return context[named.apply(lambda cs: focus in cs and len(cs) < REGION_WIDE)]


def profile_html(story: Story, focus: str) -> str:
    """A table of the country's four indicators and the facts about it; every text escaped."""
    rows = []
    for indicator in PANELS:
        r = panel_rows(story.figures, indicator, [focus]).iloc[0]
        if not r["reported"]:
            rows.append(f"<tr><th scope='row'>{html.escape(BY_ID[indicator].heading)}</th>"
                        f"<td class='v nr'>{NOT_REPORTED}</td><td></td></tr>")
            continue
        rows.append(_row(BY_ID[indicator].heading, r["written"], r["quote"], quote_anchor(int(r["start"]))))
    for r in country_facts(story.context, focus).itertuples():
        value = " ".join(p for p in (r.qualifier, r.value_text, r.unit) if p)
        rows.append(_row(r.label, value, r.quote, quote_anchor(r.start)))
    return ("<table class='profile'><thead><tr><th scope='col'>What</th><th scope='col'>Figure</th>"
            "<th scope='col'>The article's words</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
