"""Repository of the discovery crawl: watch lists, crawl state, runs and their queue, mentions.

Every function takes ``db, team_id`` first and never reads across workspaces. Writes of one crawled
page (crawl state, queue item, new backlinks with their ``appeared`` event, mentions, run counters)
happen in one transaction (:func:`record_page`), so a run killed at any moment resumes from what was
written.
"""

from __future__ import annotations

from storage.timestamps import parse_iso

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Collection, Iterable, Sequence

import sqlite_utils

from bot.domains import domain_of_url, host_of, registrable_domain
from bot.errors import BacklinksError, UserInputError
from bot.i18n import t
from storage.backlinks import NewBacklink, add_backlinks, clean_source_url
from storage.checks import process_alive, this_host
from storage.sites import Site, competitors_of, list_sites, now_iso, require_site, require_team

ORIGINS = ("auto", "user")
STALE_AFTER = timedelta(minutes=10)  # a run on another machine without a heartbeat this long is dead


class DiscoveryRunningError(BacklinksError):
    """A discovery run of the same scope is running right now."""


# ------------------------------------------------------------------ watch list


@dataclass(frozen=True)
class WatchEntry:
    domain: str
    origin: str  # auto | user
    added_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"domain": self.domain, "origin": self.origin, "added_at": self.added_at}


def normalise_watch_domain(text: str) -> str:
    """A host to watch from what a user typed (``Nieuws.Gemeente.nl``, ``https://www.x.nl/blog``):
    lower-case punycode host; raises :class:`UserInputError` for anything else."""
    raw = (text or "").strip().strip("<>")
    if "|" in raw:
        raw = raw.split("|", 1)[1]
    candidate = raw if "://" in raw else f"http://{raw}"
    host = host_of(candidate)
    if host is None or registrable_domain(host) is None or "." not in host:
        raise UserInputError(t("discover.bad_domain", None, domain=text))
    return host


def _site_ids(db: sqlite_utils.Database, team_id: str, site: Site) -> list[int]:
    return [site.id] + [c.id for c in competitors_of(db, team_id, site.domain)]


def _watch_host(url: str) -> str | None:
    """The host discovery reads for a referring page: its host without a leading ``www.``."""
    host = host_of(url)
    if host is None or "." not in host:
        return None
    if host.startswith("www.") and registrable_domain(host[4:]) is not None:
        host = host[4:]
    return host


def refresh_auto_watch(db: sqlite_utils.Database, team_id: str, domain: str, *, at: str | None = None) -> int:
    """Bring the automatic part of a site's watch list up to date: every referring host of the site
    and of its competitors (without ``www.``; tracked sites themselves excluded). Domains the user
    removed stay off; auto domains that no longer refer are dropped. Returns the number of active
    auto entries."""
    site = require_site(db, team_id, domain)
    at = at or now_iso()
    ids = _site_ids(db, team_id, site)
    marks = ",".join("?" * len(ids))
    tracked = {s.domain for s in list_sites(db, team_id)}
    referring: set[str] = set()
    for (url,) in db.execute(
        f"SELECT DISTINCT source_url FROM backlinks WHERE team_id = ? AND site_id IN ({marks})", [team_id, *ids]
    ):
        host = _watch_host(url)
        if host is not None and registrable_domain(host) not in tracked:
            referring.add(host)
    with db.atomic():
        existing = {
            row[0]: (row[1], row[2])
            for row in db.execute(
                "SELECT domain, origin, removed_at FROM discover_watch WHERE team_id = ? AND site_id = ?", [team_id, site.id]
            )
        }
        for name in sorted(referring - set(existing) - {f"www.{d}" for d in existing}):
            db.execute(
                "INSERT INTO discover_watch (team_id, site_id, domain, origin, added_at) VALUES (?, ?, ?, 'auto', ?)",
                [team_id, site.id, name, at],
            )
        for name, (origin, removed_at) in existing.items():
            if origin == "auto" and removed_at is None and name not in referring:
                db.execute(
                    "DELETE FROM discover_watch WHERE team_id = ? AND site_id = ? AND domain = ?", [team_id, site.id, name]
                )
    return db.execute(
        "SELECT COUNT(*) FROM discover_watch WHERE team_id = ? AND site_id = ? AND origin = 'auto' AND removed_at IS NULL",
        [team_id, site.id],
    ).fetchone()[0]


