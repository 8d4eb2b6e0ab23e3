"""Every subcommand end to end: fake Slack + the real bot + real store + a local web of referring pages."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import AsyncIterator

import pytest

from bot.slack.runner import Running
from tests.fakeslack import Channel, FakeSlack
from tests.localweb import LocalWeb
from tests.slack.conftest import settle, start_bot

LINK = '<html><body><main><article><p>Read the review by <a href="https://mysite.nl/shop">My Site</a> today, it is good.</p></article></main></body></html>'
NO_LINK = "<html><body><main><article><p>Nothing to see here, just some text.</p></article></main></body></html>"


@pytest.fixture
async def web() -> AsyncIterator[LocalWeb]:
    async with LocalWeb() as w:
        yield w


@pytest.fixture
async def wbot(slack: FakeSlack, web: LocalWeb, tmp_path: Path) -> AsyncIterator[Running]:
    running = await start_bot(slack, tmp_path, fetcher_factory=lambda: web.fetcher(max_retries=0))
    try:
        yield running
    finally:
        await running.stop()


def response_text(slack: FakeSlack, i: int = -1) -> str:
    r = slack.responses[i]
    return r["text"] + "\n" + json.dumps(r.get("blocks") or [], ensure_ascii=False)


async def say(slack: FakeSlack, text: str, **kw) -> str:  # type: ignore[no-untyped-def]
    before = len(slack.responses)
    ack = await slack.slash(text, **kw)
    assert ack.elapsed < 3
    await slack.wait_for(lambda: len(slack.responses) > before)
    return response_text(slack)


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


async def test_track_sites_untrack(slack: FakeSlack, wbot: Running) -> None:
    assert "don't follow any site" in await say(slack, "sites")
    assert "mysite.nl" in await say(slack, "track https://www.MySite.nl/shop <#C9|marketing>")
    text = await say(slack, "sites")
    assert "mysite.nl" in text and "<#C9>" in text
    assert "rival.nl" in await say(slack, "track rival.nl competitor-of mysite.nl")
    assert "competitor" in await say(slack, "sites")
    assert "Stop following *rival.nl*?" in await say(slack, "untrack rival.nl")  # asks first
    await slack.action("untrack_confirm", "rival.nl")
    await slack.wait_for(lambda: "stopped following" in slack.responses[-1]["text"])
    assert "was not following" in await say(slack, "untrack rival.nl")
    assert "not a domain name" in await say(slack, "track not a domain !!")
    slack.add_channel("T1", Channel("C42", name="seo"))
    assert "<#C42>" in await say(slack, "track other.nl #seo")
    assert "can't find the channel" in await say(slack, "track other.nl #nope")


async def test_add_reports_counts_and_rejections(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    text = await say(slack, "add mysite.nl https://blog.example/a <https://blog.example/b|blog.example/b> https://mysite.nl/self notaurl")
    assert "2 new pages added" in text
    assert "a page of the site itself" in text
    text = await say(slack, "add mysite.nl https://blog.example/a")
    assert "0 new pages added, 1 already known" in text
    assert "not tracked" in (await say(slack, "add other.nl https://blog.example/a")).lower() or "track" in response_text(slack)


async def test_check_site_progress_result_buttons_and_csv(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    urls = []
    for i in range(30):
        blog.page(f"/p{i}", LINK if i % 3 else NO_LINK, delay=0.05)
        urls.append(blog.url(f"/p{i}"))
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl " + " ".join(urls))
    ack = await slack.slash("check mysite.nl")
    assert ack.elapsed < 3
    await settle(wbot, slack)
    [msg] = [m for m in slack.posted() if "mysite.nl" in m.text]
    assert "Checking the links" in msg.versions[0]["text"]
    final = msg.versions[-1]
    assert "20 live" in final["text"] and "10 missing" in final["text"]
    actions = [b for b in final["blocks"] if b["type"] == "actions"][0]
    assert [e["action_id"] for e in actions["elements"]] == ["check_recheck", "check_show_lost", "check_export"]
    # the full detail as CSV in the thread (30 links > what a message shows)
    [upload] = [f for f in slack.files.values() if f.completed]
    assert upload.thread_ts == msg.ts and upload.channels == [msg.channel]
    rows = csv_rows(upload.content)
    assert len(rows) == 30 and {r["status"] for r in rows} == {"live", "missing"}
    # progress updates came through chat.update, spaced by the throttle interval (0.3 s in tests)
    updates = slack.calls_to("chat.update")
    progress = [c for c in updates if "of 30 pages" in str(c.params.get("text"))]
    assert progress, "expected at least one progress update"
    gaps = [b.at - a.at for a, b in zip(progress, progress[1:])]
    assert all(g >= 0.25 for g in gaps)


async def test_lost_links_after_two_checks_with_reasons_and_show_lost(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/review", LINK)
    blog.page("/gone", LINK)
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl " + blog.url("/review") + " " + blog.url("/gone"))
    await slack.slash("check mysite.nl")
    await settle(wbot, slack)
    blog.page("/review", NO_LINK)
    blog.status("/gone", 404)
    for _ in range(2):  # lost only when two checks agree
        await slack.action("check_recheck", "mysite.nl")
        await settle(wbot, slack)
    final = slack.posted()[-1].versions[-1]
    body = final["text"] + json.dumps(final["blocks"])
    assert "2 lost" in final["text"]
    assert "the link was removed" in body and "no longer exists" in body
    assert "*2* newly lost" in body
    before = len(slack.responses)
    await slack.action("check_show_lost", "mysite.nl")
    await slack.wait_for(lambda: len(slack.responses) > before)
    assert "Lost links of mysite.nl (2)" in response_text(slack)


async def test_check_while_running_is_refused_politely(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/slow", LINK, delay=1.0)
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl " + blog.url("/slow"))
    await slack.slash("check mysite.nl")
    assert "already running" in await say(slack, "check mysite.nl")
    assert wbot.ctx.running_checks
    acks = [await slack.slash("help") for _ in range(5)]  # the bot stays responsive during a check
    assert max(a.elapsed for a in acks) < 1.0
    await settle(wbot, slack)


async def test_check_url_inspects_one_page(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/review", LINK + '<footer><a rel="nofollow" href="https://www.mysite.nl/">home</a></footer>')
    await say(slack, "track mysite.nl")
    text = await say(slack, f"check {blog.url('/review')}")
    assert "2 times" in text
    assert "https://mysite.nl/shop" in text and "My Site" in text and "in the text" in text
    assert "nofollow" in text
    blog.status("/missing", 404)
    assert "no longer exists" in await say(slack, f"check {blog.url('/missing')}")


async def test_export_uploads_csv_and_falls_back_to_dm(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl https://blog.example/a https://news.example/b")
    await slack.slash("export mysite.nl")
    await slack.wait_for(lambda: [f for f in slack.files.values() if f.completed])
    [f] = [f for f in slack.files.values() if f.completed]
    assert f.channels == ["C1"] and f.name == "backlinks-mysite.nl.csv"
    assert {r["source_url"] for r in csv_rows(f.content)} == {"https://blog.example/a", "https://news.example/b"}
    # a channel the bot is not in: the file goes to the user's DM instead
    slack.add_channel("T1", Channel("C7", is_member=False))
    await slack.slash("export mysite.nl", channel="C7")
    await slack.wait_for(lambda: len([f for f in slack.files.values() if f.completed]) == 2)
    assert [f for f in slack.files.values() if f.completed][-1].channels == ["DU1"]


async def test_export_button(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl https://blog.example/a")
    await slack.action("check_export", "mysite.nl")
    await slack.wait_for(lambda: [f for f in slack.files.values() if f.completed])


AHREFS = (
    "Referring page URL,Referring page title,Domain rating,Target URL,Anchor,Type,Nofollow,First seen,Last seen\n"
    "https://blog.example/post,Post,40,https://mysite.nl/,My Site,text,false,2025-01-02,2025-03-01\n"
    "https://news.example/item,Item,30,https://mysite.nl/shop,shop,text,true,2025-02-02,2025-03-01\n"
    "not a url,Broken,1,https://mysite.nl/,x,text,false,,\n"
).encode()


async def test_import_via_dm_upload(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    f = slack.upload_file("T1", "ahrefs.csv", AHREFS)
    event = {"type": "message", "subtype": "file_share", "channel": "DU1", "channel_type": "im", "user": "U1",
             "text": "import for mysite.nl", "files": [f], "ts": "1.1"}
    await slack.event(event)
    await slack.event({"type": "file_shared", "file_id": f["id"], "user_id": "U1", "channel_id": "DU1"})
    await slack.wait_for(lambda: [m for m in slack.posted(channel="DU1") if "Imported" in m.text])
    await settle(wbot, slack)
    [done] = [m for m in slack.posted(channel="DU1") if "Imported" in m.text]
    body = done.text + json.dumps(done.blocks)
    assert "*2* new links" in body and "1 rejected" in body
    assert slack.file_downloads[0][1] == slack.teams["T1"].bot_token
    assert len(slack.file_downloads) == 1  # message and file_shared events: imported once
    assert "2 live" not in body  # not checked yet
    assert "https://news.example/item" in await _export_sources(slack)


async def _export_sources(slack: FakeSlack) -> str:
    n = len([f for f in slack.files.values() if f.completed])
    await slack.slash("export mysite.nl")
    await slack.wait_for(lambda: len([f for f in slack.files.values() if f.completed]) > n)
    return [f for f in slack.files.values() if f.completed][-1].content.decode("utf-8-sig")


async def test_import_via_modal(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    text = await say(slack, "import mysite.nl")
    assert "direct message" in text
    [view] = slack.opened_views
    assert view["callback_id"] == "backlinks_import" and view["private_metadata"] == "mysite.nl"
    f = slack.upload_file("T1", "export.csv", AHREFS)
    values = {"import_file": {"file": {"type": "file_input", "files": [{"id": f["id"], "name": f["name"], "url_private": f["url_private"]}]}}}
    ack = await slack.submit_view(view, values)
    assert ack.payload is None or not ack.payload.get("errors")
    await slack.wait_for(lambda: [m for m in slack.posted() if "Imported" in m.text])
    await settle(wbot, slack)
    # an empty submission gets an error in the modal, no import
    ack = await slack.submit_view(view, {"import_file": {"file": {"type": "file_input", "files": []}}})
    assert ack.payload and ack.payload.get("response_action") == "errors"


async def test_import_of_a_non_export_says_why(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    await say(slack, "import mysite.nl")
    f = slack.upload_file("T1", "holiday.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    await slack.event({"type": "message", "subtype": "file_share", "channel": "DU1", "channel_type": "im", "user": "U1",
                       "text": "", "files": [f], "ts": "1.2"})
    await slack.wait_for(lambda: [m for m in slack.posted(channel="DU1") if "could not import" in m.text])


async def test_app_home_dashboard_and_button(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/review", LINK)
    await slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    await slack.wait_for(lambda: "U1" in slack.home_views)
    assert "don't follow any site" in json.dumps(slack.home_views["U1"])
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl " + blog.url("/review"))
    await slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    await slack.wait_for(lambda: "mysite.nl" in json.dumps(slack.home_views["U1"]))
    view = slack.home_views["U1"]
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    await slack.action("import_open", "mysite.nl", channel=None, view={"type": "home", "id": "V1"})
    await slack.wait_for(lambda: slack.opened_views)
    assert slack.opened_views[-1]["private_metadata"] == "mysite.nl"
    await slack.action("check_recheck", "mysite.nl", channel=None, view={"type": "home", "id": "V1"})
    await settle(wbot, slack)
    done = [m for m in slack.posted() if "mysite.nl" in m.text]
    assert done and done[-1].channel == "DU1" and "1 live" in done[-1].versions[-1]["text"]


async def test_app_home_with_many_sites_stays_within_100_blocks(slack: FakeSlack, wbot: Running) -> None:
    for i in range(40):
        await slack.slash(f"track site{i}.nl")
    await slack.wait_for(lambda: len(slack.responses) == 40)
    await slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    await slack.wait_for(lambda: "U1" in slack.home_views)
    assert len(slack.home_views["U1"]["blocks"]) <= 100
    assert "more sites" in json.dumps(slack.home_views["U1"])
    text = await say(slack, "sites")
    assert len(slack.responses[-1]["blocks"]) <= 50 and "site0.nl" in text


async def test_import_typed_in_a_dm_waits_for_the_file(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    await say(slack, "track other.nl")  # two sites: the file alone would not say which
    await slack.event({"type": "message", "channel": "DU2", "channel_type": "im", "user": "U2", "text": "importeer mysite.nl", "ts": "3.1"})
    await slack.wait_for(lambda: slack.posted(channel="DU2"))
    assert "privébericht" in slack.posted(channel="DU2")[-1].text  # U2 is Dutch (nl-NL)
    f = slack.upload_file("T1", "urls.txt", b"https://blog.example/x\nhttps://news.example/y\n", user="U2")
    await slack.event({"type": "message", "subtype": "file_share", "channel": "DU2", "channel_type": "im", "user": "U2",
                       "text": "", "files": [f], "ts": "3.2"})
    await slack.wait_for(lambda: [m for m in slack.posted(channel="DU2") if "geïmporteerd" in m.text])
    assert "mysite.nl" in [m for m in slack.posted(channel="DU2") if "geïmporteerd" in m.text][0].text


async def test_site_may_be_left_out_when_there_is_only_one(slack: FakeSlack, wbot: Running) -> None:
    assert "/backlinks check mysite.nl" in await say(slack, "check")
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl https://blog.example/a")
    await slack.slash("export")
    await slack.wait_for(lambda: [f for f in slack.files.values() if f.completed])
    await say(slack, "track rival.nl competitor-of mysite.nl")  # competitors do not count
    await slack.slash("check")
    await slack.wait_for(lambda: [m for m in slack.posted() if "mysite.nl" in m.text])
    await settle(wbot, slack)


async def test_two_checks_at_once_start_only_one(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/a", LINK, delay=0.3)
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl " + blog.url("/a"))
    before = len(slack.responses)
    await asyncio.gather(slack.slash("check mysite.nl"), slack.slash("check mysite.nl", user="U2"))
    await settle(wbot, slack)
    assert len([m for m in slack.posted() if "mysite.nl" in m.text]) == 1
    refusal = slack.responses[-1]["text"]
    assert len(slack.responses) == before + 1 and ("already running" in refusal or "loopt al" in refusal)


async def test_welcome_once_in_the_messages_tab(slack: FakeSlack, wbot: Running) -> None:
    for _ in range(2):
        await slack.event({"type": "app_home_opened", "user": "U2", "channel": "DU2", "tab": "messages"})
    await settle(wbot, slack)
    [hello] = slack.posted(channel="DU2")
    assert "Hoi!" in json.dumps(hello.blocks, ensure_ascii=False) and "/backlinks track" in json.dumps(hello.blocks)
