"""The reader's sign that a figure was checked by the newsroom (accepted or corrected on the journalist's desk)."""

from __future__ import annotations

from collections.abc import Mapping

MARK = "✓ checked by the newsroom"
NOTES = {"accepted": "A journalist added this figure from the article's words.",
         "corrected": "A journalist corrected this figure against the article's words."}


def review_mark(row: Mapping) -> str:
    """The mark for a figures row (dict or pandas Series): MARK when the newsroom reviewed it, else ''."""
    return MARK if row.get("review") in NOTES else ""


def review_note(row: Mapping) -> str:
    """What the newsroom did to the figure, for a tooltip; '' when the row is as extracted."""
    return NOTES.get(row.get("review") or "", "")
