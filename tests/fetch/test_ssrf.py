"""The address guard against real servers: refused targets never receive a single request.

The "internal" server listens on 127.0.0.1 with a random port. Where the fetcher runs in production
mode (``allow_private_networks=False``) that port is added to ``allowed_ports``, so only the address
rule can stop the request. Where a "public" site is needed, private mode is on and 127.0.0.1 is put in
``blocked_networks``: 127.0.0.2 plays the public web, 127.0.0.1 the internal network.
"""

from __future__ import annotations

import pytest

from bot.fetch.result import FetchError
from tests.localweb import LocalWeb

SPELLINGS = [
    "127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "0x7f000001", "127.0.1",
    "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::1]", "[::]", "[64:ff9b::7f00:1]", "[2002:7f00:1::1]",
    "localhost", "localhost.", "LocalHost", "0.0.0.0", "0", "127.0.0.1.",
    "①②⑦.0.0.1", "127。0。0。1",  # normalised to 127.0.0.1 by the URL parser (IDNA/NFKC)
]


@pytest.mark.parametrize("spelling", SPELLINGS)
async def test_every_spelling_of_this_machine_is_refused_before_connecting(local_web: LocalWeb, spelling: str) -> None:
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    internal.page("/", "<p>secret admin page</p>")
    async with local_web.fetcher(allow_private_networks=False, allowed_ports=frozenset({internal.port})) as fetcher:
        result = await fetcher.fetch(f"http://{spelling}:{internal.port}/")
    assert result.error is FetchError.BLOCKED_ADDRESS, (spelling, result)
    assert result.status is None and result.html is None
    assert "does not fetch" in (result.detail or "")
    assert internal.requests == []


@pytest.mark.parametrize("spelling", ["%31%32%37.0.0.1", "127.0.0.1%00.blog.example", "999.0.0.1", "0x7g.0.0.1"])
async def test_malformed_numeric_hosts_are_refused_as_invalid(local_web: LocalWeb, spelling: str) -> None:
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    async with local_web.fetcher(allow_private_networks=False, allowed_ports=frozenset({internal.port})) as fetcher:
        result = await fetcher.fetch(f"http://{spelling}:{internal.port}/")
    assert result.error in (FetchError.INVALID_URL, FetchError.BLOCKED_ADDRESS), result
    assert internal.requests == []


async def test_control_the_same_server_is_reachable_in_private_mode(local_web: LocalWeb) -> None:
    """Proves the request log would have seen the refused requests above."""
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    internal.page("/", "<p>secret admin page</p>")
    async with local_web.fetcher(allow_private_networks=True) as fetcher:
        result = await fetcher.fetch(f"http://127.0.0.1:{internal.port}/")
    assert result.ok and internal.hits("/") == 1


async def test_names_resolving_to_private_addresses_are_refused(local_web: LocalWeb) -> None:
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    local_web.resolver.set("sneaky.example", "127.0.0.1")
    local_web.resolver.set("metadata.example", "169.254.169.254")
    local_web.resolver.set("v6.example", "::ffff:10.0.0.1")
    async with local_web.fetcher(allow_private_networks=False, allowed_ports=frozenset({internal.port})) as fetcher:
        for name in ("sneaky.example", "metadata.example", "v6.example"):
            result = await fetcher.fetch(f"http://{name}:{internal.port}/")
            assert result.error is FetchError.BLOCKED_ADDRESS, result
            assert name in (result.detail or "")
    assert internal.requests == []


async def test_mixed_answer_public_and_private_is_refused(local_web: LocalWeb) -> None:
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    # One public address (never contacted: the whole answer is refused) and the internal one.
    local_web.resolver.set("mixed.example", "93.184.215.14", "127.0.0.1")
    async with local_web.fetcher(allow_private_networks=False, allowed_ports=frozenset({internal.port})) as fetcher:
        result = await fetcher.fetch(f"http://mixed.example:{internal.port}/")
    assert result.error is FetchError.BLOCKED_ADDRESS
    assert "127.0.0.1" in (result.detail or "")
    assert internal.requests == []


async def test_mixed_answer_with_the_local_public_stand_in(local_web: LocalWeb) -> None:
    public = await local_web.add_host("blog.example")  # 127.0.0.2 plays a public address
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    public.page("/", "<p>public</p>")
    internal.page("/", "<p>secret</p>")
    local_web.resolver.set("mixed.example", public, internal)
    async with local_web.fetcher(blocked_networks=("127.0.0.1/32",)) as fetcher:
        assert (await fetcher.fetch("http://blog.example/")).ok
        result = await fetcher.fetch("http://mixed.example/")
    assert result.error is FetchError.BLOCKED_ADDRESS
    assert public.hits("/") == 1 and internal.requests == []


