"""Link gap (Ahrefs' "Link Intersect"): referring domains of competitors that do not link to the site.

Precise rule:

- A **candidate** is a referring domain (registrable domain; an IP counts as itself) with at least one
  *live* backlink (verified by the checker, ``status='live'``) to at least one of the competitors.
  Imported but unverified, missing, blocked or lost competitor links do not make a candidate: the gap
  is built from live facts only.
- A candidate is **not a gap** when it has *any* backlink row to the site whose status is not ``lost``:
  live (dofollow or not, any placement), pending (imported, not yet checked), blocked, or missing (not
  found at the last check but not yet confirmed lost). Such a domain already links to the site, or may.
- A domain whose every link to the site is confirmed ``lost`` *is* a gap again, flagged
  ``was_linking`` (a win-back: they linked before).
- The site itself, the compared competitors and the site's other recorded competitors are never gap
  domains (a rival is no outreach target).

Ranking (best outreach target first): number of competitors it links to, then whether any of those
links is dofollow, then whether any is editorial (in the content), then authority (unknown last), then
the number of live pages, then the domain name.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Mapping, NamedTuple

from storage.compare_repo import DomainRow


class GapDomain(NamedTuple):
    domain: str
    links_to: tuple[str, ...]  # competitor domains, sorted
    pages: int  # live referring pages to those competitors
    dofollow: bool  # at least one followed link
    editorial: bool  # at least one link in the content
    authority: float | None
    example_url: str
    was_linking: bool = False

    def sort_key(self) -> tuple[object, ...]:
        return (
            -len(self.links_to),
            not self.dofollow,
            not self.editorial,
            self.authority is None,
            -(self.authority or 0.0),
            -self.pages,
            self.domain,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "domain": self.domain,
            "links_to": list(self.links_to),
            "pages": self.pages,
            "dofollow": self.dofollow,
            "editorial": self.editorial,
            "authority": None if self.authority is None else round(self.authority, 1),
            "example_url": self.example_url,
            "was_linking": self.was_linking,
        }


def compute_gap(
    site_domain: str,
    competitors: Mapping[int, str],
    competitor_rows: Iterable[DomainRow],
    linking_to_site: set[str],
    lost_from_site: set[str] = frozenset(),  # type: ignore[assignment]
    exclude: Iterable[str] = (),
) -> list[GapDomain]:
    """The ranked gap. ``competitors`` maps site id -> domain; ``competitor_rows`` are live
    :class:`DomainRow` of those sites; ``linking_to_site`` the domains with a non-lost link to the site."""
    excluded = set(linking_to_site) | {site_domain} | set(competitors.values()) | set(exclude)
    # per domain: [competitor names, pages, dofollow, editorial, authority, example url]
    acc: dict[str, list[Any]] = {}
    for site_id, domain, pages, dofollow, content, authority, url in competitor_rows:
        name = competitors.get(site_id)
        if name is None or pages <= 0 or domain in excluded:
            continue
        entry = acc.get(domain)
        if entry is None:
            acc[domain] = [{name}, pages, dofollow > 0, content > 0, authority, url]
            continue
        entry[0].add(name)
        entry[1] += pages
        entry[2] = entry[2] or dofollow > 0
        entry[3] = entry[3] or content > 0
        if authority is not None:
            entry[4] = authority
        if url < entry[5]:
            entry[5] = url
    keyed = []
    for domain, (names, pages, dofollow, content, authority, url) in acc.items():
        links_to = tuple(sorted(names))
        item = GapDomain(domain, links_to, pages, dofollow, content, authority, url, domain in lost_from_site)
        key = (-len(links_to), not dofollow, not content, authority is None, -(authority or 0.0), -pages, domain)
        keyed.append((key, item))
    keyed.sort(key=lambda pair: pair[0])
    return [item for _, item in keyed]


CSV_COLUMNS = ("rank", "domain", "competitors", "links_to", "pages", "dofollow", "editorial", "authority", "example_url", "was_linking")


def gap_csv(items: Iterable[GapDomain]) -> str:
    """The outreach list as CSV text (UTF-8, header row, one referring domain a row, best first).

    Authority is empty when unknown (not 0)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rank, item in enumerate(items, start=1):
        writer.writerow(
            [
                rank,
                item.domain,
                len(item.links_to),
                " ".join(item.links_to),
                item.pages,
                "yes" if item.dofollow else "no",
                "yes" if item.editorial else "no",
                "" if item.authority is None else f"{item.authority:.1f}",
                item.example_url,
                "yes" if item.was_linking else "no",
            ]
        )
    return out.getvalue()


# ---------------------------------------------------------------- with the database


class GapReport(NamedTuple):
    site: str
    competitors: list[str]
    items: list[GapDomain]
    unchecked: list[str]  # competitors no check has looked at yet: their gap is unknown, not empty

    def to_json(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "competitors": list(self.competitors),
            "gap": [g.to_dict() for g in self.items],
            "unchecked": list(self.unchecked),
        }


def gap_report(db, team_id: str, site_domain: str, competitor_domains: list[str] | None = None) -> GapReport:  # type: ignore[no-untyped-def]
    """The gap of a tracked site against ``competitor_domains`` (default: its recorded competitors),
    with the competitors that were never checked."""
    from bot.compare.compare import resolve_sites
    from storage import compare_repo
    from storage.sites import competitors_of

    site, comps = resolve_sites(db, team_id, site_domain, competitor_domains)
    rows = compare_repo.domain_rows(db, team_id, [c.id for c in comps], not_linking_to=site.id)
    linking: set[str] = set()  # already applied in SQL
    lost = compare_repo.lost_domains(db, team_id, site.id)
    recorded = {c.domain for c in competitors_of(db, team_id, site.domain)}
    items = compute_gap(site.domain, {c.id: c.domain for c in comps}, rows, linking, lost, recorded)
    unchecked_ids = compare_repo.unchecked_sites(db, team_id, [c.id for c in comps])
    return GapReport(site.domain, [c.domain for c in comps], items, [c.domain for c in comps if c.id in unchecked_ids])


def gap_for(db, team_id: str, site_domain: str, competitor_domains: list[str] | None = None) -> tuple[str, list[str], list[GapDomain]]:  # type: ignore[no-untyped-def]
    """Compute the gap of a tracked site against ``competitor_domains`` (default: its recorded
    competitors). Returns (site, competitors, ranked gap)."""
    report = gap_report(db, team_id, site_domain, competitor_domains)
    return report.site, report.competitors, report.items
