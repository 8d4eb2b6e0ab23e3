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
    for command in ("check nope.nl", "export nope.nl", "compare nope.nl", "anchors nope.nl", "discover nope.nl"):
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


# ------------------------------------------------------------------ QA round 2 (Slack journey findings)


def test_stemmers_are_safe_to_share_between_threads() -> None:
    import threading

    from bot.faq.text import _EN, _NL

    words = ["verwijzingen", "backlinkprofielen", "ankerteksten", "zoekmachineoptimalisatie", "linkbuilding"] * 300
    errors: list[str] = []
    results: list[list[str]] = []

    def run() -> None:
        try:
            results.append([_NL.stemWord(w) for w in words] + [_EN.stemWord("indexing")])
        except Exception as err:  # noqa: BLE001 - the point is to see it
            errors.append(repr(err))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == [] and len(results) == 4 and all(r == results[0] for r in results)
    assert results[0][0] == "verwijs" and results[0][-1] == "index"


def test_two_first_questions_build_the_index_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    from bot.faq import index as index_mod

    built: list[int] = []

    class SlowIndex:
        def __init__(self) -> None:
            time.sleep(0.05)
            built.append(1)

    monkeypatch.setattr(index_mod, "Index", SlowIndex)
    monkeypatch.setattr(index_mod, "_INDEX", None)
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(index_mod.get_index())) for _ in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(built) == 1 and len({id(g) for g in got}) == 1


def test_missing_links_are_named_not_called_nothing_changed() -> None:
    from bot.slack.blocks import check_result

    report = {"site": "mysite.nl", "checked": 3, "live": 2, "missing": 1, "lost": 0, "blocked": 0,
              "links": [{"source_url": "https://blog.nl/b", "status": "missing", "reason": "link-removed"}]}
    msg, _ = check_result("en", report)
    text = json.dumps(msg.payload())
    assert "1 link not found this time; we'll confirm at the next check." in text and "Nothing lost" not in text
    msg, _ = check_result("nl", {**report, "missing": 2})
    assert "2 links deze keer niet gevonden" in json.dumps(msg.payload(), ensure_ascii=False)
    msg, _ = check_result("en", {**report, "missing": 0, "links": []})
    assert "Nothing lost or changed" in json.dumps(msg.payload())


def test_a_page_that_never_linked_reads_differently_from_a_removed_link() -> None:
    from bot.slack.blocks import link_line

    never = {"source_url": "https://blog.nl/x", "status": "lost", "reason": "link-removed", "kind": None, "target_url": None}
    removed = {**never, "target_url": "https://mysite.nl/"}  # a check report: the last link seen
    assert "no link to your site found on this page" in link_line("en", never)
    assert "the link was removed" in link_line("en", removed)
    assert "geen link naar je site gevonden" in link_line("nl", never)
    # a stored backlink: kind and last_live_at say whether it was ever seen
    stored_never = {**never, "target_url": "https://mysite.nl/claimed", "last_live_at": None}
    stored_seen = {**stored_never, "kind": "dofollow", "last_live_at": "2026-11-01T00:00:00"}
    assert "no link to your site found" in link_line("en", stored_never)
    assert "the link was removed" in link_line("en", stored_seen)


def test_language_detection_ignores_command_words() -> None:
    from handlers.lang import detect_text_language, prose_words

    assert prose_words("track rival.nl competitor-of mysite.nl") == []
    assert detect_text_language("track rival.nl competitor-of mysite.nl") is None
    assert detect_text_language("toxic mark mysite.nl spam.biz disavow") is None
    assert detect_text_language("anchors mysite.nl keywords beste bakker") in (None, "nl")
    assert detect_text_language("how long until a new backlink helps?") == "en"
    assert detect_text_language("wat is een nofollow link?") == "nl"


