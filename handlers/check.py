"""``check SITE`` (background check with a progress message, then the result with buttons and a CSV
when the detail does not fit), ``check URL`` (inspect one page) and the result buttons."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.domains import normalise_site
from bot.errors import BacklinksError
from bot.i18n import t
from bot.slack import files
from bot.slack.app import AppContext
from bot.slack.blocks import check_progress, check_result, error_message, escape, inspect_message, lost_links_message, lost_priority, message
from bot.slack.progress import ThrottledProgress
from handlers import router

log = logging.getLogger(__name__)

CSV_WHEN_LINKS_OVER = 25  # attach the full detail as CSV when a check covered more links than this


async def check(cmd: router.Command) -> None:
    if not cmd.args and (site := await cmd.only_site()):
        cmd.args = (site,)
    if len(cmd.args) != 1:
        await cmd.usage("slack.usage.check")
        return
    target = router.unwrap(cmd.args[0])
    if router.is_url(target):
        await inspect_url(cmd, router.unwrap(cmd.args[0], want_url=True))
    else:
        await start_site_check(cmd, normalise_site(target))


async def start_site_check(cmd: router.Command, domain: str) -> asyncio.Task[Any] | None:
    """Post the progress message and start the check in the background (one per site at a time)."""
    from storage.sites import require_site

    ctx = cmd.ctx
    site = await ctx.store.call(require_site, cmd.team_id, domain)
    key = (cmd.team_id, site.domain)
    running = ctx.running_checks.get(key)
    if running is not None and not running.done():
        await cmd.reply(message(t("slack.check.already_running", cmd.lang, domain=escape(site.domain))))
        return None
    placeholder: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    ctx.running_checks[key] = placeholder  # type: ignore[assignment]  # claimed before the first await
    channel = site.channel_id or (cmd.channel_id if cmd.source in ("slash", "action", "dm", "mention") else None) or cmd.user_id
    try:
        posted_channel, ts = await cmd.post(check_progress(cmd.lang, site.domain, 0, 0), channel)
        task = ctx.spawn(run_check(cmd, site.domain, posted_channel, ts), name=f"check:{cmd.team_id}:{site.domain}")
    except BaseException:
        if ctx.running_checks.get(key) is placeholder:
            ctx.running_checks.pop(key, None)
        raise
    finally:
        if not placeholder.done():
            placeholder.set_result(None)
    ctx.running_checks[key] = task
    if posted_channel != cmd.channel_id and cmd.source in ("slash", "action", "mention"):
        key_text = "slack.check.started_dm" if posted_channel.startswith("D") else "slack.check.started_elsewhere"
        await cmd.reply(message(t(key_text, cmd.lang, domain=escape(site.domain), channel=posted_channel)))
    task.add_done_callback(lambda _t: ctx.running_checks.pop(key, None) if ctx.running_checks.get(key) is _t else None)
    return task


async def run_check(cmd: router.Command, domain: str, channel: str, ts: str) -> None:
    ctx, client, lang = cmd.ctx, cmd.client, cmd.lang

    async def send(done: int, total: int) -> None:
        await ctx.update(client, channel, ts, check_progress(lang, domain, done, total))

    progress = ThrottledProgress(send, interval=ctx.progress_interval)
    try:
        from bot.check.engine import check_site

        fetcher = await ctx.get_fetcher()
        report = await check_site(ctx.store, fetcher, cmd.team_id, domain, progress=progress.report, trigger="slack")
        await progress.close()
        data = report.to_json()
        msg, truncated = check_result(lang, data, events=dict(getattr(report, "events", {}) or {}), requested_by=cmd.user_id)
        await ctx.update(client, channel, ts, msg)
        links = data.get("links") or []
        if truncated or len(links) > CSV_WHEN_LINKS_OVER:
            await ctx.pacer.wait(channel)
            await files.upload(
                client, channel=channel, filename=f"backlinks-check-{domain}.csv",
                content=files.to_csv(links, files.CHECK_COLUMNS), title=t("slack.check.csv_title", lang, domain=domain),
                initial_comment=t("slack.check.csv_comment", lang, count=len(links)), thread_ts=ts,
            )
        if cmd.source == "home":  # refresh the dashboard the button was pressed on
            from handlers.home import publish_home

            await publish_home(ctx, client, cmd.team_id, cmd.user_id)
    except asyncio.CancelledError:
        await progress.close()
        try:
            await asyncio.shield(ctx.update(client, channel, ts, message(t("slack.check.interrupted", lang, domain=domain))))
        except Exception:
            pass
        raise
    except BacklinksError as err:
        await progress.close()
        await ctx.update(client, channel, ts, error_message(err, lang))
    except Exception:
        await progress.close()
        log.exception("check of %s failed", domain)
        await ctx.update(client, channel, ts, message(t("slack.check.failed", lang, domain=domain)))


async def inspect_url(cmd: router.Command, url: str) -> None:
    """Fetch one page and show its links to the workspace's tracked sites."""
    from bot.analysis import analyse_html, links_to
    from storage.sites import list_sites

    if not url.lower().startswith(("http://", "https://")):
        url = "https://" + url
    sites = await cmd.ctx.store.call(list_sites, cmd.team_id)
    targets = [s.domain for s in sites]
    fetcher = await cmd.ctx.get_fetcher()
    result = await fetcher.fetch(url)
    if not result.ok:
        error = str(result.error.value if hasattr(result.error, "value") else result.error or "unreachable")
        await cmd.reply(inspect_message(cmd.lang, url, result.final_url, result.status, error, [], {}, targets))
        return
    analysis = await asyncio.to_thread(analyse_html, result.html, result.final_url, x_robots_tag=result.headers.get("x-robots-tag"))
    links = [l.to_dict() for l in links_to(analysis, targets)] if targets else []
    page = {"noindex": analysis.noindex, "nofollow": analysis.nofollow, "canonical": analysis.canonical}
    await cmd.reply(inspect_message(cmd.lang, url, result.final_url, result.status, None, links, page, targets))


