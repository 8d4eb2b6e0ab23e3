"""Benchmark: weekly digests for many workspaces, computed from 12+ weeks of stored history.

    .venv/bin/python bench/bench_digest.py                 # 1,000 workspaces x 2 sites x 1,000 backlinks
    .venv/bin/python bench/bench_digest.py --workspaces 100 --keep /tmp/bd.db

What it does:
1. Generates the database with ``executemany`` (schema from the real migrations): per workspace two
   own sites (the second also tracked as the first one's competitor), 1,000 backlinks each from ~350
   referring domains, 20 weekly checks, and the events a check history leaves: ``appeared`` (baseline
   20 weeks ago, or spread over the last 16 weeks for newer links), confirmed ``lost`` (about 3 %),
   ``returned`` (a sixth of those) and anchor/nofollow changes (about 1 %). Observations are not
   generated: no digest query reads them (the series comes from events, see bot.digest.report).
2. Computes every site's full weekly report (``build_report``: compute_digest + 12-week series + loss
   rate + monthly target + competitor hints) and its Block Kit message, workspace by workspace, on one
   connection (as the scheduler's store thread does); reports the total, per-site p50/p95/max, and the
   process RSS along the way (flat memory = no growth with the number of workspaces done).
3. Baselines measured in the same run: the cold first site vs. warm; and, for the 12-week series,
   a naive per-link replay (one query per link, replaying its events up to each week end) on a
   sample of sites, against the event walk-back used by the report (identical results asserted).
4. The chart (matplotlib PNG) per posted digest, timed on a few sites (not part of the 30 s figure:
   charts are rendered one at a time when posting, not for all workspaces at once).

Targets (issue 5): all digests < 30 s with flat memory; one site's digest query < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.digest.blocks import build_digest_message  # noqa: E402
from bot.digest.report import build_report, series_at, week_ends  # noqa: E402
from storage.db import connect  # noqa: E402
from storage.digest_repo import iso  # noqa: E402

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")
END = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday 09:00 in Amsterdam
START = END - timedelta(days=7)


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def generate(path: Path, workspaces: int, sites: int, links: int, seed: int = 1) -> dict[str, int]:
    connect(path).conn.close()  # schema via the real migrations
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    rng = random.Random(seed)
    counts = {"sites": 0, "backlinks": 0, "events": 0, "checks": 0}
    baseline = END - timedelta(weeks=20)
    created = iso(baseline - timedelta(days=1))
    site_id = 0
    link_id = 0
    placements = ["content", "content", "content", "footer", "sidebar", "navigation", "comments"]
    baseline_iso, checked_iso = iso(baseline), iso(END - timedelta(hours=3))
    for w in range(workspaces):
        team = f"T{w:05d}"
        site_rows, link_rows, event_rows, check_rows, comp_rows = [], [], [], [], []
        own_ids = []
        for s in range(sites):
            site_id += 1
            own_ids.append(site_id)
            site_rows.append((site_id, team, f"site{s}-{w}.nl", "own", f"C{w:05d}", created))
            for k in range(20):
                at = iso(baseline + timedelta(weeks=k, hours=-2))
                check_rows.append((team, site_id, "schedule", at, at, "done", links, links))
            domains = max(1, links * 35 // 100)
            for i in range(links):
                link_id += 1
                domain = f"d{rng.randrange(domains)}-{s}.example"
                new = rng.random() < 0.3
                appeared = END - timedelta(days=rng.uniform(0.5, 112)) if new else baseline
                kind = "dofollow" if rng.random() < 0.8 else "nofollow"
                placement = rng.choice(placements)
                status, reason = "live", None
                event_rows.append((team, site_id, link_id, iso(appeared) if new else baseline_iso, "appeared", None, "{}"))
                r = rng.random()
                if r < 0.03:
                    lost_at = appeared + (END - appeared) * rng.uniform(0.2, 0.95)
                    status, reason = "lost", rng.choice(["link-removed", "page-not-found", "redirected", "noindex"])
                    event_rows.append((team, site_id, link_id, iso(lost_at), "lost", reason, '{"last_link": {"kind": "dofollow", "follow": true}}'))
                    if rng.random() < 1 / 6:
                        back = lost_at + (END - lost_at) * rng.uniform(0.3, 0.9)
                        status, reason = "live", None
                        event_rows.append((team, site_id, link_id, iso(back), "returned", None, "{}"))
                elif r < 0.04:
                    event_rows.append((team, site_id, link_id, iso(END - timedelta(days=rng.uniform(0, 60))), "anchor-changed", None, '{"before": "old", "after": "new"}'))
                elif r < 0.05:
                    status = "blocked"
                link_rows.append(
                    (link_id, team, site_id, f"https://{domain}/p/{i}", domain, f"https://site{s}-{w}.nl/", "ahrefs",
                     baseline_iso, status, reason, kind, 1 if kind == "dofollow" else 0, f"anchor {i % 17}", placement,
                     checked_iso, checked_iso if status != "lost" else baseline_iso)
                )
        if len(own_ids) >= 2:
            comp_rows.append((team, own_ids[0], own_ids[1]))
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO sites (id, team_id, domain, role, channel_id, created_at) VALUES (?,?,?,?,?,?)", site_rows)
        conn.executemany("INSERT INTO site_competitors (team_id, site_id, competitor_id) VALUES (?,?,?)", comp_rows)
        conn.executemany(
            "INSERT INTO checks (team_id, site_id, trigger, started_at, finished_at, state, total, checked) VALUES (?,?,?,?,?,?,?,?)",
            check_rows,
        )
        conn.executemany(
            """INSERT INTO backlinks (id, team_id, site_id, source_url, source_domain, target_url, found_by, added_at, status,
                                      reason, kind, follow, anchor, placement, last_checked_at, last_live_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            link_rows,
        )
        conn.executemany("INSERT INTO events (team_id, site_id, backlink_id, at, type, reason, detail) VALUES (?,?,?,?,?,?,?)", event_rows)
        conn.execute("COMMIT")
        counts["sites"] += len(site_rows)
        counts["backlinks"] += len(link_rows)
        counts["events"] += len(event_rows)
        counts["checks"] += len(check_rows)
    conn.execute("ANALYZE")
    conn.close()
    return counts


