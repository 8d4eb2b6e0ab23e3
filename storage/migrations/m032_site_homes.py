"""Where a site was tracked from: the fallback place for its digest.

``site_homes``: one row per tracked site (``team_id``, ``site_id``) with the Slack channel where
``/backlinks track`` was run (``channel_id``, NULL when it was run in a DM) and the user who ran it
(``user_id``). The digest posts in the workspace's digest channel, else the site's own channel (``track
SITE #channel``), else this channel, else a direct message to that user (see
:mod:`bot.scheduler.runner`). Carries ``team_id`` so ``purge_workspace`` removes it on uninstall; the
row goes with its site (``ON DELETE CASCADE``).
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("site_homes")


@MIGRATIONS()
def m001_site_homes(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE site_homes (
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            channel_id TEXT,                      -- channel where `track` was run (NULL: a DM)
            user_id TEXT,                         -- who ran `track`
            updated_at TEXT NOT NULL,
            PRIMARY KEY (team_id, site_id)
        );
        """
    )
