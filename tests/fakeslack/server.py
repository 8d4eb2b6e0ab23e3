"""The fake Slack server: Web API, file upload/download, OAuth, Socket Mode and response_url.

See :mod:`tests.fakeslack` for how to use it.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

import aiohttp
from aiohttp import web

from tests.fakeslack.blockkit import validate_message, validate_view

APP_TOKEN = "xapp-1-A1-test"


@dataclass
class User:
    id: str
    name: str = "someone"
    locale: str = "en-US"
    tz: str = "Europe/Amsterdam"
    is_admin: bool = False


@dataclass
class Channel:
    id: str
    name: str = "general"
    is_member: bool = True
    is_im: bool = False
    is_private: bool = False


@dataclass
class Team:
    id: str
    bot_token: str
    bot_user_id: str
    bot_id: str
    name: str = "Team"
    users: dict[str, User] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)


@dataclass
class Call:
    """One Web API call as the fake saw it."""

    method: str
    params: dict[str, Any]
    token: str | None
    team_id: str | None
    at: float
    response: dict[str, Any] = field(default_factory=dict)
    status: int = 200

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.response.get("ok"))

    def json(self, key: str) -> Any:
        """A parameter that may arrive JSON-encoded (``blocks``, ``view``, ``files``)."""
        value = self.params.get(key)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value


@dataclass
class Ack:
    """A Socket Mode acknowledgement: ``elapsed`` seconds after the envelope was sent."""

    envelope_id: str
    payload: dict[str, Any] | None
    elapsed: float


@dataclass
class Message:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    thread_ts: str | None
    team_id: str | None
    versions: list[dict[str, Any]] = field(default_factory=list)  # every text/blocks it had, in order


@dataclass
class File:
    id: str
    team_id: str | None
    name: str
    title: str | None = None
    content: bytes = b""
    channels: list[str] = field(default_factory=list)
    thread_ts: str | None = None
    initial_comment: str | None = None
    user: str | None = None
    completed: bool = False


@dataclass
class _Failure:
    error: str
    remaining: int
    status: int = 200
    retry_after: int | None = None


class FakeSlack:
    """An offline Slack for tests. Start with ``async with FakeSlack() as slack:``."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = 0
        self.teams: dict[str, Team] = {}
        self.calls: list[Call] = []
        self.violations: list[str] = []
        self.messages: dict[tuple[str, str], Message] = {}
        self.ephemerals: list[Call] = []
        self.responses: list[dict[str, Any]] = []  # bodies posted to response_url
        self.home_views: dict[str, dict[str, Any]] = {}  # user id -> last published view
        self.opened_views: list[dict[str, Any]] = []
        self.files: dict[str, File] = {}
        self.acks: list[Ack] = []
        self.oauth_codes: dict[str, tuple[str, str]] = {}  # code -> (team id, installer user id)
        self.app_token = APP_TOKEN
        self.valid_app_tokens = {APP_TOKEN}
        self.socket_connections = 0
        self.file_downloads: list[tuple[str, str | None]] = []  # (file id, token)
        self._failures: dict[str, list[_Failure]] = {}
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self._sockets: list[web.WebSocketResponse] = []
        self._pending_acks: dict[str, tuple[float, asyncio.Future[Ack]]] = {}
        self._runner: web.AppRunner | None = None
        self._connected = asyncio.Event()
        self.add_team("T1", name="Team One")

    # ------------------------------------------------------------ set-up

    def add_team(self, team_id: str, *, name: str = "Team", users: dict[str, User] | None = None) -> Team:
        """A workspace with a bot token ``xoxb-<team>`` and users ``U1``/``U2`` (en-US, nl-NL)."""
        team = Team(
            id=team_id, name=name, bot_token=f"xoxb-{team_id}-bot", bot_user_id=f"UB{team_id}", bot_id=f"B{team_id}",
            users=users or {"U1": User("U1", "anna", "en-US", is_admin=True), "U2": User("U2", "joost", "nl-NL")},
        )
        self.teams[team_id] = team
        return team

    def add_user(self, team_id: str, user: User) -> None:
        self.teams[team_id].users[user.id] = user

    def add_channel(self, team_id: str, channel: Channel) -> None:
        self.teams[team_id].channels[channel.id] = channel

    def fail(self, method: str, error: str, *, times: int = 1, status: int = 200) -> None:
        """The next ``times`` calls of ``method`` fail with ``error`` (e.g. ``not_in_channel``, ``invalid_auth``)."""
        self._failures.setdefault(method, []).append(_Failure(error=error, remaining=times, status=status))

    def rate_limit(self, method: str, *, times: int = 1, retry_after: int = 1) -> None:
        """The next ``times`` calls of ``method`` get HTTP 429 with ``Retry-After``."""
        self._failures.setdefault(method, []).append(_Failure(error="ratelimited", remaining=times, status=429, retry_after=retry_after))

    def upload_file(self, team_id: str, name: str, content: bytes, user: str = "U1") -> dict[str, Any]:
        """A file as if the user uploaded it; returns the file object Slack puts in events."""
        fid = f"F{next(self._ids):06d}"
        self.files[fid] = File(id=fid, team_id=team_id, name=name, content=content, user=user, completed=True)
        return self.file_object(fid)

    def file_object(self, fid: str) -> dict[str, Any]:
        f = self.files[fid]
        return {
            "id": f.id, "name": f.name, "title": f.title or f.name, "size": len(f.content), "user": f.user,
            "url_private": f"{self.base_url}files/{f.id}/{urllib.parse.quote(f.name)}",
            "url_private_download": f"{self.base_url}files/{f.id}/download/{urllib.parse.quote(f.name)}",
            "channels": list(f.channels), "mimetype": "text/csv",
        }

    # ------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def api_url(self) -> str:
        """Set this as SLACK_API_URL."""
        return f"{self.base_url}api/"

    async def start(self) -> "FakeSlack":
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/files/{file_id}/{rest:.*}", self._download)
        app.router.add_post("/respond/{rid}", self._respond)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> "FakeSlack":
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------ assertions helpers

    def clear(self) -> None:
        """Forget recorded calls, messages, responses, views, acks and uploads (teams stay)."""
        self.calls.clear()
        self.messages.clear()
        self.ephemerals.clear()
        self.responses.clear()
        self.home_views.clear()
        self.opened_views.clear()
        self.acks.clear()
        self.file_downloads.clear()
        self.files = {k: f for k, f in self.files.items() if not f.completed or f.user is not None}

    def calls_to(self, method: str, team_id: str | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (team_id is None or c.team_id == team_id)]

    def posted(self, team_id: str | None = None, channel: str | None = None) -> list[Message]:
        """Messages the bot posted (current versions), oldest first."""
        return [m for m in self.messages.values() if (team_id is None or m.team_id == team_id) and (channel is None or m.channel == channel)]

    def texts(self, team_id: str | None = None) -> str:
        """Every text the bot showed anywhere (messages and their versions, ephemerals, responses,
        views), joined: handy for ``assert "…" in slack.texts()``."""
        parts: list[str] = []
        for m in self.messages.values():
            if team_id is None or m.team_id == team_id:
                for v in m.versions:
                    parts.append(v.get("text") or "")
                    parts.append(json.dumps(v.get("blocks") or [], ensure_ascii=False))
        for c in self.ephemerals:
            if team_id is None or c.team_id == team_id:
                parts.append(str(c.params.get("text")))
        for r in self.responses:
            if team_id is None or r.get("_team") == team_id:
                parts.append(str(r.get("text")))
                parts.append(json.dumps(r.get("blocks") or [], ensure_ascii=False))
        for user, v in self.home_views.items():
            parts.append(json.dumps(v, ensure_ascii=False))
        return "\n".join(parts)

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.01) -> Any:
        """Poll ``predicate`` until it returns something truthy; AssertionError on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {predicate}")
            await asyncio.sleep(interval)

    # ------------------------------------------------------------ Web API

    def _team_of_token(self, token: str | None) -> Team | None:
        for team in self.teams.values():
            if token == team.bot_token:
                return team
        return None

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            ctype = request.content_type
            if ctype == "application/json":
                body = await request.json()
                if isinstance(body, dict):
                    params.update(body)
            elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
                form = await request.post()
                params.update({k: v for k, v in form.items() if isinstance(v, str)})
        return params

    def _take_failure(self, method: str) -> _Failure | None:
        queue = self._failures.get(method) or []
        while queue:
            failure = queue[0]
            if failure.remaining > 0:
                failure.remaining -= 1
                if failure.remaining == 0:
                    queue.pop(0)
                return failure
            queue.pop(0)
        return None

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        auth = request.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else params.get("token")
        team = self._team_of_token(token)
        call = Call(method=method, params=params, token=token, team_id=team.id if team else None, at=time.monotonic())
        self.calls.append(call)
        failure = self._take_failure(method)
        if failure is not None:
            call.status = failure.status
            call.response = {"ok": False, "error": failure.error}
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
            return web.json_response(call.response, status=failure.status, headers=headers)
        try:
            handler = getattr(self, "_m_" + method.replace(".", "_"), None)
            if method in ("apps.connections.open",):
                result = handler(params, token) if handler else {"ok": True}
            elif method == "oauth.v2.access":
                result = self._m_oauth_v2_access(params, request)
            elif team is None:
                result = {"ok": False, "error": "invalid_auth" if token else "not_authed"}
            else:
                result = handler(team, params) if handler else {"ok": True}
        except _SlackError as err:
            result = {"ok": False, "error": err.error}
        call.response = result
        return web.json_response(result)

    def _check_message(self, method: str, params: dict[str, Any]) -> None:
        problems = validate_message(params)
        if problems:
            self.violations.append(f"{method}: {'; '.join(problems)}")
            raise _SlackError("invalid_blocks")

    def _channel(self, team: Team, channel: str | None) -> str:
        if not channel:
            raise _SlackError("channel_not_found")
        if channel.startswith(("U", "W")):
            if channel not in team.users and channel != team.bot_user_id:
                raise _SlackError("channel_not_found")
            return "D" + channel
        known = team.channels.get(channel)
        if known is not None and not known.is_member and not known.is_im:
            raise _SlackError("not_in_channel")
        return channel

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"

    def _m_auth_test(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"https://{team.id.lower()}.slack.test/", "team": team.name, "user": "backlinks",
                "team_id": team.id, "user_id": team.bot_user_id, "bot_id": team.bot_id, "is_enterprise_install": False}

    def _m_chat_postMessage(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        self._check_message("chat.postMessage", params)
        channel = self._channel(team, params.get("channel"))
        ts = self._next_ts()
        blocks = _json(params.get("blocks")) or []
        msg = Message(channel=channel, ts=ts, text=str(params.get("text") or ""), blocks=blocks,
                      thread_ts=params.get("thread_ts"), team_id=team.id)
        msg.versions.append({"text": msg.text, "blocks": blocks, "at": time.monotonic()})
        self.messages[(channel, ts)] = msg
        return {"ok": True, "channel": channel, "ts": ts, "message": {"text": msg.text, "blocks": blocks, "ts": ts}}

    def _m_chat_update(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        self._check_message("chat.update", params)
        key = (str(params.get("channel")), str(params.get("ts")))
        msg = self.messages.get(key)
        if msg is None or msg.team_id != team.id:
            raise _SlackError("message_not_found")
        msg.text = str(params.get("text") or "")
        msg.blocks = _json(params.get("blocks")) or []
        msg.versions.append({"text": msg.text, "blocks": msg.blocks, "at": time.monotonic()})
        return {"ok": True, "channel": msg.channel, "ts": msg.ts, "text": msg.text}

    def _m_chat_postEphemeral(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        self._check_message("chat.postEphemeral", params)
        self._channel(team, params.get("channel"))
        self.ephemerals.append(self.calls[-1])
        return {"ok": True, "message_ts": self._next_ts()}

    def _m_views_publish(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        view = _json(params.get("view"))
        problems = validate_view(view)
        if problems or (view or {}).get("type") != "home":
            self.violations.append("views.publish: " + "; ".join(problems or ["not a home view"]))
            raise _SlackError("invalid_arguments")
        self.home_views[str(params.get("user_id"))] = view
        return {"ok": True, "view": {**view, "id": f"V{next(self._ids):06d}"}}

    def _m_views_open(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("trigger_id"):
            raise _SlackError("invalid_trigger_id")
        view = _json(params.get("view"))
        problems = validate_view(view)
        if problems:
            self.violations.append("views.open: " + "; ".join(problems))
            raise _SlackError("invalid_arguments")
        view = {**view, "id": f"V{next(self._ids):06d}", "team_id": team.id}
        self.opened_views.append(view)
        return {"ok": True, "view": view}

    def _m_users_info(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        user = team.users.get(str(params.get("user")))
        if user is None:
            raise _SlackError("user_not_found")
        data: dict[str, Any] = {"id": user.id, "name": user.name, "team_id": team.id, "tz": user.tz, "is_admin": user.is_admin,
                                "is_owner": False, "is_bot": False}
        if str(params.get("include_locale")).lower() in ("true", "1"):
            data["locale"] = user.locale
        return {"ok": True, "user": data}

    def _m_conversations_info(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        cid = str(params.get("channel"))
        ch = team.channels.get(cid) or Channel(cid)
        return {"ok": True, "channel": {"id": ch.id, "name": ch.name, "is_member": ch.is_member, "is_im": ch.is_im,
                                        "is_private": ch.is_private}}

    def _m_conversations_list(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        chans = [{"id": c.id, "name": c.name, "is_member": c.is_member, "is_private": c.is_private}
                 for c in team.channels.values() if not c.is_im]
        return {"ok": True, "channels": chans, "response_metadata": {"next_cursor": ""}}

    def _m_conversations_open(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        users = str(params.get("users") or "")
        if users not in team.users:
            raise _SlackError("user_not_found")
        return {"ok": True, "channel": {"id": "D" + users}}

    def _m_files_getUploadURLExternal(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("filename") or not params.get("length"):
            raise _SlackError("invalid_arguments")
        fid = f"F{next(self._ids):06d}"
        self.files[fid] = File(id=fid, team_id=team.id, name=str(params["filename"]))
        return {"ok": True, "upload_url": f"{self.base_url}upload/{fid}", "file_id": fid}

    async def _upload(self, request: web.Request) -> web.Response:
        f = self.files.get(request.match_info["file_id"])
        if f is None:
            return web.Response(status=404)
        f.content = await request.read()
        return web.Response(text=f"OK - {len(f.content)}")

    def _m_files_completeUploadExternal(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        items = _json(params.get("files")) or []
        channel = params.get("channel_id")
        if channel:
            channel = self._channel(team, channel)
        out = []
        for item in items:
            f = self.files.get(item.get("id"))
            if f is None or f.team_id != team.id:
                raise _SlackError("file_not_found")
            f.title = item.get("title")
            f.completed = True
            f.thread_ts = params.get("thread_ts")
            f.initial_comment = params.get("initial_comment")
            if channel:
                f.channels.append(channel)
            out.append({"id": f.id, "title": f.title, "name": f.name})
        return {"ok": True, "files": out}

    def _m_files_info(self, team: Team, params: dict[str, Any]) -> dict[str, Any]:
        f = self.files.get(str(params.get("file")))
        if f is None or f.team_id != team.id:
            raise _SlackError("file_not_found")
        return {"ok": True, "file": self.file_object(f.id)}

    async def _download(self, request: web.Request) -> web.Response:
        f = self.files.get(request.match_info["file_id"])
        auth = request.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else None
        self.file_downloads.append((request.match_info["file_id"], token))
        team = self._team_of_token(token)
        if f is None or team is None or team.id != f.team_id:
            # Slack answers an HTML login page for unauthorised url_private requests
            return web.Response(status=302 if team is None else 404, headers={"Location": "https://slack.test/login"})
        return web.Response(body=f.content, content_type="text/csv")

    def _m_apps_connections_open(self, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        if token not in self.valid_app_tokens:
            return {"ok": False, "error": "invalid_auth"}
        return {"ok": True, "url": f"ws://{self.host}:{self.port}/link?ticket={uuid.uuid4().hex}"}

    def _m_oauth_v2_access(self, params: dict[str, Any], request: web.Request) -> dict[str, Any]:
        code = str(params.get("code") or "")
        if code not in self.oauth_codes:
            return {"ok": False, "error": "invalid_code"}
        team_id, user_id = self.oauth_codes.pop(code)
        team = self.teams[team_id]
        return {
            "ok": True, "app_id": "A1", "authed_user": {"id": user_id}, "scope": "commands,chat:write",
            "token_type": "bot", "access_token": team.bot_token, "bot_user_id": team.bot_user_id,
            "team": {"id": team.id, "name": team.name}, "enterprise": None, "is_enterprise_install": False,
        }

    # ------------------------------------------------------------ response_url

    def response_url(self, team_id: str = "T1") -> str:
        return f"{self.base_url}respond/{team_id}-{uuid.uuid4().hex[:8]}"

    async def _respond(self, request: web.Request) -> web.Response:
        body = await request.json()
        problems = validate_message(body)
        if problems:
            self.violations.append("response_url: " + "; ".join(problems))
            return web.Response(status=400, text="invalid_blocks")
        body["_team"] = request.match_info["rid"].split("-")[0]
        body["_at"] = time.monotonic()
        self.responses.append(body)
        return web.Response(text="ok")

    # ------------------------------------------------------------ Socket Mode

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        self.socket_connections += 1
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {"host": "fake"},
                            "connection_info": {"app_id": "A1"}})
        self._connected.set()
        try:
            async for msg in ws:
                if msg.type == aiohttp.WSMsgType.TEXT:
                    data = json.loads(msg.data)
                    eid = data.get("envelope_id")
                    pending = self._pending_acks.pop(eid, None)
                    if pending is not None:
                        sent_at, fut = pending
                        ack = Ack(envelope_id=eid, payload=data.get("payload"), elapsed=time.monotonic() - sent_at)
                        self.acks.append(ack)
                        if not fut.done():
                            fut.set_result(ack)
        finally:
            if ws in self._sockets:
                self._sockets.remove(ws)
            if not self._sockets:
                self._connected.clear()
        return ws

    async def wait_connected(self, timeout: float = 10) -> None:
        await asyncio.wait_for(self._connected.wait(), timeout)

    async def send_envelope(self, kind: str, payload: dict[str, Any], *, retry_attempt: int = 0,
                            retry_reason: str = "", timeout: float = 10, wait: bool = True) -> Ack | asyncio.Future[Ack]:
        """Send one envelope over the Socket Mode connection; returns its Ack (or a future when wait=False)."""
        await self.wait_connected(timeout)
        eid = uuid.uuid4().hex
        envelope: dict[str, Any] = {"envelope_id": eid, "type": kind, "payload": payload,
                                    "accepts_response_payload": kind != "events_api"}
        if kind == "events_api":
            envelope["retry_attempt"] = retry_attempt
            envelope["retry_reason"] = retry_reason
        fut: asyncio.Future[Ack] = asyncio.get_running_loop().create_future()
        self._pending_acks[eid] = (time.monotonic(), fut)
        await self._sockets[-1].send_str(json.dumps(envelope))
        if not wait:
            return fut
        return await asyncio.wait_for(fut, timeout)

    async def slash(self, text: str, *, team: str = "T1", user: str = "U1", channel: str = "C1", **kw: Any) -> Ack:
        return await self.send_envelope("slash_commands", self.slash_payload(text, team=team, user=user, channel=channel), **kw)  # type: ignore[return-value]

    async def event(self, event: dict[str, Any], *, team: str = "T1", event_id: str | None = None, **kw: Any) -> Ack:
        return await self.send_envelope("events_api", self.event_payload(event, team=team, event_id=event_id), **kw)  # type: ignore[return-value]

    async def action(self, action_id: str, value: str = "", *, team: str = "T1", user: str = "U1", channel: str | None = "C1",
                     message_ts: str | None = None, view: dict[str, Any] | None = None, **kw: Any) -> Ack:
        payload = self.action_payload(action_id, value, team=team, user=user, channel=channel, message_ts=message_ts, view=view)
        return await self.send_envelope("interactive", payload, **kw)  # type: ignore[return-value]

    async def submit_view(self, view: dict[str, Any], values: dict[str, Any], *, team: str = "T1", user: str = "U1", **kw: Any) -> Ack:
        payload = self.view_submission_payload(view, values, team=team, user=user)
        return await self.send_envelope("interactive", payload, **kw)  # type: ignore[return-value]

    # ------------------------------------------------------------ payload builders (also for HTTP mode)

    def slash_payload(self, text: str, *, team: str = "T1", user: str = "U1", channel: str = "C1", command: str = "/backlinks") -> dict[str, Any]:
        return {
            "token": "verification-token", "team_id": team, "team_domain": team.lower(), "channel_id": channel,
            "channel_name": "general", "user_id": user, "user_name": "user", "command": command, "text": text,
            "api_app_id": "A1", "is_enterprise_install": "false", "response_url": self.response_url(team),
            "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
        }

    def event_payload(self, event: dict[str, Any], *, team: str = "T1", event_id: str | None = None) -> dict[str, Any]:
        t = self.teams.get(team)
        event = {"event_ts": f"{time.time():.6f}", **event}
        return {
            "token": "verification-token", "team_id": team, "api_app_id": "A1", "event": event, "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10]}", "event_time": int(time.time()),
            "authorizations": [{"enterprise_id": None, "team_id": team, "user_id": t.bot_user_id if t else "UB",
                                "is_bot": True, "is_enterprise_install": False}],
            "is_ext_shared_channel": False,
        }

    def action_payload(self, action_id: str, value: str = "", *, team: str = "T1", user: str = "U1", channel: str | None = "C1",
                       message_ts: str | None = None, view: dict[str, Any] | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "type": "block_actions", "team": {"id": team, "domain": team.lower()}, "user": {"id": user, "team_id": team},
            "api_app_id": "A1", "token": "verification-token", "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
            "response_url": self.response_url(team), "is_enterprise_install": False,
            "actions": [{"type": "button", "action_id": action_id, "block_id": "b1", "value": value,
                         "text": {"type": "plain_text", "text": "x"}, "action_ts": f"{time.time():.6f}"}],
        }
        if view is not None:
            payload["view"] = view
            payload["container"] = {"type": "view", "view_id": view.get("id", "V1")}
        else:
            payload["channel"] = {"id": channel, "name": "general"}
            payload["container"] = {"type": "message", "message_ts": message_ts or "1.000001", "channel_id": channel}
            payload["message"] = {"ts": message_ts or "1.000001", "text": "x"}
        return payload

    def view_submission_payload(self, view: dict[str, Any], values: dict[str, Any], *, team: str = "T1", user: str = "U1") -> dict[str, Any]:
        return {
            "type": "view_submission", "team": {"id": team, "domain": team.lower()}, "user": {"id": user, "team_id": team},
            "api_app_id": "A1", "token": "verification-token", "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
            "view": {**view, "state": {"values": values}}, "is_enterprise_install": False,
        }


class _SlackError(Exception):
    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


# ---------------------------------------------------------------- HTTP mode helpers


def sign(body: str, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """Slack request-signing headers for ``body`` (v0 HMAC-SHA256)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def form_body(payload: dict[str, Any]) -> str:
    """A slash command as Slack sends it over HTTP (form-encoded)."""
    return urllib.parse.urlencode(payload)


def interactive_body(payload: dict[str, Any]) -> str:
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


async def post_signed(url: str, body: str, secret: str, *, content_type: str = "application/x-www-form-urlencoded",
                      timestamp: int | None = None, signature: str | None = None, retry_num: int | None = None,
                      ) -> tuple[int, str, float]:
    """POST ``body`` to the bot's HTTP endpoint with Slack's signature; returns (status, text, seconds)."""
    headers = {"Content-Type": content_type, **sign(body, secret, timestamp)}
    if signature is not None:
        headers["X-Slack-Signature"] = signature
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        async with session.post(url, data=body.encode(), headers=headers) as resp:
            return resp.status, await resp.text(), time.monotonic() - start
