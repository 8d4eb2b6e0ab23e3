"""Slack subcommands ``watch`` (list/add/remove), ``discover`` (a background discovery run with a
progress message) and ``mentions`` (unlinked mentions, CSV when the list is long). Thin: parse, call
:mod:`bot.discover` / :mod:`storage.discover_repo` through the store thread, render the texts of
:mod:`bot.texts.discover`."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.domains import normalise_site
from bot.errors import BacklinksError
from bot.i18n import t
from bot.plural import tn
from bot.slack.app import AppContext
from bot.slack.blocks import Message, error_message, escape, message, section
from bot.slack.progress import ThrottledProgress
from handlers import router

log = logging.getLogger(__name__)

MENTION_LINES = 10
OPTIONS: Any = None  # DiscoverOptions for Slack-started runs (None: the production defaults); tests shorten the delay
MENTION_COLUMNS = ("page_url", "page_domain", "brand", "matched", "sentence", "linked", "found_at", "seen_at")


# ---------------------------------------------------------------- watch


async def watch(cmd: router.Command) -> None:
    from storage import discover_repo as repo

    args = [router.unwrap(a) for a in cmd.args]
    if len(args) < 2 or args[0].lower() not in ("list", "add", "remove", "lijst", "toevoegen", "verwijderen"):
        await cmd.usage("discover.slack.usage.watch")
        return
    action = {"lijst": "list", "toevoegen": "add", "verwijderen": "remove"}.get(args[0].lower(), args[0].lower())
    site = normalise_site(args[1])
    domains = args[2:]
    store = cmd.ctx.store
    if action == "list":
        await store.call(repo.refresh_auto_watch, cmd.team_id, site)
        entries = await store.call(repo.list_watch, cmd.team_id, site)
        if not entries:
            await cmd.reply(message(t("discover.slack.watch_empty", cmd.lang, site=site)))
            return
        user = sum(1 for e in entries if e.origin == "user")
        lines = [tn("discover.watch_header", cmd.lang, len(entries), site=site, user=user, auto=len(entries) - user)]
        lines += [f"• {escape(e.domain)} ({t(f'discover.origin.{e.origin}', cmd.lang)})" for e in entries[:60]]
        if len(entries) > 60:
            lines.append(t("discover.more", cmd.lang, count=len(entries) - 60))
        await cmd.reply(message("\n".join(lines)))
        return
    if not domains:
        await cmd.reply(message(t("discover.slack.no_domains", cmd.lang, site=site)))
        return
    if action == "add":
        changed = await store.call(repo.add_watch, cmd.team_id, site, domains)
        key = "discover.watch_added" if changed else "discover.watch_nothing_added"
    else:
        changed = await store.call(repo.remove_watch, cmd.team_id, site, domains)
        key = "discover.watch_removed" if changed else "discover.watch_nothing_removed"
    await cmd.reply(message(tn(key, cmd.lang, len(changed), site=site, domains=", ".join(changed))))


# ---------------------------------------------------------------- discover


def progress_message(lang: str, scope: str, done: int, total: int, sites: int = 0) -> Message:
    """Plain words for a shop owner: how many sites are read; the count of done steps once known."""
    from bot.plural import tn

    params = dict(scope=escape(scope), sites=tn("discover.slack.n_sites", lang, sites))
    if total:
        text = t("discover.slack.progress", lang, done=done, total=max(total, done), **params)
    else:
        text = t("discover.slack.starting", lang, **params)
    return Message(text=text, blocks=[section(text)])


async def discover_cmd(cmd: router.Command) -> asyncio.Task[Any] | None:
    from storage.sites import require_site

    if len(cmd.args) != 1:
        await cmd.usage("discover.slack.usage.discover")
        return None
    ctx = cmd.ctx
    site = await ctx.store.call(require_site, cmd.team_id, normalise_site(router.unwrap(cmd.args[0])))
    key = (cmd.team_id, f"discover:{site.domain}")
    running = ctx.running_checks.get(key)
    if running is not None and not running.done():
        await cmd.reply(message(t("discover.running", cmd.lang, scope=site.domain)))
        return None
    from bot.discover.watchlist import domains_to_read

    sites = len(await ctx.store.call(domains_to_read, cmd.team_id, site.domain))
    channel = site.channel_id or cmd.channel_id or cmd.user_id
    posted_channel, ts = await cmd.post(progress_message(cmd.lang, site.domain, 0, 0, sites), channel)
    task = ctx.spawn(run_discovery(cmd, site.domain, posted_channel, ts, sites), name=f"discover:{cmd.team_id}:{site.domain}")
    ctx.running_checks[key] = task
    task.add_done_callback(lambda _t: ctx.running_checks.pop(key, None) if ctx.running_checks.get(key) is _t else None)
    return task


async def run_discovery(cmd: router.Command, domain: str, channel: str, ts: str, sites: int = 0) -> None:
    from bot.discover.crawl import discover

    ctx, client, lang = cmd.ctx, cmd.client, cmd.lang

    async def send(done: int, total: int) -> None:
        await ctx.update(client, channel, ts, progress_message(lang, domain, done, total, sites))

    progress = ThrottledProgress(send, interval=ctx.progress_interval)
    try:
        fetcher = await ctx.get_fetcher()
        report = await discover(ctx.store, fetcher, cmd.team_id, domain, options=OPTIONS, progress=progress.report, trigger="slack")
        await progress.close()
        if report.domains == 0:
            text = t("discover.slack.nothing_to_read", lang, scope=domain)
        else:
            text = "\n".join(escape(line) for line in slack_summary(report, lang))
        await ctx.update(client, channel, ts, message(text))
    except asyncio.CancelledError:
        await progress.close()
        try:
            await asyncio.shield(ctx.update(client, channel, ts, message(t("discover.slack.interrupted", lang, scope=domain))))
        except Exception:
            pass
        raise
    except BacklinksError as err:
        await progress.close()
        await ctx.update(client, channel, ts, error_message(err, lang))
    except Exception:
        await progress.close()
        log.exception("discovery for %s failed", domain)
        await ctx.update(client, channel, ts, message(t("discover.slack.failed", lang, scope=domain)))


async def discover_handler(cmd: router.Command) -> None:
    await discover_cmd(cmd)


# ---------------------------------------------------------------- mentions


async def mentions(cmd: router.Command) -> None:
    from storage.discover_repo import list_mentions

    if not cmd.args:
        await cmd.usage("discover.slack.usage.mentions")
        return
    site = normalise_site(router.unwrap(cmd.args[0]))
    include_linked = any(a.lower() in ("all", "alle", "--all") for a in cmd.args[1:])
    rows = await cmd.ctx.store.call(list_mentions, cmd.team_id, site, include_linked=include_linked)
    if not rows:
        await cmd.reply(message(t("discover.slack.mentions_none", cmd.lang, site=site)))
        return
    if include_linked:
        head = tn("discover.mentions_header_all", cmd.lang, len(rows), site=site, unlinked=sum(1 for r in rows if not r.linked))
    else:
        head = tn("discover.mentions_header", cmd.lang, len({r.page_url for r in rows}), site=site)
    lines = [head]
    for row in rows[:MENTION_LINES]:
        line = f"• <{row.page_url}|{escape(row.page_url)}>\n> {escape(row.sentence)}"
        if row.linked:
            line += t("discover.mention_linked", cmd.lang)
        lines.append(line)
    if len(rows) > MENTION_LINES:
        lines.append(t("discover.more_csv", cmd.lang, count=len(rows) - MENTION_LINES))
    await cmd.reply(message("\n".join(lines)))
    if len(rows) > MENTION_LINES:
        from bot.slack import files
        from handlers.export import upload_for

        await upload_for(
            cmd, filename=f"mentions-{site}.csv", content=files.to_csv([r.to_dict() for r in rows], MENTION_COLUMNS),
            title=t("discover.slack.mentions_csv_title", cmd.lang, site=site), comment=head, private=True,
        )


def slack_summary(report: Any, lang: str) -> list[str]:
    """The result of a discovery run in plain words for a shop owner (no requests, seconds or "(s)"):
    "Done looking for new links to x.nl: I read 40 pages on 12 sites and found 2 new links and 1 mention
    without a link." Then the new links, what could not be read or was left for next time, the next step."""
    from bot.commands.discover import SHOW
    from bot.plural import tn

    scope = report.scope if report.scope != "*" else "SITE"
    shown_scope = report.scope if report.scope != "*" else t("discover.scope_all", lang)
    links = report.new_links
    lines = [t("discover.slack.result", lang, scope=shown_scope, pages=tn("discover.slack.n_pages", lang, report.pages),
               sites=tn("discover.slack.n_sites", lang, report.domains), links=tn("discover.slack.n_links", lang, len(links)),
               mentions=tn("discover.slack.n_mentions", lang, report.mentions_new))]
    for link in sorted(links, key=lambda l: (l["site"], l["source_url"]))[:SHOW]:
        lines.append(t("discover.slack.link_line", lang, source_url=link["source_url"], target_url=link["target_url"]))
    if len(links) > SHOW:
        lines.append(t("discover.slack.more", lang, count=len(links) - SHOW, scope=scope))
    if report.failed:
        lines.append(tn("discover.slack.unreadable", lang, report.failed))
    if report.resumed:
        lines.append(t("discover.slack.resumed", lang))
    if report.deferred:
        lines.append(tn("discover.slack.deferred", lang, report.deferred, budget=report.budget))
    if links:
        lines.append(t("discover.slack.next_check", lang, scope=scope))
    return lines


def register(app: AsyncApp, ctx: AppContext) -> None:
    router.register("watch", watch, usage_key="discover.slack.usage.watch", aliases=("bewaak",))
    router.register("discover", discover_handler, usage_key="discover.slack.usage.discover", aliases=("ontdek", "zoek"))
    router.register("mentions", mentions, usage_key="discover.slack.usage.mentions", aliases=("vermeldingen",))
