"""``backlinks digest SITE [--days 7]``: what was gained, lost and changed in a period, from history."""

from __future__ import annotations

import argparse

ORDER = 27
SHOW = 10


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("digest", parents=[parent], help="what changed for a site in the last days (from check history)",
                       description="Gained, confirmed lost and changed backlinks of SITE in the last DAYS days, from the "
                       "stored checks (the weekly Slack digest posts the same).")
    p.add_argument("site", metavar="SITE")
    p.add_argument("--days", type=int, default=7, help="length of the period in days (default 7)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json, site_arg
    from bot.digest.compute import compute_digest
    from bot.i18n import t

    domain = site_arg(args.site)
    digest = compute_digest(open_db(), args.workspace, domain, days=args.days)
    data = digest.to_json()
    if args.json:
        print_json(data)
        return 0
    totals = data["totals"]
    print(t("store.digest_title", None, site=domain, start=data["period"]["start"][:10], end=data["period"]["end"][:10],
            gained=totals["gained"], lost=totals["lost"], changed=totals["changed"], live=totals["live"],
            domains=totals["referring_domains"]))
    if not totals["checks"]:
        print(t("store.digest_no_checks", None, site=domain))
    for key, title in (("gained", "store.digest_gained"), ("lost", "store.digest_lost"), ("changed", "store.digest_changed")):
        items = data[key]
        if not items:
            continue
        print(t(title, None))
        for item in items[:SHOW]:
            if key == "lost":
                detail = t(f"store.reason.{item['reason']}", None) if item.get("reason") else ""
            elif key == "changed":
                detail = t(f"store.change.{item['change']}", None)
            else:
                detail = item.get("anchor") or ""
            print(f"  {item['source_url']}  ({detail})")
        if len(items) > SHOW:
            print(t("store.rejected_more", None, count=len(items) - SHOW))
    return 0
