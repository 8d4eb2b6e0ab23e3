"""APScheduler jobs rebuilt from our tables: triggers in the workspace zone, spread rechecks, catch-up."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, AsyncIterator
from zoneinfo import ZoneInfo

import pytest

from bot.scheduler.jobs import DigestScheduler, recheck_time
from bot.scheduler.runner import DigestRunner, FixedClock
from storage import digest_repo
from storage.store import Store
from tests.digest.history import make_site

UTC = timezone.utc
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store(tmp_path / "jobs.db").open()
    yield s
    await s.aclose()


def seed(db: Any) -> None:
    for team in ("T1", "T2", "T3"):
        make_site(db, team, "a.nl", created=NOW - timedelta(days=90), channel_id="C1")
        make_site(db, team, "b.nl", created=NOW - timedelta(days=90), channel_id="C1")
    digest_repo.ensure_settings(db, "T1", now=NOW)  # defaults: Monday 09:00, Europe/Amsterdam
    digest_repo.update_settings(db, "T2", now=NOW, weekday=4, time="16:45", tz="Asia/Tokyo", daily_recheck=True)
    digest_repo.update_settings(db, "T3", now=NOW, enabled=False)


async def no_client(team_id: str) -> None:
    return None


async def test_jobs_from_tables(store: Store) -> None:
    await store.call(seed)
    rechecked: list[tuple[str, str]] = []

    async def recheck(team_id: str, domain: str, *, light: bool = False) -> None:
        rechecked.append((team_id, domain, light))

    runner = DigestRunner(store, client_for=no_client, clock=FixedClock(NOW), instance="A")
    scheduler = DigestScheduler(store, runner, recheck=recheck)
    await scheduler.start(catch_up=False)
    try:
        jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
        assert "digest:T1" in jobs and "digest:T2" in jobs and "digest:T3" not in jobs  # T3 switched off
        t1 = jobs["digest:T1"].trigger
        assert t1.timezone == ZoneInfo("Europe/Amsterdam")
        fire = t1.get_next_fire_time(None, NOW)
        assert fire.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%a %H:%M") == "Mon 09:00"
        t2 = jobs["digest:T2"].trigger.get_next_fire_time(None, NOW)
        assert t2.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%a %H:%M") == "Fri 16:45"
        # Rechecks ahead of each digest, 30 min to 3.5 h before, per site; daily ones only for T2.
        for team in ("T1", "T2"):
            digest_fire = jobs[f"digest:{team}"].trigger.get_next_fire_time(None, NOW)
            for site_job in [j for j in jobs.values() if j.id.startswith(f"recheck:{team}:")]:
                before = site_job.trigger.get_next_fire_time(None, digest_fire - timedelta(hours=4))
                assert timedelta(minutes=30) <= digest_fire - before <= timedelta(hours=3, minutes=30)
        assert len([j for j in jobs if j.startswith("daily:T2:")]) == 2
        assert not [j for j in jobs if j.startswith("daily:T1:")]
        assert "digest-sweep" in jobs
        # A settings change reschedules just that workspace.
        await store.call(lambda db: digest_repo.update_settings(db, "T1", now=NOW, weekday=2, time="07:15"))
        await scheduler.reschedule("T1")
        fire = scheduler.scheduler.get_job("digest:T1").trigger.get_next_fire_time(None, NOW)
        assert fire.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%a %H:%M") == "Wed 07:15"
        # A recheck job body calls the engine hook.
        await jobs["recheck:T1:1"].func(*jobs["recheck:T1:1"].args)
        assert rechecked == [("T1", "a.nl", False)]
        daily = next(j for j in scheduler.scheduler.get_jobs() if j.id.startswith("daily:T2:"))
        await daily.func(*daily.args)
        assert rechecked[-1] == ("T2", "a.nl", True) or rechecked[-1] == ("T2", "b.nl", True)
    finally:
        await scheduler.shutdown()


async def test_rebuild_after_restart_gives_the_same_jobs(store: Store) -> None:
    await store.call(seed)

    async def recheck(team_id: str, domain: str, *, light: bool = False) -> None:
        return None

    def snapshot(s: DigestScheduler) -> dict[str, str]:
        return {j.id: str(j.trigger) for j in s.scheduler.get_jobs()}

    first = DigestScheduler(store, DigestRunner(store, client_for=no_client, instance="A"), recheck=recheck)
    await first.start(catch_up=False)
    jobs_first = snapshot(first)
    await first.shutdown()
    second = DigestScheduler(store, DigestRunner(store, client_for=no_client, instance="B"), recheck=recheck)
    await second.start(catch_up=False)
    try:
        assert snapshot(second) == jobs_first
    finally:
        await second.shutdown()


async def test_start_runs_the_catch_up_sweep_at_once(store: Store) -> None:
    await store.call(seed)
    seen: list[str] = []

    class Recorder(DigestRunner):
        async def run_all(self):  # type: ignore[no-untyped-def]
            seen.append("sweep")
            return []

    scheduler = DigestScheduler(store, Recorder(store, client_for=no_client, instance="A"))
    await scheduler.start()
    try:
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.02)
        assert seen == ["sweep"]
    finally:
        await scheduler.shutdown()


def test_recheck_offsets_wrap_around_the_week() -> None:
    settings = digest_repo.DigestSettings.defaults("T1", NOW)
    weekday, hour, minute = recheck_time(settings, "T1", 1)
    # Monday 09:00 minus 0:30-3:30 stays on Monday morning.
    assert weekday == 0 and 5 <= hour <= 8
    early = digest_repo.DigestSettings(team_id="T1", enabled_since="x", updated_at="x", weekday=0, time="00:10")
    weekday, hour, _ = recheck_time(early, "T1", 1)
    assert weekday == 6 and hour >= 20  # Sunday evening


async def test_sweep_refreshes_jobs_for_new_sites_and_purged_workspaces(store: Store) -> None:
    from storage.workspace import purge_workspace

    await store.call(seed)

    async def recheck(team_id: str, domain: str, *, light: bool = False) -> None:
        return None

    runner = DigestRunner(store, client_for=no_client, clock=FixedClock(NOW), instance="A")
    scheduler = DigestScheduler(store, runner, recheck=recheck)
    await scheduler.start(catch_up=False)
    try:
        await store.call(lambda db: make_site(db, "T9", "new.nl", created=NOW, channel_id="C9"))
        await store.call(lambda db: make_site(db, "T1", "c.nl", created=NOW, channel_id="C1"))
        await store.call(purge_workspace, "T2")
        assert await scheduler.refresh() == 2
        ids = {job.id for job in scheduler.scheduler.get_jobs()}
        assert "digest:T9" in ids and "recheck:T9:7" in ids
        assert len([i for i in ids if i.startswith("recheck:T1:")]) == 3
        assert not [i for i in ids if ":T2" in i or i.split(":")[1:2] == ["T2"]]
        assert await scheduler.refresh() == 0  # nothing changed: nothing rescheduled
    finally:
        await scheduler.shutdown()


async def test_missed_and_failed_jobs_are_recorded_for_settings(store: Store) -> None:
    from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent

    await store.call(seed)
    runner = DigestRunner(store, client_for=no_client, clock=FixedClock(NOW), instance="A")
    scheduler = DigestScheduler(store, runner)
    scheduler._on_event(JobExecutionEvent(EVENT_JOB_MISSED, "digest:T1", None, NOW))
    await asyncio.gather(*scheduler._pending)
    settings = await store.call(digest_repo.get_settings, "T1")
    assert settings.last_outcome == "missed" and "digest:T1" in settings.last_error
    scheduler._on_event(JobExecutionEvent(EVENT_JOB_ERROR, "digest:T2", None, NOW, exception=RuntimeError("boom")))
    await asyncio.gather(*scheduler._pending)
    settings = await store.call(digest_repo.get_settings, "T2")
    assert settings.last_outcome == "error" and "boom" in settings.last_error


async def test_time_zone_resolved_from_slack_once_and_never_overridden(store: Store) -> None:
    asked: list[str] = []

    async def resolver(team_id: str, client: Any) -> str | None:
        asked.append(team_id)
        return {"T1": "Asia/Tokyo", "T2": None}.get(team_id)

    runner = DigestRunner(store, client_for=no_client, clock=FixedClock(NOW), instance="A", tz_resolver=resolver)
    assert (await runner.settings_for("T1")).tz_name == "Asia/Tokyo"
    assert (await runner.settings_for("T2")).tz_name == "Europe/Amsterdam"  # unknown: the default
    await runner.settings_for("T2")
    assert asked == ["T1", "T2"]  # asked once per process
    await store.call(lambda db: digest_repo.update_settings(db, "T1", now=NOW, tz="Europe/London"))
    later = DigestRunner(store, client_for=no_client, clock=FixedClock(NOW), instance="B", tz_resolver=resolver)
    assert (await later.settings_for("T1")).tz_name == "Europe/London"


def test_uninstall_purge_removes_digest_rows(tmp_path: Path) -> None:
    from bot.scheduler import ledger
    from storage.db import connect
    from storage.workspace import purge_workspace

    db = connect(tmp_path / "p.db")
    site = make_site(db, "T1", "a.nl", created=NOW, channel_id="C1")
    digest_repo.ensure_settings(db, "T1", now=NOW)
    digest_repo.ensure_settings(db, "T2", now=NOW)
    ledger.claim(db, "T1", site, "2026-W47", instance="A", now=NOW, channel_id="C1")
    purge_workspace(db, "T1")
    assert digest_repo.get_settings(db, "T1") is None and ledger.ledger_rows(db, "T1") == []
    assert digest_repo.get_settings(db, "T2") is not None
    db.conn.close()


async def test_digest_waits_for_a_recheck_still_running(store: Store) -> None:
    await store.call(seed)
    order: list[str] = []
    release = asyncio.Event()

    async def recheck(team_id: str, domain: str, *, light: bool = False) -> None:
        order.append(f"recheck {domain} start")
        await release.wait()
        order.append(f"recheck {domain} done")

    class Recorder(DigestRunner):
        async def run_workspace_safely(self, team_id, *, force=False):  # type: ignore[no-untyped-def]
            order.append(f"digest {team_id}")

    scheduler = DigestScheduler(store, Recorder(store, client_for=no_client, instance="A"), recheck=recheck)
    recheck_task = asyncio.create_task(scheduler.run_recheck("T1", "a.nl"))
    await asyncio.sleep(0.01)
    digest_task = asyncio.create_task(scheduler.run_digest("T1"))
    await asyncio.sleep(0.05)
    assert order == ["recheck a.nl start"]
    release.set()
    await asyncio.gather(recheck_task, digest_task)
    assert order == ["recheck a.nl start", "recheck a.nl done", "digest T1"]
    await scheduler.run_digest("T2")  # nothing running for T2: at once
    assert order[-1] == "digest T2"


async def test_start_does_not_wait_for_slack_time_zones_and_jobs_follow_them(store: Store) -> None:
    await store.call(lambda db: make_site(db, "T7", "a.nl", created=NOW - timedelta(days=9), channel_id="C1"))
    asked: list[str] = []

    async def resolver(team_id: str, client: Any) -> str | None:
        asked.append(team_id)
        return "America/New_York"

    runner = DigestRunner(store, client_for=no_client, clock=FixedClock(NOW), instance="A", tz_resolver=resolver)
    scheduler = DigestScheduler(store, runner)
    await scheduler.start(catch_up=False)
    try:
        assert asked == []  # start-up built the jobs without asking Slack
        assert scheduler.scheduler.get_job("digest:T7").trigger.timezone == ZoneInfo("Europe/Amsterdam")
        await scheduler.sweep()  # the first sweep resolves the zone and moves the job to it
        assert asked == ["T7"]
        trigger = scheduler.scheduler.get_job("digest:T7").trigger
        assert trigger.timezone == ZoneInfo("America/New_York")
    finally:
        await scheduler.shutdown()


async def test_shutdown_cancels_running_job_bodies(store: Store) -> None:
    await store.call(seed)
    started = asyncio.Event()
    cancelled: list[str] = []

    async def recheck(team_id: str, domain: str, *, light: bool = False) -> None:
        started.set()
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.append(domain)
            raise

    scheduler = DigestScheduler(store, DigestRunner(store, client_for=no_client, instance="A"), recheck=recheck)
    await scheduler.start(catch_up=False)
    job = scheduler.scheduler.get_job("recheck:T1:1")
    job.modify(next_run_time=datetime.now(UTC))
    scheduler.scheduler.wakeup()
    await asyncio.wait_for(started.wait(), 5)
    await scheduler.shutdown()
    assert cancelled == ["a.nl"] and not scheduler.scheduler.running
