"""The discovery run: read the watched domains politely, find new backlinks and unlinked mentions.

One run, per workspace (and optionally per site):

1. **List** every watched domain (several at once, each domain on its own): robots.txt (through the
   fetcher, which caches it), the home page (read like any page, and its ``<link rel=alternate>``
   feeds noted), the ``Sitemap:`` lines of robots.txt (or ``/sitemap.xml``), sitemap indexes, gzip,
   feeds. Pages that are new or changed since the last visit (``lastmod`` later than the one seen
   when the page was last fetched; pages never fetched; pages without a date after
   ``refetch_days``) are planned, most recent first, at most ``per_domain`` per domain (fewer when a
   long crawl-delay would make the domain take more than ``domain_seconds``). Pages listed but not
   read yet stay "new", so older pages are read over the following runs (backfill). At most
   ``max_domains`` domains are listed per workspace and run, the least recently listed first.
2. **Allot** the page budget: a global ``budget`` per run shared between workspaces by water-filling
   (a workspace that needs little gets what it needs, the rest share equally), and at most
   ``per_workspace`` for any one workspace, so no workspace starves the others. Within a workspace
   the domains are interleaved (every domain's newest page first). What does not fit is deferred.
3. **Fetch** the planned pages: one request at a time per host, ``max(min_delay, Crawl-delay)``
   seconds apart (robots.txt ``Crawl-delay`` or ``Request-rate`` for our product token, via protego);
   conditional requests (``If-None-Match``/``If-Modified-Since``) for pages fetched before, a 304 is
   "unchanged". Every page read is analysed off the event loop: links to any tracked site of the
   workspace become backlinks (``found_by: discovery``, an ``appeared`` event when the link counts),
   brand and domain mentions that are not linked are stored with their sentence.

Everything is written as it happens (the plan per domain, each page in one transaction), so a run
that is interrupted (cancelled, killed) resumes where it was the next time: listed domains are not
listed again, fetched pages are not fetched again, and the budget already used stays used.
"""

from __future__ import annotations

from storage.timestamps import parse_iso

import asyncio
import inspect
import logging
import re
import time
from collections import defaultdict, deque
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Iterable, Sequence
from urllib.parse import urljoin, urlsplit

from bot.discover.sitemaps import Entry, ListingKind, feed_links, parse_listing
from bot.discover.watchlist import SiteTarget, domains_to_read, targets
from bot.domains import domain_of_url, host_of, registrable_domain
from bot.fetch.result import FetchError, FetchResult
from storage import discover_repo as repo
from storage.discover_repo import FoundLink, FoundMention, HostInfo, PageOutcome, PageState, PlannedPage

if TYPE_CHECKING:
    from bot.fetch.fetcher import Fetcher
    from storage.store import Store

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], Any]

_RUNNING: set[int] = set()  # discovery runs of this process (a "running" run of our pid not here is stale)
_PARSE_IN_THREAD = 64_000
_UNREACHABLE = (FetchError.UNREACHABLE, FetchError.BLOCKED_ADDRESS)


@dataclass(frozen=True)
class DiscoverOptions:
    """Limits of a run. Every default is the production value."""

    budget: int = 1000  # pages per run, all workspaces together
    per_workspace: int = 300  # pages per workspace per run
    per_domain: int = 25  # pages per watched domain per run
    max_listings: int = 8  # sitemap and feed files read per domain per run
    min_delay: float = 1.0  # seconds between two requests to one host when robots.txt says nothing
    domain_seconds: float = 300.0  # a long Crawl-delay is obeyed by reading fewer pages of that domain
    refetch_days: float = 30.0  # a known page without a date in its listing is read again after this
    concurrency: int = 16  # domains read at the same time
    max_domains: int = 300  # domains listed per workspace per run (least recently listed first)
    max_entries: int = 50_000  # entries kept per listing file

    def __post_init__(self) -> None:
        if self.budget < 0 or self.per_workspace < 0 or self.per_domain < 0 or self.concurrency < 1:
            raise ValueError("budgets cannot be negative and concurrency must be positive")


