"""The weekly report of one site, built from history (events and the current backlink rows).

:func:`build_report` combines the store's :func:`bot.digest.compute.compute_digest` (gained, lost,
changed in the period) with queries of its own:

- **Series**: live links and referring domains at the end of each of the last 12 weeks,
  reconstructed from the events (``appeared``, ``lost``, ``returned``) walked backwards from the
  current rows. A link counts from the check where it was first live until a confirmed loss; an
  unconfirmed miss and a blocked page still count (DESIGN.md: a bot wall is not a lost link).
  The net change of live links and referring domains over the period comes from the same walk.
- **Loss rate**: confirmed losses (of links a check saw live) in the last 12 weeks (or since tracking began, at least 2 weeks)
  over the average number of live links, annualised, against the normal 5-15 % a year.
- **Monthly target**: new *quality* links this calendar month (workspace time zone): followed
  dofollow links first live this month (not links found at their page's first check: an import or a
  hand-added page is known, not new; see :mod:`bot.digest.compute`), not in a footer, sidebar, navigation, header or comments,
  counted once per referring domain; against the workspace's target range (default 2-4).
- **Competitors**: links that tracked competitors gained in the period from domains that do not
  link to this site (or no longer do): the outreach hint.
- **Quiet**: nothing gained, lost, changed and no competitor news: the digest says so in one line.

Pure data out (:class:`WeeklyReport`, ``to_json()``); rendering is in :mod:`bot.digest.blocks`.
"""

from __future__ import annotations

import calendar
import math
import sqlite3
import json
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable
from zoneinfo import ZoneInfo

import sqlite_utils

from bot.scheduler.slots import local_moment
from storage.digest_repo import iso, parse_iso

SERIES_WEEKS = 12
NORMAL_LOSS = (0.05, 0.15)
MIN_LOSS_SPAN = timedelta(days=14)
NOT_QUALITY_PLACEMENTS = frozenset({"footer", "sidebar", "navigation", "header", "comments"})
STATE_EVENTS = ("appeared", "lost", "returned")
CHANGE_EVENTS = ("nofollow-added", "follow-restored", "anchor-changed", "target-changed", "placement-changed")
MAX_COMPETITOR_HINTS = 50
# A confirmed loss of a link a check saw live (older events without ``seen_live``: a link was seen).
LIVE_LOSS_SQL = "COALESCE(json_extract(e.detail, '$.seen_live'), json_extract(e.detail, '$.last_link') IS NOT NULL)"
# An appearance that is new: not a link found at its page's first check (imported or added: known, not new).
NEW_APPEARANCE_SQL = "COALESCE(json_extract(e.detail, '$.first_check'), 0) = 0"


@dataclass(frozen=True)
class LinkItem:
    source_url: str
    source_domain: str
    kind: str | None = None
    follow: bool | None = None
    anchor: str | None = None
    placement: str | None = None
    reason: str | None = None
    at: str | None = None
    authority: float | None = None
    returned: bool = False  # live again after a confirmed loss (not a new link)

    @property
    def strength(self) -> tuple[int, int, float]:
        """Sort key, strongest first when sorted descending: followed, editorial, authority."""
        return (
            1 if (self.follow or (self.follow is None and self.kind == "dofollow")) else 0,
            1 if self.placement == "content" else 0,
            self.authority if self.authority is not None else -1.0,
        )


@dataclass(frozen=True)
class ChangeItem:
    source_url: str
    source_domain: str
    change: str
    before: str | None = None
    after: str | None = None
    at: str | None = None


@dataclass(frozen=True)
class SeriesPoint:
    at: str  # UTC ISO, the end of that week
    live: int
    domains: int


@dataclass(frozen=True)
class LossRate:
    lost: int
    average_live: float
    span_days: float
    annual: float | None  # None: too early to say
    verdict: str  # low | normal | high | unknown


@dataclass(frozen=True)
class TargetProgress:
    month: str  # '2026-11'
    quality_links: int
    target_min: int
    target_max: int
    expected_by_now: float
    verdict: str  # reached | on-track | behind


@dataclass(frozen=True)
class CompetitorHint:
    competitor: str
    source_domain: str
    source_url: str
    follow: bool | None
    at: str


