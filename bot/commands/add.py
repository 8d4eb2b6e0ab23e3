"""``backlinks add SITE URL...``: add referring pages by hand."""

from __future__ import annotations

import argparse

ORDER = 23


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("add", parents=[parent], help="add pages that link to a site, by hand",
                       description="Add referring pages (full URLs) to a tracked site; they are checked by backlinks check.")
    p.add_argument("site", metavar="SITE")
    p.add_argument("urls", metavar="URL", nargs="*", help="a page that links to SITE, e.g. https://blog.example/post")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json, site_arg
    from bot.domains import clip
    from bot.errors import UserInputError
    from bot.i18n import t
    from bot.plural import tn
    from storage.backlinks import NewBacklink, add_backlinks

    domain = site_arg(args.site)
    if not args.urls:
        raise UserInputError.keyed("store.no_urls", site=domain)
    from bot.config import Settings

    db = open_db()
    refuse = not Settings.from_env().allow_private_networks
    result = add_backlinks(db, args.workspace, domain, [NewBacklink(u) for u in args.urls], found_by="manual", refuse_private=refuse)
    if result.added == 0 and result.merged == 0:
        first = result.rejected[0]
        raise UserInputError.keyed(f"store.none_added.{first.reason}", first=clip(first.source_url))
    if args.json:
        print_json({"site": domain, "added": result.added, "merged": result.merged,
                    "rejected": [{"url": r.source_url, "reason": r.reason} for r in result.rejected]})
        return 0
    print(tn("store.added", None, result.added, site=domain, added=result.added, merged=result.merged))
    for rejected in result.rejected:
        print(t("store.rejected_url", None, url=rejected.source_url, why=t(f"store.reject.{rejected.reason}", None)))
    print(t("store.next_check", None, site=domain))
    return 0
