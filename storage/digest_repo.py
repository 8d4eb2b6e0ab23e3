"""Digest settings per workspace (table ``digest_settings``, migration ``m030_digest``).

Every function takes ``db`` and ``team_id`` first; nothing reads across workspaces except
:func:`digest_team_ids`, which the scheduler uses at start to rebuild its jobs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlite_utils

from bot.errors import UserInputError

DEFAULT_TZ = "Europe/Amsterdam"
DEFAULT_WEEKDAY = 0  # Monday
DEFAULT_TIME = "09:00"
DEFAULT_TARGET = (2, 4)
TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


def iso(dt: datetime) -> str:
    """A UTC ISO-8601 string with seconds, as every table stores times."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime")
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime:
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def zone_or_none(name: str | None) -> ZoneInfo | None:
    """``ZoneInfo(name)``, or None when the name is empty or unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def normalise_time(text: str) -> str:
    """``9:00``, ``09.00``, ``9h00`` -> ``09:00``; UserInputError otherwise."""
    match = TIME_RE.match(text.strip())
    if not match:
        raise UserInputError(f"{text!r} is not a time of day; use HH:MM, for example 09:00.")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


@dataclass(frozen=True)
class DigestSettings:
    team_id: str
    enabled_since: str
    updated_at: str
    enabled: bool = True
    channel_id: str | None = None
    weekday: int = DEFAULT_WEEKDAY
    time: str = DEFAULT_TIME
    tz: str | None = None
    lang: str = "en"
    target_min: int = DEFAULT_TARGET[0]
    target_max: int = DEFAULT_TARGET[1]
    daily_recheck: bool = False
    last_run_at: str | None = None
    last_outcome: str | None = None
    last_error: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The workspace's time zone (Europe/Amsterdam when unset or unknown)."""
        return zone_or_none(self.tz) or ZoneInfo(DEFAULT_TZ)

    @property
    def tz_name(self) -> str:
        return self.zone.key

    @property
    def hour(self) -> int:
        return int(self.time.split(":")[0])

    @property
    def minute(self) -> int:
        return int(self.time.split(":")[1])

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["tz"] = self.tz_name
        return data

    @classmethod
    def defaults(cls, team_id: str, now: datetime) -> "DigestSettings":
        return cls(team_id=team_id, enabled_since=iso(now), updated_at=iso(now))


_BOOL = {"enabled", "daily_recheck"}
_EDITABLE = {"enabled", "channel_id", "weekday", "time", "tz", "lang", "target_min", "target_max", "daily_recheck"}


def _from_row(row: dict[str, Any]) -> DigestSettings:
    data = {f.name: row.get(f.name) for f in fields(DigestSettings) if f.name in row}
    for name in _BOOL:
        data[name] = bool(data[name])
    return DigestSettings(**data)


def get_settings(db: sqlite_utils.Database, team_id: str) -> DigestSettings | None:
    rows = list(db.query("SELECT * FROM digest_settings WHERE team_id = ?", [team_id]))
    return _from_row(rows[0]) if rows else None


def ensure_settings(
    db: sqlite_utils.Database, team_id: str, *, now: datetime, tz: str | None = None, lang: str | None = None
) -> DigestSettings:
    """The workspace's settings, created with the defaults (and ``tz``/``lang`` if given) when missing."""
    existing = get_settings(db, team_id)
    if existing is not None:
        return existing
    settings = DigestSettings.defaults(team_id, now)
    if tz and zone_or_none(tz):
        settings = replace(settings, tz=tz)
    if lang in ("en", "nl"):
        settings = replace(settings, lang=lang)
    row = {f.name: getattr(settings, f.name) for f in fields(settings)}
    for name in _BOOL:
        row[name] = int(row[name])
    db.execute(
        f"INSERT OR IGNORE INTO digest_settings ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        list(row.values()),
    )
    return get_settings(db, team_id)  # type: ignore[return-value]


