"""Unanswered questions: text and time only, per workspace, never read across workspaces."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from storage.db import connect
from storage.faq_repo import list_unanswered, record_unanswered


def test_schema_holds_nothing_but_team_text_and_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = connect(tmp_path / "t.db")
    cols = {c.name: c for c in db["faq_unanswered"].columns}
    assert set(cols) == {"team_id", "text", "asked_at"}
    assert db.execute("SELECT \"notnull\" FROM pragma_table_info('faq_unanswered') WHERE name='team_id'").fetchone()[0] == 1


def test_workspaces_never_see_each_other(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = connect(tmp_path / "t.db")
    start = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)
    record_unanswered(db, "T_A", "wat wordt het weer morgen?", start)
    record_unanswered(db, "T_B", "secret question of B", start + timedelta(minutes=1))
    record_unanswered(db, "T_A", "hoe laat gaat de trein?", start + timedelta(minutes=2))
    a = list_unanswered(db, "T_A")
    b = list_unanswered(db, "T_B")
    assert [q.text for q in a] == ["hoe laat gaat de trein?", "wat wordt het weer morgen?"]
    assert [q.text for q in b] == ["secret question of B"]
    assert a[0].asked_at == "2026-11-01T09:02:00+00:00"
    assert list_unanswered(db, "T_C") == []
    assert [q.text for q in list_unanswered(db, "T_A", limit=1)] == ["hoe laat gaat de trein?"]


def test_team_id_is_required_and_text_is_tidied(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = connect(tmp_path / "t.db")
    with pytest.raises(ValueError):
        record_unanswered(db, "", "question")
    with pytest.raises(ValueError):
        list_unanswered(db, "")
    record_unanswered(db, "T1", "  many   spaces\nand lines  " + "x" * 900)
    record_unanswered(db, "T1", "   ")  # nothing to keep
    rows = list_unanswered(db, "T1")
    assert len(rows) == 1 and rows[0].text.startswith("many spaces and lines x") and len(rows[0].text) == 500
    assert rows[0].asked_at.endswith("+00:00")
