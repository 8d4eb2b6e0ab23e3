"""manifest.yml asks for exactly what the bot uses (no YAML parser needed: the file is simple)."""

from __future__ import annotations

import re
from pathlib import Path

from bot.slack.app import BOT_SCOPES

MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yml"


def section_items(text: str, key: str) -> list[str]:
    m = re.search(rf"^(\s*){key}:\n((?:\1\s+- .*\n)+)", text, re.M)
    assert m, key
    return [line.strip()[2:] for line in m.group(2).splitlines()]


def test_manifest_scopes_events_and_features() -> None:
    text = MANIFEST.read_text()
    assert sorted(section_items(text, "bot")) == sorted(BOT_SCOPES)
    events = section_items(text, "bot_events")
    assert set(events) == {"app_home_opened", "app_mention", "message.im", "file_shared", "app_uninstalled", "tokens_revoked"}
    assert "command: /backlinks" in text and "should_escape: true" in text
    assert "socket_mode_enabled: true" in text and "home_tab_enabled: true" in text and "messages_tab_enabled: true" in text
    assert re.search(r"interactivity:\n\s+is_enabled: true", text)
