"""``backlinks digest SITE [--days N | --week] [--lang nl|en] [--json]``: the Slack digest on the command line.

One function, one truth: the report is :func:`bot.digest.report.build_report` (gained, lost and
changed from :func:`bot.digest.compute.compute_digest`, net change, 12-week trend, loss rate,
monthly target, competitors' new links) and the text is the Slack digest's own message
(:func:`bot.digest.blocks.build_digest_message`) with the Slack markup removed. ``--json`` prints
issue 3's shape (``site``, ``period``, ``gained``, ``lost``, ``changed``, ``totals``) plus the
weekly extras. The period is the last ``--days`` days up to now (default 7), or with ``--week`` the
week that ended at the workspace's most recent digest slot (what Slack posted). ``backlinks weekly``
is an alias (``--week`` by default).
"""

from __future__ import annotations

import argparse

ORDER = 27
MAX_DAYS = 366


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("site", metavar="SITE")
    p.add_argument("--lang", choices=("en", "nl"), help="language of the text output (default: the digest setting)")


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "digest",
        parents=[parent],
        help="the digest of a site: what the weekly Slack digest posts",
        description="The digest of SITE from its check history, exactly as the weekly Slack digest posts it: gained, "
        "confirmed lost and changed links, net change, 12-week trend, loss rate against the normal 5-15 % a year, "
        "monthly target, competitors' new links.",
    )
    add_arguments(p)
    period = p.add_mutually_exclusive_group()
    period.add_argument("--days", type=int, default=None, help="the last DAYS days up to now (default 7)")
    period.add_argument("--week", action="store_true", help="the week that ended at the last digest slot (what Slack posted)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from datetime import datetime, timedelta, timezone

    from bot.check.cli import open_db, print_json, site_arg
    from bot.digest.blocks import build_digest_message
    from bot.digest.plain import blocks_to_text
    from bot.digest.report import build_report
    from bot.errors import UserInputError
    from bot.i18n import t
    from bot.plural import tn
    from bot.scheduler.slots import latest_slot
    from storage.digest_repo import DigestSettings, get_settings

    days = getattr(args, "days", None)
    if days is not None and not 1 <= days <= MAX_DAYS:
        raise UserInputError.keyed("store.days_invalid")
    domain = site_arg(args.site)
    db = open_db()
    # times are stored to the second: round up so that what happened in this very second is in
    now = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=1)
    settings = get_settings(db, args.workspace) or DigestSettings.defaults(args.workspace, now)
    if getattr(args, "week", False):
        slot = latest_slot(now, settings.weekday, settings.hour, settings.minute, settings.zone)
        start, end = slot.period_start.astimezone(timezone.utc), slot.at_utc
    else:
        start, end = now - timedelta(days=days or 7), now
    report = build_report(
        db, args.workspace, domain, end=end, start=start, zone=settings.zone, target=(settings.target_min, settings.target_max)
    )
    if args.json:
        print_json(report.to_json())
        return 0
    lang = args.lang or settings.lang
    from dataclasses import replace

    from bot.domains import display_domain

    # people read international names in unicode (the report keeps the punycode key)
    message = build_digest_message(replace(report, site=display_domain(report.site)), lang=lang, zone=settings.zone)
    print(blocks_to_text(message.blocks))
    totals = report.totals()
    extra = []
    if not totals.get("checks"):
        extra.append(t("digest.cli_no_checks", lang, site=display_domain(report.site), cmd="backlinks"))
    if totals.get("confirmed_first_check"):
        extra.append(tn("digest.cli_confirmed", lang, totals["confirmed_first_check"]))
    if totals.get("never_live"):
        extra.append(tn("digest.cli_never_live", lang, totals["never_live"]))
    if message.csv:
        extra.append(t("digest.cli_csv", lang, name=message.csv_filename, rows=len(message.csv.splitlines()) - 1))
    if extra:
        print()
        print("\n".join(extra))
    return 0
