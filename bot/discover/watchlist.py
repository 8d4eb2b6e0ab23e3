"""Which domains a discovery run reads, and which sites it looks for.

A site's watch list is kept automatically (the referring domains of the site and of its competitors,
from the backlinks table) plus the domains the user added; the user can take any of them off. A run
for one site reads that site's list; a workspace run reads the union of every site's list. Links and
mentions are looked for on behalf of *every* tracked site of the workspace (own or competitor).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from storage.discover_repo import refresh_auto_watch, watched_domains
from storage.sites import list_sites, require_site


@dataclass(frozen=True)
class SiteTarget:
    """A tracked site to look for on crawled pages."""

    domain: str
    brands: tuple[str, ...] = ()


def targets(db: sqlite_utils.Database, team_id: str) -> list[SiteTarget]:
    """Every tracked site of the workspace with its brand names."""
    return [SiteTarget(s.domain, tuple(s.brands)) for s in list_sites(db, team_id)]


def domains_to_read(db: sqlite_utils.Database, team_id: str, domain: str | None = None) -> list[str]:
    """Refresh the automatic watch lists in scope (one site, or every site), then the hosts to read."""
    if domain is not None:
        site = require_site(db, team_id, domain)
        refresh_auto_watch(db, team_id, site.domain)
        return watched_domains(db, team_id, site.domain)
    for site in list_sites(db, team_id):
        refresh_auto_watch(db, team_id, site.domain)
    return watched_domains(db, team_id)
