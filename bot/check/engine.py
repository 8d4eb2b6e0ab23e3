"""The check engine: visit every referring page of a site concurrently and record what it says.

Pipeline (memory stays flat however many links a site has):

- a producer reads the site's backlinks from the store in chunks, in an order that interleaves the
  referring domains (so the fetcher's per-host limit never leaves the other hosts idle);
- workers fetch pages through the shared :class:`~bot.fetch.Fetcher` (which enforces the per-host and
  global limits, robots.txt and backoff), then analyse the HTML *off the event loop* (worker
  processes on multi-core machines for large checks, else a small thread pool) and reduce it to a
  small record: the HTML is dropped right there;
- work that cannot change the answer is skipped: a page whose text never names the site is not
  analysed, only hrefs naming the site are matched, and a page byte-for-byte identical to its last
  read (same final URL, X-Robots-Tag and analysis code) reuses the stored analysis;
- results go to the single SQLite writer thread in batches, each batch one transaction
  (observations + backlink state + events + the check's running counts).

A check killed at any moment leaves every written batch intact; the next check marks the dead one
``interrupted`` and runs normally.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import time
from collections import Counter
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable

from bot.check.status import (
    Decision,
    Evidence,
    LinkState,
    LinkStatus,
    Prior,
    classify_page,
    decide,
    next_last_link,
)
from bot.fetch.result import FetchError, FetchResult
from storage.checks import (
    CheckStart,
    EventItem,
    ObservationRecord,
    PriorRow,
    check_order,
    finish_check,
    load_priors,
    start_check,
    write_results,
)

if TYPE_CHECKING:
    from bot.fetch.fetcher import Fetcher
    from storage.store import Store

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], Any]

# Check ids running in this process (a running check of our own pid that is not here is stale).
_RUNNING: set[int] = set()

CHUNK = 256  # backlinks loaded from the store at a time
BATCH = 100  # results per write transaction
FLUSH_EVERY = 0.5  # seconds: a partial batch is written at least this often
PROGRESS_EVERY = 0.25  # seconds between progress callbacks
PAGES_PER_POOL = 25_000  # pages a pool of parse processes analyses before fresh processes replace it
PROCESS_MIN_LINKS = 500  # fewer links than this: parse threads (starting processes would not pay off)


@dataclass(frozen=True)
class LinkResult:
    source_url: str
    target_url: str | None
    status: str
    reason: str | None
    changes: tuple[str, ...]
    kind: str | None
    follow: bool | None
    anchor: str | None
    placement: str | None
    http_status: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_url": self.source_url,
            "target_url": self.target_url,
            "status": self.status,
            "reason": self.reason,
            "changes": list(self.changes),
            "kind": self.kind,
            "follow": self.follow,
            "anchor": self.anchor,
            "placement": self.placement,
            "http_status": self.http_status,
        }


@dataclass
class CheckReport:
    site: str
    check_id: int
    total: int = 0
    checked: int = 0
    live: int = 0
    missing: int = 0
    lost: int = 0
    blocked: int = 0
    state: str = "running"
    duration_s: float = 0.0
    events: Counter[str] = field(default_factory=Counter)  # appeared, lost, returned, nofollow-added, ...
    links: list[LinkResult] = field(default_factory=list)
    interrupted_checks: tuple[int, ...] = ()  # stale checks this run marked interrupted
    reused: int = 0  # unchanged pages whose stored analysis was reused
    mentions_new: int = 0  # brand mentions of the site first seen by this check (stored for `mentions`)

    @property
    def changed(self) -> int:
        return sum(n for kind, n in self.events.items() if kind not in ("appeared", "lost", "returned"))

    def to_json(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "checked": self.checked,
            "live": self.live,
            "missing": self.missing,
            "lost": self.lost,
            "blocked": self.blocked,
            "links": [link.to_dict() for link in sorted(self.links, key=lambda l: l.source_url)],
        }


# ------------------------------------------------------------------------------------------------
# Pure evaluation of one fetched page (runs in the parse pool)


def prior_of(row: PriorRow) -> Prior:
    last = (
        LinkState(target_url=row.target_url, kind=row.kind, follow=row.follow, anchor=row.anchor, placement=row.placement)
        if row.kind is not None
        else None
    )
    try:
        status = LinkStatus(row.status)
    except ValueError:
        status = LinkStatus.PENDING
    return Prior(status=status, reason=row.reason, miss_streak=row.miss_streak, ever_live=row.ever_live, last_link=last)


def domain_markers(domain: str) -> tuple[str, ...]:
    """Lower-case strings of which at least one appears in any HTML that links to ``domain``: the
    name without its suffix, as punycode and as Unicode (``mysite`` for ``mysite.nl``)."""
    label = domain.split(".")[0]
    markers = {label.lower()}
    try:
        markers.add(domain.encode("ascii").decode("idna").split(".")[0].lower())
    except UnicodeError:
        pass
    return tuple(m for m in markers if m)


def could_link(html: str, domain: str) -> bool:
    """False when the page cannot hold a link to ``domain`` (its name appears nowhere in the HTML,
    not even in a ``<base href>``), so the full analysis can be skipped. Links whose host letters
    are written as character references are not seen; no real page does that."""
    lowered = html.lower()
    return any(marker in lowered for marker in domain_markers(domain))


_ANALYSIS_FINGERPRINT: str | None = None


def analysis_fingerprint() -> str:
    """A fingerprint of the HTML analysis code: a stored page analysis is reused only while the code
    that made it is unchanged."""
    global _ANALYSIS_FINGERPRINT
    if _ANALYSIS_FINGERPRINT is None:
        import hashlib
        from pathlib import Path

        import bot.analysis

        digest = hashlib.blake2b(digest_size=8)
        for path in sorted(Path(bot.analysis.__file__).parent.glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        _ANALYSIS_FINGERPRINT = digest.hexdigest()
    return _ANALYSIS_FINGERPRINT


def page_fingerprint(result: FetchResult, domain: str) -> str | None:
    """Everything the analysis of a page depends on, hashed: the analysis code, the site, the final
    URL, the X-Robots-Tag header and the HTML. None when the page was not read."""
    if not result.ok or result.html is None:
        return None
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    for part in (analysis_fingerprint(), domain, result.final_url or result.url, result.headers.get("x-robots-tag") or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(result.html.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def evaluate_unchanged(result: FetchResult, row: PriorRow, domain: str, baseline_done: bool) -> ObservationRecord:
    """Decide from the facts stored at the last read of this very page (same fingerprint): no HTML
    analysis needed. The redirect and status facts still come from this fetch."""
    from bot.analysis.model import Link, LinkKind, PageAnalysis, Placement

    prior = prior_of(row)
    links: list[Link] = []
    if row.page_link_found and row.kind and row.placement:
        links.append(
            Link(
                href=row.target_url or "",
                anchor=row.anchor or "",
                rel=row.page_rel,
                kind=LinkKind(row.kind),
                follow=bool(row.follow),
                placement=Placement(row.placement),
            )
        )
    analysis = PageAnalysis(noindex=bool(row.page_noindex), canonical=row.page_canonical)
    evidence = classify_page(result, analysis, links, prior.last_link)
    if row.page_noindex is None:
        evidence = replace(evidence, noindex=None)
    decision = decide(prior, evidence, baseline_done=baseline_done)
    return replace(record_of(row.id, evidence, decision, next_last_link(prior, evidence)), page_hash=row.page_hash)


def evaluate(
    result: FetchResult,
    row: PriorRow,
    domain: str,
    baseline_done: bool,
    page_hash: str | None = None,
    brands: tuple[str, ...] | None = None,
) -> ObservationRecord:
    """Analyse a fetched page (if it is HTML) and decide the backlink's new state. Pure.

    ``page_hash`` (:func:`page_fingerprint`) is stored with the result so the next check can reuse
    it when the page has not changed. With ``brands`` (the site's brand names; ``()`` for the domain
    only), a page that was analysed also gets its mentions of the site (``record.mentions``).
    """
    record = _evaluate(result, row, domain, baseline_done, brands)
    return replace(record, page_hash=page_hash) if page_hash is not None else record


def page_mentions(html: str, url: str, domain: str, brands: tuple[str, ...]) -> tuple[Any, ...]:
    """Mentions of ``domain``'s brands on an analysed page (:mod:`bot.discover.mentions`), as the
    discover repository stores them; the cheap discovery pre-check first, so most pages cost nothing."""
    from bot.discover.crawl import _might_mention
    from bot.discover.mentions import brand_terms, mentions_in_html
    from storage.discover_repo import FoundMention

    if not _might_mention(html.lower(), brand_terms(domain, brands)):
        return ()
    return tuple(FoundMention(domain, m.brand, m.matched, m.sentence, m.linked) for m in mentions_in_html(html, url, domain, brands))


def _evaluate(
    result: FetchResult, row: PriorRow, domain: str, baseline_done: bool, brands: tuple[str, ...] | None = None
) -> ObservationRecord:
    prior = prior_of(row)
    analysis = None
    links: list[Any] = []
    if result.ok and result.html is not None and not could_link(result.html, domain):
        from bot.analysis.model import PageAnalysis

        # No link to the site is possible: the page facts (noindex, canonical) do not matter.
        evidence = classify_page(result, PageAnalysis(), [], prior.last_link)
        evidence = replace(evidence, noindex=None)
        decision = decide(prior, evidence, baseline_done=baseline_done)
        record = record_of(row.id, evidence, decision, next_last_link(prior, evidence))
        return _with_mentions(record, result, domain, brands, links_to_site=False)
    if result.ok and result.html is not None:
        from bot.analysis import analyse_for_targets

        try:
            # Only the links to the site, the same as analyse_html + links_to (tests/analysis/test_fast_path.py)
            # at about half the cost: no records for the page's other links, no main text.
            analysis = analyse_for_targets(
                result.html, result.final_url or result.url, [domain], x_robots_tag=result.headers.get("x-robots-tag")
            )
            links = list(analysis.links)
        except Exception:  # a parser bug must not stop the check of the other pages
            log.exception("analysis failed for %s", result.url)
            result = FetchResult(url=result.url, final_url=result.final_url, status=result.status, error=FetchError.UNREACHABLE)
            analysis = None
    evidence = classify_page(result, analysis, links, prior.last_link)
    decision = decide(prior, evidence, baseline_done=baseline_done)
    record = record_of(row.id, evidence, decision, next_last_link(prior, evidence))
    if analysis is None:
        return record
    return _with_mentions(record, result, domain, brands, links_to_site=bool(links))


def _with_mentions(
    record: ObservationRecord, result: FetchResult, domain: str, brands: tuple[str, ...] | None, *, links_to_site: bool
) -> ObservationRecord:
    """The record with the page's mentions of the site (see :func:`check_site`, ``record_mentions``).

    A page that links to the site has no *unlinked* mention by definition (every mention on it is
    ``linked``), so it is not searched (a second parse would triple the cost of a first check): its
    known mentions are marked linked (``mentions == ()`` with ``mentions_linked``). A page read
    without a link to the site is searched: that is where "they name you but do not link" lives.
    """
    if brands is None or result.html is None:
        return record
    if links_to_site:
        return replace(record, mentions=(), mentions_linked=True)
    try:
        mentions = page_mentions(result.html, result.final_url or result.url, domain, brands)
    except Exception:  # mentions are a bonus: never let them stop the check
        log.exception("mention search failed for %s", result.url)
        return record
    return replace(record, mentions=mentions)


def record_of(backlink_id: int, evidence: Evidence, decision: Decision, last: LinkState | None) -> ObservationRecord:
    link = evidence.link
    return ObservationRecord(
        backlink_id=backlink_id,
        page_status=evidence.page_status.value,
        http_status=evidence.http_status,
        final_url=evidence.final_url,
        link_found=link is not None,
        status=decision.status.value,
        reason=decision.reason,
        miss_streak=decision.miss_streak,
        target_url=link.href if link else None,
        rel=tuple(link.rel) if link else (),
        kind=link.kind.value if link else None,
        follow=link.follow if link else None,
        anchor=link.anchor if link else None,
        placement=link.placement.value if link else None,
        noindex=evidence.noindex if evidence.page_status.value in ("ok", "redirected") and evidence.noindex is not None else None,
        canonical=evidence.canonical,
        changes=tuple(c.value for c in decision.changes),
        events=tuple(EventItem(e.type.value, e.reason, dict(e.detail)) for e in decision.events),
        last_target_url=last.target_url if last else None,
        last_kind=last.kind if last else None,
        last_follow=last.follow if last else None,
        last_anchor=last.anchor if last else None,
        last_placement=last.placement if last else None,
    )


# ------------------------------------------------------------------------------------------------
# The engine


class _Progress:
    """Throttled progress reporting; async callbacks run as tasks, one at a time, never awaited
    by the check itself (a slow Slack update must not slow the check)."""

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.last = 0.0
        self.task: asyncio.Task[Any] | None = None

    def report(self, done: int, *, force: bool = False) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if not force and now - self.last < PROGRESS_EVERY:
            return
        if self.task is not None and not self.task.done() and not force:
            return
        self.last = now
        try:
            outcome = self.callback(done, self.total)
        except Exception:
            log.exception("progress callback failed")
            return
        if inspect.isawaitable(outcome):
            self.task = asyncio.ensure_future(outcome)

    async def finish(self, done: int) -> None:
        if self.callback is None:
            return
        if self.task is not None and not self.task.done():
            try:
                await self.task
            except Exception:
                log.exception("progress callback failed")
        self.report(done, force=True)
        if self.task is not None and not self.task.done():
            try:
                await self.task
            except Exception:
                log.exception("progress callback failed")


def _warm_parser() -> None:
    """Set up a parse process: Ctrl-C is for the parent (which shuts the pool down), and the analysis
    code is imported before the first page arrives."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import bot.analysis.links  # noqa: F401