@dataclass
class DiscoverReport:
    team_id: str
    scope: str  # a site's domain or "*"
    run_id: int
    resumed: bool = False
    state: str = "running"
    budget: int = 0  # pages allotted to this workspace in this run
    domains: int = 0  # watched domains in scope
    listings: int = 0  # robots/home/sitemap/feed requests this time
    pages: int = 0  # pages fetched this time (304s included)
    unchanged: int = 0
    failed: int = 0
    deferred: int = 0  # planned pages left for a later run (budget)
    new_links: list[dict[str, Any]] = field(default_factory=list)
    known_links: int = 0  # links found that were already known backlinks
    mentions_new: int = 0
    duration_s: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "site": None if self.scope == "*" else self.scope,
            "run_id": self.run_id,
            "resumed": self.resumed,
            "state": self.state,
            "budget": self.budget,
            "domains": self.domains,
            "listings": self.listings,
            "pages_fetched": self.pages,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "deferred": self.deferred,
            "links_found": len(self.new_links),
            "known_links": self.known_links,
            "mentions_found": self.mentions_new,
            "new_links": sorted(self.new_links, key=lambda l: (l["site"], l["source_url"])),
            "duration_s": round(self.duration_s, 3),
        }


# ------------------------------------------------------------------ pure decisions


def allot(demands: dict[str, int], budget: int, per_workspace: int) -> dict[str, int]:
    """Share ``budget`` pages between workspaces: none gets more than it wants or ``per_workspace``;
    workspaces that want little are served first and the rest split what is left equally."""
    result: dict[str, int] = {}
    remaining = max(0, budget)
    order = sorted(demands, key=lambda k: (demands[k], k))
    for i, key in enumerate(order):
        share = remaining // (len(order) - i)
        give = max(0, min(demands[key], per_workspace, share))
        result[key] = give
        remaining -= give
    return result


def crawl_delay_of(rules: Any, token: str, minimum: float) -> float:
    """Seconds between requests to a host: robots.txt ``Crawl-delay`` (or ``Request-rate``) for
    ``token``, never less than ``minimum``."""
    parser = getattr(rules, "parser", None)
    delay = 0.0
    if parser is not None:
        try:
            value = parser.crawl_delay(token)
            if value is not None:
                delay = float(value)
            rate = parser.request_rate(token)
            if rate is not None and rate.requests:
                delay = max(delay, float(rate.seconds) / float(rate.requests))
        except Exception:  # protego is lenient; a strange value must not stop the crawl
            log.debug("unreadable crawl delay", exc_info=True)
    if delay != delay or delay < 0:
        delay = 0.0
    return max(minimum, delay)


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds") if moment else None


def choose_pages(
    entries: dict[str, datetime | None],
    states: dict[str, PageState],
    *,
    limit: int,
    now: datetime,
    refetch_days: float,
    skip: Iterable[str] = (),
) -> list[PlannedPage]:
    """The pages to visit, most recent first: never fetched, or changed since (listing date later
    than the one seen at the last fetch, or than the fetch itself), or undated and not read for
    ``refetch_days``. At most ``limit``."""
    skipped = set(skip)
    stale_before = now - timedelta(days=refetch_days)
    wanted: list[tuple[int, float, str, datetime | None]] = []
    for url, lastmod in entries.items():
        if url in skipped:
            continue
        state = states.get(url)
        if state is None or state.fetched_at is None:
            tier = 0
        else:
            seen = parse_iso(state.lastmod) or parse_iso(state.fetched_at)
            fetched = parse_iso(state.fetched_at)
            if lastmod is not None and seen is not None and lastmod > seen:
                tier = 0
            elif lastmod is None and (fetched is None or fetched < stale_before):
                tier = 1
            else:
                continue
        stamp = lastmod.timestamp() if lastmod is not None else float("-inf")
        wanted.append((tier, -stamp, url, lastmod))
    wanted.sort(key=lambda w: (w[0], w[1], w[2]))
    return [PlannedPage(url, _iso(lastmod)) for _, _, url, lastmod in wanted[: max(0, limit)]]


