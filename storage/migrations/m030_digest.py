"""Weekly digest schema: per-workspace digest settings and the exactly-once digest ledger.

``digest_settings``: one row per workspace (``team_id``). A workspace without a row gets the defaults
(on, Monday 09:00, the workspace's Slack time zone or Europe/Amsterdam); the row is created the first
time the scheduler or a command touches the workspace.

``digest_ledger``: one row per (workspace, site, ISO week in the workspace's time zone). ``state`` is
``sending`` (claimed by ``claimed_by`` at ``claimed_at``, about to post), ``sent`` (posted; ``message_ts``
is the Slack message) or ``failed`` (``error`` holds the Slack error code or our own). The primary key
makes "twice in one week" impossible at the database level; see :mod:`bot.scheduler.ledger`.

Both tables carry ``team_id`` so ``purge_workspace`` removes them on uninstall.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("digest")


@MIGRATIONS()
def m001_digest_tables(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE digest_settings (
            team_id TEXT PRIMARY KEY,
            enabled INTEGER NOT NULL DEFAULT 1,
            channel_id TEXT,                      -- NULL: each site's own channel
            weekday INTEGER NOT NULL DEFAULT 0,   -- 0 = Monday ... 6 = Sunday
            time TEXT NOT NULL DEFAULT '09:00',   -- HH:MM, local to tz
            tz TEXT,                              -- IANA name; NULL until resolved (then Europe/Amsterdam)
            lang TEXT NOT NULL DEFAULT 'en',      -- en | nl
            target_min INTEGER NOT NULL DEFAULT 2, -- monthly target of quality links (range)
            target_max INTEGER NOT NULL DEFAULT 4,
            daily_recheck INTEGER NOT NULL DEFAULT 0,
            enabled_since TEXT NOT NULL,          -- UTC ISO; no catch-up for slots before this
            updated_at TEXT NOT NULL,             -- UTC ISO; a change retries a failed week
            last_run_at TEXT,
            last_outcome TEXT,                    -- sent | nothing-due | failed | missed | error | uninstalled | ...
            last_error TEXT
        );
        CREATE TABLE digest_ledger (
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL,
            iso_week TEXT NOT NULL,               -- '2026-W48', in the workspace's time zone
            state TEXT NOT NULL,                  -- sending | sent | failed
            channel_id TEXT,
            message_ts TEXT,
            claimed_by TEXT,
            claimed_at TEXT NOT NULL,
            sent_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 1,
            error TEXT,
            recovered INTEGER NOT NULL DEFAULT 0, -- 1: marked sent after a crash, found in channel history
            PRIMARY KEY (team_id, site_id, iso_week)
        );
        CREATE INDEX digest_ledger_state ON digest_ledger (state, claimed_at);
        """
    )

