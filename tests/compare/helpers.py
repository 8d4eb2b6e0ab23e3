"""Building test worlds for comparison tests through the real repository functions.

Backlink states are set the way a check sets them: ``start_check`` -> ``write_results`` with one
``ObservationRecord`` per link -> ``finish_check`` (storage.checks), so the rows look exactly like
checked rows (status, kind, follow, anchor, placement, events).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import sqlite_utils

from storage.backlinks import NewBacklink, add_backlinks, get_backlink
from storage.checks import EventItem, ObservationRecord, finish_check, start_check, write_results


@dataclass(frozen=True)
class L:
    """One backlink of a test world and the state a check left it in."""

    url: str
    status: str = "live"  # live | missing | lost | blocked | pending (pending: never checked)
    follow: bool = True
    anchor: str | None = "read more"
    placement: str = "content"
    kind: str | None = None  # default from follow

    @property
    def link_kind(self) -> str:
        return self.kind or ("dofollow" if self.follow else "nofollow")


def put_links(db: sqlite_utils.Database, team: str, site: str, links: Iterable[L], *, at: str | None = None, found_by: str = "ahrefs") -> None:
    """Add ``links`` to ``site`` and record one check that leaves each in its state."""
    links = list(links)
    add_backlinks(db, team, site, [NewBacklink(l.url, f"https://{site}/") for l in links], found_by=found_by)
    checked = [l for l in links if l.status != "pending"]
    if not checked:
        return
    start = start_check(db, team, site)
    records = []
    for l in checked:
        row = get_backlink(db, team, site, l.url)
        assert row is not None, l.url
        found = l.status == "live"
        records.append(
            ObservationRecord(
                backlink_id=row.id,
                page_status="ok" if l.status in ("live", "missing", "lost") else "blocked",
                http_status=200 if l.status != "blocked" else 403,
                final_url=l.url,
                link_found=found,
                status=l.status,
                reason=None if found else {"missing": "link-removed", "lost": "link-removed", "blocked": "blocked"}[l.status],
                miss_streak=0 if found else (2 if l.status == "lost" else 1),
                target_url=f"https://{site}/" if found else None,
                rel=() if l.follow else ("nofollow",),
                kind=l.link_kind if found else None,
                follow=l.follow if found else None,
                anchor=l.anchor if found else None,
                placement=l.placement if found else None,
                events=(EventItem("appeared"),) if found else ((EventItem("lost", "link-removed"),) if l.status == "lost" else ()),
                last_target_url=f"https://{site}/",
                last_kind=l.link_kind,
                last_follow=l.follow,
                last_anchor=l.anchor,
                last_placement=l.placement,
            )
        )
    write_results(db, team, start.check_id, start.site_id, records, at=at)
    finish_check(db, team, start.check_id, at=at)
