"""The weekly report from history: series, net change, loss rate, target, competitors, quiet week."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.digest.report import build_report, series_at, week_ends
from storage.db import connect
from storage.digest_repo import iso
from tests.digest.history import add_event, add_link, lose, make_site

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")
END = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Monday 09:00 Amsterdam
START = END - timedelta(days=7)


@pytest.fixture()
def db(tmp_path):  # type: ignore[no-untyped-def]
    database = connect(tmp_path / "r.db")
    yield database
    database.conn.close()


def naive_state(db, team_id: str, site_id: int, moment: datetime) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Per-link forward replay of every state event before ``moment`` (the obvious, slow way)."""
    live, domains = 0, set()
    for link_id, domain in db.execute("SELECT id, source_domain FROM backlinks WHERE team_id = ? AND site_id = ?", [team_id, site_id]).fetchall():
        state = False
        for (kind,) in db.execute(
            "SELECT type FROM events WHERE team_id = ? AND backlink_id = ? AND at < ? AND type IN ('appeared','lost','returned') ORDER BY at, id",
            [team_id, link_id, iso(moment)],
        ):
            state = kind != "lost"
        if state:
            live += 1
            domains.add(domain)
    return live, len(domains)


def random_history(db, team_id: str, site_id: int, *, links: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    for i in range(links):
        first = END - timedelta(days=rng.uniform(1, 120))
        link = add_link(db, team_id, site_id, f"https://d{rng.randint(0, links // 3)}.example/p{i}", added=first)
        add_event(db, team_id, site_id, link, "appeared", first)
        at, live = first, True
        while rng.random() < 0.4:
            at = at + timedelta(days=rng.uniform(1, 30))
            if at >= END + timedelta(days=3):
                break
            if live:
                lose(db, team_id, site_id, link, at)
            else:
                db.execute("UPDATE backlinks SET status = 'live' WHERE id = ?", [link])
                add_event(db, team_id, site_id, link, "returned", at)
            live = not live


def test_series_matches_a_naive_replay(db) -> None:  # type: ignore[no-untyped-def]
    site = make_site(db, "T1", "mysite.nl", created=END - timedelta(days=200))
    random_history(db, "T1", site, links=150, seed=4)
    other = make_site(db, "T2", "mysite.nl", created=END - timedelta(days=200))
    random_history(db, "T2", other, links=40, seed=5)  # another workspace never leaks in
    moments = week_ends(END, AMS)
    points = series_at(db, "T1", site, moments)
    assert [p.at for p in points] == [iso(m) for m in moments]
    for point, moment in zip(points, moments):
        assert (point.live, point.domains) == naive_state(db, "T1", site, moment)
    assert len({p.live for p in points}) > 3  # the history really moves


def test_week_ends_are_local_weeks_across_dst() -> None:
    end = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 CET, a week after the October change
    ends = week_ends(end, AMS)
    assert len(ends) == 12
    assert all(e.astimezone(AMS).hour == 9 and e.astimezone(AMS).weekday() == 0 for e in ends)


def test_report_gained_lost_changed_and_net(db) -> None:  # type: ignore[no-untyped-def]
    site = make_site(db, "T1", "mysite.nl", created=END - timedelta(days=120))
    old = []
    for i in range(20):
        link = add_link(db, "T1", site, f"https://old{i}.example/a", added=END - timedelta(days=100))
        add_event(db, "T1", site, link, "appeared", END - timedelta(days=100))
        old.append(link)
    lose(db, "T1", site, old[0], END - timedelta(days=2), reason="page-not-found")
    lose(db, "T1", site, old[1], END - timedelta(days=40))
    weak = add_link(db, "T1", site, "https://forum.example/t/1", added=START + timedelta(days=1), kind="nofollow", follow=False, placement="comments")
    add_event(db, "T1", site, weak, "appeared", START + timedelta(days=1))
    strong = add_link(db, "T1", site, "https://news.example/story", added=START + timedelta(days=2))
    add_event(db, "T1", site, strong, "appeared", START + timedelta(days=2))
    add_event(db, "T1", site, old[3], "anchor-changed", START + timedelta(days=3), detail={"before": "old", "after": "new"})
    blocked = add_link(db, "T1", site, "https://wall.example/x", added=END - timedelta(days=90), status="blocked")
    add_event(db, "T1", site, blocked, "appeared", END - timedelta(days=90))

    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS)
    assert [g.source_domain for g in report.gained] == ["news.example", "forum.example"]  # strongest first
    assert not any(g.returned for g in report.gained)
    assert [(item.source_domain, item.reason) for item in report.lost] == [("old0.example", "page-not-found")]
    assert [(c.change, c.before, c.after) for c in report.changed] == [("anchor-changed", "old", "new")]
    # 19 old + blocked (not a loss) at the start; +2 -1 in the week.
    assert (report.live_before, report.live_now, report.net_live) == (20, 21, 1)
    assert report.net_domains == 1
    assert not report.quiet
    assert len(report.series) == 12 and report.series[-1].live == 21
    data = report.to_json()
    assert data["net_live"] == 1 and data["digest"]["totals"]["gained"] == 2


