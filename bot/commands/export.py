"""``backlinks export SITE [--output FILE]``: the current state of every backlink as CSV."""

from __future__ import annotations

import argparse
from typing import Any

ORDER = 26

COLUMNS = (
    "source_url", "source_domain", "target_url", "status", "reason", "kind", "follow", "anchor", "placement",
    "http_status", "found_by", "first_seen", "added_at", "last_checked_at", "last_live_at",
)


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", parents=[parent], help="write the backlinks of a site and their status as CSV",
                       description="Write every backlink of SITE with its current status, reason, kind and anchor as CSV "
                       "(UTF-8, to FILE or standard output).")
    p.add_argument("site", metavar="SITE")
    p.add_argument("--output", "-o", metavar="FILE", help="write the CSV to FILE instead of standard output")
    p.add_argument("--status", choices=("pending", "live", "missing", "lost", "blocked"), help="only backlinks with this status")
    p.set_defaults(handler=run)


def cell(value: Any) -> str:
    """A CSV cell that spreadsheets do not run as a formula (text from the web may start with =)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def row_of(backlink: Any) -> dict[str, Any]:
    """The backlink as exported: before any check saw the link, the anchor and kind (and so follow)
    are what the imported file claimed; after, what the last check saw."""
    data = backlink.to_dict()
    if data["kind"] is None:
        claimed = getattr(backlink, "claimed_kind", None)
        data["anchor"] = data["anchor"] or getattr(backlink, "claimed_anchor", None)
        if claimed:
            data["kind"], data["follow"] = claimed, claimed == "dofollow"
    return data


def write_csv(out: Any, rows: Any) -> int:
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for backlink in rows:
        data = row_of(backlink)
        writer.writerow([cell(data[c]) for c in COLUMNS])
        count += 1
    return count


def run(args: argparse.Namespace) -> int:
    import sys

    from bot.check.cli import open_db, print_json, site_arg
    from bot.domains import clip
    from bot.errors import UserInputError
    from bot.i18n import t
    from bot.plural import tn
    from storage.backlinks import iter_backlinks, list_backlinks
    from storage.sites import require_site

    domain = site_arg(args.site)
    db = open_db()
    require_site(db, args.workspace, domain)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = write_csv(out, iter_backlinks(db, args.workspace, domain, status=args.status))
        except OSError as err:
            raise UserInputError.keyed("store.output_unwritable", path=clip(args.output), problem=err.strerror or str(err)) from None
        if args.json:
            print_json({"site": domain, "rows": count, "output": args.output})
        else:
            print(tn("store.exported", None, count, rows=count, site=domain, path=args.output))
        return 0
    if args.json:
        rows = [row_of(b) for b in list_backlinks(db, args.workspace, domain, status=args.status)]
        print_json({"site": domain, "rows": len(rows), "backlinks": rows})
        return 0
    write_csv(sys.stdout, iter_backlinks(db, args.workspace, domain, status=args.status))
    return 0
