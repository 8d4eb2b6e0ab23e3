"""Language per user: ``/backlinks lang nl|en|auto`` and the resolution every handler uses.

Order: the user's explicit choice, then the language they write in (for free text), then their Slack
locale (``users.info`` with ``include_locale``, cached in SQLite), then English.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import LANGS, normalise_lang, t
from bot.slack.app import AppContext
from bot.slack.blocks import message
from handlers import router
from storage import slack_repo

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


# Words of the command grammar (arguments and options of the subcommands). They are the same for every
# user, so they say nothing about the language a person writes in: "track rival.nl competitor-of
# mysite.nl" or "toxic mark SITE DOMAIN disavow" from a Dutch user is not English prose.
COMMAND_WORDS = frozenset(
    """
    competitor-of competitor competitors concurrent-van concurrent own eigen mark keep disavow behouden houden
    afwijzen reason reden force keywords keyword brands brand merk merken merknaam merknamen zoekwoord zoekwoorden
    on off aan uit now nu settings instellingen add list remove all alle auto automatisch nl en lang
    monday tuesday wednesday thursday friday saturday sunday maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag daily weekly dagelijks wekelijks csv json txt
    """.split()
)


def prose_words(text: str) -> list[str]:
    """The words of ``text`` that say something about its language (no commands, command words, links,
    domains, channels or user mentions)."""
    words = []
    for token in router.split_args(text or ""):
        if token.startswith("<") or "." in token.strip("?!.,") or "/" in token or "@" in token:
            continue
        bare = token.lower().strip("?!.,:;=")
        if bare in router.SUBCOMMANDS or bare in COMMAND_WORDS or bare.startswith("-"):
            continue
        words += _WORD.findall(token)
    return words


def detect_text_language(text: str | None) -> str | None:
    """``nl``/``en`` when ``text`` has enough free prose to tell, else None (then the stored choice or
    the Slack locale decides). Only the prose words are looked at, never command words or domains."""
    words = prose_words(text or "")
    if len(words) < 2:
        return None
    try:
        from bot.faq import detect_language
    except ImportError:
        return None
    try:
        found = detect_language(" ".join(words))
    except Exception:  # detection is a hint, never a failure
        return None
    if isinstance(found, tuple):
        found = found[0] if found else None
    found = getattr(found, "lang", found)
    return found if found in LANGS else None


async def slack_locale(ctx: AppContext, client: AsyncWebClient, team_id: str, user_id: str, cached: str | None) -> str | None:
    key = (team_id, user_id)
    if cached:
        return cached
    known = ctx.locales.get(key)
    if isinstance(known, str):
        return known or None
    if known is not None:  # a lookup for this user is in flight: share it
        return await asyncio.shield(known) or None
    future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    ctx.locales[key] = future  # type: ignore[assignment]
    locale = ""
    try:
        resp = await client.users_info(user=user_id, include_locale=True)
        locale = str((resp.get("user") or {}).get("locale") or "")
    except Exception as err:
        log.info("users.info failed for %s: %s", user_id, err)
    finally:
        ctx.locales[key] = locale
        future.set_result(locale)
    if locale:
        await ctx.store.call(slack_repo.set_user_locale, team_id, user_id, locale)
    return locale or None


async def resolve_lang(ctx: AppContext, client: AsyncWebClient, team_id: str, user_id: str, text: str | None = None) -> str:
    """The language to answer ``user_id`` in."""
    if not team_id or not user_id:
        return detect_text_language(text) or "en"
    prefs = await ctx.store.call(slack_repo.get_user_prefs, team_id, user_id)
    if prefs.lang in LANGS:
        return prefs.lang  # type: ignore[return-value]
    written = detect_text_language(text)
    if written:
        return written
    locale = await slack_locale(ctx, client, team_id, user_id, prefs.locale)
    return normalise_lang(locale)


async def lang_command(cmd: router.Command) -> None:
    choice = (cmd.args[0].lower() if cmd.args else "")
    choice = {"nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en", "automatisch": "auto"}.get(choice, choice)
    if choice not in ("nl", "en", "auto"):
        await cmd.usage("slack.usage.lang")
        return
    await cmd.ctx.store.call(slack_repo.set_user_lang, cmd.team_id, cmd.user_id, None if choice == "auto" else choice)
    if choice == "auto":
        cmd.lang = await resolve_lang(cmd.ctx, cmd.client, cmd.team_id, cmd.user_id)
        await cmd.reply(message(t("slack.lang.auto", cmd.lang)))
    else:
        cmd.lang = choice
        await cmd.reply(message(t("slack.lang.set", choice)))


def register(app: AsyncApp, ctx: AppContext) -> None:
    router.register("lang", lang_command, usage_key="slack.usage.lang", aliases=("taal", "language"))
