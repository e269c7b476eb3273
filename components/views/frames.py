"""Tables as the views read them: every contract column present, a missing one filled as empty (text) or NaN."""

from __future__ import annotations

import pandas as pd

from components.schema import TABLES


def complete(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """`frame` with every column of the contract's `table`; a column the caller left out is empty, never invented
    (empty text, NaN for numbers, -1 for offsets). Loaded data has them all; small hand-made tables may not."""
    missing = [f for f in TABLES[table]["fields"] if f.name not in frame.columns]
    if not missing:
        return frame
    fill = {f.name: (float("nan") if f.type == "number" else -1 if f.type == "integer" else "") for f in missing}
    return frame.assign(**fill)
