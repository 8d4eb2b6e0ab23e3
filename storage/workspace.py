"""Whole-workspace operations. ``purge_workspace`` is the single place that forgets a workspace."""

from __future__ import annotations

import sqlite_utils


def team_tables(db: sqlite_utils.Database) -> list[str]:
    """Every table that has a ``team_id`` column (workspace data), children before parents."""
    names = [t.name for t in db.tables if "team_id" in t.columns_dict]
    # Delete tables that others reference last (observations/events before backlinks before sites).
    referenced = {fk.other_table for t in db.tables for fk in t.foreign_keys}
    return sorted(names, key=lambda n: (n in referenced, n))


def purge_workspace(db: sqlite_utils.Database, team_id: str) -> int:
    """Delete every row of ``team_id`` in every table with a ``team_id`` column, in one transaction.

    Idempotent: a second call deletes nothing and returns 0. Returns the number of rows deleted.
    """
    if not team_id or not str(team_id).strip():
        raise ValueError("team_id is required")
    deleted = 0
    db.execute("SAVEPOINT purge_workspace")  # one transaction (nests inside a caller's transaction)
    try:
        for name in team_tables(db):
            deleted += db.execute(f"DELETE FROM [{name}] WHERE team_id = ?", [team_id]).rowcount
    except BaseException:
        db.execute("ROLLBACK TO purge_workspace")
        db.execute("RELEASE purge_workspace")
        raise
    db.execute("RELEASE purge_workspace")
    return deleted
