"""The Bolt app factory and the app context shared by every handler.

``build_app(settings, store, fetcher=... | fetcher_factory=...)`` returns a configured
:class:`slack_bolt.async_app.AsyncApp` (single workspace with ``SLACK_BOT_TOKEN``, or multi-workspace
OAuth with ``SLACK_CLIENT_ID``/``SLACK_CLIENT_SECRET`` and installations in SQLite). Its
:class:`AppContext` (``context_of(app)``) holds the settings, the store, the shared web fetcher (one
aiohttp session for the web, not the Slack client's), per-channel pacing and the background tasks
that :meth:`AppContext.aclose` cancels on shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, AsyncContextManager, Awaitable, Callable, Coroutine

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.slack.blocks import Message
from bot.slack.installations import SqliteInstallationStore, SqliteOAuthStateStore
from bot.slack.ratelimit import ChannelPacer, retry_handlers
from storage import slack_repo
from storage.store import Store

log = logging.getLogger(__name__)

BOT_SCOPES = [
    "commands", "chat:write", "chat:write.public", "im:history", "im:read", "im:write", "app_mentions:read",
    "files:read", "files:write", "users:read", "channels:read", "groups:read",
    "channels:history", "groups:history",  # digests: find our own post after a crash (conversations.history)
]
NOT_IN_CHANNEL_ERRORS = {"not_in_channel", "channel_not_found", "is_archived"}
RECENT_EVENTS = 10_000  # event ids remembered in memory for dedupe
DEDUPE_WAIT = 1.0  # seconds an event waits for the SQLite dedupe record before it is handled anyway


@dataclass
class AppContext:
    """Everything handlers share. One per running app."""

    settings: Settings
    store: Store
    fetcher: Any | None = None
    fetcher_factory: Callable[[], AsyncContextManager[Any]] | None = None
    progress_interval: float = 2.0
    pacer: ChannelPacer = field(default_factory=ChannelPacer)
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)  # work: checks, imports
    services: set[asyncio.Task[Any]] = field(default_factory=set)  # endless helpers (pruning, ...)
    running_checks: dict[tuple[str, str], asyncio.Task[Any]] = field(default_factory=dict)
    locales: dict[tuple[str, str], Any] = field(default_factory=dict)  # Slack locale, or a Future while looked up
    oauth: bool = False
    installation_store: SqliteInstallationStore | None = None
    single_team_id: str | None = None  # single-workspace mode: the bot token's team (set at start)
    # ``async def hook(app, ctx) -> cleanup | None`` run by the runner once serving started (e.g. a
    # handlers module starts its scheduler here); cleanups run at shutdown in reverse order.
    on_startup: list[Callable[..., Awaitable[Any]]] = field(default_factory=list)
    _exit: contextlib.AsyncExitStack = field(default_factory=contextlib.AsyncExitStack)
    _fetcher_lock: asyncio.Lock | None = None
    _closed: bool = False

    async def get_fetcher(self) -> Any:
        """The shared fetcher, opened from ``fetcher_factory`` on first use."""
        if self.fetcher is not None:
            return self.fetcher
        if self.fetcher_factory is None:
            from bot.fetch import FetchSettings, open_fetcher

            settings = FetchSettings.from_settings(self.settings)
            self.fetcher_factory = lambda: open_fetcher(settings)
        if self._fetcher_lock is None:
            self._fetcher_lock = asyncio.Lock()
        async with self._fetcher_lock:
            if self.fetcher is None:
                self.fetcher = await self._exit.enter_async_context(self.fetcher_factory())
        return self.fetcher

    def spawn(self, coro: Coroutine[Any, Any, Any], *, name: str | None = None, service: bool = False) -> asyncio.Task[Any]:
        """Run ``coro`` in the background, tracked so shutdown can cancel and await it. ``service``
        tasks run for the app's lifetime and are not waited for by :meth:`wait_idle`."""
        if self._closed:
            coro.close()
            raise RuntimeError("the app is shutting down")
        task = asyncio.get_running_loop().create_task(coro, name=name)
        (self.services if service else self.tasks).add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        self.services.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task %s failed", task.get_name(), exc_info=task.exception())

    async def wait_idle(self, timeout: float = 30) -> None:
        """Wait until no background task runs (tests and graceful shutdown)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self.tasks:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"{len(self.tasks)} background task(s) still running")
            await asyncio.wait(set(self.tasks), timeout=remaining)

    async def aclose(self) -> None:
        """Cancel background work, wait for it to stop, close the fetcher. The store is the caller's."""
        self._closed = True
        tasks = list(self.tasks) + list(self.services)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        await self._exit.aclose()

    async def client_for(self, team_id: str) -> AsyncWebClient | None:
        """A Web API client acting as the bot in ``team_id``, or None when the app is not installed
        there (for work that runs outside a Slack request: digests, scheduled rechecks)."""
        if not self.oauth:
            token = self.settings.slack_bot_token
            if not token or (self.single_team_id and team_id != self.single_team_id):
                return None
            return make_client(self.settings, token)
        assert self.installation_store is not None
        bot = await self.installation_store.async_find_bot(enterprise_id=None, team_id=team_id)
        return make_client(self.settings, bot.bot_token) if bot is not None and bot.bot_token else None

    # ------------------------------------------------------------ posting

    async def post(self, client: AsyncWebClient, channel: str, msg: Message, *, thread_ts: str | None = None,
                   fallback_user: str | None = None, lang: str | None = None) -> tuple[str, str]:
        """Post ``msg`` to ``channel`` (paced). When the bot may not post there and ``fallback_user``
        is given, post to that user's DM instead. Returns ``(channel, ts)``."""
        await self.pacer.wait(channel)
        try:
            resp = await client.chat_postMessage(channel=channel, thread_ts=thread_ts, **msg.payload())
        except SlackApiError as err:
            if fallback_user and err.response.get("error") in NOT_IN_CHANNEL_ERRORS and channel != fallback_user:
                from bot.i18n import t
                from bot.slack.blocks import context

                note = Message(text=msg.text, blocks=[context(t("slack.not_in_channel", lang, channel=channel)), *msg.blocks])
                return await self.post(client, fallback_user, note)
            raise
        return str(resp["channel"]), str(resp["ts"])

    async def update(self, client: AsyncWebClient, channel: str, ts: str, msg: Message) -> None:
        """chat.update; when the message is gone (deleted, too old to edit) post ``msg`` anew."""
        try:
            await client.chat_update(channel=channel, ts=ts, **msg.payload())
        except SlackApiError as err:
            if err.response.get("error") not in ("message_not_found", "cant_update_message", "edit_window_closed"):
                raise
            await self.post(client, channel, msg)


