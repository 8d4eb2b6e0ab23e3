"""Two workspaces tracking the same site never see each other's data.

Workspace B's data carries a canary string everywhere; every repository function (each public
function taking ``(db, team_id, ...)`` in the store modules) is called for workspace A and nothing it
returns may contain the canary. A new repository function without a call here fails the test.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from typing import Any, Callable

import pytest

import storage.backlinks as backlinks_mod
import storage.checks as checks_mod
import storage.sites as sites_mod
import storage.workspace as workspace_mod
from storage.backlinks import NewBacklink
from storage.checks import EventItem, ObservationRecord
from storage.db import connect

CANARY = "canary-b"
MODULES = (sites_mod, backlinks_mod, checks_mod, workspace_mod)


def repository_functions() -> set[str]:
    found = set()
    for module in MODULES:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:2] == ["db", "team_id"]:
                found.add(f"{module.__name__}.{name}")
    return found


def fill(db, team: str, marker: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Same sites as every workspace, but pages, anchors and channels carry ``marker``."""
    sites_mod.add_site(db, team, "site.nl", channel_id=f"C-{marker}")
    sites_mod.add_site(db, team, "rival.nl", competitor_of="site.nl")
    sites_mod.set_site_terms(db, team, "site.nl", brands=[f"Brand {marker}"], keywords=[f"kw {marker}"])
    urls = [f"https://{marker}-{i}.example.com/post" for i in range(3)]
    backlinks_mod.add_backlinks(
        db, team, "site.nl", [NewBacklink(u, f"https://site.nl/{marker}", anchor=f"anchor {marker}") for u in urls], found_by="ahrefs"
    )
    start = checks_mod.start_check(db, team, "site.nl")
    priors = checks_mod.load_priors(db, team, start.site_id, checks_mod.check_order(db, team, start.site_id, start.max_backlink_id))
    records = [
        ObservationRecord(
            backlink_id=p.id, page_status="ok", http_status=200, final_url=p.source_url, link_found=True, status="live",
            reason=None, miss_streak=0, target_url=f"https://site.nl/{marker}", kind="dofollow", follow=True,
            anchor=f"anchor {marker}", placement="content", events=(EventItem("appeared"),),
            last_target_url=f"https://site.nl/{marker}", last_kind="dofollow", last_follow=True, last_anchor=f"anchor {marker}",
            last_placement="content",
        )
        for p in priors
    ]
    checks_mod.write_results(db, team, start.check_id, start.site_id, records)
    checks_mod.finish_check(db, team, start.check_id, duration_ms=5)
    return {"urls": urls, "check_id": start.check_id, "site_id": start.site_id, "backlink_ids": [p.id for p in priors]}


@pytest.fixture
def two_workspaces(tmp_path):  # type: ignore[no-untyped-def]
    db = connect(tmp_path / "canary.db")
    b = fill(db, "TEAM_B", CANARY)
    a = fill(db, "TEAM_A", "alpha")
    yield db, a, b
    db.conn.close()


