"""Importing public domain rankings (Tranco, Common Crawl web-graph ranks) as referring-domain authority.

The file is streamed by :func:`bot.imports.parse_authority` (source detected from content; score
``100 * (1 - log10(rank) / log10(100,000,000))``, see :mod:`bot.imports.authority`). By default only the
workspace's referring domains (of every tracked site, own and competitors) are kept: a 100 MB ranks
file then costs a few set lookups per line and the database holds only what is used. With
``all_domains`` every domain is kept, bounded by :data:`MAX_ALL_DOMAINS` (the best ranked, as the
files are in rank order). A new import of a source replaces that source's earlier rows. Several
sources may be present; a domain's authority is its best score over them. A domain in no ranking has
unknown authority (null), shown as "unknown", never as 0.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from bot.errors import UserInputError

MAX_ALL_DOMAINS = 1_000_000

SOURCE_NAMES = {"tranco": "tranco", "common-crawl-ranks": "common-crawl"}


@dataclass(frozen=True)
class AuthorityImport:
    source: str  # tranco | common-crawl
    lines: int
    kept: int  # rows stored
    skipped: int  # malformed lines
    skipped_lines: tuple[int, ...]
    wanted: int | None  # referring domains looked for (None with all_domains)
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "lines": self.lines,
            "stored": self.kept,
            "skipped": self.skipped,
            "skipped_lines": list(self.skipped_lines),
            "referring_domains": self.wanted,
            "unknown": None if self.wanted is None else self.wanted - self.kept,
            "seconds": round(self.seconds, 2),
        }


def import_authority(db, team_id: str, path: str | Path, *, all_domains: bool = False, limit: int = MAX_ALL_DOMAINS) -> AuthorityImport:  # type: ignore[no-untyped-def]
    """Stream the rankings file at ``path`` into the workspace's ``authority`` table."""
    from bot.imports import parse_authority
    from storage import compare_repo

    started = time.perf_counter()
    file = Path(path)
    if not file.is_file():
        raise UserInputError.keyed("compare.no_such_file", path=str(path))
    wanted = None if all_domains else compare_repo.workspace_referring_domains(db, team_id)
    with file.open("rb") as stream:
        reader = parse_authority(stream, file.name, wanted=wanted)
        source = SOURCE_NAMES.get(str(getattr(reader.source, "value", reader.source)), str(reader.source))
        rows = ((r.domain, r.rank, r.score) for r in reader)
        if all_domains:
            rows = islice(_best_once(rows), limit)
        stored = compare_repo.store_authority(db, team_id, source, rows)
    return AuthorityImport(
        source=source,
        lines=reader.lines,
        kept=stored,
        skipped=reader.skipped,
        skipped_lines=tuple(reader.skipped_lines),
        wanted=None if wanted is None else len(wanted),
        seconds=time.perf_counter() - started,
    )


def _best_once(rows):  # type: ignore[no-untyped-def]
    """Each domain once, at its first (best) rank: files list ``www.x.com`` after ``x.com``."""
    seen: set[str] = set()
    for domain, rank, score in rows:
        if domain in seen:
            continue
        seen.add(domain)
        yield domain, rank, score


def authority_label(score: float | None) -> str:
    """A score as shown to people: one decimal, or "unknown"."""
    return "unknown" if score is None else f"{score:.0f}"
