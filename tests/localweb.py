"""A small, real web on 127.0.0.x for tests: servers, route tables, a request log and a fake DNS.

Linux routes all of 127.0.0.0/8 to the loopback interface, so every host gets its own address
(127.0.0.2, 127.0.0.3, ...) and a random port, served by a real aiohttp server. A fake resolver maps
real-looking names (``blog.example``) to those servers, so URLs in tests look like the web:
``http://blog.example/post`` (port 80 in the URL; the resolver answers with the real port).

Usage::

    from tests.localweb import LocalWeb

    async def test_something() -> None:
        async with LocalWeb() as web:
            blog = await web.add_host("blog.example")
            blog.page("/post", "<a href='https://site.nl/'>site</a>")
            blog.redirect("/old", "/post", status=301)
            blog.status("/gone", 410)
            blog.robots("User-agent: *\\nDisallow: /private")
            async with web.fetcher(max_retries=0) as fetcher:   # a real bot.fetch.Fetcher
                result = await fetcher.fetch(blog.url("/old"))
            assert result.final_url == blog.url("/post")
            assert blog.hits("/post") == 1            # the request log
            blog.page("/post", "<p>changed</p>")      # routes can change between requests

or with the fixture (import it into your ``conftest.py``: ``from tests.localweb import local_web``)::

    async def test_other(local_web: LocalWeb) -> None:
        host = await local_web.add_host("news.example")

Pieces:

- :class:`Host`: one server. Routes: :meth:`Host.page` (HTML), :meth:`Host.body` (any bytes; a
  ``content_type`` of None sends *no* Content-Type header), :meth:`Host.redirect`,
  :meth:`Host.status`, :meth:`Host.robots`, :meth:`Host.slow` (drips the body), :meth:`Host.handle`
  (any aiohttp handler). Unknown paths answer 404. ``host.requests`` logs every request that reached
  it (``Seen``); ``host.max_in_flight`` is the highest number of requests it served at once.
  ``host.url(path)`` uses the name; ``host.direct_url(path)`` the IP and port.
- :class:`LocalResolver` (``web.resolver``): names of the hosts resolve to them; :meth:`set` adds
  fixed answers (several addresses = a mixed answer) and :meth:`script` successive answers (DNS
  rebinding). ``calls`` lists the names looked up. Unknown names fail like NXDOMAIN.
- :meth:`LocalWeb.fetcher`: a fetcher with test settings (private networks allowed, short timeouts,
  tiny backoff) wired to the resolver; keyword arguments override :class:`bot.fetch.FetchSettings`.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Union

from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

if TYPE_CHECKING:
    from bot.fetch.fetcher import Fetcher
    from bot.fetch.settings import FetchSettings

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Address = Union["Host", str, tuple[str, int]]

TEST_USER_AGENT = "TestBot/1.0 (+https://bot.example/about)"
_NO_CONTENT_TYPE = "X-LocalWeb-No-Content-Type"


@dataclass(frozen=True)
class Seen:
    """One request that reached a server."""

    method: str
    path: str
    path_qs: str
    headers: Mapping[str, str]
    at: float

    @property
    def user_agent(self) -> str:
        return self.headers.get("User-Agent", "")


def local_settings(**overrides: Any) -> "FetchSettings":
    """Fetch settings for tests: private networks allowed, short timeouts and waits."""
    from bot.fetch.settings import FetchSettings

    base = FetchSettings(
        user_agent=TEST_USER_AGENT,
        allow_private_networks=True,
        total_timeout=5.0,
        connect_timeout=2.0,
        retry_backoff=0.01,
        max_retry_after=2.0,
    )
    return replace(base, **overrides)


class Host:
    """One web server on its own loopback address; see the module docstring."""

    def __init__(self, name: str, ip: str) -> None:
        self.name = name
        self.ip = ip
        self.port = 0
        self.routes: dict[str, Handler] = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._runner: web.AppRunner | None = None

    # -------------------------------------------------------------- addresses

    def url(self, path: str = "/") -> str:
        """``http://<name><path>``: reached through the fake resolver."""
        return f"http://{self.name}{path}"

    def direct_url(self, path: str = "/") -> str:
        """``http://<ip>:<port><path>``: an IP-literal URL (no resolver involved)."""
        return f"http://{self.ip}:{self.port}{path}"

    # -------------------------------------------------------------- routes

    def handle(self, path: str, handler: Handler) -> "Host":
        """Serve ``path`` with any aiohttp handler (``async def h(request) -> StreamResponse``)."""
        self.routes[path] = handler
        return self

    def page(
        self,
        path: str,
        html: str,
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        content_type: str = "text/html; charset=utf-8",
        delay: float = 0.0,
    ) -> "Host":
        """Serve HTML text (encoded as UTF-8 unless ``content_type`` names another charset)."""
        charset = "utf-8"
        if "charset=" in content_type:
            charset = content_type.split("charset=", 1)[1].split(";")[0].strip()
        return self.body(path, html.encode(charset), status=status, headers=headers, content_type=content_type, delay=delay)

    def body(
        self,
        path: str,
        data: bytes,
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        content_type: str | None = "text/html",
        delay: float = 0.0,
    ) -> "Host":
        """Serve raw bytes. ``content_type=None`` sends no Content-Type header at all."""

        async def handler(request: web.Request) -> web.StreamResponse:
            if delay:
                await asyncio.sleep(delay)
            response = web.Response(body=data, status=status, headers=dict(headers or {}))
            if content_type is None:
                response.headers[_NO_CONTENT_TYPE] = "1"
            else:
                response.headers["Content-Type"] = content_type
            return response

        return self.handle(path, handler)

    def redirect(self, path: str, location: str, *, status: int = 302) -> "Host":
        """Answer ``status`` with ``Location: location`` (relative locations are fine)."""
        return self.body(path, b"", status=status, headers={"Location": location}, content_type=None)

    def status(
        self, path: str, status: int, *, body: str = "", headers: Mapping[str, str] | None = None,
        content_type: str | None = "text/html; charset=utf-8",
    ) -> "Host":
        """Answer with ``status`` (and an optional body), e.g. 404, 410, 503 with Retry-After."""
        return self.body(path, body.encode(), status=status, headers=headers, content_type=content_type)

    def robots(self, text: str = "", *, status: int = 200) -> "Host":
        """Serve ``/robots.txt``."""
        return self.body("/robots.txt", text.encode(), status=status, content_type="text/plain")

    def slow(
        self,
        path: str,
        data: bytes,
        *,
        interval: float = 0.1,
        chunk: int = 1,
        header_delay: float = 0.0,
        content_type: str = "text/html; charset=utf-8",
    ) -> "Host":
        """Send the headers after ``header_delay``, then ``chunk`` bytes every ``interval`` seconds."""

        async def handler(request: web.Request) -> web.StreamResponse:
            if header_delay:
                await asyncio.sleep(header_delay)
            response = web.StreamResponse(headers={"Content-Type": content_type})
            await response.prepare(request)
            for start in range(0, len(data), chunk):
                await response.write(data[start:start + chunk])
                await asyncio.sleep(interval)
            await response.write_eof()
            return response

        return self.handle(path, handler)

    def remove(self, path: str) -> None:
        self.routes.pop(path, None)

    # -------------------------------------------------------------- the log

    def hits(self, path: str | None = None) -> int:
        """How many requests reached this host (for ``path`` only, when given)."""
        return sum(1 for seen in self.requests if path is None or seen.path == path)

    def paths(self) -> list[str]:
        return [seen.path_qs for seen in self.requests]

    def clear_log(self) -> None:
        self.requests.clear()
        self.max_in_flight = self.in_flight

    # -------------------------------------------------------------- serving

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(
            Seen(request.method, request.path, request.path_qs, dict(request.headers), time.monotonic())
        )
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            handler = self.routes.get(request.path)
            if handler is None:
                return web.Response(status=404, text="not found", content_type="text/plain")
            return await handler(request)
        finally:
            self.in_flight -= 1

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        app.on_response_prepare.append(_drop_marked_content_type)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.ip, 0))
        self.port = sock.getsockname()[1]
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.2, handler_cancellation=True)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        self._runner = runner

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def __repr__(self) -> str:
        return f"<Host {self.name} {self.ip}:{self.port}>"


