"""The fetcher additions discovery relies on: extra request headers (conditional requests and 304),
raw bytes of any content type (``fetch_data``) and the cached robots.txt rules (``robots_rules``)."""

from __future__ import annotations

from aiohttp import web

from bot.fetch.result import FetchError
from tests.localweb import LocalWeb


async def test_conditional_request_gets_304_as_unchanged(local_web: LocalWeb) -> None:
    host = await local_web.add_host("blog.site.nl")

    async def page(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304, headers={"ETag": '"v1"'})
        return web.Response(text="<p>hello</p>", content_type="text/html", headers={"ETag": '"v1"'})

    host.handle("/post", page)
    async with local_web.fetcher(max_retries=0) as fetcher:
        first = await fetcher.fetch(host.url("/post"))
        assert first.ok and first.headers["etag"] == '"v1"'
        again = await fetcher.fetch(host.url("/post"), headers={"If-None-Match": '"v1"'})
        assert again.status == 304 and again.error is None and again.html is None and not again.ok
        other = await fetcher.fetch(host.url("/post"), headers={"If-None-Match": '"v0"'})
        assert other.ok and other.html == "<p>hello</p>"
    seen = [r.headers.get("If-None-Match") for r in host.requests if r.path == "/post"]
    assert seen == [None, '"v1"', '"v0"']


async def test_304_without_a_conditional_header_is_still_an_error(local_web: LocalWeb) -> None:
    host = await local_web.add_host("odd.site.nl")
    host.status("/x", 304)
    async with local_web.fetcher(max_retries=0) as fetcher:
        result = await fetcher.fetch(host.url("/x"))
    assert result.error is FetchError.UNREACHABLE


async def test_fetch_data_reads_any_type_and_obeys_robots_and_size(local_web: LocalWeb) -> None:
    host = await local_web.add_host("data.site.nl")
    host.robots("User-agent: *\nDisallow: /secret\nCrawl-delay: 3\nSitemap: http://data.site.nl/s.xml\n")
    host.body("/s.xml", b"<urlset/>", content_type="application/xml")
    host.body("/s.xml.gz", b"\x1f\x8b" + b"x" * 100, content_type="application/gzip")
    host.body("/secret/s.xml", b"<urlset/>", content_type="application/xml")
    host.body("/big.xml", b"x" * 5000, content_type="application/xml")
    host.status("/gone.xml", 404)
    async with local_web.fetcher(max_retries=0, max_bytes=4000) as fetcher:
        xml = await fetcher.fetch_data(host.url("/s.xml"))
        assert xml.error is None and xml.body == b"<urlset/>" and xml.html is None
        gz = await fetcher.fetch_data(host.url("/s.xml.gz"))
        assert gz.body is not None and gz.body.startswith(b"\x1f\x8b")
        page = await fetcher.fetch(host.url("/s.xml"))
        assert page.error is FetchError.NOT_HTML and page.body is None
        secret = await fetcher.fetch_data(host.url("/secret/s.xml"))
        assert secret.error is FetchError.BLOCKED and host.hits("/secret/s.xml") == 0
        big = await fetcher.fetch_data(host.url("/big.xml"))
        assert big.error is FetchError.TOO_LARGE and big.body is None
        gone = await fetcher.fetch_data(host.url("/gone.xml"))
        assert gone.error is FetchError.PAGE_NOT_FOUND
        rules = await fetcher.robots_rules(host.url("/anything"))
        assert rules is not None and rules.parser is not None
        assert rules.parser.crawl_delay("TestBot") == 3.0
        assert list(rules.parser.sitemaps) == ["http://data.site.nl/s.xml"]
        assert await fetcher.robots_rules("not a url") is None
    assert host.hits("/robots.txt") == 1
