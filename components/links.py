"""Share links: read `country` and `focus` from a query string safely, and write them back."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from components.countries import CENTRAL_ASIA

PARAMS = ("country", "focus")
MAX_VALUES = 50  # a link with more values than this is not one the page made


@dataclass(frozen=True)
class Link:
    """The view a link asks for, in canonical form, and how many values were ignored."""

    countries: list[str] = field(default_factory=list)
    focus: str | None = None
    ignored: int = 0

    def canonical_pairs(self) -> list[tuple[str, str]]:
        """The query string's (name, value) pairs, in the order the page writes them."""
        return [("country", c) for c in self.countries] + ([("focus", self.focus)] if self.focus else [])

    def canonical(self) -> dict[str, list[str]]:
        """The query params the bound widgets would write for this view."""
        params: dict[str, list[str]] = {}
        if self.countries:
            params["country"] = list(self.countries)
        if self.focus:
            params["focus"] = [self.focus]
        return params


def _code(value: object) -> str | None:
    text = str(value).strip().upper()
    return text if text in CENTRAL_ASIA else None


def parse_link(raw: dict[str, list[str]]) -> Link:
    """Keep known ISO3 codes (any case, deduplicated, in the region's order); count the rest."""
    ignored = 0
    countries: list[str] = []
    for value in raw.get("country", [])[:MAX_VALUES]:
        code = _code(value)
        if code is None:
            ignored += 1 if str(value).strip() else 0
        elif code not in countries:
            countries.append(code)
    ignored += max(0, len(raw.get("country", [])) - MAX_VALUES)
    focus = None
    for value in raw.get("focus", []):
        code = _code(value)
        if code and focus is None:
            focus = code
        elif str(value).strip():
            ignored += 1
    return Link(countries=[c for c in CENTRAL_ASIA if c in countries], focus=focus, ignored=ignored)


def share_url(base: str, countries: list[str], focus: str | None) -> str:
    """The address that reopens this view: base URL plus canonical `country`/`focus` params."""
    pairs = Link(countries, focus).canonical_pairs()
    base = base.split("?", 1)[0].split("#", 1)[0]
    return f"{base}?{urlencode(pairs)}" if pairs else base
