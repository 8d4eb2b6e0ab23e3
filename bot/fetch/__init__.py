"""Safe, polite fetching of web pages (see :mod:`bot.fetch.fetcher`).

Typical use::

    from bot.fetch import FetchSettings, open_fetcher

    async with open_fetcher(FetchSettings.from_settings(settings)) as fetcher:
        result = await fetcher.fetch("https://blog.example/post")
        if result.ok:
            ...  # result.html
        else:
            ...  # result.error (a FetchError), result.detail

The names are imported lazily, so ``from bot.fetch.result import FetchResult`` stays light (no aiohttp).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.fetch.fetcher import Fetcher
    from bot.fetch.resolver import BlockedAddressError, SafeResolver
    from bot.fetch.result import FetchError, FetchResult
    from bot.fetch.session import make_session, open_fetcher
    from bot.fetch.settings import FetchSettings

_EXPORTS = {
    "FetchError": "bot.fetch.result",
    "FetchResult": "bot.fetch.result",
    "FetchSettings": "bot.fetch.settings",
    "Fetcher": "bot.fetch.fetcher",
    "make_session": "bot.fetch.session",
    "open_fetcher": "bot.fetch.session",
    "SafeResolver": "bot.fetch.resolver",
    "BlockedAddressError": "bot.fetch.resolver",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'bot.fetch' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
