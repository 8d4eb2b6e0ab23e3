"""``backlinks sites``: the tracked sites with their backlink counts."""

from __future__ import annotations

import argparse

ORDER = 22


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sites", parents=[parent], help="list the tracked sites and their backlink counts")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json
    from bot.domains import display_domain
    from bot.i18n import t
    from storage.backlinks import site_summary
    from storage.sites import competitor_owners, list_sites

    db = open_db()
    rows = []
    for site in list_sites(db, args.workspace):
        summary = site_summary(db, args.workspace, site.domain)
        owners = [s.domain for s in competitor_owners(db, args.workspace, site.domain)]
        rows.append({**site.to_dict(), "site": site.domain, "competitor_of": owners, **summary.to_dict()})
    if args.json:
        print_json({"sites": rows})
        return 0
    if not rows:
        print(t("store.no_sites", None))
        return 0
    print(t("store.sites_header", None, site="site", role="role", total="total", live="live", missing="missing",
            lost="lost", blocked="blocked"))
    for row in rows:
        role = t(f"store.role.{row['role']}", None)
        print(f"{display_domain(row['site']):<28} {role:<11} {row['total']:>6} {row['live']:>6} {row['missing']:>8} {row['lost']:>6} "
              f"{row['blocked']:>8}  {row['last_check_at'] or t('store.never', None)}")
    return 0
