"""Digest slots: which weekly slot is due, in the workspace's own time zone. Pure functions, no I/O.

A *slot* is the moment a workspace's digest is due in one ISO week: the configured weekday and
HH:MM in the configured time zone. The slot's ISO week (in that time zone) is the ledger key, so
"once per ISO week" means the workspace's week, not UTC's.

Daylight-saving time: slots are built from wall-clock time in the zone, so Monday 09:00 in
Europe/Amsterdam is 08:00 UTC in winter and 07:00 UTC in summer. A wall time that does not exist
(the skipped hour on the last Sunday of March, e.g. 02:30) moves forward by the gap (03:30); a wall
time that occurs twice (the last Sunday of October) is the first occurrence.

The digest for a slot covers the period from the previous week's slot to this slot, so consecutive
digests tile time exactly (also across a DST change, when that period is 167 or 169 hours long), and a
digest sent late (catch-up) or re-sent after a crash has the same content it would have had on time.

Catch-up rule: after downtime, only the most recent slot that has passed is considered; it is
skipped when it lies before ``since`` (the digest was switched on, or the site was tracked, later)
or when the next slot is less than :data:`CATCH_UP_SKIP_BEFORE_NEXT` away (that digest follows
shortly and a stale one just before it would only add noise).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

CATCH_UP_SKIP_BEFORE_NEXT = timedelta(hours=12)


@dataclass(frozen=True)
class Slot:
    """One weekly digest moment: ``at`` (aware, in the workspace zone) and its ISO week key."""

    at: datetime
    week: str
    period_start: datetime

    @property
    def at_utc(self) -> datetime:
        return self.at.astimezone(timezone.utc)


def week_key(moment: datetime, zone: ZoneInfo) -> str:
    """The ISO week of ``moment`` in ``zone``: ``'2026-W48'``."""
    year, week, _ = moment.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


def local_moment(day: date, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    """Wall time ``hour:minute`` on ``day`` in ``zone``; a non-existent time moves forward by the gap."""
    naive = datetime.combine(day, time(hour, minute))
    candidate = naive.replace(tzinfo=zone, fold=0)
    # Round-trip through UTC: a wall time in a DST gap comes back shifted forward by the gap.
    return candidate.astimezone(timezone.utc).astimezone(zone)


def slot_in_week(year: int, week: int, weekday: int, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    """The slot of ISO week ``year-Wweek``: ``weekday`` (0 = Monday) at ``hour:minute`` in ``zone``."""
    day = date.fromisocalendar(year, week, weekday + 1)
    return local_moment(day, hour, minute, zone)


def _make_slot(at: datetime, weekday: int, hour: int, minute: int, zone: ZoneInfo) -> Slot:
    previous_day = at.date() - timedelta(days=7)
    previous = local_moment(previous_day, hour, minute, zone)
    year, week, _ = at.isocalendar()
    return Slot(at=at, week=f"{year}-W{week:02d}", period_start=previous)


def slot_for(moment: datetime, weekday: int, hour: int, minute: int, zone: ZoneInfo) -> Slot:
    """The slot in the ISO week (in ``zone``) that contains ``moment``."""
    year, week, _ = moment.astimezone(zone).isocalendar()
    at = slot_in_week(year, week, weekday, hour, minute, zone)
    return _make_slot(at, weekday, hour, minute, zone)


def latest_slot(now: datetime, weekday: int, hour: int, minute: int, zone: ZoneInfo) -> Slot:
    """The most recent slot at or before ``now``."""
    this_week = slot_for(now, weekday, hour, minute, zone)
    if this_week.at <= now:
        return this_week
    return slot_for(this_week.at - timedelta(days=7), weekday, hour, minute, zone)


def next_slot(now: datetime, weekday: int, hour: int, minute: int, zone: ZoneInfo) -> Slot:
    """The first slot strictly after ``now``."""
    this_week = slot_for(now, weekday, hour, minute, zone)
    if this_week.at > now:
        return this_week
    return slot_for(this_week.at + timedelta(days=7), weekday, hour, minute, zone)


def due_slot(
    now: datetime, weekday: int, hour: int, minute: int, zone: ZoneInfo, *, since: datetime | None = None
) -> Slot | None:
    """The slot a digest is due for at ``now`` (on time or catch-up), or None; see the module rules.

    The ledger decides whether that slot's week was already sent; this only says which week is due.
    """
    slot = latest_slot(now, weekday, hour, minute, zone)
    if since is not None and slot.at < since:
        return None
    upcoming = next_slot(now, weekday, hour, minute, zone)
    if now - slot.at > timedelta(hours=1) and upcoming.at - now < CATCH_UP_SKIP_BEFORE_NEXT:
        # A stale digest from last week just before this week's one: skip it.
        return None
    return slot


def spread_offset(key: str, window: timedelta, *, minimum: timedelta = timedelta(0)) -> timedelta:
    """A deterministic offset in ``[minimum, minimum + window)`` from ``key`` (e.g. ``team:site``).

    Used to spread rechecks ahead of the digests so that hundreds of workspaces with the default
    Monday 09:00 do not all fetch at once; stable across restarts (no random state).
    """
    import hashlib

    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    seconds = int(window.total_seconds())
    if seconds <= 0:
        return minimum
    offset = int.from_bytes(digest, "big") % seconds
    return minimum + timedelta(seconds=offset - offset % 60)
