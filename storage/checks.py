"""Repository of checks, observations and events, always scoped to one workspace.

A check is one run over every backlink of a site. Its results are written in batches, each batch in
one transaction (observations + backlink state + events + the check's running counts), so a process
killed halfway leaves a consistent database: every batch before the kill is complete, nothing after it
exists, and the check row says ``running`` until the next check marks it ``interrupted``.
"""

from __future__ import annotations

from storage.timestamps import parse_iso

import json
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Collection, Iterable, Sequence

import sqlite_utils

from bot.errors import BacklinksError
from storage.backlinks import clean_source_url
from storage.sites import now_iso, require_site, require_team

STALE_AFTER = timedelta(minutes=15)  # a running check of another machine without heartbeat


class CheckRunningError(BacklinksError):
    """A check of this site is already running."""


@dataclass(frozen=True)
class CheckRow:
    id: int
    site_id: int
    trigger: str
    started_at: str
    finished_at: str | None
    state: str
    total: int
    checked: int
    live: int
    missing: int
    lost: int
    blocked: int
    duration_ms: int | None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "site_id"}


_CHECK_COLUMNS = "id, site_id, trigger, started_at, finished_at, state, total, checked, live, missing, lost, blocked, duration_ms, error"


@dataclass(frozen=True)
class CheckStart:
    check_id: int
    site_id: int
    domain: str
    total: int
    max_backlink_id: int
    baseline_done: bool  # a completed check of the site exists before this one
    interrupted: tuple[int, ...] = ()  # stale checks this start marked interrupted


@dataclass(frozen=True)
class PriorRow:
    """What a check needs to know about one backlink before fetching it."""

    id: int
    source_url: str
    status: str
    reason: str | None
    miss_streak: int
    ever_live: bool
    target_url: str | None
    kind: str | None
    follow: bool | None
    anchor: str | None
    placement: str | None
    # the page at its last successful read (see m015 m002_page_memory)
    page_hash: str | None = None
    page_link_found: bool | None = None
    page_rel: tuple[str, ...] = ()
    page_noindex: bool | None = None
    page_canonical: str | None = None


@dataclass(frozen=True)
class EventItem:
    type: str
    reason: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ObservationRecord:
    """One backlink's result in one check: the observation row, the new backlink state, the events."""

    backlink_id: int
    page_status: str
    http_status: int | None
    final_url: str | None
    link_found: bool
    status: str
    reason: str | None
    miss_streak: int
    target_url: str | None = None  # of the link found now
    rel: tuple[str, ...] = ()
    kind: str | None = None
    follow: bool | None = None
    anchor: str | None = None
    placement: str | None = None
    noindex: bool | None = None
    canonical: str | None = None
    changes: tuple[str, ...] = ()
    events: tuple[EventItem, ...] = ()
    # last link seen on the page after this observation (kept when the link is not found now)
    last_target_url: str | None = None
    last_kind: str | None = None
    last_follow: bool | None = None
    last_anchor: str | None = None
    last_placement: str | None = None
    page_hash: str | None = None  # fingerprint of the page read now (None: the page was not read)
    # unlinked (and linked) brand mentions of the site on the page; None: the page was not analysed now
    mentions: tuple[Any, ...] | None = None
    mentions_linked: bool = False  # the page links to the site: its known mentions are all linked now


@dataclass(frozen=True)
class EventRow:
    id: int
    at: str
    type: str
    reason: str | None
    detail: dict[str, Any]
    check_id: int | None
    backlink_id: int | None
    source_url: str | None
    source_domain: str | None
    target_url: str | None
    status: str | None  # the backlink's current status
    kind: str | None
    follow: bool | None
    anchor: str | None
    placement: str | None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _check(row: Any) -> CheckRow:
    return CheckRow(*row)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def this_host() -> str:
    return socket.gethostname()


