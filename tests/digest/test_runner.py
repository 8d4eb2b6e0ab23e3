"""Digests end to end against the fake Slack, the real store and a controllable clock."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, AsyncIterator
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.scheduler import ledger
from bot.scheduler.runner import DigestRunner, FixedClock
from storage import digest_repo
from storage.store import Store
from tests.digest.fake import DigestFakeSlack
from tests.digest.history import add_event, add_link, make_site
from tests.fakeslack import Channel

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")
MONDAY_9 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Monday 09:00 in Amsterdam (week 48)
LONG_AGO = datetime(2026, 1, 5, tzinfo=UTC)


@pytest.fixture
async def slack() -> AsyncIterator[DigestFakeSlack]:
    fake = DigestFakeSlack()
    fake.add_team("T2", name="Team Two")
    for team in ("T1", "T2"):
        fake.add_channel(team, Channel(f"C{team}", name="seo"))
    async with fake:
        yield fake
        assert fake.violations == []


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store(tmp_path / "digest.db").open()
    yield s
    await s.aclose()


class Clients:
    """client_for(team): a real AsyncWebClient on the fake; ``uninstalled`` teams get None."""

    def __init__(self, slack: DigestFakeSlack) -> None:
        self.slack = slack
        self.uninstalled: set[str] = set()
        self.calls = 0

    async def __call__(self, team_id: str) -> AsyncWebClient | None:
        self.calls += 1
        if team_id in self.uninstalled:
            return None
        return AsyncWebClient(token=self.slack.teams[team_id].bot_token, base_url=self.slack.api_url)


def seed(db: Any, team_id: str, domain: str = "mysite.nl", *, channel: str | None = None, gained: int = 2) -> int:
    site = make_site(db, team_id, domain, created=LONG_AGO, channel_id=channel or f"C{team_id}")
    for i in range(5):
        link = add_link(db, team_id, site, f"https://old{i}.example/", added=LONG_AGO)
        add_event(db, team_id, site, link, "appeared", LONG_AGO + timedelta(days=1))
    for i in range(gained):
        at = MONDAY_9 - timedelta(days=2 + i)
        link = add_link(db, team_id, site, f"https://new{i}.example/post", added=at)
        add_event(db, team_id, site, link, "appeared", at)
    digest_repo.ensure_settings(db, team_id, now=LONG_AGO, tz="Europe/Amsterdam")
    return site


def runner(store: Store, clients: Clients, clock: FixedClock, name: str, **kw: Any) -> DigestRunner:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    r = DigestRunner(store, client_for=clients, clock=clock, instance=name, sleep=sleep, charts=kw.pop("charts", False), **kw)
    r.sleeps = sleeps  # type: ignore[attr-defined]
    return r


async def test_on_time_digest_once_then_nothing(slack: DigestFakeSlack, store: Store) -> None:
    await store.call(seed, "T1")
    clock = FixedClock(MONDAY_9 - timedelta(minutes=1))
    clients = Clients(slack)
    r = runner(store, clients, clock, "A", charts=True)
    runs = await r.run_all()
    assert runs[0].outcome == "nothing-due" and slack.digests() == []
    assert clients.calls == 0  # nothing due: Slack not even asked for a client

    clock.set(MONDAY_9 + timedelta(seconds=5))
    runs = await r.run_all()
    assert runs[0].outcome == "sent"
    [msg] = slack.digests("T1")
    assert msg.channel == "CT1" and "mysite.nl" in msg.text and "+2" in msg.text
    meta = slack.metadata[(msg.channel, msg.ts)]
    assert meta["event_payload"]["week"] == "2026-W48"
    # The chart went into the digest's thread.
    [chart] = [f for f in slack.files.values() if f.name.endswith(".png")]
    assert chart.thread_ts == msg.ts and chart.content[:4] == b"\x89PNG"
    settings = await store.call(digest_repo.get_settings, "T1")
    assert settings.last_outcome == "sent" and settings.last_error is None

    for minutes in (1, 15, 60 * 24 * 3):
        clock.set(MONDAY_9 + timedelta(minutes=minutes))
        await r.run_all()
    assert len(slack.digests("T1")) == 1
    later = await store.call(digest_repo.get_settings, "T1")
    assert later.last_outcome == "sent" and later.last_run_at == settings.last_run_at  # sweeps keep the real outcome


async def test_catch_up_after_downtime_sends_exactly_one_and_restart_sends_none(slack: DigestFakeSlack, store: Store) -> None:
    await store.call(seed, "T1")
    clients = Clients(slack)
    # The bot was down over Monday morning; it starts on Wednesday.
    wednesday = MONDAY_9 + timedelta(days=2, hours=3)
    first = runner(store, clients, FixedClock(wednesday), "boot-1")
    await first.run_all()
    await first.run_all()  # the sweep again, same process
    assert len(slack.digests("T1")) == 1
    # Restarts right after sending: new processes, new instance ids: nothing more this week.
    for boot in range(2, 5):
        await runner(store, clients, FixedClock(wednesday + timedelta(minutes=boot)), f"boot-{boot}").run_all()
    assert len(slack.digests("T1")) == 1
    row = await store.call(ledger.get_row, "T1", 1, "2026-W48")
    assert row["state"] == "sent" and row["claimed_by"] == "boot-1"
    # Next week the digest comes again, once.
    later = runner(store, clients, FixedClock(MONDAY_9 + timedelta(days=7, minutes=1)), "boot-9")
    await later.run_all()
    await later.run_all()
    assert len(slack.digests("T1")) == 2


async def test_crash_between_post_and_record_is_recovered_without_a_second_post(slack: DigestFakeSlack, store: Store) -> None:
    site = await store.call(seed, "T1")
    clients = Clients(slack)
    clock = FixedClock(MONDAY_9 + timedelta(seconds=1))
    # The dead process claimed, posted (with the marker) and died before recording "sent".
    await store.call(ledger.claim, "T1", site, "2026-W48", instance="dead", now=clock.now(), channel_id="CT1")
    client = await clients("T1")
    await client.chat_postMessage(channel="CT1", text="digest", metadata=ledger.marker("T1", site, "2026-W48"))
    assert len(slack.digests("T1")) == 1

    # Restarted within STALE_AFTER: the claim might still be alive; nothing happens.
    clock.advance(minutes=5)
    r = runner(store, clients, clock, "new")
    runs = await r.run_all()
    assert runs[0].sites[0].result == "busy" and len(slack.digests("T1")) == 1
    # After STALE_AFTER: the history shows our marker; recorded as sent, not posted again.
    clock.advance(minutes=6)
    runs = await r.run_all()
    assert runs[0].sites[0].result == "recovered"
    assert len(slack.digests("T1")) == 1
    row = await store.call(ledger.get_row, "T1", site, "2026-W48")
    assert row["state"] == "sent" and row["recovered"] == 1 and row["message_ts"] == slack.digests("T1")[0].ts
    assert slack.calls_to("conversations.history")[0].params["include_all_metadata"] in ("true", "1", True)


async def test_crash_before_the_post_resends_once(slack: DigestFakeSlack, store: Store) -> None:
    site = await store.call(seed, "T1")
    clients = Clients(slack)
    clock = FixedClock(MONDAY_9 + timedelta(seconds=1))
    await store.call(ledger.claim, "T1", site, "2026-W48", instance="dead", now=clock.now(), channel_id="CT1")
    clock.advance(minutes=11)
    r = runner(store, clients, clock, "new")
    await r.run_all()
    await r.run_all()
    assert len(slack.digests("T1")) == 1
    assert (await store.call(ledger.get_row, "T1", site, "2026-W48"))["state"] == "sent"


async def test_crash_recovery_without_history_access_does_not_risk_a_duplicate(slack: DigestFakeSlack, store: Store) -> None:
    site = await store.call(seed, "T1")
    clients = Clients(slack)
    clock = FixedClock(MONDAY_9)
    await store.call(ledger.claim, "T1", site, "2026-W48", instance="dead", now=clock.now(), channel_id="CT1")
    slack.history_error = "missing_scope"
    clock.advance(minutes=11)
    runs = await runner(store, clients, clock, "new").run_all()
    assert runs[0].outcome == "failed" and "unverified" in runs[0].error
    assert slack.digests("T1") == []
    settings = await store.call(digest_repo.get_settings, "T1")
    assert settings.last_outcome == "failed" and "unverified" in settings.last_error


async def test_two_instances_at_once_post_once(slack: DigestFakeSlack, store: Store, tmp_path: Path) -> None:
    await store.call(seed, "T1")
    await store.call(seed, "T1", "other.nl")
    other_store = await Store(tmp_path / "digest.db").open()  # a second process on the same file
    try:
        clients = Clients(slack)
        clock = FixedClock(MONDAY_9 + timedelta(seconds=30))
        a, b = runner(store, clients, clock, "A"), runner(other_store, clients, clock, "B")
        await asyncio.gather(a.run_all(), b.run_all(), a.run_all(), b.run_all())
    finally:
        await other_store.aclose()
    assert sorted(m.text.split(":")[0] for m in slack.digests("T1")) == [
        "Weekly backlinks for mysite.nl", "Weekly backlinks for other.nl"
    ]


async def test_two_workspaces_with_their_own_schedules(slack: DigestFakeSlack, store: Store) -> None:
    await store.call(seed, "T1")
    await store.call(seed, "T2")
    await store.call(lambda db: digest_repo.update_settings(db, "T2", now=LONG_AGO, weekday=4, time="15:30", tz="America/New_York"))
    start = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # Sunday; both switched the digest on just now
    await store.call(lambda db: db.execute("UPDATE digest_settings SET enabled_since = ?", [digest_repo.iso(start)]))
    clients = Clients(slack)
    clock = FixedClock(start)
    r = runner(store, clients, clock, "A")
    first_seen: dict[str, datetime] = {}
    while clock.now() < datetime(2026, 11, 29, 12, 0, tzinfo=UTC):  # one week of 15-minute sweeps
        await r.run_all()
        for team in ("T1", "T2"):
            if slack.digests(team) and team not in first_seen:
                first_seen[team] = clock.now()
        clock.advance(minutes=15)
    assert len(slack.digests("T1")) == 1 and len(slack.digests("T2")) == 1
    assert first_seen["T1"] == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Monday 09:00 Amsterdam
    assert first_seen["T2"] == datetime(2026, 11, 27, 20, 30, tzinfo=UTC)  # Friday 15:30 New York (EST)


async def test_dst_week_digest_comes_at_local_nine(slack: DigestFakeSlack, store: Store) -> None:
    await store.call(seed, "T1")
    clients = Clients(slack)
    # Monday 30 March 2026, the day after clocks went forward: 09:00 CEST is 07:00 UTC.
    clock = FixedClock(datetime(2026, 3, 30, 6, 59, tzinfo=UTC))
    r = runner(store, clients, clock, "A")
    await r.run_all()
    assert slack.digests("T1") == []
    clock.set(datetime(2026, 3, 30, 7, 0, tzinfo=UTC))
    await r.run_all()
    [msg] = slack.digests("T1")
    assert slack.metadata[(msg.channel, msg.ts)]["event_payload"]["week"] == "2026-W14"


async def test_uninstalled_workspace_no_post_no_error_storm(slack: DigestFakeSlack, store: Store) -> None:
    await store.call(seed, "T1")
    await store.call(seed, "T2")
    clients = Clients(slack)
    clients.uninstalled.add("T2")
    clock = FixedClock(MONDAY_9 + timedelta(minutes=1))
    r = runner(store, clients, clock, "A")
    runs = {run.team_id: run for run in await r.run_all()}
    assert runs["T1"].outcome == "sent" and runs["T2"].outcome == "uninstalled"
    first = await store.call(digest_repo.get_settings, "T2")
    clock.advance(minutes=15)
    await r.run_all()
    again = await store.call(digest_repo.get_settings, "T2")
    assert again.last_outcome == "uninstalled" and again.last_run_at == first.last_run_at  # recorded once
    assert slack.digests("T2") == [] and await store.call(ledger.ledger_rows, "T2") == []


async def test_revoked_token_stops_that_workspace_quietly(slack: DigestFakeSlack, store: Store) -> None:
    await store.call(seed, "T1")
    await store.call(seed, "T1", "other.nl")
    await store.call(seed, "T2")

    async def client_for(team_id: str) -> AsyncWebClient:
        token = "xoxb-revoked" if team_id == "T1" else slack.teams[team_id].bot_token
        return AsyncWebClient(token=token, base_url=slack.api_url)

    clock = FixedClock(MONDAY_9 + timedelta(minutes=1))
    r = DigestRunner(store, client_for=client_for, clock=clock, instance="A", charts=False)
    runs = {run.team_id: run for run in await r.run_all()}
    assert runs["T1"].outcome == "uninstalled" and runs["T2"].outcome == "sent"
    posts = len(slack.calls_to("chat.postMessage"))
    for _ in range(3):
        clock.advance(minutes=15)
        await r.run_all()
    assert len(slack.calls_to("chat.postMessage")) == posts  # no retry storm
    # Reinstalled (a valid token again): picked up after ledger.PERMANENT_RETRY_AFTER, once per site.
    async def reinstalled(team_id: str) -> AsyncWebClient:
        return AsyncWebClient(token=slack.teams[team_id].bot_token, base_url=slack.api_url)

    r.client_for = reinstalled
    clock.advance(hours=6)
    await r.run_all()
    await r.run_all()
    assert len(slack.digests("T1")) == 2


async def test_rate_limited_post_is_retried(slack: DigestFakeSlack, store: Store) -> None:
    await store.call(seed, "T1")
    slack.rate_limit("chat.postMessage", times=2, retry_after=7)
    r = runner(store, Clients(slack), FixedClock(MONDAY_9 + timedelta(minutes=1)), "A")
    runs = await r.run_all()
    assert runs[0].outcome == "sent" and len(slack.digests("T1")) == 1
    assert r.sleeps == [7.0, 7.0]  # type: ignore[attr-defined]
    assert len(slack.calls_to("chat.postMessage")) == 3


async def test_rate_limit_that_does_not_end_is_a_transient_failure(slack: DigestFakeSlack, store: Store) -> None:
    site = await store.call(seed, "T1")
    slack.rate_limit("chat.postMessage", times=10, retry_after=1)
    clock = FixedClock(MONDAY_9 + timedelta(minutes=1))
    r = runner(store, Clients(slack), clock, "A")
    runs = await r.run_all()
    assert runs[0].outcome == "failed"
    row = await store.call(ledger.get_row, "T1", site, "2026-W48")
    assert row["state"] == "failed" and row["error"] == "ratelimited"
    clock.advance(minutes=15)  # the next sweep retries and succeeds once Slack lets us
    slack._failures.clear()
    await r.run_all()
    assert len(slack.digests("T1")) == 1


async def test_not_in_channel_is_recorded_shown_and_retried_after_a_fix(slack: DigestFakeSlack, store: Store) -> None:
    slack.add_channel("T1", Channel("CSECRET", name="private-seo", is_member=False))
    site = await store.call(seed, "T1", channel="CSECRET")
    clock = FixedClock(MONDAY_9 + timedelta(minutes=1))
    r = runner(store, Clients(slack), clock, "A")
    runs = await r.run_all()
    assert runs[0].outcome == "failed" and "not_in_channel" in runs[0].error
    row = await store.call(ledger.get_row, "T1", site, "2026-W48")
    assert row["state"] == "failed" and row["error"] == "not_in_channel"
    settings = await store.call(digest_repo.get_settings, "T1")
    assert settings.last_outcome == "failed" and "not_in_channel" in settings.last_error
    calls = len(slack.calls_to("chat.postMessage"))
    for _ in range(4):  # sweeps do not hammer a channel we cannot post in
        clock.advance(minutes=15)
        await r.run_all()
    assert len(slack.calls_to("chat.postMessage")) == calls
    settings = await store.call(digest_repo.get_settings, "T1")
    assert settings.last_outcome == "failed" and "not_in_channel" in settings.last_error  # still shown
    # The user invites the bot and touches the settings: the week's digest goes out.
    slack.teams["T1"].channels["CSECRET"].is_member = True
    await store.call(lambda db: digest_repo.update_settings(db, "T1", now=clock.now(), channel_id="CSECRET"))
    clock.advance(minutes=1)
    await r.run_all()
    assert [m.channel for m in slack.digests("T1")] == ["CSECRET"]


async def test_a_failing_workspace_never_stops_the_others(slack: DigestFakeSlack, store: Store) -> None:
    await store.call(seed, "T1")
    await store.call(seed, "T2")

    async def client_for(team_id: str) -> AsyncWebClient:
        if team_id == "T1":
            raise RuntimeError("installation store exploded")
        return AsyncWebClient(token=slack.teams[team_id].bot_token, base_url=slack.api_url)

    r = DigestRunner(store, client_for=client_for, clock=FixedClock(MONDAY_9 + timedelta(minutes=1)), instance="A", charts=False)
    runs = {run.team_id: run for run in await r.run_all()}
    assert runs["T1"].outcome == "error" and runs["T2"].outcome == "sent"
    assert (await store.call(digest_repo.get_settings, "T1")).last_outcome == "error"


async def test_digest_off_and_force_now(slack: DigestFakeSlack, store: Store) -> None:
    site = await store.call(seed, "T1")
    await store.call(lambda db: digest_repo.update_settings(db, "T1", now=LONG_AGO, enabled=False))
    clock = FixedClock(MONDAY_9 - timedelta(hours=1))
    r = runner(store, Clients(slack), clock, "A")
    assert (await r.run_all())[0].outcome == "off"
    run = await r.run_workspace("T1", force=True)
    assert run.posted == 1 and len(slack.digests("T1")) == 1
    # 'now' on Monday morning counts for the week: switching the digest on does not add another.
    await store.call(lambda db: digest_repo.update_settings(db, "T1", now=LONG_AGO, enabled=True))
    clock.set(MONDAY_9 + timedelta(minutes=1))
    await r.run_all()
    assert len(slack.digests("T1")) == 1
    assert (await store.call(ledger.get_row, "T1", site, "2026-W48"))["state"] == "sent"


async def test_missing_channel_is_a_clear_error(slack: DigestFakeSlack, store: Store) -> None:
    site = await store.call(seed, "T1")
    await store.call(lambda db: db.execute("UPDATE sites SET channel_id = NULL WHERE id = ?", [site]))
    runs = await runner(store, Clients(slack), FixedClock(MONDAY_9 + timedelta(minutes=1)), "A").run_all()
    assert runs[0].outcome == "failed" and "no_channel" in runs[0].error


async def test_post_whose_response_is_lost_is_verified_not_duplicated(slack: DigestFakeSlack, store: Store) -> None:
    """The post reached Slack but the response did not reach us (timeout): claim kept, then recovered."""
    site = await store.call(seed, "T1")

    class LosingClient(AsyncWebClient):
        async def chat_postMessage(self, **kwargs: Any) -> Any:  # type: ignore[override]
            await super().chat_postMessage(**kwargs)
            raise asyncio.TimeoutError()

    lose = {"on": True}

    async def client_for(team_id: str) -> AsyncWebClient:
        cls = LosingClient if lose["on"] else AsyncWebClient
        return cls(token=slack.teams[team_id].bot_token, base_url=slack.api_url)

    clock = FixedClock(MONDAY_9 + timedelta(seconds=1))
    r = DigestRunner(store, client_for=client_for, clock=clock, instance="A", charts=False)
    runs = await r.run_all()
    assert runs[0].outcome == "pending" and len(slack.digests("T1")) == 1
    assert (await store.call(ledger.get_row, "T1", site, "2026-W48"))["state"] == "sending"
    lose["on"] = False
    clock.advance(minutes=5)
    await r.run_all()  # still within STALE_AFTER: nothing
    clock.advance(minutes=6)
    runs = await r.run_all()
    assert runs[0].sites[0].result == "recovered" and len(slack.digests("T1")) == 1
    assert (await store.call(ledger.get_row, "T1", site, "2026-W48"))["state"] == "sent"


async def test_purged_workspace_leaves_no_row_behind(slack: DigestFakeSlack, store: Store) -> None:
    from storage.workspace import purge_workspace

    await store.call(seed, "T1")
    await store.call(purge_workspace, "T1")
    r = runner(store, Clients(slack), FixedClock(MONDAY_9 + timedelta(minutes=1)), "A")
    run = await r.run_workspace_safely("T1")  # a job that fires before the jobs are refreshed
    assert run.outcome == "nothing-due" and slack.digests() == []
    assert await store.call(digest_repo.get_settings, "T1") is None


async def test_apscheduler_fires_the_workspace_job_in_the_running_loop(slack: DigestFakeSlack, store: Store) -> None:
    """The real AsyncIOScheduler path: the cron job's coroutine runs and posts (clock fixed at the slot)."""
    from bot.scheduler.jobs import DigestScheduler

    await store.call(seed, "T1")
    r = runner(store, Clients(slack), FixedClock(MONDAY_9 + timedelta(seconds=2)), "A")
    scheduler = DigestScheduler(store, r)
    await scheduler.start(catch_up=False)
    try:
        job = scheduler.scheduler.get_job("digest:T1")
        assert job.next_run_time.astimezone(AMS).strftime("%a %H:%M") == "Mon 09:00"
        job.modify(next_run_time=datetime.now(UTC))  # "it is Monday 09:00 now"
        scheduler.scheduler.wakeup()
        await slack.wait_for(lambda: slack.digests("T1"), timeout=10)
        # The job is back on its weekly trigger.
        await asyncio.sleep(0.05)
        assert scheduler.scheduler.get_job("digest:T1").next_run_time > datetime.now(UTC) + timedelta(hours=1)
    finally:
        await scheduler.shutdown()
    assert len(slack.digests("T1")) == 1


