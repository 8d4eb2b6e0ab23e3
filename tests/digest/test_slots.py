"""Week boundaries and DST in the workspace's time zone."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from bot.scheduler.slots import due_slot, latest_slot, next_slot, slot_for, spread_offset, week_key

AMS = ZoneInfo("Europe/Amsterdam")
UTC = timezone.utc


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_week_key_uses_the_workspace_zone() -> None:
    # Sunday 23:30 UTC is already Monday 00:30 in Amsterdam: next ISO week there.
    moment = utc(2026, 11, 29, 23, 30)
    assert week_key(moment, UTC) == "2026-W48"
    assert week_key(moment, AMS) == "2026-W49"
    # And Monday 03:00 in Tokyo is still Sunday in New York.
    moment = utc(2026, 11, 29, 18, 0)
    assert week_key(moment, ZoneInfo("Asia/Tokyo")) == "2026-W49"
    assert week_key(moment, ZoneInfo("America/New_York")) == "2026-W48"


def test_iso_week_across_new_year() -> None:
    assert week_key(utc(2026, 12, 31, 12), AMS) == "2026-W53"
    assert week_key(utc(2027, 1, 4, 12), AMS) == "2027-W01"


def test_monday_nine_is_eight_utc_in_winter_and_seven_in_summer() -> None:
    winter = slot_for(utc(2026, 11, 25, 12), 0, 9, 0, AMS)
    assert winter.at_utc == utc(2026, 11, 23, 8, 0) and winter.week == "2026-W48"
    summer = slot_for(utc(2026, 6, 10, 12), 0, 9, 0, AMS)
    assert summer.at_utc == utc(2026, 6, 8, 7, 0)


def test_dst_weeks_period_is_167_and_169_hours() -> None:
    # Clocks go forward on Sunday 29 March 2026: the week before Monday 30 March is 167 h long.
    spring = slot_for(utc(2026, 3, 31, 12), 0, 9, 0, AMS)
    assert spring.at_utc == utc(2026, 3, 30, 7, 0)
    assert spring.at_utc - spring.period_start.astimezone(UTC) == timedelta(hours=167)
    assert spring.period_start.astimezone(AMS).hour == 9
    # Back on Sunday 25 October 2026: 169 h.
    autumn = slot_for(utc(2026, 10, 27, 12), 0, 9, 0, AMS)
    assert autumn.at_utc == utc(2026, 10, 26, 8, 0)
    assert autumn.at_utc - autumn.period_start.astimezone(UTC) == timedelta(hours=169)


def test_nonexistent_and_ambiguous_wall_times() -> None:
    # Sunday 02:30 does not exist on 29 March 2026 in Amsterdam: moves forward to 03:30 CEST.
    gap = slot_for(utc(2026, 3, 29, 12), 6, 2, 30, AMS)
    assert gap.at_utc == utc(2026, 3, 29, 1, 30)
    assert gap.at.astimezone(AMS).hour == 3
    # Sunday 02:30 happens twice on 25 October 2026: the first one (CEST, 00:30 UTC).
    twice = slot_for(utc(2026, 10, 25, 12), 6, 2, 30, AMS)
    assert twice.at_utc == utc(2026, 10, 25, 0, 30)


def test_slots_agree_with_apscheduler_cron_trigger_across_dst() -> None:
    trigger = CronTrigger(day_of_week="mon", hour=9, minute=0, timezone=AMS)
    moment = utc(2026, 3, 1)
    previous = None
    for _ in range(40):  # through both DST changes
        fire = trigger.get_next_fire_time(previous, moment)
        ours = next_slot(moment, 0, 9, 0, AMS)
        assert fire == ours.at, (moment, fire, ours.at)
        previous, moment = fire, fire + timedelta(seconds=1)


def test_latest_and_next_slot() -> None:
    before = utc(2026, 11, 23, 7, 59)  # Monday 08:59 Amsterdam
    assert latest_slot(before, 0, 9, 0, AMS).week == "2026-W47"
    assert next_slot(before, 0, 9, 0, AMS).week == "2026-W48"
    exactly = utc(2026, 11, 23, 8, 0)
    assert latest_slot(exactly, 0, 9, 0, AMS).week == "2026-W48"


def test_due_slot_catch_up_rules() -> None:
    since = utc(2026, 1, 1)
    # On Wednesday after a Monday slot: this week's is due (catch-up).
    assert due_slot(utc(2026, 11, 25, 12), 0, 9, 0, AMS, since=since).week == "2026-W48"
    # A digest switched on after this week's slot: nothing due until next week.
    assert due_slot(utc(2026, 11, 25, 12), 0, 9, 0, AMS, since=utc(2026, 11, 24)) is None
    # Down all week, back on Monday 08:30: last week's stale digest is skipped, this week's comes at 09:00.
    assert due_slot(utc(2026, 11, 30, 7, 30), 0, 9, 0, AMS, since=since) is None
    # Back on Sunday morning: last Monday's is still worth sending.
    assert due_slot(utc(2026, 11, 29, 8, 0), 0, 9, 0, AMS, since=since).week == "2026-W48"


def test_spread_offset_is_deterministic_and_spread() -> None:
    window = timedelta(hours=3)
    offsets = [spread_offset(f"T{i}:{i % 2}", window, minimum=timedelta(minutes=30)) for i in range(500)]
    assert offsets == [spread_offset(f"T{i}:{i % 2}", window, minimum=timedelta(minutes=30)) for i in range(500)]
    assert all(timedelta(minutes=30) <= o < timedelta(minutes=210) for o in offsets)
    per_half_hour = {int(o.total_seconds() // 1800) for o in offsets}
    assert len(per_half_hour) == 6  # every half hour of the window is used
    assert max(offsets.count(o) for o in set(offsets)) < 20