def start_check(
    db: sqlite_utils.Database,
    team_id: str,
    domain: str,
    *,
    trigger: str = "cli",
    running_here: Collection[int] = (),
    at: str | None = None,
    pid: int | None = None,
    host: str | None = None,
    is_alive: Callable[[int], bool] = process_alive,
) -> CheckStart:
    """Open a ``running`` check row for the site, first marking stale running checks ``interrupted``.

    A running check is stale when its process is gone (same machine, pid not alive, or our own pid
    but not in ``running_here``), or when its heartbeat is older than :data:`STALE_AFTER` (another
    machine, or a pid since reused by another program; a check writes every half second while it
    gets results). A check that is really running makes this raise :class:`CheckRunningError`.
    """
    site = require_site(db, team_id, domain)
    at = at or now_iso()
    pid = os.getpid() if pid is None else pid
    host = host or this_host()
    interrupted: list[int] = []
    with db.atomic():
        running = db.execute(
            "SELECT id, pid, host, heartbeat_at, started_at FROM checks WHERE team_id = ? AND site_id = ? AND state = 'running'",
            [team_id, site.id],
        ).fetchall()
        for check_id, other_pid, other_host, heartbeat_at, started_at in running:
            beat = parse_iso(heartbeat_at or started_at)
            silent = beat is None or datetime.now(timezone.utc) - beat > STALE_AFTER
            if other_host == host and other_pid == pid:
                stale = check_id not in running_here
            elif other_host == host and other_pid is not None:
                # a dead process, or a live one that has written nothing for long (its pid was reused)
                stale = not is_alive(other_pid) or silent
            else:
                stale = silent
            if not stale:
                raise CheckRunningError.keyed("store.check_running", site=site.domain)
            db.execute(
                "UPDATE checks SET state = 'interrupted', finished_at = COALESCE(heartbeat_at, started_at) "
                "WHERE team_id = ? AND id = ?",
                [team_id, check_id],
            )
            interrupted.append(check_id)
        total, max_id = db.execute(
            "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM backlinks WHERE team_id = ? AND site_id = ?", [team_id, site.id]
        ).fetchone()
        baseline = db.execute(
            "SELECT 1 FROM checks WHERE team_id = ? AND site_id = ? AND state = 'done' LIMIT 1", [team_id, site.id]
        ).fetchone()
        cursor = db.execute(
            "INSERT INTO checks (team_id, site_id, trigger, started_at, state, total, pid, host, heartbeat_at) "
            "VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?)",
            [team_id, site.id, trigger, at, total, pid, host, at],
        )
        check_id = cursor.lastrowid
    return CheckStart(
        check_id=check_id,
        site_id=site.id,
        domain=site.domain,
        total=total,
        max_backlink_id=max_id,
        baseline_done=baseline is not None,
        interrupted=tuple(interrupted),
    )


def check_order(db: sqlite_utils.Database, team_id: str, site_id: int, max_backlink_id: int) -> list[int]:
    """Backlink ids of a site in the order a check visits them: interleaved across referring domains
    (one page of each domain, then the second of each, ...) so that per-host limits never idle the
    other hosts."""
    require_team(team_id)
    rows = db.execute(
        "SELECT id FROM (SELECT id, source_domain, ROW_NUMBER() OVER (PARTITION BY source_domain ORDER BY id) AS rn "
        "FROM backlinks WHERE team_id = ? AND site_id = ? AND id <= ?) ORDER BY rn, source_domain, id",
        [team_id, site_id, max_backlink_id],
    ).fetchall()
    return [r[0] for r in rows]


