"""Stored times: UTC ISO-8601 strings (``2026-11-25T09:00:00+00:00``), written and read in one way."""

from __future__ import annotations

from datetime import datetime, timezone


def now_iso() -> str:
    """Now, as stored."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def parse_iso(value: str | None) -> datetime | None:
    """A stored time as an aware datetime (naive values are UTC); None for empty or unreadable text."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
