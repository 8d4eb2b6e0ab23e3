"""The shared fake Slack plus what digests need: message metadata and ``conversations.history``."""

from __future__ import annotations

from typing import Any

from tests.fakeslack import FakeSlack
from tests.fakeslack.server import _json


class DigestFakeSlack(FakeSlack):
    """Keeps each posted message's ``metadata`` and serves it back from ``conversations.history``."""

    def __init__(self) -> None:
        super().__init__()
        self.metadata: dict[tuple[str, str], dict[str, Any]] = {}
        self.history_error: str | None = None

    def _m_chat_postMessage(self, team, params):  # type: ignore[no-untyped-def]
        result = super()._m_chat_postMessage(team, params)
        meta = _json(params.get("metadata"))
        if isinstance(meta, dict):
            self.metadata[(result["channel"], result["ts"])] = meta
        return result

    def _m_conversations_history(self, team, params):  # type: ignore[no-untyped-def]
        if self.history_error:
            return {"ok": False, "error": self.history_error}
        channel = str(params.get("channel"))
        oldest = float(params.get("oldest") or 0)
        include = str(params.get("include_all_metadata")).lower() in ("true", "1")
        messages = []
        for (ch, ts), msg in sorted(self.messages.items(), key=lambda kv: kv[0][1], reverse=True):
            if ch != channel or msg.team_id != team.id or msg.thread_ts:
                continue
            if float(ts) < oldest:
                continue
            item: dict[str, Any] = {"type": "message", "ts": ts, "text": msg.text}
            if include and (ch, ts) in self.metadata:
                item["metadata"] = self.metadata[(ch, ts)]
            messages.append(item)
        return {"ok": True, "messages": messages, "has_more": False}

    def digests(self, team_id: str | None = None) -> list[Any]:
        """Top-level digest messages (with our marker), oldest first."""
        return [
            m
            for key, m in self.messages.items()
            if (team_id is None or m.team_id == team_id)
            and (self.metadata.get(key) or {}).get("event_type") == "backlinks_digest"
        ]
