"""Async access to the database: every SQLite call runs on one dedicated thread (the single writer).

``await store.call(fn, *args, **kwargs)`` runs ``fn(db, *args, **kwargs)`` on that thread, so the
event loop never blocks on SQLite and sqlite-utils' thread-bound connection is used correctly.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

import sqlite_utils

from storage.db import connect

T = TypeVar("T")


class Store:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        self._db: sqlite_utils.Database | None = None

    def _db_here(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = connect(self.path)
        return self._db

    async def open(self) -> "Store":
        """Open and migrate now (errors surface at start, not at the first command)."""
        await self.call(lambda db: None)
        return self

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(self._db_here(), *args, **kwargs))

    def close(self) -> None:
        def _close() -> None:
            if self._db is not None:
                self._db.conn.close()
                self._db = None

        self._executor.submit(_close).result()
        self._executor.shutdown(wait=True)

    async def aclose(self) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.close)
