"""Running digests: for each workspace and own site, decide, claim, build, post, record.

:class:`DigestRunner` is the I/O edge around the pure parts (:mod:`bot.scheduler.slots` says which
week is due, :mod:`bot.scheduler.ledger` guarantees once per week, :mod:`bot.digest.report` and
:mod:`bot.digest.blocks` make the content). It gets a Slack client per workspace from
``client_for(team_id)`` (None: the app is not installed there) and the time from ``clock``, so tests
drive it with a fake clock and a fake Slack.

Failure handling:
- One site's failure never stops the other sites; one workspace's never stops other workspaces
  (:meth:`DigestRunner.run_all` isolates each).
- Slack 429: retried after ``Retry-After`` (up to :data:`RATE_LIMIT_RETRIES` times, on top of the
  client's own retry handler); still limited -> ``failed`` with ``ratelimited`` (transient, retried
  on a later sweep).
- ``not_in_channel`` / ``channel_not_found`` / ``is_archived`` / no channel: ``failed`` with that code,
  shown in ``/backlinks digest settings``; not retried until the settings change.
- Uninstalled (no client, or ``invalid_auth``/``account_inactive``/``token_revoked``): nothing is
  posted or claimed, the outcome ``uninstalled`` is recorded once and logged only when it changes.
- A network error while posting (the post may or may not have reached Slack): the claim stays
  ``sending``; after ``STALE_AFTER`` the recovery rule (history lookup) settles it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Awaitable, Callable, Protocol

from slack_sdk.errors import SlackApiError

from bot.scheduler import ledger
from bot.scheduler.ledger import ClaimResult
from bot.scheduler.slots import Slot, due_slot, latest_slot, week_key
from storage import digest_repo
from storage.digest_repo import DigestSettings, parse_iso
from storage.store import Store

log = logging.getLogger(__name__)

RATE_LIMIT_RETRIES = 3
MAX_RETRY_AFTER = 120
HISTORY_PAGES = 5
UNINSTALLED_ERRORS = frozenset({"invalid_auth", "account_inactive", "token_revoked", "not_authed", "team_access_not_granted", "uninstalled"})


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class FixedClock:
    """A clock for tests: ``now()`` returns the set time; ``advance(...)`` moves it."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at

    def advance(self, **delta: float) -> datetime:
        self.at = self.at + timedelta(**delta)
        return self.at


ClientFactory = Callable[[str], Awaitable[Any]]
TzResolver = Callable[[str, Any], Awaitable[str | None]]


