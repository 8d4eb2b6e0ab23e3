"""``backlinks gap SITE [COMPETITOR...]``: referring domains of competitors that do not link to the site."""

from __future__ import annotations

import argparse

ORDER = 61


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "gap",
        parents=[parent],
        help="the link gap: who links to competitors but not to you (outreach list)",
        description="Referring domains with a live link to one or more competitors and no link to SITE "
        "(a domain with any not-lost link to SITE, even nofollow or not yet checked, is not a gap), "
        "best outreach targets first.",
    )
    p.add_argument("site", help="your tracked site")
    p.add_argument("competitors", nargs="*", metavar="COMPETITOR", help="tracked competitors (default: the recorded ones)")
    p.add_argument("--csv", metavar="FILE", help="write the whole outreach list as CSV to FILE ('-' for standard output)")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="domains shown in text output (default 20)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    from pathlib import Path

    from bot.compare.gap import gap_csv, gap_for
    from bot.compare.render import gap_lines
    from bot.config import Settings
    from bot.errors import UserInputError
    from bot.i18n import t
    from storage.db import connect

    db = connect(Settings.from_env().db_path)
    try:
        site, comps, items = gap_for(db, args.workspace, args.site, args.competitors or None)
    finally:
        db.conn.close()
    if args.csv:
        text = gap_csv(items)
        if args.csv == "-":
            sys.stdout.write(text)
            return 0
        try:
            Path(args.csv).write_text(text, encoding="utf-8")
        except OSError as err:
            raise UserInputError(f"Cannot write {args.csv}: {err.strerror or err}.") from None
    if args.json:
        print(json.dumps({"site": site, "competitors": comps, "gap": [g.to_dict() for g in items]}, ensure_ascii=False, indent=2))
        return 0
    for line in gap_lines(site, comps, items, "en", limit=args.limit):
        print(line)
    if args.csv:
        print(t("compare.gap.csv_written", "en", path=args.csv, count=len(items)))
    return 0
