"""``backlinks track SITE [--competitor-of SITE]``: start tracking a site (own or a competitor)."""

from __future__ import annotations

import argparse

ORDER = 20


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("track", parents=[parent], help="start tracking a site (yours or a competitor's)",
                       description="Track a site so that its backlinks can be added, imported, checked and compared.")
    p.add_argument("site", metavar="SITE", help="the site, e.g. mysite.nl")
    p.add_argument("--competitor-of", metavar="SITE", help="track SITE as a competitor of this (tracked) site")
    p.add_argument("--own", action="store_true", help="make a tracked competitor one of your own sites")
    p.add_argument("--brand", action="append", metavar="NAME", help="a brand name of the site (repeatable; for mentions and anchors)")
    p.add_argument("--keyword", action="append", metavar="WORDS", help="a keyword the site wants to rank for (repeatable)")
    p.add_argument("--channel", metavar="CHANNEL_ID", help=argparse.SUPPRESS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json
    from bot.domains import display_domain
    from bot.errors import UserInputError
    from bot.i18n import t
    from storage.sites import add_site, competitor_owners, get_site

    if args.own and args.competitor_of:
        raise UserInputError.keyed("store.own_and_competitor")
    db = open_db()
    before = get_site(db, args.workspace, args.site)
    site = add_site(db, args.workspace, args.site, role="own" if args.own else None, competitor_of=args.competitor_of,
                    channel_id=args.channel)
    if args.brand or args.keyword:
        from storage.sites import set_site_terms

        site = set_site_terms(
            db, args.workspace, site.domain,
            brands=[*site.brands, *(args.brand or [])] if args.brand else None,
            keywords=[*site.keywords, *(args.keyword or [])] if args.keyword else None,
        )
    owners = [o.domain for o in competitor_owners(db, args.workspace, site.domain)] if site.role == "competitor" else []
    if args.json:
        # competitor_of: the sites it competes with, a list as in `sites --json`
        print_json({**site.to_dict(), "site": site.domain, "competitor_of": owners})
    elif args.competitor_of:
        owner = get_site(db, args.workspace, args.competitor_of)
        assert owner is not None
        print(t("store.tracked_competitor", None, site=display_domain(site.domain), owner=display_domain(owner.domain)))
    elif before is not None and before.role == "competitor" and site.role == "competitor":
        print(t("store.still_competitor", None, site=display_domain(site.domain),
                owners=", ".join(display_domain(o) for o in owners), cmd="backlinks"))
    else:
        print(t("store.tracked", None, site=display_domain(site.domain)))
    return 0
