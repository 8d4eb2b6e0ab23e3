"""``backlinks compare SITE [COMPETITOR...]``: side by side from live links, with the leader and the gap."""

from __future__ import annotations

import argparse

from bot.argtypes import positive_int

ORDER = 60


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "compare",
        parents=[parent],
        help="compare a site with its competitors (live links only)",
        description="Live links, referring domains, dofollow and editorial share, authority, anchor mix and "
        "new/lost in 30 days per site; the leader's edge; the link gap. Without COMPETITOR, the site's "
        "recorded competitors (backlinks track rival.nl --competitor-of SITE).",
    )
    p.add_argument("site", help="your tracked site, e.g. mysite.nl")
    p.add_argument("competitors", nargs="*", metavar="COMPETITOR", help="tracked competitor sites")
    p.add_argument("--gap-limit", type=positive_int, default=None, metavar="N", help="at most N gap domains (default: all in --json, 10 in text)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import json

    from bot.compare.compare import compare_sites
    from bot.compare.render import compare_lines, gap_lines
    from bot.config import Settings
    from storage.db import connect

    db = connect(Settings.from_env().db_path)
    try:
        comparison = compare_sites(db, args.workspace, args.site, args.competitors or None)
    finally:
        db.conn.close()
    if args.json:
        print(json.dumps(comparison.to_json(gap_limit=args.gap_limit), ensure_ascii=False, indent=2))
        return 0
    for line in compare_lines(comparison, "en"):
        print(line)
    print()
    limit = args.gap_limit if args.gap_limit is not None else 10
    unchecked = [c for c in comparison.competitors if c in comparison.unchecked]
    for line in gap_lines(comparison.site, comparison.competitors, comparison.gap, "en", limit=limit, unchecked=unchecked):
        print(line)
    return 0
