"""Every anchor id both editions give the page, so links between charts, profile, context and article agree."""

from __future__ import annotations

CONTEXT = "context"  # the context section
ARTICLE = "article"  # the article section
PROFILE = "profile"  # the focused country's profile


def quote_anchor(start: int) -> str:
    """The id of a quote's highlight in the article view."""
    return f"q-{start}"


def panel_anchor(indicator: str) -> str:
    """The id of an indicator's panel, target of the article's ↩ links."""
    return f"panel-{indicator}"


def back_links(indicators: tuple[str, ...]) -> dict[str, str]:
    """Where a highlighted quote links back to: its indicator's panel, or the context section."""
    return {i: panel_anchor(i) for i in indicators} | {"context": CONTEXT}
