"""The one exception the parsers raise: a file that is not what the user thinks it is."""

from __future__ import annotations

from typing import Any

from bot.errors import UserInputError
from bot.i18n import t


class ImportFileError(UserInputError):
    """A file that is not a backlink export (or not a rankings file).

    ``str(err)`` is the English sentence; ``err.text(lang)`` gives it in the user's language.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def text(self, lang: str | None) -> str:
        """The sentence in ``lang`` (``nl`` or ``en``)."""
        return t(self.key, lang, **self.params)