def instance_name() -> str:
    """This process's claim id: host, pid and a random part (a restarted process is a new instance)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class SiteOutcome:
    site: str
    site_id: int
    week: str | None
    result: str  # sent | recovered | already-sent | busy | give-up | not-due | failed | pending
    error: str | None = None
    ts: str | None = None
    channel: str | None = None


@dataclass
class WorkspaceRun:
    team_id: str
    outcome: str  # sent | nothing-due | failed | partial | off | uninstalled | error
    sites: list[SiteOutcome] = field(default_factory=list)
    error: str | None = None

    @property
    def posted(self) -> int:
        return sum(1 for s in self.sites if s.result == "sent")


def slack_error_code(err: SlackApiError) -> str:
    try:
        return str(err.response.get("error") or "unknown_error")
    except Exception:  # pragma: no cover - defensive
        return "unknown_error"


def retry_after(err: SlackApiError) -> float | None:
    """Seconds to wait when ``err`` is a rate limit (HTTP 429 / ``ratelimited``), else None."""
    response = err.response
    status = getattr(response, "status_code", None)
    if status != 429 and slack_error_code(err) != "ratelimited":
        return None
    headers = getattr(response, "headers", None) or {}
    value = None
    for key, raw in dict(headers).items():
        if str(key).lower() == "retry-after":
            value = raw[0] if isinstance(raw, (list, tuple)) else raw
    try:
        return min(float(value), MAX_RETRY_AFTER) if value is not None else 1.0
    except ValueError:
        return 1.0


class DigestRunner:
    """Decides and sends the digests of workspaces; safe to run concurrently in several processes."""

    def __init__(
        self,
        store: Store,
        *,
        client_for: ClientFactory,
        clock: Clock | None = None,
        instance: str | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        tz_resolver: TzResolver | None = None,
        charts: bool = True,
        parallel: int = 8,
    ) -> None:
        self.store = store
        self.client_for = client_for
        self.clock = clock or SystemClock()
        self.instance = instance or instance_name()
        self.sleep = sleep
        self.tz_resolver = tz_resolver
        self.charts = charts
        self.parallel = max(1, parallel)
        self._locks: dict[str, asyncio.Lock] = {}
        self._tz_tried: set[str] = set()

    # ------------------------------------------------------------ entry points

    async def run_all(self) -> list[WorkspaceRun]:
        """Every workspace with own sites (the sweep and the catch-up at start); isolated failures.

        Up to ``parallel`` workspaces at once (each workspace's sites one after the other, so one
        workspace's channel is never flooded); results in team order."""
        teams = await self.store.call(digest_repo.digest_team_ids)
        limit = asyncio.Semaphore(self.parallel)

        async def one(team_id: str) -> WorkspaceRun:
            async with limit:
                return await self.run_workspace_safely(team_id)

        return list(await asyncio.gather(*(one(team_id) for team_id in teams)))

    async def run_workspace_safely(self, team_id: str, *, force: bool = False) -> WorkspaceRun:
        try:
            return await self.run_workspace(team_id, force=force)
        except Exception as err:  # one workspace never stops the others
            log.exception("digest run of workspace %s failed", team_id)
            error = f"{type(err).__name__}: {err}"[:300]
            try:
                await self.store.call(digest_repo.record_run, team_id, at=self.clock.now(), outcome="error", error=error)
            except Exception:  # pragma: no cover - the database itself is gone
                log.exception("could not record the failed run of %s", team_id)
            return WorkspaceRun(team_id=team_id, outcome="error", error=error)

    async def settings_for(self, team_id: str, client: Any = None, *, resolve_tz: bool = True) -> DigestSettings:
        """The workspace's settings, created with its Slack time zone the first time.

        ``resolve_tz=False`` never calls Slack (used when building jobs at start, so that start-up
        does not wait for a thousand workspaces' time zones; the first sweep resolves them and the
        jobs follow, since the zone is part of the schedule fingerprint)."""
        existing = await self.store.call(digest_repo.get_settings, team_id)
        if existing is not None and (existing.tz or team_id in self._tz_tried or self.tz_resolver is None):
            return existing
        if not resolve_tz:
            return existing or await self.store.call(digest_repo.ensure_settings, team_id, now=self.clock.now())
        tz = None
        if self.tz_resolver is not None:
            self._tz_tried.add(team_id)  # once per process: a workspace without Slack is not asked again
            try:
                tz = await self.tz_resolver(team_id, client)
            except Exception as err:
                log.info("could not read the time zone of workspace %s (%s); using %s", team_id, err, digest_repo.DEFAULT_TZ)
        if existing is not None:
            if tz and digest_repo.zone_or_none(tz):
                # Resolved later (Slack was unreachable at first): keep the schedule, fill in the zone only.
                await self.store.call(digest_repo.set_tz_if_unset, team_id, tz)
                return await self.store.call(digest_repo.get_settings, team_id)  # type: ignore[return-value]
            return existing
        return await self.store.call(digest_repo.ensure_settings, team_id, now=self.clock.now(), tz=tz)

    async def run_workspace(self, team_id: str, *, force: bool = False) -> WorkspaceRun:
        """Send what is due for ``team_id`` (``force``: post every site's digest now, on request)."""
        lock = self._locks.setdefault(team_id, asyncio.Lock())
        async with lock:
            return await self._run_workspace(team_id, force=force)

    # ------------------------------------------------------------ the work

    async def _run_workspace(self, team_id: str, *, force: bool) -> WorkspaceRun:
        now = self.clock.now()
        run = WorkspaceRun(team_id=team_id, outcome="nothing-due")
        sites = await self.store.call(digest_repo.digest_sites, team_id)
        if not sites:  # nothing tracked, or the workspace was purged (uninstalled): write nothing
            return run
        sites = await self.store.call(with_homes, team_id, sites)
        settings = await self.settings_for(team_id)
        if not settings.enabled and not force:
            run.outcome = "off"
            return run
        plans: list[tuple[dict[str, Any], Slot | None]] = []
        for site in sites:
            if force:
                plans.append((site, None))
                continue
            since = max(parse_iso(settings.enabled_since), parse_iso(site["created_at"]))
            slot = due_slot(now, settings.weekday, settings.hour, settings.minute, settings.zone, since=since)
            if slot is None:
                run.sites.append(SiteOutcome(site["domain"], site["id"], None, "not-due"))
                continue
            row = await self.store.call(ledger.get_row, team_id, site["id"], slot.week)
            decision = ledger.decide(row, now=now, settings_updated_at=settings.updated_at)
            if row is not None and decision in (ClaimResult.ALREADY_SENT, ClaimResult.GIVE_UP, ClaimResult.BUSY):
                # Settled (or another claimer is at it): no Slack client, no write, no claim.
                run.sites.append(
                    SiteOutcome(site["domain"], site["id"], slot.week, decision.value, error=row.get("error"), ts=row.get("message_ts"))
                )
                continue
            plans.append((site, slot))
        if not plans:
            return run
        client = await self.client_for(team_id)
        if client is None:
            return await self._uninstalled(run, settings, now)
        for index, (site, slot) in enumerate(plans):
            outcome = await self._site_safely(client, settings, site, slot)
            run.sites.append(outcome)
            if outcome.error in UNINSTALLED_ERRORS:
                # Slack refuses this workspace's token: record the same for the other sites without
                # calling Slack, so later sweeps leave the whole workspace alone (retried after
                # ledger.PERMANENT_RETRY_AFTER, e.g. after a reinstall).
                for other, other_slot in plans[index + 1 :]:
                    if other_slot is None:
                        continue
                    claim = await self.store.call(
                        ledger.claim, team_id, other["id"], other_slot.week, instance=self.instance, now=self.clock.now(),
                        channel_id=self._channel(settings, other), settings_updated_at=settings.updated_at,
                    )
                    if claim.result is ClaimResult.CLAIMED:
                        await self._mark_failed(team_id, other["id"], other_slot.week, outcome.error)
                return await self._uninstalled(run, settings, now)
        attempted = [s for s in run.sites if s.result in ("sent", "recovered", "failed", "pending")]
        failures = [s for s in run.sites if s.result in ("failed", "give-up")]
        sent = [s for s in run.sites if s.result in ("sent", "recovered")]
        if failures:
            run.outcome = "partial" if sent else "failed"
            run.error = "; ".join(f"{s.site}: {s.error}" for s in failures)[:500]
        elif sent:
            run.outcome = "sent"
        elif any(s.result == "pending" for s in run.sites):
            run.outcome = "pending"
        elif any(s.result == "busy" for s in run.sites):
            run.outcome = "busy"
        if not attempted:
            # Nothing was tried (already sent, not due, given up, another instance busy): keep the
            # last real outcome for ``digest settings``, write nothing, log nothing (no storm).
            return run
        await self.store.call(digest_repo.record_run, team_id, at=self.clock.now(), outcome=run.outcome, error=run.error)
        if failures:
            log.warning("digest for workspace %s: %s", team_id, run.error)
        return run

    async def _uninstalled(self, run: WorkspaceRun, settings: DigestSettings, now: datetime) -> WorkspaceRun:
        run.outcome = "uninstalled"
        if settings.last_outcome != "uninstalled":  # log and record once, not on every sweep
            log.info("workspace %s has no installation; digests skipped", run.team_id)
            await self.store.call(digest_repo.record_run, run.team_id, at=now, outcome="uninstalled", error=None)
        return run

    async def _site_safely(self, client: Any, settings: DigestSettings, site: dict[str, Any], slot: Slot | None) -> SiteOutcome:
        try:
            if slot is None:
                return await self._send_now(client, settings, site)
            return await self._send_scheduled(client, settings, site, slot)
        except Exception as err:
            log.exception("digest of %s in %s failed", site["domain"], settings.team_id)
            return SiteOutcome(site["domain"], site["id"], slot.week if slot else None, "failed", error=f"internal: {type(err).__name__}")

    def _channel(self, settings: DigestSettings, site: dict[str, Any]) -> str | None:
        """Where the site's digest goes: the workspace's digest channel, else the site's own channel
        (``track SITE #channel``), else the channel where ``track`` was run, else a DM to the user who
        tracked it (``chat.postMessage`` to a user id posts in the app's DM with them)."""
        return settings.channel_id or site.get("channel_id") or site.get("home_channel_id") or site.get("home_user_id")

    @staticmethod
    def _dm_fallback(settings: DigestSettings, site: dict[str, Any], channel: str, code: str) -> str | None:
        """The user to DM when posting in the channel where ``track`` was run failed because the bot
        cannot post there; None when the channel was chosen explicitly (that error is reported)."""
        if code not in ("not_in_channel", "channel_not_found", "is_archived"):
            return None
        if settings.channel_id or site.get("channel_id") or channel != site.get("home_channel_id"):
            return None
        user = site.get("home_user_id")
        return str(user) if user else None

    async def _send_scheduled(self, client: Any, settings: DigestSettings, site: dict[str, Any], slot: Slot) -> SiteOutcome:
        team_id, site_id, week = settings.team_id, site["id"], slot.week
        channel = self._channel(settings, site)
        claim = await self.store.call(
            ledger.claim,
            team_id,
            site_id,
            week,
            instance=self.instance,
            now=self.clock.now(),
            channel_id=channel,
            settings_updated_at=settings.updated_at,
        )
        out = SiteOutcome(site["domain"], site_id, week, claim.result.value, channel=channel)
        if not claim.ours:
            if claim.result is ClaimResult.GIVE_UP and claim.previous:
                out.error = claim.previous.get("error")
            return out
        if claim.result is ClaimResult.RECOVER:
            previous_channel = (claim.previous or {}).get("channel_id")
            found = await self._find_posted(client, previous_channel, claim)
            if found == "unverified":
                await self._mark_failed(team_id, site_id, week, "unverified")
                out.result, out.error = "failed", "unverified"
                return out
            if found is not None:
                await self.store.call(
                    ledger.mark_sent, team_id, site_id, week, instance=self.instance, now=self.clock.now(),
                    message_ts=found, channel_id=previous_channel, recovered=True,
                )
                out.result, out.ts, out.channel = "recovered", found, previous_channel
                log.info("digest %s/%s/%s was posted before a crash (ts %s); recorded, not re-sent", team_id, site["domain"], week, found)
                return out
        if not channel:
            await self._mark_failed(team_id, site_id, week, "no_channel")
            out.result, out.error = "failed", "no_channel"
            return out
        return await self._post_and_record(client, settings, site, slot.period_start.astimezone(timezone.utc), slot.at_utc, week, channel, out)

    async def _send_now(self, client: Any, settings: DigestSettings, site: dict[str, Any]) -> SiteOutcome:
        """``digest now``: post the last 7 days; counts for this week if the week has none yet."""
        now = self.clock.now()
        week = week_key(now, settings.zone)
        channel = self._channel(settings, site)
        out = SiteOutcome(site["domain"], site["id"], week, "pending", channel=channel)
        if not channel:
            out.result, out.error = "failed", "no_channel"
            return out
        return await self._post_and_record(client, settings, site, now - timedelta(days=7), now, week, channel, out, manual=True)

    async def _post_and_record(
        self,
        client: Any,
        settings: DigestSettings,
        site: dict[str, Any],
        start: datetime,
        end: datetime,
        week: str,
        channel: str,
        out: SiteOutcome,
        *,
        manual: bool = False,
    ) -> SiteOutcome:
        from bot.digest.blocks import build_digest_message
        from bot.digest.report import build_report

        team_id, site_id = settings.team_id, site["id"]
        try:
            report = await self.store.call(
                build_report, team_id, site["domain"], end=end, start=start, zone=settings.zone,
                target=(settings.target_min, settings.target_max),
            )
            message = build_digest_message(report, lang=settings.lang, zone=settings.zone)
        except Exception as err:
            if not manual:
                await self._mark_failed(team_id, site_id, week, f"internal: {type(err).__name__}")
            raise
        def post(to: str) -> Any:
            return self._call(
                client.chat_postMessage,
                channel=to,
                text=message.text,
                blocks=message.blocks,
                metadata=ledger.marker(team_id, site_id, week),
                unfurl_links=False,
                unfurl_media=False,
            )

        try:
            try:
                response = await post(channel)
            except SlackApiError as err:
                dm = self._dm_fallback(settings, site, channel, slack_error_code(err))
                if dm is None:
                    raise
                # the channel where `track` was run is only a guess: the bot may not be in it
                response = await post(dm)
        except SlackApiError as err:
            code = slack_error_code(err)
            if not manual:
                await self._mark_failed(team_id, site_id, week, code)
            out.result, out.error = "failed", code
            return out
        except Exception as err:
            # The post may or may not have reached Slack: keep the claim; recovery settles it.
            log.warning("posting digest %s/%s/%s: %s; left for recovery", team_id, site["domain"], week, err)
            out.result, out.error = "pending", f"uncertain: {type(err).__name__}"
            return out
        ts, posted_channel = str(response["ts"]), str(response.get("channel") or channel)
        if manual:
            await self.store.call(
                ledger.record_manual_sent, team_id, site_id, week, instance=self.instance, now=self.clock.now(),
                message_ts=ts, channel_id=posted_channel,
            )
        else:
            await self.store.call(
                ledger.mark_sent, team_id, site_id, week, instance=self.instance, now=self.clock.now(),
                message_ts=ts, channel_id=posted_channel,
            )
        out.result, out.ts, out.channel = "sent", ts, posted_channel
        await self._attachments(client, settings, report, message, posted_channel, ts)
        return out

    async def _attachments(self, client: Any, settings: DigestSettings, report: Any, message: Any, channel: str, ts: str) -> None:
        """Chart and CSV into the digest's thread; best effort (the digest itself is already recorded)."""
        from bot.i18n import t

        uploads: list[dict[str, Any]] = []
        if self.charts and not report.quiet:
            try:
                from bot.digest.chart import render_series_png

                png = await asyncio.to_thread(
                    render_series_png, report.series, site=report.site, lang=settings.lang, zone=settings.zone
                )
                uploads.append(
                    {"file": png, "filename": f"{report.site}-12-weeks.png", "title": t("digest.chart_comment", settings.lang)}
                )
            except Exception:
                log.exception("chart for %s failed", report.site)
        if message.csv:
            uploads.append(
                {"file": message.csv, "filename": message.csv_filename, "title": t("digest.csv_comment", settings.lang, site=report.site)}
            )
        for upload in uploads:
            try:
                await self._call(client.files_upload_v2, channel=channel, thread_ts=ts, **upload)
            except Exception as err:
                log.warning("upload %s for digest in %s failed: %s", upload["filename"], channel, err)

    async def _mark_failed(self, team_id: str, site_id: int, week: str, error: str) -> None:
        await self.store.call(ledger.mark_failed, team_id, site_id, week, instance=self.instance, now=self.clock.now(), error=error)

    async def _find_posted(self, client: Any, channel: str | None, claim: ledger.Claim) -> str | None:
        """The ts of our digest marker in ``channel`` since the stale claim, None, or ``'unverified'``."""
        if not channel:
            return None
        previous = claim.previous or {}
        oldest = parse_iso(previous["claimed_at"]) - timedelta(minutes=1)
        cursor = None
        try:
            for _ in range(HISTORY_PAGES):
                response = await self._call(
                    client.conversations_history,
                    channel=channel,
                    oldest=f"{oldest.timestamp():.6f}",
                    limit=200,
                    include_all_metadata=True,
                    cursor=cursor,
                )
                for msg in response.get("messages") or []:
                    if ledger.is_marker(msg, claim.team_id, claim.site_id, claim.week):
                        return str(msg["ts"])
                cursor = (response.get("response_metadata") or {}).get("next_cursor")
                if not response.get("has_more") or not cursor:
                    return None
        except SlackApiError as err:
            log.warning("cannot read %s to verify a digest after a crash: %s", channel, slack_error_code(err))
            return "unverified"
        except Exception as err:
            log.warning("cannot read %s to verify a digest after a crash: %s", channel, err)
            return "unverified"
        return "unverified"  # too much history to be sure

    async def _call(self, method: Callable[..., Awaitable[Any]], **kwargs: Any) -> Any:
        """Call a Web API method, waiting out 429s (``Retry-After``) up to RATE_LIMIT_RETRIES times."""
        attempt = 0
        while True:
            try:
                return await method(**{k: v for k, v in kwargs.items() if v is not None})
            except SlackApiError as err:
                wait = retry_after(err)
                if wait is None or attempt >= RATE_LIMIT_RETRIES:
                    raise
                attempt += 1
                log.info("Slack rate limit on %s; retrying in %.0f s", getattr(method, "__name__", "call"), wait)
                await self.sleep(wait)


def current_slot(settings: DigestSettings, now: datetime) -> Slot:
    """The most recent slot of the workspace (for settings display)."""
    return latest_slot(now, settings.weekday, settings.hour, settings.minute, settings.zone)


def with_homes(db: Any, team_id: str, sites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``sites`` with ``home_channel_id``/``home_user_id``: where each was tracked from (the digest's fallback)."""
    from storage.site_homes import homes

    found = homes(db, team_id)
    out = []
    for site in sites:
        home = found.get(site["id"]) or {}
        out.append({**site, "home_channel_id": home.get("channel_id"), "home_user_id": home.get("user_id")})
    return out
