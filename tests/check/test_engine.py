"""The check engine against a real local web whose pages change between checks."""

from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp import web as aioweb

from bot.check.engine import CheckReport, check_site
from storage.backlinks import list_backlinks, site_summary
from storage.checks import CheckRunningError, backlink_history, check_links, list_checks, list_events, start_check
from storage.store import Store
from tests.check.helpers import article, seed
from tests.localweb import LocalWeb

SITE = "site.nl"
TEAM = "T1"


@pytest.fixture
async def store(tmp_path):  # type: ignore[no-untyped-def]
    s = Store(tmp_path / "check.db")
    await s.open()
    yield s
    await s.aclose()


def by_url(report: CheckReport) -> dict[str, dict]:
    return {link["source_url"]: link for link in report.to_json()["links"]}


async def test_statuses_reasons_changes_and_events_over_four_checks(local_web: LocalWeb, store: Store) -> None:
    names = ["removed.nl", "gone.nl", "nofollow.nl", "wall.nl", "moved.nl", "noindex.nl", "comeback.nl", "canon.nl"]
    hosts = {name: await local_web.add_host(name) for name in names}
    for host in hosts.values():
        host.page("/post", article())
    urls = {name: host.url("/post") for name, host in hosts.items()}
    await store.call(seed, TEAM, SITE, list(urls.values()))

    async with local_web.fetcher(max_retries=0) as fetcher:
        first = await check_site(store, fetcher, TEAM, SITE)
        assert first.state == "done" and first.checked == 8 and first.live == 8
        assert first.events["appeared"] == 8
        links = by_url(first)
        sample = links[urls["removed.nl"]]
        assert sample == {
            "source_url": "http://removed.nl/post", "target_url": "https://site.nl/shop", "status": "live", "reason": None,
            "changes": [], "kind": "dofollow", "follow": True, "anchor": "Site shop", "placement": "content", "http_status": 200,
        }

        hosts["removed.nl"].page("/post", article(None))
        hosts["gone.nl"].status("/post", 404)
        hosts["nofollow.nl"].page("/post", article('<a rel="nofollow" href="https://site.nl/shop">Site shop</a>'))
        hosts["wall.nl"].status("/post", 403, body="<h1>Checking your browser</h1>")
        hosts["moved.nl"].redirect("/post", "/new", status=301)
        hosts["moved.nl"].page("/new", article(None))
        hosts["noindex.nl"].page("/post", article(head='<meta name="robots" content="noindex">'))
        hosts["comeback.nl"].page("/post", article(None))
        hosts["canon.nl"].page("/post", article(head='<link rel="canonical" href="http://canon.nl/other">'))

        second = by_url(await check_site(store, fetcher, TEAM, SITE))
        assert (second[urls["removed.nl"]]["status"], second[urls["removed.nl"]]["reason"]) == ("missing", "link-removed")
        assert (second[urls["gone.nl"]]["status"], second[urls["gone.nl"]]["reason"]) == ("missing", "page-not-found")
        assert second[urls["gone.nl"]]["http_status"] == 404
        nofollow = second[urls["nofollow.nl"]]
        assert (nofollow["status"], nofollow["changes"], nofollow["kind"], nofollow["follow"]) == ("live", ["nofollow-added"], "nofollow", False)
        assert (second[urls["wall.nl"]]["status"], second[urls["wall.nl"]]["reason"]) == ("blocked", "blocked")
        assert (second[urls["moved.nl"]]["status"], second[urls["moved.nl"]]["reason"]) == ("missing", "redirected")
        noindex = second[urls["noindex.nl"]]
        assert (noindex["status"], noindex["reason"], noindex["anchor"]) == ("missing", "noindex", "Site shop")
        assert (second[urls["canon.nl"]]["status"], second[urls["canon.nl"]]["reason"]) == ("missing", "canonical-elsewhere")

        third_report = await check_site(store, fetcher, TEAM, SITE)
        third = by_url(third_report)
        for name, reason in [("removed.nl", "link-removed"), ("gone.nl", "page-not-found"), ("moved.nl", "redirected"),
                             ("noindex.nl", "noindex"), ("comeback.nl", "link-removed"), ("canon.nl", "canonical-elsewhere")]:
            assert (third[urls[name]]["status"], third[urls[name]]["reason"]) == ("lost", reason), name
        assert third[urls["wall.nl"]]["status"] == "blocked"  # a bot wall is never a loss
        assert third[urls["nofollow.nl"]] | {"changes": None} == nofollow | {"changes": None} and third[urls["nofollow.nl"]]["changes"] == []
        assert third_report.events["lost"] == 6 and third_report.lost == 6

        hosts["comeback.nl"].page("/post", article())
        fourth_report = await check_site(store, fetcher, TEAM, SITE)
        fourth = by_url(fourth_report)
        assert fourth[urls["comeback.nl"]]["status"] == "live"
        assert fourth_report.events["returned"] == 1 and fourth_report.events["lost"] == 0
        assert fourth[urls["wall.nl"]]["status"] == "blocked"

    events = await store.call(list_events, TEAM, SITE)
    assert sorted(e.type for e in events if e.type != "appeared") == ["lost"] * 6 + ["nofollow-added", "returned"]
    returned = [e for e in events if e.type == "returned"][0]
    assert returned.source_url == urls["comeback.nl"] and returned.detail == {"lost_reason": "link-removed"}
    lost_wall = [e for e in events if e.source_url == urls["wall.nl"] and e.type == "lost"]
    assert lost_wall == []
    history = await store.call(backlink_history, TEAM, SITE, urls["gone.nl"])
    assert [h["status"] for h in history] == ["live", "missing", "lost", "lost"]
    assert [h["page_status"] for h in history] == ["ok", "not-found", "not-found", "not-found"]
    checks = await store.call(list_checks, TEAM, SITE)
    assert [c.state for c in checks] == ["done"] * 4 and checks[0].checked == 8 and checks[0].duration_ms is not None
    summary = await store.call(site_summary, TEAM, SITE)
    assert (summary.live, summary.lost, summary.blocked, summary.missing) == (2, 5, 1, 0)
    assert summary.lost_this_week == 6
    # the JSON of the CLI can be read back from the store as well
    stored = await store.call(check_links, TEAM, fourth_report.check_id)
    assert {l["source_url"]: l["status"] for l in stored} == {u: l["status"] for u, l in fourth.items()}