@dataclass
class WeeklyReport:
    team_id: str
    site_id: int
    site: str
    period_start: str
    period_end: str
    gained: list[LinkItem]
    lost: list[LinkItem]
    changed: list[ChangeItem]
    live_now: int
    live_before: int
    domains_now: int
    domains_before: int
    series: list[SeriesPoint]
    loss_rate: LossRate
    target: TargetProgress
    competitors: list[CompetitorHint]
    digest: dict[str, Any] = field(default_factory=dict)  # compute_digest's JSON, as it came

    @property
    def net_live(self) -> int:
        return self.live_now - self.live_before

    @property
    def net_domains(self) -> int:
        return self.domains_now - self.domains_before

    @property
    def quiet(self) -> bool:
        return not (self.gained or self.lost or self.changed or self.competitors)

    def totals(self) -> dict[str, Any]:
        """``compute_digest``'s totals with the report's own counts (the lists as reported) on top."""
        totals = dict(self.digest.get("totals") or {})
        totals.update(
            gained=len(self.gained),
            lost=len(self.lost),
            changed=len(self.changed),
            net=len(self.gained) - len(self.lost),
            net_live=self.net_live,  # the trend's count: a missing or blocked link still counts
            net_domains=self.net_domains,
            competitor_links=len(self.competitors),
        )
        # without compute_digest: the trend's figures (with it: the current statuses, as `check` shows)
        totals.setdefault("live", self.live_now)
        totals.setdefault("referring_domains", self.domains_now)
        totals.setdefault("annual_loss_rate", self.loss_rate.annual or 0.0)
        return totals

    def to_json(self) -> dict[str, Any]:
        """Issue 3's digest shape (``site``, ``period``, ``gained``, ``lost``, ``changed``, ``totals``) plus
        the weekly extras (series, loss rate, target, competitors, ``digest``: compute_digest as it came)."""
        data = asdict(self)
        # before/after as compute_digest gave them (a dict for follow changes), not the text the blocks show
        raw = {(c.get("source_url"), c.get("change"), c.get("at")): c for c in self.digest.get("changed") or []}
        for change in data["changed"]:
            original = raw.get((change["source_url"], change["change"], change["at"]))
            if original is not None:
                change["before"], change["after"] = original.get("before"), original.get("after")
        data["period"] = {"start": self.period_start, "end": self.period_end}
        data["totals"] = self.totals()
        data["net_live"] = self.net_live
        data["net_domains"] = self.net_domains
        data["quiet"] = self.quiet
        return data


# ------------------------------------------------------------------ history queries


def week_ends(end: datetime, zone: ZoneInfo, weeks: int = SERIES_WEEKS) -> list[datetime]:
    """``weeks`` moments one local week apart, the last being ``end`` (DST-aware wall-clock weeks)."""
    local = end.astimezone(zone)
    points = []
    for k in range(weeks - 1, 0, -1):
        day = local.date() - timedelta(days=7 * k)
        points.append(local_moment(day, local.hour, local.minute, zone))
    points.append(local)
    return points


def series_at(
    db: sqlite_utils.Database, team_id: str, site_id: int, moments: Iterable[datetime]
) -> list[SeriesPoint]:
    """Live links and referring domains of the site at each of ``moments`` (any order; returned sorted).

    The value at a moment reflects the events strictly before it (periods are ``[start, end)``, as in
    :func:`bot.digest.compute.compute_digest`). One read of the site's backlinks and one of its state events after the earliest moment; the
    current state is walked back event by event (newest first).
    """
    ordered = sorted(moments)
    if not ordered:
        return []
    counted: dict[int, str] = {}
    domain_of: dict[int, str] = {}
    for link_id, domain, status, last_live_at in db.execute(
        "SELECT id, source_domain, status, last_live_at FROM backlinks WHERE team_id = ? AND site_id = ?",
        [team_id, site_id],
    ):
        domain_of[link_id] = domain
        if last_live_at is not None and status != "lost":
            counted[link_id] = domain
    domains = Counter(counted.values())
    events = db.execute(
        f"""SELECT e.backlink_id, e.type, e.at FROM events e
           WHERE e.team_id = ? AND e.site_id = ? AND e.at >= ? AND e.type IN ('appeared', 'lost', 'returned')
             AND (e.type != 'lost' OR {LIVE_LOSS_SQL})
           ORDER BY e.at DESC, e.id DESC""",
        [team_id, site_id, iso(ordered[0])],
    ).fetchall()
    points: list[SeriesPoint] = []
    i = 0
    for moment in reversed(ordered):
        cutoff = iso(moment)
        while i < len(events) and events[i][2] >= cutoff:
            link_id, kind, _ = events[i]
            i += 1
            domain = domain_of.get(link_id)
            if domain is None:
                continue
            if kind == "lost":  # before the loss it counted
                if link_id not in counted:
                    counted[link_id] = domain
                    domains[domain] += 1
            elif link_id in counted:  # appeared / returned: before it, it did not count
                del counted[link_id]
                domains[domain] -= 1
                if domains[domain] <= 0:
                    del domains[domain]
        points.append(SeriesPoint(at=cutoff, live=len(counted), domains=len(domains)))
    points.reverse()
    return points


