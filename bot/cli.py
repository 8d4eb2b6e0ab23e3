"""The ``backlinks`` command line.

Subcommands live in :mod:`bot.commands`, one module each, discovered at start. A command module
defines ``ORDER`` (int, position in ``--help``) and ``register(subparsers, parent)`` that adds its
parser and sets ``handler=<function(args) -> int>``. Command modules import heavy libraries inside
their handler only, so ``backlinks --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import NoReturn, Sequence

from bot.errors import BacklinksError


class OneLineParser(argparse.ArgumentParser):
    """Argument errors are one line, ``error: <what is wrong>; see backlinks <command> --help``."""

    def error(self, message: str) -> NoReturn:
        sentence = message[:1].upper() + message[1:]
        if not sentence.endswith((".", "?", "!")):
            sentence += "."
        self.exit(2, f"error: {sentence} See `{self.prog} --help`.\n")


def workspace_id(text: str) -> str:
    """A workspace (Slack team) id as typed on the command line: letters, digits, ``_`` and ``-``."""
    value = text.strip()
    if not value or len(value) > 64 or not all(ch.isalnum() or ch in "_-" for ch in value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a workspace id; use letters, digits, - or _ (for example T0123ABC).")
    return value


def common_parent() -> argparse.ArgumentParser:
    """Options every subcommand accepts: ``--json`` and ``--workspace``."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parent.add_argument(
        "--workspace",
        default="local",
        type=workspace_id,
        metavar="ID",
        help="the workspace (Slack team id) to act as (default: local)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    import bot.commands as pkg

    parser = OneLineParser(
        prog="backlinks",
        description="Find out which pages link to your site and whether those links still count.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parent = common_parent()
    modules = [importlib.import_module(f"bot.commands.{m.name}") for m in pkgutil.iter_modules(pkg.__path__)]
    for module in sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.__name__)):
        module.register(sub, parent)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    from bot.config import load_dotenv_file

    try:
        load_dotenv_file()
        return int(handler(args) or 0)
    except BacklinksError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
