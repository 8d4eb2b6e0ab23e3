"""Opening the database: one SQLite file, WAL mode, every migration set applied."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sqlite3
from pathlib import Path

import sqlite_utils

from bot.errors import ConfigError


def migration_sets() -> list[sqlite_utils.Migrations]:
    import storage.migrations as pkg

    sets = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"storage.migrations.{info.name}")
        if hasattr(module, "MIGRATIONS"):
            sets.append(module.MIGRATIONS)
    return sets


def connect(path: str | os.PathLike[str], *, check_same_thread: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` with WAL and foreign keys on, migrated.

    A connection belongs to the thread that opened it (unless ``check_same_thread`` is False); async
    code goes through :class:`storage.store.Store`, which keeps all SQLite work on one thread.
    """
    path = Path(path)
    if str(path) != ":memory:":
        parent = path.expanduser().resolve().parent
        if not parent.exists():
            raise ConfigError(f"The folder for the database ({parent}) does not exist; set BACKLINKS_DB to a file in an existing folder.")
    try:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=check_same_thread, isolation_level=None)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        for migrations in migration_sets():
            migrations.apply(db)
    except sqlite3.DatabaseError as err:
        raise ConfigError(f"Cannot open the database {path}: {err}; check BACKLINKS_DB.") from None
    return db
