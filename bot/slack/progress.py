"""Throttled progress: a check reports ``(done, total)`` as often as it likes; the message is updated
with ``chat.update`` at most once per ``interval`` seconds, never after :meth:`close`."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Awaitable, Callable

log = logging.getLogger(__name__)


class ThrottledProgress:
    def __init__(
        self,
        send: Callable[[int, int], Awaitable[object]],
        interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.send = send
        self.interval = interval
        self.clock = clock
        self.sent = 0  # number of updates sent
        self._latest: tuple[int, int] | None = None
        self._last = clock()  # the initial message counts as the first update
        self._inflight: asyncio.Task[None] | None = None
        self._closed = False
        self._loop = asyncio.get_running_loop()
        self._thread = threading.get_ident()

    def report(self, done: int, total: int) -> None:
        """Progress callback (sync; safe to call from another thread)."""
        if threading.get_ident() != self._thread:
            self._loop.call_soon_threadsafe(self.report, done, total)
            return
        self._latest = (done, total)
        if self._closed or self._inflight is not None:
            return
        if self.clock() - self._last >= self.interval:
            self._inflight = self._loop.create_task(self._flush())

    async def _flush(self) -> None:
        try:
            self._last = self.clock()
            if self._latest is not None and not self._closed:
                done, total = self._latest
                await self.send(done, total)
                self.sent += 1
        except Exception as err:  # progress is cosmetic: never fail the check for it
            log.warning("progress update failed: %s", err)
        finally:
            self._inflight = None

    async def close(self) -> None:
        """No more updates; waits for one in flight so it cannot overwrite the final result."""
        self._closed = True
        task = self._inflight
        if task is not None:
            try:
                await task
            except asyncio.CancelledError:
                pass
