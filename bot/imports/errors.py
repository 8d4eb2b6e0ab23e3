"""The one exception the parsers raise: a file that is not what the user thinks it is."""

from __future__ import annotations

from typing import Any

from bot.errors import UserInputError


class ImportFileError(UserInputError):
    """A file that is not a backlink export (or not a rankings file).

    ``str(err)`` is the English sentence; ``err.text(lang)`` gives it in the user's language.
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key=key, **params)
