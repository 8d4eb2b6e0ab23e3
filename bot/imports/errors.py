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
        super().__init__(t(key, "en", **_localised(params, "en")), key=key, **params)

    def text(self, lang: str | None) -> str:
        return t(self.key or "", lang, **_localised(self.params, lang))


KIND_NAMES = {  # English names that binary_kind and the parser give -> text keys (bot.texts.imports)
    "a PNG image": "imports.kind.png",
    "a JPEG image": "imports.kind.jpeg",
    "a GIF image": "imports.kind.gif",
    "an image": "imports.kind.image",
    "a PDF document": "imports.kind.pdf",
    "a media file": "imports.kind.media",
    "an old Office document": "imports.kind.office",
    "a 7-Zip archive": "imports.kind.7z",
    "a RAR archive": "imports.kind.rar",
    "a bzip2 archive": "imports.kind.bzip2",
    "a program": "imports.kind.program",
    "a binary file": "imports.kind.binary",
    "a web page or XML file": "imports.kind.html",
    "a JSON file": "imports.kind.json",
}


def _localised(params: dict[str, Any], lang: str | None) -> dict[str, Any]:
    """``kind`` (what the file is instead) in ``lang``."""
    kind = params.get("kind")
    if isinstance(kind, str) and kind in KIND_NAMES:
        return {**params, "kind": t(KIND_NAMES[kind], lang)}
    return params
