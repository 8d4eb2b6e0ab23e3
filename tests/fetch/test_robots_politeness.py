"""robots.txt (RFC 9309) and politeness: per-host and global limits, in-flight dedupe, session set-up."""

from __future__ import annotations

import asyncio

import aiohttp
from aiohttp import web
from aiohttp.resolver import AsyncResolver

from bot.config import Settings
from bot.fetch import FetchSettings, SafeResolver, make_session
from bot.fetch.result import FetchError
from tests.localweb import LocalWeb

# ---------------------------------------------------------------------------------------- robots.txt


async def test_robots_disallow_blocks_without_touching_the_page(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    blog.robots("User-agent: *\nDisallow: /private/\n")
    blog.page("/private/post", "<p>secret</p>")
    blog.page("/public", "<p>hello</p>")
    async with local_web.fetcher() as fetcher:
        private = await fetcher.fetch(blog.url("/private/post"))
        public = await fetcher.fetch(blog.url("/public"))
        assert await fetcher.robots_allowed(blog.url("/public"))
        assert not await fetcher.robots_allowed(blog.url("/private/x"))
    assert private.error is FetchError.BLOCKED and private.status is None
    assert "robots.txt" in (private.detail or "")
    assert public.ok
    assert blog.hits("/private/post") == 0
    assert blog.hits("/robots.txt") == 1  # cached per origin


async def test_robots_groups_match_our_product_token(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    blog.robots("User-agent: TestBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    blog.page("/", "<p>hi</p>")
    async with local_web.fetcher() as fetcher:
        ours = await fetcher.fetch(blog.url("/"))
    async with local_web.fetcher(user_agent="OtherBot/2.0 (+https://other.example)") as fetcher:
        other = await fetcher.fetch(blog.url("/"))
    assert ours.error is FetchError.BLOCKED and other.ok


async def test_robots_missing_means_allowed_server_error_means_disallowed(local_web: LocalWeb) -> None:
    missing = await local_web.add_host("missing.example")
    broken = await local_web.add_host("broken.example")
    forbidden = await local_web.add_host("forbidden.example")
    for host in (missing, broken, forbidden):
        host.page("/", "<p>page</p>")
    missing.robots("", status=404)
    broken.robots("", status=500)
    forbidden.robots("", status=403)
    async with local_web.fetcher() as fetcher:
        results = {h.name: await fetcher.fetch(h.url("/")) for h in (missing, broken, forbidden)}
        again = await fetcher.fetch(broken.url("/"))
    assert results["missing.example"].ok
    assert results["forbidden.example"].ok  # 4xx: "unavailable", crawl allowed
    assert results["broken.example"].error is FetchError.BLOCKED and "robots.txt" in (results["broken.example"].detail or "")
    assert again.error is FetchError.BLOCKED
    assert broken.hits("/") == 0 and broken.hits("/robots.txt") == 1  # the failure is cached too


async def test_robots_cache_expires(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    blog.robots("User-agent: *\nDisallow:\n")
    blog.page("/", "<p>hi</p>")
    async with local_web.fetcher(robots_ttl=0) as fetcher:
        assert (await fetcher.fetch(blog.url("/"))).ok
        blog.robots("User-agent: *\nDisallow: /\n")  # the site changes its mind
        assert (await fetcher.fetch(blog.url("/?2"))).error is FetchError.BLOCKED
    assert blog.hits("/robots.txt") == 2


async def test_robots_redirects_are_followed_and_checked(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    cdn = await local_web.add_host("cdn.example")
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    blog.redirect("/robots.txt", "http://cdn.example/robots-blog.txt", status=301)
    cdn.body("/robots-blog.txt", b"User-agent: *\nDisallow: /drafts/\n", content_type="text/plain")
    cdn.robots("", status=404)
    blog.page("/drafts/1", "<p>draft</p>")
    blog.page("/post", "<p>post</p>")
    shady = await local_web.add_host("shady.example")
    shady.redirect("/robots.txt", f"http://127.0.0.1:{internal.port}/robots.txt")
    shady.page("/", "<p>shady</p>")
    internal.robots("User-agent: *\nAllow: /\n")
    async with local_web.fetcher(blocked_networks=("127.0.0.1/32",)) as fetcher:
        draft = await fetcher.fetch(blog.url("/drafts/1"))
        post = await fetcher.fetch(blog.url("/post"))
        shady_page = await fetcher.fetch(shady.url("/"))
    assert draft.error is FetchError.BLOCKED and post.ok
    assert shady_page.error is FetchError.BLOCKED  # robots.txt unreachable (refused redirect) => disallowed
    assert internal.requests == [] and shady.hits("/") == 0


async def test_robots_of_every_redirect_hop_is_obeyed(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    walled = await local_web.add_host("walled.example")
    blog.robots("", status=404)
    blog.redirect("/go", "http://walled.example/page")
    walled.robots("User-agent: *\nDisallow: /\n")
    walled.page("/page", "<p>walled</p>")
    async with local_web.fetcher() as fetcher:
        result = await fetcher.fetch(blog.url("/go"))
    assert result.error is FetchError.BLOCKED and result.redirects == (blog.url("/go"),)
    assert walled.hits("/page") == 0


async def test_obey_robots_off_skips_robots_txt(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    blog.robots("User-agent: *\nDisallow: /\n")
    blog.page("/", "<p>hi</p>")
    async with local_web.fetcher(obey_robots=False) as fetcher:
        assert (await fetcher.fetch(blog.url("/"))).ok
        assert not await fetcher.robots_allowed(blog.url("/"))  # still answers when asked
    assert blog.paths() == ["/", "/robots.txt"]


# ---------------------------------------------------------------------------------------- politeness


async def test_per_host_limit_holds_at_the_server(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    other = await local_web.add_host("other.example")
    for host in (blog, other):
        host.robots("", status=404)
        for i in range(8):
            host.page(f"/p{i}", f"<p>{i}</p>", delay=0.1)
    async with local_web.fetcher(per_host=2) as fetcher:
        results = await asyncio.gather(
            *(fetcher.fetch(host.url(f"/p{i}")) for i in range(8) for host in (blog, other))
        )
    assert all(r.ok for r in results)
    assert blog.max_in_flight == 2 and other.max_in_flight == 2  # limited, and still parallel


async def test_global_limit_holds_across_hosts(local_web: LocalWeb) -> None:
    hosts = [await local_web.add_host(f"site{i}.example") for i in range(4)]
    active = peak = 0

    async def counted(request: web.Request) -> web.Response:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.05)
        active -= 1
        return web.Response(text="<p>ok</p>", content_type="text/html")

    for host in hosts:
        host.robots("", status=404)
        for i in range(3):
            host.handle(f"/p{i}", counted)
    async with local_web.fetcher(global_limit=3, per_host=2) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(h.url(f"/p{i}")) for h in hosts for i in range(3)))
    assert all(r.ok for r in results)
    assert peak == 3


async def test_same_url_at_once_is_fetched_once(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    blog.robots("", status=404)
    blog.page("/post", "<p>shared</p>", delay=0.1)
    async with local_web.fetcher() as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(blog.url("/post")) for _ in range(5)))
        spelled = await asyncio.gather(fetcher.fetch(blog.url("/post")), fetcher.fetch("HTTP://Blog.Example/post#top"))
        later = await fetcher.fetch(blog.url("/post"))
    assert all(r.ok and r.html == "<p>shared</p>" for r in results)
    assert spelled[1].url == "HTTP://Blog.Example/post#top"  # each caller sees its own url
    assert later.ok
    assert blog.hits("/post") == 3  # one for the five, one for the two spellings, one later
    assert blog.hits("/robots.txt") == 1


async def test_a_host_that_asks_to_wait_makes_every_request_to_it_wait(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    blog.robots("", status=404)
    calls = 0

    async def once_limited(request: web.Request) -> web.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            return web.Response(status=503, text="busy", headers={"Retry-After": "1"})
        return web.Response(text="<p>ok</p>", content_type="text/html")

    blog.handle("/a", once_limited)
    blog.page("/b", "<p>b</p>")
    async with local_web.fetcher() as fetcher:
        first = asyncio.ensure_future(fetcher.fetch(blog.url("/a")))
        while calls == 0:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        b = await fetcher.fetch(blog.url("/b"))
        a = await first
    assert a.ok and b.ok
    a_first = next(s.at for s in blog.requests if s.path == "/a")
    b_at = next(s.at for s in blog.requests if s.path == "/b")
    assert b_at - a_first >= 0.9


# ---------------------------------------------------------------------------------------- session


async def test_production_session_setup() -> None:
    settings = FetchSettings.from_settings(Settings.from_env({"BACKLINKS_USER_AGENT": "MyBot/1 (+https://x.example)"}))
    assert settings.user_agent == "MyBot/1 (+https://x.example)" and settings.robots_token == "MyBot"
    assert not settings.allow_private_networks and settings.allowed_ports == frozenset({80, 443})
    assert FetchSettings.from_settings(Settings(), max_bytes=10).max_bytes == 10
    session = make_session(settings)
    try:
        assert session.trust_env is False
        assert isinstance(session.cookie_jar, aiohttp.DummyCookieJar)
        assert session.timeout.total == 20.0
        connector = session.connector
        assert isinstance(connector, aiohttp.TCPConnector)
        resolver = connector._resolver  # type: ignore[attr-defined]
        assert isinstance(resolver, SafeResolver) and isinstance(resolver.inner, AsyncResolver)
        assert session.headers["User-Agent"] == settings.user_agent
    finally:
        await session.close()
