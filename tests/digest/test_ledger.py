"""The exactly-once ledger against a real SQLite file, with two connections as two instances."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from bot.scheduler import ledger
from bot.scheduler.ledger import ClaimResult, STALE_AFTER
from storage.db import connect

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)


@pytest.fixture()
def dbs(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "ledger.db"
    first = connect(path)
    second = connect(path)
    yield first, second
    first.conn.close()
    second.conn.close()


def claim(db, instance: str, now: datetime = NOW, **kw):  # type: ignore[no-untyped-def]
    return ledger.claim(db, "T1", 1, "2026-W48", instance=instance, now=now, channel_id="C1", **kw)


def test_first_claim_wins_second_instance_is_busy(dbs) -> None:  # type: ignore[no-untyped-def]
    a, b = dbs
    assert claim(a, "A").result is ClaimResult.CLAIMED
    assert claim(b, "B").result is ClaimResult.BUSY
    assert claim(a, "A").result is ClaimResult.BUSY  # the same instance does not post twice either


def test_sent_is_final_across_restarts(dbs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = dbs
    claim(a, "A")
    assert ledger.mark_sent(a, "T1", 1, "2026-W48", instance="A", now=NOW, message_ts="111.1", channel_id="C1")
    # A restarted process (new instance id) a minute or a week later:
    for later in (NOW + timedelta(minutes=1), NOW + timedelta(days=6)):
        assert claim(b, "A2", later).result is ClaimResult.ALREADY_SENT
    row = ledger.get_row(b, "T1", 1, "2026-W48")
    assert row["state"] == "sent" and row["message_ts"] == "111.1"


def test_stale_sending_claim_is_recovered_by_exactly_one_instance(dbs) -> None:  # type: ignore[no-untyped-def]
    a, b = dbs
    claim(a, "dead")
    later = NOW + STALE_AFTER + timedelta(seconds=1)
    first = claim(a, "A", later)
    second = claim(b, "B", later)
    assert first.result is ClaimResult.RECOVER and first.previous["claimed_by"] == "dead"
    assert second.result is ClaimResult.BUSY
    # The dead instance cannot record anything any more.
    assert not ledger.mark_sent(a, "T1", 1, "2026-W48", instance="dead", now=later, message_ts="1", channel_id="C1")
    assert ledger.mark_sent(a, "T1", 1, "2026-W48", instance="A", now=later, message_ts="2", channel_id="C1", recovered=True)


def test_concurrent_claims_from_threads_only_one_wins(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "race.db"
    connect(path).conn.close()
    results: list[ClaimResult] = []
    barrier = threading.Barrier(8)

    def worker(i: int) -> None:
        db = connect(path)
        barrier.wait()
        results.append(claim(db, f"I{i}").result)
        db.conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(ClaimResult.CLAIMED) == 1
    assert results.count(ClaimResult.BUSY) == 7


def test_failed_transient_is_retried_up_to_max_then_given_up(dbs) -> None:  # type: ignore[no-untyped-def]
    a, _ = dbs
    now = NOW
    for attempt in range(ledger.MAX_ATTEMPTS):
        assert claim(a, "A", now).result is ClaimResult.CLAIMED
        ledger.mark_failed(a, "T1", 1, "2026-W48", instance="A", now=now, error="ratelimited")
        now += timedelta(minutes=15)
    assert claim(a, "A", now).result is ClaimResult.GIVE_UP
    assert ledger.get_row(a, "T1", 1, "2026-W48")["attempts"] == ledger.MAX_ATTEMPTS


def test_permanent_failure_waits_for_a_settings_change(dbs) -> None:  # type: ignore[no-untyped-def]
    a, _ = dbs
    claim(a, "A")
    ledger.mark_failed(a, "T1", 1, "2026-W48", instance="A", now=NOW, error="not_in_channel")
    assert claim(a, "A", NOW + timedelta(hours=1), settings_updated_at="2026-11-23T07:00:00+00:00").result is ClaimResult.GIVE_UP
    changed = (NOW + timedelta(minutes=30)).isoformat()
    assert claim(a, "A", NOW + timedelta(hours=1), settings_updated_at=changed).result is ClaimResult.CLAIMED
    # Without a settings change: tried again after PERMANENT_RETRY_AFTER (the bot may have been invited).
    ledger.mark_failed(a, "T1", 1, "2026-W48", instance="A", now=NOW + timedelta(hours=1), error="not_in_channel")
    assert claim(a, "A", NOW + timedelta(hours=6, minutes=59)).result is ClaimResult.GIVE_UP
    assert claim(a, "A", NOW + timedelta(hours=7)).result is ClaimResult.CLAIMED


def test_manual_send_counts_for_the_week_only_when_nothing_recorded(dbs) -> None:  # type: ignore[no-untyped-def]
    a, _ = dbs
    assert ledger.record_manual_sent(a, "T1", 2, "2026-W48", instance="A", now=NOW, message_ts="5.5", channel_id="C1")
    assert claim(a, "A").result is ClaimResult.CLAIMED  # site 1 untouched
    assert ledger.claim(a, "T1", 2, "2026-W48", instance="A", now=NOW, channel_id="C1").result is ClaimResult.ALREADY_SENT
    # A manual post never overwrites a scheduled 'sending' claim.
    assert not ledger.record_manual_sent(a, "T1", 1, "2026-W48", instance="B", now=NOW, message_ts="6.6", channel_id="C1")


def test_marker_round_trip() -> None:
    meta = ledger.marker("T1", 7, "2026-W48")
    assert ledger.is_marker({"ts": "1.0", "metadata": meta}, "T1", 7, "2026-W48")
    assert not ledger.is_marker({"ts": "1.0", "metadata": meta}, "T1", 7, "2026-W49")
    assert not ledger.is_marker({"ts": "1.0", "metadata": meta}, "T2", 7, "2026-W48")
    assert not ledger.is_marker({"ts": "1.0"}, "T1", 7, "2026-W48")


def test_unverified_is_never_retried_automatically(dbs) -> None:  # type: ignore[no-untyped-def]
    a, _ = dbs
    claim(a, "A")
    ledger.mark_failed(a, "T1", 1, "2026-W48", instance="A", now=NOW, error="unverified")
    assert claim(a, "A", NOW + timedelta(days=3)).result is ClaimResult.GIVE_UP
    changed = (NOW + timedelta(hours=1)).isoformat()
    assert claim(a, "A", NOW + timedelta(hours=2), settings_updated_at=changed).result is ClaimResult.CLAIMED