async def test_dns_rebinding_uses_only_the_checked_answer(local_web: LocalWeb) -> None:
    """A name that answers public first and private afterwards: the fetcher connects to the address it
    checked (the resolver's answer is what the connector uses), and refuses the later private answer."""
    public = await local_web.add_host("blog.example")
    internal = await local_web.add_host("internal", ip="127.0.0.1")

    async def closing_page(request):  # type: ignore[no-untyped-def]
        from aiohttp import web

        return web.Response(text="<p>public page</p>", content_type="text/html", headers={"Connection": "close"})

    public.handle("/", closing_page)
    public.robots("", status=404)
    internal.page("/", "<p>secret</p>")
    local_web.resolver.script("rebind.example", [public], [internal])
    async with local_web.fetcher(blocked_networks=("127.0.0.1/32",), obey_robots=False) as fetcher:
        first = await fetcher.fetch("http://rebind.example/")
        second = await fetcher.fetch("http://rebind.example/?again")
    assert first.ok and "public page" in (first.html or "")
    assert local_web.resolver.lookups("rebind.example") == 2  # one lookup per connection, no pre-check lookup
    assert second.error is FetchError.BLOCKED_ADDRESS
    assert internal.requests == []


async def test_redirect_to_a_blocked_address_is_refused_and_never_contacted(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    internal.page("/admin", "<p>secret</p>")
    local_web.resolver.set("internal.corp", internal)
    blog.redirect("/ip", f"http://127.0.0.1:{internal.port}/admin")
    blog.redirect("/mapped", f"http://[::ffff:127.0.0.1]:{internal.port}/admin")
    blog.redirect("/name", "http://internal.corp/admin", status=301)
    blog.redirect("/hop", "/name", status=308)
    blog.redirect("/file", "file:///etc/passwd")
    async with local_web.fetcher(blocked_networks=("127.0.0.1/32",)) as fetcher:
        for path in ("/ip", "/mapped", "/name", "/hop", "/file"):
            result = await fetcher.fetch(blog.url(path))
            assert result.error is FetchError.BLOCKED_ADDRESS, (path, result)
            assert result.redirects and result.redirects[0] == blog.url(path)
            assert "redirect" in (result.detail or "")
    assert internal.requests == []


async def test_ports_other_than_80_and_443_are_refused_in_production_mode(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    blog.page("/", "<p>hi</p>")
    local_web.resolver.set("blog.example", blog)
    async with local_web.fetcher(allow_private_networks=False) as fetcher:
        result = await fetcher.fetch(f"http://blog.example:{blog.port}/")
    assert result.error is FetchError.BLOCKED_ADDRESS and f"port {blog.port}" in (result.detail or "").lower()
    assert blog.requests == []


async def test_only_http_and_https(local_web: LocalWeb) -> None:
    async with local_web.fetcher() as fetcher:
        for url in ("ftp://blog.example/file", "file:///etc/passwd", "javascript:alert(1)", "//blog.example/", "not a url", ""):
            result = await fetcher.fetch(url)
            assert result.error is FetchError.INVALID_URL, url
            assert result.url == url


async def test_safe_resolver_refuses_localhost_with_the_real_resolver() -> None:
    """With aiohttp's aiodns resolver (answered from the hosts file, no network): loopback is refused."""
    from aiohttp.resolver import AsyncResolver

    from bot.fetch.resolver import BlockedAddressError, SafeResolver

    resolver = SafeResolver(AsyncResolver())
    try:
        with pytest.raises(BlockedAddressError) as info:
            await resolver.resolve("localhost", 80)
        assert "loopback" in str(info.value)
    finally:
        await resolver.close()


async def test_userinfo_tricks_go_to_the_real_host_without_credentials(local_web: LocalWeb) -> None:
    blog = await local_web.add_host("blog.example")
    internal = await local_web.add_host("internal", ip="127.0.0.1")
    blog.robots("", status=404)
    blog.page("/", "<p>public</p>")
    async with local_web.fetcher(blocked_networks=("127.0.0.1/32",)) as fetcher:
        tricked = await fetcher.fetch(f"http://blog.example@127.0.0.1:{internal.port}/")
        creds = await fetcher.fetch("http://user:secret@blog.example/")
    assert tricked.error is FetchError.BLOCKED_ADDRESS and internal.requests == []
    assert creds.ok and "Authorization" not in blog.requests[-1].headers
