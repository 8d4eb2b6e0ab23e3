"""``backlinks authority import FILE``: domain authority from a Tranco list or Common Crawl ranks file."""

from __future__ import annotations

import argparse

ORDER = 65


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "authority",
        parents=[parent],
        help="import domain authority from Tranco or Common Crawl ranks",
        description="backlinks authority import FILE: the Tranco top-1M list (rank,domain CSV, may be zipped) or "
        "the Common Crawl web-graph domain ranks file (gzipped); detected from the content. Score 0-100 = "
        "100 * (1 - log10(rank) / 8). Only the workspace's referring domains are kept unless --all.",
    )
    p.add_argument("action", choices=["import"], help="import")
    p.add_argument("file", metavar="FILE", help="the rankings file")
    p.add_argument("--all", action="store_true", help="keep every domain of the file (at most 1,000,000, best ranked)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import json

    from bot.compare.authority import import_authority
    from bot.config import Settings
    from bot.i18n import t
    from storage.db import connect

    db = connect(Settings.from_env().db_path)
    try:
        result = import_authority(db, args.workspace, args.file, all_domains=args.all)
    finally:
        db.conn.close()
    if args.json:
        print(json.dumps(result.to_json()))
        return 0
    print(t("compare.authority.imported", "en", source=result.source, lines=result.lines, stored=result.kept, skipped=result.skipped, seconds=f"{result.seconds:.1f}"))
    if result.wanted is not None:
        if result.wanted == 0:
            print(t("compare.authority.no_domains", "en"))
        else:
            print(t("compare.authority.coverage", "en", stored=result.kept, wanted=result.wanted))
    return 0
