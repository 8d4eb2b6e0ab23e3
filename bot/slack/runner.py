"""Start-up and shutdown of the bot (``backlinks run``).

* Socket Mode when ``SLACK_APP_TOKEN`` is set (no public URL needed); the connection request
  (``apps.connections.open``) goes to ``SLACK_API_URL`` like every Web API call.
* Otherwise HTTP mode on ``PORT``: ``POST /slack/events`` verified with ``SLACK_SIGNING_SECRET``
  (bad signature or stale timestamp: 401), plus ``/slack/install`` and ``/slack/oauth_redirect`` in
  OAuth mode (``SLACK_CLIENT_ID``/``SLACK_CLIENT_SECRET``; the HTTP server runs in OAuth mode even with
  Socket Mode, for the install pages).
* Configuration is checked first; a problem is one :class:`~bot.errors.ConfigError` sentence naming
  the variable and where to get it. Tokens are verified with Slack before serving.
* SIGTERM/SIGINT stop it cleanly: no new requests, background checks cancelled (their messages say
  so), start-up hooks' cleanups run (e.g. the scheduler), fetcher session and store closed.

Other features hook into start-up with ``ctx.on_startup.append(hook)`` (from a handlers module's
``register(app, ctx)``) or the global :data:`STARTUP_HOOKS`: ``async def hook(app, ctx)`` may return
an async cleanup callable, run at shutdown in reverse order (before the store closes).
"""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass
from typing import Any, AsyncContextManager, Awaitable, Callable

from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.errors import ConfigError
from bot.i18n import t
from bot.slack.app import AppContext, build_app, context_of, make_client

log = logging.getLogger(__name__)

Cleanup = Callable[[], Awaitable[None]]
StartupHook = Callable[[AsyncApp, AppContext], Awaitable["Cleanup | None"]]
STARTUP_HOOKS: list[StartupHook] = []

EVENTS_PATH = "/slack/events"


@dataclass(frozen=True)
class Mode:
    socket: bool  # Socket Mode for events
    http: bool  # HTTP server (events in HTTP mode; install pages in OAuth mode)
    oauth: bool  # multi-workspace


def check_config(settings: Settings) -> Mode:
    """Which mode the settings ask for, or a ConfigError with one clear sentence."""
    has_id, has_secret = bool(settings.slack_client_id), bool(settings.slack_client_secret)
    if has_id and not has_secret:
        raise ConfigError(t("slack.config.client_secret_missing"))
    if has_secret and not has_id:
        raise ConfigError(t("slack.config.client_id_missing"))
    oauth = has_id and has_secret
    if not oauth:
        if not settings.slack_bot_token:
            raise ConfigError(t("slack.config.bot_token_missing"))
        if not settings.slack_bot_token.startswith("xoxb-"):
            raise ConfigError(t("slack.config.bot_token_shape"))
    socket = bool(settings.slack_app_token)
    if socket and not settings.slack_app_token.startswith("xapp-"):  # type: ignore[union-attr]
        raise ConfigError(t("slack.config.app_token_shape"))
    http = not socket or oauth
    if http and not settings.slack_signing_secret:
        raise ConfigError(t("slack.config.signing_secret_missing"))
    return Mode(socket=socket, http=http, oauth=oauth)


def _refused(key: str, err: Exception) -> ConfigError:
    if isinstance(err, SlackApiError):
        return ConfigError(t(key, None, error=err.response.get("error") or "error"))
    return err if isinstance(err, ConfigError) else ConfigError(str(err))


async def verify_bot_token(settings: Settings) -> dict[str, Any]:
    """auth.test with the bot token: the team it belongs to, or a ConfigError."""
    client = make_client(settings, settings.slack_bot_token)
    try:
        resp = await client.auth_test()
        return dict(resp.data) if isinstance(resp.data, dict) else {}
    except SlackApiError as err:
        raise _refused("slack.config.bot_token_refused", err) from None
    except Exception as err:
        raise ConfigError(t("slack.config.unreachable", None, url=settings.slack_api_url, error=type(err).__name__)) from None


async def open_socket_url(settings: Settings, handler: Any) -> str:
    """apps.connections.open through the handler's client (so a refused app token is one sentence)."""
    try:
        return str(await handler.client.issue_new_wss_url())
    except SlackApiError as err:
        raise _refused("slack.config.app_token_refused", err) from None
    except Exception as err:
        raise ConfigError(t("slack.config.unreachable", None, url=settings.slack_api_url, error=type(err).__name__)) from None


