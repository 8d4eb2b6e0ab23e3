"""Common Crawl schema: referring domains seen in Common Crawl's web graph, per tracked site.

``cc_graph_domains``: one row per workspace, site and referring registrable domain that the domain-level
web graph (a release such as ``cc-main-2024-feb-apr-may``) has an edge from. These are domains, not
pages: they are not backlinks until a page is found and verified by the checker. They feed the watch
list of the discovery crawl and the link gap (domains that link to a competitor in the graph but not
to the site). A new import of a site replaces that site's rows. Authority of these domains (their
harmonic-centrality rank) goes to the shared ``authority`` table of ``m040_compare``, source
``common-crawl``.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("commoncrawl")


@MIGRATIONS()
def m001_graph_domains(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE cc_graph_domains (
            team_id TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            domain TEXT NOT NULL,              -- referring registrable domain, punycode, lower case
            graph TEXT NOT NULL,               -- the web-graph release it came from
            imported_at TEXT NOT NULL,
            PRIMARY KEY (team_id, site_id, domain)
        );
        CREATE INDEX cc_graph_domains_domain ON cc_graph_domains (team_id, domain);
        """
    )
