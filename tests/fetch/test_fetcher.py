"""The fetcher against real local servers: redirects, statuses, retries, timeouts, size caps, types, charsets."""

from __future__ import annotations

import asyncio
import codecs
import time
import tracemalloc
import zlib
from functools import lru_cache

from aiohttp import web

from bot.fetch.result import FetchError
from tests.localweb import TEST_USER_AGENT, Host, LocalWeb

DUTCH = "Één café aan de Keizersgracht: koffie voor €3,50 – ‘lekker’ en “goed”. Ook crème brûlée. " * 5


async def _blog(local_web: LocalWeb) -> Host:
    blog = await local_web.add_host("blog.example")
    blog.robots("", status=404)
    return blog


# ---------------------------------------------------------------------------------------- redirects


async def test_redirect_chain_is_followed_and_reported(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    news = await local_web.add_host("news.example")
    blog.redirect("/a", "/b", status=301)
    blog.redirect("/b", "http://news.example/c?x=1", status=302)
    news.redirect("/c", "/final#frag", status=307)
    news.page("/final", "<p>arrived</p>")
    async with local_web.fetcher() as fetcher:
        result = await fetcher.fetch(blog.url("/a"))
    assert result.ok and result.status == 200 and "arrived" in (result.html or "")
    assert result.url == blog.url("/a")
    assert result.final_url == news.url("/final")
    assert result.redirects == (blog.url("/a"), blog.url("/b"), news.url("/c?x=1"))
    assert result.redirected


async def test_exactly_five_redirects_are_followed_six_are_too_many(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    for i in range(7):
        blog.redirect(f"/r{i}", f"/r{i + 1}")
    blog.page("/r7", "<p>end</p>")
    blog.page("/r5-end", "<p>end</p>")
    async with local_web.fetcher() as fetcher:
        five = await fetcher.fetch(blog.url("/r2"))  # r2 -> r3 -> r4 -> r5 -> r6 -> r7: five hops
        blog.clear_log()
        six = await fetcher.fetch(blog.url("/r1"))
    assert five.ok and len(five.redirects) == 5
    assert six.error is FetchError.UNREACHABLE and "More than 5 redirects" in (six.detail or "")
    assert six.status == 302 and len(six.redirects) == 5
    assert blog.hits("/r7") == 0  # gave up before the sixth hop


async def test_redirect_loop(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.redirect("/a", "/b")
    blog.redirect("/b", "/a")
    blog.redirect("/self", "/self")
    async with local_web.fetcher() as fetcher:
        loop = await fetcher.fetch(blog.url("/a"))
        self_loop = await fetcher.fetch(blog.url("/self"))
    assert loop.error is FetchError.UNREACHABLE and "loop" in (loop.detail or "")
    assert self_loop.error is FetchError.UNREACHABLE
    assert blog.hits("/a") == 1 and blog.hits("/b") == 1


async def test_redirect_without_location(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.status("/odd", 302)
    async with local_web.fetcher() as fetcher:
        result = await fetcher.fetch(blog.url("/odd"))
    assert result.error is FetchError.UNREACHABLE and result.status == 302


# ---------------------------------------------------------------------------------------- statuses


async def test_not_found_gone_and_server_errors(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.status("/gone", 410)
    blog.status("/broken", 500, body="<h1>oops</h1>")
    blog.status("/bad-gateway", 502)
    async with local_web.fetcher(max_retries=2) as fetcher:
        missing = await fetcher.fetch(blog.url("/missing"))
        gone = await fetcher.fetch(blog.url("/gone"))
        broken = await fetcher.fetch(blog.url("/broken"))
        gateway = await fetcher.fetch(blog.url("/bad-gateway"))
    assert (missing.error, missing.status) == (FetchError.PAGE_NOT_FOUND, 404)
    assert (gone.error, gone.status) == (FetchError.PAGE_NOT_FOUND, 410)
    assert (broken.error, broken.status) == (FetchError.SERVER_ERROR, 500) and broken.html is None
    assert gateway.error is FetchError.SERVER_ERROR
    assert blog.hits("/missing") == 1 and blog.hits("/gone") == 1
    assert blog.hits("/broken") == 3 and blog.hits("/bad-gateway") == 3  # retried twice


async def test_forbidden_and_unauthorised_are_blocked_without_retry(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.status("/403", 403)
    blog.status("/401", 401)
    async with local_web.fetcher() as fetcher:
        forbidden = await fetcher.fetch(blog.url("/403"))
        unauthorised = await fetcher.fetch(blog.url("/401"))
    assert (forbidden.error, forbidden.status) == (FetchError.BLOCKED, 403)
    assert (unauthorised.error, unauthorised.status) == (FetchError.BLOCKED, 401)
    assert blog.hits("/403") == 1 and blog.hits("/401") == 1


async def test_429_retry_after_is_honoured(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    calls = 0

    async def limited(request: web.Request) -> web.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            return web.Response(status=429, text="slow down", headers={"Retry-After": "1"})
        return web.Response(text="<p>welcome back</p>", content_type="text/html")

    blog.handle("/page", limited)
    async with local_web.fetcher() as fetcher:
        result = await fetcher.fetch(blog.url("/page"))
    assert result.ok and result.status == 200
    first, second = [seen.at for seen in blog.requests if seen.path == "/page"]
    assert second - first >= 0.95


async def test_429_retry_after_beyond_the_cap_gives_up_at_once(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.status("/page", 429, headers={"Retry-After": "3600"})
    async with local_web.fetcher(max_retry_after=2.0) as fetcher:
        started = time.monotonic()
        result = await fetcher.fetch(blog.url("/page"))
    assert time.monotonic() - started < 1.0
    assert (result.error, result.status) == (FetchError.BLOCKED, 429)
    assert "3600" in (result.detail or "") and blog.hits("/page") == 1


async def test_persistent_429_and_503_are_retried_max_retries_times(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.status("/busy", 429, headers={"Retry-After": "0"})
    blog.status("/down", 503)
    async with local_web.fetcher(max_retries=2, retry_backoff=0.05) as fetcher:
        busy = await fetcher.fetch(blog.url("/busy"))
        down = await fetcher.fetch(blog.url("/down"))
    assert (busy.error, busy.status, blog.hits("/busy")) == (FetchError.BLOCKED, 429, 3)
    assert (down.error, down.status, blog.hits("/down")) == (FetchError.SERVER_ERROR, 503, 3)
    times = [seen.at for seen in blog.requests if seen.path == "/down"]
    assert times[1] - times[0] >= 0.04 and times[2] - times[1] >= 0.09  # doubling backoff


async def test_bot_challenges_are_blocked_not_retried(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    challenge = "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"
    blog.status("/cf503", 503, body=challenge, headers={"Server": "cloudflare"})
    blog.status("/cf403", 403, body="", headers={"cf-mitigated": "challenge"})
    blog.page("/cf200", challenge)
    async with local_web.fetcher() as fetcher:
        results = [await fetcher.fetch(blog.url(p)) for p in ("/cf503", "/cf403", "/cf200")]
    for result in results:
        assert result.error is FetchError.BLOCKED and "challenge" in (result.detail or "")
    assert blog.hits("/cf503") == 1


# ---------------------------------------------------------------------------------------- time and size


async def test_slow_drip_server_cannot_hold_the_fetch_past_the_total_timeout(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.slow("/drip", b"<html>" + b"x" * 1000, interval=0.05)  # would take 50 s
    blog.slow("/silent", b"<html></html>", header_delay=30)
    async with local_web.fetcher(total_timeout=0.8, max_retries=0) as fetcher:
        started = time.monotonic()
        drip, silent = await asyncio.gather(fetcher.fetch(blog.url("/drip")), fetcher.fetch(blog.url("/silent")))
        elapsed = time.monotonic() - started
    assert drip.error is FetchError.UNREACHABLE and "Timed out" in (drip.detail or "")
    assert silent.error is FetchError.UNREACHABLE
    assert elapsed < 2.0


async def test_connection_refused_and_unknown_names_are_unreachable(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    port = blog.port
    await blog.stop()
    local_web.resolver.set("closed.example", ("127.0.0.2", port))
    async with local_web.fetcher() as fetcher:
        refused = await fetcher.fetch("http://closed.example/")
        unknown = await fetcher.fetch("http://no-such-host.example/")
    assert refused.error is FetchError.UNREACHABLE and refused.status is None
    assert unknown.error is FetchError.UNREACHABLE and "resolve" in (unknown.detail or "")


@lru_cache(maxsize=1)
def _gzip_bomb(megabytes: int = 100) -> bytes:
    """``megabytes`` MB of zeros, gzipped (about 100 KB), built without holding them in memory."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    parts = [compressor.compress(zeros) for _ in range(megabytes)]
    parts.append(compressor.flush())
    return b"".join(parts)


async def test_gzip_bomb_is_cut_off_with_bounded_memory(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    bomb = _gzip_bomb()
    assert len(bomb) < 200_000
    blog.body("/bomb", bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    async with local_web.fetcher(max_bytes=1_000_000) as fetcher:
        tracemalloc.start()
        try:
            started = time.monotonic()
            result = await fetcher.fetch(blog.url("/bomb"))
            elapsed = time.monotonic() - started
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert result.error is FetchError.TOO_LARGE and result.status == 200 and result.html is None
    print(f"gzip bomb: peak {peak} bytes, {elapsed:.2f} s")
    assert peak < 16_000_000, f"peak memory {peak} bytes"
    assert elapsed < 5.0


async def test_too_large_by_content_length_and_by_streaming(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.page("/big", "<p>" + "x" * 2_000_000)
    blog.slow("/stream", b"<p>" + b"y" * 300_000, chunk=65_536, interval=0)  # chunked, no length
    blog.page("/fits", "<p>" + "z" * 900_000)
    async with local_web.fetcher(max_bytes=1_000_000) as fetcher:
        big = await fetcher.fetch(blog.url("/big"))
        fits = await fetcher.fetch(blog.url("/fits"))
    async with local_web.fetcher(max_bytes=100_000) as fetcher:
        stream = await fetcher.fetch(blog.url("/stream"))
    assert big.error is FetchError.TOO_LARGE and "bytes" in (big.detail or "")
    assert stream.error is FetchError.TOO_LARGE
    assert fits.ok and len(fits.html or "") == 900_003


async def test_huge_response_headers_are_refused(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.page("/cookie-monster", "<p>hi</p>", headers={"X-Filler": "a" * 40_000})
    blog.page("/many", "<p>hi</p>", headers={f"X-Filler-{i}": "b" * 20_000 for i in range(5)})
    blog.page("/normal-csp", "<p>hi</p>", headers={"Content-Security-Policy": "default-src 'self' " + "x" * 12_000})
    async with local_web.fetcher() as fetcher:
        huge = await fetcher.fetch(blog.url("/cookie-monster"))
        many = await fetcher.fetch(blog.url("/many"))
        csp = await fetcher.fetch(blog.url("/normal-csp"))
    assert huge.error is FetchError.TOO_LARGE and "headers" in (huge.detail or "")
    assert many.error is FetchError.TOO_LARGE and "headers" in (many.detail or "")
    assert csp.ok


async def test_huge_and_malformed_html_comes_back_as_text(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    huge = "<html><body>" + "<div><p>para <a href='/x'>link</a></p></div>\n" * 60_000 + "</body></html>"
    malformed = "<html><body><a href=x>unclosed <div><p>\x00 <<<>>> </td></table><a href='https://site.nl/'>ok"
    blog.page("/huge", huge)
    blog.page("/malformed", malformed)
    async with local_web.fetcher() as fetcher:
        big = await fetcher.fetch(blog.url("/huge"))
        bad = await fetcher.fetch(blog.url("/malformed"))
    assert big.ok and len(big.html or "") == len(huge) > 2_500_000
    assert bad.ok and bad.html == malformed


# ---------------------------------------------------------------------------------------- types and charsets


async def test_non_html_is_refused_before_reading_the_body(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.body("/doc.pdf", b"%PDF-1.7 " + b"x" * 3_000_000, content_type="application/pdf")
    blog.body("/data", b'{"a": 1}', content_type="application/json")
    blog.body("/untyped-binary", b"\x89PNG\r\n\x1a\n" + b"\x00" * 3_000_000, content_type=None)  # sniffed, not read
    blog.body("/untyped-html", b"<!DOCTYPE html><html><p>hello</p>" + b"<p>more</p>" * 1000 + b"</html>", content_type=None)
    blog.body("/xhtml", b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><p>x</p></html>",
              content_type="application/xhtml+xml")
    async with local_web.fetcher(max_bytes=1_000_000) as fetcher:
        pdf = await fetcher.fetch(blog.url("/doc.pdf"))
        data = await fetcher.fetch(blog.url("/data"))
        binary = await fetcher.fetch(blog.url("/untyped-binary"))
        html = await fetcher.fetch(blog.url("/untyped-html"))
        xhtml = await fetcher.fetch(blog.url("/xhtml"))
    assert pdf.error is FetchError.NOT_HTML and pdf.content_type == "application/pdf"  # not too-large: never read
    assert data.error is FetchError.NOT_HTML
    assert binary.error is FetchError.NOT_HTML  # not too-large: only the first bytes were read
    assert html.ok and html.content_type is None and "hello" in (html.html or "") and (html.html or "").endswith("</html>")
    assert xhtml.ok


async def test_charsets(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    cp1252 = f"<html><body><p>{DUTCH}</p></body></html>".encode("cp1252")
    blog.body("/cp1252-no-header", cp1252, content_type="text/html")
    blog.body("/bom-vs-header", codecs.BOM_UTF8 + "<p>€ café</p>".encode(), content_type="text/html; charset=iso-8859-1")
    blog.body("/meta", '<html><head><meta charset="windows-1252"></head><p>café €</p>'.encode("cp1252"),
              content_type="text/html")
    blog.body("/http-equiv", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>naïef</p>'
              .encode("latin-1"), content_type="text/html")
    blog.body("/header", "<p>Ærø</p>".encode("iso-8859-15"), content_type="text/html; charset=ISO-8859-15")
    async with local_web.fetcher() as fetcher:
        got = {p: await fetcher.fetch(blog.url(p)) for p in ("/cp1252-no-header", "/bom-vs-header", "/meta", "/http-equiv", "/header")}
    assert "€3,50" in (got["/cp1252-no-header"].html or "") and "Één café" in (got["/cp1252-no-header"].html or "")
    assert got["/bom-vs-header"].html == "<p>€ café</p>"
    assert "café €" in (got["/meta"].html or "")
    assert "naïef" in (got["/http-equiv"].html or "")
    assert got["/header"].html == "<p>Ærø</p>"


# ---------------------------------------------------------------------------------------- manners


async def test_identifies_itself_and_keeps_no_cookies(local_web: LocalWeb) -> None:
    blog = await _blog(local_web)
    blog.page("/set", "<p>cookie</p>", headers={"Set-Cookie": "session=abc; Path=/"})
    blog.page("/next", "<p>next</p>")
    async with local_web.fetcher() as fetcher:
        await fetcher.fetch(blog.url("/set"))
        await fetcher.fetch(blog.url("/next"))
    for seen in blog.requests:
        assert seen.user_agent == TEST_USER_AGENT
        assert "Cookie" not in seen.headers
    assert blog.requests[-1].headers.get("Accept", "").startswith("text/html")