def page_findings(
    result: FetchResult, sites: Sequence[SiteTarget]
) -> tuple[tuple[FoundLink, ...], tuple[FoundMention, ...]]:
    """Links to tracked sites and unlinked mentions of them on a fetched page. Pure (runs in a thread)."""
    from bot.analysis import analyse_html, links_to
    from bot.check.status import classify_page
    from bot.discover.mentions import brand_terms, find_mentions, page_text

    html = result.html or ""
    page_url = result.final_url or result.url
    page_domain = domain_of_url(page_url)
    others = [s for s in sites if s.domain != page_domain]
    if not html or not others:
        return (), ()
    lowered = html.lower()
    links: list[FoundLink] = []
    from bot.check.engine import could_link

    candidates = [s for s in others if could_link(lowered, s.domain)]  # cheap: the name must appear somewhere
    if candidates:
        analysis = analyse_html(html, page_url, x_robots_tag=result.headers.get("x-robots-tag"))
        for site in candidates:
            found = links_to(analysis, [site.domain])
            if not found:
                continue
            evidence = classify_page(result, analysis, found)
            link = evidence.link
            if link is None:
                continue
            links.append(
                FoundLink(site.domain, link.href, link.anchor, link.kind.value, link.follow, link.placement.value, evidence.counts)
            )
    mentions: list[FoundMention] = []
    text = None
    for site in others:
        if not _might_mention(lowered, brand_terms(site.domain, site.brands)):
            continue
        if text is None:
            text = page_text(html, page_url)
        for m in find_mentions(text, site.domain, site.brands):
            mentions.append(FoundMention(site.domain, m.brand, m.matched, m.sentence, m.linked))
    return tuple(links), tuple(mentions)


_LOOSE_LETTERS = re.compile(r"[aeiouyncs]")


def _might_mention(lowered_html: str, words: Iterable[str]) -> bool:
    """Cheap pre-check: could any brand occur at all? The longest word of each brand is looked for
    with its vowels (and c, n, s, y) as wildcards, so ``muller`` still finds ``Müller``."""
    for word in words:
        parts = [p for p in word.lower().replace("-", " ").replace("_", " ").split() if p]
        if not parts:
            continue
        longest = max(parts, key=len)
        if not longest.isascii():
            return True
        if longest in lowered_html or re.search(_LOOSE_LETTERS.sub(".", re.escape(longest)), lowered_html):
            return True
    return False


# ------------------------------------------------------------------ politeness


