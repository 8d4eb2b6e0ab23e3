"""Small helpers the store commands share (opening the database, JSON out, a progress bar)."""

from __future__ import annotations

import json
import sys
import time
from typing import Any, TextIO

import sqlite_utils


def open_db() -> sqlite_utils.Database:
    """The database named by ``BACKLINKS_DB`` (migrated)."""
    from bot.config import Settings
    from storage.db import connect

    return connect(Settings.from_env().db_path)


def print_json(value: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def site_arg(text: str) -> str:
    """Validate a SITE argument (one clear sentence on error)."""
    from bot.domains import normalise_site

    return normalise_site(text)


class ProgressBar:
    """``[#####.....]  120/400`` on a terminal (stderr), nothing otherwise. Throttled."""

    def __init__(self, label: str, out: TextIO | None = None, *, width: int = 30) -> None:
        self.out = out or sys.stderr
        self.enabled = bool(getattr(self.out, "isatty", lambda: False)())
        self.label = label
        self.width = width
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        self.out.write(f"\r{self.label} [{bar}] {done}/{total}")
        self.out.flush()
        self.drawn = True

    def close(self) -> None:
        if self.enabled and self.drawn:
            self.out.write("\r" + " " * (len(self.label) + self.width + 24) + "\r")
            self.out.flush()
