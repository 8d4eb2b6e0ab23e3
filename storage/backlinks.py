"""Repository of backlinks (referring pages of a site), always scoped to one workspace.

The ``status``/``reason``/``kind``/``follow``/``anchor``/``placement``/``http_status`` columns of a
backlink are its current state, written by checks (see :mod:`bot.check.status`). ``kind`` and the
other link columns keep the last link *seen* on the page, also after it went missing, so a lost link
still shows what it was. What an import claimed about a link is kept apart (``claimed_*``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

import sqlite_utils

from bot.domains import domain_of_url, host_of
from storage.sites import now_iso, require_site

STATUSES = ("pending", "live", "missing", "lost", "blocked")


@dataclass(frozen=True)
class NewBacklink:
    """A referring page to add (by hand, from an import or from discovery)."""

    source_url: str
    target_url: str | None = None
    anchor: str | None = None
    kind: str | None = None  # claimed kind: dofollow | nofollow | ugc | sponsored
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True)
class RejectedLink:
    source_url: str
    reason: str  # "invalid-url" | "same-site" | "private-address"


@dataclass(frozen=True)
class AddResult:
    added: int
    merged: int
    rejected: tuple[RejectedLink, ...] = ()


@dataclass(frozen=True)
class Backlink:
    id: int
    site_id: int
    source_url: str
    source_domain: str
    target_url: str | None
    found_by: str
    first_seen: str | None
    added_at: str
    status: str
    reason: str | None
    kind: str | None
    follow: bool | None
    anchor: str | None
    placement: str | None
    http_status: int | None
    last_checked_at: str | None
    last_live_at: str | None
    miss_streak: int = 0
    claimed_anchor: str | None = None
    claimed_kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_url": self.source_url,
            "source_domain": self.source_domain,
            "target_url": self.target_url,
            "status": self.status,
            "reason": self.reason,
            "kind": self.kind,
            "follow": self.follow,
            "anchor": self.anchor,
            "placement": self.placement,
            "http_status": self.http_status,
            "found_by": self.found_by,
            "first_seen": self.first_seen,
            "added_at": self.added_at,
            "last_checked_at": self.last_checked_at,
            "last_live_at": self.last_live_at,
        }


@dataclass(frozen=True)
class SiteSummary:
    live: int = 0
    missing: int = 0
    lost: int = 0
    blocked: int = 0
    pending: int = 0
    referring_domains: int = 0  # distinct registrable domains with a live link
    lost_this_week: int = 0  # confirmed losses (``lost`` events) in the last 7 days
    last_check_at: str | None = None  # when the last completed check finished
    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # live links per kind

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "live": self.live,
            "missing": self.missing,
            "lost": self.lost,
            "blocked": self.blocked,
            "pending": self.pending,
            "referring_domains": self.referring_domains,
            "lost_this_week": self.lost_this_week,
            "last_check_at": self.last_check_at,
            "by_kind": dict(self.by_kind),
        }


BACKLINK_COLUMNS = (
    "id, site_id, source_url, source_domain, target_url, found_by, first_seen, added_at, status, reason, kind, "
    "follow, anchor, placement, http_status, last_checked_at, last_live_at, miss_streak, claimed_anchor, claimed_kind"
)


def backlink_from_row(row: Any) -> Backlink:
    values = list(row)
    values[11] = None if values[11] is None else bool(values[11])
    return Backlink(*values)


def clean_source_url(url: str) -> str | None:
    """The stored form of a referring page URL (scheme and host lower case, no fragment), or None
    when it is not an absolute http(s) URL."""
    text = (url or "").strip()
    if not text or host_of(text) is None:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    netloc = parts.netloc
    if "@" in netloc:  # credentials in a referring-page URL: keep only host[:port]
        netloc = netloc.rsplit("@", 1)[1]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), netloc.lower(), path, parts.query, ""))


def private_address(url: str) -> bool:
    """True when ``url``'s host is ``localhost`` or an IP literal the fetcher refuses (its SSRF guard)."""
    from urllib.parse import urlsplit

    from bot.fetch.addresses import check_target

    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return False
    refusal = check_target(parts.scheme, host, None, allow_private=False, allowed_ports=frozenset())
    return refusal is not None and not refusal.invalid


