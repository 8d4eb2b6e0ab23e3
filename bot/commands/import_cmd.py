"""``backlinks import SITE FILE``: read a backlink export (format detected from the file)."""

from __future__ import annotations

import argparse
from typing import Any

ORDER = 24
SHOW_REJECTED = 5


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import", parents=[parent], help="import a backlink export (Search Console, Ahrefs, Semrush, Majestic, Moz, URL list)",
        description="Read a backlink export file; the tool that made it is recognised from its header. "
        "Rows that cannot be read are counted and shown, never dropped silently.")
    p.add_argument("site", metavar="SITE")
    p.add_argument("file", metavar="FILE", help="the export as downloaded (.csv, .txt, .zip, .gz), or the output directory of backlinks commoncrawl scan/spark")
    p.set_defaults(handler=run)


def kind_claim(link: Any) -> str | None:
    """The kind an export claims (sponsored > ugc > nofollow > dofollow), None when it does not say."""
    if link.sponsored:
        return "sponsored"
    if link.ugc:
        return "ugc"
    if link.nofollow:
        return "nofollow"
    if link.nofollow is False:
        return "dofollow"
    return None


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bot.check.cli import open_db, print_json, site_arg
    from bot.domains import clip, domain_of_url, match_target
    from bot.errors import UserInputError
    from bot.i18n import t
    from bot.plural import tn
    from bot.imports import parse_export
    from storage.backlinks import NewBacklink, RejectedLink, add_backlinks
    from storage.sites import require_site

    domain = site_arg(args.site)
    db = open_db()
    require_site(db, args.workspace, domain)  # before reading a possibly large file
    path = Path(args.file)
    try:
        if path.is_dir():  # a Common Crawl scan or Spark output directory (part files per target domain)
            from bot.commoncrawl.output import collect_result

            data = collect_result(path, domain)
        else:
            data = path.read_bytes()
    except OSError:
        raise UserInputError.keyed("store.file_missing", path=clip(args.file)) from None
    parsed = parse_export(data, path.name)

    links = []
    other_site: list[RejectedLink] = []
    other_domains: dict[str, int] = {}
    for link in parsed.links:
        other = domain_of_url(link.target_url) if link.target_url else None
        if other and match_target(link.target_url, [domain]) is None:
            other_domains[other] = other_domains.get(other, 0) + 1
            other_site.append(RejectedLink(link.source_url, t("store.reject.other-site", None, other=other, site=domain)))
            continue
        links.append(NewBacklink(link.source_url, link.target_url, link.anchor, kind_claim(link), link.first_seen, link.last_seen))
    if parsed.links and not links:
        targets = sorted(other_domains, key=lambda d: -other_domains[d])
        raise UserInputError.keyed("store.export_other_site", site=domain, other=", ".join(targets[:3]))
    from bot.config import Settings

    refuse = not Settings.from_env().allow_private_networks
    result = add_backlinks(db, args.workspace, domain, links, found_by=parsed.format.found_by, refuse_private=refuse)

    store_rejected = list(other_site) + list(result.rejected)
    payload = {
        "site": domain,
        "file": path.name,
        "format": parsed.format.value,
        "rows_read": parsed.rows_read,
        "links": len(parsed.links),
        "added": result.added,
        "merged": result.merged,
        "duplicates_merged": parsed.duplicates_merged,
        "rejected": len(parsed.rejected) + len(store_rejected),
        "rejected_rows": [{"line": r.line, "reason": r.reason, "code": r.code} for r in parsed.rejected],
        "rejected_links": [{"url": r.source_url, "reason": r.reason} for r in store_rejected],
        "referring_domains": len(parsed.referring_domains),
    }
    if args.json:
        print_json(payload)
        return 0
    print(t("store.imported", None, site=domain, format=parsed.format.value, merged=result.merged,
            rows_text=tn("store.n.rows", None, parsed.rows_read), added_text=tn("store.n.new_pages", None, result.added),
            duplicates_text=tn("store.n.duplicates", None, parsed.duplicates_merged),
            rejected_text=tn("store.n.rejected", None, payload["rejected"])))
    for row in parsed.rejected[:SHOW_REJECTED]:
        print(t("store.rejected_row", None, line=row.line, reason=row.reason))
    if len(parsed.rejected) > SHOW_REJECTED:
        print(t("store.rejected_more", None, count=len(parsed.rejected) - SHOW_REJECTED))
    for rejected in store_rejected[:SHOW_REJECTED]:
        why = t(f"store.reject.{rejected.reason}", None) if rejected.reason in ("invalid-url", "same-site", "private-address") else rejected.reason
        print(t("store.rejected_url", None, url=rejected.source_url, why=why))
    if len(store_rejected) > SHOW_REJECTED:
        print(t("store.rejected_more", None, count=len(store_rejected) - SHOW_REJECTED))
    if parsed.referring_domains and not parsed.links:
        print(tn("store.referring_domains_only", None, len(parsed.referring_domains)))
    elif parsed.referring_domains:
        print(tn("store.referring_domains_too", None, len(parsed.referring_domains)))
    if result.added or result.merged:
        print(t("store.next_check", None, site=domain))
    return 0
