"""Named exceptions. They carry one clear sentence for the user; the surface (CLI or Slack) shows it.

Raise with a text key so the surface can show the sentence in the user's language::

    raise NotFoundError.keyed("store.not_tracked", site="mysite.nl")

``str(err)`` is the English sentence (logs, the CLI); ``err.text(lang)`` is the sentence in ``lang``.
An error raised with a plain message (``UserInputError("...")``) has only that sentence.

Sentences that name a command never hard-code CLI syntax: they take the parameter ``cmd``, the
command prefix of the surface. The raiser passes the CLI's (``cmd="backlinks"``), so ``str(err)`` is
right on the command line; Slack sets ``err.params["cmd"] = "/backlinks"`` and then calls
``err.text(lang)``::

    raise NotFoundError.keyed("store.not_tracked", site=domain, cmd="backlinks")
    # text: "{site} is not tracked in this workspace; start with: {cmd} track {site}"

Arguments echoed in a sentence are clipped (:func:`bot.domains.clip`) so a 5,000-character argument
does not come back in full.
"""

from __future__ import annotations

from typing import Any, TypeVar

E = TypeVar("E", bound="BacklinksError")


class BacklinksError(Exception):
    """Base for every error that is the user's input or environment, not a bug."""

    key: str | None = None
    params: dict[str, Any]

    def __init__(self, message: str = "", *, key: str | None = None, **params: Any) -> None:
        self.key = key
        self.params = params
        if key is not None and not message:
            from bot.i18n import t

            message = t(key, "en", **params)
        super().__init__(message)

    @classmethod
    def keyed(cls: type[E], key: str, **params: Any) -> E:
        """The error whose sentence is the text ``key`` (see :mod:`bot.i18n`) formatted with ``params``."""
        return cls(key=key, **params)

    def text(self, lang: str | None) -> str:
        """The sentence in ``lang`` (``nl`` or ``en``); the message as given when there is no key."""
        if self.key is None:
            return str(self)
        from bot.i18n import t

        return t(self.key, lang, **self.params)


class UserInputError(BacklinksError):
    """Bad input: a malformed URL, an unknown site, an unreadable file."""


class ConfigError(BacklinksError):
    """Missing or wrong configuration (environment variables)."""


class NotFoundError(BacklinksError):
    """Something the user named does not exist (a site that is not tracked, say)."""
