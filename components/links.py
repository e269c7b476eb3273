"""Share links: read `country`, `focus` and `source` from a query string safely, and write them back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlencode

from components.countries import CENTRAL_ASIA

PARAMS = ("country", "focus", "source")  # the parameters the page owns; any other one is left as it is
MAX_VALUES = 50  # a link with more values than this is not one the page made


@dataclass(frozen=True)
class Link:
    """The view a link asks for, in canonical form, and how many values were ignored.

    `sources` are seed file stems (`seeds/<stem>.txt`); none means every source.
    """

    countries: list[str] = field(default_factory=list)
    focus: str | None = None
    ignored: int = 0
    sources: list[str] = field(default_factory=list)

    def canonical_pairs(self) -> list[tuple[str, str]]:
        """The query string's (name, value) pairs, in the order the page writes them."""
        return ([("country", c) for c in self.countries] + ([("focus", self.focus)] if self.focus else [])
                + [("source", s) for s in self.sources])

    def canonical(self) -> dict[str, list[str]]:
        """The query params the bound widgets would write for this view."""
        params: dict[str, list[str]] = {}
        for name, value in self.canonical_pairs():
            params.setdefault(name, []).append(value)
        return params


def source_ids(files: Iterable[str]) -> list[str]:
    """The `source` values of seed files: their names without `.txt`, in the order given."""
    return [PurePath(name).stem for name in files]


def _pick(values: list[str], known: dict[str, str]) -> tuple[set[str], int]:
    """Known values (normalised spellings mapped to canonical ones) among the first MAX_VALUES; and how many were
    ignored: each non-blank unknown value and every value past the cap."""
    picked: set[str] = set()
    ignored = max(0, len(values) - MAX_VALUES)
    for value in values[:MAX_VALUES]:
        if value in known:
            picked.add(known[value])
        elif value:
            ignored += 1
    return picked, ignored


def parse_link(raw: dict[str, list[str]], sources: Iterable[str] = ()) -> Link:
    """Keep known ISO3 codes and known sources (any case, deduplicated, in their canonical order); count the rest.

    `sources` lists the seed stems the page has; a `source` value names one of them, in any case, with or without
    `.txt`. Without `sources`, every `source` value is unknown.
    """
    known = list(sources)
    countries, ignored = _pick([str(v).strip().upper() for v in raw.get("country", [])], {c: c for c in CENTRAL_ASIA})
    focus = None
    for value in raw.get("focus", []):
        code = str(value).strip().upper()
        if code in CENTRAL_ASIA and focus is None:
            focus = code
        elif code:
            ignored += 1
    spellings = {s.lower(): s for s in known} | {f"{s.lower()}.txt": s for s in known}
    chosen, dropped = _pick([str(v).strip().lower() for v in raw.get("source", [])], spellings)
    return Link(countries=[c for c in CENTRAL_ASIA if c in countries], focus=focus, ignored=ignored + dropped,
                sources=[s for s in known if s in chosen])


def share_url(base: str, countries: list[str], focus: str | None, sources: list[str] | None = None) -> str:
    """The address that reopens this view: base URL plus the canonical `country`/`focus`/`source` params only.

    Nothing else of the address it was opened with is kept: not Streamlit's `embed` options (a shared link opens
    the full page), not campaign tags such as `utm_source` (they describe how the sharer arrived), and no other
    value the page did not check, because this link is shown on the page.
    """
    pairs = Link(countries, focus, sources=list(sources or [])).canonical_pairs()
    base = base.split("#")[0].split("?")[0]
    return f"{base}?{urlencode(pairs)}" if pairs else base
