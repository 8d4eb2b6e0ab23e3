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


# ------------------------------------------------------------------ 2. every site in /backlinks sites


def _site_row(i: int) -> dict[str, Any]:
    return {"domain": f"site{i}-with-a-rather-long-name.nl", "role": "own", "channel_id": "C1", "live": 3, "lost": 1,
            "referring_domains": 2, "last_check_at": "2026-11-20T10:00:00"}


def test_sites_listing_packs_sites_and_counts_those_that_do_not_fit() -> None:
    from bot.slack.blocks import MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT, sites_listing

    msg, hidden = sites_listing("en", [_site_row(i) for i in range(60)])
    body = json.dumps(msg.payload()["blocks"])
    assert hidden == 0 and all(f"site{i}-with" in body for i in range(60)) and len(msg.blocks) < 10
    msg, hidden = sites_listing("nl", [_site_row(i) for i in range(3000)])
    blocks = msg.payload()["blocks"]
    assert 0 < hidden < 3000 and len(blocks) <= MAX_MESSAGE_BLOCKS
    assert all(len(b["text"]["text"]) <= MAX_SECTION_TEXT for b in blocks if b["type"] == "section")
    shown = json.dumps(blocks).count("-with-a-rather")
    assert shown + hidden == 3000 and f"en nog {hidden} sites" in blocks[-1]["elements"][0]["text"]
    from bot.plural import tn

    assert tn("slack.sites.more", "en", 1).startswith("…and 1 more site:")


async def test_sixty_sites_are_all_listed(slack: FakeSlack, qbot: Running) -> None:
    from storage.sites import add_site

    def build(db: Any) -> None:
        for i in range(60):
            add_site(db, "T1", f"site{i}-with-a-rather-long-name.nl")

    await qbot.ctx.store.call(build)
    text = await say(slack, "sites")
    assert "(60)" in text and all(f"site{i}-with" in text for i in range(60))
    await settle(qbot, slack)
    assert not [f for f in slack.files.values()]  # everything fitted: no CSV needed


