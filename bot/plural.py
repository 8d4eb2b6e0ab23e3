"""Counted nouns in Dutch and English: ``1 referring domain``, ``2 referring domains``.

A text key ``K`` may have a singular variant ``K.one``; :func:`tn` picks it when the count is 1::

    "compare.gap.head":     {"en": "... {count} referring domains link to ..."},
    "compare.gap.head.one": {"en": "... 1 referring domain links to ..."},
"""

from __future__ import annotations

from typing import Any

from bot.i18n import catalogue, t


def tn(key: str, lang: str | None, count: int, /, **params: Any) -> str:
    """``t(key, lang, count=count, **params)``, using ``key.one`` when ``count`` is 1 and it exists."""
    one = f"{key}.one"
    chosen = one if count == 1 and one in catalogue() else key
    return t(chosen, lang, count=count, **params)
