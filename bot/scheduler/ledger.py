"""The digest ledger: exactly one digest per (workspace, site, ISO week), across restarts and instances.

Protocol (every step is one SQLite transaction; the row's primary key is (team_id, site_id, iso_week)):

1. **Claim** before posting (:func:`claim`, ``BEGIN IMMEDIATE``, so two processes serialise):
   - no row: insert ``state='sending'``, ``claimed_by=<instance id>``, ``claimed_at=now`` -> CLAIMED.
   - ``sent``: ALREADY_SENT (never post again).
   - ``sending`` claimed less than :data:`STALE_AFTER` ago: BUSY (another instance, or this one, is
     posting right now; a second instance started by mistake stops here).
   - ``sending`` claimed longer ago: the claimer died between claiming and recording. We take the
     claim over (compare-and-set on the old ``claimed_by``/``claimed_at``) -> RECOVER.
   - ``failed``: retried (-> CLAIMED, ``attempts+1``) when the error was transient and
     ``attempts < MAX_ATTEMPTS``; when it was permanent (``not_in_channel``, revoked token, ...) only
     after :data:`PERMANENT_RETRY_AFTER` (the bot may have been invited meanwhile, the app
     reinstalled) or as soon as the workspace changes its digest settings (a new channel, ``digest
     on``); otherwise GIVE_UP: no post, no error storm.
2. **Post** the message with ``metadata = {event_type: "backlinks_digest", event_payload: {team_id,
   site_id, week}}``.
3. **Record** ``sent`` with the message ts (:func:`mark_sent`), or ``failed`` with the error code
   (:func:`mark_failed`). Both only touch a row still claimed by this instance.

Recovery rule (RECOVER, i.e. a ``sending`` claim older than ``STALE_AFTER``, typically found at
start-up after a crash): read the channel's history since the claim time (``conversations.history``
with ``include_all_metadata``) and look for our marker for this team/site/week. Found -> mark ``sent``
with that message's ts (``recovered=1``), post nothing. Not found -> the post never happened: post now.
History unreadable (no access, error) -> mark ``failed`` with ``unverified`` and do not post: a
duplicate is worse than a missing digest, and settings show the problem.
``STALE_AFTER`` is far above the longest post (including 429 back-off), so a live claimer is never
taken over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import sqlite_utils

from storage.digest_repo import iso, parse_iso

STALE_AFTER = timedelta(minutes=10)
MAX_ATTEMPTS = 3
PERMANENT_RETRY_AFTER = timedelta(hours=6)
MARKER_EVENT_TYPE = "backlinks_digest"

# Errors that will not go away by retrying; retried only after the workspace changes its settings.
PERMANENT_ERRORS = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "no_channel",
        "uninstalled",
        "account_inactive",
        "invalid_auth",
        "token_revoked",
        "not_authed",
        "missing_scope",
        "restricted_action",
        "unverified",
        "team_access_not_granted",
    }
)


# A digest that may already be in the channel: only a person (a settings change) may ask for it again.
NO_AUTOMATIC_RETRY = frozenset({"unverified"})


class ClaimResult(StrEnum):
    CLAIMED = "claimed"
    RECOVER = "recover"
    ALREADY_SENT = "already-sent"
    BUSY = "busy"
    GIVE_UP = "give-up"


class LedgerState(StrEnum):
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True)
class Claim:
    result: ClaimResult
    team_id: str
    site_id: int
    week: str
    previous: dict[str, Any] | None = None  # the row as it was before this claim

    @property
    def ours(self) -> bool:
        """True when this instance now holds the claim and must post (or recover)."""
        return self.result in (ClaimResult.CLAIMED, ClaimResult.RECOVER)


def decide(row: dict[str, Any] | None, *, now: datetime, settings_updated_at: str | None = None) -> ClaimResult:
    """The pure claim decision for an existing ledger row (None: no row yet)."""
    if row is None:
        return ClaimResult.CLAIMED
    state = row["state"]
    if state == LedgerState.SENT:
        return ClaimResult.ALREADY_SENT
    claimed_at = parse_iso(row["claimed_at"])
    if state == LedgerState.SENDING:
        return ClaimResult.RECOVER if now - claimed_at >= STALE_AFTER else ClaimResult.BUSY
    # failed
    changed_since = settings_updated_at is not None and parse_iso(settings_updated_at) > claimed_at
    if changed_since:
        return ClaimResult.CLAIMED
    error = row.get("error") or ""
    if error in NO_AUTOMATIC_RETRY:
        return ClaimResult.GIVE_UP
    if error in PERMANENT_ERRORS:
        return ClaimResult.CLAIMED if now - claimed_at >= PERMANENT_RETRY_AFTER else ClaimResult.GIVE_UP
    return ClaimResult.CLAIMED if int(row.get("attempts") or 0) < MAX_ATTEMPTS else ClaimResult.GIVE_UP


def get_row(db: sqlite_utils.Database, team_id: str, site_id: int, week: str) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT * FROM digest_ledger WHERE team_id = ? AND site_id = ? AND iso_week = ?", [team_id, site_id, week]
        )
    )
    return rows[0] if rows else None


def claim(
    db: sqlite_utils.Database,
    team_id: str,
    site_id: int,
    week: str,
    *,
    instance: str,
    now: datetime,
    channel_id: str | None,
    settings_updated_at: str | None = None,
) -> Claim:
    """Atomically claim the digest of (team, site, week) for ``instance``; see the module docstring."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = get_row(db, team_id, site_id, week)
        result = decide(row, now=now, settings_updated_at=settings_updated_at)
        if result is ClaimResult.CLAIMED and row is None:
            conn.execute(
                """INSERT INTO digest_ledger (team_id, site_id, iso_week, state, channel_id, claimed_by, claimed_at, attempts)
                   VALUES (?, ?, ?, 'sending', ?, ?, ?, 1)""",
                [team_id, site_id, week, channel_id, instance, iso(now)],
            )
        elif result is ClaimResult.CLAIMED:
            cur = conn.execute(
                """UPDATE digest_ledger SET state = 'sending', channel_id = ?, claimed_by = ?, claimed_at = ?,
                          attempts = attempts + 1, error = NULL
                   WHERE team_id = ? AND site_id = ? AND iso_week = ? AND state = 'failed' AND claimed_at = ?""",
                [channel_id, instance, iso(now), team_id, site_id, week, row["claimed_at"]],  # type: ignore[index]
            )
            if cur.rowcount != 1:  # pragma: no cover - impossible inside BEGIN IMMEDIATE
                result = ClaimResult.BUSY
        elif result is ClaimResult.RECOVER:
            # Keep the old channel_id: that is where the lost post would be.
            cur = conn.execute(
                """UPDATE digest_ledger SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1
                   WHERE team_id = ? AND site_id = ? AND iso_week = ? AND state = 'sending'
                     AND claimed_at = ? AND claimed_by IS ?""",
                [instance, iso(now), team_id, site_id, week, row["claimed_at"], row["claimed_by"]],  # type: ignore[index]
            )
            if cur.rowcount != 1:  # pragma: no cover
                result = ClaimResult.BUSY
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return Claim(result=result, team_id=team_id, site_id=site_id, week=week, previous=row)


