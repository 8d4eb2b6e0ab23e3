"""Recheck (the real check engine on a local web) ahead of the digest, then the digest in Slack."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import AsyncIterator
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.scheduler.jobs import DigestScheduler
from bot.scheduler.runner import DigestRunner, FixedClock
from bot.scheduler.service import check_recheck
from storage import digest_repo
from storage.store import Store
from tests.check.helpers import article, seed
from tests.digest.fake import DigestFakeSlack
from tests.fakeslack import Channel
from tests.localweb import LocalWeb

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store(tmp_path / "int.db").open()
    yield s
    await s.aclose()


async def test_scheduled_rechecks_feed_the_digest(local_web: LocalWeb, store: Store) -> None:
    hosts = {name: await local_web.add_host(name) for name in ("keeps.nl", "drops.nl", "wall.nl")}
    for host in hosts.values():
        host.page("/post", article())
    await store.call(seed, "T1", "site.nl", [h.url("/post") for h in hosts.values()])
    await store.call(lambda db: db.execute("UPDATE sites SET channel_id = 'CSEO'"))
    now = datetime.now(timezone.utc).replace(microsecond=0)
    slot_local = (now + timedelta(hours=2)).astimezone(AMS)
    await store.call(
        lambda db: digest_repo.update_settings(
            db, "T1", now=now - timedelta(days=1), weekday=slot_local.weekday(), time=slot_local.strftime("%H:%M"), tz="Europe/Amsterdam"
        )
    )
    # The site was tracked before the slot: make it so for the test (add_site used the real time).
    await store.call(lambda db: db.execute("UPDATE sites SET created_at = ?", [digest_repo.iso(now - timedelta(days=1))]))

    async with local_web.fetcher(max_retries=0) as fetcher, DigestFakeSlack() as slack:
        slack.add_channel("T1", Channel("CSEO", name="seo"))

        async def get_fetcher():  # type: ignore[no-untyped-def]
            return fetcher

        ctx = SimpleNamespace(store=store, get_fetcher=get_fetcher, running_checks={})
        recheck = check_recheck(ctx)

        async def client_for(team_id: str) -> AsyncWebClient:
            return AsyncWebClient(token=slack.teams[team_id].bot_token, base_url=slack.api_url)

        runner = DigestRunner(store, client_for=client_for, clock=FixedClock(now + timedelta(hours=2, minutes=1)), instance="A", charts=False)
        scheduler = DigestScheduler(store, runner, recheck=recheck)
        # Three weekly rechecks (the jobs' bodies): baseline, then the link is removed twice in a row.
        await scheduler.run_recheck("T1", "site.nl")
        # That baseline was last week's recheck (move its events back 8 days).
        await store.call(lambda db: db.execute("UPDATE events SET at = ?", [digest_repo.iso(now - timedelta(days=8))]))
        hosts["drops.nl"].page("/post", article(None))
        hosts["wall.nl"].status("/post", 403, body="<h1>Checking your browser</h1>")
        await scheduler.run_recheck("T1", "site.nl")
        await scheduler.run_recheck("T1", "site.nl", light=True)
        checks = await store.call(lambda db: db.execute("SELECT trigger, state FROM checks").fetchall())
        assert checks == [("schedule", "done")] * 3

        await scheduler.run_digest("T1")
        [msg] = slack.digests("T1")
        text = json.dumps(msg.blocks, ensure_ascii=False)
        assert "+0* new, *-1* lost" in text
        assert "drops.nl" in text and "the page is still there but the link was removed" in text
        assert "wall.nl" not in text.split("Lost links")[-1]  # a bot wall is not a loss
        assert msg.channel == "CSEO"
