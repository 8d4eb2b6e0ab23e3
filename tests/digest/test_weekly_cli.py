"""``backlinks weekly SITE``: the Slack digest's report on the command line."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from bot.cli import main
from bot.config import Settings
from storage.db import connect
from tests.digest.history import add_event, add_link, make_site


def test_weekly_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    db = connect(Settings.from_env().db_path)
    now = datetime.now(timezone.utc)
    site = make_site(db, "local", "mysite.nl", created=now - timedelta(days=60))
    for i in range(3):
        link = add_link(db, "local", site, f"https://n{i}.example/a", added=now - timedelta(days=2))
        add_event(db, "local", site, link, "appeared", now - timedelta(days=2))
    db.conn.close()

    assert main(["weekly", "mysite.nl", "--now", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["gained"]) == 3 and data["net_live"] == 3 and len(data["series"]) == 12
    assert data["loss_rate"]["verdict"] in ("low", "unknown") and data["target"]["quality_links"] == 3

    assert main(["weekly", "mysite.nl", "--now", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "Backlinks van de week: mysite.nl" in out and "n0.example" in out

    assert main(["weekly", "nosuch.nl"]) == 2
    assert "error:" in capsys.readouterr().err
