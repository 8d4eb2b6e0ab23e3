"""QA findings on the Slack surface, end to end: fake Slack + the real Bolt app + store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import AsyncIterator

import pytest

from bot.slack.runner import Running
from tests.fakeslack import FakeSlack
from tests.slack.conftest import settle, start_bot


@pytest.fixture
async def qbot(slack: FakeSlack, tmp_path: Path) -> AsyncIterator[Running]:
    running = await start_bot(slack, tmp_path)
    try:
        yield running
    finally:
        await running.stop()


async def say(slack: FakeSlack, text: str, **kw) -> str:  # type: ignore[no-untyped-def]
    before = len(slack.responses)
    await slack.slash(text, **kw)
    await slack.wait_for(lambda: len(slack.responses) > before)
    r = slack.responses[-1]
    return r["text"] + "\n" + json.dumps(r.get("blocks") or [], ensure_ascii=False)


async def test_dutch_user_gets_dutch_errors_with_slack_syntax(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mijnsite.nl", user="U2")  # U2 has locale nl-NL
    text = await say(slack, "gap mijnsite.nl", user="U2")
    assert ":warning:" in text and "nog geen concurrenten" in text
    assert "/backlinks track CONCURRENT competitor-of mijnsite.nl" in text
    assert "--competitor-of" not in text and "has no competitors" not in text
    text = await say(slack, "compare mijnsite.nl", user="U1")
    assert "has no competitors to compare with yet" in text and "/backlinks track COMPETITOR competitor-of mijnsite.nl" in text


async def test_never_checked_competitor_is_named_in_slack(slack: FakeSlack, qbot: Running) -> None:
    from storage.sites import add_site
    from tests.compare.helpers import L, put_links

    def build(db) -> None:  # type: ignore[no-untyped-def]
        add_site(db, "T1", "mysite.nl")
        add_site(db, "T1", "rival.nl", competitor_of="mysite.nl")
        put_links(db, "T1", "mysite.nl", [L("http://blog.nl/a")])
        put_links(db, "T1", "rival.nl", [L("http://gem.nl/1", status="pending")])

    await qbot.ctx.store.call(build)
    text = await say(slack, "gap mysite.nl", user="U2")
    assert "rival.nl is nog niet gecontroleerd" in text and "/backlinks check rival.nl" in text
    assert "Geen linkgat" not in text


async def test_dutch_user_gets_dutch_import_errors(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mijnsite.nl", user="U2")
    await say(slack, "import mijnsite.nl", user="U2")
    f = slack.upload_file("T1", "vakantie.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, user="U2")
    await slack.event({"type": "message", "subtype": "file_share", "channel": "DU2", "channel_type": "im", "user": "U2",
                       "text": "", "files": [f], "ts": "1.2"})
    await slack.wait_for(lambda: [m for m in slack.posted(channel="DU2") if "niet importeren" in m.text])
    await settle(qbot, slack)
    [msg] = [m for m in slack.posted(channel="DU2") if "niet importeren" in m.text]
    assert "geen backlink-export maar een PNG-afbeelding" in msg.text


def test_error_text_sets_slack_syntax_escapes_and_cuts() -> None:
    from bot.errors import NotFoundError, UserInputError
    from bot.slack.blocks import error_text
    from bot.slack.files import DownloadError

    err = NotFoundError.keyed("compare.no_competitors", site="a.nl", cmd="backlinks", competitor_of="--competitor-of")
    assert "backlinks track COMPETITOR --competitor-of a.nl" in str(err)  # the CLI keeps its syntax
    assert "/backlinks track CONCURRENT competitor-of a.nl" in error_text(err, "nl")
    plain = UserInputError("x" * 5000 + " <b>")
    shown = error_text(plain, "nl")
    assert len(shown) <= 600 and "<b>" not in shown
    assert error_text(UserInputError("a < b & c"), "en") == "a &lt; b &amp; c"
    down = DownloadError("slack.file.too_large", mb=50)
    assert str(down) == "the file is larger than 50 MB." and error_text(down, "nl") == "het bestand is groter dan 50 MB."


async def test_toxic_mark_in_slack_refuses_a_stranger_unless_forced(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mysite.nl")
    text = await say(slack, "toxic mark mysite.nl vreemd.nl disavow", user="U2")
    assert "vreemd.nl heeft geen bekende link naar mysite.nl" in text
    text = await say(slack, "toxic mark mysite.nl vreemd.nl disavow --force spam", user="U1")
    assert "vreemd.nl marked disavow for mysite.nl" in text


async def test_untrack_asks_with_a_confirm_dialog_before_deleting_history(slack: FakeSlack, qbot: Running) -> None:
    from storage.backlinks import NewBacklink, add_backlinks
    from storage.sites import get_site

    await say(slack, "track mijnsite.nl", user="U2")
    await qbot.ctx.store.call(add_backlinks, "T1", "mijnsite.nl", [NewBacklink("https://blog.nl/a", "https://mijnsite.nl/")], found_by="manual")
    text = await say(slack, "untrack mijnsite.nl", user="U2")
    assert "Stoppen met *mijnsite.nl* volgen?" in text and "1 backlink" in text
    blocks = slack.responses[-1]["blocks"]
    [row] = [b for b in blocks if b["type"] == "actions"]
    delete, keep = row["elements"]
    assert delete["action_id"] == "untrack_confirm" and delete["style"] == "danger" and delete["value"] == "mijnsite.nl"
    assert delete["confirm"]["title"]["text"] == "Geschiedenis wissen?" and delete["confirm"]["confirm"]["text"] == "Ja, wissen"
    assert await qbot.ctx.store.call(get_site, "T1", "mijnsite.nl") is not None  # nothing deleted yet
    await slack.action("untrack_cancel", "mijnsite.nl", user="U2")
    await slack.wait_for(lambda: "Niets gewist" in slack.responses[-1]["text"])
    assert slack.responses[-1].get("replace_original") in (True, "true")
    assert await qbot.ctx.store.call(get_site, "T1", "mijnsite.nl") is not None
    await slack.action("untrack_confirm", "mijnsite.nl", user="U2")
    await slack.wait_for(lambda: "niet meer" in slack.responses[-1]["text"])
    assert await qbot.ctx.store.call(get_site, "T1", "mijnsite.nl") is None


def test_fake_slack_checks_confirm_objects() -> None:
    from tests.fakeslack.blockkit import validate_blocks

    good = {"title": {"type": "plain_text", "text": "Sure?"}, "text": {"type": "mrkdwn", "text": "x"},
            "confirm": {"type": "plain_text", "text": "Yes"}, "deny": {"type": "plain_text", "text": "No"}}
    block = {"type": "actions", "elements": [{"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "b"}, "confirm": good}]}
    assert validate_blocks([block], 50) == []
    bad = {**good, "deny": {"type": "plain_text", "text": "n" * 31}}
    block["elements"][0]["confirm"] = bad
    assert validate_blocks([block], 50)


async def test_run_does_not_log_the_bolt_token_warning(slack: FakeSlack, tmp_path: Path, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    """Bolt reads SLACK_BOT_TOKEN from the environment itself; with the token set (as at `backlinks run`)
    and our client given, it used to warn that the token is unused."""
    import logging

    monkeypatch.setenv("SLACK_BOT_TOKEN", slack.teams["T1"].bot_token)
    caplog.set_level(logging.INFO)
    running = await start_bot(slack, tmp_path)
    try:
        assert await say(slack, "help")
    finally:
        await running.stop()
    assert not [r for r in caplog.records if "will be unused" in r.getMessage()]
    assert not [r for r in caplog.records if r.name.startswith("slack_bolt") and r.levelno >= logging.WARNING]


async def test_store_errors_in_slack_are_dutch_with_the_slash_command(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mijnsite.nl", user="U2")
    for command in ("check nope.nl", "export nope.nl", "compare nope.nl", "anchors nope.nl"):
        text = await say(slack, command, user="U2")
        assert "nope.nl wordt in deze werkruimte niet gevolgd; begin met: /backlinks track nope.nl" in text, (command, text)
    text = await say(slack, "check nope.nl", user="U1")
    assert "nope.nl is not tracked in this workspace; start with: /backlinks track nope.nl" in text


async def test_idn_sites_are_shown_in_unicode(slack: FakeSlack, qbot: Running) -> None:
    text = await say(slack, "track bücher.de")
    assert "*bücher.de*" in text
    text = await say(slack, "sites")
    assert "bücher.de" in text and "xn--bcher-kva.de" not in text.split("\n")[0]
    text = await say(slack, "untrack bücher.de")
    assert "*bücher.de*" in text and '"value": "xn--bcher-kva.de"' in text  # the button carries the key


async def test_tracking_a_competitor_again_says_it_stays_one_and_own_promotes_it(slack: FakeSlack, qbot: Running) -> None:
    from storage.sites import get_site

    await say(slack, "track mysite.nl")
    assert "competitor of *mysite.nl*" in await say(slack, "track rival.nl competitor-of mysite.nl")
    text = await say(slack, "track rival.nl", user="U2")
    assert "*rival.nl* blijft een concurrent van mysite.nl" in text and "`/backlinks track rival.nl own`" in text
    assert (await qbot.ctx.store.call(get_site, "T1", "rival.nl")).role == "competitor"
    text = await say(slack, "track rival.nl own")
    assert "rival.nl" in text and "stays a competitor" not in text
    assert (await qbot.ctx.store.call(get_site, "T1", "rival.nl")).role == "own"
    text = await say(slack, "track mysite.nl competitor-of rival.nl")  # not both ways round
    assert "two sites cannot be each other's competitors" in text


async def test_a_very_long_unknown_word_is_echoed_cut(slack: FakeSlack, qbot: Running) -> None:
    text = await say(slack, "x" * 5000)
    assert "x" * 39 in text and "x" * 41 not in text and "…" in text
