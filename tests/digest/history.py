"""Building a site's history directly in SQLite (as checks would leave it), for digest tests."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlite_utils

from storage.digest_repo import iso
from storage.sites import add_site


def make_site(
    db: sqlite_utils.Database, team_id: str, domain: str, *, created: datetime, channel_id: str | None = None,
    competitor_of: str | None = None,
) -> int:
    site = add_site(db, team_id, domain, channel_id=channel_id, competitor_of=competitor_of)
    db.execute("UPDATE sites SET created_at = ? WHERE id = ?", [iso(created), site.id])
    return site.id


def add_link(
    db: sqlite_utils.Database,
    team_id: str,
    site_id: int,
    url: str,
    *,
    added: datetime,
    status: str = "live",
    kind: str = "dofollow",
    follow: bool = True,
    placement: str = "content",
    anchor: str = "anchor",
    ever_live: bool = True,
) -> int:
    domain = url.split("/")[2].removeprefix("www.")
    cur = db.execute(
        """INSERT INTO backlinks (team_id, site_id, source_url, source_domain, found_by, added_at, status, kind, follow,
                                  placement, anchor, last_live_at)
           VALUES (?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?)""",
        [team_id, site_id, url, domain, iso(added), status, kind, int(follow), placement, anchor, iso(added) if ever_live else None],
    )
    return int(cur.lastrowid)


def add_event(
    db: sqlite_utils.Database, team_id: str, site_id: int, link_id: int, kind: str, at: datetime, *,
    reason: str | None = None, detail: dict[str, Any] | None = None,
) -> None:
    db.execute(
        "INSERT INTO events (team_id, site_id, backlink_id, at, type, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [team_id, site_id, link_id, iso(at), kind, reason, json.dumps(detail or {})],
    )


def lose(db: sqlite_utils.Database, team_id: str, site_id: int, link_id: int, at: datetime, reason: str = "link-removed") -> None:
    db.execute("UPDATE backlinks SET status = 'lost', reason = ? WHERE id = ?", [reason, link_id])
    add_event(db, team_id, site_id, link_id, "lost", at, reason=reason, detail={"last_link": {"kind": "dofollow", "follow": True}})
