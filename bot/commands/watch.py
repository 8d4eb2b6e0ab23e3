"""``backlinks watch add|remove|list SITE [DOMAIN...]``: the domains discovery reads for a site."""

from __future__ import annotations

import argparse

ORDER = 40


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("watch", parents=[parent], help="the sites discovery reads for new backlinks and mentions",
                       description="Show or edit the watch list of SITE: the domains that backlinks discover reads. It holds "
                       "the referring domains of SITE and its competitors automatically, plus the domains you add (the "
                       "local business association, the municipality, local news, trade blogs).")
    p.add_argument("action", choices=("add", "remove", "list"))
    p.add_argument("site", metavar="SITE")
    p.add_argument("domains", metavar="DOMAIN", nargs="*", help="a domain to watch, e.g. nieuws.gemeente.nl")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json, site_arg
    from bot.errors import UserInputError
    from bot.i18n import t
    from bot.plural import tn
    from storage import discover_repo as repo

    domain = site_arg(args.site)
    db = open_db()
    if args.action in ("add", "remove"):
        if not args.domains:
            raise UserInputError(t("discover.no_domains", None, site=domain))
        if args.action == "add":
            changed = repo.add_watch(db, args.workspace, domain, args.domains)
            key = "discover.watch_added" if changed else "discover.watch_nothing_added"
        else:
            changed = repo.remove_watch(db, args.workspace, domain, args.domains)
            key = "discover.watch_removed" if changed else "discover.watch_nothing_removed"
        if args.json:
            print_json({"site": domain, "action": args.action, "domains": changed,
                        "watch": [w.to_dict() for w in repo.list_watch(db, args.workspace, domain)]})
        else:
            print(tn(key, None, len(changed), site=domain, domains=", ".join(changed)))
        return 0
    repo.refresh_auto_watch(db, args.workspace, domain)
    entries = repo.list_watch(db, args.workspace, domain)
    if args.json:
        print_json({"site": domain, "watch": [w.to_dict() for w in entries]})
        return 0
    if not entries:
        print(t("discover.watch_empty", None, site=domain))
        return 0
    user = sum(1 for e in entries if e.origin == "user")
    from bot.plural import tn

    print(tn("discover.watch_header", None, len(entries), site=domain, user=user, auto=len(entries) - user))
    for entry in entries:
        print(t("discover.watch_line", None, domain=entry.domain, origin=t(f"discover.origin.{entry.origin}", None)))
    return 0