async def test_first_check_never_declares_losses(local_web: LocalWeb, store: Store) -> None:
    host = await local_web.add_host("blog.nl")
    host.page("/a", article(None))
    await store.call(seed, TEAM, SITE, [host.url("/a"), "http://nowhere.nl/x"])
    async with local_web.fetcher(max_retries=0) as fetcher:
        report = await check_site(store, fetcher, TEAM, SITE)
    assert (report.missing, report.lost) == (2, 0)
    reasons = {l["source_url"]: l["reason"] for l in report.to_json()["links"]}
    assert reasons == {host.url("/a"): "link-removed", "http://nowhere.nl/x": "unreachable"}


async def test_robots_disallow_is_blocked_and_politeness_holds(local_web: LocalWeb, store: Store) -> None:
    hosts = [await local_web.add_host(f"h{i}.nl") for i in range(3)]
    urls = []
    for host in hosts:
        for n in range(8):
            host.page(f"/p{n}", article(), delay=0.02)
            urls.append(host.url(f"/p{n}"))
    hosts[0].robots("User-agent: *\nDisallow: /p7")
    await store.call(seed, TEAM, SITE, urls)
    seen: list[tuple[int, int]] = []
    async with local_web.fetcher(max_retries=0, per_host=2) as fetcher:
        report = await check_site(store, fetcher, TEAM, SITE, progress=lambda d, t: seen.append((d, t)))
    assert report.blocked == 1 and report.live == 23
    assert by_url(report)[hosts[0].url("/p7")]["status"] == "blocked"
    assert max(h.max_in_flight for h in hosts) <= 2
    assert seen[0] == (0, 24) and seen[-1] == (24, 24)
    assert all(b[0] >= a[0] for a, b in zip(seen, seen[1:]))


