"""What changed for a site in a period, computed from the stored history (events), not guessed.

- ``gained``: links that became live in the period: ``appeared`` (first time live) and ``returned``
  (live again after a confirmed loss). ``first_check`` marks links found at their page's very first
  check (just imported or added): known now, but maybe there for years; ``totals.gained_first_check``
  counts them so a digest can say "12 new, 300 imported".
- ``lost``: confirmed losses only (``lost`` events: two consecutive checks agreed). ``missing`` and
  ``blocked`` links are never in this list. ``seen_before`` is false for links an import claimed but
  no check ever found (the export was out of date), true for links we saw ourselves.
- A link lost and back within the same period (or back and lost again) is a flap: it appears in
  neither list, only in ``totals.flapped``, so the digest reports the net state of the week.
- ``changed``: per-link changes (``nofollow-added``, ``follow-restored``, ``anchor-changed``,
  ``target-changed``, ``placement-changed``) with before and after.
- ``totals``: counts of the lists, the current state of the site, referring domains now and at the
  start of the period, and the annualised loss rate (to compare with the normal 5-15 % a year).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlite_utils

from bot.errors import UserInputError
from bot.i18n import t
from storage.backlinks import site_summary
from storage.checks import EventRow, count_checks, list_events
from storage.sites import require_site

GAIN_EVENTS = ("appeared", "returned")
CHANGE_EVENTS = ("nofollow-added", "follow-restored", "anchor-changed", "target-changed", "placement-changed")


@dataclass
class Digest:
    site: str
    start: datetime
    end: datetime
    gained: list[dict[str, Any]] = field(default_factory=list)
    lost: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "period": {"start": iso(self.start), "end": iso(self.end)},
            "gained": self.gained,
            "lost": self.lost,
            "changed": self.changed,
            "totals": self.totals,
        }


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _link_fields(event: EventRow, *, from_detail: bool = False) -> dict[str, Any]:
    """The link as it was (for a lost link: the last link seen, from the event), else as it is."""
    last = event.detail.get("last_link") if from_detail else None
    if isinstance(last, dict):
        return {
            "target_url": last.get("target_url") or event.target_url,
            "anchor": last.get("anchor"),
            "kind": last.get("kind"),
            "follow": last.get("follow"),
            "placement": last.get("placement"),
        }
    return {
        "target_url": event.target_url,
        "anchor": event.anchor,
        "kind": event.kind,
        "follow": event.follow,
        "placement": event.placement,
    }


def compute_digest(
    db: sqlite_utils.Database, team_id: str, domain: str, *, days: int = 7, now: datetime | None = None
) -> Digest:
    """The digest of ``domain`` for the ``days`` up to ``now`` (default: the current time)."""
    if not isinstance(days, int) or not 1 <= days <= 366:
        raise UserInputError(t("store.days_invalid", None))
    site = require_site(db, team_id, domain)
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    # Times are stored to the second: round up so that what happened in this very second is in.
    end = moment.replace(microsecond=0) + (timedelta(seconds=1) if moment.microsecond else timedelta(0))
    start = end - timedelta(days=days)
    events = list_events(db, team_id, site.domain, since=iso(start), until=iso(end))

    # The first and last status-changing event of each link in the period decide gained/lost/flapped.
    by_link: dict[int, list[EventRow]] = {}
    for event in events:
        if event.type in GAIN_EVENTS or event.type == "lost":
            by_link.setdefault(event.backlink_id or -event.id, []).append(event)
    gained: list[dict[str, Any]] = []
    lost: list[dict[str, Any]] = []
    flapped = 0
    for chain in by_link.values():
        first, last = chain[0], chain[-1]
        live_at_start = first.type == "lost"  # a loss means it counted before
        live_at_end = last.type != "lost"
        if live_at_start == live_at_end:  # lost and back, or new and lost again, within the period
            flapped += 1
        elif not live_at_end:
            lost.append(
                {
                    "source_url": last.source_url,
                    "source_domain": last.source_domain,
                    "reason": last.reason,
                    "at": last.at,
                    # False: an import claimed the link but no check ever saw it (stale export data)
                    "seen_before": isinstance(last.detail.get("last_link"), dict),
                    **_link_fields(last, from_detail=True),
                }
            )
        else:
            gained.append(
                {
                    "source_url": last.source_url,
                    "source_domain": last.source_domain,
                    "event": first.type,
                    # found at the page's first check (just imported or added): known, not necessarily new
                    "first_check": bool(first.detail.get("first_check")) if first.type == "appeared" else False,
                    "at": first.at,
                    "status": last.status,
                    **_link_fields(last),
                }
            )
    changed = [
        {
            "source_url": e.source_url,
            "source_domain": e.source_domain,
            "change": e.type,
            "before": e.detail.get("before"),
            "after": e.detail.get("after"),
            "at": e.at,
        }
        for e in events
        if e.type in CHANGE_EVENTS
    ]
    gained.sort(key=lambda g: (g["at"], g["source_url"] or ""))
    lost.sort(key=lambda g: (g["at"], g["source_url"] or ""))

    summary = site_summary(db, team_id, site.domain, now=end)
    gained_domains = {g["source_domain"] for g in gained}
    lost_domains = {g["source_domain"] for g in lost}
    live_start = max(0, summary.live - len(gained) + len(lost))
    loss_rate = (len(lost) / live_start) * (365 / days) if live_start else 0.0
    totals = {
        "gained": len(gained),
        "lost": len(lost),
        "changed": len(changed),
        "net": len(gained) - len(lost),
        "flapped": flapped,
        "live": summary.live,
        "missing": summary.missing,
        "lost_total": summary.lost,
        "blocked": summary.blocked,
        "pending": summary.pending,
        "referring_domains": summary.referring_domains,
        "gained_first_check": sum(1 for g in gained if g["first_check"]),
        "gained_domains": len(gained_domains),
        "lost_domains": len(lost_domains),
        "live_at_start": live_start,
        "annual_loss_rate": round(loss_rate, 4),
        "checks": count_checks(db, team_id, site.domain, since=iso(start), until=iso(end)),
        "last_check_at": summary.last_check_at,
    }
    return Digest(site=site.domain, start=start, end=end, gained=gained, lost=lost, changed=changed, totals=totals)
