"""Where each site was tracked from (channel and user): the digest's fallback place to post.

See :mod:`storage.migrations.m032_site_homes`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import sqlite_utils


def is_channel(channel_id: str | None) -> bool:
    """A public or private channel id (``C…``/``G…``); DMs (``D…``) are not a place to post a digest."""
    return bool(channel_id) and str(channel_id)[:1] in ("C", "G")


def record_home(db: sqlite_utils.Database, team_id: str, domain: str, channel_id: str | None, user_id: str | None) -> None:
    """Remember where ``domain`` was tracked from. A later ``track`` from a channel replaces it; one
    from a DM keeps a channel recorded before (and updates the user)."""
    row = db.execute("SELECT id FROM sites WHERE team_id = ? AND domain = ?", [team_id, domain]).fetchone()
    if row is None:
        return
    channel = channel_id if is_channel(channel_id) else None
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db.execute(
        """INSERT INTO site_homes (team_id, site_id, channel_id, user_id, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (team_id, site_id) DO UPDATE SET
             channel_id = COALESCE(excluded.channel_id, site_homes.channel_id),
             user_id = COALESCE(excluded.user_id, site_homes.user_id),
             updated_at = excluded.updated_at""",
        [team_id, row[0], channel, user_id or None, now],
    )


def homes(db: sqlite_utils.Database, team_id: str) -> dict[int, dict[str, Any]]:
    """``site_id -> {"channel_id", "user_id"}`` for the workspace's sites."""
    return {
        r["site_id"]: {"channel_id": r["channel_id"], "user_id": r["user_id"]}
        for r in db.query("SELECT site_id, channel_id, user_id FROM site_homes WHERE team_id = ?", [team_id])
    }
