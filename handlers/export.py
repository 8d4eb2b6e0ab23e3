"""``export SITE`` and the Export CSV button: every backlink of a site as a CSV file."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.domains import normalise_site
from bot.i18n import t
from bot.slack import files
from bot.slack.app import NOT_IN_CHANNEL_ERRORS, AppContext
from bot.slack.blocks import escape, message
from handlers import router

log = logging.getLogger(__name__)


async def dm_channel(client: AsyncWebClient, user_id: str) -> str:
    resp = await client.conversations_open(users=user_id)
    return str(resp["channel"]["id"])


PRIVATE_SOURCES = ("slash", "action", "home")  # where the bot's answer is ephemeral (or the App Home)


async def upload_for(cmd: router.Command, *, filename: str, content: bytes, title: str, comment: str,
                     private: bool = False) -> str | None:
    """Upload to the command's channel, or to the user's DM when the bot cannot post there.

    ``private``: the file belongs with an answer only the user sees (an ephemeral reply), so it goes to
    the user's DM, never into the channel. That upload runs as a tracked background task (shutdown
    cancels and awaits it); it returns None then, else the channel the file went to.
    """
    if private and cmd.source in PRIVATE_SOURCES:
        cmd.ctx.spawn(upload_private(cmd, filename=filename, content=content, title=title, comment=comment),
                      name=f"upload:{cmd.team_id}:{cmd.user_id}:{filename}")
        return None
    channel = cmd.channel_id if cmd.source in ("slash", "action", "dm", "mention") and cmd.channel_id else None
    if channel and not channel.startswith("D"):
        try:
            await cmd.ctx.pacer.wait(channel)
            await files.upload(cmd.client, channel=channel, filename=filename, content=content, title=title, initial_comment=comment)
            return channel
        except SlackApiError as err:
            if err.response.get("error") not in NOT_IN_CHANNEL_ERRORS:
                raise
    target = await dm_channel(cmd.client, cmd.user_id)
    await cmd.ctx.pacer.wait(target)
    await files.upload(cmd.client, channel=target, filename=filename, content=content, title=title, initial_comment=comment)
    return target


async def upload_private(cmd: router.Command, *, filename: str, content: bytes, title: str, comment: str) -> None:
    """The file in the user's DM (conversations.open + files_upload_v2); a failure is told to the user."""
    try:
        target = await dm_channel(cmd.client, cmd.user_id)
        await cmd.ctx.pacer.wait(target)
        await files.upload(cmd.client, channel=target, filename=filename, content=content, title=title, initial_comment=comment)
    except Exception:
        log.exception("private upload of %s failed", filename)
        await cmd.reply(message(t("slack.upload_failed", cmd.lang, filename=escape(filename))))


async def export_site(cmd: router.Command, domain: str) -> None:
    from storage.backlinks import list_backlinks
    from storage.sites import require_site

    site = await cmd.ctx.store.call(require_site, cmd.team_id, domain)
    rows = await cmd.ctx.store.call(list_backlinks, cmd.team_id, site.domain)
    if not rows:
        await cmd.reply(message(t("slack.export.empty", cmd.lang, domain=escape(site.domain))))
        return
    content = files.to_csv(rows, files.BACKLINK_COLUMNS)
    await upload_for(
        cmd, filename=f"backlinks-{site.domain}.csv", content=content,
        title=t("slack.export.title", cmd.lang, domain=site.domain),
        comment=t("slack.export.comment", cmd.lang, domain=site.domain, count=len(rows)),
    )


async def export(cmd: router.Command) -> None:
    if not cmd.args and (site := await cmd.only_site()):
        cmd.args = (site,)
    if len(cmd.args) != 1:
        await cmd.usage("slack.usage.export")
        return
    await export_site(cmd, normalise_site(router.unwrap(cmd.args[0])))


def register(app: AsyncApp, ctx: AppContext) -> None:
    from handlers.check import command_from_action, run_action

    router.register("export", export, usage_key="slack.usage.export", aliases=("exporteer",))

    @app.action("check_export")
    async def on_export(ack: Any, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
        await ack()
        cmd = await command_from_action(ctx, body, client, respond, context)
        await run_action(cmd, export_site(cmd, normalise_site(action.get("value") or "")))