def context_of(app: AsyncApp) -> AppContext:
    return app._backlinks_ctx  # type: ignore[attr-defined,no-any-return]


def make_client(settings: Settings, token: str | None = None) -> AsyncWebClient:
    """A Web API client for ``SLACK_API_URL`` with 429 retry handlers."""
    return AsyncWebClient(token=token, base_url=settings.slack_api_url, timeout=30, retry_handlers=retry_handlers())


class _ClientCarriesTheToken(logging.Filter):
    """Bolt reads ``SLACK_BOT_TOKEN`` from the environment by itself (``token or os.environ[...]``), so
    with our client (built from :class:`Settings`, with that very token, our API URL and retry
    handlers) it logs "As you gave `client` as well, `token` will be unused" at every start. Bolt
    offers no way to give the client without that lookup; this drops just that one warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped

        return record.getMessage() != warning_client_prioritized_and_token_skipped()


def _quiet_token_warning() -> None:
    bolt = logging.getLogger("slack_bolt.AsyncApp")
    if not any(isinstance(f, _ClientCarriesTheToken) for f in bolt.filters):
        bolt.addFilter(_ClientCarriesTheToken())


def uninstalled_message() -> str:
    """What a person sees when their workspace has no installation any more (Bolt's authorize failure):
    English and Dutch together, since the workspace's language setting was removed with it."""
    from bot.i18n import t

    return f":warning: {t('slack.uninstalled', 'en')}\n{t('slack.uninstalled', 'nl')}"


def build_app(
    settings: Settings,
    store: Store,
    fetcher: Any | None = None,
    fetcher_factory: Callable[[], AsyncContextManager[Any]] | None = None,
    *,
    progress_interval: float = 2.0,
    post_interval: float = 1.0,
    register: Callable[[AsyncApp, AppContext], None] | None = None,
) -> AsyncApp:
    """The configured Bolt app. OAuth mode when client id and secret are set, else single workspace."""
    oauth = bool(settings.slack_client_id and settings.slack_client_secret)
    client = make_client(settings, None if oauth else settings.slack_bot_token)
    kwargs: dict[str, Any] = {}
    installation_store = SqliteInstallationStore(store) if oauth else None
    if oauth:
        kwargs["oauth_settings"] = AsyncOAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            scopes=BOT_SCOPES,
            installation_store=installation_store,
            state_store=SqliteOAuthStateStore(store),
            install_path="/slack/install",
            redirect_uri_path="/slack/oauth_redirect",
        )
    _quiet_token_warning()
    app = AsyncApp(
        name="backlinks",
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        process_before_response=False,
        user_facing_authorize_error_message=uninstalled_message(),
        **kwargs,
    )
    ctx = AppContext(
        settings=settings, store=store, fetcher=fetcher, fetcher_factory=fetcher_factory,
        progress_interval=progress_interval, pacer=ChannelPacer(post_interval), oauth=oauth,
        installation_store=installation_store,
    )
    app._backlinks_ctx = ctx  # type: ignore[attr-defined]
    app.middleware(_dedupe_middleware(ctx))
    if register is None:
        from handlers import register_all as register
    register(app, ctx)
    return app


def _dedupe_middleware(ctx: AppContext) -> Callable[..., Awaitable[Any]]:
    """Events API retries (``X-Slack-Retry-Num`` / ``retry_attempt``) never cause duplicate work:
    the first delivery of an ``event_id`` records it in SQLite; later ones are acked and dropped."""

    recent: OrderedDict[str, None] = OrderedDict()  # this process's recent event ids (fast path)

    async def dedupe(body: dict[str, Any], next: Callable[[], Awaitable[Any]], logger: logging.Logger) -> Any:
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if body.get("type") == "event_callback" and event_id:
            team_id = body.get("team_id") or (body.get("authorizations") or [{}])[0].get("team_id") or "-"
            key = f"{team_id}:{event_id}"
            if key in recent:
                logger.info("duplicate delivery of event %s dropped", event_id)
                return BoltResponse(status=200, body="")
            recent[key] = None
            while len(recent) > RECENT_EVENTS:
                recent.popitem(last=False)
            # SQLite catches duplicates across restarts. The write is shielded: when the store is busy
            # (a big import), the event is not held past DEDUPE_WAIT, so its ack stays quick.
            write = asyncio.ensure_future(ctx.store.call(slack_repo.mark_processed, team_id, f"event:{event_id}"))
            try:
                fresh = await asyncio.wait_for(asyncio.shield(write), DEDUPE_WAIT)
            except asyncio.TimeoutError:
                fresh = True
            if not fresh:
                logger.info("duplicate delivery of event %s dropped", event_id)
                return BoltResponse(status=200, body="")
        return await next()

    return dedupe
