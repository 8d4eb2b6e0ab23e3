"""A small local web of watched news sites and a store with tracked sites, for scheduled discovery."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable

from bot.discover.crawl import DiscoverOptions
from storage import discover_repo
from storage.digest_repo import iso
from tests.discover.helpers import article, urlset
from tests.localweb import Host, LocalWeb

FAST = DiscoverOptions(min_delay=0.0)


async def news_host(web: LocalWeb, name: str, links_to: str, *, pages: int = 1, lastmod: str = "2026-11-20") -> Host:
    """A watched site: robots.txt with a sitemap of ``pages`` articles; the first links to ``links_to``."""
    host = await web.add_host(name)
    host.robots(f"User-agent: *\nSitemap: http://{name}/sitemap.xml\n")
    host.page("/", article("Welkom"))
    entries = [(f"http://{name}/news/{i}", lastmod) for i in range(pages)]
    host.body("/sitemap.xml", urlset(entries), content_type="application/xml")
    for i in range(pages):
        body = f'Een goed adres: <a href="https://{links_to}/">{links_to}</a>.' if i == 0 else "Gewoon nieuws."
        host.page(f"/news/{i}", article(body))
    return host


def track(db: Any, team: str, site: str, watched: list[str], *, created: datetime, channel: str = "CSEO") -> int:
    """Track ``site`` in ``team`` (created at ``created``) and watch ``watched`` for it."""
    from storage.sites import add_site

    tracked = add_site(db, team, site, channel_id=channel)
    db.execute("UPDATE sites SET created_at = ? WHERE id = ?", [iso(created), tracked.id])
    discover_repo.add_watch(db, team, site, watched)
    return tracked.id


class FlakyFetcher:
    """The real fetcher, except that reading a page path starting with one of ``broken`` raises."""

    def __init__(self, fetcher: Any, broken: Callable[[str], bool]) -> None:
        self._fetcher = fetcher
        self._broken = broken

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fetcher, name)

    async def fetch(self, url: str, **kwargs: Any) -> Any:
        if self._broken(url):
            raise RuntimeError(f"disk full while reading {url}")
        return await self._fetcher.fetch(url, **kwargs)


def later(moment: datetime, **delta: float) -> datetime:
    return moment + timedelta(**delta)
