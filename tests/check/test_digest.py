"""The digest JSON computed from a constructed history (checks at chosen times, through the real
status model and the real write path)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.analysis.model import Link, LinkKind, Placement
from bot.check.engine import prior_of, record_of
from bot.check.status import Evidence, PageStatus, Reason, decide, next_last_link
from bot.digest.compute import compute_digest
from bot.errors import UserInputError
from storage.backlinks import NewBacklink, add_backlinks
from storage.checks import finish_check, load_priors, start_check, write_results
from storage.db import connect
from storage.sites import add_site

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def link(kind: LinkKind = LinkKind.DOFOLLOW) -> Link:
    return Link("https://site.nl/", "Site", () if kind is LinkKind.DOFOLLOW else (kind.value,), kind, kind is LinkKind.DOFOLLOW,
                Placement.CONTENT)


FOUND = Evidence(PageStatus.OK, 200, None, link=link())
NOFOLLOW = Evidence(PageStatus.OK, 200, None, link=link(LinkKind.NOFOLLOW))
GONE = Evidence(PageStatus.OK, 200, None, reason=Reason.LINK_REMOVED)
NOT_FOUND = Evidence(PageStatus.NOT_FOUND, 404, None, reason=Reason.PAGE_NOT_FOUND)
BLOCKED = Evidence(PageStatus.BLOCKED, 403, None, reason=Reason.BLOCKED)


def run_check(db, at: str, seen: dict[str, Evidence]) -> None:  # type: ignore[no-untyped-def]
    start = start_check(db, "T", "site.nl", at=at)
    ids = [r[0] for r in db.execute("SELECT id FROM backlinks WHERE team_id = 'T' ORDER BY id").fetchall()]
    records = []
    for row in load_priors(db, "T", start.site_id, ids):
        evidence = seen.get(row.source_url.split("//")[1].split(".")[0])
        if evidence is None:
            continue
        prior = prior_of(row)
        decision = decide(prior, evidence, baseline_done=start.baseline_done)
        records.append(record_of(row.id, evidence, decision, next_last_link(prior, evidence)))
    write_results(db, "T", start.check_id, start.site_id, records, at=at)
    finish_check(db, "T", start.check_id, at=at, duration_ms=1000)


@pytest.fixture
def db(tmp_path):  # type: ignore[no-untyped-def]
    database = connect(tmp_path / "digest.db")
    add_site(database, "T", "site.nl")
    add_backlinks(database, "T", "site.nl", [NewBacklink(f"https://l{i}.example.com/post") for i in range(1, 6)], found_by="manual")
    run_check(database, "2026-11-10T09:00:00+00:00", {f"l{i}": FOUND for i in range(1, 6)})  # baseline, before the period
    run_check(database, "2026-11-12T09:00:00+00:00", {"l1": FOUND, "l2": GONE, "l3": FOUND, "l4": FOUND, "l5": FOUND})
    add_backlinks(database, "T", "site.nl", [NewBacklink("https://l6.example.com/post")], found_by="manual")
    run_check(database, "2026-11-19T09:00:00+00:00", {"l1": GONE, "l2": GONE, "l3": NOT_FOUND, "l4": NOFOLLOW, "l5": GONE, "l6": FOUND})
    run_check(database, "2026-11-22T09:00:00+00:00", {"l1": GONE, "l2": GONE, "l3": NOT_FOUND, "l4": NOFOLLOW, "l5": BLOCKED, "l6": FOUND})
    run_check(database, "2026-11-24T09:00:00+00:00", {"l1": FOUND, "l2": GONE, "l3": NOT_FOUND, "l4": NOFOLLOW, "l5": BLOCKED, "l6": FOUND})
    yield database
    database.conn.close()


def test_digest_json_from_history(db) -> None:  # type: ignore[no-untyped-def]
    digest = compute_digest(db, "T", "site.nl", days=7, now=NOW).to_json()
    assert set(digest) == {"site", "period", "gained", "lost", "changed", "totals"}
    assert digest["site"] == "site.nl"
    assert digest["period"] == {"start": "2026-11-18T12:00:00+00:00", "end": "2026-11-25T12:00:00+00:00"}
    # l6 was found live at its page's first check: a known link, not a new one (not in gained)
    assert digest["gained"] == [] and digest["totals"]["confirmed_first_check"] == 1
    lost = [(item["source_url"], item["reason"]) for item in digest["lost"]]
    # l2: missing on 11-12, confirmed on 11-19; l3: 404 twice (11-19, 11-22). l5 is blocked: never lost.
    # l1 was lost on 11-22 and came back on 11-24: a flap, in neither list.
    assert lost == [("https://l2.example.com/post", "link-removed"), ("https://l3.example.com/post", "page-not-found")]
    assert digest["lost"][0]["anchor"] == "Site" and digest["lost"][0]["kind"] == "dofollow"  # the link as it was
    assert digest["lost"][0]["at"] == "2026-11-19T09:00:00+00:00"
    assert all(item["seen_before"] for item in digest["lost"])
    assert [(c["source_url"], c["change"]) for c in digest["changed"]] == [("https://l4.example.com/post", "nofollow-added")]
    assert digest["changed"][0]["before"] == {"kind": "dofollow", "follow": True}
    totals = digest["totals"]
    assert {k: totals[k] for k in ("gained", "lost", "changed", "net", "flapped", "checks")} == {
        "gained": 0, "lost": 2, "changed": 1, "net": -2, "flapped": 1, "checks": 3}
    assert (totals["live"], totals["lost_total"], totals["blocked"]) == (3, 2, 1)
    assert totals["live_at_start"] == 5 and totals["annual_loss_rate"] == round(2 / 5 * 365 / 7, 4)


def test_digest_period_is_history_not_current_state(db) -> None:  # type: ignore[no-untyped-def]
    old = compute_digest(db, "T", "site.nl", days=7, now=datetime(2026, 11, 16, tzinfo=timezone.utc)).to_json()
    assert old["gained"] == [] and old["totals"]["confirmed_first_check"] == 5 and old["lost"] == []
    assert old["totals"]["checks"] == 2
    assert compute_digest(db, "T", "site.nl", days=1, now=NOW).to_json()["gained"] == []


def test_digest_rejects_bad_days_and_unknown_site(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserInputError):
        compute_digest(db, "T", "site.nl", days=0)
    with pytest.raises(Exception, match="not tracked"):
        compute_digest(db, "T", "other.nl")
    with pytest.raises(Exception, match="not tracked"):
        compute_digest(db, "OTHER", "site.nl")


def _fresh(tmp_path, name: str):  # type: ignore[no-untyped-def]
    database = connect(tmp_path / name)
    add_site(database, "T", "site.nl")
    add_backlinks(database, "T", "site.nl", [NewBacklink(f"https://l{i}.example.com/post") for i in range(1, 4)], found_by="ahrefs")
    return database


def test_live_then_lost_in_one_period_is_lost_and_never_live_is_neither(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = _fresh(tmp_path, "one-week.db")
    run_check(db, "2026-11-20T09:00:00+00:00", {"l1": FOUND, "l2": NOT_FOUND, "l3": FOUND})
    run_check(db, "2026-11-21T09:00:00+00:00", {"l1": GONE, "l2": NOT_FOUND, "l3": FOUND})
    run_check(db, "2026-11-22T09:00:00+00:00", {"l1": GONE, "l2": NOT_FOUND, "l3": GONE})
    run_check(db, "2026-11-23T09:00:00+00:00", {"l1": GONE, "l2": NOT_FOUND, "l3": FOUND})  # l3 came back before a loss
    digest = compute_digest(db, "T", "site.nl", days=7, now=NOW).to_json()
    # l1: live at its first check, confirmed gone: lost. l2: 404 from the start: never live, not a loss.
    assert [(item["source_url"], item["reason"]) for item in digest["lost"]] == [("https://l1.example.com/post", "link-removed")]
    assert digest["gained"] == []  # imported links found at their first check are not new
    totals = digest["totals"]
    assert (totals["lost"], totals["never_live"], totals["confirmed_first_check"], totals["flapped"]) == (1, 1, 1, 0)
    assert totals["live_at_start"] == 2 and totals["annual_loss_rate"] == round(1 / 2 * 365 / 7, 4)
    db.conn.close()


def test_a_link_that_appears_after_the_first_check_is_gained(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = _fresh(tmp_path, "gained.db")
    run_check(db, "2026-11-20T09:00:00+00:00", {"l1": GONE, "l2": FOUND, "l3": FOUND})
    run_check(db, "2026-11-21T09:00:00+00:00", {"l1": FOUND, "l2": FOUND, "l3": FOUND})
    digest = compute_digest(db, "T", "site.nl", days=7, now=NOW).to_json()
    assert [(g["source_url"], g["event"], g["first_check"]) for g in digest["gained"]] == [
        ("https://l1.example.com/post", "appeared", False)]
    assert digest["totals"]["confirmed_first_check"] == 2
    db.conn.close()