async def test_async_progress_callback_and_links_not_collected(local_web: LocalWeb, store: Store) -> None:
    host = await local_web.add_host("blog.nl")
    host.page("/a", article())
    await store.call(seed, TEAM, SITE, [host.url("/a")])
    calls = []

    async def progress(done: int, total: int) -> None:
        await asyncio.sleep(0)
        calls.append((done, total))

    async with local_web.fetcher() as fetcher:
        report = await check_site(store, fetcher, TEAM, SITE, progress=progress, collect_links=False, trigger="slack")
    assert report.links == [] and report.live == 1 and calls[-1] == (1, 1)
    assert (await store.call(list_checks, TEAM, SITE))[0].trigger == "slack"


async def test_empty_site_check_is_done_with_zero(local_web: LocalWeb, store: Store) -> None:
    await store.call(seed, TEAM, SITE, [])
    async with local_web.fetcher() as fetcher:
        report = await check_site(store, fetcher, TEAM, SITE)
    assert report.to_json() == {"site": SITE, "checked": 0, "live": 0, "missing": 0, "lost": 0, "blocked": 0, "links": []}
    assert report.state == "done"


async def test_a_running_check_refuses_a_second_and_a_dead_one_is_interrupted(local_web: LocalWeb, store: Store) -> None:
    host = await local_web.add_host("blog.nl")
    host.page("/a", article())
    await store.call(seed, TEAM, SITE, [host.url("/a")])
    # a check row of a live process on this machine (our own parent is certainly alive)
    import os

    await store.call(start_check, TEAM, SITE, pid=os.getppid())
    async with local_web.fetcher() as fetcher:
        with pytest.raises(CheckRunningError):
            await check_site(store, fetcher, TEAM, SITE)
    # pretend that process died
    await store.call(lambda db: db.execute("UPDATE checks SET pid = 999999999 WHERE state = 'running'"))
    async with local_web.fetcher() as fetcher:
        report = await check_site(store, fetcher, TEAM, SITE)
    assert report.state == "done" and len(report.interrupted_checks) == 1
    states = [c.state for c in await store.call(list_checks, TEAM, SITE)]
    assert states == ["done", "interrupted"]


async def test_engine_keeps_going_when_a_fetch_raises(local_web: LocalWeb, store: Store) -> None:
    host = await local_web.add_host("blog.nl")
    host.page("/a", article())
    await store.call(seed, TEAM, SITE, [host.url("/a"), host.url("/boom")])

    async with local_web.fetcher() as fetcher:
        real = fetcher.fetch

        async def flaky(url: str):  # type: ignore[no-untyped-def]
            if url.endswith("/boom"):
                raise RuntimeError("bug in a dependency")
            return await real(url)

        fetcher.fetch = flaky  # type: ignore[method-assign]
        report = await check_site(store, fetcher, TEAM, SITE)
    assert report.live == 1 and report.missing == 1
    assert by_url(report)[host.url("/boom")]["reason"] == "unreachable"


async def test_picked_link_is_the_best_and_stays_stable(local_web: LocalWeb, store: Store) -> None:
    host = await local_web.add_host("blog.nl")
    two = '<a rel="nofollow" href="https://site.nl/a">first</a> and <a href="https://site.nl/b">second</a>'
    host.page("/a", article(two))
    await store.call(seed, TEAM, SITE, [host.url("/a")])
    async with local_web.fetcher() as fetcher:
        first = by_url(await check_site(store, fetcher, TEAM, SITE))[host.url("/a")]
        again = by_url(await check_site(store, fetcher, TEAM, SITE))[host.url("/a")]
    assert (first["target_url"], first["kind"]) == ("https://site.nl/b", "dofollow")
    assert again["changes"] == [] and again["target_url"] == "https://site.nl/b"
    rows = await store.call(list_backlinks, TEAM, SITE)
    assert rows[0].anchor == "second" and rows[0].kind == "dofollow"
    assert json.loads(json.dumps(again))  # JSON-safe


