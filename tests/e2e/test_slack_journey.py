"""End to end: real users' journeys through the Slack bot, in English and in Dutch.

The REAL Bolt app (Socket Mode) talks to the local fake Slack (:mod:`tests.fakeslack`), with the real
engine, a real SQLite file and a local web of referring pages (:mod:`tests.localweb`). Each test reads
what the bot posted (text fallback, blocks, buttons, files) the way a person in Slack would see it,
clicks the buttons through interactive payloads, and checks that user mistakes are answered in a
friendly sentence in the user's language without an ERROR or a traceback in the bot's log.

The bugs this QA pass found were fixed; their tests now guard against regressions.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import re
import threading
from pathlib import Path
from typing import Any, AsyncIterator

import pytest

from bot.slack.runner import Running
from tests.fakeslack import Channel, FakeSlack
from tests.localweb import LocalWeb
from tests.slack.conftest import settle, start_bot

FILLER = " ".join(["Small shops are found through links; this is ordinary article text."] * 4)
LINK = f'<html><body><main><article><p>{FILLER} Read the review by <a href="https://mysite.nl/shop">My Site</a> today.</p></article></main></body></html>'
BOTH = f'<html><body><main><article><p>{FILLER} Compare <a href="https://rival.nl/">Rival</a> and <a href="https://mysite.nl/">My Site</a>.</p></article></main></body></html>'
RIVAL_ONLY = f'<html><body><main><article><p>{FILLER} Only <a href="https://rival.nl/">Rival shop</a> is listed.</p></article></main></body></html>'
NO_LINK = f"<html><body><main><article><p>{FILLER}</p></article></main></body></html>"

# Words that give English away in a Dutch message (and the other way round).
ENGLISH = re.compile(r"\b(the|and|your|links? (?:to|of)|checked|lost links|not tracked|nothing|please|try it)\b", re.I)
DUTCH = re.compile(r"\b(je|jouw|niet|verloren|gecontroleerd|wordt|kanaal|opdrachten)\b", re.I)
CLI_SYNTAX = re.compile(r"(?<![/\w])backlinks (?:track|toxic|check|import|discover|digest)\b|--[a-z]")


# ------------------------------------------------------------------ fixtures and helpers


@pytest.fixture
async def web() -> AsyncIterator[LocalWeb]:
    async with LocalWeb() as w:
        yield w


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        fake.add_channel("T1", Channel("C9", name="marketing"))
        yield fake
        assert fake.violations == [], f"invalid Slack payloads: {fake.violations}"


@pytest.fixture
async def wbot(slack: FakeSlack, web: LocalWeb, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> AsyncIterator[Running]:
    caplog.set_level(logging.WARNING)
    running = await start_bot(slack, tmp_path, fetcher_factory=lambda: web.fetcher(max_retries=0))
    try:
        yield running
    finally:
        await settle(running, slack)
        await running.stop()
    problems = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not problems, "errors in the bot's log: " + "; ".join(f"{r.name}: {r.getMessage()}" for r in problems)


def shown(body: dict[str, Any]) -> str:
    """What a person sees of a message: its text fallback and every text in its blocks."""
    return (body.get("text") or "") + "\n" + json.dumps(body.get("blocks") or [], ensure_ascii=False)


def assert_readable(body: dict[str, Any]) -> None:
    assert (body.get("text") or "").strip(), f"message without a text fallback: {body}"
    assert not CLI_SYNTAX.search(shown(body)), f"command-line syntax shown in Slack: {shown(body)}"


async def say(slack: FakeSlack, text: str, *, user: str = "U1", team: str = "T1", channel: str = "C1", strict: bool = True) -> str:
    """A slash command; returns the (last) ephemeral answer as the user sees it."""
    before = len(slack.responses)
    ack = await slack.slash(text, user=user, team=team, channel=channel)
    assert ack.elapsed < 3, f"slow ack for {text!r}: {ack.elapsed:.2f}s"
    await slack.wait_for(lambda: len(slack.responses) > before)
    body = slack.responses[-1]
    if strict:
        assert_readable(body)
    return shown(body)


async def dm(slack: FakeSlack, running: Running, text: str, *, user: str = "U1", ts: str = "5.1") -> str:
    channel = "D" + user
    before = len(slack.posted(channel=channel))
    ack = await slack.event({"type": "message", "channel": channel, "channel_type": "im", "user": user, "text": text, "ts": ts})
    assert ack.elapsed < 3
    await slack.wait_for(lambda: len(slack.posted(channel=channel)) > before, timeout=20)
    msg = slack.posted(channel=channel)[-1]
    body = {"text": msg.text, "blocks": msg.blocks}
    assert_readable(body)
    return shown(body)


async def click(slack: FakeSlack, running: Running, action_id: str, value: str, *, user: str = "U1") -> None:
    ack = await slack.action(action_id, value, user=user)
    assert ack.elapsed < 3
    await settle(running, slack)


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def final_check(slack: FakeSlack, site: str) -> dict[str, Any]:
    msg = [m for m in slack.posted() if site in m.text or site in json.dumps(m.versions[0])][-1]
    return msg.versions[-1]


# ------------------------------------------------------------------ first contact


async def test_first_contact_in_english_and_dutch(slack: FakeSlack, wbot: Running) -> None:
    # App Home opened for the first time: an empty dashboard that says what to do, in each user's language
    for user in ("U1", "U2"):
        await slack.event({"type": "app_home_opened", "user": user, "channel": "D" + user, "tab": "home"})
    await slack.wait_for(lambda: len(slack.home_views) == 2)
    en, nl = json.dumps(slack.home_views["U1"]), json.dumps(slack.home_views["U2"], ensure_ascii=False)
    assert "/backlinks track mysite.nl" in en and "Your backlinks" in en
    assert "/backlinks track mijnsite.nl" in nl and "Je backlinks" in nl and not ENGLISH.search(nl)

    # /backlinks with nothing, and help: the command list with the slash syntax, in the user's language
    empty, helped = await say(slack, ""), await say(slack, "help")
    assert empty == helped and "/backlinks track" in helped and "/backlinks check" in helped
    dutch_help = await say(slack, "help", user="U2")
    assert "Backlinks: wat ik kan" in dutch_help and "/backlinks lang nl" in dutch_help
    assert await say(slack, "hulp", user="U2") == dutch_help

    # typos and unknown words: a short correction, the typo echoed, a suggestion
    assert "Did you mean `/backlinks check`?" in await say(slack, "chek mysite.nl")
    assert "Bedoel je `/backlinks check`?" in await say(slack, "chek mysite.nl", user="U2")
    assert "`blabla` ken ik niet" in await say(slack, "blabla", user="U2")
    long_word = "x" * 3000
    reply = await say(slack, long_word)
    assert len(reply) < 1000 and "…" in reply


async def test_a_greeting_in_a_dm_gets_a_welcome(slack: FakeSlack, wbot: Running) -> None:
    text = await dm(slack, wbot, "hoi", user="U2")
    assert "geen goed antwoord" not in text and "/backlinks" in text


# ------------------------------------------------------------------ own site: track, add, import, check, buttons, export


async def test_own_site_journey_with_buttons_and_csv(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    for path in ("/p0", "/p1", "/p2", "/p3", "/gone"):
        blog.page(path, LINK)
    url = blog.url

    # track with a Slack-formatted link and a channel mention, exactly as Slack sends them
    text = await say(slack, "track <http://mysite.nl|mysite.nl> <#C9|marketing>")
    assert "I now follow *mysite.nl* and post its news in <#C9>" in text and "/backlinks import mysite.nl" in text
    # add pages by hand, with a Slack link, one page of the site itself and one non-URL
    text = await say(slack, f"add mysite.nl {url('/p0')} <{url('/p1')}|blog.example/p1> https://mysite.nl/self notaurl")
    assert "2 new pages added" in text and "a page of the site itself" in text

    # a file in a DM after `/backlinks import`: imported with counts and rejected rows
    await say(slack, "import mysite.nl")
    [modal] = slack.opened_views
    assert modal["private_metadata"] == "mysite.nl" and modal["callback_id"] == "backlinks_import"
    f = slack.upload_file("T1", "links.csv", f"url\n{url('/p2')}\nnot a url\n".encode())
    await slack.event({"type": "message", "subtype": "file_share", "channel": "DU1", "channel_type": "im", "user": "U1",
                       "text": "", "files": [f], "ts": "6.1"})
    await slack.wait_for(lambda: slack.posted(channel="DU1"), timeout=20)
    imported = shown({"text": slack.posted(channel="DU1")[-1].text, "blocks": slack.posted(channel="DU1")[-1].blocks})
    assert "*1* new links" in imported and "1 rejected" in imported and "/backlinks check mysite.nl" in imported

    # the import modal: submit with a file, then with an empty export (a clear error, no traceback)
    f2 = slack.upload_file("T1", "gsc.csv", f"Linking page\n{url('/p3')}\n{url('/gone')}\n".encode())
    ack = await slack.submit_view({**modal, "id": "V1"}, {"import_file": {"file": {"type": "file_input", "files": [f2]}}})
    assert ack.elapsed < 3
    await settle(wbot, slack)
    assert "*2* new links" in slack.texts()
    f3 = slack.upload_file("T1", "empty.csv", b"Linking page\n")
    await slack.submit_view({**modal, "id": "V1"}, {"import_file": {"file": {"type": "file_input", "files": [f3]}}})
    await settle(wbot, slack)
    assert "no rows with backlinks" in slack.texts() or "no backlinks" in slack.texts().lower()
    # submitting the modal without a file keeps it open with an error on the field
    ack = await slack.submit_view({**modal, "id": "V1"}, {"import_file": {"file": {"type": "file_input", "files": []}}})
    assert ack.payload and ack.payload.get("response_action") == "errors"

    # check: progress message in #marketing, updated to the result with three buttons
    ack = await slack.slash("check mysite.nl")
    assert ack.elapsed < 3
    await settle(wbot, slack)
    assert "progress and the result appear in <#C9>" in slack.responses[-1]["text"]
    [msg] = [m for m in slack.posted(channel="C9")]
    assert "Checking the links" in msg.versions[0]["text"]
    final = msg.versions[-1]
    assert_readable(final)
    assert "5 live" in final["text"]
    buttons = [e for b in final["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["text"]["text"]) for b in buttons] == [
        ("check_recheck", "Check again"), ("check_show_lost", "Show lost links"), ("check_export", "Export CSV")]

    # the web changes: one link removed, one page gone; two rechecks make them lost, in plain words
    blog.page("/p1", NO_LINK)
    blog.status("/gone", 404)
    await click(slack, wbot, "check_recheck", "mysite.nl")
    await click(slack, wbot, "check_recheck", "mysite.nl")
    final = slack.posted(channel="C9")[-1].versions[-1]
    body = shown(final)
    assert "2 lost" in final["text"]
    assert "the page is fine but the link was removed" in body and "the page no longer exists (404)" in body
    assert "link-removed" not in body and "page-not-found" not in body  # no vocabulary codes

    # Show lost links, for the Dutch colleague: Dutch reasons
    before = len(slack.responses)
    await click(slack, wbot, "check_show_lost", "mysite.nl", user="U2")
    lost = shown(slack.responses[before])
    assert "Verloren links van mysite.nl (2)" in lost and "de link is weggehaald" in lost and "bestaat niet meer" in lost
    assert not ENGLISH.search(lost)

    # Export CSV button and /backlinks export: the same CSV with every link and its status
    await click(slack, wbot, "check_export", "mysite.nl")
    [upload] = [f for f in slack.files.values() if f.completed and f.user is None]
    rows = csv_rows(upload.content)
    assert len(rows) == 5 and {r["status"] for r in rows} == {"live", "lost"}
    assert "All 5 backlinks of *mysite.nl*" in (upload.initial_comment or "")

    # check URL: one page and its links to the tracked sites
    text = await say(slack, f"check {url('/p0')}", user="U2")
    assert "linkt 1 keer naar je sites" in text and "https://mysite.nl/shop" in text and "in de tekst" in text

    # the App Home dashboard now shows the site with its buttons
    await slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    await slack.wait_for(lambda: "mysite.nl" in json.dumps(slack.home_views.get("U1", {})))
    home = json.dumps(slack.home_views["U1"])
    assert "lost this week: *2*" in home and "import_open" in home


async def test_missing_links_are_not_called_nothing_changed(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/a", LINK)
    blog.page("/b", LINK)
    await say(slack, "track mysite.nl")
    await say(slack, f"add mysite.nl {blog.url('/a')} {blog.url('/b')}")
    await slack.slash("check mysite.nl")
    await settle(wbot, slack)
    blog.page("/b", NO_LINK)
    await click(slack, wbot, "check_recheck", "mysite.nl")
    final = slack.posted()[-1].versions[-1]
    assert "1 missing" in final["text"]
    assert "Nothing lost or changed" not in shown(final)


async def test_a_page_that_never_linked_is_not_called_removed(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/never", NO_LINK)
    await say(slack, "track mysite.nl")
    await say(slack, f"add mysite.nl {blog.url('/never')}")
    for _ in range(3):
        await slack.slash("check mysite.nl")
        await settle(wbot, slack)
    assert "the link was removed" not in shown(slack.posted()[-1].versions[-1])


# ------------------------------------------------------------------ competitors, in Dutch


async def test_competitor_compare_gap_anchors_toxic_for_a_dutch_user(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    news = await web.add_host("news.example")
    blog.page("/both", BOTH)
    blog.page("/mine", LINK)
    news.page("/rival", RIVAL_ONLY)
    await say(slack, "lang nl", user="U2")
    assert "Ik volg nu *mysite.nl*" in await say(slack, "track mysite.nl", user="U2")
    assert "als concurrent van *mysite.nl*" in await say(slack, "track rival.nl competitor-of mysite.nl", user="U2")
    await say(slack, f"add mysite.nl {blog.url('/both')} {blog.url('/mine')}", user="U2")
    await say(slack, f"add rival.nl {blog.url('/both')} {news.url('/rival')}", user="U2")
    for site in ("mysite.nl", "rival.nl"):
        await slack.slash(f"check {site}", user="U2")
        await settle(wbot, slack)

    text = await say(slack, "compare mysite.nl rival.nl", user="U2")
    assert "mysite.nl vergeleken met rival.nl" in text and "verw. domeinen" in text and "```" in text
    assert "news.example" in text
    await settle(wbot, slack)  # the bar chart follows as an image
    text = await say(slack, "gap mysite.nl", user="U2")
    assert "Linkgat voor mysite.nl: 1 verwijzend domein linkt naar rival.nl maar niet naar mysite.nl" in text
    await settle(wbot, slack)
    [outreach] = [f for f in slack.files.values() if f.completed and "Outreach" in (f.title or "")]
    assert "news.example" in outreach.content.decode("utf-8-sig")
    text = await say(slack, "anchors mysite.nl", user="U2", strict=False)
    assert "Ankerteksten van de 2 live links van mysite.nl" in text and "merk" in text
    before = len(slack.responses)
    await slack.slash("toxic mysite.nl", user="U2")
    await slack.wait_for(lambda: any("Risico van" in r["text"] for r in slack.responses[before:]), timeout=20)
    for r in slack.responses[before:]:
        assert_readable(r)
        assert not ENGLISH.search(shown(r)), shown(r)
    # unknown words and missing arguments: Dutch corrections with an example
    assert "Probeer het zo" in await say(slack, "compare", user="U2")
    assert "Probeer het zo" in await say(slack, "gap", user="U2")


async def test_anchors_in_slack_do_not_name_cli_options(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/p", LINK)
    await say(slack, "track mysite.nl")
    await say(slack, f"add mysite.nl {blog.url('/p')}")
    await slack.slash("check mysite.nl")
    await settle(wbot, slack)
    assert "Anchor texts" in await say(slack, "anchors mysite.nl")


async def test_disavow_with_nothing_marked_is_dutch_with_slash_syntax(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl", user="U2")
    text = await say(slack, "disavow mysite.nl", user="U2")
    assert not ENGLISH.search(text)


async def test_command_keywords_do_not_switch_a_dutch_user_to_english(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl", user="U2")
    text = await say(slack, "track rival.nl competitor-of mysite.nl", user="U2")
    assert "concurrent" in text and not ENGLISH.search(text)


# ------------------------------------------------------------------ digest, watch, discover, mentions


async def test_digest_settings_and_discovery_commands(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    text = await say(slack, "digest settings")
    assert "every Monday at 09:00 (Europe/Amsterdam)" in text and "Last run: not yet." in text
    assert "elke maandag om 09:00" in await say(slack, "digest settings", user="U2")
    assert "Weekly digest is off" in await say(slack, "digest off")
    assert "Weekly digest is on" in await say(slack, "digest on")
    assert "every Friday at 17:30" in await say(slack, "digest friday 17:30")
    assert "25:00 is not a time" in await say(slack, "digest friday 25:00")
    assert "goes to <#C9>" in await say(slack, "digest <#C9|marketing>")
    text = await say(slack, "digest settings")
    assert "Friday at 17:30" in text and "<#C9>" in text
    # digest now: a quiet week in one line, posted in the digest channel
    await slack.slash("digest now")
    await settle(wbot, slack)
    [digest] = slack.posted(channel="C9")
    assert_readable({"text": digest.text, "blocks": digest.blocks})
    assert "Quiet week for mysite.nl" in digest.text
    # watch list
    assert "Watching 1 more domain for mysite.nl: gemeente-utrecht.nl" in await say(slack, "watch add mysite.nl gemeente-utrecht.nl")
    assert "gemeente-utrecht.nl" in await say(slack, "watch list mysite.nl")
    assert "Try it like this" in await say(slack, "watch")


async def test_mentions_points_to_the_slash_command(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    await say(slack, "mentions mysite.nl")


# ------------------------------------------------------------------ the question desk


async def test_questions_by_slash_dm_mention_and_related_buttons(slack: FakeSlack, wbot: Running) -> None:
    text = await say(slack, "faq is a nofollow link worth anything?")
    assert "nofollow" in text and "2019" in text
    # the language of the question wins when the user set nothing
    assert "dofollow" in await say(slack, "faq wat is een nofollow link?") and not ENGLISH.search(slack.responses[-1]["text"])
    # a bare question without `faq`
    assert "2-4" in await say(slack, "how long until a new backlink helps?")
    # the explicit setting wins over the language written in
    assert "Nederlands" in await say(slack, "lang nl")
    text = await say(slack, "how long until a new backlink helps?")
    assert "2-4 maanden" in text
    assert "English" in await say(slack, "lang en")
    # a DM answer in the language of the message (U2's Slack is Dutch, but they write English)
    text = await dm(slack, wbot, "how long until a new backlink helps?", user="U2", ts="5.2")
    assert "2-4 months" in text
    # the explicit choice wins over the language of the message, in a DM too
    text = await dm(slack, wbot, "hoe lang duurt het voordat een nieuwe backlink effect heeft?", user="U1", ts="5.3")
    assert "2-4 months" in text
    # @mention in a channel: the answer goes in the thread, with related-question buttons
    await slack.event({"type": "app_mention", "channel": "C1", "user": "U2", "text": "<@UBT1> wat is ankertekst?", "ts": "7.7"})
    await slack.wait_for(lambda: slack.posted(channel="C1"), timeout=20)
    [answer] = slack.posted(channel="C1")
    assert answer.thread_ts == "7.7" and answer.text.strip()
    related = [e for b in answer.blocks if b["type"] == "actions" for e in b["elements"]]
    assert related and all(e["action_id"].startswith("faq_related_") for e in related)
    before = len(slack.responses)
    await click(slack, wbot, related[0]["action_id"], related[0]["value"], user="U2")
    assert len(slack.responses) > before or len(slack.posted(channel="C1")) > 1
    # an off-topic question is declined honestly
    assert "don't have a good answer" in await say(slack, "faq what will the weather be tomorrow?")
    # a very long rambling question still gets one short answer
    text = await say(slack, "faq " + "wat kost een backlink en waar koop ik die want mijn buurman zegt dat het moet " * 20)
    assert len(slack.responses[-1]["text"]) < 400


async def test_two_questions_at_once_never_fail_inside() -> None:
    """Two users asking at once run the desk in two threads; the stemmer must not break."""
    from bot.faq.text import _NL

    words = ["verwijzingen", "backlinkprofielen", "ankerteksten", "ondernemersvereniging", "zoekmachineoptimalisatie"] * 400
    errors: list[str] = []

    def run() -> None:
        try:
            for w in words:
                _NL.stemWord(w)
        except Exception as err:  # noqa: BLE001 - the point is to see it
            errors.append(repr(err))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, f"questions asked at the same time failed inside the desk: {errors[0]}"


# ------------------------------------------------------------------ bad input everywhere


async def test_bad_arguments_get_friendly_sentences_and_no_errors_in_the_log(slack: FakeSlack, wbot: Running) -> None:
    cases = {
        "track": "Try it like this",
        "track <@U2>": "is not a domain name",
        "track <#C9|marketing>": "is not a domain name",
        "track not a domain !!": "is not a domain name",
        "track " + "a" * 300 + ".nl": "is not a domain name",
        "add": "Try it like this",
        "add mysite.nl": "Try it like this",
        "check <#C9|marketing>": "is not a domain name",
        "export nosuch.nl": "not tracked",
        "compare": "Try it like this",
        "toxic": "Try it like this",
        "lang fr": "Try it like this",
        "digest sometime": "",
        "untrack nosuch.nl": "",
        "check https://example.invalid/page": "could not read",
    }
    for command, expected in cases.items():
        text = await say(slack, command)
        assert expected in text, (command, text)
        assert len(text) < 2500, command
        assert "Traceback" not in text and "Something went wrong" not in text, command
    # a URL where a domain is expected is understood as its site
    assert "I now follow *mysite.nl*" in await say(slack, "track https://www.MySite.nl/shop/page")
    # Dutch user, same mistakes: Dutch sentences
    for command in ("track", "add", "compare", "lang fr"):
        assert "Probeer het zo" in await say(slack, command, user="U2")
    assert "niet gevolgd" in (await say(slack, "export nosuch.nl", user="U2")) or "volg" in slack.responses[-1]["text"]


# ------------------------------------------------------------------ two users, two workspaces, uninstall and reinstall


async def test_two_users_in_one_channel_each_get_their_language(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/p", LINK)
    await say(slack, "track mysite.nl")
    await say(slack, f"add mysite.nl {blog.url('/p')}")
    await slack.slash("check mysite.nl", user="U1")
    await settle(wbot, slack)
    await slack.slash("check mysite.nl", user="U2")
    await settle(wbot, slack)
    en, nl = [m.versions[-1] for m in slack.posted(channel="C1")]
    assert "Check of mysite.nl: 1 live" in en["text"] and "Requested by <@U1>" in shown(en)
    assert "Controle van mysite.nl: 1 actief" in nl["text"] and "Aangevraagd door <@U2>" in shown(nl)
    assert not ENGLISH.search(shown(nl)) and not DUTCH.search(shown(en))


async def test_two_workspaces_never_see_each_other_and_reinstall_starts_clean(slack: FakeSlack, tmp_path: Path) -> None:
    from tests.slack.test_http import install

    slack.add_team("T2", name="Team Two")
    running = await start_bot(slack, tmp_path, slack_bot_token=None, slack_client_id="111.222", slack_client_secret="secret")
    try:
        await install(slack, running, "T1", "U1")
        await install(slack, running, "T2", "U1")
        assert "alpha.nl" in await say(slack, "track alpha.nl", team="T1")
        assert "beta.nl" in await say(slack, "track beta.nl", team="T2")
        t2 = await say(slack, "sites", team="T2")
        assert "beta.nl" in t2 and "alpha.nl" not in t2
        assert "not tracked" in await say(slack, "check alpha.nl", team="T2")
        await slack.event({"type": "app_home_opened", "user": "U1", "tab": "home"}, team="T2")
        await slack.wait_for(lambda: "U1" in slack.home_views)
        assert "alpha.nl" not in json.dumps(slack.home_views["U1"])
        # uninstall T1, then install again: T1 starts empty, T2 keeps its data
        await slack.event({"type": "app_uninstalled"}, team="T1", event_id="EvUninstall1")
        await asyncio.sleep(0.3)
        await install(slack, running, "T1", "U1")
        assert "don't follow any site" in await say(slack, "sites", team="T1")
        assert "gamma.nl" in await say(slack, "track gamma.nl", team="T1")
        assert "beta.nl" in await say(slack, "sites", team="T2")
    finally:
        await running.stop()


# ------------------------------------------------------------------ toxic review with buttons, disavow file


SPAM = ("<html><head><title>Online casino bonus poker gokken viagra replica</title></head><body><main><article><p>"
        "Best online casino bonus, free spins, poker, gokken, viagra, cialis, replica watches. "
        + " ".join(f'<a href="https://x{i}.example/">casino {i}</a>' for i in range(150))
        + ' <a href="https://mysite.nl/">casino bonus</a></p></article></main></body></html>')


async def test_toxic_review_with_buttons_then_disavow_file_in_dutch(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    casino = await web.add_host("casino-bonus.biz")
    blog = await web.add_host("blog.example")
    for i in range(3):
        casino.page(f"/s{i}", SPAM)
    blog.page("/p", LINK)
    await say(slack, "track mysite.nl", user="U2")
    await say(slack, "add mysite.nl " + " ".join(casino.url(f"/s{i}") for i in range(3)) + " " + blog.url("/p"), user="U2")
    await slack.slash("check mysite.nl", user="U2")
    await settle(wbot, slack)
    before = len(slack.responses)
    await slack.slash("toxic mysite.nl", user="U2")
    await slack.wait_for(lambda: any("Risico van" in r["text"] for r in slack.responses[before:]), timeout=20)
    report = [r for r in slack.responses[before:] if "Risico van" in r["text"]][-1]
    assert_readable(report)
    assert "1 toxisch" in report["text"] and "casino-bonus.biz" in shown(report)
    buttons = {e["action_id"]: e for b in report["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert buttons["toxic_disavow"]["text"]["text"] and buttons["toxic_disavow"].get("style") == "danger"
    # nothing is disavowed before a person decides
    text = await say(slack, "disavow mysite.nl", user="U2", strict=False)
    assert "casino-bonus.biz" not in text
    await click(slack, wbot, "toxic_disavow", buttons["toxic_disavow"]["value"], user="U2")
    assert "casino-bonus.biz gemarkeerd als disavow voor mysite.nl" in slack.responses[-1]["text"]
    await slack.slash("disavow mysite.nl", user="U2")
    await settle(wbot, slack)
    [disavow] = [f for f in slack.files.values() if f.completed and (f.title or "").startswith("disavow-")]
    lines = disavow.content.decode("utf-8").splitlines()
    assert "domain:casino-bonus.biz" in lines and all(line.startswith(("#", "domain:")) for line in lines if line)
    assert "Disavow-bestand voor mysite.nl" in (disavow.initial_comment or "")


async def test_toxic_buttons_work_for_a_referring_ip_address(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    casino = await web.add_host("casino-bonus.biz")
    for i in range(3):
        casino.page(f"/s{i}", SPAM)
    await say(slack, "track mysite.nl")
    await say(slack, "add mysite.nl " + " ".join(casino.direct_url(f"/s{i}") for i in range(3)))
    await slack.slash("check mysite.nl")
    await settle(wbot, slack)
    before = len(slack.responses)
    await slack.slash("toxic mysite.nl")
    await slack.wait_for(lambda: any("Toxicity of" in r["text"] for r in slack.responses[before:]), timeout=20)
    report = [r for r in slack.responses[before:] if "Toxicity of" in r["text"]][-1]
    value = [e for b in report["blocks"] if b["type"] == "actions" for e in b["elements"] if e["action_id"] == "toxic_disavow"][0]["value"]
    await click(slack, wbot, "toxic_disavow", value)
    assert "IP address" not in slack.responses[-1]["text"]


async def test_import_rejections_name_their_line_in_dutch(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl", user="U2")
    f = slack.upload_file("T1", "links.txt", b"https://blog.voorbeeld.nl/a\nhttps://mysite.nl/self\n", user="U2")
    await slack.event({"type": "message", "subtype": "file_share", "channel": "DU2", "channel_type": "im", "user": "U2",
                       "text": "", "files": [f], "ts": "6.2"})
    await slack.wait_for(lambda: slack.posted(channel="DU2"), timeout=20)
    text = shown({"text": slack.posted(channel="DU2")[-1].text, "blocks": slack.posted(channel="DU2")[-1].blocks})
    assert "regel 0" not in text and "*list*" not in text


async def test_slack_add_refuses_private_addresses_like_the_cli(slack: FakeSlack, tmp_path: Path) -> None:
    running = await start_bot(slack, tmp_path, allow_private_networks=False)
    try:
        await say(slack, "track mysite.nl")
        text = await say(slack, "add mysite.nl http://10.0.0.5/page http://localhost/x")
        assert "0 new pages added" in text and "private-address" not in text
    finally:
        await running.stop()


async def test_home_counts_read_right_for_one(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    blog = await web.add_host("blog.example")
    blog.page("/p", LINK)
    await say(slack, "track mysite.nl")
    await say(slack, f"add mysite.nl {blog.url('/p')}")
    await slack.slash("check mysite.nl")
    await settle(wbot, slack)
    await slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    await slack.wait_for(lambda: "mysite.nl" in json.dumps(slack.home_views.get("U1", {})))
    assert "*1* sites" not in json.dumps(slack.home_views["U1"])


async def test_a_site_tracked_without_channel_still_gets_its_digest(slack: FakeSlack, wbot: Running) -> None:
    await say(slack, "track mysite.nl")
    await slack.slash("digest now")
    await settle(wbot, slack)
    assert "no channel to post in" not in slack.texts()
    assert any("mysite.nl" in m.text for m in slack.posted())


async def test_commands_in_a_channel_without_the_bot_fall_back_to_a_dm(slack: FakeSlack, web: LocalWeb, wbot: Running) -> None:
    slack.add_channel("T1", Channel("C5", name="private", is_member=False))
    blog = await web.add_host("blog.example")
    blog.page("/p", LINK)
    await say(slack, "track mysite.nl", channel="C5")
    await say(slack, f"add mysite.nl {blog.url('/p')}", channel="C5")
    await slack.slash("check mysite.nl", channel="C5")
    await settle(wbot, slack)
    assert "in our direct messages" in slack.responses[-1]["text"]
    [msg] = slack.posted()
    assert msg.channel.startswith("D") and "1 live" in msg.versions[-1]["text"]
    await slack.slash("export mysite.nl", channel="C5")
    await settle(wbot, slack)
    [upload] = [f for f in slack.files.values() if f.completed and f.user is None]
    assert upload.channels and upload.channels[0].startswith("D")
    # the digest says plainly why it could not post in the channel
    await say(slack, "digest <#C5|private>")
    await slack.slash("digest now", channel="C5", user="U2")
    await settle(wbot, slack)
    assert "/invite @Backlinks" in slack.texts()


async def test_sixty_sites_stay_within_block_kit_limits_and_say_there_are_more(slack: FakeSlack, wbot: Running) -> None:
    for i in range(60):
        await slack.slash(f"track site{i}-with-a-rather-long-name.nl")
    await settle(wbot, slack)
    before = len(slack.responses)
    await say(slack, "sites")
    body = slack.responses[before]
    assert "(60)" in body["text"] and len(body["blocks"]) <= 50
    names = sum(json.dumps(body["blocks"]).count(f"site{i}-with") for i in range(60))
    await slack.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"})
    await slack.wait_for(lambda: "site0-with" in json.dumps(slack.home_views.get("U1", {})))
    home = json.dumps(slack.home_views["U1"])
    assert len(slack.home_views["U1"]["blocks"]) <= 100
    assert "more" in home  # the dashboard says it shows only part of the list
    assert names == 60 or "more" in json.dumps(body["blocks"]), "sites beyond the message limit vanish without a word"


async def test_dutch_volg_tracks_a_site(slack: FakeSlack, wbot: Running) -> None:
    assert "Ik volg nu *mijnsite.nl*" in await say(slack, "volg mijnsite.nl", user="U2")


async def test_dutch_aliases_and_digest_words(slack: FakeSlack, wbot: Running) -> None:
    assert "elke vrijdag om 17:30" in await say(slack, "overzicht vrijdag 17:30", user="U2")
    assert "staat uit" in await say(slack, "digest uit", user="U2")
    assert "staat aan" in await say(slack, "digest aan", user="U2")
    assert "Instellingen weekoverzicht" in await say(slack, "digest instellingen", user="U2")
    assert "niet gevolgd" in await say(slack, "controleer mijnsite.nl", user="U2")
    assert "I will answer you in English" in await say(slack, "taal engels", user="U2")
    assert "taal waarin je schrijft" in await say(slack, "lang auto", user="U2")


async def test_plain_channel_chatter_is_not_answered(slack: FakeSlack, wbot: Running) -> None:
    await slack.event({"type": "message", "channel": "C1", "channel_type": "channel", "user": "U2", "text": "wie gaat er mee lunchen?", "ts": "10.2"})
    await asyncio.sleep(0.5)
    await settle(wbot, slack)
    assert slack.posted(channel="C1") == []


async def test_a_mention_inside_a_thread_answers_in_that_thread_and_a_bare_mention_gets_help(slack: FakeSlack, wbot: Running) -> None:
    await slack.event({"type": "app_mention", "channel": "C1", "user": "U2", "text": "<@UBT1> is een nofollow link nog iets waard?", "ts": "8.8", "thread_ts": "8.0"})
    await slack.wait_for(lambda: slack.posted(channel="C1"), timeout=20)
    assert slack.posted(channel="C1")[0].thread_ts == "8.0"
    await slack.event({"type": "app_mention", "channel": "C1", "user": "U2", "text": "<@UBT1>", "ts": "9.9"})
    await slack.wait_for(lambda: len(slack.posted(channel="C1")) > 1, timeout=20)
    assert "Backlinks: wat ik kan" in slack.posted(channel="C1")[-1].text
    # an edited DM is not answered twice
    await slack.event({"type": "message", "subtype": "message_changed", "channel": "DU2", "channel_type": "im",
                       "message": {"user": "U2", "text": "wat is een backlink?"}, "ts": "11.1"})
    await asyncio.sleep(0.3)
    assert slack.posted(channel="DU2") == []
