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
  (any aiohttp handler). Unknown paths answer 404 (so a host without :meth:`Host.robots` has no
  robots.txt: everything allowed, and the fetcher's robots request shows in the log). ``host.requests`` logs every request that reached
  it (``Seen``); ``host.max_in_flight`` is the highest number of requests it served at once.
  ``host.url(path)`` uses the name; ``host.direct_url(path)`` the IP and port.
- :class:`LocalResolver` (``web.resolver``): names of the hosts resolve to them; :meth:`set` adds
  fixed answers (several addresses = a mixed answer) and :meth:`script` successive answers (DNS
  rebinding). ``calls`` lists the names looked up. Unknown names fail like NXDOMAIN.
- ``add_host(name, https=True)``: the host also serves TLS with a certificate from a throw-away CA
  (needs the ``openssl`` command); ``host.https_url(path)``, and ``Seen.scheme`` tells which was used.
- :meth:`LocalWeb.fetcher`: a fetcher with test settings (private networks allowed, short timeouts,
  tiny backoff) wired to the resolver; keyword arguments override :class:`bot.fetch.FetchSettings`.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
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
    scheme: str = "http"

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

    def __init__(self, name: str, ip: str, tls: ssl.SSLContext | None = None) -> None:
        self.name = name
        self.ip = ip
        self.port = 0
        self.https_port = 0  # set when the host also serves https (``add_host(..., https=True)``)
        self._tls = tls
        self.routes: dict[str, Handler] = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._runner: web.AppRunner | None = None

    # -------------------------------------------------------------- addresses

    def url(self, path: str = "/") -> str:
        """``http://<name><path>``: reached through the fake resolver."""
        return f"http://{self.name}{path}"

    def https_url(self, path: str = "/") -> str:
        """``https://<name><path>`` (the host must have been added with ``https=True``)."""
        if not self.https_port:
            raise ValueError(f"{self.name} does not serve https; add it with https=True")
        return f"https://{self.name}{path}"

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
            Seen(request.method, request.path, request.path_qs, dict(request.headers), time.monotonic(), request.scheme)
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
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.2, handler_cancellation=True)
        await runner.setup()
        sock = _bound_socket(self.ip)
        self.port = sock.getsockname()[1]
        await web.SockSite(runner, sock).start()
        if self._tls is not None:
            tls_sock = _bound_socket(self.ip)
            self.https_port = tls_sock.getsockname()[1]
            await web.SockSite(runner, tls_sock, ssl_context=self._tls).start()
        self._runner = runner

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def __repr__(self) -> str:
        return f"<Host {self.name} {self.ip}:{self.port}>"


def _bound_socket(ip: str) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((ip, 0))
    return sock


class TestCA:
    """A throw-away certificate authority (made with the ``openssl`` command) for https hosts."""

    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        if shutil.which("openssl") is None:
            raise RuntimeError("https hosts need the openssl command")
        self.directory = Path(tempfile.mkdtemp(prefix="localweb-ca-"))
        self.cert = self.directory / "ca.pem"
        self._key = self.directory / "ca.key"
        self._serial = 0
        self._openssl(
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", str(self._key), "-out", str(self.cert), "-days", "30", "-subj", "/CN=LocalWeb test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        )

    def _openssl(self, *args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=30)

    def server_context(self, name: str, ip: str) -> ssl.SSLContext:
        """A server TLS context with a certificate for ``name`` and ``ip``, signed by this CA."""
        self._serial += 1
        stem = self.directory / f"host{self._serial}"
        key, csr, cert, ext = (stem.with_suffix(s) for s in (".key", ".csr", ".pem", ".ext"))
        ext.write_text(
            f"subjectAltName=DNS:{name},IP:{ip}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
        )
        self._openssl(
            "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={name}",
        )
        self._openssl(
            "x509", "-req", "-in", str(csr), "-CA", str(self.cert), "-CAkey", str(self._key),
            "-set_serial", str(1000 + self._serial), "-out", str(cert), "-days", "30", "-extfile", str(ext),
        )
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(cert), str(key))
        return context

    def client_context(self) -> ssl.SSLContext:
        """A client context that trusts this CA only (and verifies host names)."""
        return ssl.create_default_context(cafile=str(self.cert))

    def remove(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


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
                ip = address.ip
                real_port = address.https_port if port == 443 and address.https_port else address.port
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
        self._ca: TestCA | None = None

    async def add_host(self, name: str, *, ip: str | None = None, https: bool = False) -> Host:
        """Start a server for ``name`` on ``ip`` (default: the next free 127.0.0.x, from .2).

        With ``https=True`` the host also serves TLS (certificate for ``name`` from a test CA that
        :meth:`fetcher` trusts); ``https://name/`` reaches it through the resolver (port 443 maps to it).
        """
        key = name.lower().rstrip(".")
        if key in self.hosts:
            raise ValueError(f"host {name!r} exists already")
        if ip is None:
            ip = f"127.0.0.{self._next_ip}"
            self._next_ip += 1
        tls = None
        if https:
            if self._ca is None:
                self._ca = TestCA()
            tls = self._ca.server_context(key, ip)
        host = Host(key, ip, tls)
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

        ssl_context = self._ca.client_context() if self._ca is not None else None
        async with open_fetcher(local_settings(**overrides), resolver=self.resolver, ssl_context=ssl_context) as fetcher:
            yield fetcher

    async def close(self) -> None:
        hosts = list(self.hosts.values())
        await asyncio.gather(*(host.stop() for host in hosts), return_exceptions=True)
        if self._ca is not None:
            self._ca.remove()
            self._ca = None

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