# ------------------------------------------------------------------ buttons


async def command_from_action(ctx: AppContext, body: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> router.Command:
    from handlers.lang import resolve_lang

    team_id = context.team_id or (body.get("team") or {}).get("id") or ""
    user_id = (body.get("user") or {}).get("id") or ""
    channel = (body.get("channel") or {}).get("id")
    lang = await resolve_lang(ctx, client, team_id, user_id)
    from_home = (body.get("view") or {}).get("type") == "home"
    return router.Command(
        ctx=ctx, client=client, team_id=team_id, user_id=user_id, channel_id=channel, lang=lang,
        source="home" if from_home else "action", respond=None if from_home else respond, trigger_id=body.get("trigger_id"),
    )


async def run_action(cmd: router.Command, coro: Any) -> None:
    try:
        await coro
    except BacklinksError as err:
        await cmd.reply(error_message(err, cmd.lang))
    except Exception:
        log.exception("button failed")
        await cmd.reply(message(t("slack.internal_error", cmd.lang)))


async def show_lost(cmd: router.Command, domain: str) -> None:
    from storage.backlinks import list_backlinks

    rows = await cmd.ctx.store.call(list_backlinks, cmd.team_id, domain, status="lost")
    links = sorted((files.as_dict(r) for r in rows), key=lost_priority)  # the CSV in the order of the message
    msg, truncated = lost_links_message(cmd.lang, domain, links)
    await cmd.reply(msg)
    if truncated:  # the list was an ephemeral answer: its CSV goes to the user's DM, not the channel
        from handlers.export import upload_for

        await upload_for(
            cmd, filename=f"lost-backlinks-{domain}.csv", content=files.to_csv(links, files.BACKLINK_COLUMNS),
            title=t("slack.lost.csv_title", cmd.lang, domain=domain), comment=msg.text, private=True,
        )


def register(app: AsyncApp, ctx: AppContext) -> None:
    router.register("check", check, usage_key="slack.usage.check", aliases=("controleer",))

    @app.action("check_recheck")
    async def on_recheck(ack: Any, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
        await ack()
        cmd = await command_from_action(ctx, body, client, respond, context)
        await run_action(cmd, start_site_check(cmd, normalise_site(action.get("value") or "")))

    @app.action("check_show_lost")
    async def on_show_lost(ack: Any, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
        await ack()
        cmd = await command_from_action(ctx, body, client, respond, context)
        await run_action(cmd, show_lost(cmd, normalise_site(action.get("value") or "")))
