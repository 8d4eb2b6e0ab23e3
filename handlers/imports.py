"""``import SITE``: a modal with a file input, or a file sent to the bot in a DM.

``/backlinks import SITE`` opens the modal and also remembers (pending upload, one hour) that the
next file the user sends in a DM is for SITE. A file in a DM may also name the site in its message
("import mysite.nl"). The bot downloads the file (``url_private`` with the bot token), parses it with
:func:`bot.imports.parse_export`, stores the links and reports counts and rejected rows.

Slack sends both a ``message`` (subtype ``file_share``) and a ``file_shared`` event for one upload;
the file id is claimed once in SQLite, and ``file_shared`` waits a moment so the message (which
carries the user's words) wins.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.domains import normalise_site
from bot.errors import BacklinksError, UserInputError
from bot.i18n import t
from bot.slack import files
from bot.slack.app import AppContext
from bot.slack.blocks import IMPORT_CALLBACK, IMPORT_FILE_ACTION, IMPORT_FILE_BLOCK, error_text, escape, import_modal, import_result, message
from handlers import router
from storage import slack_repo

log = logging.getLogger(__name__)

FILE_SHARED_DELAY = 1.5  # seconds file_shared waits so the message event (with the user's text) wins


def to_new_backlink(link: Any) -> Any:
    from storage.backlinks import NewBacklink

    if link.sponsored:
        kind = "sponsored"
    elif link.ugc:
        kind = "ugc"
    elif link.nofollow:
        kind = "nofollow"
    elif link.nofollow is False:
        kind = "dofollow"
    else:
        kind = None
    return NewBacklink(source_url=link.source_url, target_url=link.target_url, anchor=link.anchor, kind=kind,
                       first_seen=link.first_seen, last_seen=link.last_seen)


def rejected_reason(row: Any, lang: str) -> str:
    code = getattr(row, "code", "")
    if code:
        try:
            return t(f"imports.rejected.{code}", lang)
        except KeyError:
            pass
    return str(row.reason)


def store_reject_words(reason: str, lang: str) -> str:
    """Why the store refused a page (``invalid-url``, ``same-site``, ``private-address``), in words."""
    try:
        return t(f"slack.add.reject.{reason}", lang)
    except KeyError:
        return reason


def line_numbers(data: bytes, urls: list[str]) -> dict[str, int]:
    """The 1-based line of the file where each URL first appears (for rows the store refused after
    parsing); URLs not found as written (a zip, a normalised URL) are left out."""
    if not urls:
        return {}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    wanted = set(urls)
    found: dict[str, int] = {}
    for number, row in enumerate(text.splitlines(), start=1):
        for url in wanted - found.keys():
            if url in row:
                found[url] = number
        if len(found) == len(wanted):
            break
    return found


async def import_bytes(ctx: AppContext, team_id: str, domain: str, data: bytes, filename: str | None, lang: str) -> Any:
    """Parse and store one export; returns the result message."""
    from bot.imports import parse_export
    from storage.backlinks import add_backlinks
    from storage.sites import require_site

    site = await ctx.store.call(require_site, team_id, domain)
    result = await asyncio.to_thread(parse_export, data, filename)
    links = [to_new_backlink(l) for l in result.links]
    fmt = result.format
    found_by = getattr(fmt, "found_by", None) or str(getattr(fmt, "value", fmt))
    refuse = not ctx.settings.allow_private_networks  # the CLI's rule (BACKLINKS_ALLOW_PRIVATE_NETWORKS lifts it)
    added = await ctx.store.call(add_backlinks, team_id, site.domain, links, found_by=found_by, refuse_private=refuse)
    rejected: list[tuple[int | None, str]] = [(r.line, rejected_reason(r, lang)) for r in result.rejected]
    lines = line_numbers(data, [r.source_url for r in getattr(added, "rejected", ())])
    rejected += [(lines.get(r.source_url), f"{r.source_url}: {store_reject_words(r.reason, lang)}")
                 for r in getattr(added, "rejected", ())]
    return import_result(lang, site.domain, str(getattr(fmt, "value", fmt)), result.rows_read, added.added, added.merged, rejected)


async def import_file(ctx: AppContext, client: AsyncWebClient, team_id: str, user_id: str, domain: str,
                      file: dict[str, Any], reply_channel: str, lang: str, thread_ts: str | None = None) -> None:
    """Download a Slack file and import it into ``domain``; the outcome goes to ``reply_channel``."""
    try:
        if not file.get("url_private"):
            info = await client.files_info(file=file["id"])
            file = dict(info["file"])
        data = await files.download(file["url_private"], client.token, api_url=ctx.settings.slack_api_url)
        msg = await import_bytes(ctx, team_id, domain, data, file.get("name"), lang)
        await ctx.store.call(slack_repo.clear_pending_upload, team_id, user_id)
    except BacklinksError as err:
        msg = message(t("slack.import.failed", lang, name=escape(file.get("name") or "?"), message=error_text(err, lang)))
    except Exception:
        log.exception("import of file %s failed", file.get("id"))
        msg = message(t("slack.internal_error", lang))
    await ctx.post(client, reply_channel, msg, thread_ts=thread_ts, fallback_user=user_id, lang=lang)


async def site_for_upload(ctx: AppContext, team_id: str, user_id: str, text: str) -> str | None:
    """Which site a file in a DM is for: named in the text, else the pending ``import``, else the only own site."""
    from storage.sites import get_site, list_sites

    for token in router.split_args(text or ""):
        word = router.unwrap(token)
        if "." not in word:
            continue
        try:
            domain = normalise_site(word)
        except UserInputError:
            continue
        if await ctx.store.call(get_site, team_id, domain):
            return domain
    pending = await ctx.store.call(slack_repo.get_pending_upload, team_id, user_id)
    if pending:
        return pending.domain
    own = await ctx.store.call(list_sites, team_id, role="own")
    return own[0].domain if len(own) == 1 else None


async def handle_dm_files(ctx: AppContext, client: AsyncWebClient, team_id: str, user_id: str, channel: str,
                          text: str, file_list: list[dict[str, Any]], lang: str) -> None:
    domain = await site_for_upload(ctx, team_id, user_id, text)
    for f in file_list:
        if not f.get("id") or not await ctx.store.call(slack_repo.mark_processed, team_id, f"file:{f['id']}"):
            continue
        if domain is None:  # with no site tracked yet, asking "which site?" leads nowhere: track one first
            from storage.sites import list_sites

            tracked = await ctx.store.call(list_sites, team_id)
            key = "slack.import.which_site" if tracked else "slack.import.track_first"
            await ctx.post(client, channel, message(t(key, lang)), lang=lang)
            return
        await import_file(ctx, client, team_id, user_id, domain, f, channel, lang)


async def import_command(cmd: router.Command) -> None:
    if not cmd.args and (site := await cmd.only_site()):
        cmd.args = (site,)
    if len(cmd.args) != 1:
        await cmd.usage("slack.usage.import")
        return
    from storage.sites import require_site

    site = await cmd.ctx.store.call(require_site, cmd.team_id, normalise_site(router.unwrap(cmd.args[0])))
    await cmd.ctx.store.call(slack_repo.set_pending_upload, cmd.team_id, cmd.user_id, site.domain, cmd.channel_id)
    opened = False
    if cmd.trigger_id:
        try:
            await cmd.client.views_open(trigger_id=cmd.trigger_id, view=import_modal(cmd.lang, site.domain))
            opened = True
        except Exception as err:  # the DM route still works
            log.info("views.open failed: %s", err)
    await cmd.reply(message(t("slack.import.how" if opened else "slack.import.how_dm", cmd.lang, domain=site.domain)))


def register(app: AsyncApp, ctx: AppContext) -> None:
    from handlers.lang import resolve_lang

    router.register("import", import_command, usage_key="slack.usage.import", aliases=("importeer",))

    @app.action("import_open")
    async def on_import_button(ack: Any, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
        await ack()
        from handlers.check import command_from_action, run_action

        cmd = await command_from_action(ctx, body, client, respond, context)
        cmd.args = (action.get("value") or "",)
        await run_action(cmd, import_command(cmd))

    @app.view(IMPORT_CALLBACK)
    async def on_submit(ack: Any, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        state = ((view.get("state") or {}).get("values") or {}).get(IMPORT_FILE_BLOCK, {}).get(IMPORT_FILE_ACTION, {})
        uploaded = list(state.get("files") or [])
        team_id = context.team_id or (body.get("team") or {}).get("id") or ""
        user_id = (body.get("user") or {}).get("id") or ""
        if not uploaded:
            lang = await resolve_lang(ctx, client, team_id, user_id)
            await ack(response_action="errors", errors={IMPORT_FILE_BLOCK: t("slack.import.no_file", lang)})
            return
        await ack()
        lang = await resolve_lang(ctx, client, team_id, user_id)
        domain = view.get("private_metadata") or ""
        pending = await ctx.store.call(slack_repo.get_pending_upload, team_id, user_id)
        channel = (pending.channel_id if pending and pending.channel_id else None) or user_id
        for f in uploaded:
            if await ctx.store.call(slack_repo.mark_processed, team_id, f"file:{f.get('id')}"):
                ctx.spawn(import_file(ctx, client, team_id, user_id, domain, f, channel, lang), name=f"import:{team_id}:{domain}")

    @app.event("file_shared")
    async def on_file_shared(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        channel = event.get("channel_id") or ""
        user_id = event.get("user_id") or ""
        team_id = context.team_id or ""
        if not channel.startswith("D") or user_id == context.bot_user_id:
            return
        await asyncio.sleep(FILE_SHARED_DELAY)
        pending = await ctx.store.call(slack_repo.get_pending_upload, team_id, user_id)
        if pending is None:
            return
        lang = await resolve_lang(ctx, client, team_id, user_id)
        await handle_dm_files(ctx, client, team_id, user_id, channel, "", [{"id": event.get("file_id")}], lang)
