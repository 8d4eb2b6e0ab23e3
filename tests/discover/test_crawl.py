"""The discovery run against a local web: sitemaps (plain, index, gzip), feeds, robots.txt and
crawl-delay, conditional requests, budgets, resume after an interruption, workspace isolation."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.discover.crawl import DiscoverOptions, allot, discover, discover_workspaces
from storage import discover_repo as repo
from storage.backlinks import list_backlinks
from tests.discover.helpers import article, atom, etag_page, gz, page_gaps, rss, sitemap_index, store_with_sites, urlset
from tests.localweb import LocalWeb

OWN = "bakkerij-jansen.nl"
COMP = "concurrent.nl"
FAST = DiscoverOptions(min_delay=0.0)


async def news_site(web: LocalWeb, *, delay: float = 0.2):  # type: ignore[no-untyped-def]
    news = await web.add_host("nieuws.utrecht.nl")
    news.robots(
        f"User-agent: *\nCrawl-delay: {delay}\nDisallow: /private\nSitemap: http://nieuws.utrecht.nl/sitemap_index.xml\n"
    )
    news.page("/", article("Welkom bij het nieuws", head='<link rel="alternate" type="application/rss+xml" href="/feed">'))
    news.body("/sitemap_index.xml", sitemap_index([("http://nieuws.utrecht.nl/s1.xml", "2026-11-20"),
                                                  ("http://nieuws.utrecht.nl/s2.xml.gz", "2026-11-21")]), content_type="application/xml")
    news.body("/s1.xml", urlset([("http://nieuws.utrecht.nl/a", "2026-11-20"), ("http://nieuws.utrecht.nl/private/x", "2026-11-22"),
                                 ("https://elders.nl/vreemd", "2026-11-23")]), content_type="application/xml")
    news.body("/s2.xml.gz", gz(urlset([("http://nieuws.utrecht.nl/b", "2026-11-21T10:00:00+01:00"),
                                       ("http://nieuws.utrecht.nl/c", None)])), content_type="application/x-gzip")
    news.body("/feed", rss([("http://nieuws.utrecht.nl/d", "Sat, 21 Nov 2026 10:00:00 GMT")]), content_type="application/rss+xml")
    etag_page(news, "/a", article(f'Wij kopen brood bij <a href="https://www.{OWN}/">Bakkerij Jansen</a>.'), '"a1"')
    news.page("/b", article("Bakkerij Jansen in de Dorpsstraat bakt het lekkerste brood van Utrecht."))
    news.page("/c", article(f'Ook <a href="https://{COMP}/x">de concurrent</a> is goed.'))
    news.page("/d", article("Niets over brood."))
    news.page("/private/x", article(f'<a href="https://{OWN}/">geheim</a>'))
    return news


async def blog_site(web: LocalWeb):  # type: ignore[no-untyped-def]
    blog = await web.add_host("blog.bakkersvak.nl")  # no robots.txt, no sitemap: the Atom feed lists the pages
    blog.page("/", article("Vakblog", head='<link rel="alternate" type="application/atom+xml" href="/atom.xml">'))
    blog.body("/atom.xml", atom([("http://blog.bakkersvak.nl/p1", "2026-11-22T08:00:00Z"),
                                 ("http://blog.bakkersvak.nl/p2", "2026-11-19T08:00:00Z")]), content_type="application/atom+xml")
    blog.page("/p1", article(f'Zie <a rel="nofollow" href="https://{OWN}/taart">taart</a>.', head='<meta name="robots" content="noindex">'))
    blog.page("/p2", article(f'Bakkerij Jansen wint een prijs. Meer op <a href="https://{OWN}/prijs">hun site</a>.'))
    return blog


async def test_first_run_finds_links_and_mentions_politely(local_web: LocalWeb, tmp_path: Path) -> None:
    news = await news_site(local_web)
    blog = await blog_site(local_web)
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(repo.add_watch, "T1", OWN, ["nieuws.utrecht.nl", "https://blog.bakkersvak.nl/"])
        seen: list[tuple[int, int]] = []
        async with local_web.fetcher(max_retries=0) as fetcher:
            report = await discover(store, fetcher, "T1", OWN, options=FAST, progress=lambda d, t: seen.append((d, t)))
        data = report.to_json()
        assert data["state"] == "done" and data["domains"] == 2 and data["pages_fetched"] == 6 and data["failed"] == 0
        found = {(l["site"], l["source_url"], l["counts"]) for l in data["new_links"]}
        assert found == {
            (OWN, "http://nieuws.utrecht.nl/a", True),
            (COMP, "http://nieuws.utrecht.nl/c", True),
            (OWN, "http://blog.bakkersvak.nl/p1", False),  # noindex page: recorded, the check decides
            (OWN, "http://blog.bakkersvak.nl/p2", True),
        }
        links = {b.source_url: b for b in await store.call(list_backlinks, "T1", OWN)}
        assert links["http://nieuws.utrecht.nl/a"].found_by == "discovery" and links["http://nieuws.utrecht.nl/a"].status == "live"
        assert links["http://blog.bakkersvak.nl/p1"].status == "pending"
        events = await store.call(lambda db: db.execute("SELECT type, detail FROM events WHERE team_id = 'T1'").fetchall())
        assert len(events) == 3 and {e[0] for e in events} == {"appeared"}
        assert all(json.loads(e[1])["found_by"] == "discovery" for e in events)
        unlinked = await store.call(repo.list_mentions, "T1", OWN)
        assert [(m.page_url, m.sentence) for m in unlinked] == [
            ("http://nieuws.utrecht.nl/b", "Bakkerij Jansen in de Dorpsstraat bakt het lekkerste brood van Utrecht.")
        ]
        every = await store.call(repo.list_mentions, "T1", OWN, include_linked=True)
        assert {(m.page_url, m.linked) for m in every} == {("http://nieuws.utrecht.nl/b", False), ("http://blog.bakkersvak.nl/p2", True)}
    assert news.hits("/private/x") == 0  # robots.txt Disallow
    assert news.hits("/robots.txt") == 1 and news.hits("/sitemap_index.xml") == 1 and news.hits("/s2.xml.gz") == 1
    assert blog.hits("/sitemap.xml") == 1  # the default sitemap is asked once, then the feed is used
    assert news.max_in_flight == 1 and blog.max_in_flight == 1
    gaps = page_gaps(news)
    assert len(gaps) >= 8 and min(gaps) >= 0.18  # Crawl-delay: 0.2 between every two requests
    assert all(seen.user_agent.startswith("TestBot") for seen in local_web.requests)
    assert seen[-1][0] == seen[-1][1] and seen[-1][1] == 2 + 6


async def test_second_run_reads_only_new_or_changed_pages_with_conditional_requests(local_web: LocalWeb, tmp_path: Path) -> None:
    news = await news_site(local_web, delay=0)
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(repo.add_watch, "T1", OWN, ["nieuws.utrecht.nl"])
        async with local_web.fetcher(max_retries=0) as fetcher:
            first = await discover(store, fetcher, "T1", OWN, options=FAST)
            assert first.pages == 4
            news.clear_log()
            again = await discover(store, fetcher, "T1", OWN, options=FAST)
            assert again.pages == 0 and not again.new_links
            assert {"/a", "/b", "/c", "/d"}.isdisjoint(news.paths())
            # /a is listed as changed but its ETag says it is not: 304, unchanged; /b really changed
            news.body("/s1.xml", urlset([("http://nieuws.utrecht.nl/a", "2026-11-24")]), content_type="application/xml")
            news.body("/s2.xml.gz", gz(urlset([("http://nieuws.utrecht.nl/b", "2026-11-24T09:00:00Z"),
                                               ("http://nieuws.utrecht.nl/c", None)])), content_type="application/x-gzip")
            news.page("/b", article(f'Nu met link: <a href="https://{OWN}/">Bakkerij Jansen</a> bakt het lekkerste brood.'))
            news.clear_log()
            third = await discover(store, fetcher, "T1", OWN, options=FAST)
        assert (third.pages, third.unchanged) == (2, 1)
        assert [l["source_url"] for l in third.new_links] == ["http://nieuws.utrecht.nl/b"]
        a_requests = [r for r in news.requests if r.path == "/a"]
        assert len(a_requests) == 1 and a_requests[0].headers.get("If-None-Match") == '"a1"'
        assert await store.call(repo.list_mentions, "T1", OWN) == []  # /b now links: the mention is gone
        state = await store.call(repo.page_state, "T1", "http://nieuws.utrecht.nl/a")
        assert state is not None and state.etag == '"a1"' and state.status == "unchanged" and state.lastmod.startswith("2026-11-24")
        events = await store.call(lambda db: db.execute("SELECT COUNT(*) FROM events WHERE team_id = 'T1' AND type = 'appeared'").fetchone()[0])
        assert events == 3  # /a and /c from the first run, /b now; never twice


async def big_site(web: LocalWeb, name: str, count: int, *, link_to: str = OWN):  # type: ignore[no-untyped-def]
    host = await web.add_host(name)
    host.page("/", article("Home"))
    entries = [(f"http://{name}/p{i}", f"2026-10-{1 + i % 28:02d}T{i % 24:02d}:00:00Z") for i in range(count)]
    host.body("/sitemap.xml", urlset(entries), content_type="application/xml")
    for i in range(count):
        host.page(f"/p{i}", article(f'Pagina {i} <a href="https://{link_to}/p{i}">link</a>'))
    return host, [url for url, _ in sorted(entries, key=lambda e: e[1], reverse=True)]


async def test_budgets_most_recent_first_and_deferred_pages_next_time(local_web: LocalWeb, tmp_path: Path) -> None:
    host, newest_first = await big_site(local_web, "archief.utrecht.nl", 30)
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(repo.add_watch, "T1", OWN, ["archief.utrecht.nl"])
        options = DiscoverOptions(min_delay=0.0, budget=4, per_workspace=100, per_domain=10)
        async with local_web.fetcher(max_retries=0) as fetcher:
            first = await discover(store, fetcher, "T1", OWN, options=options)
            assert (first.pages, first.deferred, first.budget) == (4, 6, 4)
            assert sorted(l["source_url"] for l in first.new_links) == sorted(newest_first[:4])
            second = await discover(store, fetcher, "T1", OWN, options=options)
            assert sorted(l["source_url"] for l in second.new_links) == sorted(newest_first[4:8])
            # a long Crawl-delay is obeyed by reading fewer pages: 1 + 2 s // 1 s
            host.robots("User-agent: *\nCrawl-delay: 1\n")
            slow = DiscoverOptions(min_delay=0.0, budget=100, per_workspace=100, per_domain=10, domain_seconds=2)
        async with local_web.fetcher(max_retries=0) as fetcher:  # a new fetcher reads robots.txt again
            third = await discover(store, fetcher, "T1", OWN, options=slow)
        assert third.pages == 2 and sorted(l["source_url"] for l in third.new_links) == sorted(newest_first[8:10])
    assert all(host.hits(f"/p{i}") <= 1 for i in range(30))


async def test_an_interrupted_run_resumes_without_fetching_again(local_web: LocalWeb, tmp_path: Path) -> None:
    host, _ = await big_site(local_web, "traag.utrecht.nl", 12)
    for i in range(12):
        host.page(f"/p{i}", article(f'Pagina {i} <a href="https://{OWN}/p{i}">link</a>'), delay=0.05)
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(repo.add_watch, "T1", OWN, ["traag.utrecht.nl"])
        async with local_web.fetcher(max_retries=0) as fetcher:
            task = asyncio.ensure_future(discover(store, fetcher, "T1", OWN, options=FAST))
            while sum(host.hits(f"/p{i}") for i in range(12)) < 5:
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            run = await store.call(repo.last_run, "T1", OWN)
            assert run is not None and run.state == "interrupted" and 4 <= run.pages < 12
            done_before = run.pages
            resumed = await discover(store, fetcher, "T1", OWN, options=FAST)
        assert resumed.resumed and resumed.state == "done" and resumed.run_id == run.id
        assert resumed.pages == 12 - done_before
        final = await store.call(repo.get_run, "T1", run.id)
        assert final.pages == 12 and final.links_new == 12 and final.resumed == 1
        assert await store.call(repo.queue_counts, "T1", run.id) == {}  # a finished run drops its plan
        links = await store.call(list_backlinks, "T1", OWN)
        assert len(links) == 12
    assert host.hits("/sitemap.xml") == 1 and host.hits("/") == 1  # listing was not repeated
    assert all(host.hits(f"/p{i}") <= 1 for i in range(12))
    assert sum(host.hits(f"/p{i}") for i in range(12)) in (12, 13)  # at most the one in flight when cancelled


async def test_a_killed_run_resumes_and_a_live_one_refuses_a_second(local_web: LocalWeb, tmp_path: Path) -> None:
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        run, resumed = await store.call(repo.start_run, "T1", OWN, budget=5, pid=999_999_999, host=repo.this_host())
        assert not resumed
        again, resumed = await store.call(repo.start_run, "T1", OWN, budget=5)  # pid 999999999 is dead: resume
        assert resumed and again.id == run.id
        with pytest.raises(repo.DiscoveryRunningError):  # this process's run is alive
            await store.call(repo.start_run, "T1", OWN, budget=5, running_here=frozenset({run.id}))
        other, resumed = await store.call(repo.start_run, "T2", "*", budget=5)
        assert not resumed and other.id != run.id  # another workspace is not affected


async def test_workspaces_share_the_budget_fairly_and_stay_apart(local_web: LocalWeb, tmp_path: Path) -> None:
    host, _ = await big_site(local_web, "gedeeld.utrecht.nl", 20)
    for i in range(20):
        host.page(f"/p{i}", article(f'Pagina {i} <a href="https://{OWN}/p{i}">Bakkerij Jansen</a> en Slagerij Pieters.'))
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        from storage.sites import add_site

        await store.call(add_site, "T2", "slagerij-pieters.nl")
        await store.call(repo.add_watch, "T1", OWN, ["gedeeld.utrecht.nl"])
        await store.call(repo.add_watch, "T2", "slagerij-pieters.nl", ["gedeeld.utrecht.nl"])
        options = DiscoverOptions(min_delay=0.0, budget=10, per_workspace=8, per_domain=20)
        async with local_web.fetcher(max_retries=0) as fetcher:
            reports = await discover_workspaces(store, fetcher, [("T1", None), ("T2", None)], options=options)
        assert [r.pages for r in reports] == [5, 5]  # neither workspace starves the other
        assert len(reports[0].new_links) == 5 and reports[1].new_links == []
        t2_mentions = await store.call(repo.list_mentions, "T2", "slagerij-pieters.nl")
        assert len(t2_mentions) == 5 and all("Slagerij Pieters" in m.sentence for m in t2_mentions)
        assert await store.call(repo.list_mentions, "T1", OWN) == []  # T1's brand is linked on every page
        t1_pages = await store.call(repo.page_states, "T1", "gedeeld.utrecht.nl")
        t2_pages = await store.call(repo.page_states, "T2", "gedeeld.utrecht.nl")
        assert len(t1_pages) == 6 and len(t2_pages) == 6  # 5 pages + home each, kept per workspace
        with pytest.raises(Exception):
            await store.call(list_backlinks, "T2", OWN)  # T2 does not even know the site
    assert host.max_in_flight == 1  # two workspaces on one host take turns


def test_allot_water_fills() -> None:
    assert allot({"a": 2, "b": 100, "c": 100}, 50, 30) == {"a": 2, "b": 24, "c": 24}
    assert allot({"a": 2, "b": 100}, 500, 30) == {"a": 2, "b": 30}
    assert allot({"a": 10, "b": 10}, 5, 30) == {"a": 2, "b": 3} or allot({"a": 10, "b": 10}, 5, 30) == {"a": 3, "b": 2}
    assert allot({}, 10, 10) == {}
    assert allot({"a": 5}, 0, 10) == {"a": 0}


async def test_unreachable_and_robots_failing_domains_do_not_stop_the_run(local_web: LocalWeb, tmp_path: Path) -> None:
    down = await local_web.add_host("kapot.utrecht.nl")
    down.robots("", status=503)
    news = await news_site(local_web, delay=0)
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(repo.add_watch, "T1", OWN, ["bestaat-niet.utrecht.nl", "kapot.utrecht.nl", "nieuws.utrecht.nl"])
        async with local_web.fetcher(max_retries=0) as fetcher:
            report = await discover(store, fetcher, "T1", OWN, options=FAST)
        assert report.state == "done" and report.domains == 3 and report.pages == 4
        missing = await store.call(repo.host_info, "T1", "bestaat-niet.utrecht.nl")
        assert missing is not None and missing.error == "unreachable"
    assert [p for p in down.paths() if p != "/robots.txt"] == []  # robots.txt 5xx: nothing else is fetched
    assert news.hits("/a") == 1


async def test_max_domains_per_run_rotates_least_recently_listed_first(local_web: LocalWeb, tmp_path: Path) -> None:
    hosts = []
    for name in ("a.regio.nl", "b.regio.nl", "c.regio.nl"):
        host = await local_web.add_host(name)
        host.page("/", article(f"Home {name}"))
        hosts.append(host)
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(repo.add_watch, "T1", OWN, [h.name for h in hosts])
        options = DiscoverOptions(min_delay=0.0, max_domains=2)
        listed: list[set[str]] = []
        async with local_web.fetcher(max_retries=0) as fetcher:
            for _ in range(2):
                for h in hosts:
                    h.clear_log()
                report = await discover(store, fetcher, "T1", OWN, options=options)
                assert report.domains == 3
                listed.append({h.name for h in hosts if h.hits("/")})
                await asyncio.sleep(1.05)  # listed_at has one-second resolution
        assert listed[0] == {"a.regio.nl", "b.regio.nl"}
        assert listed[1] == {"c.regio.nl", "a.regio.nl"}  # never listed first, then the oldest


async def test_discovered_links_are_checked_like_others_and_count_once_in_the_digest(local_web: LocalWeb, tmp_path: Path) -> None:
    from bot.check.engine import check_site
    from bot.digest.compute import compute_digest

    news = await news_site(local_web, delay=0)
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(repo.add_watch, "T1", OWN, ["nieuws.utrecht.nl"])
        async with local_web.fetcher(max_retries=0) as fetcher:
            await discover(store, fetcher, "T1", OWN, options=FAST)
            report = await check_site(store, fetcher, "T1", OWN)
            assert report.checked == 1 and report.live == 1 and report.events.get("appeared", 0) == 0
            news.page("/a", article("De link is weg."))  # the check notices a discovered link going missing
            report = await check_site(store, fetcher, "T1", OWN)
            assert report.missing == 1
        digest = await store.call(compute_digest, "T1", OWN)
        gained = digest.to_json()["gained"]
        assert [g["source_url"] for g in gained] == ["http://nieuws.utrecht.nl/a"]


async def test_scheduled_discovery_covers_every_workspace(local_web: LocalWeb, tmp_path: Path) -> None:
    from bot.discover.crawl import scheduled_discovery
    from storage.sites import add_site

    await news_site(local_web, delay=0)
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(add_site, "T2", COMP)
        await store.call(repo.add_watch, "T1", OWN, ["nieuws.utrecht.nl"])
        await store.call(repo.add_watch, "T2", COMP, ["nieuws.utrecht.nl"])
        async with local_web.fetcher(max_retries=0) as fetcher:
            reports = await scheduled_discovery(store, fetcher, options=FAST)
        assert [(r.team_id, r.scope, r.state) for r in reports] == [("T1", "*", "done"), ("T2", "*", "done")]
        assert {l["source_url"] for l in reports[1].new_links} == {"http://nieuws.utrecht.nl/c"}
        t2_links = await store.call(list_backlinks, "T2", COMP)
        assert [b.source_url for b in t2_links] == ["http://nieuws.utrecht.nl/c"] and t2_links[0].found_by == "discovery"


async def test_broken_and_missing_listings_are_skipped_and_what_was_readable_is_used(local_web: LocalWeb, tmp_path: Path) -> None:
    host = await local_web.add_host("rommel.utrecht.nl")
    host.robots(
        "User-agent: *\nSitemap: http://rommel.utrecht.nl/kapot.xml\nSitemap: http://rommel.utrecht.nl/fout.xml\n"
        "Sitemap: http://rommel.utrecht.nl/soft404.xml\nSitemap: http://rommel.utrecht.nl/weg.xml\n"
        "Sitemap: http://rommel.utrecht.nl/bom.xml.gz\n"
    )
    host.page("/", article("Home"))
    broken = urlset([("http://rommel.utrecht.nl/ok1", "2026-11-20"), ("http://rommel.utrecht.nl/ok2", "2026-11-21")])[:-9]
    host.body("/kapot.xml", broken, content_type="application/xml")
    host.status("/fout.xml", 500)
    host.page("/soft404.xml", "<html><body>Pagina niet gevonden</body></html>")
    host.body("/bom.xml.gz", gz(b"<" + b" " * 60_000_000), content_type="application/gzip")
    for path in ("/ok1", "/ok2"):
        host.page(path, article(f'<a href="https://{OWN}{path}">link</a>'))
    async with store_with_sites(tmp_path / "db.sqlite") as store:
        await store.call(repo.add_watch, "T1", OWN, ["rommel.utrecht.nl"])
        async with local_web.fetcher(max_retries=0) as fetcher:
            report = await discover(store, fetcher, "T1", OWN, options=FAST)
    assert report.state == "done" and report.pages == 2 and len(report.new_links) == 2
    assert host.hits("/weg.xml") == 1 and host.hits("/bom.xml.gz") == 1
