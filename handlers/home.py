"""App Home: a dashboard of the workspace's tracked sites with buttons for the common actions."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.app import AppContext
from bot.slack.blocks import home_view, section


async def publish_home(ctx: AppContext, client: AsyncWebClient, team_id: str, user_id: str) -> None:
    from handlers.lang import resolve_lang
    from handlers.sites import site_rows

    lang = await resolve_lang(ctx, client, team_id, user_id)
    rows = await ctx.store.call(site_rows, team_id)
    await client.views_publish(user_id=user_id, view=home_view(lang, rows).to_dict())


async def welcome(ctx: AppContext, client: AsyncWebClient, team_id: str, user_id: str, channel: str) -> None:
    """The first time a user opens the bot's Messages tab: a short hello with every command."""
    from storage import slack_repo

    if not user_id or not await ctx.store.call(slack_repo.mark_welcomed, team_id, user_id):
        return
    from bot.i18n import t
    from bot.slack.blocks import help_message
    from handlers import router
    from handlers.lang import resolve_lang

    lang = await resolve_lang(ctx, client, team_id, user_id)
    msg = help_message(lang, router.usages(lang))
    msg.blocks.insert(1, section(t("slack.welcome", lang)))
    await ctx.post(client, channel, msg, lang=lang)


def register(app: AsyncApp, ctx: AppContext) -> None:
    @app.event("app_home_opened")
    async def on_home(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        team_id, user_id = context.team_id or "", event.get("user") or ""
        if event.get("tab") == "messages":
            await welcome(ctx, client, team_id, user_id, event.get("channel") or user_id)
            return
        await publish_home(ctx, client, team_id, user_id)
