"""What a fetch returns: a small typed record and the fixed error vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FetchError(StrEnum):
    """Why a page could not be read. The values are the ``error`` strings of ``inspect --json``."""

    PAGE_NOT_FOUND = "page-not-found"  # 404, 410
    SERVER_ERROR = "server-error"  # 5xx (after retries)
    UNREACHABLE = "unreachable"  # DNS failure, connection refused/reset, timeout, too many redirects
    BLOCKED = "blocked"  # 401/403/429, bot challenge, robots.txt disallow
    BLOCKED_ADDRESS = "blocked-address"  # SSRF guard: private/loopback/... address or port not allowed
    NOT_HTML = "not-html"  # Content-Type is not HTML (checked before the body is read)
    TOO_LARGE = "too-large"  # body (decompressed) over the cap, or headers too large
    INVALID_URL = "invalid-url"  # not an absolute http(s) URL


@dataclass(frozen=True)
class FetchResult:
    """The outcome of fetching one URL.

    ``status`` is the final HTTP status (None when no response was had). ``error`` is None when the
    page was fetched and is HTML; then ``html`` holds the decoded text. ``redirects`` lists every URL
    visited before ``final_url``. ``headers`` has lower-case names. ``detail`` is one human sentence
    about the error (for logs and the CLI), never shown as a traceback.
    """

    url: str
    final_url: str
    status: int | None = None
    error: FetchError | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    html: str | None = None
    redirects: tuple[str, ...] = ()
    elapsed: float = 0.0
    detail: str | None = None
    body: bytes | None = None  # raw bytes, set by ``Fetcher.fetch_data`` only

    @property
    def ok(self) -> bool:
        return self.error is None and self.html is not None

    @property
    def redirected(self) -> bool:
        return bool(self.redirects)