def add_watch(db: sqlite_utils.Database, team_id: str, domain: str, domains: Iterable[str], *, at: str | None = None) -> list[str]:
    """Watch these domains for the site (by hand). Returns the normalised hosts added or re-activated."""
    site = require_site(db, team_id, domain)
    at = at or now_iso()
    hosts = [normalise_watch_domain(d) for d in domains]
    added: list[str] = []
    with db.atomic():
        for host in dict.fromkeys(hosts):
            if registrable_domain(host) == site.domain:
                raise UserInputError(t("discover.watch_own_site", None, domain=host, site=site.domain))
            row = db.execute(
                "SELECT origin, removed_at FROM discover_watch WHERE team_id = ? AND site_id = ? AND domain = ?",
                [team_id, site.id, host],
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO discover_watch (team_id, site_id, domain, origin, added_at) VALUES (?, ?, ?, 'user', ?)",
                    [team_id, site.id, host, at],
                )
                added.append(host)
            elif row[1] is not None:
                db.execute(
                    "UPDATE discover_watch SET removed_at = NULL, origin = 'user', added_at = ? "
                    "WHERE team_id = ? AND site_id = ? AND domain = ?",
                    [at, team_id, site.id, host],
                )
                added.append(host)
    return added


def remove_watch(db: sqlite_utils.Database, team_id: str, domain: str, domains: Iterable[str], *, at: str | None = None) -> list[str]:
    """Stop watching these domains for the site. User entries are deleted; auto entries are kept as
    removed so that the automatic refresh does not bring them back. Returns the hosts removed."""
    site = require_site(db, team_id, domain)
    at = at or now_iso()
    removed: list[str] = []
    with db.atomic():
        for host in dict.fromkeys(normalise_watch_domain(d) for d in domains):
            row = db.execute(
                "SELECT origin, removed_at FROM discover_watch WHERE team_id = ? AND site_id = ? AND domain = ?",
                [team_id, site.id, host],
            ).fetchone()
            if row is None or row[1] is not None:
                continue
            if row[0] == "user":
                db.execute("DELETE FROM discover_watch WHERE team_id = ? AND site_id = ? AND domain = ?", [team_id, site.id, host])
            else:
                db.execute(
                    "UPDATE discover_watch SET removed_at = ? WHERE team_id = ? AND site_id = ? AND domain = ?",
                    [at, team_id, site.id, host],
                )
            removed.append(host)
    return removed


def list_watch(db: sqlite_utils.Database, team_id: str, domain: str) -> list[WatchEntry]:
    """The site's active watch list: user entries first, then auto, by domain."""
    site = require_site(db, team_id, domain)
    rows = db.execute(
        "SELECT domain, origin, added_at FROM discover_watch WHERE team_id = ? AND site_id = ? AND removed_at IS NULL "
        "ORDER BY origin = 'auto', domain",
        [team_id, site.id],
    ).fetchall()
    return [WatchEntry(*row) for row in rows]


def watched_domains(db: sqlite_utils.Database, team_id: str, domain: str | None = None) -> list[str]:
    """Hosts to read: of one site, or (``domain`` None) of every site of the workspace, once each."""
    require_team(team_id)
    sql = "SELECT DISTINCT w.domain FROM discover_watch w WHERE w.team_id = ? AND w.removed_at IS NULL"
    params: list[Any] = [team_id]
    if domain is not None:
        sql += " AND w.site_id = ?"
        params.append(require_site(db, team_id, domain).id)
    return [row[0] for row in db.execute(sql + " ORDER BY w.domain", params)]


# ------------------------------------------------------------------ crawl state


@dataclass(frozen=True)
class PageState:
    url: str
    etag: str | None
    last_modified: str | None
    lastmod: str | None
    fetched_at: str | None
    status: str | None

    def conditional_headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def page_states(db: sqlite_utils.Database, team_id: str, domain: str) -> dict[str, PageState]:
    """Crawl state of every page known under a watched domain, by URL."""
    require_team(team_id)
    return {
        row[0]: PageState(*row)
        for row in db.execute(
            "SELECT url, etag, last_modified, lastmod, fetched_at, status FROM discover_pages WHERE team_id = ? AND domain = ?",
            [team_id, domain],
        )
    }