def loss_rate(
    db: sqlite_utils.Database,
    team_id: str,
    site_id: int,
    series: list[SeriesPoint],
    *,
    end: datetime,
    tracked_since: datetime,
) -> LossRate:
    """Annualised confirmed-loss rate over the series window (or since tracking began)."""
    start = max(parse_iso(series[0].at) - timedelta(days=7), tracked_since) if series else tracked_since
    span = end - start
    lost = db.execute(
        f"SELECT COUNT(*) FROM events e WHERE e.team_id = ? AND e.site_id = ? AND e.type = 'lost' AND e.at >= ? AND e.at < ? "
        f"AND {LIVE_LOSS_SQL}",
        [team_id, site_id, iso(start), iso(end)],
    ).fetchone()[0]
    relevant = [p.live for p in series if parse_iso(p.at) >= start] or [p.live for p in series[-1:]]
    average = sum(relevant) / len(relevant) if relevant else 0.0
    if span < MIN_LOSS_SPAN or average <= 0:
        return LossRate(lost=lost, average_live=round(average, 1), span_days=round(span.total_seconds() / 86400, 1), annual=None, verdict="unknown")
    annual = lost / average * (365.25 * 86400 / span.total_seconds())
    verdict = "low" if annual < NORMAL_LOSS[0] else "normal" if annual <= NORMAL_LOSS[1] else "high"
    return LossRate(
        lost=lost,
        average_live=round(average, 1),
        span_days=round(span.total_seconds() / 86400, 1),
        annual=round(annual, 4),
        verdict=verdict,
    )


def target_progress(
    db: sqlite_utils.Database,
    team_id: str,
    site_id: int,
    *,
    end: datetime,
    zone: ZoneInfo,
    target_min: int,
    target_max: int,
) -> TargetProgress:
    """Quality links first live this calendar month (local) against the monthly target range."""
    local = end.astimezone(zone)
    month_start = local_moment(local.date().replace(day=1), 0, 0, zone)
    placeholders = ", ".join("?" for _ in NOT_QUALITY_PLACEMENTS)
    count = db.execute(
        f"""SELECT COUNT(DISTINCT b.source_domain) FROM events e JOIN backlinks b ON b.id = e.backlink_id
            WHERE e.team_id = ? AND e.site_id = ? AND e.type = 'appeared' AND e.at >= ? AND e.at < ?
              AND {NEW_APPEARANCE_SQL}
              AND b.team_id = ? AND b.follow = 1 AND COALESCE(b.kind, 'dofollow') = 'dofollow'
              AND COALESCE(b.placement, '') NOT IN ({placeholders})""",
        [team_id, site_id, iso(month_start), iso(end), team_id, *sorted(NOT_QUALITY_PLACEMENTS)],
    ).fetchone()[0]
    days = calendar.monthrange(local.year, local.month)[1]
    elapsed = (local - month_start).total_seconds() / 86400
    expected = target_min * min(1.0, elapsed / days)
    if count >= target_min:
        verdict = "reached"
    elif count >= int(expected):
        verdict = "on-track"
    else:
        verdict = "behind"
    return TargetProgress(
        month=f"{local.year}-{local.month:02d}",
        quality_links=count,
        target_min=target_min,
        target_max=target_max,
        expected_by_now=round(expected, 1),
        verdict=verdict,
    )


