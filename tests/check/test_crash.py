"""A check killed with SIGKILL halfway leaves a consistent database; the next check completes."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.check.engine import check_site
from storage.checks import list_checks, list_events
from storage.db import connect
from storage.store import Store
from tests.check.helpers import article, seed
from tests.localweb import LocalWeb

HOSTS, PAGES = 10, 6
ROOT = Path(__file__).resolve().parents[2]


def urls() -> list[str]:
    return [f"http://h{i}.nl/p{p}" for i in range(HOSTS) for p in range(PAGES)]


def checked_so_far(path: Path) -> int:
    conn = sqlite3.connect(path, timeout=5)
    try:
        row = conn.execute("SELECT checked FROM checks ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else 0
    finally:
        conn.close()


async def test_kill_9_mid_check_keeps_earlier_observations_and_next_check_completes(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    db = connect(path)
    seed(db, "T1", "site.nl", urls())
    db.conn.close()

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.check.crash_child", str(path), str(HOSTS), str(PAGES)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and checked_so_far(path) < 9:
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    db = connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (check_id, state, checked), = db.execute("SELECT id, state, checked FROM checks").fetchall()
    assert state == "running" and 9 <= checked < HOSTS * PAGES
    observed = db.execute("SELECT COUNT(*) FROM observations WHERE check_id = ?", [check_id]).fetchone()[0]
    assert observed == checked  # every batch whole or absent
    touched = db.execute("SELECT COUNT(*) FROM backlinks WHERE last_checked_at IS NOT NULL").fetchone()[0]
    assert touched == observed
    appeared = db.execute("SELECT COUNT(*) FROM events WHERE type = 'appeared'").fetchone()[0]
    assert appeared == observed
    db.conn.close()

    store = Store(path)
    await store.open()
    try:
        async with LocalWeb() as web:
            for i in range(HOSTS):
                host = await web.add_host(f"h{i}.nl")
                for p in range(PAGES):
                    host.page(f"/p{p}", article())
            async with web.fetcher(max_retries=0) as fetcher:
                report = await check_site(store, fetcher, "T1", "site.nl")
        assert report.state == "done" and report.checked == HOSTS * PAGES and report.live == HOSTS * PAGES
        assert report.interrupted_checks == (check_id,)
        checks = await store.call(list_checks, "T1", "site.nl")
        assert [c.state for c in checks] == ["done", "interrupted"]
        events = await store.call(list_events, "T1", "site.nl", types=["appeared"])
        assert len(events) == HOSTS * PAGES  # each link appeared once, whichever check saw it first
    finally:
        await store.aclose()
