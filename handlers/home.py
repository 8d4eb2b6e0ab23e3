"""App Home: a dashboard of the workspace's tracked sites with buttons for the common actions."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.app import AppContext
from bot.slack.blocks import home_view


async def publish_home(ctx: AppContext, client: AsyncWebClient, team_id: str, user_id: str) -> None:
    from handlers.lang import resolve_lang
    from handlers.sites import site_rows

    lang = await resolve_lang(ctx, client, team_id, user_id)
    rows = await ctx.store.call(site_rows, team_id)
    await client.views_publish(user_id=user_id, view=home_view(lang, rows).to_dict())


def register(app: AsyncApp, ctx: AppContext) -> None:
    @app.event("app_home_opened")
    async def on_home(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        if event.get("tab", "home") != "home":
            return
        await publish_home(ctx, client, context.team_id or "", event.get("user") or "")
