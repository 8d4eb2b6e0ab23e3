"""Scheduled discovery: the weekly discovery crawl of each workspace, ahead of its digest.

Timing (pure, :func:`discovery_time`): per workspace, once a week, at the digest slot minus a lead
between :data:`DISCOVERY_LEAD_MIN` and ``DISCOVERY_LEAD_MIN + DISCOVERY_WINDOW`` (5 to 11 hours),
derived from a hash of the workspace, so workspaces on the default Monday 09:00 crawl spread over the
night (Sunday 22:00 to Monday 04:00) and the time is the same after a restart. The rechecks come
later (30 minutes to 3.5 hours before the digest), so links found by discovery are rechecked and
appear in the digest. Wall-clock arithmetic in the workspace's zone, like the rechecks; the gap of
1.5 hours between the two windows keeps discovery first also in the week of a DST change.

Running (:class:`ScheduledDiscovery`):

- Jobs that fire close together (within ``gather_delay``) or while another batch is crawling are
  run as one :func:`bot.discover.crawl.discover_workspaces` call, so the discovery's own budgets
  (:class:`~bot.discover.crawl.DiscoverOptions`: ``budget`` pages per run shared by water-filling,
  at most ``per_workspace`` each) decide how much each workspace reads and no workspace starves the
  others. One batch at a time per process; one :class:`~bot.discover.crawl.HostGate` for all of them
  (per-host politeness holds across batches).
- Never two runs for one workspace: a workspace already queued or crawling here is skipped, one with
  a discovery run of this process going (e.g. ``/backlinks discover SITE``) is recorded ``busy``, and
  the database refuses a second run of the same scope from another process (``busy`` too).
- A failing batch is retried one workspace at a time, so a failing workspace never stops the others
  and its own error is the one recorded.
- An interrupted run (shutdown, crash) is resumed by the crawl itself the next time; the scheduler's
  sweep (:meth:`ScheduledDiscovery.due`) starts that next time at once instead of a week later, and
  also catches up a discovery missed while the bot was down when the digest is still ahead.
- The switch (``/backlinks digest discovery on|off``) is read when the job fires; the outcome of
  every attempt is stored (``digest_settings.discovery_last_*``) and shown by ``digest settings``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Awaitable, Callable

from apscheduler.triggers.cron import CronTrigger

from bot.scheduler.slots import latest_slot, spread_offset
from storage import discovery_schedule_repo as repo
from storage.digest_repo import DigestSettings, parse_iso
from storage.store import Store

log = logging.getLogger(__name__)

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DISCOVERY_LEAD_MIN = timedelta(hours=5)
DISCOVERY_WINDOW = timedelta(hours=6)
DISCOVERY_WAIT = timedelta(minutes=30)  # a recheck waits at most this long for its workspace's discovery
MINUTES_A_WEEK = 7 * 24 * 60

FetcherFactory = Callable[[], Awaitable[Any]]


def discovery_lead(team_id: str) -> timedelta:
    """How long before the workspace's digest its discovery starts (hashed, stable)."""
    return spread_offset(f"discover:{team_id}", DISCOVERY_WINDOW, minimum=DISCOVERY_LEAD_MIN)


