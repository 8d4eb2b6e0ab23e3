"""OAuth installations kept in our SQLite file, through :class:`storage.store.Store` (never blocking
the event loop), plus the uninstall purge.

Bolt's own async SQLite store does not implement deletion; this one does, and :func:`purge_team`
removes a workspace's tokens AND all its data in one idempotent step.
"""

from __future__ import annotations

import logging
import secrets
from logging import Logger
from typing import Optional

from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from storage import slack_repo
from storage.store import Store

log = logging.getLogger(__name__)


class SqliteInstallationStore(AsyncInstallationStore):
    """slack_sdk installation store backed by the app's :class:`Store`."""

    def __init__(self, store: Store, logger: Logger | None = None) -> None:
        self.store = store
        self._logger = logger or log

    @property
    def logger(self) -> Logger:
        return self._logger

    async def async_save(self, installation: Installation) -> None:
        data = dict(installation.__dict__)
        await self.store.call(
            slack_repo.save_installation, installation.team_id or "", installation.enterprise_id or "",
            installation.user_id, float(installation.installed_at), data,
        )
        await self.async_save_bot(installation.to_bot())

    async def async_save_bot(self, bot: Bot) -> None:
        if bot.bot_token is None:
            return
        await self.store.call(
            slack_repo.save_bot, bot.team_id or "", bot.enterprise_id or "", float(bot.installed_at), dict(bot.__dict__)
        )

    async def async_find_bot(
        self, *, enterprise_id: Optional[str], team_id: Optional[str], is_enterprise_install: Optional[bool] = False
    ) -> Optional[Bot]:
        data = await self.store.call(slack_repo.find_bot, team_id or "", enterprise_id or "")
        return Bot(**data) if data else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: Optional[str],
        team_id: Optional[str],
        user_id: Optional[str] = None,
        is_enterprise_install: Optional[bool] = False,
    ) -> Optional[Installation]:
        data = await self.store.call(slack_repo.find_installation, team_id or "", enterprise_id or "", user_id)
        return Installation(**data) if data else None

    async def async_delete_bot(self, *, enterprise_id: Optional[str], team_id: Optional[str]) -> None:
        await self.store.call(slack_repo.delete_bots, team_id or "", enterprise_id or "")

    async def async_delete_installation(
        self, *, enterprise_id: Optional[str], team_id: Optional[str], user_id: Optional[str] = None
    ) -> None:
        await self.store.call(slack_repo.delete_installations, team_id or "", enterprise_id or "", user_id)


class SqliteOAuthStateStore(AsyncOAuthStateStore):
    """One-time OAuth ``state`` values, kept for ten minutes."""

    def __init__(self, store: Store, expiration_seconds: int = 600, logger: Logger | None = None) -> None:
        self.store = store
        self.expiration_seconds = expiration_seconds
        self._logger = logger or log

    @property
    def logger(self) -> Logger:
        return self._logger

    async def async_issue(self, *args: object, **kwargs: object) -> str:
        state = secrets.token_urlsafe(24)
        await self.store.call(slack_repo.issue_state, state, self.expiration_seconds)
        return state

    async def async_consume(self, state: str) -> bool:
        return await self.store.call(slack_repo.consume_state, state)


def _purge(db, team_id: str) -> int:  # type: ignore[no-untyped-def]
    from storage.workspace import purge_workspace

    return purge_workspace(db, team_id)


async def purge_team(store: Store, team_id: str) -> int:
    """Remove the workspace's tokens and every row of its data, in one transaction; idempotent.

    Returns the number of rows deleted (0 the second time).
    """
    if not team_id:
        return 0
    deleted = await store.call(_purge, team_id)
    log.info("purged workspace %s (%d rows)", team_id, deleted)
    return deleted
