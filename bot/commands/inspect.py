"""``backlinks inspect``: analyse one referring page (fetched or saved) or a manifest of saved pages."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

ORDER = 10


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "inspect",
        parents=[parent],
        help="analyse the links on one page (or many saved pages)",
        description="Show every link on a page, or only the links to --target sites, with rel, placement and whether they count.",
    )
    p.add_argument("url", nargs="?", help="the page to analyse, e.g. https://blog.example.nl/post")
    p.add_argument("--target", action="append", default=[], metavar="DOMAIN", help="only links to this site (repeatable)")
    p.add_argument("--html", metavar="FILE", help="read the page from FILE (may be gzipped) instead of fetching URL")
    p.add_argument("--manifest", metavar="FILE.jsonl", help='many saved pages: lines of {"id", "url", "html_path"}')
    p.set_defaults(handler=run)


def _print_table(page: dict[str, Any], out: Any) -> None:
    head = page["final_url"]
    if page.get("error"):
        print(f"{head}: {page['error']}" + (f" (HTTP {page['status']})" if page.get("status") else ""), file=out)
        return
    robots = page.get("robots", {})
    flags = [name for name in ("noindex", "nofollow") if robots.get(name)]
    print(f"{head}  status={page.get('status') or '-'}  links={len(page['links'])}  outbound={page['outbound_links']}"
          + (f"  page:{','.join(flags)}" if flags else "")
          + (f"  canonical={page['canonical']}" if page.get("canonical") and page["canonical"] != head else ""), file=out)
    for link in page["links"]:
        follow = "follow" if link["follow"] else "nofollow"
        anchor = (link["anchor"] or "")[:50]
        print(f"  {link['kind']:<9} {follow:<8} {link['placement']:<10} {anchor!r:<52} {link['href']}", file=out)


def run(args: argparse.Namespace) -> int:
    from bot.domains import normalise_site
    from bot.errors import UserInputError
    from bot.inspect import inspect_saved, inspect_urls, iter_manifest

    targets = [normalise_site(t) for t in args.target] or None
    if args.manifest:
        if args.url or args.html:
            raise UserInputError("Use either --manifest FILE or a URL, not both.")
        pages = iter_manifest(args.manifest, targets)
    elif not args.url:
        raise UserInputError("Give the page to inspect, e.g. backlinks inspect https://blog.example.nl/post --target mysite.nl.")
    elif args.html:
        pages = iter([inspect_saved(args.url, args.html, targets)])
    else:
        import asyncio

        from bot.inspect import _validate_url

        _validate_url(args.url)
        pages = iter(asyncio.run(inspect_urls([args.url], targets)))
    out = sys.stdout
    for page in pages:
        if args.json:
            out.write(json.dumps(page, ensure_ascii=False) + "\n")
        else:
            _print_table(page, out)
    return 0
