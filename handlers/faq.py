"""The question desk in Slack: ``/backlinks faq QUESTION``, a question that is not a subcommand, a
direct message, and an @mention (answered in the thread). "Related questions" buttons answer the
related topic. Questions the desk cannot answer are recorded per workspace (text and time only).

Direct messages double as a command line: ``check mysite.nl`` in a DM runs the subcommand, and a
file sent in a DM is imported (see :mod:`handlers.imports`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.slack.app import AppContext
from bot.slack.blocks import escape, faq_message, message
from handlers import router

log = logging.getLogger(__name__)

MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


def _answer(question: str, lang: str | None) -> Any:
    from bot.faq import answer

    return answer(question, lang)


def _answer_topic(topic: str, lang: str) -> Any:
    from bot.faq import answer_topic

    return answer_topic(topic, lang)


async def answer_question(cmd: router.Command, question: str) -> None:
    question = question.strip()
    if not question:
        await cmd.usage("slack.usage.faq")
        return
    from handlers.lang import detect_text_language
    from storage import slack_repo

    prefs = await cmd.ctx.store.call(slack_repo.get_user_prefs, cmd.team_id, cmd.user_id)
    lang = prefs.lang or detect_text_language(question) or cmd.lang
    found = await asyncio.to_thread(_answer, question, lang)
    if not found.answered and cmd.extra.get("unknown_word"):  # not a question after all: correct it
        await cmd.reply(message(t("slack.unknown", cmd.lang, word=router.shown_word(cmd.extra["unknown_word"]))))
        return
    if not found.answered:
        from storage.faq_repo import record_unanswered

        await cmd.ctx.store.call(record_unanswered, cmd.team_id, question)
    cmd.lang = found.lang or lang
    await cmd.reply(faq_message(cmd.lang, found.answered, found.answer, found.related, found.command_hint, getattr(found, "more", None)))


async def is_admin(cmd: router.Command) -> bool:
    try:
        resp = await cmd.client.users_info(user=cmd.user_id)
    except Exception:
        return False
    user = resp.get("user") or {}
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))


async def faq(cmd: router.Command) -> None:
    if cmd.name == "faq" and len(cmd.args) == 1 and cmd.args[0].lower() in ("unanswered", "onbeantwoord"):
        await unanswered(cmd)
        return
    await answer_question(cmd, cmd.rest)


async def unanswered(cmd: router.Command) -> None:
    if not await is_admin(cmd):
        await cmd.reply(message(t("slack.faq.admins_only", cmd.lang)))
        return
    from storage.faq_repo import list_unanswered

    rows = await cmd.ctx.store.call(list_unanswered, cmd.team_id, 30)
    if not rows:
        await cmd.reply(message(t("slack.faq.unanswered_none", cmd.lang)))
        return
    lines = [f"• {escape(r.text)} _({r.asked_at[:10]})_" for r in rows]
    await cmd.reply(message(t("slack.faq.unanswered_title", cmd.lang, count=len(rows)) + "\n" + "\n".join(lines)))


# Greetings (folded, without punctuation) and the language each one gives away (None: both languages).
GREETINGS: dict[str, str | None] = {
    "hoi": "nl", "hallo": "nl", "hallo daar": "nl", "goedemorgen": "nl", "goedemiddag": "nl", "goedenavond": "nl",
    "goeiemorgen": "nl", "dag": "nl", "hoi hoi": "nl", "hey daar": "nl", "hee": "nl", "he": "nl", "heej": "nl",
    "hi": "en", "hello": "en", "hello there": "en", "hi there": "en", "hey there": "en", "good morning": "en",
    "good afternoon": "en", "good evening": "en", "howdy": "en", "yo": "en", "morning": "en",
    "hey": None, "hoy": None, "heya": None, "hiya": None,
}
_GREETING_NOISE = re.compile(r":[a-z0-9_+-]+:|[^\w\s]|_", re.UNICODE)


def greeting_language(text: str) -> tuple[bool, str | None]:
    """``(True, lang or None)`` when ``text`` is only a greeting ("hoi", "Hi!", "goedemorgen :wave:")."""
    folded = " ".join(_GREETING_NOISE.sub(" ", (text or "").lower()).split())
    for suffix in (" backlinks", " bot"):
        if folded.endswith(suffix) and folded[: -len(suffix)] in GREETINGS:
            folded = folded[: -len(suffix)]
    if folded in GREETINGS:
        return True, GREETINGS[folded]
    return False, None


async def welcome(cmd: router.Command, text: str) -> bool:
    """Answer a bare greeting with a short welcome and what the bot can do; False when ``text`` is not one.

    Language: the user's explicit choice, else the greeting's own language, else the resolved one."""
    is_greeting, said = greeting_language(text)
    if not is_greeting:
        return False
    from storage import slack_repo

    prefs = await cmd.ctx.store.call(slack_repo.get_user_prefs, cmd.team_id, cmd.user_id)
    lang = prefs.lang or said or cmd.lang
    cmd.lang = lang
    await cmd.reply(message(t("slack.welcome", lang)))
    return True


async def on_text(ctx: AppContext, client: AsyncWebClient, team_id: str, user_id: str, channel: str, text: str,
                  source: str, thread_ts: str | None) -> None:
    """A DM or a mention: a greeting, a subcommand when it starts with one, otherwise a question."""
    from handlers.lang import resolve_lang

    lang = await resolve_lang(ctx, client, team_id, user_id, text)
    cmd = router.Command(ctx=ctx, client=client, team_id=team_id, user_id=user_id, channel_id=channel, lang=lang,
                         source=source, thread_ts=thread_ts)
    if await welcome(cmd, text):
        return
    r = router.route(text)
    if r.kind == "command" or r.kind == "help":
        await router.dispatch(cmd, text)
        return
    cmd.name, cmd.rest = "faq", text
    try:
        await answer_question(cmd, text)
    except Exception:
        log.exception("question failed")
        await cmd.reply(message(t("slack.internal_error", lang)))


def register(app: AsyncApp, ctx: AppContext) -> None:
    router.register("faq", faq, usage_key="slack.usage.faq", aliases=("vraag", "question"))

    @app.event("app_mention")
    async def on_mention(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        text = MENTION.sub("", event.get("text") or "").strip()
        thread = event.get("thread_ts") or event.get("ts")
        await on_text(ctx, client, context.team_id or "", event.get("user") or "", event.get("channel") or "", text, "mention", thread)

    async def in_a_dm(event: dict[str, Any]) -> bool:
        """Bolt ignores ``channel_type`` in an event constraint: without this, channel chatter (should the
        app ever get ``message.channels``) would be answered. Other messages fall to on_other_message."""
        return event.get("channel_type") == "im"

    @app.event({"type": "message", "channel_type": "im"}, matchers=[in_a_dm])
    async def on_dm(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        subtype = event.get("subtype")
        if event.get("bot_id") or subtype not in (None, "file_share"):
            return
        team_id = context.team_id or event.get("team") or ""
        user_id = event.get("user") or ""
        channel = event.get("channel") or ""
        text = event.get("text") or ""
        if event.get("files"):
            from handlers.imports import handle_dm_files
            from handlers.lang import resolve_lang

            lang = await resolve_lang(ctx, client, team_id, user_id, text)
            await handle_dm_files(ctx, client, team_id, user_id, channel, text, list(event["files"]), lang)
            return
        if text.strip():
            await on_text(ctx, client, team_id, user_id, channel, text, "dm", None)

    @app.event("message")
    async def on_other_message(event: dict[str, Any]) -> None:
        """Channel messages are not for us (only mentions are); acknowledged and ignored."""

    @app.action(re.compile(r"^faq_related_\d+$"))
    async def on_related(ack: Any, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
        await ack()
        from handlers.check import command_from_action

        cmd = await command_from_action(ctx, body, client, respond, context)
        found = await asyncio.to_thread(_answer_topic, action.get("value") or "", cmd.lang)
        msg = faq_message(cmd.lang, found.answered, found.answer, found.related, found.command_hint, getattr(found, "more", None))
        container = body.get("container") or {}
        channel = cmd.channel_id
        if channel and channel.startswith("D") or container.get("thread_ts"):
            await ctx.post(client, channel or cmd.user_id, msg, thread_ts=container.get("thread_ts"), lang=cmd.lang)
        else:
            await cmd.reply(msg)