def test_loss_rate_against_normal(db) -> None:  # type: ignore[no-untyped-def]
    site = make_site(db, "T1", "mysite.nl", created=END - timedelta(days=365))
    links = []
    for i in range(100):
        link = add_link(db, "T1", site, f"https://s{i}.example/", added=END - timedelta(days=300))
        add_event(db, "T1", site, link, "appeared", END - timedelta(days=300))
        links.append(link)
    for i in range(10):  # 10 lost in 12 weeks out of ~95 live: ~45 % a year
        lose(db, "T1", site, links[i], END - timedelta(days=7 * i + 3))
    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS)
    assert report.loss_rate.verdict == "high"
    assert 0.35 < report.loss_rate.annual < 0.55
    assert report.loss_rate.lost == 10


def test_loss_rate_too_early_for_a_new_site(db) -> None:  # type: ignore[no-untyped-def]
    site = make_site(db, "T1", "new.nl", created=END - timedelta(days=5))
    link = add_link(db, "T1", site, "https://a.example/", added=END - timedelta(days=4))
    add_event(db, "T1", site, link, "appeared", END - timedelta(days=4))
    report = build_report(db, "T1", "new.nl", end=END, start=START, zone=AMS)
    assert report.loss_rate.annual is None and report.loss_rate.verdict == "unknown"


def test_monthly_target_counts_quality_links_by_domain_in_local_month(db) -> None:  # type: ignore[no-untyped-def]
    site = make_site(db, "T1", "mysite.nl", created=END - timedelta(days=60))
    # In November (local): two editorial links from one domain, a footer link, a nofollow: 1 quality link.
    for url, placement, kind, follow in [
        ("https://blog.example/a", "content", "dofollow", True),
        ("https://blog.example/b", "content", "dofollow", True),
        ("https://shop.example/", "footer", "dofollow", True),
        ("https://q.example/", "content", "nofollow", False),
    ]:
        link = add_link(db, "T1", site, url, added=END - timedelta(days=10), placement=placement, kind=kind, follow=follow)
        add_event(db, "T1", site, link, "appeared", END - timedelta(days=10))
    # 31 October 23:30 UTC is 1 November 00:30 in Amsterdam: counts for November.
    edge = add_link(db, "T1", site, "https://edge.example/", added=datetime(2026, 10, 31, 23, 30, tzinfo=UTC))
    add_event(db, "T1", site, edge, "appeared", datetime(2026, 10, 31, 23, 30, tzinfo=UTC))
    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS, target=(3, 5))
    assert report.target.month == "2026-11"
    assert report.target.quality_links == 2
    assert report.target.verdict == "on-track"  # 2 of 3 with 75 % of the month gone
    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS, target=(5, 6))
    assert report.target.verdict == "behind"
    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS, target=(2, 4))
    assert report.target.verdict == "reached"


def test_competitor_hints_only_where_we_are_not(db) -> None:  # type: ignore[no-untyped-def]
    site = make_site(db, "T1", "mysite.nl", created=END - timedelta(days=60))
    comp = make_site(db, "T1", "rival.nl", created=END - timedelta(days=60), competitor_of="mysite.nl")
    ours = add_link(db, "T1", site, "https://shared.example/old", added=END - timedelta(days=50))
    add_event(db, "T1", site, ours, "appeared", END - timedelta(days=50))
    for url in ("https://shared.example/new", "https://gap.example/post", "https://gap.example/post2"):
        link = add_link(db, "T1", comp, url, added=START + timedelta(days=1))
        add_event(db, "T1", comp, link, "appeared", START + timedelta(days=1))
    old = add_link(db, "T1", comp, "https://stale.example/", added=START - timedelta(days=20))
    add_event(db, "T1", comp, old, "appeared", START - timedelta(days=20))
    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS)
    assert [(h.competitor, h.source_domain) for h in report.competitors] == [("rival.nl", "gap.example")]
    assert not report.quiet


def test_quiet_week(db) -> None:  # type: ignore[no-untyped-def]
    site = make_site(db, "T1", "mysite.nl", created=END - timedelta(days=60))
    link = add_link(db, "T1", site, "https://a.example/", added=END - timedelta(days=50))
    add_event(db, "T1", site, link, "appeared", END - timedelta(days=50))
    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS)
    assert report.quiet and report.live_now == 1 and report.net_live == 0


