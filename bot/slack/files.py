"""Files in and out of Slack: CSV building (pure), downloads of ``url_private`` with the bot token,
and uploads with ``files_upload_v2``."""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any, Iterable, Sequence

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserInputError

MAX_IMPORT_BYTES = 50 * 1024 * 1024

BACKLINK_COLUMNS = (
    "source_url", "target_url", "status", "reason", "kind", "follow", "anchor", "placement", "http_status",
    "found_by", "first_seen", "added_at", "last_checked_at", "last_live_at",
)
CHECK_COLUMNS = ("source_url", "target_url", "status", "reason", "changes", "kind", "follow", "anchor", "placement", "http_status")


def as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    return {k: getattr(obj, k) for k in dir(obj) if not k.startswith("_") and not callable(getattr(obj, k))}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    text = str(value)
    # CSV injection: a cell starting with = + - @ is a formula in spreadsheets.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(rows: Iterable[Any], columns: Sequence[str]) -> bytes:
    """UTF-8 CSV with a BOM (Excel opens it correctly), one row per record."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        d = as_dict(row)
        writer.writerow([_cell(d.get(c)) for c in columns])
    return buf.getvalue().encode("utf-8-sig")


async def upload(client: AsyncWebClient, *, channel: str, filename: str, content: bytes, title: str,
                 initial_comment: str | None = None, thread_ts: str | None = None) -> dict[str, Any]:
    """Upload ``content`` to ``channel`` (files.getUploadURLExternal + upload + completeUploadExternal)."""
    resp = await client.files_upload_v2(
        channel=channel, filename=filename, content=content, title=title,
        initial_comment=initial_comment, thread_ts=thread_ts,
    )
    return dict(resp.data) if isinstance(resp.data, dict) else {}


class DownloadError(UserInputError):
    """A Slack file could not be downloaded; ``key``/``params`` name the text to show (bot.texts.slack),
    ``err.text(lang)`` gives it in the user's language."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key=key, **params)


def token_may_go_to(url: str, api_url: str) -> bool:
    """The bot token is only ever sent to Slack: ``*.slack.com`` or the host of ``SLACK_API_URL``."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    api_host = (urlsplit(api_url).hostname or "").lower()
    return bool(host) and (host == api_host or host == "slack.com" or host.endswith(".slack.com"))


async def download(url: str, token: str | None, *, api_url: str, max_bytes: int = MAX_IMPORT_BYTES, timeout: float = 60) -> bytes:
    """Download a Slack file (``url_private``) with the bot token, refusing files over ``max_bytes``
    and URLs outside Slack (the token never leaves Slack)."""
    if not token_may_go_to(url, api_url):
        raise DownloadError("slack.file.not_slack")
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    client_timeout = aiohttp.ClientTimeout(total=timeout, connect=10)
    async with aiohttp.ClientSession(timeout=client_timeout, trust_env=False) as session:
        async with session.get(url, headers=headers, allow_redirects=False) as resp:
            if resp.status != 200:
                raise DownloadError("slack.file.http_error", status=resp.status)
            chunks: list[bytes] = []
            size = 0
            async for chunk in resp.content.iter_chunked(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise DownloadError("slack.file.too_large", mb=max_bytes // (1024 * 1024))
                chunks.append(chunk)
            return b"".join(chunks)
