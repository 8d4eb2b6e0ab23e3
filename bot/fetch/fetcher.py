"""Fetch one web page safely and politely; every problem becomes a :class:`FetchResult`, not an exception.

One attempt at a URL: check the target (scheme, port, IP literal), ask robots.txt, wait for the
host's and the global concurrency slots, send a GET without following redirects, and then either
follow the ``Location`` (checked again, at most ``max_redirects`` times), or judge the answer: status,
``Content-Type`` (before reading), body read in chunks up to ``max_bytes`` decompressed bytes, and
decoding. 429 and 5xx answers are retried after ``Retry-After`` (or a doubling backoff) up to
``max_retries`` times; while a host asked us to wait, every request to it waits. Callers fetching the
same URL at the same time share one fetch.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, TypeVar

import aiohttp
from yarl import URL

from bot.fetch.addresses import check_target
from bot.fetch.decode import decode_html, is_html_type, sniff_html, split_content_type
from bot.fetch.resolver import BlockedAddressError
from bot.fetch.result import FetchError, FetchResult
from bot.fetch.robots import (
    RobotsRules,
    RobotsState,
    rules_from_response,
    too_many_redirects_rules,
    unreachable_rules,
)
from bot.fetch.session import MAX_HEADER_BYTES
from bot.fetch.settings import FetchSettings
from bot.fetch.status import (
    REDIRECT_STATUSES,
    RETRY_STATUSES,
    error_for_status,
    is_challenge,
    parse_retry_after,
    retry_wait,
)

log = logging.getLogger(__name__)

_CHUNK = 65_536
_ERROR_BODY_PEEK = 32_768  # enough of an error page to recognise a bot challenge
_DECODE_IN_THREAD = 512_000
_SNIFF_BYTES = 512  # the WHATWG sniffing algorithm looks at the first 512 bytes
_FAILED_ROBOTS_TTL = 3600.0  # a robots.txt answering 5xx is asked again sooner than a good one
_UNREACHABLE_ROBOTS_TTL = 60.0  # a site that could not be reached at all is tried again soon

T = TypeVar("T")


class _Mode(Enum):
    PAGE = "page"
    ROBOTS = "robots"
    DATA = "data"  # any content type, raw bytes (sitemaps, feeds): :meth:`Fetcher.fetch_data`


_CONDITIONAL = ("if-none-match", "if-modified-since")


@dataclass
class _Answer:
    """What one request (one hop) produced."""

    url: URL
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    location: str | None = None
    body: bytes | None = None
    html: str | None = None
    error: FetchError | None = None
    detail: str | None = None
    retry_after: float | None = None
    retryable: bool = False


@dataclass
class _Chain:
    """A URL followed through its redirects."""

    final: _Answer
    hops: list[str]
    too_many_redirects: bool = False


def _lower_headers(headers: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in headers.items():
        key = name.lower()
        out[key] = f"{out[key]}, {value}" if key in out else value
    return out


def _host_key(url: URL) -> str:
    return (url.raw_host or "").lower().rstrip(".")


def parse_url(text: str) -> URL | None:
    """An absolute http(s) URL without fragment, or None when ``text`` is not one."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        url = URL(text)
    except (ValueError, TypeError):
        return None
    if not url.is_absolute() or url.scheme not in ("http", "https") or not url.raw_host:
        return None
    if url.raw_user is not None or url.raw_password is not None:
        url = url.with_user(None)  # never send credentials found in a URL
    return url.with_fragment(None)


