"""``backlinks track SITE [--competitor-of SITE]``: start tracking a site (own or a competitor)."""

from __future__ import annotations

import argparse

ORDER = 20


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("track", parents=[parent], help="start tracking a site (yours or a competitor's)",
                       description="Track a site so that its backlinks can be added, imported, checked and compared.")
    p.add_argument("site", metavar="SITE", help="the site, e.g. mysite.nl")
    p.add_argument("--competitor-of", metavar="SITE", help="track SITE as a competitor of this (tracked) site")
    p.add_argument("--brand", action="append", metavar="NAME", help="a brand name of the site (repeatable; for mentions and anchors)")
    p.add_argument("--keyword", action="append", metavar="WORDS", help="a keyword the site wants to rank for (repeatable)")
    p.add_argument("--channel", metavar="CHANNEL_ID", help=argparse.SUPPRESS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json
    from bot.i18n import t
    from storage.sites import add_site

    db = open_db()
    site = add_site(db, args.workspace, args.site, competitor_of=args.competitor_of, channel_id=args.channel)
    if args.brand or args.keyword:
        from storage.sites import set_site_terms

        site = set_site_terms(
            db, args.workspace, site.domain,
            brands=[*site.brands, *(args.brand or [])] if args.brand else None,
            keywords=[*site.keywords, *(args.keyword or [])] if args.keyword else None,
        )
    owner = None
    if args.competitor_of:
        from storage.sites import require_site

        owner = require_site(db, args.workspace, args.competitor_of).domain
    if args.json:
        print_json({**site.to_dict(), "site": site.domain, "competitor_of": owner})
    elif owner:
        print(t("store.tracked_competitor", None, site=site.domain, owner=owner))
    else:
        print(t("store.tracked", None, site=site.domain))
    return 0
