"""Second batch of QA findings on the Slack surface: fake Slack + the real Bolt app + store."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, AsyncIterator
from unittest.mock import MagicMock

import pytest

from bot.slack.runner import Running
from handlers import router
from tests.fakeslack import FakeSlack
from tests.slack.conftest import settle, start_bot


@pytest.fixture
async def qbot(slack: FakeSlack, tmp_path: Path) -> AsyncIterator[Running]:
    running = await start_bot(slack, tmp_path)
    try:
        yield running
    finally:
        await running.stop()


async def say(slack: FakeSlack, text: str, **kw: Any) -> str:
    before = len(slack.responses)
    await slack.slash(text, **kw)
    await slack.wait_for(lambda: len(slack.responses) > before)
    r = slack.responses[-1]
    return r["text"] + "\n" + json.dumps(r.get("blocks") or [], ensure_ascii=False)


# ------------------------------------------------------------------ 1. aliases


@pytest.fixture
def clean_registry() -> Any:
    saved = dict(router.SUBCOMMANDS), dict(router.ALIASES)
    router.SUBCOMMANDS.clear()
    router.ALIASES.clear()
    yield
    router.SUBCOMMANDS.clear()
    router.ALIASES.clear()
    router.SUBCOMMANDS.update(saved[0])
    router.ALIASES.update(saved[1])


async def _noop(cmd: router.Command) -> None:
    return None


def test_a_word_registered_for_two_subcommands_fails_loudly(clean_registry: Any) -> None:
    router.register("track", _noop, aliases=("volg",))
    router.register("track", _noop, aliases=("volg",))  # the same registration again (a new bot) is fine
    with pytest.raises(router.DuplicateAlias, match="volg"):
        router.register("watch", _noop, aliases=("volg",))
    with pytest.raises(router.DuplicateAlias, match="track"):
        router.register("follow", _noop, aliases=("track",))  # an alias may not shadow a name
    with pytest.raises(router.DuplicateAlias):
        router.register("volg", _noop)  # nor a name an alias
    assert router.ALIASES == {"volg": "track"} and set(router.SUBCOMMANDS) == {"track"}


def test_every_real_alias_means_one_subcommand(clean_registry: Any) -> None:
    import handlers

    handlers.register_all(MagicMock(), MagicMock())  # raises DuplicateAlias on a clash
    assert router.ALIASES["volg"] == "track" and router.ALIASES["bewaak"] == "watch"
    assert not set(router.ALIASES) & set(router.SUBCOMMANDS)


async def test_dutch_volg_tracks_and_bewaak_watches(slack: FakeSlack, qbot: Running) -> None:
    assert "Ik volg nu *mijnsite.nl*" in await say(slack, "volg mijnsite.nl", user="U2")
    assert "/backlinks watch list SITE" in await say(slack, "bewaak mijnsite.nl", user="U2")


# ------------------------------------------------------------------ 3. private files for private answers


async def test_files_of_ephemeral_answers_go_to_the_users_dm(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mysite.nl", user="U2")
    await say(slack, "add mysite.nl https://casino-spam.biz/p", user="U2")
    await say(slack, "toxic mark mysite.nl casino-spam.biz disavow", user="U2")
    await slack.slash("disavow mysite.nl", user="U2", channel="C1")
    await settle(qbot, slack)
    [f] = [f for f in slack.files.values() if f.completed]
    assert f.channels == ["DU2"] and f.name == "disavow-mysite.nl.txt"
    assert slack.posted(channel="C1") == []


async def test_a_private_upload_running_at_shutdown_is_cancelled_cleanly(
        slack: FakeSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.slack import files

    started = asyncio.Event()
    cancelled = asyncio.Event()

    async def slow_upload(*args: Any, **kwargs: Any) -> None:
        started.set()
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    monkeypatch.setattr(files, "upload", slow_upload)
    running = await start_bot(slack, tmp_path)
    try:
        await say(slack, "track mysite.nl")
        await say(slack, "add mysite.nl https://casino-spam.biz/p")
        await say(slack, "toxic mark mysite.nl casino-spam.biz disavow")
        await slack.slash("disavow mysite.nl")
        await asyncio.wait_for(started.wait(), 10)
        assert [t for t in running.ctx.tasks if (t.get_name() or "").startswith("upload:")]
    finally:
        await asyncio.wait_for(running.stop(), 10)
    assert cancelled.is_set() and not running.ctx.tasks
