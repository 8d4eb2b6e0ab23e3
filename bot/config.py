"""Configuration: the environment is read here and nowhere else."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping

DEFAULT_USER_AGENT = "BacklinksBot/0.1 (+https://github.com/backlinks-slack/backlinks-slack; backlink checker)"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def load_dotenv_file(path: str = ".env") -> bool:
    """Read ``KEY=value`` lines from ``.env`` in the current folder into the environment, without
    overriding variables that are already set. Off when ``BACKLINKS_DOTENV=0`` (the tests set it)."""
    if not _flag(os.environ.get("BACKLINKS_DOTENV", "1")) or not os.path.isfile(path):
        return False
    from dotenv import load_dotenv

    from bot.errors import ConfigError

    try:
        with open(path, encoding="utf-8") as handle:
            return load_dotenv(stream=handle, override=False)
    except UnicodeDecodeError:
        raise ConfigError(f"{os.path.abspath(path)} is not UTF-8 text; save it as UTF-8 (plain KEY=value lines).") from None
    except OSError as err:
        raise ConfigError(f"Cannot read {os.path.abspath(path)}: {err.strerror or err}.") from None


@dataclass(frozen=True)
class Settings:
    """Everything the app reads from its environment."""

    db_path: str = "backlinks.db"
    user_agent: str = DEFAULT_USER_AGENT
    allow_private_networks: bool = False
    slack_bot_token: str | None = None
    slack_app_token: str | None = None
    slack_signing_secret: str | None = None
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    port: int = 3000
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Build settings from ``env`` (default: ``os.environ``)."""
        from bot.errors import ConfigError

        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name)
            return value.strip() if value and value.strip() else None

        port_raw = get("PORT") or "3000"
        try:
            port = int(port_raw)
            if not 0 < port < 65536:
                raise ValueError
        except ValueError:
            raise ConfigError(f"PORT must be a port number between 1 and 65535, not {port_raw!r}.") from None
        api_url = get("SLACK_API_URL") or DEFAULT_SLACK_API_URL
        if not api_url.endswith("/"):
            api_url += "/"
        return cls(
            db_path=get("BACKLINKS_DB") or "backlinks.db",
            user_agent=get("BACKLINKS_USER_AGENT") or DEFAULT_USER_AGENT,
            allow_private_networks=_flag(env.get("BACKLINKS_ALLOW_PRIVATE_NETWORKS")),
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_client_id=get("SLACK_CLIENT_ID"),
            slack_client_secret=get("SLACK_CLIENT_SECRET"),
            slack_api_url=api_url,
            port=port,
        )