def load_priors(db: sqlite_utils.Database, team_id: str, site_id: int, ids: Sequence[int]) -> list[PriorRow]:
    """The prior state of the given backlinks (those still present), in the order of ``ids``."""
    require_team(team_id)
    if not ids:
        return []
    found: dict[int, PriorRow] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            "SELECT id, source_url, status, reason, miss_streak, last_live_at IS NOT NULL, target_url, kind, follow, "
            "anchor, placement, page_hash, page_link_found, page_rel, page_noindex, page_canonical "
            f"FROM backlinks WHERE team_id = ? AND site_id = ? AND id IN ({marks})",
            [team_id, site_id, *chunk],
        ):
            found[row[0]] = PriorRow(
                id=row[0],
                source_url=row[1],
                status=row[2],
                reason=row[3],
                miss_streak=row[4] or 0,
                ever_live=bool(row[5]),
                target_url=row[6],
                kind=row[7],
                follow=None if row[8] is None else bool(row[8]),
                anchor=row[9],
                placement=row[10],
                page_hash=row[11],
                page_link_found=None if row[12] is None else bool(row[12]),
                page_rel=tuple(json.loads(row[13])) if row[13] else (),
                page_noindex=None if row[14] is None else bool(row[14]),
                page_canonical=row[15],
            )
    return [found[i] for i in ids if i in found]


