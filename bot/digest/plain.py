"""Slack mrkdwn to terminal text: the digest the CLI prints is the Slack digest without the markup.

``*bold*``, ``_italic_`` and ``~strike~`` lose their marks, ``<url|label>`` becomes ``label (url)``
(or the URL alone when the label is part of it), and Slack's ``&amp; &lt; &gt;`` escapes are undone.
"""

from __future__ import annotations

import re
from typing import Any

_LINK = re.compile(r"<([^<>|\s]+)(?:\|([^<>]*))?>")
_MARKS = [
    re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])"),
    re.compile(r"(?<![\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])"),
]


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def mrkdwn_to_text(text: str) -> str:
    """``text`` (Slack mrkdwn) as plain text for a terminal."""
    links: list[str] = []

    def keep(match: re.Match[str]) -> str:
        url = _unescape(match.group(1)).replace("%7C", "|")
        label = _unescape(match.group(2) or "").strip()
        links.append(url if not label or label in url else f"{label} ({url})")
        return f"\x00{len(links) - 1}\x00"

    plain = _LINK.sub(keep, text)
    for mark in _MARKS:
        plain = mark.sub(r"\1", plain)
    plain = _unescape(plain)
    return re.sub("\x00(\\d+)\x00", lambda m: links[int(m.group(1))], plain)


def blocks_to_text(blocks: list[dict[str, Any]]) -> str:
    """The text of Block Kit header, section and context blocks, one paragraph each, markup removed."""
    parts: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind in ("header", "section") and block.get("text"):
            parts.append(mrkdwn_to_text(block["text"]["text"]))
        elif kind == "context":
            parts.append("  ".join(mrkdwn_to_text(element.get("text", "")) for element in block.get("elements", [])))
    return "\n\n".join(part for part in parts if part.strip())