def parse_pool(total: int, *, parse_workers: int | None = None, parse_processes: int | None = 0) -> Executor:
    """Where HTML is analysed, off the event loop.

    Threads by default (selectolax releases the GIL while it parses, but the link and placement
    rules are Python and hold it), so ``parse_processes=N`` uses N worker processes, which scales
    with the cores (1.5x faster than threads on a 2-core machine in ``bench/bench_check.py``).
    ``None`` (the default) uses processes when the machine has several cores and the check is large
    enough to repay starting them, threads otherwise; ``0`` forces threads.
    """
    cpus = os.cpu_count() or 1
    if parse_processes is None:
        parse_processes = min(cpus, 4) if cpus >= 2 and total >= PROCESS_MIN_LINKS else 0
    if parse_processes and parse_processes > 0:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        try:
            # (Not max_tasks_per_child: it can hang on Python 3.11; check_site replaces the pool itself.)
            return ProcessPoolExecutor(max_workers=parse_processes, mp_context=context, initializer=_warm_parser)
        except (OSError, ImportError, NotImplementedError):  # no /dev/shm, no semaphores: threads will do
            log.warning("parse processes unavailable; analysing pages in threads")
    return ThreadPoolExecutor(max_workers=parse_workers or min(4, cpus), thread_name_prefix="parse")


