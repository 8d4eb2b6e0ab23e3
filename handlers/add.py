"""``add SITE URL...``: pages the user knows link to their site."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.domains import normalise_site
from bot.i18n import t
from bot.plural import tn
from bot.slack.app import AppContext
from bot.slack.blocks import escape, message
from handlers import router

MAX_URLS = 500


async def add(cmd: router.Command) -> None:
    if len(cmd.args) < 2:
        await cmd.usage("slack.usage.add")
        return
    domain = normalise_site(router.unwrap(cmd.args[0]))
    urls = [router.unwrap(a, want_url=True) for a in cmd.args[1:]][:MAX_URLS]
    from handlers.imports import store_reject_words
    from storage.backlinks import NewBacklink, add_backlinks

    links = [NewBacklink(source_url=u) for u in urls]
    refuse = not cmd.ctx.settings.allow_private_networks  # the CLI's rule (BACKLINKS_ALLOW_PRIVATE_NETWORKS lifts it)
    result = await cmd.ctx.store.call(add_backlinks, cmd.team_id, domain, links, found_by="manual", refuse_private=refuse)
    lines = [tn("slack.add.done", cmd.lang, result.added, domain=escape(domain), added=result.added, merged=result.merged)]
    for r in result.rejected[:10]:
        lines.append(t("slack.add.rejected", cmd.lang, url=escape(r.source_url), reason=store_reject_words(r.reason, cmd.lang)))
    if result.added:
        lines.append(t("slack.add.next", cmd.lang, domain=domain))
    await cmd.reply(message("\n".join(lines)))


def register(app: AsyncApp, ctx: AppContext) -> None:
    router.register("add", add, usage_key="slack.usage.add", aliases=("toevoegen",))