def validate_change(name: str, value: Any) -> Any:
    """Check one editable field; returns the stored value or raises UserInputError."""
    if name not in _EDITABLE:
        raise ValueError(f"not an editable digest setting: {name}")
    if name in _BOOL:
        return int(bool(value))
    if name == "weekday":
        if not isinstance(value, int) or not 0 <= value <= 6:
            raise UserInputError("The weekday must be Monday to Sunday.")
        return value
    if name == "time":
        return normalise_time(str(value))
    if name == "tz":
        if value is not None and zone_or_none(str(value)) is None:
            raise UserInputError(f"{value!r} is not a time zone name, for example Europe/Amsterdam.")
        return value
    if name == "lang":
        if value not in ("en", "nl"):
            raise UserInputError("The language must be en or nl.")
        return value
    if name in ("target_min", "target_max"):
        if not isinstance(value, int) or not 0 <= value <= 1000:
            raise UserInputError("The monthly target must be a number of links between 0 and 1000.")
        return value
    return value


def update_settings(db: sqlite_utils.Database, team_id: str, *, now: datetime, **changes: Any) -> DigestSettings:
    """Change settings (creating the row first); switching the digest on resets ``enabled_since``."""
    current = ensure_settings(db, team_id, now=now)
    values = {name: validate_change(name, value) for name, value in changes.items()}
    if "target_min" in values and "target_max" in values and values["target_min"] > values["target_max"]:
        values["target_min"], values["target_max"] = values["target_max"], values["target_min"]
    if values.get("enabled") == 1 and not current.enabled:
        values["enabled_since"] = iso(now)
    values["updated_at"] = iso(now)
    assignments = ", ".join(f"{name} = ?" for name in values)
    with db.conn:
        db.execute(f"UPDATE digest_settings SET {assignments} WHERE team_id = ?", [*values.values(), team_id])
    return get_settings(db, team_id)  # type: ignore[return-value]


def set_tz_if_unset(db: sqlite_utils.Database, team_id: str, tz: str) -> bool:
    """Fill in a time zone resolved later; never overrides one (explicitly set or resolved before).

    Does not touch ``updated_at``: this is not a user's settings change."""
    if zone_or_none(tz) is None:
        return False
    cur = db.execute("UPDATE digest_settings SET tz = ? WHERE team_id = ? AND tz IS NULL", [tz, team_id])
    return cur.rowcount == 1


def record_run(
    db: sqlite_utils.Database, team_id: str, *, at: datetime, outcome: str, error: str | None = None
) -> None:
    """Remember the last digest run of a workspace and its outcome (shown by ``digest settings``)."""
    db.execute(
        "UPDATE digest_settings SET last_run_at = ?, last_outcome = ?, last_error = ? WHERE team_id = ?",
        [iso(at), outcome, error, team_id],
    )


def digest_team_ids(db: sqlite_utils.Database) -> list[str]:
    """Workspaces that track at least one own site (each gets a digest unless switched off)."""
    return [row["team_id"] for row in db.query("SELECT DISTINCT team_id FROM sites WHERE role = 'own' ORDER BY team_id")]


def digest_sites(db: sqlite_utils.Database, team_id: str) -> list[dict[str, Any]]:
    """The workspace's own sites: ``id``, ``domain``, ``channel_id``, ``created_at``."""
    return list(
        db.query(
            "SELECT id, domain, channel_id, created_at FROM sites WHERE team_id = ? AND role = 'own' ORDER BY domain",
            [team_id],
        )
    )


def schedule_fingerprints(db: sqlite_utils.Database) -> dict[str, str]:
    """Per workspace with own sites: a string that changes when its schedule inputs change (sites,
    settings), so the scheduler can refresh just those workspaces' jobs on each sweep."""
    rows = db.execute(
        """SELECT s.team_id, group_concat(s.id), d.updated_at, d.enabled, d.tz
           FROM sites s LEFT JOIN digest_settings d ON d.team_id = s.team_id
           WHERE s.role = 'own' GROUP BY s.team_id"""
    ).fetchall()
    return {
        team: f"{','.join(sorted(ids.split(',')))}|{updated}|{enabled}|{tz}" for team, ids, updated, enabled, tz in rows
    }
