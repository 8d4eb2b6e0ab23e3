"""Sites and backlinks repositories on a real SQLite file."""

from __future__ import annotations

import pytest

from bot.errors import NotFoundError, UserInputError
from storage.backlinks import NewBacklink, add_backlinks, clean_source_url, get_backlink, list_backlinks, remove_backlinks, site_summary
from storage.checks import start_check
from storage.db import connect
from storage.sites import add_site, competitors_of, get_site, list_sites, remove_site, require_site, set_site_channel, set_site_terms


@pytest.fixture
def db(tmp_path):  # type: ignore[no-untyped-def]
    database = connect(tmp_path / "repo.db")
    yield database
    database.conn.close()


def test_sites_are_normalised_idempotent_and_roles_only_upgrade(db) -> None:  # type: ignore[no-untyped-def]
    site = add_site(db, "T", "https://WWW.MySite.NL/shop")
    assert (site.domain, site.role) == ("mysite.nl", "own")
    assert add_site(db, "T", "mysite.nl").id == site.id
    rival = add_site(db, "T", "rival.nl", competitor_of="mysite.nl")
    assert rival.role == "competitor" and [s.domain for s in competitors_of(db, "T", "mysite.nl")] == ["rival.nl"]
    add_site(db, "T", "mysite.nl", role="competitor")
    assert require_site(db, "T", "mysite.nl").role == "own"  # never demoted
    assert add_site(db, "T", "rival.nl").role == "competitor"  # tracked again: stays a competitor
    with pytest.raises(UserInputError, match="each other's competitors"):
        add_site(db, "T", "mysite.nl", competitor_of="rival.nl")  # a loop
    assert add_site(db, "T", "rival.nl", role="own").role == "own"  # only an explicit role promotes
    assert [s.domain for s in list_sites(db, "T")] == ["mysite.nl", "rival.nl"]
    assert set_site_channel(db, "T", "mysite.nl", "C1").channel_id == "C1"
    terms = set_site_terms(db, "T", "mysite.nl", brands=["My Site", " my  site ", "MySite"], keywords=["shoes"])
    assert terms.brands == ("My Site", "MySite") and terms.keywords == ("shoes",)


def test_unknown_site_and_bad_input_are_one_sentence_errors(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="backlinks track nope.nl"):
        require_site(db, "T", "nope.nl")
    with pytest.raises(NotFoundError):
        add_site(db, "T", "x.nl", competitor_of="nope.nl")
    add_site(db, "T", "x.nl")
    with pytest.raises(UserInputError):
        add_site(db, "T", "x.nl", competitor_of="x.nl")
    with pytest.raises(UserInputError):
        add_site(db, "T", "not a domain")
    with pytest.raises(ValueError):
        get_site(db, "", "x.nl")


def test_backlinks_merge_reject_and_keep_claims(db) -> None:  # type: ignore[no-untyped-def]
    add_site(db, "T", "site.nl")
    first = add_backlinks(
        db, "T", "site.nl",
        [
            NewBacklink("https://Blog.Example.com/post#comments", "https://site.nl/a", anchor="A", first_seen="2025-03-01"),
            NewBacklink("https://blog.example.com/post", anchor="B", first_seen="2025-01-01", kind="nofollow"),
            NewBacklink("ftp://files.example.com/x"),
            NewBacklink("https://www.site.nl/internal"),
            NewBacklink("https://news.example.org/"),
        ],
        found_by="ahrefs",
    )
    assert (first.added, first.merged) == (2, 1)
    assert [(r.reason) for r in first.rejected] == ["invalid-url", "same-site"]
    again = add_backlinks(db, "T", "site.nl", [NewBacklink("https://news.example.org", first_seen="2024-05-05")], found_by="manual")
    assert (again.added, again.merged) == (0, 1)
    post = get_backlink(db, "T", "site.nl", "https://blog.example.com/post")
    assert post is not None
    assert (post.target_url, post.first_seen, post.claimed_anchor, post.claimed_kind, post.status) == (
        "https://site.nl/a", "2025-01-01", "A", "nofollow", "pending")
    assert post.anchor is None and post.kind is None  # claims are not observations
    news = get_backlink(db, "T", "site.nl", "https://news.example.org/")
    assert news is not None and news.first_seen == "2024-05-05" and news.found_by == "ahrefs"
    assert clean_source_url("HTTPS://user:pw@Example.com?q=1#f") == "https://example.com/?q=1"
    assert clean_source_url("example.com/page") is None


def test_summary_remove_and_cascade(db) -> None:  # type: ignore[no-untyped-def]
    add_site(db, "T", "site.nl")
    add_backlinks(db, "T", "site.nl", [NewBacklink(f"https://b{i}.example.com/") for i in range(4)], found_by="list")
    db.execute("UPDATE backlinks SET status = 'live', kind = 'dofollow' WHERE source_url LIKE 'https://b0%' OR source_url LIKE 'https://b1%'")
    db.execute("UPDATE backlinks SET status = 'blocked' WHERE source_url LIKE 'https://b2%'")
    summary = site_summary(db, "T", "site.nl")
    assert (summary.total, summary.live, summary.blocked, summary.pending, summary.referring_domains) == (4, 2, 1, 1, 1)
    assert summary.by_kind == {"dofollow": 2}
    assert [b.status for b in list_backlinks(db, "T", "site.nl", status="live")] == ["live", "live"]
    with pytest.raises(ValueError):
        list_backlinks(db, "T", "site.nl", status="gone")
    assert remove_backlinks(db, "T", "site.nl", ["https://b3.example.com", "https://unknown.example.com/"]) == 1
    start_check(db, "T", "site.nl")
    assert remove_site(db, "T", "site.nl") is True
    assert remove_site(db, "T", "site.nl") is False
    for table in ("backlinks", "checks", "observations", "events", "sites"):
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_stale_running_checks_are_interrupted_live_ones_refuse(db) -> None:  # type: ignore[no-untyped-def]
    from storage.checks import CheckRunningError, get_check

    add_site(db, "T", "site.nl")
    first = start_check(db, "T", "site.nl", pid=4242, host="here", is_alive=lambda pid: True)
    with pytest.raises(CheckRunningError):
        start_check(db, "T", "site.nl", pid=1, host="here", is_alive=lambda pid: True)
    # same pid alive but silent for long: the pid was reused by another program
    db.execute("UPDATE checks SET heartbeat_at = '2020-01-01T00:00:00+00:00' WHERE id = ?", [first.check_id])
    second = start_check(db, "T", "site.nl", pid=1, host="here", is_alive=lambda pid: True)
    assert second.interrupted == (first.check_id,) and get_check(db, "T", first.check_id).state == "interrupted"
    # another machine: only the heartbeat tells
    with pytest.raises(CheckRunningError):
        start_check(db, "T", "site.nl", pid=1, host="elsewhere")
    # our own pid, not running here: left over from a crashed task
    third = start_check(db, "T", "site.nl", pid=1, host="here", running_here=())
    assert third.interrupted == (second.check_id,)
