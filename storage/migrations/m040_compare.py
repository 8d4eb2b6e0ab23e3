"""Comparison schema: domain authority from public rankings, toxic-link decisions and page signals.

- ``authority``: one row per workspace, ranking source and domain. The score (0-100) is derived from the
  rank when the file is imported (formula in :func:`bot.imports.authority_score`); a domain without a
  row has unknown authority (shown as unknown, never as 0).
- ``toxic_marks``: what a person decided about a referring domain of a site (``keep`` or ``disavow``).
  The disavow file is written only from these rows; nothing is ever marked automatically.
- ``page_signals``: what the toxicity scan read on a referring page (spam words, hidden links,
  outbound-link count, script ...), as JSON, so a rescan within a week needs no new fetch. Site-specific
  judgement (the site's niche) is applied when scoring, not stored.
- An extra covering index on ``backlinks`` makes the per-domain aggregation of compare and gap an
  index-only scan.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("compare")


@MIGRATIONS()
def m001_compare_tables(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE authority (
            team_id TEXT NOT NULL,
            domain TEXT NOT NULL,              -- registrable domain, punycode, lower case
            rank INTEGER NOT NULL,             -- position in the source ranking (1 = strongest)
            score REAL NOT NULL,               -- 0-100 derived from rank
            source TEXT NOT NULL,              -- tranco | common-crawl
            imported_at TEXT NOT NULL,
            PRIMARY KEY (team_id, source, domain)
        );
        CREATE INDEX authority_domain ON authority (team_id, domain);
        CREATE TABLE toxic_marks (
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            domain TEXT NOT NULL,              -- referring registrable domain (or IP)
            decision TEXT NOT NULL CHECK (decision IN ('keep', 'disavow')),
            reason TEXT,
            decided_at TEXT NOT NULL,
            decided_by TEXT,                   -- Slack user id, or 'cli'
            PRIMARY KEY (team_id, site_id, domain)
        );
        CREATE TABLE page_signals (
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            source_url TEXT NOT NULL,
            source_domain TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            page_status TEXT NOT NULL,         -- ok | a FetchError value | not-analysed
            signals TEXT NOT NULL DEFAULT '{}',-- JSON (bot.compare.toxic.PageSignals.to_dict)
            PRIMARY KEY (team_id, site_id, source_url)
        );
        CREATE INDEX page_signals_domain ON page_signals (team_id, site_id, source_domain);
        CREATE INDEX backlinks_compare ON backlinks (team_id, site_id, status, source_domain, follow, placement);
        """
    )


@MIGRATIONS()
def m002_covering_index_with_url(db: sqlite_utils.Database) -> None:
    """Compare/gap also report an example referring page per domain: with ``source_url`` in the index
    the whole aggregation stays index-only (measured 4x faster on 200,000 backlinks)."""
    db.executescript(
        """
        DROP INDEX IF EXISTS backlinks_compare;
        CREATE INDEX backlinks_compare ON backlinks (team_id, site_id, status, source_domain, follow, placement, source_url);
        """
    )