def calls(db, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Callable[[], Any]]:  # type: ignore[no-untyped-def]
    """Every repository function, called for workspace A (several with B's ids, which must not leak)."""
    A = "TEAM_A"
    m = "storage."
    return {
        m + "sites.get_site": lambda: sites_mod.get_site(db, A, "site.nl"),
        m + "sites.require_site": lambda: sites_mod.require_site(db, A, "site.nl"),
        m + "sites.add_site": lambda: sites_mod.add_site(db, A, "site.nl"),
        m + "sites.list_sites": lambda: sites_mod.list_sites(db, A),
        m + "sites.set_site_channel": lambda: sites_mod.set_site_channel(db, A, "site.nl", "C-alpha"),
        m + "sites.set_site_terms": lambda: sites_mod.set_site_terms(db, A, "site.nl", brands=["Brand alpha"]),
        m + "sites.competitors_of": lambda: sites_mod.competitors_of(db, A, "site.nl"),
        m + "sites.competitor_owners": lambda: sites_mod.competitor_owners(db, A, "rival.nl"),
        m + "backlinks.add_backlinks": lambda: backlinks_mod.add_backlinks(
            db, A, "site.nl", [NewBacklink("https://alpha-new.example.org/x"), NewBacklink(a["urls"][0])], found_by="manual"),
        m + "backlinks.iter_backlinks": lambda: list(backlinks_mod.iter_backlinks(db, A, "site.nl")),
        m + "backlinks.list_backlinks": lambda: backlinks_mod.list_backlinks(db, A, "site.nl"),
        m + "backlinks.get_backlink": lambda: backlinks_mod.get_backlink(db, A, "site.nl", b["urls"][1]),
        m + "backlinks.site_summary": lambda: backlinks_mod.site_summary(db, A, "site.nl"),
        m + "checks.check_order": lambda: checks_mod.check_order(db, A, b["site_id"], 10**9),
        m + "checks.load_priors": lambda: checks_mod.load_priors(db, A, b["site_id"], b["backlink_ids"])
        + checks_mod.load_priors(db, A, a["site_id"], b["backlink_ids"]),
        m + "checks.get_check": lambda: checks_mod.get_check(db, A, b["check_id"]),
        m + "checks.list_checks": lambda: checks_mod.list_checks(db, A, "site.nl"),
        m + "checks.last_check": lambda: checks_mod.last_check(db, A, "site.nl"),
        m + "checks.check_links": lambda: checks_mod.check_links(db, A, b["check_id"]) + checks_mod.check_links(db, A, a["check_id"]),
        m + "checks.backlink_history": lambda: checks_mod.backlink_history(db, A, "site.nl", b["urls"][2])
        + checks_mod.backlink_history(db, A, "site.nl", a["urls"][0]),
        m + "checks.list_events": lambda: checks_mod.list_events(db, A, "site.nl"),
        m + "checks.count_checks": lambda: checks_mod.count_checks(db, A, "site.nl"),
        m + "checks.start_check": lambda: checks_mod.start_check(db, A, "site.nl"),
        m + "checks.write_results": lambda: checks_mod.write_results(db, A, a["check_id"], a["site_id"], []),
        m + "checks.finish_check": lambda: [checks_mod.finish_check(db, A, b["check_id"], state="failed"),
                                          checks_mod.finish_check(db, A, a["check_id"], duration_ms=7)],
        m + "workspace.team_tables": lambda: workspace_mod.team_tables(db),
        m + "backlinks.remove_backlinks": lambda: backlinks_mod.remove_backlinks(db, A, "site.nl", [b["urls"][0]]),
        m + "sites.remove_site": lambda: sites_mod.remove_site(db, A, "rival.nl"),
        m + "workspace.purge_workspace": lambda: workspace_mod.purge_workspace(db, A),
    }


def dump(value: Any) -> str:
    def default(obj: Any) -> Any:
        if dataclasses.is_dataclass(obj):
            return dataclasses.asdict(obj)
        return repr(obj)

    return json.dumps(value, default=default)


def snapshot_b(db) -> str:  # type: ignore[no-untyped-def]
    out = {}
    for table in workspace_mod.team_tables(db):
        rows = db.execute(f"SELECT * FROM [{table}] WHERE team_id = 'TEAM_B' ORDER BY rowid").fetchall()
        out[table] = [list(r) for r in rows]
    return json.dumps(out, default=str)


def test_every_repository_function_is_covered(two_workspaces) -> None:  # type: ignore[no-untyped-def]
    db, a, b = two_workspaces
    missing = repository_functions() - set(calls(db, a, b)) - {"storage.workspace.team_tables"}
    assert not missing, f"add these to the canary test: {sorted(missing)}"


def test_workspace_a_never_sees_workspace_b(two_workspaces) -> None:  # type: ignore[no-untyped-def]
    db, a, b = two_workspaces
    before = snapshot_b(db)
    assert CANARY in before
    results = {}
    for name, call in calls(db, a, b).items():
        results[name] = dump(call())
        assert CANARY not in results[name].lower(), f"{name} leaked workspace B data: {results[name][:300]}"
    # A saw its own data (the calls are not vacuous)
    assert "alpha" in results["storage.backlinks.list_backlinks"]
    assert "alpha" in results["storage.checks.list_events"] or "alpha-" in results["storage.checks.list_events"]
    assert json.loads(results["storage.checks.get_check"]) is None
    assert json.loads(results["storage.checks.check_order"]) == []
    # B untouched by everything A did, including A's purge
    assert snapshot_b(db) == before
    assert db.execute("SELECT COUNT(*) FROM backlinks WHERE team_id = 'TEAM_A'").fetchone()[0] == 0


def test_purge_removes_every_row_of_one_workspace_only(two_workspaces) -> None:  # type: ignore[no-untyped-def]
    db, a, b = two_workspaces
    before = snapshot_b(db)
    deleted = workspace_mod.purge_workspace(db, "TEAM_A")
    assert deleted > 10
    for table in workspace_mod.team_tables(db):
        assert db.execute(f"SELECT COUNT(*) FROM [{table}] WHERE team_id = 'TEAM_A'").fetchone()[0] == 0
    assert snapshot_b(db) == before
    assert workspace_mod.purge_workspace(db, "TEAM_A") == 0