async def _drop_marked_content_type(request: web.Request, response: web.StreamResponse) -> None:
    if response.headers.pop(_NO_CONTENT_TYPE, None) is not None:
        response.headers.pop("Content-Type", None)


class LocalResolver(AbstractResolver):
    """A DNS double: host names of a :class:`LocalWeb`, fixed answers and scripted (rebinding) answers."""

    def __init__(self, web_: "LocalWeb | None" = None) -> None:
        self._web = web_
        self._fixed: dict[str, list[Address]] = {}
        self._scripts: dict[str, deque[list[Address]]] = {}
        self.calls: list[str] = []

    @staticmethod
    def _key(name: str) -> str:
        return name.lower().rstrip(".")

    def set(self, name: str, *addresses: Address) -> "LocalResolver":
        """Answer ``name`` with these addresses (a Host, an IP, or (IP, port)); several = a mixed answer."""
        self._fixed[self._key(name)] = list(addresses)
        return self

    def script(self, name: str, *answers: Iterable[Address]) -> "LocalResolver":
        """Successive lookups of ``name`` get successive answers; the last one repeats."""
        self._scripts[self._key(name)] = deque(list(answer) for answer in answers)
        return self

    def lookups(self, name: str) -> int:
        return self.calls.count(self._key(name))

    def _answer(self, name: str) -> list[Address] | None:
        script = self._scripts.get(name)
        if script:
            return script.popleft() if len(script) > 1 else script[0]
        if name in self._fixed:
            return self._fixed[name]
        if self._web is not None and name in self._web.hosts:
            return [self._web.hosts[name]]
        return None

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        name = self._key(host)
        self.calls.append(name)
        answer = self._answer(name)
        if not answer:
            raise OSError(socket.EAI_NONAME, f"unknown host {host}")
        results: list[ResolveResult] = []
        for address in answer:
            if isinstance(address, Host):
                ip, real_port = address.ip, address.port
            elif isinstance(address, tuple):
                ip, real_port = address
            else:
                ip, real_port = address, port
            results.append(
                {
                    "hostname": host,
                    "host": ip,
                    "port": real_port,
                    "family": socket.AF_INET6 if ":" in ip else socket.AF_INET,
                    "proto": 0,
                    "flags": socket.AI_NUMERICHOST,
                }
            )
        return results

    async def close(self) -> None:
        return None


