"""Slack schema: installations and bots (OAuth), OAuth states, per-user preferences, processed event
ids (Events API retry dedupe) and pending uploads (an ``/backlinks import SITE`` waiting for a file).

Every table with workspace data has ``team_id``, so :func:`storage.workspace.purge_workspace` removes
it on uninstall. Times are UTC ISO-8601 strings.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("slack")


@MIGRATIONS()
def m001_slack_tables(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE slack_installations (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,             -- '' for org-wide installs (not supported by the bot)
            enterprise_id TEXT NOT NULL DEFAULT '',
            user_id TEXT,
            installed_at REAL NOT NULL,
            data TEXT NOT NULL                 -- JSON of slack_sdk Installation
        );
        CREATE INDEX slack_installations_team ON slack_installations (team_id, enterprise_id, installed_at);
        CREATE TABLE slack_bots (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,
            enterprise_id TEXT NOT NULL DEFAULT '',
            installed_at REAL NOT NULL,
            data TEXT NOT NULL                 -- JSON of slack_sdk Bot
        );
        CREATE INDEX slack_bots_team ON slack_bots (team_id, enterprise_id, installed_at);
        CREATE TABLE slack_oauth_states (
            state TEXT PRIMARY KEY,
            expires_at REAL NOT NULL
        );
        CREATE TABLE slack_user_prefs (
            team_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            lang TEXT,                         -- chosen with /backlinks lang (nl|en), NULL = automatic
            locale TEXT,                       -- Slack locale seen via users.info (cache)
            updated_at TEXT NOT NULL,
            PRIMARY KEY (team_id, user_id)
        );
        CREATE TABLE slack_processed_events (
            team_id TEXT NOT NULL,
            event_key TEXT NOT NULL,           -- Events API event_id, or 'file:<id>' for imported files
            received_at TEXT NOT NULL,
            PRIMARY KEY (team_id, event_key)
        );
        CREATE INDEX slack_processed_events_at ON slack_processed_events (received_at);
        CREATE TABLE slack_pending_uploads (
            team_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            domain TEXT NOT NULL,
            channel_id TEXT,
            expires_at TEXT NOT NULL,
            PRIMARY KEY (team_id, user_id)
        );
        """
    )


@MIGRATIONS()
def m002_user_welcomed(db: sqlite_utils.Database) -> None:
    """When the bot said hello in the user's Messages tab (once per user)."""
    db.execute("ALTER TABLE slack_user_prefs ADD COLUMN welcomed_at TEXT")
