"""Store additions to the core schema (m010_core is shipped and never edited).

- ``backlinks.miss_streak``: consecutive checks in which the link did not count (the status model
  needs two in a row before a link is lost).
- ``backlinks.claimed_anchor`` / ``claimed_kind`` / ``claimed_last_seen``: what an import said about
  the link, kept apart from what checks observed (``anchor``/``kind`` are observed values only).
- ``checks.pid`` / ``host`` / ``heartbeat_at`` / ``error``: who runs a check, so that a check whose
  process died (kill -9) is recognised as stale and marked ``interrupted``.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("store")


@MIGRATIONS()
def m001_store_columns(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        ALTER TABLE backlinks ADD COLUMN miss_streak INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE backlinks ADD COLUMN claimed_anchor TEXT;
        ALTER TABLE backlinks ADD COLUMN claimed_kind TEXT;
        ALTER TABLE backlinks ADD COLUMN claimed_last_seen TEXT;
        ALTER TABLE checks ADD COLUMN pid INTEGER;
        ALTER TABLE checks ADD COLUMN host TEXT;
        ALTER TABLE checks ADD COLUMN heartbeat_at TEXT;
        ALTER TABLE checks ADD COLUMN error TEXT;
        CREATE INDEX checks_state ON checks (team_id, site_id, state);
        CREATE INDEX events_backlink ON events (team_id, backlink_id, id);
        CREATE INDEX site_competitors_competitor ON site_competitors (team_id, competitor_id);
        """
    )


@MIGRATIONS()
def m002_page_memory(db: sqlite_utils.Database) -> None:
    """What the page said at its last successful read, with a fingerprint of its HTML, so that a
    check finding the very same page again can reuse the analysis instead of repeating it."""
    db.executescript(
        """
        ALTER TABLE backlinks ADD COLUMN page_hash TEXT;
        ALTER TABLE backlinks ADD COLUMN page_link_found INTEGER;
        ALTER TABLE backlinks ADD COLUMN page_rel TEXT;
        ALTER TABLE backlinks ADD COLUMN page_noindex INTEGER;
        ALTER TABLE backlinks ADD COLUMN page_canonical TEXT;
        """
    )
