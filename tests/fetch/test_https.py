"""https through the local web: the usual http -> https upgrade, certificates verified, port 443 allowed."""

from __future__ import annotations

import shutil

import pytest

from bot.fetch.result import FetchError
from tests.localweb import LocalWeb

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="https hosts need the openssl command")


async def test_http_to_https_upgrade_is_followed(local_web: LocalWeb) -> None:
    secure = await local_web.add_host("secure.example", https=True)
    secure.robots("", status=404)
    secure.redirect("/post", "https://secure.example/post", status=301)

    async def only_https(request):  # type: ignore[no-untyped-def]
        from aiohttp import web

        if request.scheme != "https":
            raise web.HTTPMovedPermanently("https://secure.example/post")
        return web.Response(text="<p>over tls</p>", content_type="text/html")

    secure.handle("/post", only_https)
    async with local_web.fetcher() as fetcher:
        result = await fetcher.fetch(secure.url("/post"))
    assert result.ok and "over tls" in (result.html or "")
    assert result.final_url == secure.https_url("/post") and result.redirects == (secure.url("/post"),)
    assert [seen.scheme for seen in secure.requests if seen.path == "/post"] == ["http", "https"]


async def test_https_on_443_passes_the_production_port_rule(local_web: LocalWeb) -> None:
    """Production mode except for the address rule: 127.0.0.x is not private here, port 443 is fine."""
    secure = await local_web.add_host("secure.example", https=True)
    secure.robots("", status=404)
    secure.page("/", "<p>ok</p>")
    async with local_web.fetcher(allow_private_networks=False) as fetcher:
        result = await fetcher.fetch(secure.https_url("/"))
    # The address guard still refuses 127.0.0.x: what matters is that the port was not the reason.
    assert result.error is FetchError.BLOCKED_ADDRESS and "port" not in (result.detail or "").lower()
    assert secure.requests == []


async def test_certificate_for_another_name_is_unreachable(local_web: LocalWeb) -> None:
    secure = await local_web.add_host("secure.example", https=True)
    secure.page("/", "<p>ok</p>")
    local_web.resolver.set("impostor.example", secure)  # serves secure.example's certificate
    async with local_web.fetcher(obey_robots=False) as fetcher:
        result = await fetcher.fetch("https://impostor.example/")
    assert result.error is FetchError.UNREACHABLE and "certificate" in (result.detail or "").lower()
    assert secure.requests == []