async def test_sites_beyond_one_message_come_as_a_private_csv(slack: FakeSlack, qbot: Running,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.slack import blocks
    from storage.sites import add_site

    monkeypatch.setattr(blocks, "MAX_MESSAGE_BLOCKS", 4)  # header, 2 sections, the note

    def build(db: Any) -> None:
        for i in range(80):
            add_site(db, "T1", f"site{i}-with-a-rather-long-name.nl")

    await qbot.ctx.store.call(build)
    text = await say(slack, "sites", user="U2")
    assert "en nog" in text and "CSV" in text
    await settle(qbot, slack)
    [f] = [f for f in slack.files.values() if f.completed]
    assert f.channels == ["DU2"] and f.content.decode("utf-8-sig").count("-with-a-rather-long-name.nl") == 80


# ------------------------------------------------------------------ 9. only DMs get an answer


async def test_channel_messages_are_never_answered_but_dms_are(slack: FakeSlack, qbot: Running) -> None:
    await slack.event({"type": "message", "channel": "C1", "channel_type": "channel", "user": "U2",
                       "text": "wie gaat er mee lunchen?", "ts": "10.2"})
    await slack.event({"type": "message", "channel": "G1", "channel_type": "group", "user": "U2",
                       "text": "hoe werkt een disavow?", "ts": "10.3"})
    await asyncio.sleep(0.3)
    await settle(qbot, slack)
    assert slack.posted(channel="C1") == [] and slack.posted(channel="G1") == []
    await slack.event({"type": "message", "channel": "DU2", "channel_type": "im", "user": "U2", "text": "sites", "ts": "10.4"})
    await slack.wait_for(lambda: slack.posted(channel="DU2"))


# ------------------------------------------------------------------ 6. a file before any site is tracked


async def test_a_file_before_any_site_is_tracked_says_track_first(slack: FakeSlack, qbot: Running) -> None:
    async def send(name: str, ts: str) -> str:
        f = slack.upload_file("T1", name, b"https://blog.voorbeeld.nl/a\n", user="U2")
        before = len(slack.posted(channel="DU2"))
        await slack.event({"type": "message", "subtype": "file_share", "channel": "DU2", "channel_type": "im", "user": "U2",
                           "text": "", "files": [f], "ts": ts})
        await slack.wait_for(lambda: len(slack.posted(channel="DU2")) > before)
        await settle(qbot, slack)
        return slack.posted(channel="DU2")[before].text

    text = await send("links.txt", "20.1")
    assert "/backlinks track mijnsite.nl" in text and "opnieuw" in text and "import" not in text
    await say(slack, "track mijnsite.nl", user="U2")
    await say(slack, "track andere.nl", user="U2")  # two sites: now "which site?" is the right question
    assert "Voor welke site" in await send("links2.txt", "20.2")


# ------------------------------------------------------------------ 4. discovery in plain words


def test_discovery_progress_and_result_are_plain_words() -> None:
    from types import SimpleNamespace

    from handlers.discover import progress_message, slack_summary

    assert "0/0" not in progress_message("en", "mysite.nl", 0, 0, 12).text
    assert "reading 12 sites that link to you or your competitors" in progress_message("en", "mysite.nl", 0, 0, 12).text
    assert "ik lees 1 site die" in progress_message("nl", "mysite.nl", 3, 9, 1).text
    assert "(3 van 9 klaar)" in progress_message("nl", "mysite.nl", 3, 9, 1).text
    link = {"site": "mysite.nl", "source_url": "https://b.nl/", "target_url": "https://mysite.nl/", "anchor": "x", "kind": "dofollow"}
    report = SimpleNamespace(scope="mysite.nl", domains=12, pages=40, unchanged=3, failed=1, listings=1, duration_s=0.0,
                             resumed=False, new_links=[link, {**link, "source_url": "https://c.nl/"}], mentions_new=1,
                             deferred=0, budget=500)
    en = "\n".join(slack_summary(report, "en"))
    assert "I read 40 pages on 12 sites and found 2 new links and 1 mention without a link." in en
    assert "1 page could not be read" in en and "https://b.nl/ → https://mysite.nl/" in en
    for jargon in ("(s)", "request", "sitemap", " s.", "0.0", "dofollow"):
        assert jargon not in en
    one = SimpleNamespace(**{**vars(report), "domains": 1, "pages": 1, "failed": 0, "new_links": [], "mentions_new": 0})
    nl = "\n".join(slack_summary(one, "nl"))
    assert "ik las 1 pagina op 1 site en vond 0 nieuwe links en 0 vermeldingen zonder link" in nl and "(en)" not in nl


# ------------------------------------------------------------------ 7. the anchors table stays aligned


async def test_anchors_table_is_a_code_block_within_section_limits(slack: FakeSlack, qbot: Running) -> None:
    from tests.compare.helpers import L, put_links

    def build(db: Any) -> None:
        from storage.sites import add_site

        add_site(db, "T1", "mysite.nl")
        put_links(db, "T1", "mysite.nl", [L(f"http://blog{i}.nl/a", anchor=f"anker <{i}> " + "x" * 80) for i in range(30)]
                  + [L("http://merk.nl/a", anchor="mysite")])

    await qbot.ctx.store.call(build)
    await say(slack, "anchors mysite.nl", user="U2")
    blocks = slack.responses[-1]["blocks"]
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(len(x) <= 3000 for x in texts)
    codes = [x for x in texts if x.startswith("```")]
    assert len(codes) == 2 and all(x.endswith("```") for x in codes)
    table = codes[0].strip("`").strip("\n").split("\n")
    assert len(table) == 7 and len({len(row.rstrip()) for row in table}) == 1  # padded columns, in monospace
    assert "&lt;" in codes[1] and "<1>" not in codes[1]


# ------------------------------------------------------------------ 8. lost links in natural order


def test_lost_links_sort_numbers_as_numbers() -> None:
    from bot.slack.blocks import lost_links_message, lost_priority, natural_key

    links = [{"source_url": f"https://blog.nl/m{i}", "status": "lost", "reason": "link-removed", "follow": True,
              "placement": "content"} for i in (10, 2, 1, 0, 11)]
    assert [l["source_url"][-3:].lstrip("/") for l in sorted(links, key=lost_priority)] == ["m0", "m1", "m2", "m10", "m11"]
    nofollow = {**links[0], "source_url": "https://a.nl/m0", "follow": False}
    assert sorted([nofollow] + links, key=lost_priority)[-1] is nofollow  # importance before the address
    assert natural_key("a2b") < natural_key("a10b") and natural_key("A1") == natural_key("a1")
    msg, _ = lost_links_message("en", "mysite.nl", links)
    text = json.dumps(msg.payload())
    assert text.index("blog.nl/m2") < text.index("blog.nl/m10")


# ------------------------------------------------------------------ 5. counted nouns read right for one


def test_counts_of_one_are_singular_and_no_s_in_brackets() -> None:
    from bot.compare.render import leader_lines
    from bot.plural import tn

    assert tn("compare.anchors.head", "en", 1, site="mysite.nl", total=1) == "Anchor texts of mysite.nl's 1 live link:"
    assert tn("compare.toxic.clean_hidden", "en", 1) == "(1 clean domain not listed)"
    assert tn("slack.import.done_short", "en", 1, domain="a.nl", added=1) == "Imported 1 new link for a.nl."
    assert "its 1 backlink and" in tn("slack.untrack.ask", "en", 1, domain="a.nl")
    assert "1 pagina noemt" in tn("discover.mentions_header", "nl", 1, site="a.nl")
    assert "once" in tn("slack.inspect.title", "en", 1, url="x") and "(s)" not in tn("slack.inspect.title", "en", 2, url="x")
    assert tn("digest.cmd.now_done", "nl", 1) == "Overzicht geplaatst voor 1 site."
    assert "1 domein," in tn("compare.disavow.slack", "nl", 1, site="a.nl")
    leader = {"site": "a.nl", "referring_domains": 5, "exclusive_domains": 1, "examples": []}
    assert "1 of them links to none of the others." in leader_lines(leader, "en")[0]
    assert "3 daarvan linken naar geen" in leader_lines({**leader, "exclusive_domains": 3}, "nl")[0]


def test_watch_list_header_counts_one_domain() -> None:
    from bot.plural import tn

    assert "1 domein (" in tn("discover.watch_header", "nl", 1, site="a.nl", user=1, auto=0)
    assert "3 domains (" in tn("discover.watch_header", "en", 3, site="a.nl", user=1, auto=2)


def test_gap_lines_count_pages_without_brackets() -> None:
    from bot.i18n import t
    from bot.plural import tn

    one = t("compare.gap.line", "nl", rank=1, domain="a.nl", links_to="b.nl", pages=1,
            pages_text=tn("compare.gap.pages", "nl", 1), flags="", authority="?")
    assert "; 1 pagina;" in one and "('s)" not in one
    assert tn("compare.gap.pages", "en", 3) == "3 pages"