def competitor_hints(
    db: sqlite_utils.Database, team_id: str, site_id: int, *, start: datetime, end: datetime
) -> list[CompetitorHint]:
    """Links competitors gained in the period from domains that do not (or no longer) link to us."""
    rows = db.execute(
        f"""SELECT s.domain, b.source_domain, b.source_url, b.follow, e.at
           FROM site_competitors sc
           JOIN sites s ON s.id = sc.competitor_id AND s.team_id = sc.team_id
           JOIN events e ON e.team_id = sc.team_id AND e.site_id = sc.competitor_id
           JOIN backlinks b ON b.id = e.backlink_id AND b.team_id = e.team_id
           WHERE sc.team_id = ? AND sc.site_id = ? AND e.type = 'appeared' AND e.at >= ? AND e.at < ?
             AND {NEW_APPEARANCE_SQL}
             AND NOT EXISTS (
                 SELECT 1 FROM backlinks mine
                 WHERE mine.team_id = sc.team_id AND mine.site_id = sc.site_id
                   AND mine.source_domain = b.source_domain AND mine.status NOT IN ('lost', 'pending'))
           ORDER BY b.follow DESC, e.at DESC""",
        [team_id, site_id, iso(start), iso(end)],
    ).fetchall()
    seen: set[str] = set()
    hints = []
    for competitor, source_domain, source_url, follow, at in rows:
        if source_domain in seen:
            continue
        seen.add(source_domain)
        hints.append(
            CompetitorHint(
                competitor=competitor,
                source_domain=source_domain,
                source_url=source_url,
                follow=None if follow is None else bool(follow),
                at=at,
            )
        )
        if len(hints) >= MAX_COMPETITOR_HINTS:
            break
    return hints


# ------------------------------------------------------------------ gained / lost / changed


def period_changes_from_events(
    db: sqlite_utils.Database, team_id: str, site_id: int, *, start: datetime, end: datetime
) -> tuple[list[LinkItem], list[LinkItem], list[ChangeItem]]:
    """Gained, lost (confirmed) and changed links in ``[start, end)``, read from the events table.

    Used when :func:`bot.digest.compute.compute_digest` is not available or returns nothing usable;
    both read the same events, so the figures agree.
    """
    gained: list[LinkItem] = []
    lost: list[LinkItem] = []
    changed: list[ChangeItem] = []
    for source_url, domain, kind, follow, anchor, placement, etype, reason, detail, at in db.execute(
        f"""SELECT b.source_url, b.source_domain, b.kind, b.follow, b.anchor, b.placement, e.type, e.reason, e.detail, e.at
           FROM events e JOIN backlinks b ON b.id = e.backlink_id
           WHERE e.team_id = ? AND e.site_id = ? AND e.at >= ? AND e.at < ? AND b.team_id = ?
             AND (e.type != 'appeared' OR {NEW_APPEARANCE_SQL}) AND (e.type != 'lost' OR {LIVE_LOSS_SQL})
           ORDER BY e.at, e.id""",
        [team_id, site_id, iso(start), iso(end), team_id],
    ):
        follow_b = None if follow is None else bool(follow)
        if etype in ("appeared", "returned"):
            gained.append(LinkItem(source_url, domain, kind, follow_b, anchor, placement, None, at, returned=etype == "returned"))
        elif etype == "lost":
            lost.append(LinkItem(source_url, domain, kind, follow_b, anchor, placement, reason, at))
        elif etype in CHANGE_EVENTS:
            try:
                info = json.loads(detail or "{}")
            except ValueError:
                info = {}
            before, after = info.get("before"), info.get("after")
            changed.append(
                ChangeItem(source_url, domain, etype, None if before is None else str(before), None if after is None else str(after), at)
            )
    return gained, lost, changed


def _items_from_digest(digest: dict[str, Any]) -> tuple[list[LinkItem], list[LinkItem], list[ChangeItem]] | None:
    """Map compute_digest's JSON to report items; None when the shape is not recognised."""
    from bot.domains import domain_of_url

    def link(entry: dict[str, Any]) -> LinkItem | None:
        url = entry.get("source_url") or entry.get("url")
        if not url:
            return None
        follow = entry.get("follow")
        return LinkItem(
            source_url=url,
            source_domain=entry.get("source_domain") or domain_of_url(url) or url,
            kind=entry.get("kind"),
            follow=None if follow is None else bool(follow),
            anchor=entry.get("anchor"),
            placement=entry.get("placement"),
            reason=entry.get("reason"),
            at=entry.get("at"),
            authority=entry.get("authority"),
            returned=entry.get("event") == "returned",
        )

    gained_raw, lost_raw = digest.get("gained"), digest.get("lost")
    if not isinstance(gained_raw, list) or not isinstance(lost_raw, list):
        return None
    gained = [item for item in map(link, gained_raw) if item]
    lost = [item for item in map(link, lost_raw) if item]
    changed: list[ChangeItem] = []
    for entry in digest.get("changed") or digest.get("changes") or []:
        url = entry.get("source_url") or entry.get("url")
        names = entry.get("changes") or ([entry["change"]] if entry.get("change") else [])
        if isinstance(names, str):
            names = [names]
        for name in names:
            changed.append(
                ChangeItem(
                    source_url=url,
                    source_domain=entry.get("source_domain") or domain_of_url(url) or url,
                    change=name,
                    before=None if entry.get("before") is None else str(entry.get("before")),
                    after=None if entry.get("after") is None else str(entry.get("after")),
                    at=entry.get("at"),
                )
            )
    return gained, lost, changed


