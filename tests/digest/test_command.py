"""``/backlinks digest ...``: the pure parser, applying it, the settings text, and end to end in Slack."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import AsyncIterator

import pytest

from bot.errors import UserInputError
from bot.scheduler import ledger
from handlers.digest import DigestCommand, apply_digest_command, load_settings_view, parse_digest_args
from storage import digest_repo
from storage.db import connect
from tests.digest.fake import DigestFakeSlack
from tests.digest.history import add_event, add_link
from tests.fakeslack import Channel

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", DigestCommand("settings")),
        ("settings", DigestCommand("settings")),
        ("instellingen", DigestCommand("settings")),
        ("on", DigestCommand("on")),
        ("uit", DigestCommand("off")),
        ("now", DigestCommand("now")),
        ("monday 09:00", DigestCommand("schedule", weekday=0, time="09:00")),
        ("vrijdag 8.30", DigestCommand("schedule", weekday=4, time="08:30")),
        ("wed", DigestCommand("schedule", weekday=2)),
        ("7:05", DigestCommand("schedule", time="07:05")),
        ("<#C0123|seo>", DigestCommand("channel", channel="C0123")),
        ("target 3", DigestCommand("target", target=(3, 3))),
        ("doel 4-2", DigestCommand("target", target=(2, 4))),
        ("daily on", DigestCommand("daily", flag=True)),
        ("dagelijks uit", DigestCommand("daily", flag=False)),
        ("tz Asia/Tokyo", DigestCommand("tz", tz="Asia/Tokyo")),
    ],
)
def test_parse(text: str, expected: DigestCommand) -> None:
    assert parse_digest_args(text.split()) == expected


@pytest.mark.parametrize("text, word", [("monday 25:00", "25:00"), ("target lots", "target"), ("tz Mars/Base", "Mars/Base"), ("sometimes", "digest on")])
def test_parse_errors_are_one_friendly_sentence(text: str, word: str) -> None:
    with pytest.raises(UserInputError) as err:
        parse_digest_args(text.split(), "en")
    assert word in str(err.value)
    with pytest.raises(UserInputError) as err:
        parse_digest_args(text.split(), "nl")
    assert str(err.value) != ""


def test_apply_and_settings_text(tmp_path: Path) -> None:
    db = connect(tmp_path / "c.db")
    from tests.digest.history import make_site

    site = make_site(db, "T1", "mysite.nl", created=NOW - timedelta(days=30), channel_id="C1")
    settings = apply_digest_command(db, "T1", DigestCommand("settings"), now=NOW, lang="nl", tz_hint="America/Chicago")
    assert (settings.weekday, settings.time, settings.tz_name, settings.lang) == (0, "09:00", "America/Chicago", "nl")
    settings = apply_digest_command(db, "T1", DigestCommand("schedule", weekday=4, time="15:30"), now=NOW, lang="en")
    assert (settings.weekday, settings.time, settings.lang) == (4, "15:30", "en")
    settings = apply_digest_command(db, "T1", DigestCommand("target", target=(3, 5)), now=NOW, lang="en")
    assert (settings.target_min, settings.target_max) == (3, 5)
    off = apply_digest_command(db, "T1", DigestCommand("off"), now=NOW, lang="en")
    on = apply_digest_command(db, "T1", DigestCommand("on"), now=NOW + timedelta(hours=1), lang="en")
    assert not off.enabled and on.enabled and on.enabled_since == digest_repo.iso(NOW + timedelta(hours=1))
    ledger.claim(db, "T1", site, "2026-W47", instance="A", now=NOW, channel_id="C1")
    ledger.mark_failed(db, "T1", site, "2026-W47", instance="A", now=NOW, error="not_in_channel")
    digest_repo.record_run(db, "T1", at=NOW, outcome="failed", error="mysite.nl: not_in_channel")
    text = load_settings_view(db, "T1", now=NOW, lang="en")
    assert "every Friday at 15:30" in text and "America/Chicago" in text and "3-5" in text
    assert "Last run: 2026-11-20 06:00: failed" in text
    assert "mysite.nl 2026-W47: failed: the bot is not in <#C1>" in text
    assert "Next digest: 2026-11-20 15:30" in text
    nl = load_settings_view(db, "T1", now=NOW, lang="nl")
    assert "elke vrijdag om 15:30" in nl and "de bot zit niet in <#C1>" in nl
    db.conn.close()


# ------------------------------------------------------------------ end to end in Slack


@pytest.fixture
async def slack() -> AsyncIterator[DigestFakeSlack]:
    fake = DigestFakeSlack()
    fake.add_channel("T1", Channel("CSEO", name="seo"))
    async with fake:
        yield fake
        assert fake.violations == []


def last_response(slack: DigestFakeSlack) -> str:
    r = slack.responses[-1]
    return r["text"] + json.dumps(r.get("blocks") or [], ensure_ascii=False)


async def test_digest_commands_in_slack(slack: DigestFakeSlack, tmp_path: Path) -> None:
    from tests.slack.conftest import start_bot

    running = await start_bot(slack, tmp_path)
    try:
        scheduler = running.ctx.digest_scheduler
        assert scheduler.scheduler.running
        await slack.slash("track mysite.nl <#CSEO|seo>")
        await slack.wait_for(lambda: slack.responses)
        db_path = running.ctx.store.path

        def history(db) -> None:  # type: ignore[no-untyped-def]
            site = db.execute("SELECT id FROM sites WHERE domain = 'mysite.nl'").fetchone()[0]
            link = add_link(db, "T1", site, "https://news.example/story", added=datetime.now(timezone.utc) - timedelta(days=2))
            add_event(db, "T1", site, link, "appeared", datetime.now(timezone.utc) - timedelta(days=2))

        await running.ctx.store.call(history)

        slack.responses.clear()
        await slack.slash("digest settings")
        await slack.wait_for(lambda: slack.responses)
        text = last_response(slack)
        assert "every Monday at 09:00" in text and "Europe/Amsterdam" in text

        slack.responses.clear()
        await slack.slash("digest vrijdag 15:30", user="U2")
        await slack.wait_for(lambda: slack.responses)
        assert "vrijdag om 15:30" in last_response(slack)
        job = scheduler.scheduler.get_job("digest:T1")
        assert job is not None and "fri" in str(job.trigger) and "15" in str(job.trigger)

        slack.responses.clear()
        await slack.slash("digest now")
        await slack.wait_for(lambda: slack.digests("T1"))
        [msg] = slack.digests("T1")
        assert msg.channel == "CSEO" and "news.example" in json.dumps(msg.blocks)
        # Dutch: U2 configured it last.
        assert "Backlinks van de week" in msg.text
        await slack.wait_for(lambda: any("1" in r["text"] for r in slack.responses[1:]))
        assert db_path

        # A channel the bot is not in: 'now' says so, and settings show it.
        slack.add_channel("T1", Channel("CPRIV", name="private", is_member=False))
        slack.responses.clear()
        await slack.slash("digest <#CPRIV|private>")
        await slack.wait_for(lambda: slack.responses)
        await slack.slash("digest now")
        await slack.wait_for(lambda: any("/invite" in r["text"] for r in slack.responses))
        assert len(slack.digests("T1")) == 1
    finally:
        await running.stop()
    assert not scheduler.scheduler.running
