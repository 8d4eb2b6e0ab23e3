"""APScheduler jobs for digests and rechecks, rebuilt from our own tables at every start.

No persistent (pickled) job store: the truth is ``digest_settings`` and ``sites``; the in-memory jobs
are derived from them by :meth:`DigestScheduler.rebuild` at start and :meth:`DigestScheduler.reschedule`
whenever a workspace changes its settings or sites. Per workspace:

- ``digest:<team>``: ``CronTrigger(day_of_week, hour, minute, timezone=ZoneInfo(tz))`` runs the
  workspace's digests at its slot (DST handled by the trigger, wall-clock time in the zone).
- ``recheck:<team>:<site_id>``: a recheck of the site ahead of the digest, at slot minus an offset
  between :data:`RECHECK_LEAD_MIN` and ``RECHECK_LEAD_MIN + RECHECK_WINDOW``, derived from a hash of
  team and site, so hundreds of workspaces on the default Monday 09:00 fetch spread over hours,
  deterministically (the same offsets after a restart).
- ``daily:<team>:<site_id>`` (when ``daily_recheck`` is on): a light recheck every day at a hashed
  time between 02:00 and 06:00 local.
- ``discover:<team>`` (when a :class:`~bot.scheduler.discovery.ScheduledDiscovery` is given and the
  workspace's discovery switch is on; independent of the digest switch): the weekly discovery crawl,
  5 to 11 hours before the digest (hashed per workspace), so what it finds is rechecked and reported.
  A recheck waits (bounded) for its workspace's discovery still running.

Plus one ``digest-sweep`` job (every :data:`SWEEP_EVERY`, and immediately at start: the catch-up)
that runs every workspace through the runner: whatever is due and not yet sent is sent; what is sent
is skipped by the ledger. The per-workspace cron job gives punctuality; the sweep gives robustness
(catch-up after downtime, stale-claim recovery, transient-failure retries, settings changes). The
sweep also starts discoveries that are due outside their slot: an interrupted run to resume, or one
missed while the bot was down whose digest is still ahead.

Misses and job errors are logged and recorded in ``digest_settings.last_outcome`` (``missed`` /
``error``), which ``/backlinks digest settings`` shows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta, timezone
from typing import Any, Awaitable, Callable, Iterator

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.scheduler.discovery import DISCOVERY_WAIT, ScheduledDiscovery, discovery_trigger
from bot.scheduler.runner import DigestRunner
from bot.scheduler.slots import spread_offset
from storage import digest_repo, discovery_schedule_repo
from storage.digest_repo import DigestSettings
from storage.store import Store

log = logging.getLogger(__name__)

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RECHECK_LEAD_MIN = timedelta(minutes=30)
RECHECK_WINDOW = timedelta(hours=3)
DAILY_WINDOW_START = timedelta(hours=2)
DAILY_WINDOW = timedelta(hours=4)
SWEEP_EVERY = timedelta(minutes=15)
RECHECK_WAIT = timedelta(minutes=20)  # a digest waits at most this long for its site's recheck
MINUTES_A_WEEK = 7 * 24 * 60

Recheck = Callable[..., Awaitable[Any]]  # recheck(team_id, domain, *, light: bool)


def recheck_time(settings: DigestSettings, team_id: str, site_id: int) -> tuple[int, int, int]:
    """(weekday, hour, minute) of the site's weekly recheck: the slot minus a hashed lead time."""
    lead = spread_offset(f"{team_id}:{site_id}", RECHECK_WINDOW, minimum=RECHECK_LEAD_MIN)
    minutes = settings.weekday * 1440 + settings.hour * 60 + settings.minute - int(lead.total_seconds() // 60)
    minutes %= MINUTES_A_WEEK
    return minutes // 1440, (minutes % 1440) // 60, minutes % 60


def daily_time(team_id: str, site_id: int) -> tuple[int, int]:
    offset = spread_offset(f"daily:{team_id}:{site_id}", DAILY_WINDOW, minimum=DAILY_WINDOW_START)
    minutes = int(offset.total_seconds() // 60)
    return minutes // 60, minutes % 60


def digest_trigger(settings: DigestSettings) -> CronTrigger:
    return CronTrigger(
        day_of_week=DAY_NAMES[settings.weekday], hour=settings.hour, minute=settings.minute, timezone=settings.zone
    )


class DigestScheduler:
    """Owns the AsyncIOScheduler; start it inside the running loop (``await start()``)."""

    def __init__(
        self,
        store: Store,
        runner: DigestRunner,
        *,
        recheck: Recheck | None = None,
        discovery: ScheduledDiscovery | None = None,
        max_parallel_rechecks: int = 4,
        sweep_every: timedelta = SWEEP_EVERY,
    ) -> None:
        self.store = store
        self.runner = runner
        self.recheck = recheck
        self.discovery = discovery
        self.sweep_every = sweep_every
        self.scheduler = AsyncIOScheduler(
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600}
        )
        self.scheduler.add_listener(self._on_event, EVENT_JOB_ERROR | EVENT_JOB_MISSED)
        self._recheck_limit = asyncio.Semaphore(max_parallel_rechecks)
        self._prints: dict[str, str] = {}
        self._rechecks: dict[tuple[str, str], asyncio.Task[Any]] = {}
        self._running: set[asyncio.Task[Any]] = set()
        self._pending: set[asyncio.Task[Any]] = set()
        self._discoveries: set[asyncio.Task[Any]] = set()
        self._stopping = False

    # ------------------------------------------------------------ lifecycle

    async def start(self, *, catch_up: bool = True) -> None:
        """Build the jobs from the tables, start the scheduler in this loop, catch up right away."""
        await self.rebuild()
        self.scheduler.add_job(
            self.sweep,
            IntervalTrigger(seconds=int(self.sweep_every.total_seconds())),
            id="digest-sweep",
            replace_existing=True,
            # APScheduler runs on real time; the first sweep (the catch-up) runs right away.
            **({"next_run_time": datetime.now(timezone.utc)} if catch_up else {}),
        )
        self.scheduler.start()

    async def shutdown(self, timeout: float = 10.0) -> None:
        """Stop the scheduler and cancel running job bodies, waiting for them to unwind.

        A digest cancelled between its post and its record is the crash case: the ledger's recovery
        rule settles it at the next start. Claims and records are single transactions, so nothing
        is half-written."""
        self._stopping = True
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
            await asyncio.sleep(0)  # AsyncIOScheduler shuts down via call_soon
        running = [
            task for task in self._running | self._discoveries if not task.done() and task is not asyncio.current_task()
        ]
        for task in running:
            task.cancel()
        if running:
            await asyncio.wait(running, timeout=timeout)

    @contextlib.contextmanager
    def _tracked(self) -> Iterator[None]:
        """Mark the current task as a running job body (cancelled by :meth:`shutdown`).

        A body cancelled by our own shutdown ends quietly: raised into APScheduler, the cancellation
        would be logged as a failed job with a traceback at every stop."""
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            yield
        except asyncio.CancelledError:
            if not self._stopping:
                raise
            log.info("job body cancelled at shutdown")
        finally:
            if task is not None:
                self._running.discard(task)

    # ------------------------------------------------------------ jobs from tables

    async def _fingerprints(self) -> dict[str, str]:
        """The digest schedule fingerprints, plus the discovery switch when discovery is scheduled."""
        prints = await self.store.call(digest_repo.schedule_fingerprints)
        if self.discovery is not None:
            flags = await self.store.call(discovery_schedule_repo.discovery_flags)
            prints = {team: f"{mark}|discovery={flags.get(team, True)}" for team, mark in prints.items()}
        return prints

    async def rebuild(self) -> int:
        """(Re)create every workspace's jobs; returns the number of workspaces scheduled."""
        prints = await self._fingerprints()
        for team_id in sorted(prints):
            try:
                await self.reschedule(team_id)
            except Exception:  # one bad row never stops the others
                log.exception("could not schedule digests of workspace %s", team_id)
        self._prints = await self._fingerprints()
        return len(prints)

    async def refresh(self) -> int:
        """Reschedule only the workspaces whose sites or settings changed (or that appeared/left)."""
        prints = await self._fingerprints()
        changed = [team for team, mark in prints.items() if self._prints.get(team) != mark]
        for team_id in changed:
            try:
                await self.reschedule(team_id)
            except Exception:
                log.exception("could not reschedule digests of workspace %s", team_id)
        for team_id in set(self._prints) - set(prints):  # no own sites any more, or purged
            self._remove_jobs(team_id)
        # Rescheduling may have created default settings rows: remember the state after it.
        self._prints = await self._fingerprints() if changed else prints
        return len(changed)

    def _remove_jobs(self, team_id: str) -> None:
        for job in self.scheduler.get_jobs():
            if job.id.split(":")[1:2] == [team_id]:
                job.remove()

    async def reschedule(self, team_id: str) -> list[str]:
        """Replace ``team_id``'s jobs after a settings or sites change; returns the job ids."""
        self._remove_jobs(team_id)
        settings = await self.runner.settings_for(team_id, resolve_tz=False)
        sites = await self.store.call(digest_repo.digest_sites, team_id)
        if not sites:
            return []
        ids: list[str] = []
        if self.discovery is not None:
            state = await self.store.call(discovery_schedule_repo.get_state, team_id)
            if state.enabled:
                job_id = f"discover:{team_id}"
                self.scheduler.add_job(
                    self.run_discovery, discovery_trigger(settings, team_id), args=[team_id], id=job_id, replace_existing=True
                )
                ids.append(job_id)
        if not settings.enabled:
            return ids
        ids.insert(0, f"digest:{team_id}")
        self.scheduler.add_job(
            self.run_digest, digest_trigger(settings), args=[team_id], id=ids[0], replace_existing=True,
            misfire_grace_time=None,  # late is better than never; the ledger prevents doubles
        )
        if self.recheck is not None:
            for site in sites:
                weekday, hour, minute = recheck_time(settings, team_id, site["id"])
                job_id = f"recheck:{team_id}:{site['id']}"
                self.scheduler.add_job(
                    self.run_recheck,
                    CronTrigger(day_of_week=DAY_NAMES[weekday], hour=hour, minute=minute, timezone=settings.zone),
                    args=[team_id, site["domain"]],
                    id=job_id,
                    replace_existing=True,
                )
                ids.append(job_id)
                if settings.daily_recheck:
                    d_hour, d_minute = daily_time(team_id, site["id"])
                    job_id = f"daily:{team_id}:{site['id']}"
                    self.scheduler.add_job(
                        self.run_recheck,
                        CronTrigger(hour=d_hour, minute=d_minute, timezone=settings.zone),
                        args=[team_id, site["domain"], True],
                        id=job_id,
                        replace_existing=True,
                    )
                    ids.append(job_id)
        return ids

    # ------------------------------------------------------------ job bodies

    async def sweep(self) -> None:
        """Refresh changed workspaces' jobs, then send whatever is due (catch-up, retries, recovery)."""
        with self._tracked():
            try:
                await self.refresh()
            except Exception:
                log.exception("refreshing digest jobs failed")
            await self.runner.run_all()
            try:
                await self.refresh()  # time zones resolved during the run move their jobs now
            except Exception:
                log.exception("refreshing digest jobs failed")
            try:
                await self.discovery_sweep()
            except Exception:
                log.exception("starting due discoveries failed")

    async def discovery_sweep(self) -> list[str]:
        """Start (in the background) the discoveries due outside their slot: an interrupted run to
        resume, or one missed while the bot was down whose digest is still ahead. Returns the teams."""
        if self.discovery is None:
            return []
        teams = await self.discovery.due()
        for team_id in teams:
            log.info("discovery of %s is due outside its slot (resume or catch-up); starting it", team_id)
            task = asyncio.get_running_loop().create_task(self.run_discovery(team_id), name=f"discover:{team_id}")
            self._discoveries.add(task)
            task.add_done_callback(self._discoveries.discard)
        return teams

    async def run_discovery(self, team_id: str) -> Any:
        """The workspace's weekly discovery (a failure is logged and recorded, never raised)."""
        if self.discovery is None:
            return None
        with self._tracked():
            try:
                return await self.discovery.run(team_id)
            except Exception as err:
                log.exception("scheduled discovery of %s failed", team_id)
                try:
                    await self.store.call(
                        discovery_schedule_repo.record, team_id, at=self.runner.clock.now(), outcome="error",
                        error=f"{type(err).__name__}: {err}"[:300],
                    )
                except Exception:  # pragma: no cover - the database itself is gone
                    log.exception("could not record the failed discovery of %s", team_id)
                return None

    async def run_digest(self, team_id: str) -> None:
        """The workspace's slot: wait (bounded) for its rechecks still running, then send."""
        with self._tracked():
            running = [task for (team, _), task in self._rechecks.items() if team == team_id and not task.done()]
            if running:
                log.info("digest of %s waits for %d recheck(s) still running", team_id, len(running))
                await asyncio.wait(running, timeout=RECHECK_WAIT.total_seconds())
            await self.runner.run_workspace_safely(team_id)

    async def run_recheck(self, team_id: str, domain: str, light: bool = False) -> None:
        if self.recheck is None:
            return
        task = asyncio.current_task()
        if task is not None:
            self._rechecks[(team_id, domain)] = task
        try:
            with self._tracked():
                if self.discovery is not None and not light:  # links it finds are checked too
                    await self.discovery.wait_for(team_id, DISCOVERY_WAIT.total_seconds())
                async with self._recheck_limit:
                    await self.recheck(team_id, domain, light=light)
        except Exception:
            log.exception("scheduled recheck of %s in %s failed", domain, team_id)
        finally:
            if self._rechecks.get((team_id, domain)) is task:
                del self._rechecks[(team_id, domain)]

    def _on_event(self, event: JobExecutionEvent) -> None:
        parts = event.job_id.split(":")
        team_id = parts[1] if len(parts) > 1 else None
        if isinstance(event.exception, asyncio.CancelledError):
            # Cancelled by shutdown: not a failure (a digest is settled by the ledger, a discovery
            # was recorded as interrupted and resumes at the next start).
            log.info("job %s cancelled at shutdown", event.job_id)
            return
        if event.code == EVENT_JOB_MISSED:
            log.warning("job %s missed its run time %s", event.job_id, event.scheduled_run_time)
            outcome, error = "missed", f"{event.job_id} missed {event.scheduled_run_time}"
        else:
            log.error("job %s failed: %r", event.job_id, event.exception)
            outcome, error = "error", f"{event.job_id}: {event.exception!r}"[:300]
        if team_id and parts[0] == "digest":
            task = asyncio.get_running_loop().create_task(self._record(team_id, outcome, error))
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)
        elif team_id and parts[0] == "discover" and event.code != EVENT_JOB_MISSED:
            # A missed discovery is not recorded as an attempt: the sweep catches it up while the
            # digest is still ahead (see bot.scheduler.discovery.catch_up_due).
            task = asyncio.get_running_loop().create_task(self._record_discovery(team_id, outcome, error))
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)

    async def _record(self, team_id: str, outcome: str, error: str) -> None:
        try:
            await self.store.call(digest_repo.record_run, team_id, at=self.runner.clock.now(), outcome=outcome, error=error)
        except Exception:  # pragma: no cover
            log.exception("could not record job outcome for %s", team_id)

    async def _record_discovery(self, team_id: str, outcome: str, error: str) -> None:
        try:
            await self.store.call(
                discovery_schedule_repo.record, team_id, at=self.runner.clock.now(), outcome=outcome, error=error
            )
        except Exception:  # pragma: no cover
            log.exception("could not record discovery job outcome for %s", team_id)
