"""Repository for comparison, gap, anchors, toxicity and authority.

Every function takes ``db, team_id`` first and every query is filtered by that ``team_id``: nothing
here reads across workspaces. Backlink facts come from the core ``backlinks`` table (current state
kept by the checker; sites come from :mod:`storage.sites`); authority, decisions and page signals from the tables of ``m040_compare``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator, NamedTuple, Sequence

import sqlite_utils

from bot.errors import UserInputError

_CHUNK = 500


def _require_team(team_id: str) -> None:
    if not team_id or not str(team_id).strip():
        raise ValueError("team_id is required")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ---------------------------------------------------------------- backlink aggregates


class DomainRow(NamedTuple):
    """Live links of one referring domain to one site (a NamedTuple: built fast, 10^5 at a time)."""

    site_id: int
    domain: str
    pages: int  # live backlinks (distinct referring pages)
    dofollow: int  # of which followed
    content: int  # of which editorial (placement 'content')
    authority: float | None  # best score over imported rankings, None when unknown
    example_url: str


def domain_rows(
    db: sqlite_utils.Database,
    team_id: str,
    site_ids: Sequence[int],
    *,
    status: str = "live",
    not_linking_to: int | None = None,
) -> list[DomainRow]:
    """Per site and referring domain: counts of ``status`` backlinks, with the domain's authority.

    One grouped query over the covering index ``backlinks_compare``; authority is looked up once per
    output row (best score over the imported sources). With ``not_linking_to`` (a site id), domains
    having any not-lost backlink to that site are left out in SQL (the link-gap rule), so only gap
    candidates reach Python.
    """
    _require_team(team_id)
    if not site_ids:
        return []
    marks = ",".join("?" for _ in site_ids)
    params: list[object] = [team_id, *site_ids, status]
    exclude = ""
    if not_linking_to is not None:
        exclude = """AND b.source_domain NOT IN (
                SELECT x.source_domain FROM backlinks x INDEXED BY backlinks_compare
                WHERE x.team_id = ? AND x.site_id = ? AND x.status != 'lost')"""
        params += [team_id, not_linking_to]
    rows = db.execute(
        f"""SELECT b.site_id, b.source_domain, COUNT(*), SUM(b.follow IS 1), SUM(b.placement IS 'content'),
                   (SELECT MAX(a.score) FROM authority a WHERE a.team_id = b.team_id AND a.domain = b.source_domain),
                   MIN(b.source_url)
            FROM backlinks b INDEXED BY backlinks_compare
            WHERE b.team_id = ? AND b.site_id IN ({marks}) AND b.status = ? {exclude}
            GROUP BY b.site_id, b.source_domain""",
        params,
    ).fetchall()
    make = DomainRow._make
    return [make(r) for r in rows]


def linking_domains(
    db: sqlite_utils.Database, team_id: str, site_id: int, *, exclude_status: Sequence[str] = ("lost",)
) -> set[str]:
    """Referring domains with at least one backlink row to the site whose status is not excluded."""
    _require_team(team_id)
    marks = ",".join("?" for _ in exclude_status) or "''"
    rows = db.execute(
        f"""SELECT DISTINCT source_domain FROM backlinks INDEXED BY backlinks_compare
            WHERE team_id = ? AND site_id = ? AND status NOT IN ({marks})""",
        [team_id, site_id, *exclude_status],
    ).fetchall()
    return {r[0] for r in rows}


def lost_domains(db: sqlite_utils.Database, team_id: str, site_id: int) -> set[str]:
    """Referring domains whose every backlink row to the site is confirmed lost."""
    _require_team(team_id)
    rows = db.execute(
        """SELECT source_domain FROM backlinks INDEXED BY backlinks_compare WHERE team_id = ? AND site_id = ?
           GROUP BY source_domain HAVING SUM(status != 'lost') = 0""",
        [team_id, site_id],
    ).fetchall()
    return {r[0] for r in rows}


def unchecked_sites(db: sqlite_utils.Database, team_id: str, site_ids: Sequence[int]) -> set[int]:
    """The sites among ``site_ids`` none of whose backlinks a check has looked at yet (including sites
    without backlinks): their zero live links say nothing."""
    _require_team(team_id)
    if not site_ids:
        return set()
    unchecked = set()
    for site_id in site_ids:  # EXISTS stops at the first checked row
        row = db.execute(
            """SELECT EXISTS (SELECT 1 FROM backlinks INDEXED BY backlinks_site
                              WHERE team_id = ? AND site_id = ? AND last_checked_at IS NOT NULL)""",
            [team_id, site_id],
        ).fetchone()
        if not row[0]:
            unchecked.add(site_id)
    return unchecked


def live_anchor_counts(db: sqlite_utils.Database, team_id: str, site_id: int) -> list[tuple[str | None, int]]:
    """``(anchor, live links)`` for a site's live backlinks."""
    _require_team(team_id)
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT anchor, COUNT(*) FROM backlinks INDEXED BY backlinks_site WHERE team_id = ? AND site_id = ? AND status = 'live' GROUP BY anchor",
            [team_id, site_id],
        ).fetchall()
    ]


