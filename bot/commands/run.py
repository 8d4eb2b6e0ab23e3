"""``backlinks run``: start the Slack bot (Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT)."""

from __future__ import annotations

import argparse

ORDER = 5


def run(args: argparse.Namespace) -> int:
    import asyncio
    import logging

    from bot.config import Settings
    from bot.slack.runner import check_config, serve

    settings = Settings.from_env()
    check_config(settings)  # one sentence before anything starts
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("slack_bolt").setLevel(logging.WARNING)
    logging.getLogger("slack_sdk").setLevel(logging.WARNING)
    logging.getLogger("slack_bolt.AsyncApp").setLevel(logging.ERROR)  # "client given, token unused" is expected
    asyncio.run(serve(settings, host=args.host))
    return 0


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "run", parents=[parent],
        help="start the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT)",
        description="Start the Slack bot. Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), "
        "otherwise an HTTP server on PORT verified with SLACK_SIGNING_SECRET. Stop with Ctrl-C or SIGTERM.",
    )
    p.add_argument("--host", default="0.0.0.0", help="address to listen on in HTTP mode (default: 0.0.0.0)")
    p.set_defaults(handler=run)