class LocalWeb:
    """Several real local web servers and a resolver for their names. Use as an async context manager."""

    def __init__(self) -> None:
        self.hosts: dict[str, Host] = {}
        self.resolver = LocalResolver(self)
        self._next_ip = 2

    async def add_host(self, name: str, *, ip: str | None = None) -> Host:
        """Start a server for ``name`` on ``ip`` (default: the next free 127.0.0.x, from .2)."""
        key = name.lower().rstrip(".")
        if key in self.hosts:
            raise ValueError(f"host {name!r} exists already")
        if ip is None:
            ip = f"127.0.0.{self._next_ip}"
            self._next_ip += 1
        host = Host(key, ip)
        await host.start()
        self.hosts[key] = host
        return host

    def __getitem__(self, name: str) -> Host:
        return self.hosts[name.lower().rstrip(".")]

    @property
    def requests(self) -> list[Seen]:
        """Every request that reached any host."""
        return [seen for host in self.hosts.values() for seen in host.requests]

    def settings(self, **overrides: Any) -> "FetchSettings":
        return local_settings(**overrides)

    @asynccontextmanager
    async def fetcher(self, **overrides: Any) -> AsyncIterator["Fetcher"]:
        """A real :class:`bot.fetch.Fetcher` (own session) using this web's resolver and test settings."""
        from bot.fetch.session import open_fetcher

        async with open_fetcher(local_settings(**overrides), resolver=self.resolver) as fetcher:
            yield fetcher

    async def close(self) -> None:
        hosts = list(self.hosts.values())
        await asyncio.gather(*(host.stop() for host in hosts), return_exceptions=True)

    async def __aenter__(self) -> "LocalWeb":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


try:  # the fixture, for conftest files that import it
    import pytest_asyncio

    @pytest_asyncio.fixture
    async def local_web() -> AsyncIterator[LocalWeb]:
        """A :class:`LocalWeb`, closed after the test."""
        async with LocalWeb() as web_:
            yield web_

except ImportError:  # pragma: no cover - pytest-asyncio is a test dependency
    pass
