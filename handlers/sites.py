"""``track SITE [#channel] [competitor-of SITE]``, ``untrack SITE`` and ``sites``."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.domains import normalise_site
from bot.i18n import t
from bot.slack.app import AppContext
from bot.slack.blocks import escape, message, sites_message
from handlers import router


def site_rows(db: Any, team_id: str) -> list[dict[str, Any]]:
    """Tracked sites with their summary figures (runs on the store thread)."""
    from storage.backlinks import site_summary
    from storage.sites import list_sites

    rows = []
    for site in list_sites(db, team_id):
        s = site_summary(db, team_id, site.domain)
        rows.append({
            "domain": site.domain, "role": site.role, "channel_id": site.channel_id, "live": s.live, "lost": s.lost,
            "missing": s.missing, "blocked": s.blocked, "pending": s.pending, "referring_domains": s.referring_domains,
            "lost_this_week": s.lost_this_week, "last_check_at": s.last_check_at, "total": getattr(s, "total", 0),
        })
    return rows


async def channel_by_name(cmd: router.Command, name: str) -> str | None:
    """The id of the channel called ``name`` (conversations.list, public and private), or None."""
    name = name.lower()
    cursor = None
    for _ in range(20):  # at most 20 pages of 1000 channels
        resp = await cmd.client.conversations_list(types="public_channel,private_channel", exclude_archived=True,
                                                   limit=1000, cursor=cursor)
        for ch in resp.get("channels") or []:
            if str(ch.get("name", "")).lower() == name:
                return str(ch["id"])
        cursor = (resp.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return None
    return None


async def track(cmd: router.Command) -> None:
    if not cmd.args:
        await cmd.usage("slack.usage.track")
        return
    domain = normalise_site(router.unwrap(cmd.args[0]))
    channel: str | None = None
    competitor_of: str | None = None
    rest = list(cmd.args[1:])
    while rest:
        token = rest.pop(0)
        if router.channel_id(token):
            channel = router.channel_id(token)
        elif token.startswith("#") and len(token) > 1:  # an unescaped #name: look it up
            channel = await channel_by_name(cmd, token[1:])
            if channel is None:
                await cmd.reply(message(t("slack.track.no_channel", cmd.lang, name=escape(token))))
                return
        elif token.lower() in ("competitor-of", "concurrent-van", "--competitor-of") and rest:
            competitor_of = normalise_site(router.unwrap(rest.pop(0)))
        else:
            await cmd.usage("slack.usage.track")
            return
    from storage.sites import add_site

    site = await cmd.ctx.store.call(add_site, cmd.team_id, domain, channel_id=channel, competitor_of=competitor_of)
    if competitor_of:
        text = t("slack.track.competitor", cmd.lang, domain=escape(site.domain), owner=escape(competitor_of))
    elif site.channel_id:
        text = t("slack.track.done_channel", cmd.lang, domain=escape(site.domain), channel=site.channel_id)
    else:
        text = t("slack.track.done", cmd.lang, domain=escape(site.domain))
    await cmd.reply(message(text, t("slack.track.next", cmd.lang, domain=site.domain)))


async def untrack(cmd: router.Command) -> None:
    if len(cmd.args) != 1:
        await cmd.usage("slack.usage.untrack")
        return
    domain = normalise_site(router.unwrap(cmd.args[0]))
    from storage.sites import remove_site

    removed = await cmd.ctx.store.call(remove_site, cmd.team_id, domain)
    key = "slack.untrack.done" if removed else "slack.untrack.not_tracked"
    await cmd.reply(message(t(key, cmd.lang, domain=escape(domain))))


async def sites(cmd: router.Command) -> None:
    rows = await cmd.ctx.store.call(site_rows, cmd.team_id)
    await cmd.reply(sites_message(cmd.lang, rows))


def register(app: AsyncApp, ctx: AppContext) -> None:
    router.register("track", track, usage_key="slack.usage.track", aliases=("volg",))
    router.register("untrack", untrack, usage_key="slack.usage.untrack", aliases=("ontvolg",))
    router.register("sites", sites, usage_key="slack.usage.sites", aliases=("list",))
