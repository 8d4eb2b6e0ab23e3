"""Repository for the question desk: unanswered questions, always scoped to one workspace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import sqlite_utils

MAX_TEXT = 500  # characters kept of one question; longer text is cut, not refused


@dataclass(frozen=True)
class UnansweredQuestion:
    text: str
    asked_at: str


def _require_team(team_id: str) -> None:
    if not team_id or not str(team_id).strip():
        raise ValueError("team_id is required")


def record_unanswered(db: sqlite_utils.Database, team_id: str, text: str, asked_at: datetime | str | None = None) -> None:
    """Remember that ``text`` was asked in workspace ``team_id`` and the desk had no answer."""
    _require_team(team_id)
    text = " ".join((text or "").split())[:MAX_TEXT]
    if not text:
        return
    if asked_at is None:
        asked_at = datetime.now(timezone.utc)
    if isinstance(asked_at, datetime):
        if asked_at.tzinfo is None:
            asked_at = asked_at.replace(tzinfo=timezone.utc)
        asked_at = asked_at.astimezone(timezone.utc).isoformat(timespec="seconds")
    db.execute(
        "INSERT INTO faq_unanswered (team_id, text, asked_at) VALUES (?, ?, ?)",
        [team_id, text, asked_at],
    )


def list_unanswered(db: sqlite_utils.Database, team_id: str, limit: int = 50) -> list[UnansweredQuestion]:
    """The most recent unanswered questions of workspace ``team_id``, newest first."""
    _require_team(team_id)
    limit = max(1, min(int(limit), 1000))
    rows = db.execute(
        "SELECT text, asked_at FROM faq_unanswered WHERE team_id = ? ORDER BY asked_at DESC, rowid DESC LIMIT ?",
        [team_id, limit],
    ).fetchall()
    return [UnansweredQuestion(text=row[0], asked_at=row[1]) for row in rows]