class HostGate:
    """One request at a time per host, ``delay`` seconds between the end of one and the next.

    Shared by every workspace of a run, so two workspaces reading the same host take turns."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._next: dict[str, float] = {}
        self.delays: dict[str, float] = {}
        self.active: dict[str, int] = defaultdict(int)
        self.max_active: dict[str, int] = defaultdict(int)

    @asynccontextmanager
    async def slot(self, host: str, default_delay: float) -> AsyncIterator[None]:
        lock = self._locks.setdefault(host, asyncio.Lock())
        loop = asyncio.get_running_loop()
        async with lock:
            wait = self._next.get(host, 0.0) - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            self.active[host] += 1
            self.max_active[host] = max(self.max_active[host], self.active[host])
            try:
                yield
            finally:
                self.active[host] -= 1
                self._next[host] = loop.time() + self.delays.get(host, default_delay)


class _Progress:
    """(done, total) now and then; async callbacks run as tasks and never slow the crawl."""

    def __init__(self, callback: ProgressCallback | None, every: float = 0.25) -> None:
        self.callback = callback
        self.every = every
        self.done = 0
        self.total = 0
        self.last = 0.0
        self.task: asyncio.Task[Any] | None = None

    def add_total(self, n: int) -> None:
        self.total += n

    def step(self, n: int = 1, *, force: bool = False) -> None:
        self.done += n
        self.report(force=force)

    def report(self, *, force: bool = False) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if not force and (now - self.last < self.every or (self.task is not None and not self.task.done())):
            return
        self.last = now
        try:
            outcome = self.callback(self.done, self.total)
        except Exception:
            log.exception("progress callback failed")
            return
        if inspect.isawaitable(outcome):
            self.task = asyncio.ensure_future(outcome)

    async def finish(self) -> None:
        if self.task is not None and not self.task.done():
            try:
                await self.task
            except Exception:
                log.exception("progress callback failed")
        self.report(force=True)
        if self.task is not None and not self.task.done():
            try:
                await self.task
            except Exception:
                log.exception("progress callback failed")


# ------------------------------------------------------------------ one workspace


class _WorkspaceRun:
    def __init__(
        self,
        store: "Store",
        fetcher: "Fetcher",
        gate: HostGate,
        team_id: str,
        site: str | None,
        options: DiscoverOptions,
        progress: _Progress,
        trigger: str,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.gate = gate
        self.team_id = team_id
        self.site = site
        self.options = options
        self.progress = progress
        self.trigger = trigger
        self.token = fetcher.settings.robots_token
        self.report: DiscoverReport | None = None
        self.run: repo.RunRow | None = None
        self.sites: list[SiteTarget] = []
        self.domains: list[str] = []
        self.pool_sem = asyncio.Semaphore(options.concurrency)

    # -------------------------------------------------------------- start and plan

    async def start(self) -> None:
        scope = self.site or "*"
        self.run, resumed = await self.store.call(
            repo.start_run, self.team_id, scope, budget=0, trigger=self.trigger, running_here=frozenset(_RUNNING)
        )
        _RUNNING.add(self.run.id)
        self.report = DiscoverReport(self.team_id, scope, self.run.id, resumed=resumed)

    async def plan(self) -> None:
        assert self.run is not None and self.report is not None
        self.domains = await self.store.call(domains_to_read, self.team_id, self.site)
        self.sites = await self.store.call(targets, self.team_id)
        self.report.domains = len(self.domains)
        done = await self.store.call(repo.planned_domains, self.team_id, self.run.id)
        listed = await self.store.call(repo.listed_times, self.team_id)
        todo = [d for d in self.domains if d not in done]
        todo.sort(key=lambda d: (listed.get(d) is not None, listed.get(d) or "", d))  # never listed, then oldest
        todo = todo[: max(0, self.options.max_domains - len(done))]
        self.progress.add_total(len(todo))
        self.progress.report(force=True)
        await asyncio.gather(*(self._plan_guarded(d) for d in todo))

    async def _plan_guarded(self, domain: str) -> None:
        async with self.pool_sem:
            try:
                await self._plan_domain(domain)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("listing %s failed", domain)
        self.progress.step()

    async def _get(self, url: str, *, headers: dict[str, str] | None = None, data: bool = False) -> FetchResult:
        host = host_of(url) or ""
        async with self.gate.slot(host, self.options.min_delay):
            if data:
                return await self.fetcher.fetch_data(url, headers=headers)
            return await self.fetcher.fetch(url, headers=headers or None)

    async def _rules(self, url: str) -> Any:
        rules = await self.fetcher.robots_rules(url)
        host = host_of(url) or ""
        if host and rules is not None and rules.site_error is None:
            delay = crawl_delay_of(rules, self.token, self.options.min_delay)
            self.gate.delays[host] = max(delay, self.gate.delays.get(host, 0.0))
        return rules

    async def _plan_domain(self, domain: str) -> None:
        assert self.run is not None and self.report is not None
        options = self.options
        states: dict[str, PageState] = await self.store.call(repo.page_states, self.team_id, domain)
        known: HostInfo | None = await self.store.call(repo.host_info, self.team_id, domain)
        listings = 0
        roots = [f"https://{domain}/", f"http://{domain}/"]
        if known is not None and known.root_url in roots:
            roots.remove(known.root_url)
            roots.insert(0, known.root_url)
        home: FetchResult | None = None
        root = roots[0]
        rules: Any = None
        for i, candidate in enumerate(roots):
            root = candidate
            rules = await self._rules(candidate)
            if rules is not None and rules.site_error in _UNREACHABLE and i + 1 < len(roots):
                continue  # this scheme does not answer at all: try the other one
            state = states.get(candidate)
            home = await self._get(candidate, headers=state.conditional_headers() if state else None)
            listings += 1
            if home.error in _UNREACHABLE and i + 1 < len(roots):
                continue
            break
        feeds: list[str] = list(known.feeds) if known is not None else []
        error: str | None = None
        origin_url = root
        if home is not None:
            origin_url = home.final_url or root
            if home.status == 304:
                await self._record(PageOutcome(root, domain, "unchanged", 304, home.final_url, queued=False))
            elif home.ok:
                feeds = feed_links(home.html or "", origin_url)
                await self._record(await self._outcome(root, domain, home, None, queued=False))
            else:
                error = str(home.error.value if home.error else "unreachable")
                if home.error is not None and home.error in _UNREACHABLE:
                    await self._finish_plan(domain, [], HostInfo(domain, None, tuple(feeds), (), None, None, error), listings)
                    return
        else:
            error = "unreachable"
        parts = urlsplit(origin_url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin != f"{urlsplit(root).scheme}://{urlsplit(root).netloc}":
            rules = await self._rules(origin_url)
        if rules is not None and not rules.ok:
            await self._finish_plan(domain, [], HostInfo(domain, root, tuple(feeds), (), None, None, "robots-unreachable"), listings)
            return
        sitemaps: list[str] = []
        parser = getattr(rules, "parser", None)
        if parser is not None:
            for value in parser.sitemaps:
                absolute = urljoin(origin + "/", str(value).strip())
                if absolute.startswith(("http://", "https://")) and absolute not in sitemaps:
                    sitemaps.append(absolute)
        if not sitemaps:
            sitemaps = [origin + "/sitemap.xml"]
        site_domain = registrable_domain(host_of(origin_url) or domain) or domain
        entries: dict[str, datetime | None] = {}
        todo: deque[str] = deque([*sitemaps, *feeds])
        seen: set[str] = set()
        read = 0
        while todo and read < options.max_listings:
            url = todo.popleft()
            if url in seen:
                continue
            seen.add(url)
            result = await self._get(url, data=True)
            listings += 1
            read += 1
            if result.body is None or result.error is not None:
                continue
            body = result.body
            if len(body) > _PARSE_IN_THREAD:
                listing = await asyncio.to_thread(parse_listing, body, result.final_url or url, limit=options.max_entries)
            else:
                listing = parse_listing(body, result.final_url or url, limit=options.max_entries)
            if listing.kind is ListingKind.INDEX:
                children = sorted(listing.entries, key=_newest_first)
                todo.extend(e.url for e in children if _same_site(e.url, site_domain))
                continue
            for entry in listing.pages:
                if not _same_site(entry.url, site_domain):
                    continue
                previous = entries.get(entry.url)
                if entry.url not in entries or (entry.lastmod is not None and (previous is None or entry.lastmod > previous)):
                    entries[entry.url] = entry.lastmod
        if rules is not None:
            entries = {u: m for u, m in entries.items() if rules.allows(u, self.token) or not u.startswith(origin + "/")}
        delay = self.gate.delays.get(host_of(origin_url) or "", options.min_delay)
        limit = options.per_domain
        if delay > 0:
            limit = min(limit, max(1, int(options.domain_seconds // delay)))
        pages = choose_pages(
            entries, states, limit=limit, now=datetime.now(timezone.utc), refetch_days=options.refetch_days,
            skip=(root, origin_url, origin + "/"),
        )
        info = HostInfo(domain, root if home is not None and home.error is None else None, tuple(feeds), tuple(sitemaps), delay, None, error)
        await self._finish_plan(domain, pages, info, listings)

    async def _finish_plan(self, domain: str, pages: list[PlannedPage], info: HostInfo, listings: int) -> None:
        assert self.run is not None and self.report is not None
        await self.store.call(repo.record_plan, self.team_id, self.run.id, domain, pages, info, listings=listings)
        self.report.listings += listings

    # -------------------------------------------------------------- fetch

    async def _outcome(self, url: str, domain: str, result: FetchResult, lastmod: str | None, *, queued: bool) -> PageOutcome:
        if result.status == 304:
            return PageOutcome(url, domain, "unchanged", 304, result.final_url, lastmod=lastmod, queued=queued)
        if not result.ok:
            status = result.error.value if result.error is not None else "unreachable"
            return PageOutcome(url, domain, status, result.status, result.final_url, lastmod=lastmod, queued=queued)
        if len(result.html or "") > _PARSE_IN_THREAD:
            links, mentions = await asyncio.to_thread(page_findings, result, self.sites)
        else:
            links, mentions = page_findings(result, self.sites)
        return PageOutcome(
            url, domain, "fetched", result.status, result.final_url,
            etag=result.headers.get("etag"), last_modified=result.headers.get("last-modified"), lastmod=lastmod,
            read=True, links=links, mentions=mentions, queued=queued,
        )

    async def _record(self, outcome: PageOutcome) -> None:
        assert self.run is not None and self.report is not None
        recorded = await self.store.call(repo.record_page, self.team_id, self.run.id, outcome)
        report = self.report
        if outcome.queued:
            report.pages += 1
            if outcome.status == "unchanged":
                report.unchanged += 1
            elif outcome.status != "fetched":
                report.failed += 1
        report.new_links.extend(recorded.new_links)
        report.known_links += recorded.known_links
        report.mentions_new += recorded.new_mentions

    async def demand(self) -> int:
        assert self.run is not None
        return await self.store.call(repo.demand, self.team_id, self.run.id)

    async def fetch(self, allowance: int) -> None:
        assert self.run is not None and self.report is not None
        counts = await self.store.call(repo.queue_counts, self.team_id, self.run.id)
        selected_before = any(counts.get(s, 0) for s in ("pending", "deferred", "done"))
        run = await self.store.call(repo.get_run, self.team_id, self.run.id)
        if selected_before and run.budget:
            allowance = run.budget  # resuming: the allowance decided when the run started
        else:
            await self.store.call(_set_budget, self.team_id, self.run.id, allowance)
        self.report.budget = allowance
        await self.store.call(repo.select_pages, self.team_id, self.run.id, max(0, allowance - counts.get("done", 0)))
        items = await self.store.call(repo.queue_items, self.team_id, self.run.id)
        self.report.deferred = (await self.store.call(repo.queue_counts, self.team_id, self.run.id)).get("deferred", 0)
        self.progress.add_total(len(items))
        self.progress.report(force=True)
        by_domain: dict[str, list[repo.QueueItem]] = defaultdict(list)
        for item in items:
            by_domain[item.domain].append(item)
        await asyncio.gather(*(self._fetch_domain(domain, batch) for domain, batch in by_domain.items()))

    async def _fetch_domain(self, domain: str, items: list[repo.QueueItem]) -> None:
        async with self.pool_sem:
            states: dict[str, PageState] = await self.store.call(repo.page_states, self.team_id, domain)
            for item in sorted(items, key=lambda i: i.rank):
                state = states.get(item.url)
                host = host_of(item.url) or ""
                if host and host not in self.gate.delays:
                    await self._rules(item.url)
                result = await self._get(item.url, headers=state.conditional_headers() if state else None)
                try:
                    outcome = await self._outcome(item.url, domain, result, item.lastmod, queued=True)
                except Exception:
                    log.exception("analysis of %s failed", item.url)
                    outcome = PageOutcome(item.url, domain, "analysis-failed", result.status, result.final_url, lastmod=item.lastmod)
                await self._record(outcome)
                self.progress.step()

    async def close(self, state: str, error: str | None = None) -> None:
        if self.run is None:
            return
        _RUNNING.discard(self.run.id)
        await self.store.call(repo.finish_run, self.team_id, self.run.id, state, error=error)
        if self.report is not None:
            self.report.state = state


def _set_budget(db: Any, team_id: str, run_id: int, budget: int) -> None:
    db.execute("UPDATE discover_runs SET budget = ? WHERE team_id = ? AND id = ?", [budget, team_id, run_id])


def _newest_first(entry: Entry) -> tuple[int, float]:
    return (entry.lastmod is None, -(entry.lastmod.timestamp() if entry.lastmod else 0.0))


def _same_site(url: str, site_domain: str) -> bool:
    host = host_of(url)
    return host is not None and registrable_domain(host) == site_domain


# ------------------------------------------------------------------ entry points


async def discover_workspaces(
    store: "Store",
    fetcher: "Fetcher",
    scopes: Sequence[tuple[str, str | None]],
    *,
    options: DiscoverOptions | None = None,
    progress: ProgressCallback | None = None,
    trigger: str = "schedule",
    gate: HostGate | None = None,
) -> list[DiscoverReport]:
    """Run discovery for several ``(team_id, site or None)`` scopes in one run with one shared
    budget (see :func:`allot`). Returns a report per scope, in order."""
    options = options or DiscoverOptions()
    gate = gate or HostGate()
    meter = _Progress(progress)
    started = time.monotonic()
    runs = [_WorkspaceRun(store, fetcher, gate, team, site, options, meter, trigger) for team, site in scopes]
    opened: list[_WorkspaceRun] = []
    state, error = "failed", None
    try:
        for run in runs:
            await run.start()
            opened.append(run)
        await asyncio.gather(*(run.plan() for run in runs))
        demands = {str(i): await run.demand() for i, run in enumerate(runs)}
        shares = allot(demands, options.budget, options.per_workspace)
        await asyncio.gather(*(run.fetch(shares[str(i)]) for i, run in enumerate(runs)))
        state = "done"
    except asyncio.CancelledError:
        state = "interrupted"
        raise
    except BaseException as err:
        state = "interrupted" if isinstance(err, KeyboardInterrupt) else "failed"
        error = f"{type(err).__name__}: {err}"[:500]
        raise
    finally:
        for run in opened:
            try:
                await asyncio.shield(run.close(state, error))
            except BaseException:
                log.exception("could not close discovery run")
        try:
            await meter.finish()
        except BaseException:
            pass
        for run in runs:
            if run.report is not None:
                run.report.duration_s = time.monotonic() - started
    return [run.report for run in runs if run.report is not None]


async def discover(
    store: "Store",
    fetcher: "Fetcher",
    team_id: str,
    site: str | None = None,
    *,
    options: DiscoverOptions | None = None,
    progress: ProgressCallback | None = None,
    trigger: str = "cli",
) -> DiscoverReport:
    """Discovery for one workspace: one site's watch list, or (``site`` None) every site's.

    Raises :class:`~storage.discover_repo.DiscoveryRunningError` when the same scope is running, and
    :class:`~bot.errors.NotFoundError` for a site that is not tracked."""
    if site is not None:
        from bot.domains import normalise_site
        from storage.sites import require_site

        site = (await store.call(require_site, team_id, normalise_site(site))).domain
    reports = await discover_workspaces(store, fetcher, [(team_id, site)], options=options, progress=progress, trigger=trigger)
    return reports[0]


async def run_discover(
    store: "Store",
    fetch_settings: Any,
    team_id: str,
    site: str | None = None,
    *,
    resolver: Any = None,
    **kwargs: Any,
) -> DiscoverReport:
    """Open a fetcher with ``fetch_settings`` and run :func:`discover` (for the CLI and scripts)."""
    from bot.fetch import open_fetcher

    async with open_fetcher(fetch_settings, resolver=resolver) as fetcher:
        return await discover(store, fetcher, team_id, site, **kwargs)


def running_here() -> frozenset[int]:
    """Ids of the discovery runs this process is running right now (any workspace, any scope)."""
    return frozenset(_RUNNING)


def _teams_with_sites(db: Any) -> list[str]:
    return [row[0] for row in db.execute("SELECT DISTINCT team_id FROM sites ORDER BY team_id")]


async def scheduled_discovery(
    store: "Store",
    fetcher: "Fetcher",
    team_ids: Sequence[str] | None = None,
    *,
    options: DiscoverOptions | None = None,
) -> list[DiscoverReport]:
    """The weekly job (run it before the digests): every workspace with tracked sites (or the given
    ones), all their sites, one shared budget. A workspace whose run is still going is skipped."""
    teams = list(team_ids) if team_ids is not None else await store.call(_teams_with_sites)
    reports: list[DiscoverReport] = []
    scopes = []
    for team in teams:
        run = await store.call(repo.last_run, team, "*")
        if run is not None and run.state == "running" and run.id in _RUNNING:
            continue
        scopes.append((team, None))
    if scopes:
        try:
            reports = await discover_workspaces(store, fetcher, scopes, options=options, trigger="schedule")
        except repo.DiscoveryRunningError:
            log.info("a discovery run is still going in another process; skipped this time")
    return reports
