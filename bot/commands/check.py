"""``backlinks check SITE``: visit every referring page of a site and record what it says now.

``backlinks check URL`` (a page address: a scheme, or a path after the host) inspects that one page
against the workspace's tracked sites, like Slack's ``check URL``: the same rule decides
(:func:`handlers.router.is_url`) and the same engine reads the page (:func:`bot.inspect.inspect_urls`).
Nothing is stored.
"""

from __future__ import annotations

import argparse
from typing import Any

ORDER = 25
SHOW = 15  # lines of links that need attention in the text summary


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", parents=[parent], help="check every backlink of a site now (or one page: check URL)",
                       description="Fetch every known referring page of SITE (politely, many at once) and record whether "
                       "the link is live, missing, lost or blocked, and why. Given a page URL instead "
                       "(https://blog.example.nl/post), show that page's links to the tracked sites.")
    p.add_argument("site", metavar="SITE|URL")
    p.set_defaults(handler=run)


def summary_lines(report: Any, *, baseline: bool, lang: str | None = None) -> list[str]:
    """The text a person reads at a glance: counts, what happened, the links that need attention."""
    from bot.i18n import t
    from bot.plural import tn

    from bot.domains import display_domain

    lines = [tn("store.check_summary", lang, report.checked, site=display_domain(report.site), checked=report.checked, seconds=report.duration_s,
               live=report.live, missing=report.missing, lost=report.lost, blocked=report.blocked)]
    live = [l for l in report.links if l.status == "live"]
    not_followed = sum(1 for l in live if l.follow is False)
    if not_followed:
        lines.append(t("store.check_follow", lang, followed=len(live) - not_followed, not_followed=not_followed))
    if report.interrupted_checks:
        lines.append(t("store.check_interrupted_before", lang, site=report.site))
    if baseline:
        lines.append(t("store.check_baseline", lang))
    else:
        lines.append(t("store.check_events", lang, appeared=report.events.get("appeared", 0), lost=report.events.get("lost", 0),
                       returned=report.events.get("returned", 0), changed=report.changed))
    order = {"lost": 0, "missing": 1, "blocked": 2, "live": 3}
    attention = [l for l in report.links if l.status != "live" or l.changes]
    attention.sort(key=lambda l: (order.get(l.status, 9), l.source_url))
    if attention:
        lines.append(t("store.check_problems", lang))
        for link in attention[:SHOW]:
            if link.status == "live":
                why = ", ".join(t(f"store.change.{c}", lang) for c in link.changes)
            else:
                why = t(f"store.reason.{link.reason}", lang) if link.reason else ""
            lines.append(t("store.check_line", lang, status=t(f"store.status.{link.status}", lang), source_url=link.source_url, reason=why))
        if len(attention) > SHOW:
            lines.append(t("store.check_more", lang, count=len(attention) - SHOW, site=report.site))
    return lines


def check_page(args: argparse.Namespace) -> int:
    """``check URL``: one page's links to the workspace's tracked sites (nothing stored)."""
    import asyncio
    import sys

    from bot.check.cli import open_db, print_json
    from bot.commands.inspect import _print_table
    from bot.i18n import t
    from bot.plural import tn
    from bot.inspect import _validate_url, inspect_urls
    from storage.sites import list_sites

    url = args.site.strip()
    if not url.lower().startswith(("http://", "https://")):
        url = "https://" + url
    _validate_url(url)
    db = open_db()
    targets = [site.domain for site in list_sites(db, args.workspace)]
    db.conn.close()
    page = asyncio.run(inspect_urls([url], targets or None))[0]
    if args.json:
        print_json({**page, "tracked_sites": targets})
        return 0
    _print_table(page, sys.stdout)
    if not page.get("error"):
        if not targets:
            print(t("store.check_page_no_sites", None, cmd="backlinks"))
        elif not page["links"]:
            print(t("store.check_page_none", None, sites=", ".join(targets)))
        else:
            print(tn("store.check_page_links", None, len(page["links"]), sites=", ".join(targets)))
    return 0


def run(args: argparse.Namespace) -> int:
    import asyncio

    from handlers.router import is_url

    if is_url(args.site):
        return check_page(args)

    from bot.check.cli import ProgressBar, open_db, print_json, site_arg
    from bot.check.engine import run_check
    from bot.config import Settings
    from bot.errors import UserInputError
    from bot.fetch import FetchSettings
    from bot.i18n import t
    from storage.backlinks import site_summary
    from storage.checks import last_check
    from storage.store import Store

    domain = site_arg(args.site)
    settings = Settings.from_env()
    db = open_db()
    summary = site_summary(db, args.workspace, domain)  # raises NotFoundError for an untracked site
    baseline = last_check(db, args.workspace, domain) is None
    db.conn.close()
    if summary.total == 0:
        # nothing to check is not an error: exit 0 in both modes, with the same sentence
        note = t("store.check_nothing", None, site=domain, cmd="backlinks")
        if args.json:
            print_json({"site": domain, "checked": 0, "live": 0, "missing": 0, "lost": 0, "blocked": 0, "links": [], "note": note})
        else:
            print(note)
        return 0

    bar = ProgressBar(domain)

    async def go() -> Any:
        store = Store(settings.db_path)
        try:
            await store.open()
            return await run_check(store, FetchSettings.from_settings(settings), args.workspace, domain,
                                   progress=None if args.json else bar, trigger="cli")
        finally:
            await store.aclose()

    try:
        report = asyncio.run(go())
    finally:
        bar.close()
    if args.json:
        print_json(report.to_json())
    else:
        print("\n".join(summary_lines(report, baseline=baseline)))
    return 0
