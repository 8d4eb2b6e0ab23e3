"""Slack Web API rate limits: retry handlers for HTTP 429 (honouring ``Retry-After``) and per-channel
pacing of posts (Slack allows about one message per second per channel)."""

from __future__ import annotations

import asyncio
import time
from typing import Callable

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)


def retry_handlers(max_rate_limit_retries: int = 3) -> list[AsyncRetryHandler]:
    """Handlers for the bot's AsyncWebClient: connection errors once, 429s up to ``max`` times.

    ``AsyncRateLimitErrorRetryHandler`` sleeps for the response's ``Retry-After`` seconds (plus a
    little jitter) before trying again.
    """
    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=1),
        AsyncRateLimitErrorRetryHandler(max_retry_count=max_rate_limit_retries),
    ]


class ChannelPacer:
    """Keeps at least ``interval`` seconds between posts to one channel (other channels run freely)."""

    def __init__(self, interval: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self.clock = clock
        self._next: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, channel: str | None) -> None:
        """Wait for ``channel``'s turn, then book the next slot."""
        if not channel or self.interval <= 0:
            return
        lock = self._locks.setdefault(channel, asyncio.Lock())
        async with lock:
            delay = self._next.get(channel, 0.0) - self.clock()
            if delay > 0:
                await asyncio.sleep(delay)
            self._next[channel] = self.clock() + self.interval
            if len(self._next) > 10_000:  # forget idle channels
                now = self.clock()
                for key in [k for k, v in self._next.items() if v < now]:
                    self._next.pop(key, None)
                    self._locks.pop(key, None)
