"""Saving the journalist's decisions (the desk's writer; extraction only reads them): locked, merged, atomic."""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from components.extract.decisions import decision_key, decisions_csv, parse_decisions, path


class ConflictError(RuntimeError):
    """Someone else saved a decision on the same number and field since this one was prepared."""


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive flock on the folder itself: no lock file, and every writer (thread or process) waits its turn."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _read(file: Path) -> list[dict]:
    try:
        return parse_decisions(file.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return []


def _write_atomically(file: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _describe(row: dict) -> str:
    return f"{row['decision']} by {row['reviewer']} at {row['decided_at']}"


def _update(changes: list[tuple[tuple, dict | None, dict | None]], file: Path | None) -> list[dict]:
    """Apply (key, new row or None to remove, row expected there now) changes at once, or none of them."""
    file = file or path()
    with locked(file.parent):
        rows = _read(file)  # re-read under the lock: a save made meanwhile in another tab is kept
        for key, new, expected in changes:
            current = next((r for r in rows if decision_key(r) == key), None)
            if current != expected:
                if expected is None:
                    raise ConflictError(f"A decision on this number is already saved ({_describe(current)}). "
                                        "Nothing was saved: withdraw it first to decide again.")
                now = f"it now holds: {_describe(current)}" if current else "it was withdrawn"
                raise ConflictError(f"Someone else changed the decision on this number since you opened it ({now}). "
                                    "Nothing was saved: look at it again, then decide.")
            rows = [r for r in rows if decision_key(r) != key]
            if new is not None:
                rows.append(new)
        text = decisions_csv(rows)
        parse_decisions(text)  # a decision that breaks the contract is refused here, never written
        _write_atomically(file, text)
        return rows


def save_decision(decision: dict, expected: dict | None = None, file: Path | None = None) -> list[dict]:
    """Add one decision (expected=None: there must be none on its key yet), or replace `expected` by it.

    Returns every decision now in the file. Raises ConflictError, saving nothing, when the file holds something else
    on that key: a decision saved meanwhile by another tab is never overwritten.
    """
    return _update([(decision_key(decision), decision, expected)], file)


def withdraw_decision(decision: dict, file: Path | None = None) -> list[dict]:
    """Remove one decision, provided it is still exactly as the journalist saw it."""
    return _update([(decision_key(decision), None, decision)], file)


def replace_decision(old: dict, new: dict, file: Path | None = None) -> list[dict]:
    """Put `new` in place of `old` (a stale decision moved to its sentence's new place) in one locked write."""
    changes = [(decision_key(old), None, old)]
    if decision_key(new) != decision_key(old):
        changes.append((decision_key(new), new, None))
    else:
        changes = [(decision_key(old), new, old)]
    return _update(changes, file)