def mark_sent(
    db: sqlite_utils.Database,
    team_id: str,
    site_id: int,
    week: str,
    *,
    instance: str,
    now: datetime,
    message_ts: str,
    channel_id: str,
    recovered: bool = False,
) -> bool:
    """Record the post; False when this instance no longer holds the claim (should not happen)."""
    cur = db.conn.execute(
        """UPDATE digest_ledger SET state = 'sent', message_ts = ?, channel_id = ?, sent_at = ?, error = NULL,
                  recovered = ?
           WHERE team_id = ? AND site_id = ? AND iso_week = ? AND state = 'sending' AND claimed_by = ?""",
        [message_ts, channel_id, iso(now), int(recovered), team_id, site_id, week, instance],
    )
    return cur.rowcount == 1


def mark_failed(
    db: sqlite_utils.Database,
    team_id: str,
    site_id: int,
    week: str,
    *,
    instance: str,
    now: datetime,
    error: str,
) -> bool:
    """Record that posting failed with ``error`` (a Slack error code or one of ours)."""
    cur = db.conn.execute(
        """UPDATE digest_ledger SET state = 'failed', error = ?, claimed_at = ?
           WHERE team_id = ? AND site_id = ? AND iso_week = ? AND state = 'sending' AND claimed_by = ?""",
        [error, iso(now), team_id, site_id, week, instance],
    )
    return cur.rowcount == 1


def record_manual_sent(
    db: sqlite_utils.Database,
    team_id: str,
    site_id: int,
    week: str,
    *,
    instance: str,
    now: datetime,
    message_ts: str,
    channel_id: str,
) -> bool:
    """A digest posted on request (``digest now``) counts for its week when none was recorded yet."""
    cur = db.conn.execute(
        """INSERT INTO digest_ledger (team_id, site_id, iso_week, state, channel_id, message_ts, claimed_by, claimed_at, sent_at)
           VALUES (?, ?, ?, 'sent', ?, ?, ?, ?, ?)
           ON CONFLICT (team_id, site_id, iso_week) DO UPDATE SET state = 'sent', channel_id = excluded.channel_id,
               message_ts = excluded.message_ts, sent_at = excluded.sent_at, error = NULL
           WHERE digest_ledger.state = 'failed'""",
        [team_id, site_id, week, channel_id, message_ts, instance, iso(now), iso(now)],
    )
    return cur.rowcount == 1


def ledger_rows(db: sqlite_utils.Database, team_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """The workspace's most recent ledger rows (newest week first)."""
    return list(
        db.query(
            "SELECT * FROM digest_ledger WHERE team_id = ? ORDER BY iso_week DESC, site_id LIMIT ?", [team_id, limit]
        )
    )


def is_marker(message: dict[str, Any], team_id: str, site_id: int, week: str) -> bool:
    """Whether a Slack message (from conversations.history) is our digest for team/site/week."""
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != MARKER_EVENT_TYPE:
        return False
    payload = metadata.get("event_payload") or {}
    return (
        str(payload.get("team_id")) == team_id
        and str(payload.get("site_id")) == str(site_id)
        and str(payload.get("week")) == week
    )


def marker(team_id: str, site_id: int, week: str) -> dict[str, Any]:
    """The ``metadata`` argument of the digest's chat.postMessage."""
    return {"event_type": MARKER_EVENT_TYPE, "event_payload": {"team_id": team_id, "site_id": site_id, "week": week}}
