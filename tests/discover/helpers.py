"""Building blocks for discovery tests: pages, sitemaps, feeds and a store with tracked sites."""

from __future__ import annotations

import gzip
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Iterable

from storage.store import Store

SM_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def article(body: str, *, title: str = "Nieuws", head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/over'>Over ons</a></nav>"
        f"<main><article><h1>{title}</h1><p>{body}</p></article></main>"
        "<footer><p>Contact: redactie</p></footer></body></html>"
    )


def urlset(entries: Iterable[tuple[str, str | None]]) -> bytes:
    rows = []
    for loc, lastmod in entries:
        mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        rows.append(f"<url><loc>{loc}</loc>{mod}</url>")
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SM_NS}">{"".join(rows)}</urlset>'.encode()


def sitemap_index(entries: Iterable[tuple[str, str | None]]) -> bytes:
    rows = []
    for loc, lastmod in entries:
        mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        rows.append(f"<sitemap><loc>{loc}</loc>{mod}</sitemap>")
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="{SM_NS}">{"".join(rows)}</sitemapindex>'.encode()


def rss(items: Iterable[tuple[str, str]]) -> bytes:
    rows = "".join(f"<item><title>t</title><link>{link}</link><pubDate>{date}</pubDate></item>" for link, date in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>{rows}</channel></rss>'.encode()


def atom(entries: Iterable[tuple[str, str]]) -> bytes:
    rows = "".join(
        f'<entry><title>t</title><link rel="alternate" href="{link}"/><updated>{date}</updated></entry>' for link, date in entries
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>{rows}</feed>'.encode()


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


@asynccontextmanager
async def store_with_sites(path: Path, team: str = "T1", own: str = "bakkerij-jansen.nl",
                           competitors: Iterable[str] = ("concurrent.nl",),
                           brands: Iterable[str] | None = None) -> AsyncIterator[Store]:
    from storage.sites import add_site, set_site_terms

    store = Store(path)
    await store.open()

    def setup(db) -> None:  # type: ignore[no-untyped-def]
        add_site(db, team, own)
        for comp in competitors:
            add_site(db, team, comp, competitor_of=own)
        if brands is not None:
            set_site_terms(db, team, own, brands=brands)

    await store.call(setup)
    try:
        yield store
    finally:
        await store.aclose()


def etag_page(host, path: str, html: str, etag: str) -> None:  # type: ignore[no-untyped-def]
    """Serve ``html`` with an ETag; answer 304 when the request carries it in If-None-Match."""
    from aiohttp import web

    async def handler(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(text=html, content_type="text/html", headers={"ETag": etag})

    host.handle(path, handler)


def page_gaps(host, *, skip: tuple[str, ...] = ("/robots.txt",)) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds between consecutive requests that reached ``host`` (robots.txt left out)."""
    times = [seen.at for seen in host.requests if seen.path not in skip]
    return [b - a for a, b in zip(times, times[1:])]
