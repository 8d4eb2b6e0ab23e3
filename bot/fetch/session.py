"""The one aiohttp ``ClientSession`` the fetcher uses (never the Slack client's)."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import aiohttp
from aiohttp.abc import AbstractResolver

from bot.fetch.resolver import SafeResolver, default_resolver
from bot.fetch.settings import FetchSettings

if TYPE_CHECKING:
    from bot.fetch.fetcher import Fetcher

# Response headers: the status line up to 16 KB, one header up to 32 KB, at most 64 headers, and all
# of them together at most 64 KB. A normal page sends 1-4 KB; a few CSP and Link headers reach 10 KB.
MAX_LINE_SIZE = 16_384
MAX_FIELD_SIZE = 32_768
MAX_HEADERS = 64
MAX_HEADER_BYTES = 65_536  # all headers together; checked by the fetcher once they are parsed

ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
ACCEPT_LANGUAGE = "nl,en;q=0.9,*;q=0.5"


class _SafeConnector(aiohttp.TCPConnector):
    """A TCP connector that owns (and closes) the safe resolver it was given."""

    async def close(self, *, abort_ssl: bool = False) -> None:
        try:
            await super().close(abort_ssl=abort_ssl)
        finally:
            resolver = self._safe_resolver
            self._safe_resolver = None
            if resolver is not None:
                await resolver.close()

    _safe_resolver: AbstractResolver | None = None


def make_session(
    settings: FetchSettings,
    resolver: AbstractResolver | None = None,
    *,
    ssl_context: ssl.SSLContext | None = None,
) -> aiohttp.ClientSession:
    """A session for fetching pages safely; call inside the running event loop and close it after.

    ``resolver`` (default: aiohttp's aiodns resolver) is wrapped in :class:`SafeResolver`, which
    refuses names resolving to forbidden addresses. Redirects are not followed by the session: the
    :class:`~bot.fetch.fetcher.Fetcher` follows them itself, checking every hop. ``ssl_context``
    replaces the default certificate verification (tests trust their own CA with it); certificates
    are always verified.
    """
    safe = SafeResolver(
        resolver if resolver is not None else default_resolver(),
        allow_private=settings.allow_private_networks,
        extra_blocked=settings.extra_blocked,
    )
    connector = _SafeConnector(
        resolver=safe,
        use_dns_cache=False,  # every new connection is resolved and checked again
        limit=settings.global_limit,
        limit_per_host=settings.per_host,
        enable_cleanup_closed=False,
        ssl=ssl_context if ssl_context is not None else True,
    )
    connector._safe_resolver = safe
    return aiohttp.ClientSession(
        connector=connector,
        connector_owner=True,
        trust_env=False,
        cookie_jar=aiohttp.DummyCookieJar(),
        timeout=aiohttp.ClientTimeout(
            total=settings.total_timeout,
            connect=settings.connect_timeout,
            sock_connect=settings.connect_timeout,
        ),
        headers={"User-Agent": settings.user_agent, "Accept": ACCEPT, "Accept-Language": ACCEPT_LANGUAGE},
        auto_decompress=True,
        max_line_size=MAX_LINE_SIZE,
        max_field_size=MAX_FIELD_SIZE,
        max_headers=MAX_HEADERS,
        raise_for_status=False,
    )


@asynccontextmanager
async def open_fetcher(
    settings: FetchSettings,
    resolver: AbstractResolver | None = None,
    *,
    ssl_context: ssl.SSLContext | None = None,
) -> AsyncIterator["Fetcher"]:
    """A :class:`Fetcher` with its own session, closed (with any unfinished fetches) on exit."""
    from bot.fetch.fetcher import Fetcher

    session = make_session(settings, resolver, ssl_context=ssl_context)
    fetcher = Fetcher(session, settings)
    try:
        yield fetcher
    finally:
        await fetcher.cancel_pending()
        await session.close()
