"""Run a slow check in a child process (the crash test kills it with SIGKILL halfway).

Usage: python -m tests.check.crash_child DB_PATH HOSTS PAGES
"""

from __future__ import annotations

import asyncio
import sys

from bot.check.engine import check_site
from storage.store import Store
from tests.check.helpers import article
from tests.localweb import LocalWeb


async def main(db_path: str, hosts: int, pages: int) -> None:
    async with LocalWeb() as web:
        for i in range(hosts):
            host = await web.add_host(f"h{i}.nl")
            for p in range(pages):
                host.page(f"/p{p}", article(), delay=0.1)
        store = Store(db_path)
        await store.open()
        print("ready", flush=True)
        async with web.fetcher(max_retries=0) as fetcher:
            await check_site(store, fetcher, "T1", "site.nl", concurrency=4, batch_size=3)
        print("finished", flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
