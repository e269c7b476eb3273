"""The article on the journalist's desk as HTML: every number marked by its fate, numbered, with the reason."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Protocol


class Item(Protocol):
    """What the view needs of a desk item (components/extract/desk.py): views do not import extraction."""

    n: int
    start: int
    end: int
    text: str
    status: str
    reason: str

STATUS_LABELS = {"figure": "figure", "accepted": "figure, accepted by the newsroom",
                 "corrected": "figure, corrected by the newsroom", "rejected": "figure, rejected by the newsroom",
                 "date of a figure": "a figure's year or date", "context": "context fact", "left out": "left out"}

CSS = """<style>
.desk-article{font-size:1rem;line-height:1.75;max-width:46rem}
.desk-article p{margin:0 0 .8rem}
.desk-article .n{border-radius:3px;padding:.05em .2em;white-space:nowrap}
.desk-article .n sup{font-size:.68em;font-weight:700;margin-left:.15em;color:#333}
.s-figure{background:#d4e8f7;box-shadow:inset 0 -2px #0072B2}
.s-accepted,.s-corrected{background:#cdeee2;box-shadow:inset 0 -2px #009E73}
.s-accepted::before,.s-corrected::before{content:"✓ ";color:#00694d;font-weight:700}
.s-rejected{background:#f9ddd2;text-decoration:line-through;text-decoration-color:#b23c00}
.s-context{background:#ececec}
.s-date-of-a-figure{background:#eef5fb;box-shadow:inset 0 -1px #0072B2}
.s-left-out{background:#fdebbd;box-shadow:inset 0 -2px #b87d00}
.desk-article .picked{outline:3px solid #1a1a1a;outline-offset:1px}
.desk-legend{display:flex;flex-wrap:wrap;gap:.35rem .9rem;font-size:.85rem;margin:.2rem 0 .6rem}
.desk-legend .n{border-radius:3px;padding:.05em .35em}
</style>"""


def status_class(status: str) -> str:
    return "s-" + status.replace(" ", "-")


def legend_html() -> str:
    """The key to the marks."""
    chips = "".join(f"<span class='n {status_class(s)}'>{html.escape(label)}</span>"
                    for s, label in STATUS_LABELS.items())
    return f"{CSS}<div class='desk-legend' aria-label='Key to the marks'>{chips}</div>"


def item_title(item: Item) -> str:
    """The tooltip of a mark: its number, fate and reason."""
    reason = f": {item.reason}" if item.reason else ""
    return f"#{item.n} {STATUS_LABELS[item.status]}{reason}"


def desk_article_html(text: str, items: Sequence[Item], picked: int | None = None) -> str:
    """The seed text as paragraphs, escaped; each item marked with its status class, number and reason."""
    out: list[str] = []
    cursor = 0
    for item in sorted(items, key=lambda i: i.start):
        if item.start < cursor:
            continue
        out.append(html.escape(text[cursor:item.start]))
        picked_class = " picked" if item.start == picked else ""
        out.append(f"<span class='n {status_class(item.status)}{picked_class}' title='{html.escape(item_title(item))}'>"
                   f"{html.escape(item.text)}<sup>{item.n}</sup></span>")
        cursor = item.end
    out.append(html.escape(text[cursor:]))
    paragraphs = "".join(out).split("\n")
    return CSS + "<div class='desk-article'>" + "".join(f"<p>{p}</p>" for p in paragraphs if p.strip()) + "</div>"


def sentence_html(text: str, quote: tuple[int, int], value: tuple[int, int]) -> str:
    """A quote with the number in bold, escaped."""
    s, e = quote
    v_s, v_e = value
    return (f"<blockquote style='margin:.2rem 0 .6rem;padding:.3rem .8rem;border-left:4px solid #0072B2;"
            f"background:#f5f8fb'>{html.escape(text[s:v_s])}<strong>{html.escape(text[v_s:v_e])}</strong>"
            f"{html.escape(text[v_e:e])}</blockquote>")
