"""Repository of tracked sites (own sites and competitors), always scoped to one workspace."""

from __future__ import annotations

from storage.timestamps import now_iso  # noqa: F401  (re-exported: other modules import it from here)

import json
from dataclasses import dataclass
from typing import Any, Iterable

import sqlite_utils

from bot.domains import normalise_site
from bot.errors import NotFoundError, UserInputError

ROLES = ("own", "competitor")


@dataclass(frozen=True)
class Site:
    id: int
    team_id: str
    domain: str
    role: str
    channel_id: str | None
    brands: tuple[str, ...]
    keywords: tuple[str, ...]
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "role": self.role,
            "channel_id": self.channel_id,
            "brands": list(self.brands),
            "keywords": list(self.keywords),
            "created_at": self.created_at,
        }


class MissingWorkspaceError(UserInputError, ValueError):
    """No workspace (team id) was given: every read and write needs one."""


def require_team(team_id: str) -> str:
    if not isinstance(team_id, str) or not team_id.strip():
        raise MissingWorkspaceError.keyed("store.workspace_required")
    return team_id


_COLUMNS = "id, team_id, domain, role, channel_id, brands, keywords, created_at"


def _site(row: Any) -> Site:
    return Site(
        id=row[0],
        team_id=row[1],
        domain=row[2],
        role=row[3],
        channel_id=row[4],
        brands=tuple(json.loads(row[5] or "[]")),
        keywords=tuple(json.loads(row[6] or "[]")),
        created_at=row[7],
    )


def get_site(db: sqlite_utils.Database, team_id: str, domain: str) -> Site | None:
    """The tracked site ``domain`` of this workspace, or None."""
    require_team(team_id)
    domain = normalise_site(domain)
    row = db.execute(f"SELECT {_COLUMNS} FROM sites WHERE team_id = ? AND domain = ?", [team_id, domain]).fetchone()
    return _site(row) if row else None


def require_site(db: sqlite_utils.Database, team_id: str, domain: str) -> Site:
    """Like :func:`get_site`, but raise :class:`NotFoundError` when the site is not tracked."""
    site = get_site(db, team_id, domain)
    if site is None:
        name = normalise_site(domain)
        # cmd: the command prefix; the CLI's by default, Slack sets "/backlinks" before err.text(lang)
        raise NotFoundError.keyed("store.site_not_tracked", site=name, cmd="backlinks")
    return site


def add_site(
    db: sqlite_utils.Database,
    team_id: str,
    domain: str,
    *,
    role: str | None = None,
    channel_id: str | None = None,
    competitor_of: str | None = None,
) -> Site:
    """Track ``domain`` (idempotent). With ``competitor_of`` the site is a competitor of that (already
    tracked) site. Tracking an already tracked site again keeps its role; only an explicit
    ``role="own"`` turns a competitor into an own site, and nothing demotes an own site. A site cannot
    be its own competitor, and two sites cannot be each other's competitors (a loop)."""
    require_team(team_id)
    domain = normalise_site(domain)
    if competitor_of is not None:
        role = "competitor"
    if role is not None and role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    with db.atomic():
        owner = None
        existing = get_site(db, team_id, domain)
        if competitor_of is not None:
            owner = require_site(db, team_id, competitor_of)
            if owner.domain == domain:
                raise UserInputError.keyed("store.competitor_of_itself", site=domain)
            if existing is not None and db.execute(
                "SELECT 1 FROM site_competitors WHERE team_id = ? AND site_id = ? AND competitor_id = ?",
                [team_id, existing.id, owner.id],
            ).fetchone():
                raise UserInputError.keyed("store.competitor_loop", site=domain, owner=owner.domain)
        if existing is None:
            db.execute(
                "INSERT INTO sites (team_id, domain, role, channel_id, created_at) VALUES (?, ?, ?, ?, ?)",
                [team_id, domain, role or "own", channel_id, now_iso()],
            )
        else:
            if role == "own" and existing.role != "own":
                db.execute("UPDATE sites SET role = 'own' WHERE team_id = ? AND id = ?", [team_id, existing.id])
            if channel_id is not None:
                db.execute("UPDATE sites SET channel_id = ? WHERE team_id = ? AND id = ?", [channel_id, team_id, existing.id])
        site = get_site(db, team_id, domain)
        assert site is not None
        if owner is not None:
            db.execute(
                "INSERT OR IGNORE INTO site_competitors (team_id, site_id, competitor_id) VALUES (?, ?, ?)",
                [team_id, owner.id, site.id],
            )
    return site


