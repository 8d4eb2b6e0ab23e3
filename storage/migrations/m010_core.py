"""Core schema: sites, backlinks, checks, observations, events.

Every table holding workspace data has ``team_id NOT NULL``. Times are UTC ISO-8601 strings
(``2026-11-25T09:00:00+00:00``). JSON lists are stored as TEXT.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("core")


@MIGRATIONS()
def m001_core_tables(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE sites (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,
            domain TEXT NOT NULL,              -- registrable domain, punycode, lower case
            role TEXT NOT NULL DEFAULT 'own',  -- 'own' | 'competitor'
            channel_id TEXT,                   -- Slack channel for this site's messages
            brands TEXT NOT NULL DEFAULT '[]', -- JSON list of brand names (mentions, anchor profile)
            keywords TEXT NOT NULL DEFAULT '[]', -- JSON list of target keywords (anchor profile)
            created_at TEXT NOT NULL,
            UNIQUE (team_id, domain)
        );
        CREATE TABLE site_competitors (
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            competitor_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            PRIMARY KEY (team_id, site_id, competitor_id)
        );
        CREATE TABLE backlinks (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            source_url TEXT NOT NULL,          -- the referring page
            source_domain TEXT NOT NULL,       -- its registrable domain (or IP)
            target_url TEXT,                   -- where the link points (claimed by import, then observed)
            found_by TEXT NOT NULL,            -- manual | gsc | ahrefs | semrush | majestic | moz | list | discovery | common-crawl
            first_seen TEXT,                   -- as claimed by the import, if any
            added_at TEXT NOT NULL,
            -- current state, derived from the latest observations (kept for fast reads)
            status TEXT NOT NULL DEFAULT 'pending', -- pending | live | missing | lost | blocked
            reason TEXT,                       -- lost/missing/blocked reason (DESIGN.md vocabulary)
            kind TEXT,                         -- dofollow | nofollow | ugc | sponsored
            follow INTEGER,
            anchor TEXT,
            placement TEXT,
            http_status INTEGER,
            last_checked_at TEXT,
            last_live_at TEXT,
            UNIQUE (team_id, site_id, source_url)
        );
        CREATE INDEX backlinks_site ON backlinks (team_id, site_id, status);
        CREATE INDEX backlinks_domain ON backlinks (team_id, source_domain);
        CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            trigger TEXT NOT NULL DEFAULT 'cli', -- cli | slack | schedule
            started_at TEXT NOT NULL,
            finished_at TEXT,
            state TEXT NOT NULL DEFAULT 'running', -- running | done | failed | interrupted
            total INTEGER NOT NULL DEFAULT 0,
            checked INTEGER NOT NULL DEFAULT 0,
            live INTEGER NOT NULL DEFAULT 0,
            missing INTEGER NOT NULL DEFAULT 0,
            lost INTEGER NOT NULL DEFAULT 0,
            blocked INTEGER NOT NULL DEFAULT 0,
            duration_ms INTEGER
        );
        CREATE INDEX checks_site ON checks (team_id, site_id, id);
        CREATE TABLE observations (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,
            check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
            backlink_id INTEGER NOT NULL REFERENCES backlinks(id) ON DELETE CASCADE,
            observed_at TEXT NOT NULL,
            page_status TEXT NOT NULL,         -- ok | redirected | not-found | server-error | unreachable | blocked | not-html
            http_status INTEGER,
            final_url TEXT,
            link_found INTEGER NOT NULL,       -- 0/1
            target_url TEXT,
            rel TEXT,                          -- JSON list
            kind TEXT,
            follow INTEGER,
            anchor TEXT,
            placement TEXT,
            noindex INTEGER,
            canonical TEXT,
            status TEXT NOT NULL,              -- resulting backlink status after this observation
            reason TEXT,
            changes TEXT NOT NULL DEFAULT '[]' -- JSON list of change names seen at this observation
        );
        CREATE INDEX observations_backlink ON observations (team_id, backlink_id, id);
        CREATE INDEX observations_check ON observations (team_id, check_id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            backlink_id INTEGER REFERENCES backlinks(id) ON DELETE CASCADE,
            check_id INTEGER REFERENCES checks(id) ON DELETE SET NULL,
            at TEXT NOT NULL,
            type TEXT NOT NULL,                -- appeared | lost | returned | nofollow-added | follow-restored | anchor-changed | target-changed | placement-changed
            reason TEXT,                       -- for 'lost': the lost reason
            detail TEXT NOT NULL DEFAULT '{}'  -- JSON: before/after values
        );
        CREATE INDEX events_site ON events (team_id, site_id, at);
        """
    )
