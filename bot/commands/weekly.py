"""``backlinks weekly SITE [--json] [--lang nl|en]``: the full weekly report, exactly as the Slack digest.

The same :func:`bot.digest.report.build_report` the scheduler posts (gained/lost/changed from
``compute_digest``, the 12-week series, net change, loss rate, monthly target, competitors' new
links), for the week that ended at the workspace's most recent digest slot (its own weekday, time
and time zone; Monday 09:00 Europe/Amsterdam when nothing is set). ``--now`` takes the last 7 days up
to now instead.
"""

from __future__ import annotations

import argparse

ORDER = 28


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "weekly",
        parents=[parent],
        help="the weekly report of a site (what the Slack digest posts)",
        description="The weekly report of SITE from its history: gained, lost and changed links, net change, "
        "12-week trend, loss rate against the normal 5-15 %% a year, monthly target, competitors' new links.",
    )
    p.add_argument("site", metavar="SITE")
    p.add_argument("--now", action="store_true", help="the last 7 days up to now instead of the last digest week")
    p.add_argument("--lang", choices=("en", "nl"), help="language of the text output (default: the digest setting)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from datetime import datetime, timedelta, timezone

    from bot.check.cli import open_db, print_json, site_arg
    from bot.digest.blocks import build_digest_message
    from bot.digest.report import build_report
    from bot.scheduler.slots import latest_slot
    from storage.digest_repo import DigestSettings, get_settings

    domain = site_arg(args.site)
    db = open_db()
    now = datetime.now(timezone.utc)
    settings = get_settings(db, args.workspace) or DigestSettings.defaults(args.workspace, now)
    if args.now:
        start, end = now - timedelta(days=7), now
    else:
        slot = latest_slot(now, settings.weekday, settings.hour, settings.minute, settings.zone)
        start, end = slot.period_start.astimezone(timezone.utc), slot.at_utc
    report = build_report(
        db, args.workspace, domain, end=end, start=start, zone=settings.zone, target=(settings.target_min, settings.target_max)
    )
    if args.json:
        print_json(report.to_json())
        return 0
    message = build_digest_message(report, lang=args.lang or settings.lang, zone=settings.zone)
    for block in message.blocks:
        if block["type"] == "header":
            print(block["text"]["text"])
        elif block["type"] == "section":
            print(block["text"]["text"])
        elif block["type"] == "context":
            print("  ".join(element["text"] for element in block["elements"]))
        print()
    if message.csv:
        print(f"({message.csv_filename}: {len(message.csv.splitlines()) - 1} rows in the Slack digest's CSV)")
    return 0
