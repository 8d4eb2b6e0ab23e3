"""``backlinks watch``, ``backlinks discover`` and ``backlinks mentions`` on the command line."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from bot.cli import main
from tests.discover.helpers import article, urlset
from tests.localweb import LocalWeb


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_watch_list_add_remove(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "track", "bakkerij-jansen.nl")[0] == 0
    assert cli(capsys, "track", "concurrent.nl", "--competitor-of", "bakkerij-jansen.nl")[0] in (0, 2)
    cli(capsys, "add", "bakkerij-jansen.nl", "https://www.ondernemersvereniging.nl/leden", "https://blog.bakkers.nl/post")
    code, out, _ = cli(capsys, "watch", "list", "bakkerij-jansen.nl", "--json")
    assert code == 0
    assert {(w["domain"], w["origin"]) for w in json.loads(out)["watch"]} == {
        ("ondernemersvereniging.nl", "auto"), ("blog.bakkers.nl", "auto"),
    }
    code, out, _ = cli(capsys, "watch", "add", "bakkerij-jansen.nl", "Nieuws.Gemeente.nl", "https://www.kvk.nl/x")
    assert code == 0 and "nieuws.gemeente.nl, www.kvk.nl" in out
    code, out, _ = cli(capsys, "watch", "remove", "bakkerij-jansen.nl", "blog.bakkers.nl", "nieuws.gemeente.nl")
    assert code == 0 and "blog.bakkers.nl, nieuws.gemeente.nl" in out
    code, out, _ = cli(capsys, "watch", "list", "bakkerij-jansen.nl")
    assert code == 0 and "www.kvk.nl" in out and "bakkers.nl" not in out.replace("www.kvk.nl", "")
    assert "ondernemersvereniging.nl" in out
    # a removed auto domain stays off after the automatic refresh; adding it by hand brings it back
    code, out, _ = cli(capsys, "watch", "list", "bakkerij-jansen.nl", "--json")
    assert "blog.bakkers.nl" not in {w["domain"] for w in json.loads(out)["watch"]}
    code, out, _ = cli(capsys, "watch", "add", "bakkerij-jansen.nl", "blog.bakkers.nl")
    assert "blog.bakkers.nl" in out and "(added by hand)" in cli(capsys, "watch", "list", "bakkerij-jansen.nl")[1]
    code, _, err = cli(capsys, "watch", "add", "bakkerij-jansen.nl")
    assert code == 2 and "at least one domain" in err
    code, _, err = cli(capsys, "watch", "add", "bakkerij-jansen.nl", "www.bakkerij-jansen.nl")
    assert code == 2 and "itself" in err
    code, _, err = cli(capsys, "watch", "add", "bakkerij-jansen.nl", "not a domain")
    assert code == 2 and "not a domain name" in err
    code, _, err = cli(capsys, "watch", "list", "onbekend.nl")
    assert code == 2 and "not tracked" in err


async def test_discover_and_mentions_commands(capsys: pytest.CaptureFixture[str], local_web: LocalWeb, monkeypatch: Any) -> None:
    import bot.discover.crawl as crawl

    news = await local_web.add_host("nieuws.utrecht.nl")
    news.page("/", article("Welkom"))
    news.body("/sitemap.xml", urlset([(f"http://nieuws.utrecht.nl/p{i}", f"2026-11-{10 + i:02d}") for i in range(5)]),
              content_type="application/xml")
    news.page("/p0", article('Lees <a href="https://bakkerij-jansen.nl/">de bakker</a>.'))
    for i in range(1, 5):
        news.page(f"/p{i}", article(f"Bakkerij Jansen wint prijs {i}."))
    real = crawl.run_discover

    async def wired(store: Any, fetch_settings: Any, team_id: str, site: str | None = None, **kw: Any) -> Any:
        kw["options"] = crawl.DiscoverOptions(**{**kw["options"].__dict__, "min_delay": 0.0})
        return await real(store, local_web.settings(max_retries=0), team_id, site, resolver=local_web.resolver, **kw)

    monkeypatch.setattr(crawl, "run_discover", wired)
    assert cli(capsys, "track", "bakkerij-jansen.nl")[0] == 0
    code, out, _ = await asyncio.to_thread(cli, capsys, "discover", "bakkerij-jansen.nl")
    assert code == 0 and "No domains to read" in out
    cli(capsys, "watch", "add", "bakkerij-jansen.nl", "nieuws.utrecht.nl")
    code, out, err = await asyncio.to_thread(cli, capsys, "discover", "bakkerij-jansen.nl", "--budget", "3", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["pages_fetched"], data["deferred"], data["links_found"]) == (3, 2, 0)  # newest first: p4, p3, p2
    code, out, _ = await asyncio.to_thread(cli, capsys, "discover", "bakkerij-jansen.nl")
    assert code == 0 and "New backlinks: 1" in out and "http://nieuws.utrecht.nl/p0" in out
    code, out, _ = cli(capsys, "mentions", "bakkerij-jansen.nl", "--json")
    mentions = json.loads(out)["mentions"]
    assert len(mentions) == 4 and all(m["linked"] is False and m["brand"] == "bakkerij jansen" for m in mentions)
    code, out, _ = cli(capsys, "mentions", "bakkerij-jansen.nl")
    assert code == 0 and "4 pages mention bakkerij-jansen.nl" in out and "Bakkerij Jansen wint prijs 3." in out
    code, out, _ = cli(capsys, "mentions", "bakkerij-jansen.nl", "--all", "--brand", "Jansen Brood", "--brand", "BJ Utrecht")
    assert code == 0 and "4 mentions" in out
    assert json.loads(cli(capsys, "sites", "--json")[1]) and "Jansen Brood" in cli(capsys, "sites", "--json")[1]
    code, out, _ = await asyncio.to_thread(cli, capsys, "discover", "--json")  # every site of the workspace
    assert code == 0 and json.loads(out)["site"] is None and json.loads(out)["domains"] == 1
    code, _, err = cli(capsys, "discover", "bakkerij-jansen.nl", "--budget", "0")
    assert code == 2 and "--budget" in err