async def test_parse_processes_give_the_same_results_as_threads(local_web: LocalWeb, store: Store,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.check.engine as engine

    monkeypatch.setattr(engine, "PAGES_PER_POOL", 2)  # the pool of processes is replaced during the check
    host = await local_web.add_host("blog.nl")
    host.page("/a", article())
    host.page("/b", article('<a rel="ugc" href="https://site.nl/x">forum</a>'))
    host.page("/c", article(None))
    for team in ("threads", "processes"):
        await store.call(seed, team, SITE, [host.url(p) for p in ("/a", "/b", "/c")])
    async with local_web.fetcher() as fetcher:
        threads = by_url(await check_site(store, fetcher, "threads", SITE, parse_processes=0))
        processes = by_url(await check_site(store, fetcher, "processes", SITE, parse_processes=1))
    assert threads == processes
    assert threads[host.url("/b")]["kind"] == "ugc" and threads[host.url("/c")]["reason"] == "link-removed"


def test_pages_without_the_site_name_skip_the_analysis() -> None:
    from bot.check.engine import could_link, domain_markers, evaluate
    from bot.fetch.result import FetchResult
    from storage.checks import PriorRow

    assert domain_markers("xn--bcher-kva.nl") == ("bücher", "xn--bcher-kva") or set(domain_markers("xn--bcher-kva.nl")) == {
        "bücher", "xn--bcher-kva"}
    assert could_link("<a href='HTTPS://WWW.SITE.NL/'>x</a>", "site.nl")
    assert could_link("<base href='https://site.nl/'><a href='/x'>x</a>", "site.nl")
    assert not could_link("<a href='https://other.nl/'>site</a>", "mysite.nl")
    row = PriorRow(1, "https://blog.nl/a", "live", None, 0, True, "https://site.nl/", "dofollow", True, "Site", "content")
    html = "<html><head><meta name=robots content=noindex></head><body><p>nothing here</p></body></html>"
    record = evaluate(FetchResult("https://blog.nl/a", "https://blog.nl/a", 200, html=html), row, "site.nl", True)
    assert (record.status, record.reason, record.link_found, record.noindex) == ("missing", "link-removed", False, None)
    assert record.last_anchor == "Site"  # the last link seen is kept


async def test_cancelled_check_is_interrupted_and_keeps_what_it_saw(local_web: LocalWeb, store: Store) -> None:
    hosts = [await local_web.add_host(f"slow{i}.nl") for i in range(4)]
    urls = []
    for host in hosts:
        for n in range(10):
            host.page(f"/p{n}", article(), delay=0.05 if n < 2 else 5)
            urls.append(host.url(f"/p{n}"))
    await store.call(seed, TEAM, SITE, urls)
    async with local_web.fetcher(max_retries=0) as fetcher:
        task = asyncio.create_task(check_site(store, fetcher, TEAM, SITE, concurrency=8, batch_size=2))
        for _ in range(200):
            await asyncio.sleep(0.05)
            if (await store.call(list_checks, TEAM, SITE))[0].checked >= 4:
                break
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    check = (await store.call(list_checks, TEAM, SITE))[0]
    assert check.state == "interrupted" and check.finished_at is not None
    observed = await store.call(lambda db: db.execute("SELECT COUNT(*) FROM observations").fetchone()[0])
    assert observed == check.checked >= 4


async def test_backlinks_removed_during_a_check_are_skipped(local_web: LocalWeb, store: Store) -> None:
    from storage.backlinks import remove_backlinks

    host = await local_web.add_host("blog.nl")
    host.page("/a", article(), delay=0.3)
    host.page("/b", article())
    await store.call(seed, TEAM, SITE, [host.url("/a"), host.url("/b")])
    async with local_web.fetcher() as fetcher:
        task = asyncio.create_task(check_site(store, fetcher, TEAM, SITE))
        await asyncio.sleep(0.1)
        assert await store.call(remove_backlinks, TEAM, SITE, [host.url("/a")]) == 1
        report = await task
    assert report.state == "done" and report.checked == 1


async def test_a_dead_parse_process_does_not_stop_the_check(local_web: LocalWeb, store: Store,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    import bot.check.engine as engine

    host = await local_web.add_host("blog.nl")
    for n in range(6):
        host.page(f"/p{n}", article())
    await store.call(seed, TEAM, SITE, [host.url(f"/p{n}") for n in range(6)])
    real_pool = engine.parse_pool

    def pool_that_dies(total: int, **kw):  # type: ignore[no-untyped-def]
        pool = real_pool(total, **kw)
        if kw.get("parse_processes"):
            pool.submit(os.getpid).result()  # start the worker
            for pid in list(pool._processes):  # type: ignore[attr-defined]
                os.kill(pid, signal.SIGKILL)
        return pool

    monkeypatch.setattr(engine, "parse_pool", pool_that_dies)
    async with local_web.fetcher() as fetcher:
        report = await check_site(store, fetcher, TEAM, SITE, parse_processes=1)
    assert report.state == "done" and report.live == 6


async def test_unchanged_pages_reuse_their_analysis_and_changed_pages_do_not(local_web: LocalWeb, store: Store,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.check.engine as engine

    host = await local_web.add_host("blog.nl")
    host.page("/same", article('<a rel="nofollow" href="https://site.nl/x">Site X</a>'))
    host.page("/noindex", article(head='<meta name="robots" content="noindex">'))
    host.page("/none", article(None))
    host.page("/edit", article())
    await store.call(seed, TEAM, SITE, [host.url(p) for p in ("/same", "/noindex", "/none", "/edit")])
    async with local_web.fetcher() as fetcher:
        first = await check_site(store, fetcher, TEAM, SITE)
        host.page("/edit", article('<a href="https://site.nl/shop">New words</a>'))
        second = await check_site(store, fetcher, TEAM, SITE)
        monkeypatch.setattr(engine, "_ANALYSIS_FINGERPRINT", "new-analysis-code")
        third = await check_site(store, fetcher, TEAM, SITE)
        fourth = await check_site(store, fetcher, TEAM, SITE, reuse_unchanged=False)
    assert (first.reused, second.reused, third.reused, fourth.reused) == (0, 3, 0, 0)
    a, b, c = by_url(second), by_url(third), by_url(fourth)
    assert a[host.url("/edit")]["changes"] == ["anchor-changed"]
    same = a[host.url("/same")]
    assert (same["status"], same["kind"], same["follow"], same["anchor"], same["placement"], same["changes"]) == (
        "live", "nofollow", False, "Site X", "content", [])
    assert (a[host.url("/noindex")]["status"], a[host.url("/noindex")]["reason"]) == ("lost", "noindex")
    assert (a[host.url("/none")]["status"], a[host.url("/none")]["reason"]) == ("lost", "link-removed")
    for url in (host.url("/same"), host.url("/noindex"), host.url("/none")):
        assert {k: v for k, v in a[url].items() if k != "status"} == {k: v for k, v in b[url].items() if k != "status"}
        assert b[url] == c[url]
    history = await store.call(backlink_history, TEAM, SITE, host.url("/same"))
    assert [h["rel"] for h in history] == [["nofollow"]] * 4 and all(h["noindex"] is False for h in history)


async def test_a_failing_store_write_marks_the_check_failed_and_raises_the_real_error(local_web: LocalWeb, store: Store,
                                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.check.engine as engine

    host = await local_web.add_host("blog.nl")
    host.page("/a", article())
    await store.call(seed, TEAM, SITE, [host.url("/a")])

    def broken_write(db, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(engine, "write_results", broken_write)
    async with local_web.fetcher() as fetcher:
        with pytest.raises(RuntimeError, match="disk full"):
            await check_site(store, fetcher, TEAM, SITE)
    check = (await store.call(list_checks, TEAM, SITE))[0]
    assert check.state == "failed" and check.error == "RuntimeError: disk full"


async def test_check_records_brand_mentions_of_analysed_pages(local_web: LocalWeb, store: Store) -> None:
    """Issue 8: every page the check reads and evaluates is searched for unlinked mentions of the
    site's brands, stored through the discover repository (what `backlinks mentions` lists) and
    replaced on each read; a page that links to the site has no unlinked mention (its known mentions
    become linked); a page that was not read records nothing."""
    from storage.discover_repo import list_mentions
    from storage.sites import add_site, set_site_terms

    site = "bakkerij-jansen.nl"
    linked = await local_web.add_host("linked.nl")
    named = await local_web.add_host("named.nl")
    brand_only = await local_web.add_host("brandonly.nl")
    broken = await local_web.add_host("broken.nl")
    linked.page("/post", article('<a href="https://bakkerij-jansen.nl/">de bakker</a>. Bakkerij Jansen bakt al 40 jaar brood'))
    named.page("/post", article("bakkerij-jansen.nl (geen link). Wij kopen ons brood altijd bij Bakkerij Jansen in Zwolle"))
    brand_only.page("/post", article("Het lekkerste brood komt van Bakkerij Jansén uit Kampen"))
    broken.status("/post", 500)
    urls = [linked.url("/post"), named.url("/post"), brand_only.url("/post"), broken.url("/post")]

    def setup(db):  # type: ignore[no-untyped-def]
        seed(db, TEAM, site, urls)
        set_site_terms(db, TEAM, site, brands=["Bakkerij Jansen"])
        add_site(db, TEAM, "other.nl")

    await store.call(setup)
    async with local_web.fetcher(max_retries=0) as fetcher:
        report = await check_site(store, fetcher, TEAM, site)
    assert report.state == "done" and report.mentions_new >= 2
    rows = await store.call(list_mentions, TEAM, site, include_linked=True)
    assert {r.page_url for r in rows} == {named.url("/post"), brand_only.url("/post")}
    assert not any(r.linked for r in rows)
    assert any("Zwolle" in r.sentence for r in rows) and any("Kampen" in r.sentence for r in rows)
    assert await store.call(list_mentions, TEAM, "other.nl", include_linked=True) == []

    # the link is placed on named.nl: its mentions are linked now; brandonly.nl drops the brand
    named.page("/post", article('<a href="https://bakkerij-jansen.nl/">Bakkerij Jansen</a> in Zwolle'))
    brand_only.page("/post", article("Het lekkerste brood komt uit Kampen"))
    async with local_web.fetcher(max_retries=0) as fetcher:
        await check_site(store, fetcher, TEAM, site)
    rows = await store.call(list_mentions, TEAM, site, include_linked=True)
    assert {(r.page_url, r.linked) for r in rows} == {(named.url("/post"), True)}
    assert await store.call(list_mentions, TEAM, site) == []


async def test_mention_search_can_be_switched_off(local_web: LocalWeb, store: Store) -> None:
    from storage.discover_repo import list_mentions

    host = await local_web.add_host("named.nl")
    host.page("/post", article("Wij kopen ons brood bij site.nl en nergens anders"))
    await store.call(seed, TEAM, SITE, [host.url("/post")])
    async with local_web.fetcher(max_retries=0) as fetcher:
        await check_site(store, fetcher, TEAM, SITE, record_mentions=False)
    assert await store.call(list_mentions, TEAM, SITE, include_linked=True) == []
