"""What changed for a site in a period, computed from the stored history (events), not guessed.

Decisions (QA bug 1):

- ``gained``: links that are *new* in the period: ``appeared`` after their page's first check (the
  page was checked before without the link), ``appeared`` through discovery, and ``returned`` (live
  again after a confirmed loss). A link found live at its page's very first check (just imported or
  added by hand) is known, not new: it may have been there for years. It is not in ``gained``; it is
  counted in ``totals.confirmed_first_check`` and treated as live at the start of the period.
- ``lost``: confirmed losses (``lost`` events: two consecutive checks agreed) of links a check saw
  live. A link seen live and confirmed lost within the same period is lost. A link that no check ever
  saw live (an import that was out of date, a 404 from the start) is neither lost nor gained: it is
  counted in ``totals.never_live``. ``missing`` and ``blocked`` links are never in this list.
- A link lost and back within the same period is a flap: in neither list, only ``totals.flapped``.
- ``changed``: per-link changes (``nofollow-added``, ``follow-restored``, ``anchor-changed``,
  ``target-changed``, ``placement-changed``) with before and after.
- ``totals``: counts of the lists (``net`` = gained - lost), the current state of the site, referring
  domains, and the annualised loss rate: lost / links live at the start of the period (links live now,
  minus the new ones, plus the lost ones), to compare with the normal 5-15 % a year.
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


def lost_was_live(event: EventRow) -> bool:
    """Whether a ``lost`` event is the loss of a link a check saw live (older events: a link was seen)."""
    seen = event.detail.get("seen_live")
    if seen is None:
        return isinstance(event.detail.get("last_link"), dict)
    return bool(seen)


def compute_digest(
    db: sqlite_utils.Database, team_id: str, domain: str, *, days: int = 7, now: datetime | None = None
) -> Digest:
    """The digest of ``domain`` for the ``days`` up to ``now`` (default: the current time)."""
    if not isinstance(days, int) or not 1 <= days <= 366:
        raise UserInputError.keyed("store.days_invalid")
    site = require_site(db, team_id, domain)
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    # Times are stored to the second: round up so that what happened in this very second is in.
    end = moment.replace(microsecond=0) + (timedelta(seconds=1) if moment.microsecond else timedelta(0))
    start = end - timedelta(days=days)
    events = list_events(db, team_id, site.domain, since=iso(start), until=iso(end))

    # The first and last status-changing event of each link in the period decide gained/lost/flapped.
    by_link: dict[int, list[EventRow]] = {}
    never_live = 0
    for event in events:
        if event.type == "lost" and not lost_was_live(event):
            never_live += 1  # never seen live: not a loss of ours
            continue
        if event.type in GAIN_EVENTS or event.type == "lost":
            by_link.setdefault(event.backlink_id or -event.id, []).append(event)
    gained: list[dict[str, Any]] = []
    lost: list[dict[str, Any]] = []
    flapped = 0
    confirmed = 0
    for chain in by_link.values():
        first, last = chain[0], chain[-1]
        live_at_start = first.type == "lost"  # a loss means it counted before
        live_at_end = last.type != "lost"
        baseline = first.type == "appeared" and bool(first.detail.get("first_check"))
        if live_at_start and live_at_end:  # lost and back within the period
            flapped += 1
        elif not live_at_end:  # lost: live at the start, or seen live (even first) in the period
            lost.append(
                {
                    "source_url": last.source_url,
                    "source_domain": last.source_domain,
                    "reason": last.reason,
                    "at": last.at,
                    "seen_before": True,  # a check saw the link live (never-live links are not here)
                    **_link_fields(last, from_detail=True),
                }
            )
        elif baseline:
            confirmed += 1
        else:
            gained.append(
                {
                    "source_url": last.source_url,
                    "source_domain": last.source_domain,
                    "event": first.type,
                    "first_check": False,
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
    # Live at the start: live now, minus the new ones, plus the lost ones (first-check links were there).
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
        "confirmed_first_check": confirmed,
        "never_live": never_live,
        "gained_domains": len(gained_domains),
        "lost_domains": len(lost_domains),
        "live_at_start": live_start,
        "annual_loss_rate": round(loss_rate, 4),
        "checks": count_checks(db, team_id, site.domain, since=iso(start), until=iso(end)),
        "last_check_at": summary.last_check_at,
    }
    return Digest(site=site.domain, start=start, end=end, gained=gained, lost=lost, changed=changed, totals=totals)
