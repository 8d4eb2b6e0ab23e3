"""Watch lists, page selection and workspace isolation in the discovery repository (real SQLite)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.discover.crawl import choose_pages, crawl_delay_of
from bot.errors import UserInputError
from storage import discover_repo as repo
from storage.backlinks import NewBacklink, add_backlinks
from storage.db import connect
from storage.discover_repo import PageState
from storage.sites import add_site, remove_site
from storage.workspace import purge_workspace

NOW = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)


def test_auto_watch_list_follows_referring_hosts_of_site_and_competitors(tmp_path: Path) -> None:
    db = connect(tmp_path / "db.sqlite")
    add_site(db, "T1", "bakkerij-jansen.nl")
    add_site(db, "T1", "concurrent.nl", competitor_of="bakkerij-jansen.nl")
    add_site(db, "T1", "ander.nl")  # another own site: its links are not this site's watch list
    add_backlinks(db, "T1", "bakkerij-jansen.nl", [NewBacklink("https://www.gemeente.nl/a"), NewBacklink("https://gemeente.nl/b")], found_by="manual")
    add_backlinks(db, "T1", "concurrent.nl", [NewBacklink("https://blog.bakkers.nl/x"), NewBacklink("https://ander.nl/partner")], found_by="manual")
    add_backlinks(db, "T1", "ander.nl", [NewBacklink("https://elders.nl/")], found_by="manual")
    assert repo.refresh_auto_watch(db, "T1", "bakkerij-jansen.nl") == 2
    assert [(w.domain, w.origin) for w in repo.list_watch(db, "T1", "bakkerij-jansen.nl")] == [
        ("blog.bakkers.nl", "auto"), ("gemeente.nl", "auto"),
    ]
    assert repo.remove_watch(db, "T1", "bakkerij-jansen.nl", ["gemeente.nl", "nooit.nl"]) == ["gemeente.nl"]
    repo.refresh_auto_watch(db, "T1", "bakkerij-jansen.nl")
    assert [w.domain for w in repo.list_watch(db, "T1", "bakkerij-jansen.nl")] == ["blog.bakkers.nl"]
    assert repo.add_watch(db, "T1", "bakkerij-jansen.nl", ["https://www.KVK.nl/zoeken", "www.kvk.nl"]) == ["www.kvk.nl"]
    assert repo.add_watch(db, "T1", "bakkerij-jansen.nl", ["www.kvk.nl"]) == []
    with pytest.raises(UserInputError):
        repo.add_watch(db, "T1", "bakkerij-jansen.nl", ["shop.bakkerij-jansen.nl"])
    with pytest.raises(UserInputError):
        repo.add_watch(db, "T1", "bakkerij-jansen.nl", ["localhost"])
    # the competitor's referring host goes away: its auto entry goes too; user entries stay
    db.execute("DELETE FROM backlinks WHERE team_id = 'T1' AND source_url = 'https://blog.bakkers.nl/x'")
    repo.refresh_auto_watch(db, "T1", "bakkerij-jansen.nl")
    assert [w.domain for w in repo.list_watch(db, "T1", "bakkerij-jansen.nl")] == ["www.kvk.nl"]
    assert set(repo.watched_domains(db, "T1")) == {"www.kvk.nl"}
    repo.refresh_auto_watch(db, "T1", "ander.nl")
    assert set(repo.watched_domains(db, "T1")) == {"www.kvk.nl", "elders.nl"}
    # another workspace sees nothing of it
    add_site(db, "T2", "bakkerij-jansen.nl")
    assert repo.list_watch(db, "T2", "bakkerij-jansen.nl") == [] and repo.watched_domains(db, "T2") == []
    # removing a site or the workspace removes its watch list and mentions
    remove_site(db, "T1", "ander.nl")
    assert set(repo.watched_domains(db, "T1")) == {"www.kvk.nl"}
    assert purge_workspace(db, "T1") > 0
    assert db.execute("SELECT COUNT(*) FROM discover_watch WHERE team_id = 'T1'").fetchone()[0] == 0


def state(url: str, *, lastmod: str | None = None, fetched: datetime | None = None) -> PageState:
    return PageState(url, None, None, lastmod, fetched.isoformat() if fetched else None, "fetched")


def test_choose_pages_new_changed_stale_most_recent_first() -> None:
    d = lambda day: datetime(2026, 11, day, tzinfo=timezone.utc)  # noqa: E731
    entries = {
        "https://a.nl/new-old": d(1),
        "https://a.nl/new-recent": d(20),
        "https://a.nl/undated-new": None,
        "https://a.nl/known-same": d(10),
        "https://a.nl/known-changed": d(22),
        "https://a.nl/known-undated-fresh": None,
        "https://a.nl/known-undated-stale": None,
        "https://a.nl/": d(23),
    }
    states = {
        "https://a.nl/known-same": state("https://a.nl/known-same", lastmod="2026-11-10T00:00:00+00:00", fetched=d(11)),
        "https://a.nl/known-changed": state("https://a.nl/known-changed", lastmod="2026-11-10T00:00:00+00:00", fetched=d(11)),
        "https://a.nl/known-undated-fresh": state("https://a.nl/known-undated-fresh", fetched=NOW - timedelta(days=3)),
        "https://a.nl/known-undated-stale": state("https://a.nl/known-undated-stale", fetched=NOW - timedelta(days=40)),
    }
    chosen = choose_pages(entries, states, limit=10, now=NOW, refetch_days=30, skip=["https://a.nl/"])
    assert [p.url for p in chosen] == [
        "https://a.nl/known-changed", "https://a.nl/new-recent", "https://a.nl/new-old", "https://a.nl/undated-new",
        "https://a.nl/known-undated-stale",
    ]
    assert chosen[0].lastmod == "2026-11-22T00:00:00+00:00"
    assert [p.url for p in choose_pages(entries, states, limit=2, now=NOW, refetch_days=30)] == [
        "https://a.nl/", "https://a.nl/known-changed",
    ]


def test_crawl_delay_from_robots() -> None:
    from protego import Protego

    from bot.fetch.robots import RobotsRules, RobotsState

    def rules(text: str) -> RobotsRules:
        return RobotsRules(RobotsState.PARSED, "test", Protego.parse(text))

    assert crawl_delay_of(rules("User-agent: *\nCrawl-delay: 5"), "TestBot", 1.0) == 5.0
    assert crawl_delay_of(rules("User-agent: TestBot\nCrawl-delay: 2\nUser-agent: *\nCrawl-delay: 9"), "TestBot", 0.0) == 2.0
    assert crawl_delay_of(rules("User-agent: *\nRequest-rate: 1/10s"), "TestBot", 1.0) == 10.0
    assert crawl_delay_of(rules("User-agent: *\nCrawl-delay: nonsense"), "TestBot", 1.0) == 1.0
    assert crawl_delay_of(rules("User-agent: *\nDisallow:"), "TestBot", 0.5) == 0.5
    assert crawl_delay_of(RobotsRules(RobotsState.ALLOW_ALL, "none"), "TestBot", 0.25) == 0.25
