"""HTTP mode (signed requests) and multi-workspace OAuth: two teams that never see each other's data,
and uninstall purging one team's tokens and data."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import AsyncIterator

import aiohttp
import pytest

from bot.slack.runner import Running
from storage.workspace import team_tables
from tests.fakeslack import FakeSlack, form_body, post_signed
from tests.slack.conftest import SIGNING_SECRET, settle, start_bot


@pytest.fixture
async def http_bot(slack: FakeSlack, tmp_path: Path) -> AsyncIterator[Running]:
    running = await start_bot(slack, tmp_path, slack_app_token=None)
    try:
        yield running
    finally:
        await running.stop()


def events_url(running: Running) -> str:
    return f"http://127.0.0.1:{running.port}/slack/events"


async def test_signed_slash_command_is_acked_and_answered(slack: FakeSlack, http_bot: Running) -> None:
    body = form_body(slack.slash_payload("help"))
    status, _, seconds = await post_signed(events_url(http_bot), body, SIGNING_SECRET)
    assert status == 200 and seconds < 3
    await slack.wait_for(lambda: slack.responses)
    assert "/backlinks track" in json.dumps(slack.responses[-1])


async def test_bad_signature_and_stale_timestamp_are_refused(slack: FakeSlack, http_bot: Running) -> None:
    body = form_body(slack.slash_payload("help"))
    status, _, _ = await post_signed(events_url(http_bot), body, SIGNING_SECRET, signature="v0=" + "0" * 64)
    assert status == 401
    status, _, _ = await post_signed(events_url(http_bot), body, "another-secret")
    assert status == 401
    status, _, _ = await post_signed(events_url(http_bot), body, SIGNING_SECRET, timestamp=int(time.time()) - 600)
    assert status == 401
    assert slack.responses == []


async def test_http_event_retries_are_deduplicated(slack: FakeSlack, http_bot: Running) -> None:
    payload = slack.event_payload({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"}, event_id="EvH1")
    body = json.dumps(payload)
    for retry in (None, 1, 2):
        status, _, _ = await post_signed(events_url(http_bot), body, SIGNING_SECRET, content_type="application/json", retry_num=retry)
        assert status == 200
    await settle(http_bot, slack)
    assert len(slack.calls_to("views.publish")) == 1


async def test_url_verification(slack: FakeSlack, http_bot: Running) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"})
    status, text, _ = await post_signed(events_url(http_bot), body, SIGNING_SECRET, content_type="application/json")
    assert status == 200 and "abc123" in text


# ------------------------------------------------------------------ OAuth, two workspaces


async def install(slack: FakeSlack, running: Running, team: str, user: str) -> None:
    base = f"http://127.0.0.1:{running.port}"
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/slack/install", allow_redirects=False) as resp:
            page = await resp.text()
            assert resp.status in (200, 302)
            location = resp.headers.get("Location", "") + page
        state = re.search(r"state=([A-Za-z0-9_\-]+)", location).group(1)  # type: ignore[union-attr]
        code = f"code-{team}"
        slack.oauth_codes[code] = (team, user)
        async with session.get(f"{base}/slack/oauth_redirect", params={"code": code, "state": state},
                               headers={"Cookie": f"slack-app-oauth-state={state}"}) as resp:
            assert resp.status == 200, await resp.text()


async def slash_http(slack: FakeSlack, running: Running, text: str, team: str, user: str = "U1") -> str:
    before = len(slack.responses)
    status, _, seconds = await post_signed(events_url(running), form_body(slack.slash_payload(text, team=team, user=user)), SIGNING_SECRET)
    assert status == 200 and seconds < 3
    await slack.wait_for(lambda: len(slack.responses) > before)
    r = slack.responses[-1]
    return r["text"] + json.dumps(r.get("blocks") or [])


def team_rows(db_path: str, team: str) -> int:
    from storage.db import connect

    db = connect(db_path)
    try:
        return sum(db.execute(f"SELECT COUNT(*) FROM [{t}] WHERE team_id = ?", [team]).fetchone()[0] for t in team_tables(db))
    finally:
        db.conn.close()


async def test_two_workspaces_never_see_each_other_and_uninstall_purges_one(slack: FakeSlack, tmp_path: Path) -> None:
    slack.add_team("T2", name="Team Two")
    running = await start_bot(slack, tmp_path, slack_app_token=None, slack_bot_token=None,
                              slack_client_id="111.222", slack_client_secret="client-secret")
    try:
        await install(slack, running, "T1", "U1")
        await install(slack, running, "T2", "U1")
        assert "alpha.nl" in await slash_http(slack, running, "track alpha.nl", "T1")
        await slash_http(slack, running, "add alpha.nl https://blog.example/a", "T1")
        assert "beta.nl" in await slash_http(slack, running, "track beta.nl", "T2")
        t1 = await slash_http(slack, running, "sites", "T1")
        t2 = await slash_http(slack, running, "sites", "T2")
        assert "alpha.nl" in t1 and "beta.nl" not in t1
        assert "beta.nl" in t2 and "alpha.nl" not in t2
        assert "not tracked" in (await slash_http(slack, running, "export alpha.nl", "T2")).lower() or "track" in slack.responses[-1]["text"]
        # each workspace's calls used its own bot token
        posts = [c for c in slack.calls if c.method == "auth.test"]
        assert {c.team_id for c in posts} == {"T1", "T2"}

        db_path = running.ctx.settings.db_path
        assert team_rows(db_path, "T1") > 0
        uninstall = json.dumps(slack.event_payload({"type": "app_uninstalled"}, team="T1", event_id="EvU1"))
        for retry in (None, 1):  # a retried uninstall is harmless
            status, _, _ = await post_signed(events_url(running), uninstall, SIGNING_SECRET, content_type="application/json", retry_num=retry)
            assert status == 200
        await settle(running, slack)
        assert team_rows(db_path, "T1") == 0
        assert "beta.nl" in await slash_http(slack, running, "sites", "T2")
        assert team_rows(db_path, "T2") > 0
        # T1 has no installation any more: its commands are not served, and the person is told so briefly in
        # both languages (not Bolt's English "We apologize, but for some unknown reason ...")
        before = len(slack.responses)
        status, text, _ = await post_signed(events_url(running), form_body(slack.slash_payload("sites", team="T1")), SIGNING_SECRET)
        assert status == 200 and "alpha.nl" not in text
        await slack.wait_for(lambda: len(slack.responses) > before)
        reply = slack.responses[-1]["text"]
        assert "no Backlinks installation any more; reinstall the app" in reply
        assert "geen Backlinks-installatie meer; installeer de app opnieuw" in reply
        assert "apologize" not in reply and "alpha.nl" not in reply
    finally:
        await running.stop()


async def test_tokens_revoked_purges_single_workspace_data(slack: FakeSlack, bot: Running) -> None:
    await slack.slash("track alpha.nl")
    await slack.wait_for(lambda: slack.responses)
    db_path = bot.ctx.settings.db_path
    assert team_rows(db_path, "T1") > 0
    await slack.event({"type": "tokens_revoked", "tokens": {"bot": ["UBT1"]}})
    await settle(bot, slack)
    assert team_rows(db_path, "T1") == 0


async def test_client_for_gives_each_workspace_its_own_token(slack: FakeSlack, tmp_path: Path) -> None:
    slack.add_team("T2")
    running = await start_bot(slack, tmp_path, slack_app_token=None, slack_bot_token=None,
                              slack_client_id="111.222", slack_client_secret="client-secret")
    try:
        assert await running.ctx.client_for("T2") is None
        await install(slack, running, "T2", "U1")
        client = await running.ctx.client_for("T2")
        assert client is not None and client.token == slack.teams["T2"].bot_token
        assert (await client.auth_test())["team_id"] == "T2"
    finally:
        await running.stop()


async def test_client_for_single_workspace(slack: FakeSlack, bot: Running) -> None:
    client = await bot.ctx.client_for("T1")
    assert client is not None and client.token == slack.teams["T1"].bot_token
    assert await bot.ctx.client_for("T9") is None


async def test_oauth_with_socket_mode_serves_install_pages_and_socket_events(slack: FakeSlack, tmp_path: Path) -> None:
    running = await start_bot(slack, tmp_path, slack_bot_token=None, slack_client_id="111.222", slack_client_secret="client-secret")
    try:
        assert running.port and running.socket_handler is not None
        await install(slack, running, "T1", "U1")
        ack = await slack.slash("track alpha.nl")
        assert ack.elapsed < 3
        await slack.wait_for(lambda: slack.responses)
        assert "alpha.nl" in slack.responses[-1]["text"]
    finally:
        await running.stop()
