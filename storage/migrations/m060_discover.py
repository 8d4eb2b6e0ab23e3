"""Discovery crawl: watch lists, crawl state, runs (for resume), their work queue, and mentions.

- ``discover_watch``: the domains read for a site. ``origin`` is ``auto`` (a referring domain of the
  site or of one of its competitors) or ``user`` (added by hand). ``removed_at`` set: the user took
  it off the list (an auto domain then stays off).
- ``discover_hosts``: what a watched domain told us last time: the address that answered, its feeds
  and sitemaps, its crawl delay.
- ``discover_pages``: crawl state per (team_id, url): validators for conditional requests (``etag``,
  ``last_modified``), the ``lastmod`` its listing gave, when and how it was last fetched.
- ``discover_runs`` / ``discover_run_domains`` / ``discover_queue``: one run of the crawl, the
  domains it has listed and the pages it planned, so that an interrupted run resumes where it was.
- ``discover_mentions``: a site's brand or domain named on a page (``linked``: the page links to
  the site elsewhere), with the sentence around it.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("discover")


@MIGRATIONS()
def m001_discover_tables(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE discover_watch (
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            domain TEXT NOT NULL,               -- host name, punycode, lower case
            origin TEXT NOT NULL,               -- auto | user
            added_at TEXT NOT NULL,
            removed_at TEXT,
            PRIMARY KEY (team_id, site_id, domain)
        );
        CREATE TABLE discover_hosts (
            team_id TEXT NOT NULL,
            domain TEXT NOT NULL,
            root_url TEXT,                      -- the home page address that answered
            feeds TEXT NOT NULL DEFAULT '[]',   -- JSON list of feed URLs found on the home page
            sitemaps TEXT NOT NULL DEFAULT '[]',-- JSON list of sitemap URLs (robots.txt or default)
            crawl_delay REAL,
            listed_at TEXT,
            error TEXT,
            PRIMARY KEY (team_id, domain)
        );
        CREATE TABLE discover_pages (
            team_id TEXT NOT NULL,
            url TEXT NOT NULL,
            domain TEXT NOT NULL,               -- the watched domain it was found under
            etag TEXT,
            last_modified TEXT,
            lastmod TEXT,                       -- from the sitemap/feed when it was last fetched
            fetched_at TEXT,
            status TEXT,                        -- fetched | unchanged | <fetch error>
            http_status INTEGER,
            PRIMARY KEY (team_id, url)
        );
        CREATE INDEX discover_pages_domain ON discover_pages (team_id, domain);
        CREATE TABLE discover_runs (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,
            scope TEXT NOT NULL,                -- a site's domain, or '*' for every site of the workspace
            trigger TEXT NOT NULL DEFAULT 'cli',
            state TEXT NOT NULL DEFAULT 'running', -- running | done | interrupted | failed
            started_at TEXT NOT NULL,
            finished_at TEXT,
            heartbeat_at TEXT,
            pid INTEGER,
            host TEXT,
            budget INTEGER NOT NULL,            -- pages this run may fetch
            domains INTEGER NOT NULL DEFAULT 0,
            listings INTEGER NOT NULL DEFAULT 0,-- robots/home/sitemap/feed requests
            pages INTEGER NOT NULL DEFAULT 0,   -- page requests (budgeted), 304s included
            unchanged INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            links_new INTEGER NOT NULL DEFAULT 0,
            mentions_new INTEGER NOT NULL DEFAULT 0,
            resumed INTEGER NOT NULL DEFAULT 0, -- times this run was resumed
            error TEXT
        );
        CREATE INDEX discover_runs_scope ON discover_runs (team_id, scope, state);
        CREATE TABLE discover_run_domains (
            team_id TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES discover_runs(id) ON DELETE CASCADE,
            domain TEXT NOT NULL,
            planned_at TEXT NOT NULL,
            pages INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            PRIMARY KEY (run_id, domain)
        );
        CREATE TABLE discover_queue (
            team_id TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES discover_runs(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            domain TEXT NOT NULL,
            lastmod TEXT,
            rank INTEGER NOT NULL,              -- 0 = most recent of its domain
            state TEXT NOT NULL DEFAULT 'planned', -- planned | pending | deferred | done
            outcome TEXT,
            PRIMARY KEY (run_id, url)
        );
        CREATE INDEX discover_queue_state ON discover_queue (team_id, run_id, state);
        CREATE TABLE discover_mentions (
            id INTEGER PRIMARY KEY,
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            page_url TEXT NOT NULL,
            page_domain TEXT,
            brand TEXT NOT NULL,
            matched TEXT,
            sentence TEXT NOT NULL,
            linked INTEGER NOT NULL DEFAULT 0,
            found_at TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            UNIQUE (team_id, site_id, page_url, brand, sentence)
        );
        CREATE INDEX discover_mentions_site ON discover_mentions (team_id, site_id, linked, found_at);
        """
    )