def _within(items: list[Any], start: datetime, end: datetime) -> list[Any]:
    """Items whose ``at`` lies in ``[start, end)`` (items without a time are kept)."""
    low, high = iso(start), iso(end)
    return [i for i in items if not i.at or low <= iso(parse_iso(i.at)) < high]


def authority_scores(db: sqlite_utils.Database, team_id: str, domains: set[str]) -> dict[str, float]:
    """Authority (0-100) of referring domains from imported rankings, when the workspace has any."""
    if not domains:
        return {}
    scores: dict[str, float] = {}
    ordered = sorted(domains)
    try:
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            rows = db.execute(
                f"SELECT domain, MAX(score) FROM authority WHERE team_id = ? AND domain IN ({', '.join('?' for _ in chunk)}) GROUP BY domain",
                [team_id, *chunk],
            ).fetchall()
            scores.update({domain: float(score) for domain, score in rows})
    except sqlite3.OperationalError:  # no rankings table (comparison feature absent)
        return {}
    return scores


def _compute_digest_json(db: sqlite_utils.Database, team_id: str, domain: str, start: datetime, end: datetime) -> dict[str, Any]:
    try:
        from bot.digest.compute import compute_digest
    except ImportError:
        return {}
    # compute_digest counts whole days back from ``end``; a DST week is 167 or 169 hours, so ask for
    # enough days and keep only what happened in [start, end) (see _within), so weeks tile exactly.
    days = max(1, math.ceil((end - start).total_seconds() / 86400))
    digest = compute_digest(db, team_id, domain, days=days, now=end)
    return digest.to_json() if hasattr(digest, "to_json") else dict(digest)


# ------------------------------------------------------------------ the report


def build_report(
    db: sqlite_utils.Database,
    team_id: str,
    domain: str,
    *,
    end: datetime,
    start: datetime | None = None,
    zone: ZoneInfo = ZoneInfo("Europe/Amsterdam"),
    target: tuple[int, int] = (2, 4),
    use_compute: bool = True,
) -> WeeklyReport:
    """The report of ``domain`` for the period ``[start, end)`` (default: the 7 days before ``end``).

    The scheduler passes the slot as ``end`` and the previous slot as ``start``
    (:mod:`bot.scheduler.slots`), so consecutive digests tile time exactly.
    """
    from storage.sites import require_site

    site = require_site(db, team_id, domain)
    start = start or end - timedelta(days=7)
    digest = _compute_digest_json(db, team_id, site.domain, start, end) if use_compute else {}
    items = _items_from_digest(digest) if digest else None
    if items is None:
        items = period_changes_from_events(db, team_id, site.id, start=start, end=end)
    gained, lost, changed = (_within(part, start, end) for part in items)
    scores = authority_scores(db, team_id, {i.source_domain for i in gained} | {i.source_domain for i in lost})
    if scores:
        gained = [replace(i, authority=scores.get(i.source_domain, i.authority)) for i in gained]
        lost = [replace(i, authority=scores.get(i.source_domain, i.authority)) for i in lost]
    gained = sorted(gained, key=lambda item: item.strength, reverse=True)
    lost = sorted(lost, key=lambda item: item.strength, reverse=True)

    ends = week_ends(end, zone)
    moments = sorted(set(ends) | {start})
    points = {p.at: p for p in series_at(db, team_id, site.id, moments)}
    series = [points[iso(moment)] for moment in ends]
    before = points[iso(start)]
    now_point = series[-1]
    tracked_since = parse_iso(site.created_at)
    return WeeklyReport(
        team_id=team_id,
        site_id=site.id,
        site=site.domain,
        period_start=iso(start),
        period_end=iso(end),
        gained=gained,
        lost=lost,
        changed=changed,
        live_now=now_point.live,
        live_before=before.live,
        domains_now=now_point.domains,
        domains_before=before.domains,
        series=series,
        loss_rate=loss_rate(db, team_id, site.id, series, end=end, tracked_since=tracked_since),
        target=target_progress(db, team_id, site.id, end=end, zone=zone, target_min=target[0], target_max=target[1]),
        competitors=competitor_hints(db, team_id, site.id, start=start, end=end),
        digest=digest,
    )


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
