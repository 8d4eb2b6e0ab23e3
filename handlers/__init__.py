"""Slack listeners. Thin: ``ack()`` first, parse, call the engine, render with :mod:`bot.slack.blocks`.

Every module here (other than the router) defines ``register(app, ctx)``; :func:`register_all` calls
them in a fixed order (router first, then the built-in subcommands, then any other module found in
this package, alphabetically), so a new subcommand module only needs to exist.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from typing import Any

BUILTIN = ("help", "sites", "add", "imports", "check", "export", "lang", "faq", "home", "events")


def register_all(app: Any, ctx: Any) -> None:
    import handlers as pkg
    from handlers import router

    router.register_listener(app, ctx)
    names = list(BUILTIN) + sorted(
        m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name not in BUILTIN and m.name != "router" and not m.name.startswith("_")
    )
    for name in names:
        try:
            module = importlib.import_module(f"handlers.{name}")
            setup = getattr(module, "register", None)
            if callable(setup):
                setup(app, ctx)
        except Exception as err:
            from handlers.router import DuplicateAlias

            if name in BUILTIN or isinstance(err, DuplicateAlias):  # a word meaning two commands is a bug
                raise
            # An add-on surface that fails to load must not take the whole bot down.
            logging.getLogger(__name__).exception("handlers.%s could not be registered; its subcommands are unavailable", name)
