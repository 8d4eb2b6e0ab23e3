"""Foundation: Socket Mode connection, ack time, help, corrections, language, config errors."""

from __future__ import annotations

import json

import pytest

from bot.config import Settings
from bot.errors import ConfigError
from bot.slack.runner import check_config, start
from tests.fakeslack import FakeSlack, User
from tests.slack.conftest import bot_settings


def last_response(slack: FakeSlack) -> str:
    r = slack.responses[-1]
    return r["text"] + json.dumps(r.get("blocks") or [], ensure_ascii=False)


async def test_connects_over_socket_mode_via_api_url(slack: FakeSlack, bot) -> None:
    assert slack.socket_connections == 1
    opens = slack.calls_to("apps.connections.open")
    assert len(opens) == 1 and opens[0].token == slack.app_token
    assert slack.calls_to("auth.test")  # bot token verified at start


async def test_help_acks_fast_and_lists_commands(slack: FakeSlack, bot) -> None:
    ack = await slack.slash("help")
    assert ack.elapsed < 3
    await slack.wait_for(lambda: slack.responses)
    text = last_response(slack)
    for word in ("track", "untrack", "sites", "add", "import", "check", "export", "lang", "faq"):
        assert f"/backlinks {word}" in text
    assert slack.responses[-1]["response_type"] == "ephemeral"


async def test_empty_command_shows_help(slack: FakeSlack, bot) -> None:
    await slack.slash("")
    await slack.wait_for(lambda: slack.responses)
    assert "/backlinks track" in last_response(slack)


async def test_unknown_subcommand_gets_correction_with_suggestion(slack: FakeSlack, bot) -> None:
    await slack.slash("chekc mysite.nl")
    await slack.wait_for(lambda: slack.responses)
    assert "/backlinks check" in slack.responses[-1]["text"]
    assert slack.responses[-1]["response_type"] == "ephemeral"


async def test_bad_arguments_get_usage_example(slack: FakeSlack, bot) -> None:
    await slack.slash("track")
    await slack.wait_for(lambda: slack.responses)
    assert "/backlinks track mysite.nl" in last_response(slack)


async def test_language_from_slack_locale_then_setting(slack: FakeSlack, bot) -> None:
    await slack.slash("help", user="U2")  # U2 has locale nl-NL
    await slack.wait_for(lambda: slack.responses)
    assert "Backlinks: wat ik kan" in last_response(slack)
    infos = slack.calls_to("users.info")
    assert infos and infos[-1].params.get("include_locale") in (True, "true", "1", "True")
    await slack.slash("lang en", user="U2")
    await slack.wait_for(lambda: len(slack.responses) == 2)
    assert "English" in slack.responses[-1]["text"]
    await slack.slash("help", user="U2")
    await slack.wait_for(lambda: len(slack.responses) == 3)
    assert "what I can do" in last_response(slack)
    await slack.slash("lang nl", user="U1")
    await slack.wait_for(lambda: len(slack.responses) == 4)
    assert "Nederlands" in slack.responses[-1]["text"]
    await slack.slash("lang fr", user="U1")
    await slack.wait_for(lambda: len(slack.responses) == 5)
    assert "/backlinks lang nl" in last_response(slack)


async def test_locale_is_looked_up_once_per_user(slack: FakeSlack, bot) -> None:
    for i in range(3):
        await slack.slash("help", user="U2")
    await slack.wait_for(lambda: len(slack.responses) == 3)
    assert len([c for c in slack.calls_to("users.info") if c.params.get("user") == "U2"]) == 1


@pytest.mark.parametrize(
    "overrides, variable",
    [
        (dict(slack_bot_token=None), "SLACK_BOT_TOKEN is missing"),
        (dict(slack_bot_token="xoxp-user"), "SLACK_BOT_TOKEN does not look like a bot token"),
        (dict(slack_app_token="abc"), "SLACK_APP_TOKEN does not look like"),
        (dict(slack_app_token=None, slack_signing_secret=None), "SLACK_SIGNING_SECRET is missing"),
        (dict(slack_client_id="123.456"), "SLACK_CLIENT_SECRET is missing"),
    ],
)
def test_config_errors_are_one_sentence(overrides, variable, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(**{**dict(slack_bot_token="xoxb-1", slack_app_token="xapp-1", slack_signing_secret="s"), **overrides})
    with pytest.raises(ConfigError) as err:
        check_config(settings)
    message = str(err.value)
    assert message.startswith(variable)
    assert "\n" not in message and message.endswith(".")


async def test_refused_tokens_are_one_sentence(slack: FakeSlack, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="^SLACK_BOT_TOKEN was refused by Slack \\(invalid_auth\\)"):
        await start(bot_settings(slack, tmp_path, slack_bot_token="xoxb-wrong"), port=0)
    with pytest.raises(ConfigError, match="^SLACK_APP_TOKEN was refused by Slack \\(invalid_auth\\)"):
        await start(bot_settings(slack, tmp_path, slack_app_token="xapp-wrong"), port=0)
    assert slack.socket_connections == 0


def test_cli_run_without_config_prints_one_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.cli import main

    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: SLACK_BOT_TOKEN is missing") and err.count("\n") == 1
    assert "Traceback" not in err


async def test_backlinks_run_process_serves_and_stops_cleanly_on_sigterm(slack: FakeSlack, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import asyncio
    import os
    import signal
    import sys

    env = {**os.environ, "SLACK_API_URL": slack.api_url, "SLACK_BOT_TOKEN": slack.teams["T1"].bot_token,
           "SLACK_APP_TOKEN": slack.app_token, "BACKLINKS_DB": str(tmp_path / "run.db")}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await slack.wait_connected(timeout=30)
        ack = await slack.slash("help")
        assert ack.elapsed < 3
        await slack.wait_for(lambda: slack.responses, timeout=10)
        proc.send_signal(signal.SIGTERM)
        rc = await asyncio.wait_for(proc.wait(), 15)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    err = (await proc.stderr.read()).decode()  # type: ignore[union-attr]
    assert rc == 0, err
    assert "Traceback" not in err and "shutting down" in err


async def test_startup_hooks_run_after_start_and_clean_up_at_stop(slack: FakeSlack, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from handlers import router
    from tests.slack.conftest import start_bot

    log: list[str] = []

    async def hook(app, ctx):  # type: ignore[no-untyped-def]
        log.append("started")

        async def cleanup() -> None:
            log.append("stopped")
            await ctx.store.call(lambda db: None)  # the store is still open during cleanups

        return cleanup

    def register_with_hook(app, ctx):  # type: ignore[no-untyped-def]
        from handlers import register_all

        register_all(app, ctx)
        ctx.on_startup.append(hook)

    from bot.slack.runner import start

    running = await start(bot_settings(slack, tmp_path), port=0, app_kwargs={"register": register_with_hook})
    assert log == ["started"] and "help" in router.SUBCOMMANDS
    await running.stop()
    assert log == ["started", "stopped"]
