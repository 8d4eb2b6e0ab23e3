"""``backlinks toxic SITE`` (score referring domains) and ``backlinks toxic mark SITE DOMAIN keep|disavow``."""

from __future__ import annotations

import argparse

ORDER = 63

NICHES = ("gambling", "pharma", "adult", "replica", "essay", "payday", "link-selling")  # bot.compare.toxic.SPAM_TERMS


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "toxic",
        parents=[parent],
        help="score referring domains for toxicity (0-100 with reasons); mark keep/disavow",
        description="backlinks toxic SITE: reads up to 3 pages per referring domain (cached a week) and scores "
        "each domain 0-100 with the reasons. backlinks toxic mark SITE DOMAIN keep|disavow [--reason TEXT]: "
        "record your decision (a domain with no known link to SITE needs --force); the disavow file is made only "
        "from domains you marked.",
    )
    p.add_argument("words", nargs="+", metavar="SITE | mark SITE DOMAIN keep|disavow")
    p.add_argument("--reason", help="why (with mark; goes into the disavow file as a comment)")
    p.add_argument("--niche", action="append", default=[], choices=NICHES, metavar="CATEGORY",
                   help="the site's own niche, one of: " + ", ".join(NICHES) + " (repeatable)")
    p.add_argument("--force", action="store_true", help="with mark: mark a domain even if it has no known link to SITE")
    p.add_argument("--refresh", action="store_true", help="read every page again, even if read this week")
    p.add_argument("--no-fetch", action="store_true", help="do not read pages; use what was read before")
    p.add_argument("--all", action="store_true", help="list clean domains too")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import json

    from bot.config import Settings
    from bot.errors import UserInputError
    from bot.i18n import t

    words = list(args.words)
    settings = Settings.from_env()
    if words[0] == "mark":
        if len(words) != 4:
            raise UserInputError(t("compare.mark.usage", "en"))
        return _mark(args, settings, words[1], words[2], words[3])
    if len(words) != 1:
        raise UserInputError(t("compare.mark.usage", "en"))
    import asyncio

    from bot.compare.render import toxic_lines
    from bot.compare.toxic import toxic_scan
    from storage.store import Store

    def opener():  # type: ignore[no-untyped-def]
        from bot.fetch import FetchSettings, open_fetcher

        return open_fetcher(FetchSettings.from_settings(settings))

    async def scan():  # type: ignore[no-untyped-def]
        store = Store(settings.db_path)
        try:
            return await toxic_scan(
                store, args.workspace, words[0], open_fetcher_fn=None if args.no_fetch else opener, niche=args.niche, refresh=args.refresh
            )
        finally:
            await store.aclose()

    report = asyncio.run(scan())
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    for line in toxic_lines(report, "en", limit=10_000, show_clean=args.all):
        print(line)
    return 0


def _mark(args: argparse.Namespace, settings, site_text: str, domain_text: str, decision: str) -> int:  # type: ignore[no-untyped-def]
    import json

    from bot.compare.toxic import mark_decision
    from bot.errors import UserInputError
    from bot.i18n import t
    from storage import compare_repo
    from storage.db import connect

    decision = decision.lower()
    if decision not in compare_repo.DECISIONS:
        raise UserInputError(t("compare.mark.usage", "en"))
    db = connect(settings.db_path)
    try:
        site, mark = mark_decision(db, args.workspace, site_text, domain_text, decision, reason=args.reason, decided_by="cli", force=args.force)
    finally:
        db.conn.close()
    if args.json:
        print(json.dumps({"site": site.domain, "domain": mark.domain, "decision": mark.decision, "reason": mark.reason, "decided_at": mark.decided_at}))
    else:
        print(t("compare.mark.saved", "en", domain=mark.domain, decision=mark.decision, site=site.domain))
    return 0
