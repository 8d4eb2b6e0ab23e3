"""FAQ surfaces, Events API retry dedupe, rate limits, channel fallbacks, pacing, shutdown."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

from bot.slack.runner import Running
from tests.fakeslack import Channel, FakeSlack
from tests.slack.conftest import settle, start_bot


def rtext(slack: FakeSlack, i: int = -1) -> str:
    r = slack.responses[i]
    return r["text"] + json.dumps(r.get("blocks") or [], ensure_ascii=False)


async def test_faq_subcommand_and_bare_question(slack: FakeSlack, bot: Running) -> None:
    await slack.slash("faq is a nofollow link worth anything?")
    await slack.wait_for(lambda: slack.responses)
    first = slack.responses[-1]
    assert "nofollow" in first["text"].lower()
    related = [b for b in first["blocks"] if b["type"] == "actions"]
    assert related and related[0]["elements"][0]["action_id"] == "faq_related_0"
    # a question that is not a subcommand goes to the desk, in the language it is written in
    await slack.slash("is een nofollow link nog iets waard?")
    await slack.wait_for(lambda: len(slack.responses) == 2)
    assert slack.responses[-1]["text"] != first["text"]
    assert any(w in slack.responses[-1]["text"].lower() for w in (" een ", " de ", " het "))


async def test_unanswered_questions_are_recorded_and_listed_for_admins(slack: FakeSlack, bot: Running) -> None:
    await slack.slash("faq wat wordt het weer morgen in Utrecht?", user="U2")
    await slack.wait_for(lambda: slack.responses)
    await slack.slash("faq unanswered", user="U2")  # not an admin
    await slack.wait_for(lambda: len(slack.responses) == 2)
    assert "admins" in rtext(slack) or "beheerders" in rtext(slack)
    await slack.slash("faq unanswered", user="U1")  # admin
    await slack.wait_for(lambda: len(slack.responses) == 3)
    assert "weer morgen in Utrecht" in rtext(slack)


async def test_dm_question_and_dm_command(slack: FakeSlack, bot: Running) -> None:
    await slack.event({"type": "message", "channel": "DU2", "channel_type": "im", "user": "U2", "text": "hoe lang duurt het voordat een nieuwe backlink effect heeft?", "ts": "5.1"})
    await slack.wait_for(lambda: slack.posted(channel="DU2"))
    await slack.event({"type": "message", "channel": "DU2", "channel_type": "im", "user": "U2", "text": "track mysite.nl", "ts": "5.2"})
    await slack.wait_for(lambda: len(slack.posted(channel="DU2")) == 2)
    assert "mysite.nl" in slack.posted(channel="DU2")[-1].text
    # the bot's own messages are ignored
    await slack.event({"type": "message", "channel": "DU2", "channel_type": "im", "user": "UBT1", "bot_id": "BT1", "text": "hi", "ts": "5.3"})
    await asyncio.sleep(0.2)
    assert len(slack.posted(channel="DU2")) == 2


async def test_mention_answers_in_thread_and_related_button(slack: FakeSlack, bot: Running) -> None:
    await slack.event({"type": "app_mention", "channel": "C1", "user": "U1", "text": "<@UBT1> is a nofollow link worth anything?", "ts": "7.7"})
    await slack.wait_for(lambda: slack.posted(channel="C1"))
    [answer] = slack.posted(channel="C1")
    assert answer.thread_ts == "7.7"
    topic = [b for b in answer.blocks if b["type"] == "actions"][0]["elements"][0]["value"]
    payload = slack.action_payload("faq_related_0", topic, channel="C1", message_ts=answer.ts)
    payload["container"]["thread_ts"] = "7.7"
    await slack.send_envelope("interactive", payload)
    await slack.wait_for(lambda: len(slack.posted(channel="C1")) == 2)
    assert slack.posted(channel="C1")[-1].thread_ts == "7.7"


async def test_events_api_retries_never_duplicate_work(slack: FakeSlack, bot: Running) -> None:
    event = {"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"}
    await slack.event(event, event_id="Ev1")
    await slack.wait_for(lambda: slack.calls_to("views.publish"))
    for attempt in (1, 2):
        ack = await slack.event(event, event_id="Ev1", retry_attempt=attempt, retry_reason="timeout")
        assert ack.elapsed < 3
    await slack.event(event, event_id="Ev2")
    await slack.wait_for(lambda: len(slack.calls_to("views.publish")) == 2)
    await asyncio.sleep(0.2)
    assert len(slack.calls_to("views.publish")) == 2


async def test_rate_limited_post_is_retried_after_retry_after(slack: FakeSlack, bot: Running) -> None:
    slack.rate_limit("chat.postMessage", times=1, retry_after=1)
    start = time.monotonic()
    await slack.event({"type": "message", "channel": "DU1", "channel_type": "im", "user": "U1", "text": "track mysite.nl", "ts": "1.1"})
    await slack.wait_for(lambda: slack.posted(channel="DU1"), timeout=10)
    posts = slack.calls_to("chat.postMessage")
    assert [c.status for c in posts] == [429, 200]
    assert posts[1].at - posts[0].at >= 0.9
    assert time.monotonic() - start < 5


async def test_not_in_channel_falls_back_to_dm(slack: FakeSlack, bot: Running) -> None:
    slack.add_channel("T1", Channel("C5", is_member=False))
    await slack.slash("track mysite.nl")
    await slack.wait_for(lambda: slack.responses)
    await slack.slash("check mysite.nl", channel="C5")  # no links: quick
    await settle(bot, slack)
    [dm] = slack.posted(channel="DU1")
    assert "not a member" in json.dumps(dm.versions[0]["blocks"])
    assert "direct messages" in slack.responses[-1]["text"]  # the user is told where the result is
    assert "/backlinks import mysite.nl" in json.dumps(dm.versions[-1]["blocks"])


async def test_posts_are_paced_per_channel(slack: FakeSlack, tmp_path: Path) -> None:
    running = await start_bot(slack, tmp_path, post_interval=0.3)
    try:
        for i in range(3):
            await slack.event({"type": "message", "channel": "DU1", "channel_type": "im", "user": "U1", "text": f"track site{i}.nl", "ts": f"1.{i}"})
        await slack.event({"type": "message", "channel": "DU2", "channel_type": "im", "user": "U2", "text": "track other.nl", "ts": "2.1"})
        await slack.wait_for(lambda: len(slack.calls_to("chat.postMessage")) == 4)
        at = sorted(c.at for c in slack.calls_to("chat.postMessage") if c.params.get("channel") == "DU1")
        assert all(b - a >= 0.2 for a, b in zip(at, at[1:]))  # 0.3 s apart when sent; arrival jitters a little
    finally:
        await running.stop()


async def test_shutdown_cancels_running_check_and_says_so(slack: FakeSlack, tmp_path: Path) -> None:
    from tests.localweb import LocalWeb

    async with LocalWeb() as web:
        blog = await web.add_host("blog.example")
        blog.page("/slow", "<a href='https://mysite.nl/'>x</a>", delay=5)
        running = await start_bot(slack, tmp_path, fetcher_factory=lambda: web.fetcher(max_retries=0))
        await slack.slash("track mysite.nl")
        await slack.wait_for(lambda: len(slack.responses) == 1)
        await slack.slash("add mysite.nl " + blog.url("/slow"))
        await slack.wait_for(lambda: len(slack.responses) == 2)
        await slack.slash("check mysite.nl")
        await slack.wait_for(lambda: running.ctx.running_checks)
        start = time.monotonic()
        await running.stop()
        assert time.monotonic() - start < 3
        assert not running.ctx.tasks
        assert "interrupted" in slack.posted()[-1].text


async def test_bare_topic_goes_to_desk_and_nonsense_gets_correction(slack: FakeSlack, bot: Running) -> None:
    await slack.slash("pbn")
    await slack.wait_for(lambda: slack.responses)
    assert "I don't know" not in slack.responses[-1]["text"]
    await slack.slash("frobnicate")
    await slack.wait_for(lambda: len(slack.responses) == 2)
    assert "I don't know `frobnicate`" in slack.responses[-1]["text"] and "/backlinks help" in slack.responses[-1]["text"]


async def test_rate_limited_upload_and_update_are_retried(slack: FakeSlack, bot: Running) -> None:
    await slack.slash("track mysite.nl")
    await slack.wait_for(lambda: len(slack.responses) == 1)
    await slack.slash("add mysite.nl https://blog.example/a")
    await slack.wait_for(lambda: len(slack.responses) == 2)
    slack.rate_limit("files.completeUploadExternal", times=1, retry_after=1)
    slack.rate_limit("files.getUploadURLExternal", times=1, retry_after=1)
    await slack.slash("export mysite.nl")
    await slack.wait_for(lambda: [f for f in slack.files.values() if f.completed], timeout=10)
    assert [c.status for c in slack.calls_to("files.completeUploadExternal")] == [429, 200]


async def test_result_is_posted_anew_when_the_progress_message_is_gone(slack: FakeSlack, bot: Running) -> None:
    await slack.slash("track mysite.nl")
    await slack.wait_for(lambda: slack.responses)
    slack.fail("chat.update", "message_not_found", times=5)
    await slack.slash("check mysite.nl")
    await slack.wait_for(lambda: len(slack.posted(channel="C1")) == 2)
    assert "/backlinks import mysite.nl" in json.dumps(slack.posted(channel="C1")[-1].blocks)


async def test_event_dedupe_survives_a_restart_and_a_busy_store_does_not_hold_acks(slack: FakeSlack, tmp_path: Path) -> None:
    event = {"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"}
    running = await start_bot(slack, tmp_path)
    try:
        await slack.event(event, event_id="EvR")
        await slack.wait_for(lambda: slack.calls_to("views.publish"))
    finally:
        await running.stop()
    running = await start_bot(slack, tmp_path)  # same database, empty memory
    try:
        await slack.event(event, event_id="EvR", retry_attempt=1)
        await settle(running, slack)
        assert len(slack.calls_to("views.publish")) == 1
        # the store thread busy for 3 s (a big import, say): a new event is still acked fast
        busy = asyncio.ensure_future(running.ctx.store.call(lambda db: time.sleep(3)))
        await asyncio.sleep(0.05)
        ack = await slack.event(event, event_id="EvBusy")
        assert ack.elapsed < 2
        await busy
        await settle(running, slack)
        assert len(slack.calls_to("views.publish")) == 2
    finally:
        await running.stop()
