"""Repository for the Slack surface: installations, user preferences, event dedupe, pending uploads.

Every function takes ``db`` first and, where workspace data is concerned, ``team_id``; no query reads
across workspaces. Call these through :meth:`storage.store.Store.call` from async code.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlite_utils


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="seconds")


def _require_team(team_id: str) -> None:
    if not team_id or not str(team_id).strip():
        raise ValueError("team_id is required")


# ---------------------------------------------------------------- user preferences


@dataclass(frozen=True)
class UserPrefs:
    lang: str | None  # explicit choice (nl|en) or None
    locale: str | None  # Slack locale (nl-NL, en-US, ...) cached from users.info


def get_user_prefs(db: sqlite_utils.Database, team_id: str, user_id: str) -> UserPrefs:
    _require_team(team_id)
    row = db.execute(
        "SELECT lang, locale FROM slack_user_prefs WHERE team_id = ? AND user_id = ?", [team_id, user_id]
    ).fetchone()
    return UserPrefs(lang=row[0], locale=row[1]) if row else UserPrefs(lang=None, locale=None)


def set_user_lang(db: sqlite_utils.Database, team_id: str, user_id: str, lang: str | None) -> None:
    _require_team(team_id)
    db.execute(
        """INSERT INTO slack_user_prefs (team_id, user_id, lang, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (team_id, user_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at""",
        [team_id, user_id, lang, _iso(_now())],
    )


def set_user_locale(db: sqlite_utils.Database, team_id: str, user_id: str, locale: str) -> None:
    _require_team(team_id)
    db.execute(
        """INSERT INTO slack_user_prefs (team_id, user_id, locale, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (team_id, user_id) DO UPDATE SET locale = excluded.locale, updated_at = excluded.updated_at""",
        [team_id, user_id, locale, _iso(_now())],
    )


def mark_welcomed(db: sqlite_utils.Database, team_id: str, user_id: str) -> bool:
    """True the first time for a user (then say hello), False ever after."""
    _require_team(team_id)
    now = _iso(_now())
    db.execute(
        "INSERT OR IGNORE INTO slack_user_prefs (team_id, user_id, updated_at) VALUES (?, ?, ?)", [team_id, user_id, now]
    )
    cur = db.execute(
        "UPDATE slack_user_prefs SET welcomed_at = ? WHERE team_id = ? AND user_id = ? AND welcomed_at IS NULL",
        [now, team_id, user_id],
    )
    return cur.rowcount == 1


# ---------------------------------------------------------------- event dedupe


def mark_processed(db: sqlite_utils.Database, team_id: str, key: str, at: datetime | None = None) -> bool:
    """Record ``key`` (an event id) for ``team_id``; True when it is new, False when seen before.

    The insert is atomic (primary key), so two deliveries of one event never both get True.
    """
    _require_team(team_id)
    cur = db.execute(
        "INSERT OR IGNORE INTO slack_processed_events (team_id, event_key, received_at) VALUES (?, ?, ?)",
        [team_id, key, _iso(at or _now())],
    )
    return cur.rowcount == 1


def prune_processed(db: sqlite_utils.Database, older_than: timedelta = timedelta(days=2)) -> int:
    """Forget processed event ids older than ``older_than`` (Slack retries within minutes)."""
    cur = db.execute("DELETE FROM slack_processed_events WHERE received_at < ?", [_iso(_now() - older_than)])
    return cur.rowcount


# ---------------------------------------------------------------- pending uploads


@dataclass(frozen=True)
class PendingUpload:
    domain: str
    channel_id: str | None


def set_pending_upload(
    db: sqlite_utils.Database, team_id: str, user_id: str, domain: str, channel_id: str | None, ttl: timedelta = timedelta(hours=1)
) -> None:
    """Remember that ``user_id`` wants the next file they upload to be imported into ``domain``."""
    _require_team(team_id)
    db.execute(
        """INSERT INTO slack_pending_uploads (team_id, user_id, domain, channel_id, expires_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (team_id, user_id) DO UPDATE SET domain = excluded.domain,
               channel_id = excluded.channel_id, expires_at = excluded.expires_at""",
        [team_id, user_id, domain, channel_id, _iso(_now() + ttl)],
    )


def get_pending_upload(db: sqlite_utils.Database, team_id: str, user_id: str) -> PendingUpload | None:
    _require_team(team_id)
    row = db.execute(
        "SELECT domain, channel_id, expires_at FROM slack_pending_uploads WHERE team_id = ? AND user_id = ?",
        [team_id, user_id],
    ).fetchone()
    if not row or row[2] < _iso(_now()):
        return None
    return PendingUpload(domain=row[0], channel_id=row[1])


def clear_pending_upload(db: sqlite_utils.Database, team_id: str, user_id: str) -> None:
    _require_team(team_id)
    db.execute("DELETE FROM slack_pending_uploads WHERE team_id = ? AND user_id = ?", [team_id, user_id])


# ---------------------------------------------------------------- installations (OAuth)


def save_installation(db: sqlite_utils.Database, team_id: str, enterprise_id: str, user_id: str | None,
                      installed_at: float, data: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO slack_installations (team_id, enterprise_id, user_id, installed_at, data) VALUES (?, ?, ?, ?, ?)",
        [team_id or "", enterprise_id or "", user_id, installed_at, json.dumps(data)],
    )


def save_bot(db: sqlite_utils.Database, team_id: str, enterprise_id: str, installed_at: float, data: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO slack_bots (team_id, enterprise_id, installed_at, data) VALUES (?, ?, ?, ?)",
        [team_id or "", enterprise_id or "", installed_at, json.dumps(data)],
    )


def find_installation(db: sqlite_utils.Database, team_id: str, enterprise_id: str, user_id: str | None = None) -> dict[str, Any] | None:
    sql = "SELECT data FROM slack_installations WHERE team_id = ? AND enterprise_id = ?"
    params: list[Any] = [team_id or "", enterprise_id or ""]
    if user_id is not None:
        sql += " AND user_id = ?"
        params.append(user_id)
    row = db.execute(sql + " ORDER BY installed_at DESC, id DESC LIMIT 1", params).fetchone()
    return json.loads(row[0]) if row else None


def find_bot(db: sqlite_utils.Database, team_id: str, enterprise_id: str) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT data FROM slack_bots WHERE team_id = ? AND enterprise_id = ? ORDER BY installed_at DESC, id DESC LIMIT 1",
        [team_id or "", enterprise_id or ""],
    ).fetchone()
    return json.loads(row[0]) if row else None


def delete_installations(db: sqlite_utils.Database, team_id: str, enterprise_id: str, user_id: str | None = None) -> int:
    sql = "DELETE FROM slack_installations WHERE team_id = ? AND enterprise_id = ?"
    params: list[Any] = [team_id or "", enterprise_id or ""]
    if user_id is not None:
        sql += " AND user_id = ?"
        params.append(user_id)
    return db.execute(sql, params).rowcount


def delete_bots(db: sqlite_utils.Database, team_id: str, enterprise_id: str) -> int:
    return db.execute(
        "DELETE FROM slack_bots WHERE team_id = ? AND enterprise_id = ?", [team_id or "", enterprise_id or ""]
    ).rowcount


def installed_team_ids(db: sqlite_utils.Database) -> list[str]:
    """Every workspace with a bot installation (used by schedulers to iterate workspaces)."""
    return [r[0] for r in db.execute("SELECT DISTINCT team_id FROM slack_bots WHERE team_id != '' ORDER BY team_id")]


# ---------------------------------------------------------------- OAuth state


def issue_state(db: sqlite_utils.Database, state: str, ttl_seconds: float = 600) -> None:
    now = time.time()
    db.execute("DELETE FROM slack_oauth_states WHERE expires_at < ?", [now])
    db.execute("INSERT INTO slack_oauth_states (state, expires_at) VALUES (?, ?)", [state, now + ttl_seconds])


def consume_state(db: sqlite_utils.Database, state: str) -> bool:
    """True (once) when ``state`` was issued and has not expired."""
    row = db.execute("SELECT expires_at FROM slack_oauth_states WHERE state = ?", [state]).fetchone()
    if row is None:
        return False
    db.execute("DELETE FROM slack_oauth_states WHERE state = ?", [state])
    return row[0] >= time.time()