def event_counts(db: sqlite_utils.Database, team_id: str, site_id: int, since: str) -> tuple[int, int]:
    """(new, lost) backlinks of a site since ``since`` (ISO time): events ``appeared``/``returned`` and ``lost``."""
    _require_team(team_id)
    row = db.execute(
        """SELECT SUM(type IN ('appeared', 'returned')), SUM(type = 'lost') FROM events
           WHERE team_id = ? AND site_id = ? AND at >= ?""",
        [team_id, site_id, since],
    ).fetchone()
    return (row[0] or 0, row[1] or 0)


@dataclass(frozen=True)
class LinkFact:
    """One backlink row as the toxicity scan sees it."""

    source_url: str
    source_domain: str
    status: str
    kind: str | None
    follow: bool | None
    anchor: str | None
    placement: str | None


def link_facts(db: sqlite_utils.Database, team_id: str, site_id: int, *, include_lost: bool = False) -> list[LinkFact]:
    """A site's backlinks (confirmed-lost ones left out unless asked), for toxicity scoring."""
    _require_team(team_id)
    sql = "SELECT source_url, source_domain, status, kind, follow, anchor, placement FROM backlinks WHERE team_id = ? AND site_id = ?"
    if not include_lost:
        sql += " AND status != 'lost'"
    rows = db.execute(sql + " ORDER BY source_domain, source_url", [team_id, site_id]).fetchall()
    return [LinkFact(r[0], r[1], r[2], r[3], None if r[4] is None else bool(r[4]), r[5], r[6]) for r in rows]


def domain_source_urls(db: sqlite_utils.Database, team_id: str, site_id: int, domain: str) -> list[str]:
    """The referring pages of one domain that link (or linked) to a site."""
    _require_team(team_id)
    rows = db.execute(
        "SELECT source_url FROM backlinks WHERE team_id = ? AND site_id = ? AND source_domain = ? ORDER BY source_url",
        [team_id, site_id, domain],
    ).fetchall()
    return [r[0] for r in rows]


def workspace_referring_domains(db: sqlite_utils.Database, team_id: str) -> set[str]:
    """Every referring domain of every site (own and competitors) of the workspace."""
    _require_team(team_id)
    return {r[0] for r in db.execute("SELECT DISTINCT source_domain FROM backlinks WHERE team_id = ?", [team_id]).fetchall()}


# ---------------------------------------------------------------- authority


@dataclass(frozen=True)
class AuthorityRow:
    domain: str
    rank: int
    score: float
    source: str


def store_authority(
    db: sqlite_utils.Database,
    team_id: str,
    source: str,
    rows: Iterable[tuple[str, int, float]],
    *,
    replace: bool = True,
    imported_at: str | None = None,
) -> int:
    """Save ``(domain, rank, score)`` rows of one ranking source; with ``replace`` the source's previous
    rows for this workspace go first (a new list supersedes the old one). Returns rows written."""
    _require_team(team_id)
    at = imported_at or _now()
    written = 0
    with db.atomic():
        if replace:
            db.execute("DELETE FROM authority WHERE team_id = ? AND source = ?", [team_id, source])
        batch: list[tuple[str, str, int, float, str, str]] = []
        sql = "INSERT OR REPLACE INTO authority (team_id, domain, rank, score, source, imported_at) VALUES (?, ?, ?, ?, ?, ?)"
        for domain, rank, score in rows:
            batch.append((team_id, domain, int(rank), float(score), source, at))
            if len(batch) >= 5000:
                db.conn.executemany(sql, batch)
                written += len(batch)
                batch.clear()
        if batch:
            db.conn.executemany(sql, batch)
            written += len(batch)
    return written


