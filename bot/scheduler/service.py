"""Wiring the digest scheduler into the running Slack app (``backlinks run``).

:func:`startup_hook` is registered in :data:`bot.slack.runner.STARTUP_HOOKS` by
:mod:`handlers.digest`; it builds the :class:`~bot.scheduler.runner.DigestRunner` (Slack clients per
workspace from our installation tables, or the single bot token), the recheck adapter (the check
engine with the app's shared fetcher), the weekly discovery (:class:`~bot.scheduler.discovery.ScheduledDiscovery`
with the app's shared fetcher and the production :class:`~bot.discover.crawl.DiscoverOptions`), starts the :class:`~bot.scheduler.jobs.DigestScheduler`
inside the running loop and returns its cleanup, which the runner calls at shutdown.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable

from bot.scheduler.jobs import DigestScheduler
from bot.scheduler.runner import DigestRunner

log = logging.getLogger(__name__)

ATTR = "digest_scheduler"


def scheduler_of(ctx: Any) -> DigestScheduler | None:
    """The app's running digest scheduler, if any (handlers use it for ``now`` and rescheduling)."""
    return getattr(ctx, ATTR, None)


def client_factory(ctx: Any) -> Callable[[str], Awaitable[Any]]:
    """``client_for(team_id)``: a Web API client with the workspace's bot token, or None if not installed.

    Uses the app context's own ``client_for`` (installation store aware) when it has one."""
    if callable(getattr(ctx, "client_for", None)):
        return ctx.client_for  # type: ignore[no-any-return]
    from bot.slack.app import make_client
    from storage import slack_repo

    async def client_for(team_id: str) -> Any:
        if getattr(ctx, "oauth", False):
            bot = await ctx.store.call(slack_repo.find_bot, team_id, "")
            token = (bot or {}).get("bot_token")
        else:
            single = getattr(ctx, "single_team_id", None)
            token = ctx.settings.slack_bot_token if single and single == team_id else None
        return make_client(ctx.settings, token) if token else None

    return client_for


def installer_tz(ctx: Any) -> Callable[[str, Any], Awaitable[str | None]]:
    """The workspace's time zone: the installing user's (OAuth installs record who installed), else
    the primary owner's (users.list), else None (the caller falls back to Europe/Amsterdam)."""
    from storage import slack_repo

    async def resolve(team_id: str, client: Any = None) -> str | None:
        if client is None:
            client = await client_factory(ctx)(team_id)
        if client is None:
            return None
        installation = await ctx.store.call(slack_repo.find_installation, team_id, "")
        user_id = (installation or {}).get("user_id")
        if user_id:
            response = await client.users_info(user=user_id)
            tz = (response.get("user") or {}).get("tz")
            if tz:
                return str(tz)
        response = await client.users_list(limit=200)
        members = [m for m in response.get("members") or [] if not m.get("is_bot") and not m.get("deleted")]
        for member in sorted(members, key=lambda m: (not m.get("is_primary_owner"), not m.get("is_owner"), not m.get("is_admin"))):
            if member.get("tz"):
                return str(member["tz"])
        return None

    return resolve


DISCOVERY_OPTIONS: Any = None  # DiscoverOptions of scheduled discovery (None: the production defaults)
LIGHT_CONCURRENCY = 4  # the daily light recheck stays in the background: few pages at a time


def check_recheck(ctx: Any) -> Callable[..., Awaitable[None]]:
    """A scheduled recheck of one site with the check engine and the app's shared fetcher.

    ``light=True`` (the optional daily recheck): low concurrency and unchanged pages reused, so it
    costs little; the weekly recheck before the digest runs at the engine's normal pace."""

    async def recheck(team_id: str, domain: str, *, light: bool = False) -> None:
        running = getattr(ctx, "running_checks", {}).get((team_id, domain))
        if running is not None and not running.done():
            log.info("recheck of %s skipped: a check is already running", domain)
            return
        from bot.check.engine import check_site
        from bot.errors import BacklinksError

        fetcher = await ctx.get_fetcher()
        try:
            await check_site(
                ctx.store, fetcher, team_id, domain, trigger="schedule", collect_links=False, reuse_unchanged=True,
                **({"concurrency": LIGHT_CONCURRENCY} if light else {}),
            )
        except BacklinksError as err:  # untracked meanwhile, or a check already running elsewhere
            log.info("scheduled recheck of %s in %s skipped: %s", domain, team_id, err)

    return recheck


async def startup_hook(app: Any, ctx: Any) -> Callable[[], Awaitable[None]]:
    """Start digests and scheduled rechecks; returns the shutdown cleanup."""
    from bot.scheduler.discovery import ScheduledDiscovery

    runner = DigestRunner(ctx.store, client_for=client_factory(ctx), tz_resolver=installer_tz(ctx))
    discovery = ScheduledDiscovery(ctx.store, ctx.get_fetcher, options=DISCOVERY_OPTIONS, clock=runner.clock)
    scheduler = DigestScheduler(ctx.store, runner, recheck=check_recheck(ctx), discovery=discovery)
    await scheduler.start()
    setattr(ctx, ATTR, scheduler)
    log.info("digest scheduler started (%d jobs)", len(scheduler.scheduler.get_jobs()))

    async def cleanup() -> None:
        await scheduler.shutdown()

    return cleanup
