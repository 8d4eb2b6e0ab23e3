"""What an HTTP answer means for a backlink check. Pure functions.

Page-status rules: 404/410 is a page that is gone; 401/403/429 (and a few other refusals), bot
challenges and robots.txt disallows are *blocked* (a wall, never a lost link); 5xx is a server error.
"""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Mapping

from bot.fetch.result import FetchError

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
NOT_FOUND_STATUSES = frozenset({404, 410})
# 401/403: refused; 406: mod_security and friends refusing a client; 407: a proxy wants credentials;
# 429: rate limited; 451: unavailable for legal reasons; 999: LinkedIn's "no bots".
BLOCKED_STATUSES = frozenset({401, 403, 406, 407, 429, 451, 999})


def error_for_status(status: int) -> FetchError | None:
    """The page error an HTTP status stands for (None for success)."""
    if 200 <= status < 300:
        return None
    if status in BLOCKED_STATUSES:
        return FetchError.BLOCKED
    if status in NOT_FOUND_STATUSES:
        return FetchError.PAGE_NOT_FOUND
    if 500 <= status < 600:
        return FetchError.SERVER_ERROR
    if 400 <= status < 500:
        return FetchError.PAGE_NOT_FOUND
    return FetchError.UNREACHABLE  # 1xx/3xx left over (a redirect without Location), or nonsense


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), or None."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds or seconds == float("inf"):  # NaN, infinity
        return None
    return max(0.0, seconds)


_CHALLENGE_MARKERS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"<title>\s*just a moment\.*\s*</title>",
        r"<title>\s*attention required!?\s*\|\s*cloudflare\s*</title>",
        r"/cdn-cgi/challenge-platform/",
        r"window\._cf_chl_opt",
        r"<title>\s*ddos-guard\s*</title>",
        r"<title>[^<]*sucuri website firewall[^<]*</title>",
        r"captcha-delivery\.com",  # DataDome
        r"<title>\s*access denied\s*</title>[\s\S]{0,2000}reference\s*#",  # Akamai
        r"<title>\s*checking your browser[^<]*</title>",
    )
)


# Every marker above contains one of these (lower-case) strings.
_CHALLENGE_HINTS = (
    "just a moment", "attention required", "challenge-platform", "_cf_chl_opt", "ddos-guard",
    "sucuri", "captcha-delivery", "access denied", "checking your browser",
)


def is_challenge(status: int, headers: Mapping[str, str], head_text: str = "") -> bool:
    """True for a bot-challenge or bot-wall page (Cloudflare "Just a moment...", DataDome, ...).

    ``headers`` has lower-case names; ``head_text`` is the start of the body (a few KB suffice).
    """
    if headers.get("cf-mitigated", "").strip().lower() == "challenge":
        return True
    if headers.get("x-datadome", "") and status in (403, 429):
        return True
    if not head_text:
        return False
    lowered = head_text.lower()
    if not any(hint in lowered for hint in _CHALLENGE_HINTS):  # cheap substring pass first
        return False
    return any(marker.search(head_text) for marker in _CHALLENGE_MARKERS)


def retry_wait(attempt: int, retry_after: float | None, backoff: float) -> float:
    """Seconds to wait before retry number ``attempt`` (0-based): Retry-After, else doubling backoff."""
    if retry_after is not None:
        return retry_after
    return backoff * (2**attempt)
