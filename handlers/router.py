"""``/backlinks`` parsing (pure) and the open dispatch table.

Other modules add subcommands with :func:`register`::

    from handlers.router import Command, register

    async def compare(cmd: Command) -> None:
        ...                      # cmd.args, cmd.lang, await cmd.reply(msg), await cmd.post(msg)

    def register(app, ctx):      # handlers/<module>.py, called by handlers.register_all
        router.register("compare", compare, usage_key="slack.usage.compare")

(This module's own ``register`` is the subcommand registry; its Slack listener is set up by
:func:`register_listener`.)

A handler runs after the request was acked; long work goes to ``cmd.ctx.spawn(...)``. Text that is
not a subcommand but reads like a question goes to the ``faq`` subcommand; an unknown word gets a
short correction with an example.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import BacklinksError
from bot.i18n import t
from bot.slack.app import AppContext
from bot.slack.blocks import Message, error_message, message

log = logging.getLogger(__name__)

COMMAND = "/backlinks"

Handler = Callable[["Command"], Awaitable[None]]


@dataclass(frozen=True)
class Subcommand:
    name: str
    handler: Handler
    usage_key: str | None = None  # text key of the usage line shown in help and corrections
    aliases: tuple[str, ...] = ()


SUBCOMMANDS: dict[str, Subcommand] = {}
ALIASES: dict[str, str] = {}


class DuplicateAlias(ValueError):
    """A word registered for two different subcommands (one would silently shadow the other)."""


def register(name: str, handler: Handler, *, usage_key: str | None = None, aliases: tuple[str, ...] = ()) -> None:
    """Add (or replace) subcommand ``name``; ``aliases`` (e.g. Dutch words) map to it too.

    Raises :class:`DuplicateAlias` when a word (name or alias) already means another subcommand.
    """
    name = name.lower()
    words = [a.lower() for a in aliases]
    for word in [name, *words]:
        owner = word if word in SUBCOMMANDS else ALIASES.get(word)
        if owner is not None and owner != name:
            raise DuplicateAlias(f"/backlinks {word!r} is registered for both {owner!r} and {name!r}")
    if len(set(words)) != len(words) or name in words:
        raise DuplicateAlias(f"/backlinks {name!r} lists an alias twice: {aliases}")
    previous = SUBCOMMANDS.get(name)
    for alias in previous.aliases if previous else ():  # replacing: its old words go
        ALIASES.pop(alias.lower(), None)
    SUBCOMMANDS[name] = Subcommand(name=name, handler=handler, usage_key=usage_key, aliases=aliases)
    for alias in words:
        ALIASES[alias] = name


def usages(lang: str) -> list[str]:
    """Usage lines of every registered subcommand, in registration order."""
    return [t(s.usage_key, lang) for s in SUBCOMMANDS.values() if s.usage_key]


# ------------------------------------------------------------------ pure parsing

_SLACK_LINK = re.compile(r"<([^<>|]+)(?:\|([^<>]*))?>")


def unwrap(token: str, *, want_url: bool = False) -> str:
    """Slack formatting to what the user typed: ``<http://a.nl|a.nl>`` -> ``a.nl``, ``<https://x/y>`` -> URL.

    With ``want_url`` a link gives its full address (``<https://a.nl/x|a.nl/x>`` -> ``https://a.nl/x``)
    and a bare ``a.nl/x`` gets ``https://``.
    """
    m = _SLACK_LINK.fullmatch(token.strip())
    if not m:
        text = token.strip()
        if want_url and is_url(text) and not re.match(r"^https?://", text, re.I):
            return "https://" + text
        return text
    target, label = m.group(1), m.group(2)
    if target.startswith(("#", "@", "!")):
        return token.strip()
    if want_url and re.match(r"^https?://", target, re.I):
        return target
    return label if label else target


def channel_id(token: str) -> str | None:
    """``<#C123|general>`` or ``<#C123>`` -> ``C123``; None for anything else."""
    m = re.fullmatch(r"<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>", token.strip())
    return m.group(1) if m else None


def split_args(text: str) -> list[str]:
    """Whitespace-split, keeping Slack's ``<...>`` tokens whole."""
    return re.findall(r"<[^<>]*>|\S+", text or "")


def is_url(text: str) -> bool:
    """True for a page address (scheme, or a path after the host); False for a bare site name."""
    text = text.strip()
    if re.match(r"^https?://", text, re.I):
        return True
    return bool(re.match(r"^[^/\s]+\.[^/\s]+/\S+", text))


@dataclass(frozen=True)
class Route:
    kind: str  # "help" | "command" | "faq" | "unknown"
    name: str | None = None
    args: tuple[str, ...] = ()
    rest: str = ""  # text after the subcommand word
    suggestion: str | None = None


QUESTION_WORDS = {
    "wat", "hoe", "waarom", "wanneer", "welke", "wie", "waar", "is", "zijn", "kan", "kun", "moet", "heb", "heeft",
    "what", "how", "why", "when", "which", "who", "where", "does", "do", "can", "should", "are", "will",
}


def route(text: str, names: set[str] | None = None, aliases: dict[str, str] | None = None) -> Route:
    """Decide what ``/backlinks <text>`` means. Pure: depends only on the text and the known names."""
    names = set(SUBCOMMANDS) if names is None else names
    aliases = ALIASES if aliases is None else aliases
    text = (text or "").strip()
    tokens = split_args(text)
    if not tokens:
        return Route("help")
    first = tokens[0].lower()
    if first in ("help", "?", "hulp"):
        return Route("help")
    name = first if first in names else aliases.get(first)
    if name:
        rest = text[len(tokens[0]):].strip()
        return Route("command", name=name, args=tuple(tokens[1:]), rest=rest)
    looks_like_question = text.endswith("?") or first in QUESTION_WORDS or len(tokens) >= 4
    if looks_like_question and "faq" in names:
        return Route("faq", name="faq", args=tuple(tokens), rest=text)
    suggestion = difflib.get_close_matches(first, sorted(names) + ["help"], n=1, cutoff=0.6)
    return Route("unknown", name=first, args=tuple(tokens[1:]), rest=text, suggestion=suggestion[0] if suggestion else None)


# ------------------------------------------------------------------ the command object


@dataclass
class Command:
    """One invocation of a subcommand, from a slash command, a DM, a mention or a button."""

    ctx: AppContext
    client: AsyncWebClient
    team_id: str
    user_id: str
    channel_id: str | None
    lang: str
    name: str = ""
    args: tuple[str, ...] = ()
    rest: str = ""
    source: str = "slash"  # slash | dm | mention | action | home
    respond: Any = None  # bolt's AsyncRespond (slash commands, actions)
    trigger_id: str | None = None
    thread_ts: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    async def reply(self, msg: Message) -> None:
        """Answer the user: ephemeral for slash commands/buttons, in the DM or thread otherwise."""
        if self.respond is not None and self.source in ("slash", "action"):
            await self.respond(response_type="ephemeral", replace_original=False, **msg.payload())
            return
        channel = self.channel_id if self.source in ("dm", "mention") and self.channel_id else self.user_id
        await self.ctx.post(self.client, channel, msg, thread_ts=self.thread_ts, lang=self.lang)

    async def post(self, msg: Message, channel: str | None = None) -> tuple[str, str]:
        """A visible message in ``channel`` (default: where the command came from); falls back to the
        user's DM when the bot is not in that channel. Returns ``(channel, ts)``."""
        target = channel or self.channel_id or self.user_id
        thread = self.thread_ts if target == self.channel_id else None
        return await self.ctx.post(self.client, target, msg, thread_ts=thread, fallback_user=self.user_id, lang=self.lang)

    async def only_site(self) -> str | None:
        """The workspace's one own site, when it has exactly one (so ``check`` alone is enough)."""
        from storage.sites import list_sites

        own = await self.ctx.store.call(list_sites, self.team_id, role="own")
        return own[0].domain if len(own) == 1 else None

    async def usage(self, key: str) -> None:
        """A short correction with an example."""
        await self.reply(message(t("slack.bad_args", self.lang, usage=t(key, self.lang))))


def shown_word(word: str | None, limit: int = 40) -> str:
    """A word the user typed, to echo inside backticks: cut, without backticks, escaped."""
    from bot.slack.blocks import clip, escape

    return escape(clip((word or "").replace("`", "'"), limit))


async def dispatch(cmd: Command, text: str) -> None:
    """Route ``text`` and run the subcommand; user errors become one friendly sentence."""
    r = route(text)
    try:
        if r.kind == "help":
            await SUBCOMMANDS["help"].handler(cmd) if "help" in SUBCOMMANDS else None
            return
        if r.kind == "unknown":
            if r.suggestion:
                await cmd.reply(message(t("slack.unknown_suggest", cmd.lang, word=shown_word(r.name), suggestion=r.suggestion)))
                return
            if "faq" in SUBCOMMANDS:  # a bare topic ("disavow", "pbn") may be a question; the desk
                cmd.name, cmd.args, cmd.rest = "faq", r.args, r.rest  # answers or we correct
                cmd.extra["unknown_word"] = r.name
                await SUBCOMMANDS["faq"].handler(cmd)
                return
            await cmd.reply(message(t("slack.unknown", cmd.lang, word=shown_word(r.name))))
            return
        sub = SUBCOMMANDS[r.name or ""]
        cmd.name, cmd.args, cmd.rest = sub.name, r.args, r.rest
        await sub.handler(cmd)
    except BacklinksError as err:
        await cmd.reply(error_message(err, cmd.lang))
    except Exception:
        log.exception("subcommand %s failed", r.name)
        await cmd.reply(message(t("slack.internal_error", cmd.lang)))


def register_listener(app: AsyncApp, ctx: AppContext) -> None:
    """The ``/backlinks`` slash command: ack first, then route."""
    from handlers.lang import resolve_lang

    @app.command(COMMAND)
    async def on_command(ack: Any, body: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
        await ack()
        text = body.get("text") or ""
        team_id = context.team_id or body.get("team_id") or ""
        user_id = body.get("user_id") or ""
        lang = await resolve_lang(ctx, client, team_id, user_id, text)
        cmd = Command(
            ctx=ctx, client=client, team_id=team_id, user_id=user_id, channel_id=body.get("channel_id"), lang=lang,
            source="slash", respond=respond, trigger_id=body.get("trigger_id"),
        )
        await dispatch(cmd, text)