def page_state(db: sqlite_utils.Database, team_id: str, url: str) -> PageState | None:
    require_team(team_id)
    row = db.execute(
        "SELECT url, etag, last_modified, lastmod, fetched_at, status FROM discover_pages WHERE team_id = ? AND url = ?",
        [team_id, url],
    ).fetchone()
    return PageState(*row) if row else None


@dataclass(frozen=True)
class HostInfo:
    domain: str
    root_url: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    crawl_delay: float | None = None
    listed_at: str | None = None
    error: str | None = None


def host_info(db: sqlite_utils.Database, team_id: str, domain: str) -> HostInfo | None:
    require_team(team_id)
    row = db.execute(
        "SELECT domain, root_url, feeds, sitemaps, crawl_delay, listed_at, error FROM discover_hosts WHERE team_id = ? AND domain = ?",
        [team_id, domain],
    ).fetchone()
    if row is None:
        return None
    return HostInfo(row[0], row[1], tuple(json.loads(row[2] or "[]")), tuple(json.loads(row[3] or "[]")), row[4], row[5], row[6])


def listed_times(db: sqlite_utils.Database, team_id: str) -> dict[str, str | None]:
    """When each watched domain was last listed (for reading the least recently listed first)."""
    require_team(team_id)
    return dict(db.execute("SELECT domain, listed_at FROM discover_hosts WHERE team_id = ?", [team_id]).fetchall())


# ------------------------------------------------------------------ runs


@dataclass(frozen=True)
class RunRow:
    id: int
    scope: str
    trigger: str
    state: str
    started_at: str
    finished_at: str | None
    budget: int
    domains: int
    listings: int
    pages: int
    unchanged: int
    failed: int
    links_new: int
    mentions_new: int
    resumed: int
    error: str | None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


_RUN_COLUMNS = (
    "id, scope, trigger, state, started_at, finished_at, budget, domains, listings, pages, unchanged, failed, "
    "links_new, mentions_new, resumed, error"
)


def start_run(
    db: sqlite_utils.Database,
    team_id: str,
    scope: str,
    *,
    budget: int,
    trigger: str = "cli",
    running_here: Collection[int] = (),
    at: str | None = None,
    pid: int | None = None,
    host: str | None = None,
) -> tuple[RunRow, bool]:
    """Resume the unfinished run of this workspace and scope, or open a new one. Returns the run and
    whether it was resumed. A run that is really running raises :class:`DiscoveryRunningError`; one
    whose process is gone (killed) or that was interrupted is resumed with its plan and progress."""
    require_team(team_id)
    at = at or now_iso()
    pid = os.getpid() if pid is None else pid
    host = host or this_host()
    with db.atomic():
        row = db.execute(
            "SELECT id, state, pid, host, heartbeat_at, started_at FROM discover_runs "
            "WHERE team_id = ? AND scope = ? AND state IN ('running', 'interrupted') ORDER BY id DESC LIMIT 1",
            [team_id, scope],
        ).fetchone()
        if row is not None:
            run_id, state, other_pid, other_host, beat, started = row
            if state == "running":
                if other_host == host and other_pid is not None:
                    alive = run_id in running_here if other_pid == pid else process_alive(other_pid)
                else:
                    moment = parse_iso(beat or started)
                    alive = moment is not None and datetime.now(timezone.utc) - moment <= STALE_AFTER
                if alive:
                    raise DiscoveryRunningError(t("discover.running", None, scope=scope))
            db.execute(
                "UPDATE discover_runs SET state = 'running', pid = ?, host = ?, heartbeat_at = ?, resumed = resumed + 1, "
                "trigger = ? WHERE team_id = ? AND id = ?",
                [pid, host, at, trigger, team_id, run_id],
            )
            return get_run(db, team_id, run_id), True  # type: ignore[return-value]
        cursor = db.execute(
            "INSERT INTO discover_runs (team_id, scope, trigger, state, started_at, heartbeat_at, pid, host, budget) "
            "VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?)",
            [team_id, scope, trigger, at, at, pid, host, budget],
        )
        run_id = cursor.lastrowid
    return get_run(db, team_id, run_id), False  # type: ignore[return-value]