INSTANCE_SCRIPT = """
import asyncio, sys, time
from datetime import datetime
from slack_sdk.web.async_client import AsyncWebClient
from bot.scheduler.runner import DigestRunner, FixedClock
from storage.store import Store

db, api, token, name, at, start = sys.argv[1:7]

async def main():
    store = await Store(db).open()
    async def client_for(team_id):
        return AsyncWebClient(token=token, base_url=api)
    runner = DigestRunner(store, client_for=client_for, clock=FixedClock(datetime.fromisoformat(at)), instance=name, charts=False)
    while time.time() < float(start):
        await asyncio.sleep(0.005)
    runs = await runner.run_all()
    await store.aclose()
    print(name, [s.result for s in runs[0].sites])

asyncio.run(main())
"""


async def test_two_processes_started_by_mistake_post_once(slack: DigestFakeSlack, store: Store) -> None:
    import sys
    import time

    await store.call(seed, "T1")
    await store.call(seed, "T1", "other.nl")
    at = (MONDAY_9 + timedelta(minutes=1)).isoformat()
    start = str(time.time() + 1.5)  # both begin at the same moment, after their imports
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-c", INSTANCE_SCRIPT, store.path, slack.api_url, slack.teams["T1"].bot_token, name, at, start,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=str(Path(__file__).resolve().parents[2]),
        )
        for name in ("proc-A", "proc-B")
    ]
    outputs = [await p.communicate() for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    assert len(slack.digests("T1")) == 2  # one per site, not two
    rows = await store.call(ledger.ledger_rows, "T1")
    assert sorted(r["state"] for r in rows) == ["sent", "sent"]