class Fetcher:
    """Fetches pages for the checker and the ``inspect`` command. Share one per process."""

    def __init__(self, session: aiohttp.ClientSession, settings: FetchSettings) -> None:
        self._session = session
        self._settings = settings
        self._extra_blocked = settings.extra_blocked
        self._global = asyncio.Semaphore(settings.global_limit)
        self._host_slots: dict[str, asyncio.Semaphore] = {}
        self._paused_until: dict[str, float] = {}
        self._inflight: dict[str, asyncio.Task[FetchResult]] = {}
        self._robots: dict[str, tuple[float, RobotsRules]] = {}
        self._robots_inflight: dict[str, asyncio.Task[RobotsRules]] = {}

    @property
    def settings(self) -> FetchSettings:
        return self._settings

    # ------------------------------------------------------------------ public API

    async def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> FetchResult:
        """Fetch ``url``. Never raises for network or page problems: see ``FetchResult.error``.

        ``headers`` are extra request headers (e.g. ``If-None-Match``/``If-Modified-Since``); when a
        conditional header was sent and the server answers 304, the result has ``status == 304``,
        no error and no ``html`` (the page did not change).
        """
        return await self._fetch_mode(url, _Mode.PAGE, headers)

    async def fetch_data(self, url: str, headers: Mapping[str, str] | None = None) -> FetchResult:
        """Fetch ``url`` as raw bytes of any content type (XML sitemaps, gzip files, feeds), with the
        same address checks, robots.txt, limits, retries and size cap as :meth:`fetch`. The bytes are
        in ``FetchResult.body`` (``html`` stays None); 304 is handled as in :meth:`fetch`."""
        return await self._fetch_mode(url, _Mode.DATA, headers)

    async def robots_rules(self, url: str) -> RobotsRules | None:
        """The (cached) robots.txt rules of ``url``'s origin; the protego parser is ``rules.parser``
        (crawl delay, sitemaps). None for an invalid URL."""
        parsed = parse_url(url)
        if parsed is None:
            return None
        return await self._rules_for(parsed)

    async def _fetch_mode(self, url: str, mode: _Mode, headers: Mapping[str, str] | None) -> FetchResult:
        parsed = parse_url(url)
        if parsed is None:
            return FetchResult(
                url=url, final_url=url, error=FetchError.INVALID_URL,
                detail=f"{url!r} is not an absolute http(s) address",
            )
        extra = dict(headers) if headers else None
        key = str(parsed)
        if extra or mode is not _Mode.PAGE:
            key = f"{mode.value} {key} {sorted(extra.items()) if extra else ''}"
        result = await self._shared(self._inflight, key, lambda: self._fetch_with_retries(parsed, mode, extra))
        return result if result.url == url else replace(result, url=url)

    async def robots_allowed(self, url: str) -> bool:
        """Does robots.txt let this bot fetch ``url``? (Asked even when ``obey_robots`` is off.)"""
        parsed = parse_url(url)
        if parsed is None:
            return False
        rules = await self._rules_for(parsed)
        return rules.allows(str(parsed), self._settings.robots_token)

    async def cancel_pending(self) -> None:
        """Cancel fetches still running (their callers went away); used when shutting down."""
        tasks = [*self._inflight.values(), *self._robots_inflight.values()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    # ------------------------------------------------------------------ dedupe

    async def _shared(
        self, table: dict[str, asyncio.Task[T]], key: str, start: Callable[[], Coroutine[Any, Any, T]]
    ) -> T:
        """Run ``start()`` once per ``key`` at a time; concurrent callers await the same task."""
        task = table.get(key)
        if task is None:
            task = asyncio.ensure_future(start())
            table[key] = task

            def forget(done: asyncio.Task[T], key: str = key) -> None:
                if table.get(key) is done:
                    del table[key]

            task.add_done_callback(forget)
        return await asyncio.shield(task)

    # ------------------------------------------------------------------ page fetching

    async def _fetch_with_retries(
        self, url: URL, mode: _Mode = _Mode.PAGE, headers: dict[str, str] | None = None
    ) -> FetchResult:
        settings = self._settings
        started = time.monotonic()
        attempt = 0
        while True:
            chain = await self._follow(url, mode, headers)
            final = chain.final
            if not final.retryable or attempt >= settings.max_retries:
                break
            wait = retry_wait(attempt, final.retry_after, settings.retry_backoff)
            if wait > settings.max_retry_after:
                self._pause(final.url, settings.max_retry_after)
                final.detail = (
                    f"{final.detail} The server asked to wait {wait:.0f} s before retrying; "
                    f"the bot waits at most {settings.max_retry_after:.0f} s."
                )
                break
            self._pause(final.url, wait)
            attempt += 1
            log.debug("retrying %s in %.2f s (HTTP %s)", final.url, wait, final.status)
        return self._result(url, chain, time.monotonic() - started)

    def _result(self, url: URL, chain: _Chain, elapsed: float) -> FetchResult:
        final = chain.final
        content_type = final.headers.get("content-type") if final.status is not None else None
        return FetchResult(
            url=str(url),
            final_url=str(final.url),
            status=final.status,
            error=final.error,
            content_type=content_type,
            headers=dict(final.headers),
            html=final.html if final.error is None else None,
            redirects=tuple(chain.hops),
            elapsed=elapsed,
            detail=final.detail,
            body=final.body if final.error is None else None,
        )

    async def _follow(self, start: URL, mode: _Mode, headers: dict[str, str] | None = None) -> _Chain:
        """One attempt at ``start``, following redirects (each hop checked) within the time budget."""
        settings = self._settings
        hops: list[str] = []
        seen = {str(start)}
        current = start
        budget = settings.total_timeout
        while True:
            refusal = check_target(
                current.scheme, current.raw_host, current.port,
                allow_private=settings.allow_private_networks,
                allowed_ports=settings.allowed_ports,
                extra_blocked=self._extra_blocked,
            )
            if refusal is not None:
                error = FetchError.INVALID_URL if refusal.invalid and not hops else FetchError.BLOCKED_ADDRESS
                detail = refusal.detail[0].upper() + refusal.detail[1:] + "."
                if hops:
                    detail = f"Refused to follow a redirect to {current}: {refusal.detail}."
                return _Chain(_Answer(current, error=error, detail=detail), hops)
            if mode is not _Mode.ROBOTS and settings.obey_robots:
                rules = await self._rules_for(current)
                if not rules.allows(str(current), settings.robots_token):
                    if rules.site_error is not None:
                        answer = _Answer(current, error=rules.site_error, detail=rules.site_detail)
                        return _Chain(_explain_hop(answer, hops), hops)
                    if rules.state is RobotsState.DISALLOW_ALL:
                        detail = (
                            f"The robots.txt of {current.origin()} could not be read ({rules.reason}); "
                            "that means: do not crawl for now."
                        )
                    else:
                        detail = f"The robots.txt of {current.origin()} does not allow {settings.robots_token} to fetch this page."
                    return _Chain(_Answer(current, error=FetchError.BLOCKED, detail=detail), hops)
            answer, used = await self._request(current, mode, budget, headers)
            budget -= used
            if answer.error is FetchError.BLOCKED_ADDRESS:
                return _Chain(_explain_hop(answer, hops), hops)
            if answer.error is not None or answer.status not in REDIRECT_STATUSES or not answer.location:
                if answer.status in REDIRECT_STATUSES and answer.error is None:
                    answer.error = FetchError.UNREACHABLE
                    answer.detail = f"HTTP {answer.status} redirect without a Location header."
                return _Chain(answer, hops)
            try:
                target = current.join(URL(answer.location.strip())).with_fragment(None)
            except (ValueError, TypeError):
                answer.error = FetchError.UNREACHABLE
                answer.detail = f"HTTP {answer.status} redirect to an invalid address {answer.location!r}."
                return _Chain(answer, hops)
            if len(hops) >= settings.max_redirects:
                answer.error = FetchError.UNREACHABLE
                answer.detail = f"More than {settings.max_redirects} redirects; gave up at {current}."
                return _Chain(answer, hops, too_many_redirects=True)
            if str(target) in seen:
                answer.error = FetchError.UNREACHABLE
                answer.detail = f"Redirect loop: {current} leads back to {target}."
                return _Chain(answer, hops, too_many_redirects=True)
            if budget <= 0:
                answer.error = FetchError.UNREACHABLE
                answer.detail = f"Timed out after {settings.total_timeout:g} s while following redirects."
                return _Chain(answer, hops)
            hops.append(str(current))
            seen.add(str(target))
            current = target

    # ------------------------------------------------------------------ one request

    def _pause(self, url: URL, seconds: float) -> None:
        if seconds <= 0:
            return
        host = _host_key(url)
        until = asyncio.get_running_loop().time() + seconds
        self._paused_until[host] = max(self._paused_until.get(host, 0.0), until)

    async def _wait_for_host(self, host: str) -> None:
        loop = asyncio.get_running_loop()
        while True:
            delay = self._paused_until.get(host, 0.0) - loop.time()
            if delay <= 0:
                self._paused_until.pop(host, None)
                return
            await asyncio.sleep(delay)

    async def _request(
        self, url: URL, mode: _Mode, budget: float, headers: dict[str, str] | None = None
    ) -> tuple[_Answer, float]:
        """Send one GET (in the host's and the global slot) and judge the answer; returns it and the time used."""
        host = _host_key(url)
        await self._wait_for_host(host)
        slot = self._host_slots.get(host)
        if slot is None:
            slot = self._host_slots[host] = asyncio.Semaphore(self._settings.per_host)
        async with slot, self._global:
            began = time.monotonic()
            try:
                async with asyncio.timeout(max(budget, 0.001)):
                    answer = await self._send(url, mode, budget, headers)
            except TimeoutError:
                answer = _Answer(
                    url, error=FetchError.UNREACHABLE,
                    detail=f"Timed out after {self._settings.total_timeout:g} s.",
                )
            return answer, time.monotonic() - began

    async def _send(self, url: URL, mode: _Mode, budget: float, headers: dict[str, str] | None = None) -> _Answer:
        settings = self._settings
        timeout = aiohttp.ClientTimeout(
            total=max(budget, 0.001), connect=settings.connect_timeout, sock_connect=settings.connect_timeout
        )
        try:
            async with self._session.get(url, allow_redirects=False, timeout=timeout, headers=headers) as resp:
                header_bytes = sum(len(name) + len(value) + 4 for name, value in resp.raw_headers)
                if header_bytes > MAX_HEADER_BYTES:
                    resp.close()
                    return _Answer(
                        url, status=resp.status, error=FetchError.TOO_LARGE,
                        detail=f"The response headers are too large ({header_bytes} bytes).",
                    )
                if mode is _Mode.ROBOTS:
                    return await self._judge_robots(url, resp)
                if resp.status == 304 and headers and any(k.lower() in _CONDITIONAL for k in headers):
                    resp.close()  # not modified since the ETag / date we sent
                    return _Answer(url, status=304, headers=_lower_headers(resp.headers), detail="Not modified.")
                if mode is _Mode.DATA:
                    return await self._judge_data(url, resp)
                return await self._judge_page(url, resp)
        except aiohttp.ClientConnectorError as exc:
            if isinstance(exc.os_error, BlockedAddressError):
                return _Answer(url, error=FetchError.BLOCKED_ADDRESS, detail=f"{exc.os_error}.")
            if isinstance(exc, aiohttp.ClientConnectorDNSError):
                return _Answer(url, error=FetchError.UNREACHABLE, detail=f"Could not resolve {url.host}.")
            if isinstance(exc, aiohttp.ClientConnectorCertificateError):
                return _Answer(url, error=FetchError.UNREACHABLE, detail=f"The TLS certificate of {url.host} is not valid.")
            return _Answer(url, error=FetchError.UNREACHABLE, detail=f"Could not connect to {url.host}: {exc.strerror or exc}.")
        except (aiohttp.InvalidURL, ValueError) as exc:
            return _Answer(url, error=FetchError.INVALID_URL, detail=f"{url} is not a valid address ({exc}).")
        except aiohttp.ClientResponseError as exc:
            text = str(exc)
            if "Got more than" in text or "too long" in text.lower() or "Too many headers" in text:
                return _Answer(url, error=FetchError.TOO_LARGE, detail="The response headers are too large.")
            return _Answer(url, error=FetchError.UNREACHABLE, detail=f"Invalid HTTP response from {url.host}.")
        except (asyncio.TimeoutError, aiohttp.ServerTimeoutError):
            return _Answer(url, error=FetchError.UNREACHABLE, detail=f"Timed out after {settings.total_timeout:g} s.")
        except aiohttp.ServerDisconnectedError:
            return _Answer(url, error=FetchError.UNREACHABLE, detail=f"{url.host} closed the connection.")
        except aiohttp.ClientPayloadError:
            return _Answer(url, error=FetchError.UNREACHABLE, detail=f"The answer of {url.host} broke off or was malformed.")
        except (aiohttp.ClientError, OSError) as exc:
            return _Answer(url, error=FetchError.UNREACHABLE, detail=f"Could not fetch from {url.host}: {type(exc).__name__}.")

    async def _judge_page(self, url: URL, resp: aiohttp.ClientResponse) -> _Answer:
        settings = self._settings
        status = resp.status
        headers = _lower_headers(resp.headers)
        answer = _Answer(url, status=status, headers=headers)
        if status in REDIRECT_STATUSES:
            answer.location = headers.get("location")
            return answer
        error = error_for_status(status)
        if error is not None:
            head, _ = await _read_capped(resp, _ERROR_BODY_PEEK)
            text = head.decode("utf-8", errors="replace")
            if is_challenge(status, headers, text):
                answer.error = FetchError.BLOCKED
                answer.detail = f"The site answered HTTP {status} with a bot challenge."
                return answer
            answer.error = error
            answer.retryable = status in RETRY_STATUSES
            answer.retry_after = parse_retry_after(headers.get("retry-after"))
            answer.detail = _status_detail(status, error)
            return answer
        mime, charset = split_content_type(headers.get("content-type"))
        if mime is not None and not is_html_type(mime):
            resp.close()
            answer.error = FetchError.NOT_HTML
            answer.detail = f"The page is {mime}, not HTML."
            return answer
        head = b""
        if mime is None:  # no Content-Type: sniff the first bytes before reading the rest
            head = await _read_head(resp, _SNIFF_BYTES)
            if not sniff_html(head):
                resp.close()
                answer.error = FetchError.NOT_HTML
                answer.detail = "The page has no Content-Type and does not look like HTML."
                return answer
        if resp.content_length is not None and resp.content_length > settings.max_bytes:
            resp.close()
            answer.error = FetchError.TOO_LARGE
            answer.detail = f"The page is {resp.content_length} bytes; the limit is {settings.max_bytes}."
            return answer
        rest, too_large = await _read_capped(resp, settings.max_bytes - len(head))
        if too_large:
            resp.close()
            answer.error = FetchError.TOO_LARGE
            answer.detail = f"The page is larger than {settings.max_bytes} bytes (after decompression)."
            return answer
        body = head + rest if head else rest
        if len(body) > _DECODE_IN_THREAD:
            html, _encoding = await asyncio.to_thread(decode_html, body, charset)
        else:
            html, _encoding = decode_html(body, charset)
        if is_challenge(status, headers, html[:20_000]):
            answer.error = FetchError.BLOCKED
            answer.detail = "The site answered with a bot challenge instead of the page."
            return answer
        answer.html = html
        return answer

    async def _judge_data(self, url: URL, resp: aiohttp.ClientResponse) -> _Answer:
        """Any content type: the (decompressed, capped) body of a 2xx answer as bytes."""
        status = resp.status
        headers = _lower_headers(resp.headers)
        answer = _Answer(url, status=status, headers=headers)
        if status in REDIRECT_STATUSES:
            answer.location = headers.get("location")
            return answer
        error = error_for_status(status)
        if error is not None:
            resp.close()
            answer.error = error
            answer.retryable = status in RETRY_STATUSES
            answer.retry_after = parse_retry_after(headers.get("retry-after"))
            answer.detail = _status_detail(status, error)
            return answer
        limit = self._settings.max_bytes
        if resp.content_length is not None and resp.content_length > limit:
            resp.close()
            answer.error = FetchError.TOO_LARGE
            answer.detail = f"The file is {resp.content_length} bytes; the limit is {limit}."
            return answer
        body, too_large = await _read_capped(resp, limit)
        if too_large:
            resp.close()
            answer.error = FetchError.TOO_LARGE
            answer.detail = f"The file is larger than {limit} bytes (after decompression)."
            return answer
        answer.body = body
        return answer

    async def _judge_robots(self, url: URL, resp: aiohttp.ClientResponse) -> _Answer:
        headers = _lower_headers(resp.headers)
        answer = _Answer(url, status=resp.status, headers=headers)
        if resp.status in REDIRECT_STATUSES:
            answer.location = headers.get("location")
            return answer
        if 200 <= resp.status < 300:
            answer.body, _ = await _read_capped(resp, self._settings.robots_max_bytes)
            resp.close()
        return answer

    # ------------------------------------------------------------------ robots.txt

    async def _rules_for(self, url: URL) -> RobotsRules:
        origin = str(url.origin())
        cached = self._robots.get(origin)
        now = time.monotonic()
        if cached is not None and cached[0] > now:
            return cached[1]
        return await self._shared(self._robots_inflight, origin, lambda: self._load_robots(url.origin()))

    async def _load_robots(self, origin: URL) -> RobotsRules:
        chain = await self._follow(origin / "robots.txt", _Mode.ROBOTS)
        final = chain.final
        if chain.too_many_redirects:
            rules = too_many_redirects_rules()
        elif final.error is not None or final.status is None:
            site_level = not chain.hops and final.error in (FetchError.UNREACHABLE, FetchError.BLOCKED_ADDRESS)
            rules = unreachable_rules(
                (final.detail or str(final.error)).rstrip("."),
                final.error if site_level else None,
                final.detail if site_level else None,
            )
        else:
            rules = rules_from_response(final.status, final.body or b"")
        if rules.site_error is not None:
            ttl = min(self._settings.robots_ttl, _UNREACHABLE_ROBOTS_TTL)
        elif not rules.ok:
            ttl = min(self._settings.robots_ttl, _FAILED_ROBOTS_TTL)
        else:
            ttl = self._settings.robots_ttl
        self._robots[str(origin)] = (time.monotonic() + ttl, rules)
        return rules


async def _read_head(resp: aiohttp.ClientResponse, size: int) -> bytes:
    """The first ``size`` bytes of the body (fewer if it is shorter)."""
    head = b""
    while len(head) < size:
        chunk = await resp.content.read(size - len(head))
        if not chunk:
            break
        head += chunk
    return head


async def _read_capped(resp: aiohttp.ClientResponse, cap: int) -> tuple[bytes, bool]:
    """Read the (decompressed) body in chunks; stop as soon as it passes ``cap`` bytes.

    Returns the bytes read (at most ``cap``) and whether the body was longer than ``cap``.
    """
    chunks: list[bytes] = []
    total = 0
    async for chunk in resp.content.iter_chunked(_CHUNK):
        if total + len(chunk) > cap:
            chunks.append(chunk[: cap - total])
            return b"".join(chunks), True
        total += len(chunk)
        chunks.append(chunk)
    return b"".join(chunks), False


def _explain_hop(answer: _Answer, hops: list[str]) -> _Answer:
    """Say that a refusal happened on a redirect hop (the page itself redirected there)."""
    if hops and answer.detail and not answer.detail.startswith("Refused to follow"):
        answer.detail = f"Refused to follow a redirect to {answer.url}: {answer.detail}"
    return answer


def _status_detail(status: int, error: FetchError) -> str:
    if error is FetchError.PAGE_NOT_FOUND:
        return f"The page is gone (HTTP {status})."
    if error is FetchError.BLOCKED:
        return f"The site refused the bot (HTTP {status})."
    if error is FetchError.SERVER_ERROR:
        return f"The server failed (HTTP {status})."
    return f"Unexpected HTTP status {status}."
