"""``backlinks weekly SITE [--now] [--json] [--lang nl|en]``: an alias of ``backlinks digest SITE --week``.

One report, one function: :func:`bot.commands.digest.run`. ``--now`` takes the last 7 days up to now
instead of the week that ended at the workspace's last digest slot.
"""

from __future__ import annotations

import argparse

ORDER = 28


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    from bot.commands.digest import add_arguments

    p = sub.add_parser(
        "weekly",
        parents=[parent],
        help="alias of 'digest SITE --week' (the week the Slack digest posted)",
        description="The same report as 'backlinks digest SITE --week': the week that ended at the last digest slot.",
    )
    add_arguments(p)
    p.add_argument("--now", action="store_true", help="the last 7 days up to now instead of the last digest week")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.commands.digest import run as digest

    args.days = 7 if args.now else None
    args.week = not args.now
    return digest(args)
