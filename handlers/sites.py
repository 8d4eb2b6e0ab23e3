"""``track SITE [#channel] [competitor-of SITE]``, ``untrack SITE`` and ``sites``."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.domains import normalise_site
from bot.i18n import t
from bot.slack.app import AppContext
from bot.slack.blocks import UNTRACK_CANCEL, UNTRACK_CONFIRM, escape, message, site_text, sites_listing, untrack_question
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
    own = False
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
        elif token.lower() in ("own", "--own", "eigen"):
            own = True
        else:
            await cmd.usage("slack.usage.track")
            return
    if own and competitor_of:
        await cmd.usage("slack.usage.track")
        return
    from storage.site_homes import record_home
    from storage.sites import add_site, competitor_owners

    def track_site(db: Any) -> tuple[Any, list[str]]:
        site = add_site(db, cmd.team_id, domain, role="own" if own else None, channel_id=channel, competitor_of=competitor_of)
        record_home(db, cmd.team_id, site.domain, cmd.channel_id, cmd.user_id)  # the digest's fallback place
        owners = [o.domain for o in competitor_owners(db, cmd.team_id, site.domain)] if site.role == "competitor" else []
        return site, owners

    site, owners = await cmd.ctx.store.call(track_site)
    if site.role == "competitor" and not competitor_of:  # tracking a competitor again keeps it one
        text = t("slack.track.still_competitor", cmd.lang, domain=site_text(site.domain),
                 owners=", ".join(site_text(o) for o in owners), key=site_text(site.domain))
        await cmd.reply(message(text))
        return
    if competitor_of:
        text = t("slack.track.competitor", cmd.lang, domain=site_text(site.domain), owner=site_text(competitor_of))
    elif site.channel_id:
        text = t("slack.track.done_channel", cmd.lang, domain=site_text(site.domain), channel=site.channel_id)
    else:
        text = t("slack.track.done", cmd.lang, domain=site_text(site.domain))
    await cmd.reply(message(text, t("slack.track.next", cmd.lang, domain=site.domain)))


async def untrack(cmd: router.Command) -> None:
    if len(cmd.args) != 1:
        await cmd.usage("slack.usage.untrack")
        return
    domain = normalise_site(router.unwrap(cmd.args[0]))
    count = await cmd.ctx.store.call(backlink_count, cmd.team_id, domain)
    if count is None:
        await cmd.reply(message(t("slack.untrack.not_tracked", cmd.lang, domain=site_text(domain))))
        return
    await cmd.reply(untrack_question(cmd.lang, domain, count))  # deleting history needs a yes


def backlink_count(db: Any, team_id: str, domain: str) -> int | None:
    """How many backlinks a tracked site has (None when it is not tracked)."""
    from storage.backlinks import site_summary
    from storage.sites import get_site

    if get_site(db, team_id, domain) is None:
        return None
    s = site_summary(db, team_id, domain)
    return int(getattr(s, "total", 0) or (s.live + s.missing + s.lost + s.blocked + s.pending))


async def _answer_button(cmd: router.Command, msg: Any) -> None:
    """Replace the question (its buttons go) with the outcome."""
    if cmd.respond is not None:
        await cmd.respond(response_type="ephemeral", replace_original=True, **msg.payload())
    else:
        await cmd.reply(msg)


async def untrack_confirmed(cmd: router.Command, value: str) -> None:
    from storage.sites import remove_site

    domain = normalise_site(value)
    removed = await cmd.ctx.store.call(remove_site, cmd.team_id, domain)
    key = "slack.untrack.done" if removed else "slack.untrack.not_tracked"
    await _answer_button(cmd, message(t(key, cmd.lang, domain=site_text(domain))))


async def untrack_cancelled(cmd: router.Command, value: str) -> None:
    await _answer_button(cmd, message(t("slack.untrack.kept", cmd.lang, domain=site_text(normalise_site(value)))))


SITE_COLUMNS = ("domain", "role", "channel_id", "live", "lost", "missing", "blocked", "pending", "referring_domains",
                "lost_this_week", "last_check_at")


async def sites(cmd: router.Command) -> None:
    rows = await cmd.ctx.store.call(site_rows, cmd.team_id)
    msg, hidden = sites_listing(cmd.lang, rows)
    await cmd.reply(msg)
    if hidden:  # more sites than one message holds: every site in a CSV file, privately like the answer
        from bot.slack import files
        from handlers.export import upload_for

        await upload_for(cmd, filename="sites.csv", content=files.to_csv(rows, SITE_COLUMNS), title=msg.text,
                         comment=msg.text, private=True)


def register(app: AsyncApp, ctx: AppContext) -> None:
    router.register("track", track, usage_key="slack.usage.track", aliases=("volg",))
    router.register("untrack", untrack, usage_key="slack.usage.untrack", aliases=("ontvolg",))
    router.register("sites", sites, usage_key="slack.usage.sites", aliases=("list",))

    from handlers.check import command_from_action, run_action

    for action_id, handle in ((UNTRACK_CONFIRM, untrack_confirmed), (UNTRACK_CANCEL, untrack_cancelled)):

        def listener(handle: Any = handle) -> Any:
            async def on_button(ack: Any, body: dict[str, Any], action: dict[str, Any], client: Any, respond: Any, context: Any) -> None:
                await ack()
                cmd = await command_from_action(ctx, body, client, respond, context)
                await run_action(cmd, handle(cmd, action.get("value") or ""))

            return on_button

        app.action(action_id)(listener())