def discovery_time(settings: DigestSettings, team_id: str) -> tuple[int, int, int]:
    """(weekday, hour, minute), wall clock in the workspace's zone, of its weekly discovery."""
    lead = int(discovery_lead(team_id).total_seconds() // 60)
    minutes = settings.weekday * 1440 + settings.hour * 60 + settings.minute - lead
    minutes %= MINUTES_A_WEEK
    return minutes // 1440, (minutes % 1440) // 60, minutes % 60


def discovery_trigger(settings: DigestSettings, team_id: str) -> CronTrigger:
    weekday, hour, minute = discovery_time(settings, team_id)
    return CronTrigger(day_of_week=DAY_NAMES[weekday], hour=hour, minute=minute, timezone=settings.zone)


def catch_up_due(settings: DigestSettings, state: repo.DiscoveryState, now: datetime) -> bool:
    """True when this week's discovery moment has passed without an attempt and the digest it
    prepares is still ahead (a discovery missed while the bot was down; pure). A workspace that
    never had a scheduled discovery waits for its slot."""
    if not state.enabled:
        return False
    weekday, hour, minute = discovery_time(settings, settings.team_id)
    moment = latest_slot(now, weekday, hour, minute, settings.zone).at
    if state.last_at is None or parse_iso(state.last_at) >= moment:
        return False  # never ran: its first discovery comes at its slot (no crawl storm at an upgrade)
    return now - moment < discovery_lead(settings.team_id)


@dataclass
class DiscoveryOutcome:
    team_id: str
    outcome: str  # done | failed | busy | interrupted | off | skipped
    run_id: int | None = None
    pages: int = 0
    links: int = 0
    error: str | None = None


class ScheduledDiscovery:
    """Runs the scheduled discovery of workspaces in batches; see the module docstring."""

    def __init__(
        self,
        store: Store,
        get_fetcher: FetcherFactory,
        *,
        options: Any = None,
        clock: Any = None,
        gather_delay: float = 2.0,
        max_batch: int = 50,
    ) -> None:
        from bot.discover.crawl import DiscoverOptions, HostGate
        from bot.scheduler.runner import SystemClock

        self.store = store
        self.get_fetcher = get_fetcher
        self.options = options or DiscoverOptions()
        self.clock = clock or SystemClock()
        self.gather_delay = gather_delay
        self.max_batch = max(1, max_batch)
        self.gate = HostGate()
        self._lock = asyncio.Lock()
        self._pending: dict[str, asyncio.Future[DiscoveryOutcome]] = {}  # every team in flight here
        self._queued: dict[str, None] = {}  # teams ready for the next batch, in arrival order
        self.batches: deque[list[str]] = deque(maxlen=100)  # the teams of the recent batches (logs, tests)

    # ------------------------------------------------------------ entry points

    def in_progress(self, team_id: str) -> asyncio.Future[DiscoveryOutcome] | None:
        """The workspace's scheduled discovery queued or running here, if any."""
        return self._pending.get(team_id)

    async def wait_for(self, team_id: str, timeout: float) -> None:
        """Wait (bounded) until the workspace's scheduled discovery is over; at once if none."""
        future = self.in_progress(team_id)
        if future is not None and not future.done():
            log.info("recheck of %s waits for its discovery", team_id)
            await asyncio.wait([future], timeout=timeout)

    async def run(self, team_id: str) -> DiscoveryOutcome:
        """The job body: one workspace's scheduled discovery (batched with others due now)."""
        if self.in_progress(team_id) is not None:
            return DiscoveryOutcome(team_id, "skipped")
        future: asyncio.Future[DiscoveryOutcome] = asyncio.get_running_loop().create_future()
        self._pending[team_id] = future  # reserved before any await: a second call is skipped
        try:
            state = await self.store.call(repo.get_state, team_id)
            if not state.enabled:
                future.set_result(DiscoveryOutcome(team_id, "off"))
                return future.result()
            if await self._busy_here(team_id):
                log.info("scheduled discovery of %s skipped: a discovery run is going", team_id)
                await self._record(team_id, "busy", "running")
                future.set_result(DiscoveryOutcome(team_id, "busy", error="running"))
                return future.result()
            self._queued[team_id] = None
            await asyncio.sleep(self.gather_delay)  # let the jobs of the same minute join this batch
            async with self._lock:
                while not future.done():  # a batch of whoever is ready, oldest first
                    await self._run_batch(list(self._queued)[: self.max_batch])
            return await future
        finally:
            self._queued.pop(team_id, None)
            if self._pending.get(team_id) is future:
                del self._pending[team_id]
            if not future.done():
                future.set_result(DiscoveryOutcome(team_id, "interrupted"))

    async def due(self) -> list[str]:
        """Workspaces to run now outside their slot: an unfinished run to resume, or a discovery
        missed while the bot was down whose digest is still ahead. Switched-off ones never.
        Two queries for all workspaces (the sweep calls this every 15 minutes)."""
        now = self.clock.now()
        unfinished = set(await self.store.call(repo.unfinished_scheduled))
        teams: list[str] = []
        for settings, state in await self.store.call(repo.sweep_candidates):
            team_id = settings.team_id
            if self.in_progress(team_id) is not None or not state.enabled:
                continue
            if team_id in unfinished:
                if not await self._busy_here(team_id):
                    teams.append(team_id)
            elif catch_up_due(settings, state, now):
                teams.append(team_id)
        return teams

    # ------------------------------------------------------------ the work

    async def _busy_here(self, team_id: str) -> bool:
        from bot.discover.crawl import running_here

        here = running_here()
        if not here:
            return False
        ids = await self.store.call(repo.running_run_ids, team_id)
        return any(run_id in here for run_id in ids)

    async def _run_batch(self, teams: list[str]) -> None:
        for team_id in teams:
            self._queued.pop(team_id, None)
        self.batches.append(list(teams))
        try:
            outcomes = await self._crawl(teams)
            if outcomes is None:  # the batch failed: each workspace alone, its own error recorded
                outcomes = {}
                for team_id in teams:
                    single = await self._crawl([team_id])
                    outcomes.update(single or {})
            for team_id in teams:
                future = self._pending.get(team_id)
                if future is not None and not future.done():
                    future.set_result(outcomes.get(team_id, DiscoveryOutcome(team_id, "failed", error="no report")))
        finally:
            for team_id in teams:
                future = self._pending.get(team_id)
                if future is not None and not future.done():
                    future.set_result(DiscoveryOutcome(team_id, "interrupted"))

    async def _crawl(self, teams: list[str]) -> dict[str, DiscoveryOutcome] | None:
        """One ``discover_workspaces`` call; None when it failed for several workspaces (retry alone)."""
        from bot.discover.crawl import discover_workspaces
        from storage.discover_repo import DiscoveryRunningError

        for team_id in teams:
            await self._record(team_id, "running", None)
        log.info("scheduled discovery of %d workspace(s): %s", len(teams), ", ".join(teams))
        try:
            fetcher = await self.get_fetcher()
            reports = await discover_workspaces(
                self.store, fetcher, [(team_id, None) for team_id in teams],
                options=self.options, trigger="schedule", gate=self.gate,
            )
        except asyncio.CancelledError:
            for team_id in teams:
                await asyncio.shield(self._record_interrupted(team_id))
            raise
        except Exception as err:
            if len(teams) > 1:
                log.warning("scheduled discovery batch failed (%s); running its %d workspaces one by one", err, len(teams))
                return None
            team_id = teams[0]
            if isinstance(err, DiscoveryRunningError):
                log.info("scheduled discovery of %s skipped: %s", team_id, err)
                await self._record(team_id, "busy", "running")
                return {team_id: DiscoveryOutcome(team_id, "busy", error="running")}
            log.exception("scheduled discovery of workspace %s failed", team_id)
            error = f"{type(err).__name__}: {err}"[:300]
            await self._record(team_id, "failed", error, await self._last_run_id(team_id))
            return {team_id: DiscoveryOutcome(team_id, "failed", error=error)}
        outcomes: dict[str, DiscoveryOutcome] = {}
        for report in reports:
            outcome = DiscoveryOutcome(report.team_id, report.state, report.run_id, report.pages, len(report.new_links))
            outcomes[report.team_id] = outcome
            await self._record(report.team_id, report.state, None, report.run_id)
            log.info(
                "scheduled discovery of %s: %s, %d pages, %d new links%s", report.team_id, report.state, report.pages,
                len(report.new_links), " (resumed)" if report.resumed else "",
            )
        return outcomes

    async def _record_interrupted(self, team_id: str) -> None:
        try:
            run_id = await self._last_run_id(team_id)
        except Exception:  # pragma: no cover - the database itself is gone
            run_id = None
        await self._record(team_id, "interrupted", None, run_id)

    async def _last_run_id(self, team_id: str) -> int | None:
        from storage.discover_repo import last_run

        run = await self.store.call(last_run, team_id, "*")
        return run.id if run is not None else None

    async def _record(self, team_id: str, outcome: str, error: str | None, run_id: int | None = None) -> None:
        try:
            await self.store.call(repo.record, team_id, at=self.clock.now(), outcome=outcome, error=error, run_id=run_id)
        except Exception:  # pragma: no cover - the database itself is gone
            log.exception("could not record the discovery outcome of %s", team_id)