async def _fetch(fetcher: "Fetcher", url: str) -> FetchResult:
    try:
        return await fetcher.fetch(url)
    except asyncio.CancelledError:
        raise
    except Exception as err:  # the fetcher promises not to raise; be safe anyway
        log.exception("fetch failed for %s", url)
        return FetchResult(url=url, final_url=url, error=FetchError.UNREACHABLE, detail=str(err) or type(err).__name__)


def _concurrency(fetcher: Any) -> int:
    settings = getattr(fetcher, "settings", None)
    limit = getattr(settings, "global_limit", 64) or 64
    # Twice the fetcher's global cap: requests waiting on a busy host must not leave the cap unused.
    return max(4, int(limit) * 2)


async def check_site(
    store: "Store",
    fetcher: "Fetcher",
    team_id: str,
    domain: str,
    *,
    progress: ProgressCallback | None = None,
    trigger: str = "cli",
    concurrency: int | None = None,
    parse_workers: int | None = None,
    parse_processes: int | None = None,
    batch_size: int = BATCH,
    collect_links: bool = True,
    reuse_unchanged: bool = True,
    record_mentions: bool = True,
) -> CheckReport:
    """Check every backlink of ``domain`` in workspace ``team_id`` and record the results.

    ``progress(done, total)`` is called now and then (sync or async). ``collect_links=False`` keeps
    only the counts in the report (the per-link results stay in the store: ``check_links``).
    ``reuse_unchanged``: a page whose HTML, final URL and X-Robots-Tag are byte for byte what the
    last read saw (and analysed with the same analysis code) is not analysed again; its stored
    facts are used (``report.reused`` counts them).
    ``record_mentions``: every page that is analysed is also searched (in the parse pool, off the
    event loop) for mentions of the site's brands, stored through the discover repository
    (:func:`storage.discover_repo.record_checked_mentions`) with each batch of results.
    Raises :class:`~storage.checks.CheckRunningError` when a check of the site is already running,
    :class:`~bot.errors.NotFoundError` when the site is not tracked.
    """
    started = time.monotonic()
    start: CheckStart = await store.call(start_check, team_id, domain, trigger=trigger, running_here=frozenset(_RUNNING))
    _RUNNING.add(start.check_id)
    brands: tuple[str, ...] | None = None
    if record_mentions:
        from storage.sites import get_site

        site_row = await store.call(get_site, team_id, start.domain)
        brands = tuple(site_row.brands) if site_row is not None else ()
    mention_pages: list[tuple[str, tuple[Any, ...]]] = []
    report = CheckReport(site=start.domain, check_id=start.check_id, total=start.total, interrupted_checks=start.interrupted)
    meter = _Progress(progress, start.total)
    pools: list[Executor] = []
    pending: list[ObservationRecord] = []
    loop = asyncio.get_running_loop()
    workers = min(concurrency or _concurrency(fetcher), max(1, start.total))
    work: asyncio.Queue[PriorRow | None] = asyncio.Queue(maxsize=workers * 2)
    processed = 0
    flush_lock = asyncio.Lock()
    last_flush = time.monotonic()

    def account(row: PriorRow, record: ObservationRecord) -> None:
        nonlocal processed
        processed += 1
        status = record.status
        if status in ("live", "missing", "lost", "blocked"):
            setattr(report, status, getattr(report, status) + 1)
        for event in record.events:
            report.events[event.type] += 1
        if collect_links:
            report.links.append(
                LinkResult(
                    source_url=row.source_url,
                    target_url=record.target_url or record.last_target_url,
                    status=record.status,
                    reason=record.reason,
                    changes=record.changes,
                    kind=record.kind,
                    follow=record.follow,
                    anchor=record.anchor,
                    placement=record.placement,
                    http_status=record.http_status,
                )
            )

    async def flush(force: bool = False) -> None:
        nonlocal last_flush
        async with flush_lock:
            if not pending or (not force and len(pending) < batch_size and time.monotonic() - last_flush < FLUSH_EVERY):
                return
            batch = pending[:]
            pending.clear()
            pages = mention_pages[:]
            mention_pages.clear()
            last_flush = time.monotonic()
            written = await store.call(write_results, team_id, start.check_id, start.site_id, batch)
            report.checked += written
            if pages:
                from storage.discover_repo import record_checked_mentions

                try:
                    report.mentions_new += await store.call(record_checked_mentions, team_id, start.domain, pages)
                except Exception:  # a bonus: the check's own results are already written
                    log.exception("could not record mentions of %s", start.domain)

    async def produce() -> None:
        order = await store.call(check_order, team_id, start.site_id, start.max_backlink_id)
        for i in range(0, len(order), CHUNK):
            rows = await store.call(load_priors, team_id, start.site_id, order[i : i + CHUNK])
            for row in rows:
                await work.put(row)
        del order
        for _ in range(workers):
            await work.put(None)

    submitted = 0

    async def analyse(result: FetchResult, row: PriorRow, page_hash: str | None) -> ObservationRecord:
        nonlocal submitted
        pool = pools[-1]
        if isinstance(pool, ProcessPoolExecutor) and submitted >= PAGES_PER_POOL:
            # Fresh processes now and then keep memory flat in long checks (allocator growth).
            submitted = 0
            pools.append(parse_pool(start.total, parse_processes=pool._max_workers))  # type: ignore[attr-defined]
            pool.shutdown(wait=False)  # what it has queued still completes
            pool = pools[-1]
        submitted += 1
        try:
            return await loop.run_in_executor(pool, evaluate, result, row, start.domain, start.baseline_done, page_hash, brands)
        except (BrokenExecutor, RuntimeError, OSError):
            # A parse process died (killed for memory, say) or could not start: carry on in threads.
            if not isinstance(pool, ProcessPoolExecutor):
                raise
            if pools[-1] is pool:
                log.warning("a parse process died; analysing the remaining pages in threads")
                pools.append(parse_pool(0, parse_workers=parse_workers, parse_processes=0))
            return await loop.run_in_executor(pools[-1], evaluate, result, row, start.domain, start.baseline_done, page_hash, brands)

    async def worker() -> None:
        while True:
            row = await work.get()
            if row is None:
                return
            result = await _fetch(fetcher, row.source_url)
            if result.ok:
                page_hash = page_fingerprint(result, start.domain) if reuse_unchanged else None
                if page_hash is not None and page_hash == row.page_hash:
                    record = evaluate_unchanged(result, row, start.domain, start.baseline_done)
                    report.reused += 1
                else:
                    record = await analyse(result, row, page_hash)
                if record.mentions is not None:
                    mention_pages.append((result.final_url or result.url, None if record.mentions_linked else record.mentions))
            else:
                record = evaluate(result, row, start.domain, start.baseline_done)
            del result
            pending.append(record)
            account(row, record)
            meter.report(processed)
            if len(pending) >= batch_size or time.monotonic() - last_flush >= FLUSH_EVERY:
                await flush()

    state = "failed"
    error: str | None = None
    try:
        pools.append(parse_pool(start.total, parse_workers=parse_workers, parse_processes=parse_processes))
        meter.report(0, force=True)
        async with asyncio.TaskGroup() as group:
            group.create_task(produce())
            for _ in range(workers):
                group.create_task(worker())
        await flush(force=True)
        state = "done"
    except asyncio.CancelledError:
        state = "interrupted"
        raise
    except BaseException as err:
        if isinstance(err, KeyboardInterrupt):
            state = "interrupted"
        first = _first_leaf(err)
        error = f"{type(first).__name__}: {first}"[:500]
        if first is not err:  # the task group wraps what went wrong: hand the caller the real error
            raise first from err
        raise
    finally:
        try:
            # Results already in hand are real observations: keep them, then close the check.
            if state != "done" and pending:
                try:
                    await flush(force=True)
                except Exception:  # the database itself failed: the check is closed below anyway
                    log.exception("could not write the last results of check %s", start.check_id)
            report.duration_s = time.monotonic() - started
            await store.call(
                finish_check, team_id, start.check_id, state=state, duration_ms=int(report.duration_s * 1000), error=error
            )
            report.state = state
        finally:
            _RUNNING.discard(start.check_id)
            for pool in pools:
                pool.shutdown(wait=False, cancel_futures=True)
    await meter.finish(processed)
    return report


def _first_leaf(err: BaseException) -> BaseException:
    while isinstance(err, BaseExceptionGroup) and err.exceptions:
        err = err.exceptions[0]
    return err


async def run_check(
    store: "Store",
    fetch_settings: Any,
    team_id: str,
    domain: str,
    *,
    progress: ProgressCallback | None = None,
    trigger: str = "cli",
    resolver: Any = None,
    **options: Any,
) -> CheckReport:
    """Open a fetcher with ``fetch_settings`` and run :func:`check_site` (for the CLI and scripts)."""
    from bot.fetch import open_fetcher

    async with open_fetcher(fetch_settings, resolver=resolver) as fetcher:
        return await check_site(store, fetcher, team_id, domain, progress=progress, trigger=trigger, **options)

