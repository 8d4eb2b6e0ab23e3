"""``/backlinks help`` (and ``/backlinks`` alone): every subcommand with an example."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.app import AppContext
from bot.slack.blocks import help_message
from handlers import router


async def help_command(cmd: router.Command) -> None:
    await cmd.reply(help_message(cmd.lang, router.usages(cmd.lang)))


def register(app: AsyncApp, ctx: AppContext) -> None:
    router.register("help", help_command, usage_key="slack.usage.help", aliases=("hulp",))
