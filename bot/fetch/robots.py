"""robots.txt rules with RFC 9309 semantics, parsed by ``protego``. Pure; the fetcher does the I/O.

- 2xx: obey the file.
- 4xx (except 429), or more redirects than we follow: "unavailable", everything is allowed.
- 5xx, 429, unreachable (DNS, connection, timeout) or refused by the address guard: "unreachable",
  everything is disallowed (the site may be in trouble; we come back later).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.fetch.result import FetchError

if TYPE_CHECKING:
    from protego import Protego


class RobotsState(StrEnum):
    PARSED = "parsed"
    ALLOW_ALL = "allow-all"
    DISALLOW_ALL = "disallow-all"


@dataclass(frozen=True)
class RobotsRules:
    """The rules of one origin (scheme, host, port) and why they are what they are."""

    state: RobotsState
    reason: str
    parser: "Protego | None" = None
    # Set when robots.txt could not be fetched because the site itself is unreachable or refused
    # by the address guard (not via a redirect): the page gets this error rather than ``blocked``.
    site_error: FetchError | None = None
    site_detail: str | None = None

    def allows(self, url: str, token: str) -> bool:
        """May a robot named ``token`` fetch ``url``?"""
        if self.state is RobotsState.ALLOW_ALL:
            return True
        if self.state is RobotsState.DISALLOW_ALL:
            return False
        assert self.parser is not None
        return bool(self.parser.can_fetch(url, token))

    @property
    def ok(self) -> bool:
        """True when the file was read (or legitimately absent), as opposed to unreachable."""
        return self.state is not RobotsState.DISALLOW_ALL


def rules_from_response(status: int, body: bytes) -> RobotsRules:
    """Rules for a robots.txt answer with HTTP ``status`` and (capped) ``body``."""
    if 200 <= status < 300:
        from protego import Protego

        text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
        try:
            parser = Protego.parse(text)
        except Exception:  # protego is lenient; a crash here must not take the fetch down
            return RobotsRules(RobotsState.ALLOW_ALL, "robots.txt could not be parsed")
        return RobotsRules(RobotsState.PARSED, f"robots.txt (HTTP {status})", parser)
    if status == 429 or status >= 500:
        return RobotsRules(RobotsState.DISALLOW_ALL, f"robots.txt answered HTTP {status}")
    if 400 <= status < 500:
        return RobotsRules(RobotsState.ALLOW_ALL, f"no robots.txt (HTTP {status})")
    return RobotsRules(RobotsState.ALLOW_ALL, f"robots.txt answered HTTP {status}")


def unreachable_rules(
    why: str, site_error: FetchError | None = None, site_detail: str | None = None
) -> RobotsRules:
    return RobotsRules(
        RobotsState.DISALLOW_ALL, f"robots.txt could not be fetched: {why}", None, site_error, site_detail
    )


def too_many_redirects_rules() -> RobotsRules:
    return RobotsRules(RobotsState.ALLOW_ALL, "robots.txt redirects too often (treated as absent)")