def test_authority_orders_equal_links_and_dst_weeks_tile(db) -> None:  # type: ignore[no-untyped-def]
    site = make_site(db, "T1", "mysite.nl", created=END - timedelta(days=300))
    for name in ("small.example", "big.example"):
        link = add_link(db, "T1", site, f"https://{name}/a", added=START + timedelta(days=1))
        add_event(db, "T1", site, link, "appeared", START + timedelta(days=1))
    db.execute(
        "INSERT INTO authority (team_id, domain, rank, score, source, imported_at) VALUES "
        "('T1', 'big.example', 10, 91.5, 'tranco', '2026-11-01T00:00:00+00:00'), "
        "('T2', 'small.example', 1, 99.0, 'tranco', '2026-11-01T00:00:00+00:00')"
    )
    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS)
    assert [(g.source_domain, g.authority) for g in report.gained] == [("big.example", 91.5), ("small.example", None)]

    # Autumn DST: the week ending Monday 2 November 09:00 CET began Monday 26 October 09:00 CET (169 h).
    from bot.scheduler.slots import slot_for

    autumn = slot_for(datetime(2026, 11, 3, tzinfo=UTC), 0, 9, 0, AMS)
    spring = slot_for(datetime(2026, 3, 31, tzinfo=UTC), 0, 9, 0, AMS)
    for slot in (autumn, spring):
        s_end, s_start = slot.at_utc, slot.period_start.astimezone(UTC)
        for at, name in ((s_start + timedelta(minutes=10), "first-hour"), (s_start - timedelta(minutes=10), "before")):
            link = add_link(db, "T1", site, f"https://{name}-{slot.week}.example/", added=at)
            add_event(db, "T1", site, link, "appeared", at)
        this_week = build_report(db, "T1", "mysite.nl", end=s_end, start=s_start, zone=AMS)
        names = {g.source_domain.split("-")[0] for g in this_week.gained if slot.week in g.source_domain}
        assert names == {"first"}, (slot.week, names)


def test_a_returned_link_is_marked_back_again(db) -> None:  # type: ignore[no-untyped-def]
    from bot.digest.blocks import build_digest_message

    site = make_site(db, "T1", "mysite.nl", created=END - timedelta(days=120))
    link = add_link(db, "T1", site, "https://back.example/a", added=END - timedelta(days=100))
    add_event(db, "T1", site, link, "appeared", END - timedelta(days=100))
    add_event(db, "T1", site, link, "lost", END - timedelta(days=30), reason="link-removed")
    add_event(db, "T1", site, link, "returned", START + timedelta(days=2))
    report = build_report(db, "T1", "mysite.nl", end=END, start=START, zone=AMS)
    assert [(g.source_domain, g.returned) for g in report.gained] == [("back.example", True)]
    assert "weer terug" in str(build_digest_message(report, lang="nl").blocks)


def test_imports_are_not_gains_and_never_live_links_are_not_losses(db) -> None:  # type: ignore[no-untyped-def]
    """QA bug 1: links found at their first check do not count toward the target (nor as competitors'
    news); a link no check saw live is not in the loss rate; a link seen live and lost is."""
    site = make_site(db, "T", "mysite.nl", created=END - timedelta(days=60))
    rival = make_site(db, "T", "rival.nl", created=END - timedelta(days=60), competitor_of="mysite.nl")
    for i in range(3):
        link = add_link(db, "T", site, f"https://imp{i}.example/a", added=END - timedelta(days=40))
        add_event(db, "T", site, link, "appeared", END - timedelta(days=3), detail={"first_check": True})
    dead = add_link(db, "T", site, "https://dead.example/a", added=END - timedelta(days=40), status="lost", ever_live=False)
    add_event(db, "T", site, dead, "lost", END - timedelta(days=2), reason="page-not-found",
              detail={"previous_status": "missing", "seen_live": False})
    gone = add_link(db, "T", site, "https://gone.example/a", added=END - timedelta(days=40), status="lost")
    add_event(db, "T", site, gone, "appeared", END - timedelta(days=5), detail={"first_check": True})
    add_event(db, "T", site, gone, "lost", END - timedelta(days=2), reason="link-removed",
              detail={"previous_status": "missing", "seen_live": True, "last_link": {"kind": "dofollow"}})
    theirs = add_link(db, "T", rival, "https://old-partner.example/a", added=END - timedelta(days=40))
    add_event(db, "T", rival, theirs, "appeared", END - timedelta(days=3), detail={"first_check": True})
    report = build_report(db, "T", "mysite.nl", end=END, start=START, zone=AMS)
    assert report.gained == [] and [i.source_domain for i in report.lost] == ["gone.example"]
    assert report.target.quality_links == 0 and report.competitors == []
    assert report.loss_rate.lost == 1
    # the series counts the never-live link at no moment
    assert [p.live for p in series_at(db, "T", site, [START - timedelta(days=10)])] == [0]