def add_backlinks(
    db: sqlite_utils.Database,
    team_id: str,
    domain: str,
    links: Iterable[NewBacklink],
    *,
    found_by: str,
    refuse_private: bool = False,
) -> AddResult:
    """Add referring pages to a tracked site. With ``refuse_private`` (the CLI and Slack, unless
    BACKLINKS_ALLOW_PRIVATE_NETWORKS is set) pages on ``localhost`` or an IP literal the fetcher would
    never contact (private, loopback, link-local, reserved) are rejected as ``private-address``. Pages already known (same URL) merge: claims fill in
    what was unknown, the earliest ``first_seen`` wins, and the status is untouched. URLs that are
    not absolute http(s) URLs, or pages of the site itself, are rejected and returned, never dropped
    silently."""
    site = require_site(db, team_id, domain)
    added = merged = 0
    rejected: list[RejectedLink] = []
    now = now_iso()
    batch: dict[str, NewBacklink] = {}

    def flush() -> None:
        nonlocal added, merged
        if not batch:
            return
        urls = list(batch)
        existing: set[str] = set()
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            marks = ",".join("?" * len(chunk))
            existing.update(
                r[0]
                for r in db.execute(
                    f"SELECT source_url FROM backlinks WHERE team_id = ? AND site_id = ? AND source_url IN ({marks})",
                    [team_id, site.id, *chunk],
                ).fetchall()
            )
        rows = []
        for url, link in batch.items():
            rows.append(
                [
                    team_id,
                    site.id,
                    url,
                    domain_of_url(url) or host_of(url) or "",
                    link.target_url,
                    found_by,
                    link.first_seen,
                    now,
                    link.anchor,
                    link.kind,
                    link.last_seen,
                ]
            )
        db.conn.executemany(
            """
            INSERT INTO backlinks (team_id, site_id, source_url, source_domain, target_url, found_by, first_seen,
                                   added_at, claimed_anchor, claimed_kind, claimed_last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (team_id, site_id, source_url) DO UPDATE SET
                target_url = CASE WHEN backlinks.kind IS NULL AND excluded.target_url IS NOT NULL
                                  THEN excluded.target_url ELSE backlinks.target_url END,
                first_seen = CASE WHEN backlinks.first_seen IS NULL OR
                                       (excluded.first_seen IS NOT NULL AND excluded.first_seen < backlinks.first_seen)
                                  THEN excluded.first_seen ELSE backlinks.first_seen END,
                claimed_anchor = COALESCE(excluded.claimed_anchor, backlinks.claimed_anchor),
                claimed_kind = COALESCE(excluded.claimed_kind, backlinks.claimed_kind),
                claimed_last_seen = CASE WHEN backlinks.claimed_last_seen IS NULL OR
                                       (excluded.claimed_last_seen IS NOT NULL AND excluded.claimed_last_seen > backlinks.claimed_last_seen)
                                  THEN excluded.claimed_last_seen ELSE backlinks.claimed_last_seen END
            """,
            rows,
        )
        new = len(urls) - len(existing)
        added += new
        merged += len(existing)
        batch.clear()

    with db.atomic():
        for link in links:
            url = clean_source_url(link.source_url)
            if url is None:
                rejected.append(RejectedLink(str(link.source_url), "invalid-url"))
                continue
            if domain_of_url(url) == site.domain:
                rejected.append(RejectedLink(url, "same-site"))
                continue
            if refuse_private and private_address(url):
                rejected.append(RejectedLink(url, "private-address"))
                continue
            if url in batch:
                merged += 1
                previous = batch[url]
                batch[url] = NewBacklink(
                    url,
                    previous.target_url or link.target_url,
                    previous.anchor or link.anchor,
                    previous.kind or link.kind,
                    min(filter(None, [previous.first_seen, link.first_seen]), default=None),
                    max(filter(None, [previous.last_seen, link.last_seen]), default=None),
                )
                continue
            batch[url] = link
            if len(batch) >= 2000:
                flush()
        flush()
    return AddResult(added=added, merged=merged, rejected=tuple(rejected))


