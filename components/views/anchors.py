"""Every anchor id both editions give the page, so links between charts, profile, context and article agree."""

from __future__ import annotations

import re

CONTEXT = "context"  # the context section
ARTICLE = "article"  # the article section
PROFILE = "profile"  # the focused country's profile (the dashboard shows one; the static page one per country)
DATA = "data"  # the data section
MAP = "panel-map"  # the map panel
PANELS = "h-panels"  # heading of the panels section (static edition)


def quote_anchor(start: int, source: str = "", primary: str = "") -> str:
    """The id of a quote's highlight in the article view.

    The first (`primary`) article keeps the short `q-START` every earlier link used; another article's quotes
    carry its file name, so two articles' offsets never share an id. Without a primary, every id is short.
    """
    if not source or not primary or source == primary:
        return f"q-{start}"
    return f"q-{slug(source)}-{start}"


def slug(source: str) -> str:
    """A seed file name as an id fragment: its stem, with anything but letters, digits and '-' as '-'."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", source.rsplit(".", 1)[0]).strip("-") or "article"


def panel_anchor(indicator: str) -> str:
    """The id of an indicator's panel, target of the article's ↩ links."""
    return f"panel-{indicator}"


def panel_heading(indicator: str) -> str:
    """The id of an indicator panel's heading (the static edition labels its section with it)."""
    return f"h-{indicator}"


def profile_anchor(iso3: str) -> str:
    """The id of one country's profile in the static edition (the dashboard shows only the focused one)."""
    return f"{PROFILE}-{iso3}"


def article_anchor(source: str, primary: str = "") -> str:
    """The id of one article's text: `article` for the first, `article-STEM` for the others."""
    return ARTICLE if not source or source == primary else f"{ARTICLE}-{slug(source)}"


def back_links(indicators: tuple[str, ...]) -> dict[str, str]:
    """Where a highlighted quote links back to: its indicator's panel, or the context section."""
    return {i: panel_anchor(i) for i in indicators} | {"context": CONTEXT}
