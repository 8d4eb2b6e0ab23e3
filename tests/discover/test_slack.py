"""``/backlinks watch|discover|mentions`` end to end: fake Slack, the real bot and store, a local web."""

from __future__ import annotations

import json
from pathlib import Path

from tests.discover.helpers import article, urlset
from tests.fakeslack import FakeSlack
from tests.localweb import LocalWeb
from tests.slack.conftest import settle, start_bot


async def say(slack: FakeSlack, text: str) -> str:
    before = len(slack.responses)
    ack = await slack.slash(text)
    assert ack.elapsed < 3
    await slack.wait_for(lambda: len(slack.responses) > before)
    r = slack.responses[-1]
    return r["text"] + "\n" + json.dumps(r.get("blocks") or [], ensure_ascii=False)


async def test_watch_discover_and_mentions_in_slack(slack: FakeSlack, local_web: LocalWeb, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import handlers.discover
    from bot.discover.crawl import DiscoverOptions

    monkeypatch.setattr(handlers.discover, "OPTIONS", DiscoverOptions(min_delay=0.0))
    news = await local_web.add_host("nieuws.utrecht.nl")
    news.page("/", article("Welkom"))
    entries = [(f"http://nieuws.utrecht.nl/p{i}", f"2026-11-{10 + i:02d}") for i in range(12)]
    news.body("/sitemap.xml", urlset(entries), content_type="application/xml")
    news.page("/p0", article('Lees <a href="https://bakkerij-jansen.nl/">de bakker</a>.'), delay=0.2)
    for i in range(1, 12):
        news.page(f"/p{i}", article(f"Bakkerij Jansen &lt;won&gt; prijs nummer {i}."), delay=0.06)
    running = await start_bot(slack, tmp_path, fetcher_factory=lambda: local_web.fetcher(max_retries=0), progress_interval=0.1)
    try:
        await say(slack, "track bakkerij-jansen.nl")
        assert "Nothing to watch" in await say(slack, "watch list bakkerij-jansen.nl")
        assert "nieuws.utrecht.nl" in await say(slack, "watch add bakkerij-jansen.nl <http://nieuws.utrecht.nl|nieuws.utrecht.nl>")
        listed = await say(slack, "watch list bakkerij-jansen.nl")
        assert "nieuws.utrecht.nl" in listed and "added by hand" in listed
        assert "not a domain name" in await say(slack, "watch add bakkerij-jansen.nl !!nope")
        assert "`/backlinks watch list SITE`" in await say(slack, "watch")

        import bot.discover.crawl as crawl

        ack = await slack.slash("discover bakkerij-jansen.nl")
        assert ack.elapsed < 3
        await settle(running, slack)
        [msg] = [m for m in slack.posted() if "bakkerij-jansen.nl" in m.text]
        assert "Looking for new links to *bakkerij-jansen.nl*: reading" in msg.versions[0]["text"]
        assert any(" done)" in v["text"] for v in msg.versions[1:-1])  # progress while it ran
        final = msg.versions[-1]["text"]
        assert "found 1 new link and 11 mentions without a link" in final and "(s)" not in final
        assert crawl.DiscoverOptions().min_delay == 1.0  # production politeness by default
        text = await say(slack, "mentions bakkerij-jansen.nl")
        assert "11 pages mention bakkerij-jansen.nl" in text and "&lt;won&gt;" in text
        await slack.wait_for(lambda: [f for f in slack.files.values() if f.completed])
        [upload] = [f for f in slack.files.values() if f.completed]
        assert upload.name == "mentions-bakkerij-jansen.nl.csv" and b"Bakkerij Jansen" in upload.content
        assert "No longer watching" in await say(slack, "watch remove bakkerij-jansen.nl nieuws.utrecht.nl")
        assert "in the CSV file" in text
    finally:
        await running.stop()