def _b(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def write_results(
    db: sqlite_utils.Database,
    team_id: str,
    check_id: int,
    site_id: int,
    records: Iterable[ObservationRecord],
    *,
    at: str | None = None,
) -> int:
    """Write one batch of a check's results in one transaction. Returns the number written.

    Results for backlinks removed while the check ran (or of a check whose site was untracked) are
    dropped: they describe nothing that still exists.
    """
    require_team(team_id)
    at = at or now_iso()
    records = list(records)
    if not records:
        return 0
    obs_rows: list[list[Any]] = []
    state_rows: list[list[Any]] = []
    event_rows: list[list[Any]] = []
    page_rows: list[list[Any]] = []
    counts = {"live": 0, "missing": 0, "lost": 0, "blocked": 0}
    ids = [r.backlink_id for r in records]
    present: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        present.update(
            row[0]
            for row in db.execute(
                f"SELECT id FROM backlinks WHERE team_id = ? AND site_id = ? AND id IN ({','.join('?' * len(chunk))})",
                [team_id, site_id, *chunk],
            ).fetchall()
        )
    if db.execute("SELECT 1 FROM checks WHERE team_id = ? AND id = ?", [team_id, check_id]).fetchone() is None:
        return 0
    for r in records:
        if r.backlink_id not in present:
            continue
        obs_rows.append(
            [
                team_id, check_id, r.backlink_id, at, r.page_status, r.http_status, r.final_url, int(r.link_found),
                r.target_url, json.dumps(list(r.rel)) if r.link_found else None, r.kind, _b(r.follow), r.anchor,
                r.placement, _b(r.noindex), r.canonical, r.status, r.reason, json.dumps(list(r.changes)),
            ]
        )
        state_rows.append(
            [
                r.status, r.reason, r.miss_streak, r.http_status, at, at if r.status == "live" else None,
                r.last_kind, r.last_target_url, r.last_kind, _b(r.last_follow), r.last_anchor, r.last_placement,
                team_id, site_id, r.backlink_id,
            ]
        )
        if r.page_hash is not None:
            page_rows.append(
                [r.page_hash, int(r.link_found), json.dumps(list(r.rel)), _b(r.noindex), r.canonical, team_id, site_id, r.backlink_id]
            )
        for event in r.events:
            event_rows.append([team_id, site_id, r.backlink_id, check_id, at, event.type, event.reason, json.dumps(event.detail)])
        if r.status in counts:
            counts[r.status] += 1
    if not obs_rows:
        return 0
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO observations (team_id, check_id, backlink_id, observed_at, page_status, http_status, final_url, "
            "link_found, target_url, rel, kind, follow, anchor, placement, noindex, canonical, status, reason, changes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            obs_rows,
        )
        db.conn.executemany(
            "UPDATE backlinks SET status = ?, reason = ?, miss_streak = ?, http_status = ?, last_checked_at = ?, "
            "last_live_at = COALESCE(?, last_live_at), "
            "target_url = CASE WHEN ? IS NOT NULL THEN ? ELSE target_url END, "
            "kind = ?, follow = ?, anchor = ?, placement = ? "
            "WHERE team_id = ? AND site_id = ? AND id = ?",
            state_rows,
        )
        if page_rows:
            db.conn.executemany(
                "UPDATE backlinks SET page_hash = ?, page_link_found = ?, page_rel = ?, page_noindex = ?, page_canonical = ? "
                "WHERE team_id = ? AND site_id = ? AND id = ?",
                page_rows,
            )
        if event_rows:
            db.conn.executemany(
                "INSERT INTO events (team_id, site_id, backlink_id, check_id, at, type, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event_rows,
            )
        db.execute(
            "UPDATE checks SET checked = checked + ?, live = live + ?, missing = missing + ?, lost = lost + ?, "
            "blocked = blocked + ?, heartbeat_at = ? WHERE team_id = ? AND id = ?",
            [len(obs_rows), counts["live"], counts["missing"], counts["lost"], counts["blocked"], at, team_id, check_id],
        )
    return len(obs_rows)


def finish_check(
    db: sqlite_utils.Database,
    team_id: str,
    check_id: int,
    *,
    state: str = "done",
    duration_ms: int | None = None,
    error: str | None = None,
    at: str | None = None,
) -> CheckRow | None:
    """Close a check as ``done``, ``failed`` or ``interrupted`` (None: no such check here)."""
    require_team(team_id)
    if state not in ("done", "failed", "interrupted"):
        raise ValueError("state must be done, failed or interrupted")
    at = at or now_iso()
    db.execute(
        "UPDATE checks SET state = ?, finished_at = ?, duration_ms = ?, error = ?, heartbeat_at = ? WHERE team_id = ? AND id = ?",
        [state, at, duration_ms, error, at, team_id, check_id],
    )
    return get_check(db, team_id, check_id)


def get_check(db: sqlite_utils.Database, team_id: str, check_id: int) -> CheckRow | None:
    require_team(team_id)
    row = db.execute(f"SELECT {_CHECK_COLUMNS} FROM checks WHERE team_id = ? AND id = ?", [team_id, check_id]).fetchone()
    return _check(row) if row else None


def list_checks(db: sqlite_utils.Database, team_id: str, domain: str, *, limit: int = 20) -> list[CheckRow]:
    """The site's most recent checks, newest first."""
    site = require_site(db, team_id, domain)
    rows = db.execute(
        f"SELECT {_CHECK_COLUMNS} FROM checks WHERE team_id = ? AND site_id = ? ORDER BY id DESC LIMIT ?",
        [team_id, site.id, max(1, int(limit))],
    ).fetchall()
    return [_check(r) for r in rows]


def last_check(db: sqlite_utils.Database, team_id: str, domain: str, *, state: str | None = "done") -> CheckRow | None:
    site = require_site(db, team_id, domain)
    sql = f"SELECT {_CHECK_COLUMNS} FROM checks WHERE team_id = ? AND site_id = ?"
    params: list[Any] = [team_id, site.id]
    if state is not None:
        sql += " AND state = ?"
        params.append(state)
    row = db.execute(sql + " ORDER BY id DESC LIMIT 1", params).fetchone()
    return _check(row) if row else None


def check_links(db: sqlite_utils.Database, team_id: str, check_id: int) -> list[dict[str, Any]]:
    """The per-link results of one check, as in ``check --json`` (read back from its observations)."""
    require_team(team_id)
    rows = db.execute(
        "SELECT b.source_url, COALESCE(o.target_url, b.target_url), o.status, o.reason, o.changes, o.kind, o.follow, "
        "o.anchor, o.placement, o.http_status FROM observations o JOIN backlinks b ON b.id = o.backlink_id AND b.team_id = o.team_id "
        "WHERE o.team_id = ? AND o.check_id = ? ORDER BY b.source_domain, b.source_url",
        [team_id, check_id],
    ).fetchall()
    return [
        {
            "source_url": r[0],
            "target_url": r[1],
            "status": r[2],
            "reason": r[3],
            "changes": json.loads(r[4] or "[]"),
            "kind": r[5],
            "follow": None if r[6] is None else bool(r[6]),
            "anchor": r[7],
            "placement": r[8],
            "http_status": r[9],
        }
        for r in rows
    ]


def backlink_history(db: sqlite_utils.Database, team_id: str, domain: str, source_url: str) -> list[dict[str, Any]]:
    """Every observation of one referring page, oldest first."""
    site = require_site(db, team_id, domain)
    url = clean_source_url(source_url) or source_url
    rows = db.execute(
        "SELECT o.check_id, o.observed_at, o.page_status, o.http_status, o.final_url, o.link_found, o.target_url, o.rel, "
        "o.kind, o.follow, o.anchor, o.placement, o.noindex, o.canonical, o.status, o.reason, o.changes "
        "FROM observations o JOIN backlinks b ON b.id = o.backlink_id AND b.team_id = o.team_id "
        "WHERE o.team_id = ? AND b.site_id = ? AND b.source_url = ? ORDER BY o.id",
        [team_id, site.id, url],
    ).fetchall()
    keys = (
        "check_id", "observed_at", "page_status", "http_status", "final_url", "link_found", "target_url", "rel", "kind",
        "follow", "anchor", "placement", "noindex", "canonical", "status", "reason", "changes",
    )
    out = []
    for r in rows:
        item = dict(zip(keys, r))
        item["link_found"] = bool(item["link_found"])
        item["rel"] = json.loads(item["rel"]) if item["rel"] else []
        item["changes"] = json.loads(item["changes"] or "[]")
        for k in ("follow", "noindex"):
            item[k] = None if item[k] is None else bool(item[k])
        out.append(item)
    return out


def list_events(
    db: sqlite_utils.Database,
    team_id: str,
    domain: str,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Collection[str] | None = None,
) -> list[EventRow]:
    """The site's events in ``[since, until)`` (ISO times), oldest first, with their backlink."""
    site = require_site(db, team_id, domain)
    sql = (
        "SELECT e.id, e.at, e.type, e.reason, e.detail, e.check_id, e.backlink_id, b.source_url, b.source_domain, "
        "b.target_url, b.status, b.kind, b.follow, b.anchor, b.placement FROM events e "
        "LEFT JOIN backlinks b ON b.id = e.backlink_id AND b.team_id = e.team_id "
        "WHERE e.team_id = ? AND e.site_id = ?"
    )
    params: list[Any] = [team_id, site.id]
    if since is not None:
        sql += " AND e.at >= ?"
        params.append(since)
    if until is not None:
        sql += " AND e.at < ?"
        params.append(until)
    if types:
        types = list(types)
        sql += f" AND e.type IN ({','.join('?' * len(types))})"
        params.extend(types)
    rows = db.execute(sql + " ORDER BY e.at, e.id", params).fetchall()
    return [
        EventRow(
            id=r[0], at=r[1], type=r[2], reason=r[3], detail=json.loads(r[4] or "{}"), check_id=r[5], backlink_id=r[6],
            source_url=r[7], source_domain=r[8], target_url=r[9], status=r[10], kind=r[11],
            follow=None if r[12] is None else bool(r[12]), anchor=r[13], placement=r[14],
        )
        for r in rows
    ]


def count_checks(db: sqlite_utils.Database, team_id: str, domain: str, *, since: str | None = None, until: str | None = None) -> int:
    """Completed checks of the site in ``[since, until)``."""
    site = require_site(db, team_id, domain)
    sql = "SELECT COUNT(*) FROM checks WHERE team_id = ? AND site_id = ? AND state = 'done'"
    params: list[Any] = [team_id, site.id]
    if since:
        sql += " AND finished_at >= ?"
        params.append(since)
    if until:
        sql += " AND finished_at < ?"
        params.append(until)
    return db.execute(sql, params).fetchone()[0]
