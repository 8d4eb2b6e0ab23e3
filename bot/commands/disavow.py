"""``backlinks disavow SITE [--output FILE]``: Google's disavow file, only from domains marked disavow."""

from __future__ import annotations

import argparse

ORDER = 64


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "disavow",
        parents=[parent],
        help="write a disavow file (Google format) from the domains you marked",
        description="Only domains marked with `backlinks toxic mark SITE DOMAIN disavow` go in; nothing is automatic. "
        "UTF-8, domain: lines with # comments, within Google's 100,000 lines and 2 MB.",
    )
    p.add_argument("site", help="a tracked site")
    p.add_argument("--output", "-o", metavar="FILE", help="where to write (default disavow-SITE.txt; '-' for standard output)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    from pathlib import Path

    from bot.compare.disavow import disavow_for
    from bot.config import Settings
    from bot.domains import normalise_site
    from bot.errors import UserInputError
    from bot.i18n import t
    from bot.plural import tn
    from storage.db import connect

    db = connect(Settings.from_env().db_path)
    try:
        text, count = disavow_for(db, args.workspace, args.site)
    finally:
        db.conn.close()
    site = normalise_site(args.site)
    output = args.output or f"disavow-{site}.txt"
    if output == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_bytes(text.encode("utf-8"))
    except OSError as err:
        raise UserInputError.keyed("compare.cannot_write", path=output, why=str(err.strerror or err)) from None
    if args.json:
        data = text.encode("utf-8")
        print(json.dumps({"site": site, "path": output, "domains": count, "lines": text.count("\n"), "bytes": len(data)}))
    else:
        print(tn("compare.disavow.written", "en", count, site=site, path=output))
    return 0