def get_run(db: sqlite_utils.Database, team_id: str, run_id: int) -> RunRow | None:
    require_team(team_id)
    row = db.execute(f"SELECT {_RUN_COLUMNS} FROM discover_runs WHERE team_id = ? AND id = ?", [team_id, run_id]).fetchone()
    return RunRow(*row) if row else None


def last_run(db: sqlite_utils.Database, team_id: str, scope: str | None = None) -> RunRow | None:
    require_team(team_id)
    sql = f"SELECT {_RUN_COLUMNS} FROM discover_runs WHERE team_id = ?"
    params: list[Any] = [team_id]
    if scope is not None:
        sql += " AND scope = ?"
        params.append(scope)
    row = db.execute(sql + " ORDER BY id DESC LIMIT 1", params).fetchone()
    return RunRow(*row) if row else None


def finish_run(db: sqlite_utils.Database, team_id: str, run_id: int, state: str, *, error: str | None = None, at: str | None = None) -> None:
    """Close a run: ``done``/``failed`` (its queue is dropped) or ``interrupted`` (kept to resume)."""
    require_team(team_id)
    at = at or now_iso()
    finished = at if state in ("done", "failed") else None
    with db.atomic():
        db.execute(
            "UPDATE discover_runs SET state = ?, finished_at = ?, heartbeat_at = ?, error = ? WHERE team_id = ? AND id = ?",
            [state, finished, at, error, team_id, run_id],
        )
        if finished is not None:  # the plan only matters for resuming; the counts stay on the run
            db.execute("DELETE FROM discover_queue WHERE team_id = ? AND run_id = ?", [team_id, run_id])
            db.execute("DELETE FROM discover_run_domains WHERE team_id = ? AND run_id = ?", [team_id, run_id])


def planned_domains(db: sqlite_utils.Database, team_id: str, run_id: int) -> set[str]:
    require_team(team_id)
    return {row[0] for row in db.execute("SELECT domain FROM discover_run_domains WHERE team_id = ? AND run_id = ?", [team_id, run_id])}


@dataclass(frozen=True)
class PlannedPage:
    url: str
    lastmod: str | None


def record_plan(
    db: sqlite_utils.Database,
    team_id: str,
    run_id: int,
    domain: str,
    pages: Sequence[PlannedPage],
    info: HostInfo,
    *,
    listings: int,
    at: str | None = None,
) -> None:
    """What listing one watched domain gave, in one transaction: its pages to visit (most recent
    first), what the domain told us (feeds, sitemaps, crawl delay), and that it is listed."""
    require_team(team_id)
    at = at or now_iso()
    with db.atomic():
        db.conn.executemany(
            "INSERT OR IGNORE INTO discover_queue (team_id, run_id, url, domain, lastmod, rank, state) VALUES (?, ?, ?, ?, ?, ?, 'planned')",
            [[team_id, run_id, p.url, domain, p.lastmod, rank] for rank, p in enumerate(pages)],
        )
        db.execute(
            "INSERT INTO discover_hosts (team_id, domain, root_url, feeds, sitemaps, crawl_delay, listed_at, error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (team_id, domain) DO UPDATE SET "
            "root_url = COALESCE(excluded.root_url, discover_hosts.root_url), feeds = excluded.feeds, "
            "sitemaps = excluded.sitemaps, crawl_delay = excluded.crawl_delay, listed_at = excluded.listed_at, error = excluded.error",
            [team_id, domain, info.root_url, json.dumps(list(info.feeds)), json.dumps(list(info.sitemaps)),
             info.crawl_delay, at, info.error],
        )
        db.execute(
            "INSERT OR REPLACE INTO discover_run_domains (team_id, run_id, domain, planned_at, pages, error) VALUES (?, ?, ?, ?, ?, ?)",
            [team_id, run_id, domain, at, len(pages), info.error],
        )
        db.execute(
            "UPDATE discover_runs SET domains = domains + 1, listings = listings + ?, heartbeat_at = ? WHERE team_id = ? AND id = ?",
            [listings, at, team_id, run_id],
        )


