"""``backlinks mentions SITE [--all]``: pages that name the site without linking to it."""

from __future__ import annotations

import argparse

ORDER = 42
SHOW = 25


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("mentions", parents=[parent], help="pages that mention a site without linking to it",
                       description="List the pages that discovery found naming SITE (its brand names or domain) without "
                       "linking to it, with the sentence around the mention: ready outreach, ask them for a link.")
    p.add_argument("site", metavar="SITE")
    p.add_argument("--all", action="store_true", help="also mentions on pages that already link to SITE")
    p.add_argument("--brand", action="append", metavar="NAME",
                   help="a brand name of SITE to look for (repeatable; saved, replaces the earlier ones; pages read "
                   "from then on are searched for it). Default: the domain and its name, e.g. bakkerij jansen")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json, site_arg
    from bot.i18n import t
    from bot.plural import tn
    from storage.discover_repo import list_mentions

    domain = site_arg(args.site)
    db = open_db()
    if args.brand:
        from storage.sites import set_site_terms

        set_site_terms(db, args.workspace, domain, brands=args.brand)
    rows = list_mentions(db, args.workspace, domain, include_linked=args.all)
    if args.json:
        print_json({"site": domain, "mentions": [r.to_dict() for r in rows]})
        return 0
    if not rows:
        print(t("discover.mentions_none", None, site=domain))
        return 0
    if args.all:
        unlinked = sum(1 for r in rows if not r.linked)
        print(tn("discover.mentions_header_all", None, len(rows), site=domain, unlinked=unlinked))
    else:
        print(tn("discover.mentions_header", None, len({r.page_url for r in rows}), site=domain))
    for row in rows[:SHOW]:
        line = t("discover.mention_line", None, page_url=row.page_url, sentence=row.sentence)
        if row.linked:
            line += t("discover.mention_linked", None)
        print(line)
    if len(rows) > SHOW:
        print(t("discover.more", None, count=len(rows) - SHOW))
    return 0
