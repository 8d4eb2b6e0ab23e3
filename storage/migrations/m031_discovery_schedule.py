"""Scheduled discovery per workspace: its switch and its last outcome, in ``digest_settings``.

The weekly discovery crawl runs ahead of each workspace's digest (see :mod:`bot.scheduler.discovery`).
New columns of ``digest_settings`` (a row created by ``m030_digest`` code gets the defaults):

- ``discovery``: 1 (default) the weekly discovery runs; 0 switched off with
  ``/backlinks digest discovery off``.
- ``discovery_last_at`` / ``discovery_last_outcome`` / ``discovery_last_error``: the last scheduled
  attempt (UTC ISO), its outcome (``running``, ``done``, ``failed``, ``busy``, ``interrupted``,
  ``missed``, ``error``) and the error in a few words; ``discovery_last_run`` is the
  ``discover_runs.id`` it used (pages read and links found are read from there).

A separate migration set (never edit a shipped migration); applied after ``m030_digest`` by module
name order.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("discovery_schedule")


@MIGRATIONS()
def m001_discovery_columns(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        ALTER TABLE digest_settings ADD COLUMN discovery INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE digest_settings ADD COLUMN discovery_last_at TEXT;
        ALTER TABLE digest_settings ADD COLUMN discovery_last_outcome TEXT;
        ALTER TABLE digest_settings ADD COLUMN discovery_last_error TEXT;
        ALTER TABLE digest_settings ADD COLUMN discovery_last_run INTEGER;
        """
    )
