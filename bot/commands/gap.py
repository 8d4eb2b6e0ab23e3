"""``backlinks gap SITE [COMPETITOR...]``: referring domains of competitors that do not link to the site."""

from __future__ import annotations

import argparse

from bot.argtypes import positive_int

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
    p.add_argument("--limit", type=positive_int, default=20, metavar="N", help="domains shown in text output (default 20)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    from pathlib import Path

    from bot.compare.gap import gap_csv, gap_report
    from bot.compare.render import gap_lines
    from bot.config import Settings
    from bot.errors import UserInputError
    from bot.i18n import t
    from storage.db import connect

    db = connect(Settings.from_env().db_path)
    try:
        report = gap_report(db, args.workspace, args.site, args.competitors or None)
    finally:
        db.conn.close()
    site, comps, items = report.site, report.competitors, report.items
    if args.csv:
        text = gap_csv(items)
        if args.csv == "-":
            sys.stdout.write(text)
            return 0
        try:
            Path(args.csv).write_text(text, encoding="utf-8")
        except OSError as err:
            raise UserInputError.keyed("compare.cannot_write", path=args.csv, why=str(err.strerror or err)) from None
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    for line in gap_lines(site, comps, items, "en", limit=args.limit, unchecked=report.unchecked):
        print(line)
    if args.csv:
        print(t("compare.gap.csv_written", "en", path=args.csv, count=len(items)))
    return 0
