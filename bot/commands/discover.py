"""``backlinks discover [SITE] [--budget N]``: read the watched sites for new backlinks and mentions."""

from __future__ import annotations

import argparse
from typing import Any

ORDER = 41
SHOW = 20


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("discover", parents=[parent], help="find new backlinks and unlinked mentions on watched sites",
                       description="Read the sites on the watch list of SITE (all sites when left out) politely: robots.txt, "
                       "sitemaps and feeds, then the pages that are new or changed since the last visit. Links to any tracked "
                       "site become backlinks; pages that name a site without linking to it are listed by backlinks mentions. "
                       "An interrupted run resumes where it stopped.")
    p.add_argument("site", metavar="SITE", nargs="?")
    p.add_argument("--budget", type=int, default=None, metavar="N", help="at most N pages in this run (default 300)")
    p.set_defaults(handler=run)


def summary_lines(report: Any, lang: str | None = None) -> list[str]:
    from bot.i18n import t
    from bot.plural import tn

    scope = report.scope if report.scope != "*" else t("discover.scope_all", lang)
    lines = [t("discover.summary", lang, scope=scope, domains=report.domains, pages=report.pages, unchanged=report.unchanged,
               failed=report.failed, listings=report.listings, seconds=report.duration_s,
               domains_text=tn("discover.n.domains", lang, report.domains), pages_text=tn("discover.n.pages", lang, report.pages),
               listings_text=tn("discover.n.listings", lang, report.listings))]
    if report.resumed:
        lines.append(t("discover.resumed", lang))
    lines.append(t("discover.found", lang, links=len(report.new_links), mentions=report.mentions_new))
    for link in sorted(report.new_links, key=lambda l: (l["site"], l["source_url"]))[:SHOW]:
        lines.append(t("discover.link_line", lang, **link))
    if len(report.new_links) > SHOW:
        lines.append(t("discover.more", lang, count=len(report.new_links) - SHOW))
    if report.deferred:
        lines.append(tn("discover.deferred", lang, report.deferred, budget=report.budget))
    if report.new_links:
        lines.append(t("discover.next_check", lang, scope=report.scope if report.scope != "*" else "SITE"))
    return lines


def run(args: argparse.Namespace) -> int:
    import asyncio
    from dataclasses import replace

    from bot.check.cli import ProgressBar, print_json, site_arg
    from bot.config import Settings
    from bot.discover.crawl import DiscoverOptions, run_discover
    from bot.errors import UserInputError
    from bot.fetch import FetchSettings
    from bot.i18n import t
    from storage.sites import require_site
    from storage.store import Store

    domain = site_arg(args.site) if args.site else None
    if args.budget is not None and not 1 <= args.budget <= 100_000:
        raise UserInputError(t("discover.budget_invalid", None))
    settings = Settings.from_env()
    options = DiscoverOptions()
    if args.budget is not None:
        options = replace(options, budget=args.budget, per_workspace=args.budget)
    bar = ProgressBar(domain or "discover")

    async def go() -> Any:
        store = Store(settings.db_path)
        try:
            await store.open()
            if domain is not None:
                await store.call(require_site, args.workspace, domain)
            return await run_discover(store, FetchSettings.from_settings(settings), args.workspace, domain,
                                      options=options, progress=None if args.json else bar, trigger="cli")
        finally:
            await store.aclose()

    try:
        report = asyncio.run(go())
    finally:
        bar.close()
    if args.json:
        print_json(report.to_json())
        return 0
    if report.domains == 0:
        print(t("discover.nothing_to_read", None, scope=domain or t("discover.scope_all", None)))
        return 0
    print("\n".join(summary_lines(report)))
    return 0
