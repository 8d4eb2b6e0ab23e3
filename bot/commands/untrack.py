"""``backlinks untrack SITE``: stop tracking a site and delete its backlinks and history."""

from __future__ import annotations

import argparse

ORDER = 21


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("untrack", parents=[parent], help="stop tracking a site (deletes its backlinks and history)")
    p.add_argument("site", metavar="SITE")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json, site_arg
    from bot.errors import NotFoundError
    from bot.i18n import t
    from storage.sites import remove_site

    domain = site_arg(args.site)
    if not remove_site(open_db(), args.workspace, domain):
        raise NotFoundError.keyed("store.untrack_not_tracked", site=domain, cmd="backlinks")
    if args.json:
        print_json({"site": domain, "removed": True})
    else:
        print(t("store.untracked", None, site=domain))
    return 0
