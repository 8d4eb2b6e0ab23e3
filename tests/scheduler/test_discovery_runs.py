"""Scheduled discovery against a local web: found links reach the next digest, budgets shared by a
batch, one run per workspace, a failing workspace isolated, an interrupted run resumed, the switch."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, AsyncIterator
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.discover.crawl import DiscoverOptions, discover
from bot.scheduler.discovery import ScheduledDiscovery
from bot.scheduler.jobs import DigestScheduler
from bot.scheduler.runner import DigestRunner, FixedClock
from handlers.digest import load_settings_view
from storage import digest_repo, discovery_schedule_repo
from storage.backlinks import list_backlinks
from storage.store import Store
from tests.digest.fake import DigestFakeSlack
from tests.fakeslack import Channel
from tests.localweb import LocalWeb
from tests.scheduler.helpers import FAST, FlakyFetcher, news_host, track

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store(tmp_path / "disc.db").open()
    yield s
    await s.aclose()


async def no_client(team_id: str) -> None:
    return None


async def wait_until(predicate: Any, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if await predicate():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not reached")


async def test_scheduled_discovery_runs_and_its_link_is_in_the_following_digest(local_web: LocalWeb, store: Store) -> None:
    host = await news_host(local_web, "nieuws-stad.nl", "mysite.nl")
    now = datetime.now(UTC).replace(microsecond=0)
    slot_local = (now + timedelta(hours=2)).astimezone(AMS)
    await store.call(track, "T1", "mysite.nl", ["nieuws-stad.nl"], created=now - timedelta(days=30))
    await store.call(
        lambda db: digest_repo.update_settings(
            db, "T1", now=now - timedelta(days=1), weekday=slot_local.weekday(), time=slot_local.strftime("%H:%M"), tz="Europe/Amsterdam"
        )
    )
    async with local_web.fetcher(max_retries=0) as fetcher, DigestFakeSlack() as slack:
        slack.add_channel("T1", Channel("CSEO", name="seo"))

        async def get_fetcher() -> Any:
            return fetcher

        async def client_for(team_id: str) -> AsyncWebClient:
            return AsyncWebClient(token=slack.teams[team_id].bot_token, base_url=slack.api_url)

        clock = FixedClock(now)
        runner = DigestRunner(store, client_for=client_for, clock=clock, instance="A", charts=False)
        discovery = ScheduledDiscovery(store, get_fetcher, options=FAST, clock=clock, gather_delay=0.01)
        scheduler = DigestScheduler(store, runner, discovery=discovery)
        await scheduler.start(catch_up=False)
        try:
            job = scheduler.scheduler.get_job("discover:T1")
            digest_at = scheduler.scheduler.get_job("digest:T1").next_run_time
            assert job.next_run_time < digest_at - timedelta(hours=5) + timedelta(days=7)
            # Its time has come: the real APScheduler runs the job.
            job.modify(next_run_time=datetime.now(UTC))
            scheduler.scheduler.wakeup()

            async def done() -> bool:
                return (await store.call(discovery_schedule_repo.get_state, "T1")).last_outcome == "done"

            await wait_until(done)
            links = await store.call(list_backlinks, "T1", "mysite.nl")
            assert [(b.source_url, b.found_by, b.status) for b in links] == [("http://nieuws-stad.nl/news/0", "discovery", "live")]
            assert host.hits("/news/0") == 1
            # Then the digest slot: the found link is in it.
            clock.set(now + timedelta(hours=2, minutes=1))
            await scheduler.run_digest("T1")
            [msg] = slack.digests("T1")
            text = json.dumps(msg.blocks, ensure_ascii=False)
            assert "*+1* new" in text and "nieuws-stad.nl" in text
            # Visible in the settings: when, outcome, pages read, links found.
            view = await store.call(load_settings_view, "T1", now=clock.now(), lang="en")
            assert "Weekly search for new links (discovery): on; next" in view
            assert "done, 1 pages read, 1 new links" in view
            view_nl = await store.call(load_settings_view, "T1", now=clock.now(), lang="nl")
            assert "klaar, 1 pagina's gelezen, 1 nieuwe links" in view_nl
        finally:
            await scheduler.shutdown()


async def test_jobs_due_together_share_the_global_budget_in_one_batch(local_web: LocalWeb, store: Store) -> None:
    now = datetime.now(UTC)
    for team in ("T1", "T2", "T3"):
        await news_host(local_web, f"nieuws-{team.lower()}.nl", f"site-{team.lower()}.nl", pages=5)
        await store.call(track, team, f"site-{team.lower()}.nl", [f"nieuws-{team.lower()}.nl"], created=now)
    off = await news_host(local_web, "nieuws-t4.nl", "site-t4.nl")
    await store.call(track, "T4", "site-t4.nl", ["nieuws-t4.nl"], created=now)
    await store.call(discovery_schedule_repo.set_enabled, "T4", False, now=now)
    options = DiscoverOptions(min_delay=0.0, budget=9, per_workspace=4)
    async with local_web.fetcher(max_retries=0) as fetcher:

        async def get_fetcher() -> Any:
            return fetcher

        discovery = ScheduledDiscovery(store, get_fetcher, options=options, clock=FixedClock(now), gather_delay=0.05)
        *outcomes, t4 = await asyncio.gather(*(discovery.run(team) for team in ("T1", "T2", "T3", "T4")))
    assert list(discovery.batches) == [["T1", "T2", "T3"]]  # one run: the budgets are the discovery's own
    assert t4.outcome == "off" and off.requests == []  # switched off: never joins a batch
    assert [o.outcome for o in outcomes] == ["done"] * 3
    assert [o.pages for o in outcomes] == [3, 3, 3]  # 9 shared equally, below the 4 per workspace
    assert sum(o.links for o in outcomes) == 3  # each newest page (rank 0) holds the link


async def test_never_two_runs_for_one_workspace(local_web: LocalWeb, store: Store) -> None:
    now = datetime.now(UTC)
    host = await news_host(local_web, "nieuws-stad.nl", "mysite.nl", pages=2)
    release = asyncio.Event()

    async def slow(request: Any) -> Any:
        from aiohttp import web

        await release.wait()
        return web.Response(text="<p>traag</p>", content_type="text/html")

    host.handle("/news/1", slow)
    await store.call(track, "T1", "mysite.nl", ["nieuws-stad.nl"], created=now)
    async with local_web.fetcher(max_retries=0, total_timeout=20) as fetcher:

        async def get_fetcher() -> Any:
            return fetcher

        discovery = ScheduledDiscovery(store, get_fetcher, options=FAST, clock=FixedClock(now), gather_delay=0.01)
        first = asyncio.create_task(discovery.run("T1"))
        await wait_until(lambda: _true(host.hits("/news/1") == 1))
        second = await discovery.run("T1")  # the job fired again (e.g. the sweep's catch-up)
        assert second.outcome == "skipped"
        release.set()
        assert (await first).outcome == "done"
        # An on-demand run (``/backlinks discover SITE``) going in this process: the schedule stays away.
        release.clear()
        host.page("/sitemap.xml", "")  # keep listing cheap
        from tests.discover.helpers import urlset

        host.body("/sitemap.xml", urlset([("http://nieuws-stad.nl/news/1", "2026-12-01")]), content_type="application/xml")
        on_demand = asyncio.create_task(discover(fetcher=fetcher, store=store, team_id="T1", site="mysite.nl", options=FAST))
        await wait_until(lambda: _true(host.hits("/news/1") == 2))
        busy = await discovery.run("T1")
        assert busy.outcome == "busy"
        state = await store.call(discovery_schedule_repo.get_state, "T1")
        assert state.last_outcome == "busy"
        release.set()
        await on_demand
    assert len(discovery.batches) == 1


async def _true(value: bool) -> bool:
    return value


async def test_a_failing_workspace_does_not_stop_the_others(local_web: LocalWeb, store: Store) -> None:
    now = datetime.now(UTC)
    await news_host(local_web, "kapot-nieuws.nl", "site-t1.nl")
    ok = await news_host(local_web, "heel-nieuws.nl", "site-t2.nl")
    await store.call(track, "T1", "site-t1.nl", ["kapot-nieuws.nl"], created=now)
    await store.call(track, "T2", "site-t2.nl", ["heel-nieuws.nl"], created=now)
    async with local_web.fetcher(max_retries=0) as real:
        fetcher = FlakyFetcher(real, lambda url: url.startswith("http://kapot-nieuws.nl/news/"))

        async def get_fetcher() -> Any:
            return fetcher

        discovery = ScheduledDiscovery(store, get_fetcher, options=FAST, clock=FixedClock(now), gather_delay=0.05)
        t1, t2 = await asyncio.gather(discovery.run("T1"), discovery.run("T2"))
    assert list(discovery.batches) == [["T1", "T2"]]  # together first, then one by one after the failure
    assert t1.outcome == "failed" and "disk full" in (t1.error or "")
    assert t2.outcome == "done"
    # What the failed batch read for T2 stayed recorded (one transaction per page): not read again.
    assert ok.hits("/news/0") == 1
    assert [b.source_url for b in await store.call(list_backlinks, "T2", "site-t2.nl")] == ["http://heel-nieuws.nl/news/0"]
    view = await store.call(load_settings_view, "T1", now=now, lang="en")
    assert "Last search:" in view and "failed; it is tried again next week" in view and "disk full" in view


async def test_interrupted_run_is_resumed_by_the_sweep_without_refetching(local_web: LocalWeb, store: Store) -> None:
    now = datetime.now(UTC)
    host = await news_host(local_web, "nieuws-stad.nl", "mysite.nl", pages=3)
    release = asyncio.Event()

    async def slow(request: Any) -> Any:
        from aiohttp import web

        await release.wait()
        return web.Response(text="<p>traag</p>", content_type="text/html")

    host.handle("/news/2", slow)
    await store.call(track, "T1", "mysite.nl", ["nieuws-stad.nl"], created=now)
    async with local_web.fetcher(max_retries=0, total_timeout=20) as fetcher:

        async def get_fetcher() -> Any:
            return fetcher

        def make() -> DigestScheduler:
            clock = FixedClock(now)
            runner = DigestRunner(store, client_for=no_client, clock=clock, instance="A")
            discovery = ScheduledDiscovery(store, get_fetcher, options=FAST, clock=clock, gather_delay=0.01)
            return DigestScheduler(store, runner, discovery=discovery)

        first = make()
        await first.start(catch_up=False)
        job = first.scheduler.get_job("discover:T1")
        job.modify(next_run_time=datetime.now(UTC))
        first.scheduler.wakeup()
        await wait_until(lambda: _true(host.hits("/news/2") == 1))
        await first.shutdown()  # the bot stops mid-crawl
        state = await store.call(discovery_schedule_repo.get_state, "T1")
        assert state.last_outcome == "interrupted"
        view = await store.call(load_settings_view, "T1", now=now, lang="en")
        assert "interrupted; it continues where it stopped, 2 pages read, 1 new links" in view
        assert await store.call(discovery_schedule_repo.unfinished_scheduled) == ["T1"]

        release.set()
        second = make()
        await second.start(catch_up=False)
        try:
            assert await second.discovery_sweep() == ["T1"]  # resumed at start, not a week later

            async def done() -> bool:
                return (await store.call(discovery_schedule_repo.get_state, "T1")).last_outcome == "done"

            await wait_until(done)
            assert await second.discovery_sweep() == []  # done: nothing more until its slot
        finally:
            await second.shutdown()
    from storage.discover_repo import last_run

    run = await store.call(last_run, "T1", "*")
    assert run.state == "done" and run.resumed == 1
    assert host.hits("/news/0") == 1 and host.hits("/news/1") == 1  # fetched before the stop, not again
    assert host.hits("/news/2") == 2


async def test_switched_off_workspace_is_not_crawled_and_a_recheck_waits_for_discovery(local_web: LocalWeb, store: Store) -> None:
    from handlers.digest import DigestCommand, apply_digest_command, confirmation, parse_digest_args

    now = datetime.now(UTC)
    host = await news_host(local_web, "nieuws-stad.nl", "mysite.nl")
    await store.call(track, "T1", "mysite.nl", ["nieuws-stad.nl"], created=now)
    assert parse_digest_args(["discovery", "off"]) == DigestCommand("discovery", flag=False)
    assert parse_digest_args(["ontdekken", "aan"], "nl") == DigestCommand("discovery", flag=True)
    settings = await store.call(
        lambda db: apply_digest_command(db, "T1", DigestCommand("discovery", flag=False), now=now, lang="nl")
    )
    assert "staat uit" in confirmation(DigestCommand("discovery", flag=False), settings, "nl")
    assert settings.updated_at == digest_repo.iso(now)  # not a digest change: a failed week is not retried for it
    view = await store.call(load_settings_view, "T1", now=now, lang="en")
    assert "(discovery): off" in view
    order: list[str] = []
    async with local_web.fetcher(max_retries=0) as fetcher:

        async def get_fetcher() -> Any:
            order.append("fetcher")
            return fetcher

        clock = FixedClock(now)
        discovery = ScheduledDiscovery(store, get_fetcher, options=FAST, clock=clock, gather_delay=0.05)
        assert (await discovery.run("T1")).outcome == "off"
        assert host.requests == [] and order == []

        # On again; a weekly recheck firing while the discovery is still going waits for it.
        await store.call(lambda db: apply_digest_command(db, "T1", DigestCommand("discovery", flag=True), now=now, lang="en"))

        async def recheck(team_id: str, domain: str, *, light: bool = False) -> None:
            order.append(f"recheck {domain}")

        runner = DigestRunner(store, client_for=no_client, clock=clock, instance="A")
        scheduler = DigestScheduler(store, runner, recheck=recheck, discovery=discovery)
        running = asyncio.create_task(scheduler.run_discovery("T1"))
        await asyncio.sleep(0.01)
        await scheduler.run_recheck("T1", "mysite.nl")
        assert (await running).outcome == "done"
    assert order == ["fetcher", "recheck mysite.nl"]


async def test_a_batch_is_capped_and_the_rest_follows(local_web: LocalWeb, store: Store) -> None:
    now = datetime.now(UTC)
    for team in ("T1", "T2", "T3"):
        await news_host(local_web, f"nieuws-{team.lower()}.nl", f"site-{team.lower()}.nl")
        await store.call(track, team, f"site-{team.lower()}.nl", [f"nieuws-{team.lower()}.nl"], created=now)
    async with local_web.fetcher(max_retries=0) as fetcher:

        async def get_fetcher() -> Any:
            return fetcher

        discovery = ScheduledDiscovery(store, get_fetcher, options=FAST, clock=FixedClock(now), gather_delay=0.05, max_batch=2)
        outcomes = await asyncio.gather(*(discovery.run(team) for team in ("T1", "T2", "T3")))
    assert list(discovery.batches) == [["T1", "T2"], ["T3"]]
    assert [(o.outcome, o.links) for o in outcomes] == [("done", 1)] * 3
    assert discovery.in_progress("T1") is None