@dataclass(frozen=True)
class QueueItem:
    url: str
    domain: str
    lastmod: str | None
    rank: int
    state: str


def select_pages(db: sqlite_utils.Database, team_id: str, run_id: int, allowance: int) -> int:
    """Turn planned pages into ``pending`` (to fetch) up to ``allowance`` pending pages in total,
    interleaving the domains (every domain's most recent page first, then the second ones, ...);
    the rest is ``deferred`` to a later run. Returns the number pending."""
    require_team(team_id)
    with db.atomic():
        pending = db.execute(
            "SELECT COUNT(*) FROM discover_queue WHERE team_id = ? AND run_id = ? AND state = 'pending'", [team_id, run_id]
        ).fetchone()[0]
        room = max(0, allowance - pending)
        planned = db.execute(
            "SELECT url FROM discover_queue WHERE team_id = ? AND run_id = ? AND state = 'planned' ORDER BY rank, domain, url",
            [team_id, run_id],
        ).fetchall()
        take = [row[0] for row in planned[:room]]
        rest = [row[0] for row in planned[room:]]
        db.conn.executemany(
            "UPDATE discover_queue SET state = 'pending' WHERE team_id = ? AND run_id = ? AND url = ?",
            [[team_id, run_id, url] for url in take],
        )
        db.conn.executemany(
            "UPDATE discover_queue SET state = 'deferred' WHERE team_id = ? AND run_id = ? AND url = ?",
            [[team_id, run_id, url] for url in rest],
        )
    return pending + len(take)


def demand(db: sqlite_utils.Database, team_id: str, run_id: int) -> int:
    """Pages this run still wants to fetch (planned or pending)."""
    require_team(team_id)
    return db.execute(
        "SELECT COUNT(*) FROM discover_queue WHERE team_id = ? AND run_id = ? AND state IN ('planned', 'pending')", [team_id, run_id]
    ).fetchone()[0]


def queue_items(db: sqlite_utils.Database, team_id: str, run_id: int, *, state: str = "pending") -> list[QueueItem]:
    require_team(team_id)
    return [
        QueueItem(*row)
        for row in db.execute(
            "SELECT url, domain, lastmod, rank, state FROM discover_queue WHERE team_id = ? AND run_id = ? AND state = ? "
            "ORDER BY domain, rank",
            [team_id, run_id, state],
        )
    ]


def queue_counts(db: sqlite_utils.Database, team_id: str, run_id: int) -> dict[str, int]:
    require_team(team_id)
    return dict(
        db.execute("SELECT state, COUNT(*) FROM discover_queue WHERE team_id = ? AND run_id = ? GROUP BY state", [team_id, run_id]).fetchall()
    )


# ------------------------------------------------------------------ one crawled page


@dataclass(frozen=True)
class FoundLink:
    """A link from the crawled page to a tracked site."""

    site: str  # the tracked site's domain
    target_url: str
    anchor: str
    kind: str
    follow: bool
    placement: str
    counts: bool  # indexable page, own canonical: the link counts now


@dataclass(frozen=True)
class FoundMention:
    site: str
    brand: str
    matched: str
    sentence: str
    linked: bool


@dataclass(frozen=True)
class PageOutcome:
    """What fetching one page gave: the crawl state to keep, and what was found on it."""

    url: str  # as planned (the crawl state key)
    domain: str  # the watched domain
    status: str  # fetched | unchanged | <fetch error value>
    http_status: int | None = None
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    lastmod: str | None = None
    read: bool = False  # the page was read (so its mentions replace the old ones)
    links: tuple[FoundLink, ...] = ()
    mentions: tuple[FoundMention, ...] = ()
    queued: bool = True  # a queue item of the run (the home page is not)


@dataclass
class PageRecorded:
    new_links: list[dict[str, Any]] = field(default_factory=list)
    known_links: int = 0
    new_mentions: int = 0


