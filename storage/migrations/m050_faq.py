"""Question desk schema: questions the desk could not answer, per workspace.

Only the workspace, the question text and the time are kept (no user id, no channel): enough to see
what people ask, nothing more.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("faq")


@MIGRATIONS()
def m001_faq_unanswered(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE faq_unanswered (
            team_id TEXT NOT NULL,
            text TEXT NOT NULL,
            asked_at TEXT NOT NULL      -- UTC ISO-8601
        );
        CREATE INDEX faq_unanswered_team ON faq_unanswered (team_id, asked_at);
        """
    )