def iter_backlinks(db: sqlite_utils.Database, team_id: str, domain: str, *, status: str | None = None) -> Iterator[Backlink]:
    """The site's backlinks in a stable order (by source domain, then URL), read lazily."""
    site = require_site(db, team_id, domain)
    sql = f"SELECT {BACKLINK_COLUMNS} FROM backlinks WHERE team_id = ? AND site_id = ?"
    params: list[Any] = [team_id, site.id]
    if status is not None:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        sql += " AND status = ?"
        params.append(status)
    sql += " ORDER BY source_domain, source_url"
    for row in db.execute(sql, params):
        yield backlink_from_row(row)


def list_backlinks(db: sqlite_utils.Database, team_id: str, domain: str, *, status: str | None = None) -> list[Backlink]:
    return list(iter_backlinks(db, team_id, domain, status=status))


def get_backlink(db: sqlite_utils.Database, team_id: str, domain: str, source_url: str) -> Backlink | None:
    site = require_site(db, team_id, domain)
    url = clean_source_url(source_url) or source_url
    row = db.execute(
        f"SELECT {BACKLINK_COLUMNS} FROM backlinks WHERE team_id = ? AND site_id = ? AND source_url = ?",
        [team_id, site.id, url],
    ).fetchone()
    return backlink_from_row(row) if row else None


def remove_backlinks(db: sqlite_utils.Database, team_id: str, domain: str, source_urls: Iterable[str]) -> int:
    """Forget referring pages (with their history). Returns how many were removed."""
    site = require_site(db, team_id, domain)
    removed = 0
    with db.atomic():
        for raw in source_urls:
            url = clean_source_url(raw) or raw
            row = db.execute(
                "SELECT id FROM backlinks WHERE team_id = ? AND site_id = ? AND source_url = ?", [team_id, site.id, url]
            ).fetchone()
            if row is None:
                continue
            for table in ("events", "observations"):
                db.execute(f"DELETE FROM {table} WHERE team_id = ? AND backlink_id = ?", [team_id, row[0]])
            db.execute("DELETE FROM backlinks WHERE team_id = ? AND id = ?", [team_id, row[0]])
            removed += 1
    return removed


def site_summary(db: sqlite_utils.Database, team_id: str, domain: str, *, now: datetime | None = None) -> SiteSummary:
    """Counts per status, live referring domains, confirmed losses of the last 7 days, last check."""
    site = require_site(db, team_id, domain)
    counts = dict(
        db.execute(
            "SELECT status, COUNT(*) FROM backlinks WHERE team_id = ? AND site_id = ? GROUP BY status", [team_id, site.id]
        ).fetchall()
    )
    by_kind = dict(
        db.execute(
            "SELECT COALESCE(kind, 'unknown'), COUNT(*) FROM backlinks WHERE team_id = ? AND site_id = ? AND status = 'live' "
            "GROUP BY kind",
            [team_id, site.id],
        ).fetchall()
    )
    referring = db.execute(
        "SELECT COUNT(DISTINCT source_domain) FROM backlinks WHERE team_id = ? AND site_id = ? AND status = 'live'",
        [team_id, site.id],
    ).fetchone()[0]
    now = now or datetime.now(timezone.utc)
    since = (now - timedelta(days=7)).isoformat(timespec="seconds")
    lost_week = db.execute(
        "SELECT COUNT(*) FROM events WHERE team_id = ? AND site_id = ? AND type = 'lost' AND at >= ?",
        [team_id, site.id, since],
    ).fetchone()[0]
    last = db.execute(
        "SELECT MAX(finished_at) FROM checks WHERE team_id = ? AND site_id = ? AND state = 'done'", [team_id, site.id]
    ).fetchone()[0]
    return SiteSummary(
        live=counts.get("live", 0),
        missing=counts.get("missing", 0),
        lost=counts.get("lost", 0),
        blocked=counts.get("blocked", 0),
        pending=counts.get("pending", 0),
        referring_domains=referring,
        lost_this_week=lost_week,
        last_check_at=last,
        total=sum(counts.values()),
        by_kind=by_kind,
    )