def naive_series(db, team_id: str, site_id: int, moments: list[datetime]) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The obvious way: per link, replay its state events up to each moment (one query per link)."""
    links = db.execute("SELECT id, source_domain FROM backlinks WHERE team_id = ? AND site_id = ?", [team_id, site_id]).fetchall()
    out = []
    for moment in moments:
        cutoff = iso(moment)
        live, domains = 0, set()
        for link_id, domain in links:
            state = False
            for (kind,) in db.execute(
                "SELECT type FROM events WHERE team_id = ? AND backlink_id = ? AND at < ? AND type IN ('appeared','lost','returned') ORDER BY at, id",
                [team_id, link_id, cutoff],
            ):
                state = kind != "lost"
            if state:
                live += 1
                domains.add(domain)
        out.append((live, len(domains)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workspaces", type=int, default=1000)
    parser.add_argument("--sites", type=int, default=2)
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--keep", help="database file to reuse/keep (default: a temporary file)")
    parser.add_argument("--naive-sample", type=int, default=3, help="sites timed with the naive series")
    args = parser.parse_args(argv)

    tmpdir = None
    if args.keep:
        path = Path(args.keep)
    else:
        tmpdir = tempfile.TemporaryDirectory(prefix="bench-digest-")
        path = Path(tmpdir.name) / "digest.db"
    print(f"database: {path}")
    if not path.exists():
        t0 = time.perf_counter()
        counts = generate(path, args.workspaces, args.sites, args.links)
        print(f"generated {counts} in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    else:
        print("reusing the existing database")

    db = connect(path)
    teams = [row[0] for row in db.execute("SELECT DISTINCT team_id FROM sites ORDER BY team_id")]
    sites = {team: [] for team in teams}
    for team, domain, site_id in db.execute("SELECT team_id, domain, id FROM sites ORDER BY team_id, id"):
        sites[team].append((domain, site_id))

    # Cold first site (fresh connection, empty page cache of SQLite) vs. warm.
    first_team = teams[0]
    t0 = time.perf_counter()
    build_report(db, first_team, sites[first_team][0][0], end=END, start=START, zone=AMS)
    cold_ms = (time.perf_counter() - t0) * 1000

    per_site: list[float] = []
    rss: list[tuple[int, float]] = [(0, rss_mb())]
    blocks_total = 0
    started = time.perf_counter()
    for n, team in enumerate(teams, 1):
        for domain, _ in sites[team]:
            t0 = time.perf_counter()
            report = build_report(db, team, domain, end=END, start=START, zone=AMS)
            message = build_digest_message(report, lang="nl" if n % 2 else "en", zone=AMS)
            per_site.append((time.perf_counter() - t0) * 1000)
            blocks_total += len(message.blocks)
        if n % max(1, len(teams) // 10) == 0:
            rss.append((n, rss_mb()))
    total = time.perf_counter() - started

    per_site.sort()
    p50 = statistics.median(per_site)
    p95 = per_site[int(len(per_site) * 0.95) - 1]
    print()
    print(f"digests: {len(per_site)} sites in {len(teams)} workspaces: {total:.1f} s total "
          f"({len(per_site) / total:.0f} sites/s); target < 30 s: {'OK' if total < 30 else 'MISSED'}")
    print(f"per site (report + blocks): p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {per_site[-1]:.1f} ms; "
          f"target < 50 ms: {'OK' if p95 < 50 else 'MISSED'} (p95)")
    print(f"first site, cold (module imports + empty caches): {cold_ms:.1f} ms = {cold_ms / p50:.1f}x the warm median")
    print("RSS (MB) after N workspaces: " + ", ".join(f"{n}: {mb:.0f}" for n, mb in rss))
    growth = rss[-1][1] - rss[1][1] if len(rss) > 2 else 0.0
    print(f"memory growth from the first tenth to the end: {growth:+.1f} MB ({'flat' if abs(growth) < 20 else 'GROWING'})")

    # Baseline: naive per-link series vs. the event walk-back, same sites, same run.
    rng = random.Random(7)
    sample = [(team, sites[team][0][1]) for team in rng.sample(teams, min(args.naive_sample, len(teams)))]
    moments = week_ends(END, AMS)
    fast_ms, naive_ms = [], []
    for team, site_id in sample:
        t0 = time.perf_counter()
        fast = series_at(db, team, site_id, moments)
        fast_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        slow = naive_series(db, team, site_id, moments)
        naive_ms.append((time.perf_counter() - t0) * 1000)
        assert [(p.live, p.domains) for p in fast] == slow, (team, site_id)
    f_mean, n_mean = statistics.mean(fast_ms), statistics.mean(naive_ms)
    print(f"12-week series per site: event walk-back {f_mean:.1f} ms vs naive per-link replay {n_mean:.0f} ms "
          f"= {n_mean / f_mean:.0f}x faster (identical results on {len(sample)} sites)")
    print(f"naive extrapolated to all {len(per_site)} sites: {n_mean * len(per_site) / 1000:.0f} s for the series alone")

    # Charts: rendered per posted digest.
    from bot.digest.chart import render_series_png

    chart_ms = []
    for team in teams[:5]:
        report = build_report(db, team, sites[team][0][0], end=END, start=START, zone=AMS)
        t0 = time.perf_counter()
        png = render_series_png(report.series, site=report.site)
        chart_ms.append((time.perf_counter() - t0) * 1000)
    print(f"chart PNG: first {chart_ms[0]:.0f} ms (matplotlib import), then {statistics.mean(chart_ms[1:]):.0f} ms each "
          f"({len(png) // 1024} KB)")
    # The 15-minute sweep when everything is already sent (its steady-state cost), through the real
    # runner and Store thread: settings and ledger rows for every site, nothing due, no Slack call.
    import asyncio

    from bot.scheduler.runner import DigestRunner, FixedClock
    from storage.store import Store

    with db.conn:
        db.conn.executemany(
            "INSERT OR IGNORE INTO digest_settings (team_id, enabled_since, updated_at, tz) VALUES (?, ?, ?, 'Europe/Amsterdam')",
            [(team, iso(END - timedelta(days=300)), iso(END - timedelta(days=300))) for team in teams],
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO digest_ledger (team_id, site_id, iso_week, state, claimed_by, claimed_at) VALUES (?, ?, '2026-W48', 'sent', 'bench', ?)",
            [(team, site_id, iso(END)) for team in teams for _, site_id in sites[team]],
        )
    db.conn.close()

    async def sweep() -> tuple[float, int]:
        store = await Store(path).open()
        asked = 0

        async def client_for(team_id: str) -> None:
            nonlocal asked
            asked += 1

        runner = DigestRunner(store, client_for=client_for, clock=FixedClock(END + timedelta(hours=1)), instance="bench")
        t0 = time.perf_counter()
        runs = await runner.run_all()
        elapsed = time.perf_counter() - t0
        await store.aclose()
        assert all(run.outcome == "nothing-due" for run in runs) and asked == 0
        return elapsed, len(runs)

    elapsed, count = asyncio.run(sweep())
    print(f"sweep with nothing due: {count} workspaces in {elapsed * 1000:.0f} ms ({elapsed / count * 1e6:.0f} us each), no Slack calls")
    if tmpdir is not None:
        tmpdir.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