async def _prune_events(ctx: AppContext, every: float = 6 * 3600) -> None:
    """Forget processed event ids older than two days, at start and every few hours."""
    from storage import slack_repo

    while True:
        try:
            await ctx.store.call(slack_repo.prune_processed)
        except Exception as err:
            log.warning("pruning processed events failed: %s", err)
        await asyncio.sleep(every)


def _warm_up_faq() -> None:
    """Build the question desk's index now, off the event loop, so the first question is fast."""
    try:
        from bot.faq import warm_up

        warm_up()
    except Exception as err:  # the desk answers (more slowly) without it
        log.info("FAQ warm-up skipped: %s", err)


async def _healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok")


class Running:
    """A started bot: ``app``, ``ctx``, the HTTP ``port`` (if any); ``await stop()`` shuts it down."""

    def __init__(self, app: AsyncApp, ctx: AppContext) -> None:
        self.app = app
        self.ctx = ctx
        self.port: int | None = None
        self.socket_handler: Any = None
        self.web_runner: web.AppRunner | None = None
        self.cleanups: list[Cleanup] = []
        self._stopped = False

    async def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self.socket_handler is not None:
            try:
                await self.socket_handler.close_async()
            except Exception as err:  # closing a broken socket is not worth a traceback
                log.info("socket close: %s", err)
        if self.web_runner is not None:
            await self.web_runner.cleanup()
        for cleanup in reversed(self.cleanups):
            try:
                await cleanup()
            except Exception:
                log.exception("shutdown hook failed")
        await self.ctx.aclose()
        await self.ctx.store.aclose()


async def start(
    settings: Settings,
    *,
    host: str = "0.0.0.0",
    port: int | None = None,
    fetcher: Any | None = None,
    fetcher_factory: Callable[[], AsyncContextManager[Any]] | None = None,
    app_kwargs: dict[str, Any] | None = None,
) -> Running:
    """Check the configuration, open the store, build the app, verify tokens and start serving."""
    from storage.store import Store

    mode = check_config(settings)
    store = Store(settings.db_path)
    await store.open()
    app = build_app(settings, store, fetcher=fetcher, fetcher_factory=fetcher_factory, **(app_kwargs or {}))
    running = Running(app, context_of(app))
    try:
        if not mode.oauth:
            identity = await verify_bot_token(settings)
            running.ctx.single_team_id = identity.get("team_id") or None
        if mode.socket:
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            handler = AsyncSocketModeHandler(app, settings.slack_app_token, web_client=make_client(settings))
            handler.client.wss_uri = await open_socket_url(settings, handler)
            running.socket_handler = handler
            await handler.connect_async()
        if mode.http:
            from slack_bolt.app.async_server import AsyncSlackAppServer

            server = AsyncSlackAppServer(port=settings.port, path=EVENTS_PATH, app=app, host=host)
            server.web_app.router.add_get("/healthz", _healthz)
            runner = web.AppRunner(server.web_app, handle_signals=False)
            await runner.setup()
            site = web.TCPSite(runner, host, settings.port if port is None else port)
            try:
                await site.start()
            except OSError as err:
                await runner.cleanup()
                raise ConfigError(t("slack.config.port_in_use", None, port=settings.port if port is None else port,
                                    error=err.strerror or err)) from None
            running.web_runner = runner
            sockets = getattr(site._server, "sockets", None) or []  # the real port when port=0
            running.port = sockets[0].getsockname()[1] if sockets else settings.port
        for hook in [*STARTUP_HOOKS, *running.ctx.on_startup]:
            cleanup = await hook(app, running.ctx)
            if cleanup is not None:
                running.cleanups.append(cleanup)
    except BaseException:
        await running.stop()
        raise
    asyncio.get_running_loop().run_in_executor(None, _warm_up_faq)
    running.ctx.spawn(_prune_events(running.ctx), name="prune-processed-events", service=True)
    log.info("backlinks bot running (socket mode: %s, http: %s, oauth: %s)", mode.socket, mode.http, mode.oauth)
    return running


async def serve(settings: Settings, *, stop_event: asyncio.Event | None = None, **kwargs: Any) -> None:
    """Run until SIGTERM/SIGINT (or ``stop_event``), then shut down cleanly."""
    stop_event = stop_event or asyncio.Event()
    loop = asyncio.get_running_loop()
    installed = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop_event.set)
            installed.append(sig)
        except (NotImplementedError, RuntimeError):  # not the main thread / not supported
            pass
    try:
        running = await start(settings, **kwargs)
        try:
            await stop_event.wait()
        finally:
            log.info("shutting down")
            await running.stop()
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