def record_page(db: sqlite_utils.Database, team_id: str, run_id: int, outcome: PageOutcome, *, at: str | None = None) -> PageRecorded:
    """Write one crawled page in one transaction (see the module docstring)."""
    require_team(team_id)
    at = at or now_iso()
    recorded = PageRecorded()
    sites = {s.domain: s for s in list_sites(db, team_id)}
    source_url = clean_source_url(outcome.final_url or outcome.url) or outcome.url
    with db.atomic():
        previous = page_state(db, team_id, outcome.url)
        keep_validators = outcome.status == "unchanged"
        db.execute(
            "INSERT INTO discover_pages (team_id, url, domain, etag, last_modified, lastmod, fetched_at, status, http_status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (team_id, url) DO UPDATE SET domain = excluded.domain, "
            "etag = excluded.etag, last_modified = excluded.last_modified, "
            "lastmod = COALESCE(excluded.lastmod, discover_pages.lastmod), fetched_at = excluded.fetched_at, "
            "status = excluded.status, http_status = excluded.http_status",
            [
                team_id, outcome.url, outcome.domain,
                (previous.etag if previous else None) if keep_validators else outcome.etag,
                (previous.last_modified if previous else None) if keep_validators else outcome.last_modified,
                outcome.lastmod, at, outcome.status, outcome.http_status,
            ],
        )
        if outcome.queued:
            db.execute(
                "UPDATE discover_queue SET state = 'done', outcome = ? WHERE team_id = ? AND run_id = ? AND url = ?",
                [outcome.status, team_id, run_id, outcome.url],
            )
        for link in outcome.links:
            site = sites.get(link.site)
            if site is None or domain_of_url(source_url) == site.domain:
                continue
            result = add_backlinks(
                db, team_id, site.domain,
                [NewBacklink(source_url, target_url=link.target_url, anchor=link.anchor, kind=link.kind)],
                found_by="discovery",
            )
            if result.added == 0:
                recorded.known_links += 1
                continue
            backlink_id = db.execute(
                "SELECT id FROM backlinks WHERE team_id = ? AND site_id = ? AND source_url = ?", [team_id, site.id, source_url]
            ).fetchone()[0]
            # What discovery saw is the link's first known state, so the next check compares against it.
            db.execute(
                "UPDATE backlinks SET target_url = ?, kind = ?, follow = ?, anchor = ?, placement = ?, "
                "status = CASE WHEN ? THEN 'live' ELSE status END, last_live_at = CASE WHEN ? THEN ? ELSE last_live_at END "
                "WHERE team_id = ? AND id = ?",
                [link.target_url, link.kind, int(link.follow), link.anchor, link.placement, int(link.counts), int(link.counts), at,
                 team_id, backlink_id],
            )
            if link.counts:
                db.execute(
                    "INSERT INTO events (team_id, site_id, backlink_id, check_id, at, type, reason, detail) "
                    "VALUES (?, ?, ?, NULL, ?, 'appeared', NULL, ?)",
                    [team_id, site.id, backlink_id, at, json.dumps({"found_by": "discovery", "run_id": run_id})],
                )
            recorded.new_links.append(
                {"site": site.domain, "source_url": source_url, "target_url": link.target_url, "anchor": link.anchor,
                 "kind": link.kind, "follow": link.follow, "placement": link.placement, "counts": link.counts}
            )
        if outcome.read:
            by_site: dict[str, list[FoundMention]] = {}
            for mention in outcome.mentions:
                by_site.setdefault(mention.site, []).append(mention)
            for site in sites.values():
                recorded.new_mentions += _replace_page_mentions(db, team_id, site.id, source_url, by_site.get(site.domain, []), at)
        db.execute(
            "UPDATE discover_runs SET pages = pages + ?, unchanged = unchanged + ?, failed = failed + ?, links_new = links_new + ?, "
            "mentions_new = mentions_new + ?, heartbeat_at = ? WHERE team_id = ? AND id = ?",
            [
                1 if outcome.queued else 0,
                1 if outcome.status == "unchanged" else 0,
                1 if outcome.status not in ("fetched", "unchanged") else 0,
                len(recorded.new_links), recorded.new_mentions, at, team_id, run_id,
            ],
        )
    return recorded


