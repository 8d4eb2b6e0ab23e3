"""User-facing text in Dutch and English, kept in one place.

Every message lives in a module of :mod:`bot.texts` as a dict ``TEXTS = {key: {"en": ..., "nl": ...}}``.
Keys are namespaced by area (``"check.summary"``, ``"faq.declined"``). Handlers and the CLI call
:func:`t`; they never hold sentences of their own.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from typing import Any

LANGS = ("en", "nl")
DEFAULT_LANG = "en"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """All texts of all areas, merged; duplicate keys are a programming error."""
    import bot.texts as pkg

    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"bot.texts.{info.name}")
        for key, variants in getattr(module, "TEXTS", {}).items():
            if key in merged:
                raise RuntimeError(f"text key {key!r} defined twice (bot.texts.{info.name})")
            merged[key] = variants
    return merged


def normalise_lang(lang: str | None) -> str:
    """Map a Slack locale or language tag (``nl-NL``, ``en_US``) to ``nl`` or ``en``."""
    if not lang:
        return DEFAULT_LANG
    code = lang.replace("_", "-").split("-")[0].lower()
    return code if code in LANGS else DEFAULT_LANG


def t(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` (falling back to English), formatted with ``params``."""
    variants = catalogue().get(key)
    if variants is None:
        raise KeyError(f"unknown text key {key!r}")
    template = variants.get(normalise_lang(lang)) or variants[DEFAULT_LANG]
    return template.format(**params) if params else template