def list_sites(db: sqlite_utils.Database, team_id: str, *, role: str | None = None) -> list[Site]:
    """The workspace's sites, own sites first, then by domain."""
    require_team(team_id)
    sql = f"SELECT {_COLUMNS} FROM sites WHERE team_id = ?"
    params: list[Any] = [team_id]
    if role is not None:
        sql += " AND role = ?"
        params.append(role)
    sql += " ORDER BY role = 'competitor', domain"
    return [_site(row) for row in db.execute(sql, params).fetchall()]


def remove_site(db: sqlite_utils.Database, team_id: str, domain: str) -> bool:
    """Stop tracking ``domain`` and delete its backlinks, checks and history. False if not tracked."""
    site = get_site(db, team_id, domain)
    if site is None:
        return False
    with db.atomic():
        # Children first so that the deletes do not depend on foreign-key cascades being on.
        for table in ("events", "observations", "checks", "backlinks"):
            if table == "observations":
                db.execute(
                    "DELETE FROM observations WHERE team_id = ? AND backlink_id IN "
                    "(SELECT id FROM backlinks WHERE team_id = ? AND site_id = ?)",
                    [team_id, team_id, site.id],
                )
            else:
                db.execute(f"DELETE FROM {table} WHERE team_id = ? AND site_id = ?", [team_id, site.id])
        db.execute(
            "DELETE FROM site_competitors WHERE team_id = ? AND (site_id = ? OR competitor_id = ?)",
            [team_id, site.id, site.id],
        )
        db.execute("DELETE FROM sites WHERE team_id = ? AND id = ?", [team_id, site.id])
    return True


def set_site_channel(db: sqlite_utils.Database, team_id: str, domain: str, channel_id: str | None) -> Site:
    """Post this site's messages (digests, alerts) to ``channel_id``."""
    site = require_site(db, team_id, domain)
    db.execute("UPDATE sites SET channel_id = ? WHERE team_id = ? AND id = ?", [channel_id, team_id, site.id])
    return require_site(db, team_id, domain)


def _clean_terms(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(str(value).split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def set_site_terms(
    db: sqlite_utils.Database,
    team_id: str,
    domain: str,
    *,
    brands: Iterable[str] | None = None,
    keywords: Iterable[str] | None = None,
) -> Site:
    """Set the brand names and/or target keywords of a site (for mentions and the anchor profile)."""
    site = require_site(db, team_id, domain)
    if brands is not None:
        db.execute("UPDATE sites SET brands = ? WHERE team_id = ? AND id = ?", [json.dumps(_clean_terms(brands)), team_id, site.id])
    if keywords is not None:
        db.execute("UPDATE sites SET keywords = ? WHERE team_id = ? AND id = ?", [json.dumps(_clean_terms(keywords)), team_id, site.id])
    return require_site(db, team_id, domain)


def _linked_sites(db: sqlite_utils.Database, team_id: str, domain: str, *, competitors: bool) -> list[Site]:
    """Sites on the other side of ``site_competitors`` from ``domain`` (which must be tracked)."""
    site = require_site(db, team_id, domain)
    other, this = ("competitor_id", "site_id") if competitors else ("site_id", "competitor_id")
    rows = db.execute(
        f"SELECT {', '.join('s.' + c.strip() for c in _COLUMNS.split(','))} FROM site_competitors sc "
        f"JOIN sites s ON s.id = sc.{other} AND s.team_id = sc.team_id "
        f"WHERE sc.team_id = ? AND sc.{this} = ? ORDER BY s.domain",
        [team_id, site.id],
    ).fetchall()
    return [_site(row) for row in rows]


def competitors_of(db: sqlite_utils.Database, team_id: str, domain: str) -> list[Site]:
    """The competitors recorded for ``domain`` (which must be tracked)."""
    return _linked_sites(db, team_id, domain, competitors=True)


def competitor_owners(db: sqlite_utils.Database, team_id: str, domain: str) -> list[Site]:
    """The sites that ``domain`` is recorded as a competitor of."""
    return _linked_sites(db, team_id, domain, competitors=False)
