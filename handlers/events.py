"""``app_uninstalled`` and ``tokens_revoked``: forget the workspace (tokens AND data) in one
idempotent step, and stop its running work."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.slack.app import AppContext
from bot.slack.installations import purge_team

log = logging.getLogger(__name__)


async def forget_workspace(ctx: AppContext, team_id: str) -> int:
    for (team, domain), task in list(ctx.running_checks.items()):
        if team == team_id:
            task.cancel()
    for key in [k for k in ctx.locales if k[0] == team_id]:
        ctx.locales.pop(key, None)
    return await purge_team(ctx.store, team_id)


def register(app: AsyncApp, ctx: AppContext) -> None:
    @app.event("app_uninstalled")
    async def on_uninstalled(body: dict[str, Any], context: Any) -> None:
        team_id = context.team_id or body.get("team_id") or ""
        await forget_workspace(ctx, team_id)

    @app.event("tokens_revoked")
    async def on_tokens_revoked(body: dict[str, Any], event: dict[str, Any], context: Any) -> None:
        team_id = context.team_id or body.get("team_id") or ""
        tokens = event.get("tokens") or {}
        if tokens.get("bot"):
            await forget_workspace(ctx, team_id)
        else:  # only user tokens: the bot keeps working; drop those users' installation rows
            from storage import slack_repo

            for user_id in tokens.get("oauth") or []:
                await ctx.store.call(slack_repo.delete_installations, team_id, "", user_id)
