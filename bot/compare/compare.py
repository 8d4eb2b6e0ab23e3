"""Side-by-side comparison of a site and its competitors, from live (checker-verified) links only.

Per site: live links, referring domains, dofollow share and editorial (``content``) share (fractions of
live links), anchor mix (fractions of live links per anchor class), the authority distribution of the
referring domains (counts per 20-point band of the 0-100 score, plus unknown and the median of the
known), and new / lost backlinks in the last 30 days (checker events ``appeared``/``returned`` and
``lost``).

The *leader* is the site with the most live referring domains (ties: live links, then name). What the
leader has that the others lack: its *exclusive* referring domains (live to the leader, live to none of
the other compared sites), best first, and the measures on which it is ahead of every other site.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Mapping, Sequence

from bot.compare.anchors import AnchorClass, AnchorProfile, AnchorRules, anchor_profile_counted
from bot.compare.gap import GapDomain, compute_gap
from storage.compare_repo import DomainRow

AUTHORITY_BANDS = ("0-19", "20-39", "40-59", "60-79", "80-100")
HIGH_AUTHORITY = 60.0
EXAMPLES = 10


def authority_band(score: float) -> str:
    return AUTHORITY_BANDS[min(4, max(0, int(score // 20)))]


def authority_distribution(scores: Iterable[float | None]) -> dict[str, Any]:
    """Counts of referring domains per authority band; ``unknown`` for domains without a ranking."""
    bands = {b: 0 for b in AUTHORITY_BANDS}
    known: list[float] = []
    unknown = 0
    for score in scores:
        if score is None:
            unknown += 1
        else:
            bands[authority_band(score)] += 1
            known.append(score)
    return {
        "bands": bands,
        "known": len(known),
        "unknown": unknown,
        "median": round(statistics.median(known), 1) if known else None,
        "high": sum(1 for s in known if s >= HIGH_AUTHORITY),
    }


@dataclass(frozen=True)
class SiteStats:
    site: str
    role: str
    live_links: int
    referring_domains: int
    dofollow_share: float
    content_share: float
    anchor_mix: dict[str, float]
    authority: dict[str, Any]
    new_30d: int
    lost_30d: int
    anchor_warnings: list[dict[str, object]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "role": self.role,
            "live_links": self.live_links,
            "referring_domains": self.referring_domains,
            "dofollow_share": round(self.dofollow_share, 4),
            "content_share": round(self.content_share, 4),
            "anchor_mix": {k: round(v, 4) for k, v in self.anchor_mix.items()},
            "authority": self.authority,
            "new_30d": self.new_30d,
            "lost_30d": self.lost_30d,
            "anchor_warnings": self.anchor_warnings,
        }


def site_stats(site: str, role: str, rows: Sequence[DomainRow], profile: AnchorProfile, new_30d: int, lost_30d: int) -> SiteStats:
    """Figures of one site from its live :class:`DomainRow` and anchor profile (pure)."""
    live = sum(r.pages for r in rows)
    dofollow = sum(r.dofollow for r in rows)
    content = sum(r.content for r in rows)
    domains = sum(1 for r in rows if r.pages > 0)
    return SiteStats(
        site=site,
        role=role,
        live_links=live,
        referring_domains=domains,
        dofollow_share=dofollow / live if live else 0.0,
        content_share=content / live if live else 0.0,
        anchor_mix={c.value: profile.shares.get(c.value, 0.0) for c in AnchorClass},
        authority=authority_distribution(r.authority for r in rows if r.pages > 0),
        new_30d=new_30d,
        lost_30d=lost_30d,
        anchor_warnings=[w.to_dict() for w in profile.warnings],
    )


def pick_leader(stats: Sequence[SiteStats]) -> SiteStats | None:
    if not stats:
        return None
    return sorted(stats, key=lambda s: (-s.referring_domains, -s.live_links, s.site))[0]


def leader_edge(stats: Sequence[SiteStats], rows_by_site: Mapping[str, Sequence[DomainRow]]) -> dict[str, Any] | None:
    """What the leader has that the other compared sites lack."""
    leader = pick_leader(stats)
    if leader is None or leader.referring_domains == 0:
        return None
    others = [s for s in stats if s.site != leader.site]
    elsewhere = {r.domain for s in others for r in rows_by_site.get(s.site, ()) if r.pages > 0} | {s.site for s in stats}
    exclusive = [r for r in rows_by_site.get(leader.site, ()) if r.pages > 0 and r.domain not in elsewhere]
    exclusive.sort(key=lambda r: (r.dofollow == 0, r.authority is None, -(r.authority or 0), r.content == 0, -r.pages, r.domain))
    measures = {
        "referring_domains": lambda s: s.referring_domains,
        "live_links": lambda s: s.live_links,
        "dofollow_share": lambda s: s.dofollow_share,
        "content_share": lambda s: s.content_share,
        "high_authority_domains": lambda s: s.authority.get("high", 0),
        "new_30d": lambda s: s.new_30d,
    }
    ahead = [name for name, get in measures.items() if others and all(get(leader) > get(o) for o in others)]
    return {
        "site": leader.site,
        "referring_domains": leader.referring_domains,
        "exclusive_domains": len(exclusive),
        "examples": [
            {
                "domain": r.domain,
                "pages": r.pages,
                "dofollow": r.dofollow > 0,
                "editorial": r.content > 0,
                "authority": None if r.authority is None else round(r.authority, 1),
            }
            for r in exclusive[:EXAMPLES]
        ],
        "ahead_on": ahead,
    }


@dataclass(frozen=True)
class Comparison:
    site: str
    competitors: list[str]
    sites: list[SiteStats]
    gap: list[GapDomain]
    leader: dict[str, Any] | None
    unchecked: list[str] = field(default_factory=list)  # compared sites no check has looked at yet

    def to_json(self, *, gap_limit: int | None = None) -> dict[str, Any]:
        gap = self.gap if gap_limit is None else self.gap[:gap_limit]
        return {
            "site": self.site,
            "competitors": list(self.competitors),
            "sites": [s.to_dict() for s in self.sites],
            "gap": [g.to_dict() for g in gap],
            "gap_total": len(self.gap),
            "leader": self.leader,
            "unchecked": list(self.unchecked),
        }


# ---------------------------------------------------------------- with the database


def resolve_sites(db, team_id: str, site_domain: str, competitor_domains: Sequence[str] | None):  # type: ignore[no-untyped-def]
    """The tracked site and the competitors to compare with (given ones, else its recorded ones)."""
    from bot.domains import normalise_site
    from bot.errors import UserInputError
    from storage.sites import competitors_of, require_site

    site = require_site(db, team_id, normalise_site(site_domain))
    if competitor_domains:
        comps = []
        for name in competitor_domains:
            comp = require_site(db, team_id, normalise_site(name))
            if comp.id != site.id and comp.id not in {c.id for c in comps}:
                comps.append(comp)
    else:
        comps = competitors_of(db, team_id, site.domain)
    if not comps:
        raise UserInputError.keyed("compare.no_competitors", site=site.domain, cmd="backlinks", competitor_of="--competitor-of")
    return site, comps


def compare_sites(
    db,  # type: ignore[no-untyped-def]
    team_id: str,
    site_domain: str,
    competitor_domains: Sequence[str] | None = None,
    *,
    now: datetime | None = None,
    days: int = 30,
) -> Comparison:
    """Compare a tracked site with competitors (given, or its recorded ones) from live links."""
    from storage import compare_repo

    site, comps = resolve_sites(db, team_id, site_domain, competitor_domains)
    everyone = [site, *comps]
    rows = compare_repo.domain_rows(db, team_id, [s.id for s in everyone])
    by_id: dict[int, list[DomainRow]] = {s.id: [] for s in everyone}
    for row in rows:
        by_id[row.site_id].append(row)
    since = ((now or datetime.now(timezone.utc)) - timedelta(days=days)).isoformat(timespec="seconds")
    stats: list[SiteStats] = []
    for s in everyone:
        # competitors without keywords of their own are judged on the site's keywords (same market)
        rules = AnchorRules.for_site(s.domain, s.brands, s.keywords or site.keywords)
        profile = anchor_profile_counted(compare_repo.live_anchor_counts(db, team_id, s.id), rules)
        new, lost = compare_repo.event_counts(db, team_id, s.id, since)
        stats.append(site_stats(s.domain, s.role, by_id[s.id], profile, new, lost))
    linking = compare_repo.linking_domains(db, team_id, site.id)
    lost_domains = compare_repo.lost_domains(db, team_id, site.id)
    comp_rows = [r for c in comps for r in by_id[c.id]]
    from storage.sites import competitors_of

    recorded = {c.domain for c in competitors_of(db, team_id, site.domain)}
    gap = compute_gap(site.domain, {c.id: c.domain for c in comps}, comp_rows, linking, lost_domains, recorded)
    edge = leader_edge(stats, {s.domain: by_id[s.id] for s in everyone})
    unchecked_ids = compare_repo.unchecked_sites(db, team_id, [s.id for s in everyone])
    unchecked = [s.domain for s in everyone if s.id in unchecked_ids]
    return Comparison(site.domain, [c.domain for c in comps], stats, gap, edge, unchecked)
