"""``backlinks anchors SITE``: the anchor-text profile of a site's live links, with warnings."""

from __future__ import annotations

import argparse

ORDER = 62


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "anchors",
        parents=[parent],
        help="anchor-text profile: brand, URL, generic, keyword, image, other",
        description="Classify the anchors of SITE's live links and warn when the mix looks unnatural. "
        "--brand and --keyword replace the site's saved brand names / target keywords.",
    )
    p.add_argument("site", help="a tracked site")
    p.add_argument("--brand", action="append", metavar="NAME", help="a brand name of the site (repeatable; saved)")
    p.add_argument("--keyword", action="append", metavar="KW", help="a target keyword (repeatable; saved)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import json

    from bot.compare.anchors import anchors_for
    from bot.compare.render import anchor_lines
    from bot.config import Settings
    from storage.db import connect

    db = connect(Settings.from_env().db_path)
    try:
        result = anchors_for(db, args.workspace, args.site, brands=args.brand, keywords=args.keyword)
    finally:
        db.conn.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    for line in anchor_lines(result.site, result.profile, result.brands, result.keywords, "en"):
        print(line)
    return 0