def authority_for(db: sqlite_utils.Database, team_id: str, domains: Iterable[str]) -> dict[str, AuthorityRow]:
    """The best-scored ranking row per domain (domains without one are absent: unknown)."""
    _require_team(team_id)
    wanted = sorted(set(domains))
    found: dict[str, AuthorityRow] = {}
    for chunk in _chunks(wanted):
        marks = ",".join("?" for _ in chunk)
        for domain, rank, score, source in db.execute(
            f"SELECT domain, rank, score, source FROM authority WHERE team_id = ? AND domain IN ({marks})",
            [team_id, *chunk],
        ).fetchall():
            old = found.get(domain)
            if old is None or score > old.score:
                found[domain] = AuthorityRow(domain, rank, score, source)
    return found


def authority_counts(db: sqlite_utils.Database, team_id: str) -> dict[str, int]:
    """Rows per ranking source for this workspace."""
    _require_team(team_id)
    return {r[0]: r[1] for r in db.execute("SELECT source, COUNT(*) FROM authority WHERE team_id = ? GROUP BY source", [team_id]).fetchall()}


# ---------------------------------------------------------------- toxic decisions


@dataclass(frozen=True)
class ToxicMark:
    domain: str
    decision: str  # keep | disavow
    reason: str | None
    decided_at: str
    decided_by: str | None


DECISIONS = ("keep", "disavow")


def mark_domain(
    db: sqlite_utils.Database,
    team_id: str,
    site_id: int,
    domain: str,
    decision: str,
    *,
    reason: str | None = None,
    decided_by: str | None = None,
    decided_at: str | None = None,
) -> ToxicMark:
    """Record a person's decision about one referring domain of a site (replacing an earlier one)."""
    _require_team(team_id)
    if decision not in DECISIONS:
        raise UserInputError.keyed("compare.mark.bad_decision", decision=str(decision)[:40])
    reason = " ".join((reason or "").split())[:300] or None
    at = decided_at or _now()
    db.execute(
        """INSERT INTO toxic_marks (team_id, site_id, domain, decision, reason, decided_at, decided_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (team_id, site_id, domain) DO UPDATE SET
             decision = excluded.decision, reason = excluded.reason,
             decided_at = excluded.decided_at, decided_by = excluded.decided_by""",
        [team_id, site_id, domain, decision, reason, at, decided_by],
    )
    return ToxicMark(domain, decision, reason, at, decided_by)


def list_marks(db: sqlite_utils.Database, team_id: str, site_id: int, *, decision: str | None = None) -> dict[str, ToxicMark]:
    """Decisions for a site, by domain (optionally only one decision)."""
    _require_team(team_id)
    sql = "SELECT domain, decision, reason, decided_at, decided_by FROM toxic_marks WHERE team_id = ? AND site_id = ?"
    params: list[object] = [team_id, site_id]
    if decision:
        sql += " AND decision = ?"
        params.append(decision)
    return {r[0]: ToxicMark(*r) for r in db.execute(sql + " ORDER BY domain", params).fetchall()}


# ---------------------------------------------------------------- page signals


@dataclass(frozen=True)
class StoredSignals:
    source_url: str
    source_domain: str
    fetched_at: str
    page_status: str
    signals: dict[str, object]


def save_page_signals(db: sqlite_utils.Database, team_id: str, site_id: int, rows: Iterable[StoredSignals]) -> int:
    """Save (replace) what the toxicity scan read on referring pages."""
    _require_team(team_id)
    data = [
        (team_id, site_id, r.source_url, r.source_domain, r.fetched_at, r.page_status, json.dumps(r.signals, sort_keys=True))
        for r in rows
    ]
    with db.atomic():
        db.conn.executemany(
            """INSERT OR REPLACE INTO page_signals (team_id, site_id, source_url, source_domain, fetched_at, page_status, signals)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            data,
        )
    return len(data)


def load_page_signals(db: sqlite_utils.Database, team_id: str, site_id: int) -> dict[str, StoredSignals]:
    """Stored page signals of a site's referring pages, by source URL."""
    _require_team(team_id)
    out: dict[str, StoredSignals] = {}
    for url, domain, at, status, signals in db.execute(
        "SELECT source_url, source_domain, fetched_at, page_status, signals FROM page_signals WHERE team_id = ? AND site_id = ?",
        [team_id, site_id],
    ).fetchall():
        try:
            parsed = json.loads(signals or "{}")
        except ValueError:
            parsed = {}
        out[url] = StoredSignals(url, domain, at, status, parsed if isinstance(parsed, dict) else {})
    return out
