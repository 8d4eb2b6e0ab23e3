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


def test_digest_is_the_slack_report_in_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    """One function, one truth: `digest --json` is build_report's JSON with issue 3's keys, `weekly` is an
    alias, the text is the Slack message without Slack markup, and the help shows a real % sign."""
    db = connect(Settings.from_env().db_path)
    now = datetime.now(timezone.utc)
    site = make_site(db, "local", "mysite.nl", created=now - timedelta(days=60))
    link = add_link(db, "local", site, "https://news.example/a_b?x=1&y=2", added=now - timedelta(days=2))
    add_event(db, "local", site, link, "appeared", now - timedelta(days=2))
    db.conn.close()

    assert main(["digest", "mysite.nl", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"site", "period", "gained", "lost", "changed", "totals"} <= set(data)
    assert {"series", "loss_rate", "target", "competitors", "net_live"} <= set(data)
    assert set(data["period"]) == {"start", "end"} and data["totals"]["gained"] == 1
    assert data["gained"][0]["source_url"] == "https://news.example/a_b?x=1&y=2"

    assert main(["weekly", "mysite.nl", "--now", "--json"]) == 0
    alias = json.loads(capsys.readouterr().out)
    assert [g["source_url"] for g in alias["gained"]] == [g["source_url"] for g in data["gained"]]

    assert main(["digest", "mysite.nl", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Weekly backlinks: mysite.nl" in out and "+1 new" in out
    assert "https://news.example/a_b?x=1&y=2" in out
    for markup in ("*", "<http", "|", "&amp;"):
        assert markup not in out, markup

    with pytest.raises(SystemExit):
        main(["digest", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "5-15 % a year" in help_text and "%%" not in help_text
    assert main(["digest", "mysite.nl", "--days", "0"]) == 2
    assert "--days" in capsys.readouterr().err


def test_digest_week_and_weekly_alias_report_the_last_digest_week(capsys: pytest.CaptureFixture[str]) -> None:
    from zoneinfo import ZoneInfo

    db = connect(Settings.from_env().db_path)
    make_site(db, "local", "mysite.nl", created=datetime.now(timezone.utc) - timedelta(days=60))
    db.conn.close()
    assert main(["digest", "mysite.nl", "--week", "--json"]) == 0
    week = json.loads(capsys.readouterr().out)
    end = datetime.fromisoformat(week["period"]["end"]).astimezone(ZoneInfo("Europe/Amsterdam"))
    assert (end.weekday(), end.hour, end.minute) == (0, 9, 0)  # Monday 09:00, the default slot
    assert main(["weekly", "mysite.nl", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["period"] == week["period"]
    with pytest.raises(SystemExit):  # one period or the other
        main(["digest", "mysite.nl", "--week", "--days", "3"])
    assert "not allowed with" in capsys.readouterr().err
