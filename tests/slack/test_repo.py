"""storage.slack_repo and storage.workspace: dedupe, preferences, pending uploads, purge."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from storage import slack_repo as repo
from storage.db import connect
from storage.workspace import purge_workspace, team_tables


@pytest.fixture
def db(tmp_path):  # type: ignore[no-untyped-def]
    database = connect(tmp_path / "repo.db")
    yield database
    database.conn.close()


def test_mark_processed_is_once_per_team_and_prunable(db) -> None:  # type: ignore[no-untyped-def]
    assert repo.mark_processed(db, "T1", "event:Ev1")
    assert not repo.mark_processed(db, "T1", "event:Ev1")
    assert repo.mark_processed(db, "T2", "event:Ev1")
    old = datetime.now(timezone.utc) - timedelta(days=3)
    assert repo.mark_processed(db, "T1", "event:Old", at=old)
    assert repo.prune_processed(db) == 1
    assert repo.mark_processed(db, "T1", "event:Old")


def test_user_prefs_and_pending_uploads(db) -> None:  # type: ignore[no-untyped-def]
    assert repo.get_user_prefs(db, "T1", "U1") == repo.UserPrefs(None, None)
    repo.set_user_locale(db, "T1", "U1", "nl-NL")
    repo.set_user_lang(db, "T1", "U1", "en")
    assert repo.get_user_prefs(db, "T1", "U1") == repo.UserPrefs("en", "nl-NL")
    assert repo.get_user_prefs(db, "T2", "U1") == repo.UserPrefs(None, None)
    repo.set_pending_upload(db, "T1", "U1", "mysite.nl", "C1")
    assert repo.get_pending_upload(db, "T1", "U1") == repo.PendingUpload("mysite.nl", "C1")
    assert repo.get_pending_upload(db, "T2", "U1") is None
    repo.set_pending_upload(db, "T1", "U1", "other.nl", None, ttl=timedelta(seconds=-1))
    assert repo.get_pending_upload(db, "T1", "U1") is None
    with pytest.raises(ValueError):
        repo.get_user_prefs(db, "", "U1")


def test_purge_workspace_covers_every_team_table_and_is_idempotent(db) -> None:  # type: ignore[no-untyped-def]
    from storage.backlinks import NewBacklink, add_backlinks
    from storage.sites import add_site

    for team in ("T1", "T2"):
        add_site(db, team, "mysite.nl")
        add_backlinks(db, team, "mysite.nl", [NewBacklink(source_url="https://blog.example/a")], found_by="manual")
        repo.set_user_lang(db, team, "U1", "nl")
        repo.mark_processed(db, team, "event:E")
        repo.save_bot(db, team, "", 1.0, {"bot_token": "x"})
    tables = team_tables(db)
    assert {"sites", "backlinks", "slack_bots", "slack_user_prefs", "slack_processed_events"} <= set(tables)
    assert purge_workspace(db, "T1") > 0
    assert purge_workspace(db, "T1") == 0
    for table in tables:
        assert db.execute(f"SELECT COUNT(*) FROM [{table}] WHERE team_id = 'T1'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM backlinks WHERE team_id = 'T2'").fetchone()[0] == 1
    assert repo.find_bot(db, "T2", "") == {"bot_token": "x"}
