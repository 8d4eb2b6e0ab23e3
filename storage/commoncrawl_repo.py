"""Repository for what Common Crawl's web graph says about tracked sites (table ``cc_graph_domains``).

Every function takes ``db, team_id`` first and filters by it. Authority of the referring domains is
stored through :func:`storage.compare_repo.store_authority` (source ``common-crawl``), not here.

Consumers: the discovery crawl's watch list (:func:`watch_candidates`: referring domains of a site
and of its competitors) and the link gap (:func:`graph_gap`: domains that link to a competitor in the
graph but not to the site, neither in the graph nor by a known backlink).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from storage.sites import competitors_of, now_iso, require_site, require_team


@dataclass(frozen=True)
class GraphDomain:
    domain: str
    graph: str
    imported_at: str
    authority: float | None  # best score over imported rankings, None when unknown


def record_graph_domains(db: sqlite_utils.Database, team_id: str, site_domain: str, domains: Iterable[str], *,
                         graph: str, at: str | None = None) -> int:
    """Replace the site's referring domains from the web graph with ``domains``; returns rows stored."""
    site = require_site(db, team_id, site_domain)
    at = at or now_iso()
    rows = [(team_id, site.id, d, graph, at) for d in sorted(set(domains)) if d and d != site.domain]
    with db.atomic():
        db.execute("DELETE FROM cc_graph_domains WHERE team_id = ? AND site_id = ?", [team_id, site.id])
        db.conn.executemany(
            "INSERT INTO cc_graph_domains (team_id, site_id, domain, graph, imported_at) VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def graph_domains(db: sqlite_utils.Database, team_id: str, site_domain: str) -> list[GraphDomain]:
    """The site's referring domains from the graph, strongest first (unknown authority last)."""
    site = require_site(db, team_id, site_domain)
    rows = db.execute(
        """SELECT g.domain, g.graph, g.imported_at,
                  (SELECT MAX(a.score) FROM authority a WHERE a.team_id = g.team_id AND a.domain = g.domain) AS score
           FROM cc_graph_domains g WHERE g.team_id = ? AND g.site_id = ?
           ORDER BY score IS NULL, score DESC, g.domain""",
        [team_id, site.id],
    ).fetchall()
    return [GraphDomain(*row) for row in rows]


def graph_counts(db: sqlite_utils.Database, team_id: str) -> dict[str, int]:
    """Referring domains in the graph per tracked site of the workspace."""
    require_team(team_id)
    rows = db.execute(
        """SELECT s.domain, COUNT(g.domain) FROM sites s LEFT JOIN cc_graph_domains g
           ON g.team_id = s.team_id AND g.site_id = s.id WHERE s.team_id = ? GROUP BY s.domain""",
        [team_id],
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def watch_candidates(db: sqlite_utils.Database, team_id: str, site_domain: str) -> set[str]:
    """Referring domains of the site and of its competitors in the graph (tracked sites left out):
    where the discovery crawl should look for new links."""
    site = require_site(db, team_id, site_domain)
    ids = [site.id] + [c.id for c in competitors_of(db, team_id, site.domain)]
    marks = ",".join("?" * len(ids))
    tracked = {r[0] for r in db.execute("SELECT domain FROM sites WHERE team_id = ?", [team_id])}
    rows = db.execute(f"SELECT DISTINCT domain FROM cc_graph_domains WHERE team_id = ? AND site_id IN ({marks})",
                      [team_id, *ids]).fetchall()
    return {r[0] for r in rows} - tracked


@dataclass(frozen=True)
class GraphGapDomain:
    domain: str
    links_to: tuple[str, ...]  # competitors it links to in the graph
    authority: float | None

    def to_dict(self) -> dict[str, object]:
        return {"domain": self.domain, "links_to": list(self.links_to),
                "authority": None if self.authority is None else round(self.authority, 1)}


def graph_gap(db: sqlite_utils.Database, team_id: str, site_domain: str, competitors: Iterable[str] | None = None
              ) -> list[GraphGapDomain]:
    """Domains that link to at least one competitor in the graph but not to the site (not in the
    site's graph domains, and no backlink row of any status but ``lost``); ranked by the number of
    competitors, then authority (unknown last), then name. Competitors default to the site's own."""
    site = require_site(db, team_id, site_domain)
    rivals = [require_site(db, team_id, c) for c in competitors] if competitors is not None else competitors_of(db, team_id, site.domain)
    if not rivals:
        return []
    tracked = {r[0] for r in db.execute("SELECT domain FROM sites WHERE team_id = ?", [team_id])}
    has = {r[0] for r in db.execute("SELECT domain FROM cc_graph_domains WHERE team_id = ? AND site_id = ?", [team_id, site.id])}
    has |= {r[0] for r in db.execute(
        "SELECT DISTINCT source_domain FROM backlinks WHERE team_id = ? AND site_id = ? AND status != 'lost'", [team_id, site.id])}
    links: dict[str, set[str]] = {}
    for rival in rivals:
        for (domain,) in db.execute("SELECT domain FROM cc_graph_domains WHERE team_id = ? AND site_id = ?", [team_id, rival.id]):
            if domain not in has and domain not in tracked:
                links.setdefault(domain, set()).add(rival.domain)
    from storage.compare_repo import authority_for

    scores = authority_for(db, team_id, links)
    out = [GraphGapDomain(d, tuple(sorted(s)), scores[d].score if d in scores else None) for d, s in links.items()]
    out.sort(key=lambda g: (-len(g.links_to), g.authority is None, -(g.authority or 0.0), g.domain))
    return out
