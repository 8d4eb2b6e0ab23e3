"""Whole-workspace operations. ``purge_workspace`` is the single place that forgets a workspace."""

from __future__ import annotations

import sqlite_utils


def team_tables(db: sqlite_utils.Database) -> list[str]:
    """Every table that has a ``team_id`` column (workspace data), children before parents (a table
    comes before every table it references), so deletes never trip a foreign key."""
    tables = {t.name: t for t in db.tables if "team_id" in t.columns_dict}
    parents = {name: {fk.other_table for fk in t.foreign_keys if fk.other_table in tables and fk.other_table != name}
               for name, t in tables.items()}
    order: list[str] = []
    remaining = dict(parents)
    while remaining:
        # a table nobody left references can go now
        ready = sorted(n for n in remaining if not any(n in ps for m, ps in remaining.items() if m != n))
        if not ready:  # a cycle: fall back to name order for the rest
            ready = sorted(remaining)
        for name in ready:
            order.append(name)
            remaining.pop(name)
    return order


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
