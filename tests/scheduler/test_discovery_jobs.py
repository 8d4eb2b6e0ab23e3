"""Scheduled discovery jobs: times relative to the digest, the spread, DST weeks, the switch, rebuilds."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, AsyncIterator
from zoneinfo import ZoneInfo

import pytest

from bot.scheduler.discovery import (
    DISCOVERY_LEAD_MIN,
    DISCOVERY_WINDOW,
    ScheduledDiscovery,
    catch_up_due,
    discovery_lead,
    discovery_time,
    discovery_trigger,
)
from bot.scheduler.jobs import RECHECK_LEAD_MIN, RECHECK_WINDOW, DigestScheduler, digest_trigger, recheck_time
from bot.scheduler.runner import DigestRunner, FixedClock
from storage import digest_repo, discovery_schedule_repo
from storage.digest_repo import DigestSettings, iso
from storage.discovery_schedule_repo import DiscoveryState
from storage.store import Store
from tests.digest.history import make_site

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store(tmp_path / "jobs.db").open()
    yield s
    await s.aclose()


async def no_client(team_id: str) -> None:
    return None


async def no_fetcher() -> Any:
    raise AssertionError("no crawl in these tests")


def seed(db: Any) -> None:
    for team in ("T1", "T2", "T3", "T4"):
        make_site(db, team, "a.nl", created=NOW - timedelta(days=90), channel_id="C1")
        make_site(db, team, "b.nl", created=NOW - timedelta(days=90), channel_id="C1")
    digest_repo.ensure_settings(db, "T1", now=NOW)  # Monday 09:00 Amsterdam
    digest_repo.update_settings(db, "T2", now=NOW, weekday=4, time="16:45", tz="Asia/Tokyo")
    digest_repo.update_settings(db, "T3", now=NOW, enabled=False)  # no digest; discovery still weekly
    discovery_schedule_repo.set_enabled(db, "T4", False, now=NOW)  # digest yes, discovery off


def scheduler_for(store: Store, **kw: Any) -> DigestScheduler:
    runner = DigestRunner(store, client_for=no_client, clock=FixedClock(NOW), instance="A")

    async def recheck(team_id: str, domain: str, *, light: bool = False) -> None:
        return None

    discovery = ScheduledDiscovery(store, no_fetcher, clock=runner.clock, gather_delay=0)
    return DigestScheduler(store, runner, recheck=recheck, discovery=discovery, **kw)


def test_discovery_lead_is_hashed_stable_spread_and_before_every_recheck() -> None:
    leads = [discovery_lead(f"T{i:04d}") for i in range(400)]
    assert leads == [discovery_lead(f"T{i:04d}") for i in range(400)]  # deterministic (no random state)
    assert all(DISCOVERY_LEAD_MIN <= lead < DISCOVERY_LEAD_MIN + DISCOVERY_WINDOW for lead in leads)
    assert min(leads) > RECHECK_LEAD_MIN + RECHECK_WINDOW + timedelta(hours=1)  # rechecks after it, even across DST
    # Spread: 400 workspaces on Monday 09:00 land on many different minutes, no hour holds most of them.
    assert len(set(leads)) > 200
    per_hour: dict[int, int] = {}
    for lead in leads:
        per_hour[int(lead.total_seconds() // 3600)] = per_hour.get(int(lead.total_seconds() // 3600), 0) + 1
    assert len(per_hour) == 6 and max(per_hour.values()) < 400 * 0.3
    # Default Monday 09:00: the night before, between Sunday 22:00 and Monday 04:00 local.
    settings = DigestSettings.defaults("T1", NOW)
    weekday, hour, minute = discovery_time(settings, "T1")
    assert (weekday, hour) in {(6, 22), (6, 23)} | {(0, h) for h in range(4)}
    # Wraps around the week: Monday 00:10 -> Sunday afternoon/evening.
    early = DigestSettings(team_id="T1", enabled_since="x", updated_at="x", weekday=0, time="00:10")
    weekday, hour, _ = discovery_time(early, "T1")
    assert weekday == 6 and 13 <= hour <= 19


async def test_jobs_from_tables_discovery_ahead_of_the_digest(store: Store) -> None:
    await store.call(seed)
    scheduler = scheduler_for(store)
    await scheduler.start(catch_up=False)
    try:
        jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
        assert {"discover:T1", "discover:T2", "discover:T3"} <= set(jobs)
        assert "discover:T4" not in jobs and "digest:T4" in jobs  # the switch is per workspace
        assert "digest:T3" not in jobs  # digest off, discovery on: it still reads the watch list weekly
        for team, zone in (("T1", AMS), ("T2", ZoneInfo("Asia/Tokyo"))):
            trigger = jobs[f"discover:{team}"].trigger
            assert trigger.timezone == zone
            digest_fire = jobs[f"digest:{team}"].trigger.get_next_fire_time(None, NOW)
            fire = trigger.get_next_fire_time(None, digest_fire - timedelta(hours=12))
            assert fire + discovery_lead(team) == digest_fire
            for recheck in [j for j in jobs.values() if j.id.startswith(f"recheck:{team}:")]:
                recheck_fire = recheck.trigger.get_next_fire_time(None, fire)
                assert fire + timedelta(hours=1) < recheck_fire < digest_fire
        # The same jobs after a restart.
        snapshot = {j.id: str(j.trigger) for j in scheduler.scheduler.get_jobs()}
    finally:
        await scheduler.shutdown()
    again = scheduler_for(store)
    await again.start(catch_up=False)
    try:
        assert {j.id: str(j.trigger) for j in again.scheduler.get_jobs()} == snapshot
        # The switch: off removes the job at the next refresh (the sweep), on brings it back.
        await store.call(discovery_schedule_repo.set_enabled, "T1", False, now=NOW)
        assert await again.refresh() == 1
        assert again.scheduler.get_job("discover:T1") is None and again.scheduler.get_job("digest:T1") is not None
        await store.call(discovery_schedule_repo.set_enabled, "T1", True, now=NOW)
        await again.refresh()
        assert str(again.scheduler.get_job("discover:T1").trigger) == snapshot["discover:T1"]
        # Moving the digest moves the discovery with it.
        await store.call(lambda db: digest_repo.update_settings(db, "T1", now=NOW + timedelta(minutes=1), weekday=2, time="14:00"))
        await again.refresh()
        digest_fire = again.scheduler.get_job("digest:T1").trigger.get_next_fire_time(None, NOW)
        fire = again.scheduler.get_job("discover:T1").trigger.get_next_fire_time(None, digest_fire - timedelta(hours=12))
        assert digest_fire.astimezone(AMS).strftime("%a %H:%M") == "Wed 14:00"
        assert digest_fire - fire == discovery_lead("T1")
    finally:
        await again.shutdown()


@pytest.mark.parametrize(
    "week_start",
    [datetime(2026, 3, 23, tzinfo=UTC), datetime(2026, 10, 19, tzinfo=UTC)],  # DST starts 29 March, ends 25 October
    ids=["spring-forward", "fall-back"],
)
@pytest.mark.parametrize("digest_wall", ["09:00", "lead+02:30"], ids=["monday-9", "discovery-in-the-gap"])
def test_dst_weeks_discovery_stays_before_rechecks_and_digest(week_start: datetime, digest_wall: str) -> None:
    team = "T1"
    if digest_wall == "09:00":
        weekday, time = 0, "09:00"
    else:
        # Sunday, with the discovery at 02:30 local: inside the skipped hour in spring, twice in autumn.
        wall = datetime(2026, 3, 29, 2, 30) + discovery_lead(team)
        weekday, time = wall.weekday(), wall.strftime("%H:%M")
    settings = DigestSettings(team_id=team, enabled_since="x", updated_at="x", weekday=weekday, time=time, tz="Europe/Amsterdam")
    digest = digest_trigger(settings).get_next_fire_time(None, week_start)
    discovery = discovery_trigger(settings, team).get_next_fire_time(None, digest - timedelta(days=1))
    assert discovery < digest
    # Wall-clock lead, give or take the hour the clocks move.
    assert abs((digest - discovery) - discovery_lead(team)) <= timedelta(hours=1)
    for site_id in range(1, 40):
        r_weekday, r_hour, r_minute = recheck_time(settings, team, site_id)
        from apscheduler.triggers.cron import CronTrigger

        from bot.scheduler.jobs import DAY_NAMES

        recheck = CronTrigger(day_of_week=DAY_NAMES[r_weekday], hour=r_hour, minute=r_minute, timezone=AMS)
        fire = recheck.get_next_fire_time(None, digest - timedelta(days=1))
        assert discovery + timedelta(minutes=30) <= fire < digest


def test_catch_up_rule() -> None:
    settings = DigestSettings(team_id="T1", enabled_since="x", updated_at="x", tz="Europe/Amsterdam")
    digest = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Monday 09:00 Amsterdam
    moment = digest - discovery_lead("T1")
    before = iso(moment - timedelta(days=7))
    assert catch_up_due(settings, DiscoveryState("T1", last_at=before), moment + timedelta(minutes=30))
    assert not catch_up_due(settings, DiscoveryState("T1", last_at=iso(moment)), moment + timedelta(minutes=30))  # ran
    assert not catch_up_due(settings, DiscoveryState("T1", last_at=before), digest + timedelta(minutes=1))  # too late
    assert not catch_up_due(settings, DiscoveryState("T1", enabled=False, last_at=before), moment + timedelta(minutes=1))
    assert not catch_up_due(settings, DiscoveryState("T1"), moment + timedelta(minutes=1))  # never ran: waits for its slot


async def test_missed_discovery_is_not_an_attempt_but_errors_are_recorded(store: Store) -> None:
    from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent

    await store.call(seed)
    scheduler = scheduler_for(store)
    scheduler._on_event(JobExecutionEvent(EVENT_JOB_MISSED, "discover:T1", None, NOW))
    await asyncio.gather(*scheduler._pending)
    assert (await store.call(discovery_schedule_repo.get_state, "T1")).last_at is None  # the sweep catches it up
    scheduler._on_event(JobExecutionEvent(EVENT_JOB_ERROR, "discover:T2", None, NOW, exception=RuntimeError("boom")))
    await asyncio.gather(*scheduler._pending)
    state = await store.call(discovery_schedule_repo.get_state, "T2")
    assert state.last_outcome == "error" and "boom" in state.last_error
    assert (await store.call(digest_repo.get_settings, "T2")).last_outcome is None  # the digest's own outcome untouched
    # A job body cancelled at shutdown is not an error (neither for a discovery nor for a digest).
    for job_id in ("discover:T1", "digest:T1"):
        scheduler._on_event(JobExecutionEvent(EVENT_JOB_ERROR, job_id, None, NOW, exception=asyncio.CancelledError()))
    await asyncio.gather(*scheduler._pending)
    assert (await store.call(discovery_schedule_repo.get_state, "T1")).last_outcome is None
    assert (await store.call(digest_repo.get_settings, "T1")).last_outcome is None


def test_migration_adds_columns_with_defaults_to_existing_rows(tmp_path: Path) -> None:
    """A database from before m031 (digest settings rows present) gets discovery on for everyone."""
    import sqlite_utils

    from storage.db import connect, migration_sets

    path = tmp_path / "old.db"
    raw = sqlite_utils.Database(path)
    for migrations in migration_sets():
        if migrations.name == "discovery_schedule":
            break
        migrations.apply(raw)
    digest_repo.ensure_settings(raw, "T1", now=NOW)
    raw.conn.close()
    db = connect(path)
    state = discovery_schedule_repo.get_state(db, "T1")
    assert state.enabled and state.last_at is None
    assert discovery_schedule_repo.get_state(db, "T9").enabled  # no row: the default
    db.conn.close()


async def test_discovery_switch_in_slack(tmp_path: Path) -> None:
    """``/backlinks digest discovery off|on`` in the running bot: stored, the job follows, settings say so."""
    from tests.digest.fake import DigestFakeSlack
    from tests.fakeslack import Channel
    from tests.slack.conftest import start_bot

    fake = DigestFakeSlack()
    fake.add_channel("T1", Channel("CSEO", name="seo"))
    async with fake as slack:
        running = await start_bot(slack, tmp_path)
        try:
            scheduler = running.ctx.digest_scheduler
            await slack.slash("track mysite.nl <#CSEO|seo>")
            await slack.wait_for(lambda: slack.responses)
            await scheduler.refresh()  # what the sweep does every 15 minutes
            assert scheduler.scheduler.get_job("discover:T1") is not None
            slack.responses.clear()
            await slack.slash("digest discovery off")
            await slack.wait_for(lambda: slack.responses)
            assert "search for new links is off" in slack.responses[-1]["text"]
            assert scheduler.scheduler.get_job("discover:T1") is None and scheduler.scheduler.get_job("digest:T1") is not None
            assert not (await running.ctx.store.call(discovery_schedule_repo.get_state, "T1")).enabled
            slack.responses.clear()
            await slack.slash("digest settings")
            await slack.wait_for(lambda: slack.responses)
            assert "(discovery): off" in slack.responses[-1]["text"] + json_blocks(slack.responses[-1])
            slack.responses.clear()
            await slack.slash("digest ontdekken aan", user="U2")
            await slack.wait_for(lambda: slack.responses)
            assert scheduler.scheduler.get_job("discover:T1") is not None
        finally:
            await running.stop()
        assert slack.violations == []


def json_blocks(response: dict[str, Any]) -> str:
    import json

    return json.dumps(response.get("blocks") or [], ensure_ascii=False)