def _replace_page_mentions(
    db: sqlite_utils.Database, team_id: str, site_id: int, source_url: str, found: Iterable[FoundMention], at: str
) -> int:
    """The site's mentions on a page that was just read become ``found`` (gone ones deleted, known
    ones refreshed); returns how many are new."""
    found = list(found)
    page_domain = domain_of_url(source_url)
    keys = {(m.brand, m.sentence) for m in found}
    for row_id, brand, sentence in db.execute(
        "SELECT id, brand, sentence FROM discover_mentions WHERE team_id = ? AND site_id = ? AND page_url = ?",
        [team_id, site_id, source_url],
    ).fetchall():
        if (brand, sentence) not in keys:  # gone from the page
            db.execute("DELETE FROM discover_mentions WHERE team_id = ? AND id = ?", [team_id, row_id])
    new = 0
    for m in found:
        exists = db.execute(
            "SELECT id FROM discover_mentions WHERE team_id = ? AND site_id = ? AND page_url = ? AND brand = ? AND sentence = ?",
            [team_id, site_id, source_url, m.brand, m.sentence],
        ).fetchone()
        if exists:
            db.execute(
                "UPDATE discover_mentions SET seen_at = ?, linked = ?, matched = ? WHERE team_id = ? AND id = ?",
                [at, int(m.linked), m.matched, team_id, exists[0]],
            )
            continue
        db.execute(
            "INSERT INTO discover_mentions (team_id, site_id, page_url, page_domain, brand, matched, sentence, linked, "
            "found_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [team_id, site_id, source_url, page_domain, m.brand, m.matched, m.sentence, int(m.linked), at, at],
        )
        new += 1
    return new


def record_checked_mentions(
    db: sqlite_utils.Database,
    team_id: str,
    domain: str,
    pages: Iterable[tuple[str, Iterable[FoundMention] | None]],
    *,
    at: str | None = None,
) -> int:
    """Mentions of ``domain`` found by a check on the pages it analysed (``(page_url, mentions)``), in
    one transaction: each page's mentions of the site are replaced by what the check saw; ``None``
    for a page that links to the site (not searched): its known mentions are marked linked. Returns
    how many are new. (The check engine calls this; discovery records through :func:`record_page`.)"""
    require_team(team_id)
    at = at or now_iso()
    site = require_site(db, team_id, domain)
    new = 0
    with db.atomic():
        for page_url, found in pages:
            source_url = clean_source_url(page_url) or page_url
            if found is None:
                db.execute(
                    "UPDATE discover_mentions SET linked = 1, seen_at = ? WHERE team_id = ? AND site_id = ? AND page_url = ?",
                    [at, team_id, site.id, source_url],
                )
                continue
            new += _replace_page_mentions(db, team_id, site.id, source_url, found, at)
    return new


def count_listings(db: sqlite_utils.Database, team_id: str, run_id: int, listings: int) -> None:
    require_team(team_id)
    db.execute("UPDATE discover_runs SET listings = listings + ? WHERE team_id = ? AND id = ?", [listings, team_id, run_id])


# ------------------------------------------------------------------ mentions


@dataclass(frozen=True)
class MentionRow:
    page_url: str
    page_domain: str | None
    brand: str
    matched: str | None
    sentence: str
    linked: bool
    found_at: str
    seen_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "page_url": self.page_url,
            "page_domain": self.page_domain,
            "brand": self.brand,
            "matched": self.matched,
            "sentence": self.sentence,
            "linked": self.linked,
            "found_at": self.found_at,
            "seen_at": self.seen_at,
        }


def list_mentions(db: sqlite_utils.Database, team_id: str, domain: str, *, include_linked: bool = False) -> list[MentionRow]:
    """The site's mentions, newest first; by default only pages that do not link to the site."""
    site = require_site(db, team_id, domain)
    sql = (
        "SELECT page_url, page_domain, brand, matched, sentence, linked, found_at, seen_at FROM discover_mentions "
        "WHERE team_id = ? AND site_id = ?"
    )
    if not include_linked:
        sql += " AND linked = 0"
    rows = db.execute(sql + " ORDER BY found_at DESC, page_url, id", [team_id, site.id]).fetchall()
    return [MentionRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7]) for r in rows]
