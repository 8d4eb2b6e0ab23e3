"""Page-level robots directives from ``<meta name=robots|googlebot>`` and the ``X-Robots-Tag`` header.

We judge links the way Google would, so only directives addressed to every crawler or to
``googlebot`` count; ``bingbot: noindex`` does not make a page noindex for us.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

#: meta names whose ``content`` we obey (lower case)
META_NAMES = frozenset({"robots", "googlebot"})
#: user agents in an ``X-Robots-Tag`` prefix that we obey
HEADER_AGENTS = frozenset({"googlebot", "*"})
#: directives that carry a value after a colon and are not a user-agent prefix
_VALUED = frozenset({"unavailable_after", "max-snippet", "max-image-preview", "max-video-preview"})
_AGENT_PREFIX = re.compile(r"^\s*([A-Za-z0-9_*.-]+)\s*:\s*(.*)$", re.S)


@dataclass(frozen=True)
class RobotsDirectives:
    noindex: bool = False
    nofollow: bool = False

    def merge(self, other: "RobotsDirectives") -> "RobotsDirectives":
        return RobotsDirectives(self.noindex or other.noindex, self.nofollow or other.nofollow)


def directives_from_tokens(tokens: Iterable[str]) -> RobotsDirectives:
    """``noindex``/``nofollow``/``none`` (= both) among directive tokens, case-insensitive."""
    noindex = nofollow = False
    for token in tokens:
        token = token.strip().lower()
        if token in ("noindex", "none"):
            noindex = True
        if token in ("nofollow", "none"):
            nofollow = True
    return RobotsDirectives(noindex, nofollow)


def parse_meta_content(content: str | None) -> RobotsDirectives:
    """The ``content`` of a robots meta tag: directives separated by commas (or spaces)."""
    if not content:
        return RobotsDirectives()
    return directives_from_tokens(re.split(r"[\s,;]+", content))


def parse_x_robots_tag(value: str | None) -> RobotsDirectives:
    """An ``X-Robots-Tag`` value (several header lines may be joined with commas or newlines).

    ``googlebot: noindex, nofollow`` applies both directives to googlebot; a later ``otherbot: noindex``
    switches the agent again. Directives without a prefix apply to every crawler.
    """
    if not value:
        return RobotsDirectives()
    result = RobotsDirectives()
    for line in re.split(r"[\r\n]+", value):
        agent: str | None = None  # None: every crawler
        for piece in line.split(","):
            match = _AGENT_PREFIX.match(piece)
            if match and match.group(1).lower() not in _VALUED:
                agent = match.group(1).lower()
                piece = match.group(2)
            if agent is not None and agent not in HEADER_AGENTS:
                continue
            result = result.merge(directives_from_tokens(piece.split()))
    return result