async def test_dutch_user_gets_dutch_for_commands_with_english_command_words(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mijnsite.nl", user="U2")  # U2's Slack locale is Dutch; no explicit choice
    text = await say(slack, "track rival.nl competitor-of mijnsite.nl", user="U2")
    assert "als concurrent van" in text
    text = await say(slack, "disavow mijnsite.nl", user="U2")
    assert "Er is nog niets gemarkeerd" in text and "`/backlinks toxic mark mijnsite.nl DOMEIN disavow`" in text
    assert "backlinks toxic mark" not in text.replace("/backlinks toxic mark", "")
    # the explicit choice always wins, whatever the words
    await say(slack, "lang en", user="U2")
    assert "as a competitor of" in await say(slack, "track rival2.nl competitor-of mijnsite.nl", user="U2")


def test_anchor_and_mention_texts_for_slack_use_slack_syntax() -> None:
    from bot.compare.anchors import AnchorProfile
    from bot.compare.render import anchor_lines
    from bot.i18n import t

    profile = AnchorProfile(total=1, counts={})
    slack_text = "\n".join(anchor_lines("mysite.nl", profile, [], [], "en", slack=True))
    assert "--keyword" not in slack_text and "/backlinks anchors mysite.nl keywords" in slack_text
    assert "--keyword" in "\n".join(anchor_lines("mysite.nl", profile, [], [], "en"))  # the CLI keeps its option
    assert "`/backlinks discover mysite.nl`" in t("discover.slack.mentions_none", "nl", site="mysite.nl")


def test_greetings_are_recognised_with_their_language() -> None:
    from handlers.faq import greeting_language

    assert greeting_language("hoi") == (True, "nl")
    assert greeting_language("Goedemorgen! :wave:") == (True, "nl")
    assert greeting_language("Hi there") == (True, "en")
    assert greeting_language("hey") == (True, None)
    assert greeting_language("hoi, wat is een backlink?")[0] is False


async def dm_text(slack: FakeSlack, text: str, user: str, ts: str) -> str:
    channel = "D" + user
    before = len(slack.posted(channel=channel))
    await slack.event({"type": "message", "channel": channel, "channel_type": "im", "user": user, "text": text, "ts": ts})
    await slack.wait_for(lambda: len(slack.posted(channel=channel)) > before, timeout=20)
    return slack.posted(channel=channel)[-1].text


async def test_a_greeting_in_a_dm_gets_a_welcome_in_the_users_language(slack: FakeSlack, qbot: Running) -> None:
    text = await dm_text(slack, "hoi", "U2", "8.1")
    assert text.startswith("Hoi!") and "/backlinks track mijnsite.nl" in text and "geen goed antwoord" not in text
    text = await dm_text(slack, "hi!", "U1", "8.2")
    assert text.startswith("Hi!") and "/backlinks help" in text
    await say(slack, "lang en", user="U2")
    assert (await dm_text(slack, "hallo", "U2", "8.3")).startswith("Hi!")  # the explicit choice wins


async def test_digest_of_a_site_tracked_without_channel_goes_where_it_was_tracked(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mysite.nl", channel="C1")
    await say(slack, "digest now")
    await settle(qbot, slack)
    assert [m.channel for m in slack.posted() if "mysite.nl" in m.text] == ["C1"]
    assert "no channel to post in" not in slack.texts()
    # tracked in a DM: the digest goes to that user's DM
    await say(slack, "track other.nl", user="U2", channel="DU2")
    await say(slack, "digest now")
    await settle(qbot, slack)
    assert any(m.channel == "DU2" for m in slack.posted() if "other.nl" in m.text)


def test_site_homes_keep_a_channel_over_a_later_dm(tmp_path: Path) -> None:
    from storage.db import connect
    from storage.site_homes import homes, record_home
    from storage.sites import add_site

    db = connect(tmp_path / "h.db")
    site = add_site(db, "T1", "mysite.nl")
    record_home(db, "T1", "mysite.nl", "C5", "U1")
    record_home(db, "T1", "mysite.nl", "DU2", "U2")
    assert homes(db, "T1") == {site.id: {"channel_id": "C5", "user_id": "U2"}}
    record_home(db, "T1", "nosuch.nl", "C5", "U1")  # an unknown site: nothing recorded
    assert len(homes(db, "T1")) == 1


def test_referring_domains_on_an_ip_address_are_accepted(tmp_path: Path) -> None:
    from bot.compare.toxic import mark_decision, referring_domain
    from bot.errors import UserInputError
    from storage.backlinks import NewBacklink, add_backlinks
    from storage.db import connect
    from storage.sites import add_site

    assert referring_domain("127.0.0.5") == "127.0.0.5"
    assert referring_domain("http://[::1]:8080/x") == "::1"
    assert referring_domain("https://www.Blog.nl/a") == "blog.nl"
    with pytest.raises(UserInputError):
        referring_domain("not a domain !!")
    db = connect(tmp_path / "m.db")
    add_site(db, "T1", "mysite.nl")
    add_backlinks(db, "T1", "mysite.nl", [NewBacklink("http://127.0.0.5/s0")], found_by="manual")
    _, mark = mark_decision(db, "T1", "mysite.nl", "127.0.0.5", "disavow")
    assert mark.domain == "127.0.0.5" and mark.decision == "disavow"


def test_import_report_names_lines_and_formats_in_words() -> None:
    from bot.slack.blocks import import_result
    from handlers.imports import line_numbers

    data = b"https://blog.nl/a\nhttps://mysite.nl/self\n"
    assert line_numbers(data, ["https://mysite.nl/self", "https://gone.nl/"]) == {"https://mysite.nl/self": 2}
    msg = import_result("nl", "mysite.nl", "list", 2, 1, 0, [(2, "https://mysite.nl/self: een pagina van de site zelf"),
                                                              (None, "https://x.nl/: geen webadres")])
    text = json.dumps(msg.payload(), ensure_ascii=False)
    assert "URL-lijst" in text and "*list*" not in text and "regel 2" in text and "regel 0" not in text and "regel None" not in text


async def test_slack_add_refuses_private_addresses_unless_allowed(slack: FakeSlack, tmp_path: Path) -> None:
    running = await start_bot(slack, tmp_path, allow_private_networks=False)
    try:
        await say(slack, "track mysite.nl")
        text = await say(slack, "add mysite.nl http://10.0.0.5/page http://localhost/x https://blog.nl/a")
        assert "1 new page added" in text and "a private or local address" in text and "private-address" not in text
    finally:
        await running.stop()


async def test_slack_add_accepts_private_addresses_when_allowed(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mysite.nl")
    assert "1 new page added" in await say(slack, "add mysite.nl http://127.0.0.1:9/page")


def test_home_counts_use_singular_for_one() -> None:
    from bot.slack.blocks import home_view

    row = {"domain": "mysite.nl", "role": "own", "live": 1, "referring_domains": 1, "lost_this_week": 0, "lost": 0, "blocked": 0}
    en = json.dumps(home_view("en", [row]).to_dict())
    nl = json.dumps(home_view("nl", [row]).to_dict(), ensure_ascii=False)
    assert "*1* live link from *1* site" in en and "*1* actieve link van *1* site " in nl
    two = json.dumps(home_view("en", [{**row, "live": 2, "referring_domains": 2}]).to_dict())
    assert "*2* live links from *2* sites" in two


async def test_toxic_mark_force_is_a_plain_word_in_slack(slack: FakeSlack, qbot: Running) -> None:
    await say(slack, "track mysite.nl")
    text = await say(slack, "toxic mark mysite.nl vreemd.nl disavow", user="U2")
    assert "voeg `force` toe" in text and "--force" not in text
    assert "vreemd.nl marked disavow for mysite.nl" in await say(slack, "toxic mark mysite.nl vreemd.nl disavow force spam")


def test_discovery_texts_for_slack_name_the_slash_command() -> None:
    from types import SimpleNamespace

    from handlers.discover import slack_summary

    links = [{"site": "mysite.nl", "source_url": f"https://b{i}.nl/", "target_url": "https://mysite.nl/", "anchor": "x",
              "kind": "dofollow"} for i in range(40)]
    report = SimpleNamespace(scope="mysite.nl", domains=1, pages=1, unchanged=0, failed=0, listings=0, duration_s=0.1,
                             resumed=False, new_links=links, mentions_new=0, deferred=0, budget=0)
    text = "\n".join(slack_summary(report, "en"))
    assert "`/backlinks check mysite.nl`" in text and "--json" not in text
    assert "backlinks check" not in text.replace("/backlinks check", "")


async def test_digest_falls_back_to_a_dm_when_the_bot_is_not_in_the_tracking_channel(slack: FakeSlack, qbot: Running) -> None:
    from tests.fakeslack import Channel

    slack.add_channel("T1", Channel("C7", name="closed", is_member=False))
    await say(slack, "track mysite.nl", channel="C7")
    await say(slack, "digest now")
    await settle(qbot, slack)
    assert [m.channel for m in slack.posted() if "mysite.nl" in m.text] == ["DU1"]
