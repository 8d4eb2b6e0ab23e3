"""The Slack subcommands end to end: fake Slack, the real bot and store, a local web for the scan."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import AsyncIterator

import pytest

from bot.slack.runner import Running
from handlers.compare import parse_terms
from storage.sites import add_site
from tests.compare.helpers import L, put_links
from tests.fakeslack import FakeSlack
from tests.localweb import LocalWeb
from tests.slack.conftest import settle, slack, start_bot  # noqa: F401  (fixture)


@pytest.fixture
async def world(slack: FakeSlack, tmp_path: Path) -> AsyncIterator[tuple[Running, LocalWeb]]:  # noqa: F811
    async with LocalWeb() as web:
        running = await start_bot(slack, tmp_path, fetcher_factory=lambda: web.fetcher(max_retries=0))
        try:
            def build(db) -> None:  # type: ignore[no-untyped-def]
                add_site(db, "T1", "mysite.nl")
                add_site(db, "T1", "rival.nl", competitor_of="mysite.nl")
                put_links(db, "T1", "mysite.nl", [L("http://blog.nl/a", anchor="mysite"), L("http://spam.nl/x", anchor="goedkope taart")])
                put_links(db, "T1", "rival.nl", [L("http://blog.nl/b"), L("http://gem.nl/1"), L("http://gem.nl/2")])

            await running.ctx.store.call(build)
            yield running, web
        finally:
            await running.stop()


def texts(slack: FakeSlack) -> str:  # noqa: F811
    return "\n".join(r["text"] + json.dumps(r.get("blocks") or [], ensure_ascii=False) for r in slack.responses)


async def test_compare_gap_anchors(slack: FakeSlack, world) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    running, _ = world
    await slack.slash("compare mysite.nl")
    await slack.wait_for(lambda: [f for f in slack.files.values() if f.completed])
    body = texts(slack)
    assert "mysite.nl compared with rival.nl" in body and "Leader: rival.nl" in body and "gem.nl" in body
    [chart] = [f for f in slack.files.values() if f.completed]
    assert chart.name == "compare-mysite.nl.png" and chart.content.startswith(b"\x89PNG")
    await slack.slash("gap mysite.nl")
    await slack.wait_for(lambda: len([f for f in slack.files.values() if f.completed]) == 2)
    csv_file = [f for f in slack.files.values() if f.completed][-1]
    rows = list(csv.DictReader(io.StringIO(csv_file.content.decode("utf-8"))))
    assert [r["domain"] for r in rows] == ["gem.nl"]
    n = len(slack.responses)
    await slack.slash("ankers mysite.nl zoekwoorden goedkope taart, taart bestellen")
    await slack.wait_for(lambda: len(slack.responses) > n)
    assert "Saved for mysite.nl" in texts(slack) or "Opgeslagen" in texts(slack)
    assert "exact" in texts(slack)


async def test_toxic_scan_mark_and_disavow(slack: FakeSlack, world) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    running, web = world
    blog = await web.add_host("blog.nl")
    blog.page("/a", "<html><body><article><p>Een mooi verhaal over brood. <a href='https://mysite.nl/'>mysite</a></p></article></body></html>")
    spam = await web.add_host("spam.nl")
    spam.page("/x", "<html><head><title>Casino</title></head><body><p>Online casino, gokken, roulette, poker! <a href='https://mysite.nl/'>goedkope taart</a></p></body></html>")
    await slack.slash("toxic mysite.nl")
    await slack.wait_for(lambda: "spam.nl" in texts(slack))
    await settle(running, slack)
    body = texts(slack)
    assert "spam.nl: 40 (suspicious)" in body and "gambling" in body and "Nothing is disavowed automatically" in body
    assert "toxic_disavow" in body and "mysite.nl spam.nl" in body  # buttons on the risky domain
    await slack.slash("disavow mysite.nl")
    await slack.wait_for(lambda: "Nothing is marked" in texts(slack))
    await slack.action("toxic_disavow", "mysite.nl spam.nl")
    await slack.wait_for(lambda: "spam.nl marked disavow" in texts(slack))
    await slack.slash("toxic mark mysite.nl spam.nl disavow casino spam")
    await slack.wait_for(lambda: sum("spam.nl marked disavow" in r["text"] for r in slack.responses) == 2)
    await slack.slash("disavow mysite.nl")
    await slack.wait_for(lambda: [f for f in slack.files.values() if f.completed])
    [f] = [f for f in slack.files.values() if f.completed]
    lines = f.content.decode("utf-8").splitlines()
    assert f.name == "disavow-mysite.nl.txt" and "domain:spam.nl" in lines and any("casino spam" in l for l in lines)


def test_parse_terms() -> None:
    assert parse_terms(["keywords", "beste", "bakker", "utrecht,", "taart", "bestellen", "brands", "Jansen"]) == {
        "keywords": ["beste bakker utrecht", "taart bestellen"],
        "brands": ["Jansen"],
    }
    assert parse_terms(["random"]) == {}


def test_toxic_message_fits_block_kit_and_csv_has_everything() -> None:
    import csv as _csv
    import io as _io

    from bot.compare.toxic import DomainToxicity, Reason, ToxicReport
    from handlers.compare import TOXIC_BUTTONS, toxic_csv, toxic_message

    domains = tuple(
        DomainToxicity(f"spam{i:02d}.nl", 70, "toxic", (Reason("spam-gambling", 40, {"hits": 9}), Reason("parked", 30, {})), 2, 1, 2)
        for i in range(40)
    ) + (DomainToxicity("fine.nl", 0, "clean", (), 1, 1, 1),)
    report = ToxicReport("mysite.nl", (), domains)
    payload = toxic_message(report, "nl").payload()  # slack_sdk validates every block
    assert len(payload["blocks"]) <= 50
    buttons = [b for b in payload["blocks"] if b["type"] == "actions"]
    assert len(buttons) == TOXIC_BUTTONS and buttons[0]["elements"][1]["value"] == "mysite.nl spam00.nl"
    assert buttons[0]["elements"][0]["text"]["text"] == "Behouden"
    rows = list(_csv.DictReader(_io.StringIO(toxic_csv(report, "en"))))
    assert len(rows) == 41 and rows[0]["verdict"] == "toxic" and "gambling" in rows[0]["reasons"]
    empty = toxic_message(ToxicReport("mysite.nl", (), ()), "en").payload()
    assert "no backlinks to score" in empty["text"]
