"""Fixtures for end-to-end Slack tests: the fake Slack, and the REAL bot (runner + Bolt app + store
on a temp SQLite file) connected to it over Socket Mode (or HTTP with ``http_bot``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, AsyncIterator

import pytest

from bot.config import Settings
from bot.slack.runner import Running, start
from tests.fakeslack import FakeSlack

SIGNING_SECRET = "test-signing-secret"


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake
        assert fake.violations == [], f"invalid Slack payloads: {fake.violations}"


def bot_settings(slack: FakeSlack, tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = dict(
        db_path=str(tmp_path / "bot.db"),
        slack_bot_token=slack.teams["T1"].bot_token,
        slack_app_token=slack.app_token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.api_url,
        allow_private_networks=True,
        port=0,
    )
    values.update(overrides)
    return Settings(**values)


async def start_bot(slack: FakeSlack, tmp_path: Path, *, fetcher_factory: Any = None, progress_interval: float = 0.3,
                    post_interval: float = 0.0, **overrides: Any) -> Running:
    settings = bot_settings(slack, tmp_path, **overrides)
    running = await start(settings, host="127.0.0.1", port=0, fetcher_factory=fetcher_factory,
                          app_kwargs={"progress_interval": progress_interval, "post_interval": post_interval})
    if settings.slack_app_token:
        await slack.wait_connected()
    return running


@pytest.fixture
async def bot(slack: FakeSlack, tmp_path: Path) -> AsyncIterator[Running]:
    running = await start_bot(slack, tmp_path)
    try:
        yield running
    finally:
        await running.stop()


async def settle(running: Running, slack: FakeSlack) -> None:
    """Wait until the bot is quiet: no background task (checks, imports) and no new Slack call for
    a few polls (a listener may still be running right after its ack)."""
    import asyncio

    stable, last = 0, -1
    while stable < 3:
        await running.ctx.wait_idle(30)
        count = len(slack.calls) + len(slack.responses)
        stable = stable + 1 if count == last else 0
        last = count
        await asyncio.sleep(0.03)
