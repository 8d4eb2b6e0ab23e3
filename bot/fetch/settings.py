"""Fetcher settings: production values by default, tightened or loosened by tests."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from bot.config import DEFAULT_USER_AGENT

if TYPE_CHECKING:
    from bot.config import Settings


@dataclass(frozen=True)
class FetchSettings:
    """How the fetcher behaves. Every default is the production value.

    ``total_timeout`` bounds one attempt at a URL including its redirects and body (Retry-After waits
    and retries come on top, bounded by ``max_retries`` and ``max_retry_after``). ``blocked_networks``
    are CIDR ranges refused even with ``allow_private_networks`` (tests use it to play "internal
    host" on 127.0.0.1 beside a "public" 127.0.0.2). ``retry_backoff`` is the first wait before
    retrying a 5xx/429 answer that has no ``Retry-After`` (doubled each time). A ``Retry-After``
    longer than ``max_retry_after`` is honoured by *not* retrying (the result says how long the site
    asked for), and other requests to that host wait ``max_retry_after`` meanwhile.
    """

    user_agent: str = DEFAULT_USER_AGENT
    allow_private_networks: bool = False
    allowed_ports: frozenset[int] = frozenset({80, 443})
    max_bytes: int = 5_000_000
    total_timeout: float = 20.0
    connect_timeout: float = 10.0
    max_redirects: int = 5
    per_host: int = 2
    global_limit: int = 64
    obey_robots: bool = True
    robots_ttl: float = 86400
    max_retries: int = 2
    max_retry_after: float = 30.0
    retry_backoff: float = 1.0
    robots_max_bytes: int = 512_000
    blocked_networks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.total_timeout <= 0 or self.per_host < 1 or self.global_limit < 1:
            raise ValueError("max_bytes, total_timeout, per_host and global_limit must be positive")
        if self.max_redirects < 0 or self.max_retries < 0:
            raise ValueError("max_redirects and max_retries cannot be negative")

    @classmethod
    def from_settings(cls, settings: "Settings", **overrides: Any) -> "FetchSettings":
        """Fetch settings for the app's :class:`bot.config.Settings`, with ``overrides`` applied."""
        base = cls(user_agent=settings.user_agent, allow_private_networks=settings.allow_private_networks)
        return replace(base, **overrides) if overrides else base

    @property
    def extra_blocked(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """``blocked_networks`` parsed."""
        return tuple(ipaddress.ip_network(net, strict=False) for net in self.blocked_networks)

    @property
    def robots_token(self) -> str:
        """The product token of the User-Agent (``BacklinksBot``), which robots.txt groups match."""
        token = self.user_agent.strip().split("/", 1)[0].split(" ", 1)[0]
        return token or self.user_agent
