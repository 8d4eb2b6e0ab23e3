"""Named exceptions. They carry one clear sentence for the user; the surface (CLI or Slack) shows it."""

from __future__ import annotations


class BacklinksError(Exception):
    """Base for every error that is the user's input or environment, not a bug.

    ``str(err)`` is a single sentence fit to show a user as it is.
    """


class UserInputError(BacklinksError):
    """Bad input: a malformed URL, an unknown site, an unreadable file."""


class ConfigError(BacklinksError):
    """Missing or wrong configuration (environment variables)."""


class NotFoundError(BacklinksError):
    """Something the user named does not exist (a site that is not tracked, say)."""
