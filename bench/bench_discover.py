"""Discovery benchmark: 100 hosts x 200 sitemap entries on a local web, our polite budgeted crawl
against a naive "fetch every sitemap URL" crawler, measured in the same run.

    .venv/bin/python bench/bench_discover.py                  # 100 hosts x 200 entries
    .venv/bin/python bench/bench_discover.py --hosts 20       # quicker

Every host has robots.txt (a fifth of them with ``Crawl-delay: 0.05``), a sitemap index pointing at
two sitemaps (one gzipped) with dated entries, and pages of ~6 KB. Links to the tracked sites (own
and competitors) and unlinked brand mentions are planted on the newest pages of every host (within
the per-domain limit), so a correct crawl finds every one of them in its first run. Printed:

- run 1 (cold): pages fetched (<= budget), listing requests, links found / planted, mentions found /
  planted, time; politeness: the most requests any host served at once (must be 1), and the
  smallest gap between two requests to a host with a crawl delay (must be >= the delay);
- run 2 (nothing changed on the web): the next-newest pages not read yet are read (backfill, within
  the budget); pages read before are not requested again;
- run 3 (one old page per host changed, with a new link and a new lastmod): that page is read first
  and its link found; again nothing is requested twice needlessly;
- run 4 (steady state: the listings hold only pages already read): no page is fetched, only robots.txt,
  the home page (conditional) and the sitemaps;
- the naive crawler (every sitemap URL, 64 connections, no per-host limit, no robots): requests,
  time, most requests a host served at once; and the ratios ours/naive for requests and time.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.localweb import LocalWeb  # noqa: E402

OWN = "bakkerij-jansen.nl"
COMPETITORS = ("broodhuis.nl", "warme-bakker.nl")
SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
DELAY = 0.05
FILLER = ("Het weer in de stad was vandaag wisselend bewolkt met af en toe een bui. " * 60)


def page(i: int, body: str) -> str:
    return (
        f"<!doctype html><html><head><title>Artikel {i}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><article><h1>Artikel {i}</h1><p>{FILLER}</p><p>{body}</p></article></main>"
        "<footer>Redactie</footer></body></html>"
    )


def urlset(entries: list[tuple[str, str]]) -> bytes:
    rows = "".join(f"<url><loc>{u}</loc><lastmod>{m}</lastmod></url>" for u, m in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SM}">{rows}</urlset>'.encode()


async def build(web: LocalWeb, hosts: int, entries: int, planted_per_host: int) -> tuple[list, set, set]:
    """The web; returns the hosts, the planted (source_url, site) links and the planted mention pages."""
    servers = []
    planted: set[tuple[str, str]] = set()
    mentions: set[str] = set()
    sites = (OWN, *COMPETITORS)
    for h in range(hosts):
        name = f"nieuws{h}.regio{h % 7}.nl"
        host = await web.add_host(name, ip=f"127.0.{1 + h // 200}.{2 + h % 200}")
        delay = f"Crawl-delay: {DELAY}\n" if h % 5 == 0 else ""
        host.robots(f"User-agent: *\n{delay}Disallow: /intern/\nSitemap: http://{name}/sitemap_index.xml\n")
        host.page("/", page(0, "Welkom"))
        dated = []
        for i in range(entries):
            day, hour = divmod(i, 24)
            dated.append((f"http://{name}/artikel/{i}", f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}T{hour:02d}:00:00Z"))
        newest_first = list(reversed(dated))
        half = len(dated) // 2
        index = (
            f'<?xml version="1.0"?><sitemapindex xmlns="{SM}">'
            f"<sitemap><loc>http://{name}/sitemap-1.xml</loc></sitemap>"
            f"<sitemap><loc>http://{name}/sitemap-2.xml.gz</loc></sitemap></sitemapindex>"
        ).encode()
        host.body("/sitemap_index.xml", index, content_type="application/xml")
        host.body("/sitemap-1.xml", urlset(dated[:half]), content_type="application/xml")
        host.body("/sitemap-2.xml.gz", gzip.compress(urlset(dated[half:])), content_type="application/gzip")
        plant_links = {u for u, _ in newest_first[:planted_per_host]}
        plant_mentions = {u for u, _ in newest_first[planted_per_host : planted_per_host + 3]}
        for i, (url, _) in enumerate(dated):
            path = url.split(name, 1)[1]
            if url in plant_links:
                site = sites[i % len(sites)]
                body = f'Lees meer bij <a href="https://www.{site}/aanbod">{site}</a>.'
                planted.add((url, site))
            elif url in plant_mentions:
                body = "Bakkerij Jansen bakt het lekkerste brood van de regio."
                mentions.add(url)
            else:
                body = "Niets bijzonders vandaag."
            host.page(path, page(i, body), delay=0.002)  # a little server time, so overlapping requests show
        host.dated = dated  # type: ignore[attr-defined]
        servers.append(host)
    return servers, planted, mentions


def twice(hosts: list) -> int:  # type: ignore[type-arg]
    """Article pages requested more than once over all runs so far."""
    from collections import Counter

    counts = Counter((h.name, s.path) for h in hosts for s in h.requests if s.path.startswith("/artikel/"))
    return sum(1 for n in counts.values() if n > 1)


async def ours(web: LocalWeb, store, options, label: str) -> tuple[object, float]:  # type: ignore[no-untyped-def]
    from bot.discover.crawl import HostGate, discover_workspaces

    gate = HostGate()
    async with web.fetcher(max_retries=0, total_timeout=20.0) as fetcher:
        started = time.perf_counter()
        [report] = await discover_workspaces(store, fetcher, [("T1", OWN)], options=options, trigger="bench", gate=gate)
        elapsed = time.perf_counter() - started
    busiest = max(gate.max_active.values(), default=0)
    print(f"{label}: pages {report.pages} (budget {report.budget}, deferred {report.deferred}), listing requests "
          f"{report.listings}, new links {len(report.new_links)}, new mentions {report.mentions_new}, {elapsed:.2f} s, "
          f"most concurrent requests per host (gate) {busiest}")
    return report, elapsed


async def naive(web: LocalWeb, hosts: list) -> tuple[int, float, int]:  # type: ignore[type-arg]
    """Fetch every sitemap URL of every host, 64 at a time, no per-host limit, no robots.txt."""
    import aiohttp

    connector = aiohttp.TCPConnector(resolver=web.resolver, limit=64, limit_per_host=0)
    found = 0
    requests = 0
    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector) as session:
        sem = asyncio.Semaphore(64)

        async def get(url: str) -> bytes:
            nonlocal requests
            async with sem:
                requests += 1
                async with session.get(url) as resp:
                    return await resp.read()

        urls: list[str] = []
        for host in hosts:
            for path in ("/sitemap-1.xml", "/sitemap-2.xml.gz"):
                data = await get(host.url(path))
                if data[:2] == b"\x1f\x8b":
                    data = gzip.decompress(data)
                urls += re.findall(r"<loc>([^<]+)</loc>", data.decode())
        bodies = await asyncio.gather(*(get(u) for u in urls))
        for body in bodies:
            text = body.decode("utf-8", "replace")
            found += any(f"{site}/" in text for site in (OWN, *COMPETITORS))
    return requests, time.perf_counter() - started, found


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hosts", type=int, default=100)
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--per-domain", type=int, default=20)
    parser.add_argument("--planted", type=int, default=5, help="planted links per host (on its newest pages)")
    parser.add_argument("--skip-naive", action="store_true")
    args = parser.parse_args()

    from bot.discover.crawl import DiscoverOptions
    from storage import discover_repo as repo
    from storage.sites import add_site
    from storage.store import Store

    budget = args.hosts * args.per_domain
    options = DiscoverOptions(budget=budget, per_workspace=budget, per_domain=args.per_domain, min_delay=0.0, concurrency=32)
    async with LocalWeb() as web:
        t0 = time.perf_counter()
        hosts, planted, planted_mentions = await build(web, args.hosts, args.entries, args.planted)
        print(f"local web: {args.hosts} hosts x {args.entries} sitemap entries ({args.hosts * args.entries} pages), "
              f"{len(planted)} planted links, {len(planted_mentions)} planted mentions, built in {time.perf_counter() - t0:.1f} s")
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.db")
            await store.open()

            def setup(db) -> None:  # type: ignore[no-untyped-def]
                add_site(db, "T1", OWN)
                for comp in COMPETITORS:
                    add_site(db, "T1", comp, competitor_of=OWN)
                repo.add_watch(db, "T1", OWN, [h.name for h in hosts])

            await store.call(setup)
            first, t_first = await ours(web, store, options, "run 1 (cold)")
            found = {(l["source_url"], l["site"]) for l in first.new_links}
            mention_pages = {m.page_url for m in await store.call(repo.list_mentions, "T1", OWN)}
            busiest = max(h.max_in_flight for h in hosts)
            delayed = [h for i, h in enumerate(hosts) if i % 5 == 0]
            gaps = []
            for h in delayed:
                times = [s.at for s in h.requests if s.path != "/robots.txt"]
                gaps += [b - a for a, b in zip(times, times[1:])]
            requests_ours = sum(len(h.requests) for h in hosts)
            assert all(len(h.requests) for h in hosts)
            print(f"  planted links found: {len(found & planted)}/{len(planted)} (extra: {len(found - planted)}); "
                  f"mentions found: {len(mention_pages & planted_mentions)}/{len(planted_mentions)}")
            print(f"  politeness: most requests a host served at once {busiest}; smallest gap on crawl-delay hosts "
                  f"{min(gaps) if gaps else float('nan'):.3f} s (delay {DELAY} s); pages <= budget: {first.pages <= budget}; "
                  f"requests incl. robots/sitemaps {requests_ours}; disallowed hits "
                  f"{sum(1 for h in hosts for s in h.requests if s.path.startswith('/intern/'))}")
            second, t_second = await ours(web, store, options, "run 2 (nothing changed: backfill)")
            print(f"  pages requested twice so far: {twice(hosts)}")
            for host in hosts:
                host.page("/artikel/0", page(0, f'Nieuw: <a href="https://{OWN}/nieuw">{OWN}</a>'))
                dated = list(host.dated)
                dated[0] = (dated[0][0], "2026-12-31T00:00:00Z")
                host.body("/sitemap-1.xml", urlset(dated[: len(dated) // 2]), content_type="application/xml")
            third, t_third = await ours(web, store, options, "run 3 (one old page per host changed)")
            changed = {l["source_url"] for l in third.new_links if l["source_url"].endswith("/artikel/0")}
            print(f"  changed pages' new links found: {len(changed)}/{len(hosts)}; pages requested twice: {twice(hosts)} "
                  f"(only a changed page may be)")
            naive_result = None
            if not args.skip_naive:  # on the full web (with run 3's change), before the steady-state run
                for host in hosts:
                    host.clear_log()
                naive_result = await naive(web, hosts)
                busiest_naive = max(h.max_in_flight for h in hosts)
            for host in hosts:  # steady state: the listings hold only pages read already, unchanged
                newest = list(reversed(host.dated))[: args.per_domain]
                host.body("/sitemap-1.xml", urlset(newest), content_type="application/xml")
                host.body("/sitemap-2.xml.gz", gzip.compress(urlset([])), content_type="application/gzip")
            before = sum(len(h.requests) for h in hosts)
            fourth, t_fourth = await ours(web, store, options, "run 4 (steady state: nothing new or changed)")
            print(f"  requests in run 4: {sum(len(h.requests) for h in hosts) - before} "
                  f"({(sum(len(h.requests) for h in hosts) - before) / len(hosts):.1f} per host: robots.txt, home page, "
                  f"sitemaps); time vs run 1: {t_fourth / t_first:.2f}")
            await store.aclose()
        if naive_result is not None:
            requests, t_naive, naive_found = naive_result
            print(f"naive crawler (every sitemap URL, 64 connections): requests {requests}, pages with links {naive_found}, "
                  f"{t_naive:.2f} s, most requests a host served at once {busiest_naive}")
            ours_found = len(first.new_links) + len(second.new_links) + len(third.new_links)
            print(f"ratios ours/naive (run 1): requests {requests_ours / requests:.3f}, time {t_first / t_naive:.2f}; "
                  f"link pages found: ours {ours_found} over 3 runs, naive {naive_found} (after run 3's change)")


if __name__ == "__main__":
    asyncio.run(main())
