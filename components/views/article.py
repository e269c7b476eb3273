"""The article as HTML: the seed text, escaped, with every extracted quote highlighted and anchored."""

from __future__ import annotations

import html

import pandas as pd

from components.views.anchors import quote_anchor


def article_html(seed_text: str, figures: pd.DataFrame, context: pd.DataFrame, back: dict[str, str]) -> str:
    """Seed text as paragraphs; each quote in <mark id=q-START>, its numbers in <strong>.

    `back` maps a figure's indicator to the anchor of its chart (and "context" to the context section), for the
    link back from the words; a quote whose key it lacks gets no link.
    """
    quotes: dict[tuple[int, int], str | None] = {}  # a quote's span -> the anchor its ↩ link leads to, if any
    for row in figures.itertuples():
        quotes.setdefault((row.start, row.end), back.get(row.indicator))
    for row in context.itertuples():
        quotes.setdefault((row.start, row.end), back.get("context"))
    values = sorted({(r.value_start, r.value_end) for f in (figures, context) for r in f.itertuples()})
    spans = sorted(quotes)
    out: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:  # overlapping quotes cannot both be marked; sentences never overlap
            continue
        out.append(html.escape(seed_text[cursor:start]))
        inner = _strong_values(seed_text, start, end, values)
        link = quotes[(start, end)]
        back_link = f'<a class="back" href="#{link}" aria-label="Back to the chart">↩</a>' if link else ""
        out.append(f'<mark id="{quote_anchor(start)}">{inner}</mark>{back_link}')
        cursor = end
    out.append(html.escape(seed_text[cursor:]))
    paragraphs = "".join(out).split("\n")
    return "".join(f"<p>{p}</p>" for p in paragraphs if p.strip())


def _strong_values(text: str, start: int, end: int, values: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    cursor = start
    for v_start, v_end in values:
        if start <= v_start and v_end <= end and v_start >= cursor:
            parts.append(html.escape(text[cursor:v_start]))
            parts.append(f"<strong>{html.escape(text[v_start:v_end])}</strong>")
            cursor = v_end
    parts.append(html.escape(text[cursor:end]))
    return "".join(parts)
