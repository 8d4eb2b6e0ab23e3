"""Scheduled discovery state per workspace (columns of ``digest_settings``, migration ``m031``).

Every function takes ``db`` and ``team_id`` first, except :func:`discovery_flags`, which the
scheduler reads at start and on every sweep to rebuild its jobs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

import sqlite_utils

from storage import digest_repo
from storage.digest_repo import DigestSettings, iso


@dataclass(frozen=True)
class DiscoveryState:
    """A workspace's scheduled discovery: switched on or off, and its last attempt."""

    team_id: str
    enabled: bool = True
    last_at: str | None = None
    last_outcome: str | None = None
    last_error: str | None = None
    last_run: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "last_at": self.last_at,
            "last_outcome": self.last_outcome,
            "last_error": self.last_error,
            "last_run": self.last_run,
        }


def get_state(db: sqlite_utils.Database, team_id: str) -> DiscoveryState:
    """The workspace's discovery state; the defaults (on, never run) when it has no settings row."""
    row = db.execute(
        "SELECT discovery, discovery_last_at, discovery_last_outcome, discovery_last_error, discovery_last_run "
        "FROM digest_settings WHERE team_id = ?",
        [team_id],
    ).fetchone()
    if row is None:
        return DiscoveryState(team_id)
    enabled, last_at, outcome, error, run = row
    return DiscoveryState(team_id, bool(enabled), last_at, outcome, error, run)


def set_enabled(db: sqlite_utils.Database, team_id: str, enabled: bool, *, now: datetime) -> DiscoveryState:
    """Switch scheduled discovery on or off (creating the settings row with its defaults first).

    Does not touch ``updated_at``: that one retries a failed digest week, which this is not about."""
    digest_repo.ensure_settings(db, team_id, now=now)
    db.execute("UPDATE digest_settings SET discovery = ? WHERE team_id = ?", [int(bool(enabled)), team_id])
    return get_state(db, team_id)


def record(
    db: sqlite_utils.Database,
    team_id: str,
    *,
    at: datetime,
    outcome: str,
    error: str | None = None,
    run_id: int | None = None,
) -> None:
    """Remember the last scheduled discovery attempt (shown by ``/backlinks digest settings``).

    ``run_id`` None keeps the run recorded before (a skipped or missed attempt has no run)."""
    digest_repo.ensure_settings(db, team_id, now=at)
    db.execute(
        "UPDATE digest_settings SET discovery_last_at = ?, discovery_last_outcome = ?, discovery_last_error = ?, "
        "discovery_last_run = COALESCE(?, discovery_last_run) WHERE team_id = ?",
        [iso(at), outcome, error, run_id, team_id],
    )


def discovery_flags(db: sqlite_utils.Database) -> dict[str, bool]:
    """Per workspace with a settings row: is scheduled discovery on (part of the job fingerprint)."""
    return {team: bool(flag) for team, flag in db.execute("SELECT team_id, discovery FROM digest_settings")}


def sweep_candidates(db: sqlite_utils.Database) -> list[tuple[DigestSettings, DiscoveryState]]:
    """Every workspace with own sites and a settings row: its digest settings and discovery state
    (one query; a workspace without a row never had a scheduled discovery, so none is overdue)."""
    names = [f.name for f in fields(DigestSettings)]
    cursor = db.execute(
        f"""SELECT {', '.join('d.' + n for n in names)}, d.discovery, d.discovery_last_at, d.discovery_last_outcome,
                   d.discovery_last_error, d.discovery_last_run
            FROM digest_settings d WHERE d.team_id IN (SELECT team_id FROM sites WHERE role = 'own') ORDER BY d.team_id"""
    )
    result = []
    for row in cursor.fetchall():
        data = dict(zip(names, row[: len(names)]))
        for name in ("enabled", "daily_recheck"):
            data[name] = bool(data[name])
        enabled, last_at, outcome, error, run = row[len(names) :]
        result.append((DigestSettings(**data), DiscoveryState(data["team_id"], bool(enabled), last_at, outcome, error, run)))
    return result


def unfinished_scheduled(db: sqlite_utils.Database) -> list[str]:
    """Workspaces whose last whole-workspace discovery run did not finish (interrupted, or still
    marked running after a crash): the scheduler resumes them without waiting a week."""
    rows = db.execute(
        """SELECT r.team_id FROM discover_runs r
           JOIN (SELECT team_id, MAX(id) AS id FROM discover_runs WHERE scope = '*' GROUP BY team_id) last
             ON last.id = r.id
           WHERE r.state IN ('running', 'interrupted') ORDER BY r.team_id"""
    ).fetchall()
    return [row[0] for row in rows]


def running_run_ids(db: sqlite_utils.Database, team_id: str) -> list[int]:
    """Ids of the workspace's discovery runs marked running (any scope)."""
    return [row[0] for row in db.execute("SELECT id FROM discover_runs WHERE team_id = ? AND state = 'running'", [team_id])]
