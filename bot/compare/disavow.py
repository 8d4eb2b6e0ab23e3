"""Disavow file in Google's format, written only from domains a person marked ``disavow``.

Format (https://support.google.com/webmasters/answer/2648487): a UTF-8 text file, one entry a line:
``domain:example.com`` for a whole domain (our referring domains are registrable domains), or a full
URL for one page; lines starting with ``#`` are comments. Google accepts at most 100,000 lines and
2 MB. We count every line (comments and the header too) against :data:`MAX_LINES`, and keep the file
under :data:`MAX_BYTES` = 2,000,000 bytes (under 2 MB whether a megabyte is read as 10^6 or 2^20).
Referring "domains" that are IP addresses cannot be written as ``domain:``; their pages are listed
as URLs instead.

When the file would be too large, the per-domain comments are dropped first (the header stays); if the
entries alone are still too many, :class:`DisavowTooLarge` is raised: a file is never cut silently.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Sequence

from bot.errors import UserInputError

MAX_LINES = 100_000
MAX_BYTES = 2_000_000


class DisavowTooLarge(UserInputError):
    """The marked domains do not fit in one disavow file within Google's limits."""


class NothingMarked(UserInputError):
    """No domain of the site is marked ``disavow``."""


@dataclass(frozen=True)
class DisavowEntry:
    domain: str
    reason: str | None = None
    decided_at: str | None = None
    urls: tuple[str, ...] = field(default_factory=tuple)  # for IP-address "domains"

    @property
    def is_ip(self) -> bool:
        try:
            ipaddress.ip_address(self.domain)
            return True
        except ValueError:
            return False


def _clean(text: str | None) -> str:
    """One line of comment text: no line breaks or control characters."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in (text or "")).split())


def _entry_lines(entry: DisavowEntry) -> list[str]:
    if entry.is_ip:
        return [u for u in (_clean(u) for u in entry.urls) if u and " " not in u]
    return [f"domain:{entry.domain}"]


def _size(lines: Sequence[str]) -> tuple[int, int]:
    text = "\n".join(lines) + "\n"
    return len(lines), len(text.encode("utf-8"))


def build_disavow(site: str, entries: Sequence[DisavowEntry], *, today: date | None = None) -> str:
    """The disavow file text for ``site`` (entries sorted by domain). Raises :class:`NothingMarked`
    without entries and :class:`DisavowTooLarge` when even the bare entries exceed the limits."""
    if not entries:
        raise NothingMarked.keyed("compare.disavow.nothing_marked", site=site, cmd="backlinks")
    today = today or datetime.now(timezone.utc).date()
    header = [
        f"# Disavow file for {site}, made by backlinks on {today.isoformat()}",
        f"# {len(entries)} referring domain(s), each marked 'disavow' by a person; nothing was added automatically.",
        "# Upload in Google Search Console: https://search.google.com/search-console/disavow-links",
    ]
    ordered = sorted(entries, key=lambda e: e.domain)
    full: list[str] = list(header)
    bare: list[str] = list(header)
    for entry in ordered:
        lines = _entry_lines(entry)
        if not lines:
            continue
        when = (entry.decided_at or "")[:10]
        comment = _clean(f"# {when} {entry.reason or 'marked disavow'}".replace("#  ", "# "))
        full.append(comment)
        full.extend(lines)
        bare.extend(lines)
    for candidate in (full, bare):
        n_lines, n_bytes = _size(candidate)
        if n_lines <= MAX_LINES and n_bytes <= MAX_BYTES:
            return "\n".join(candidate) + "\n"
    n_lines, n_bytes = _size(bare)
    raise DisavowTooLarge(
        f"The {len(entries)} marked domains need {n_lines} lines and {n_bytes} bytes, more than Google accepts "
        f"({MAX_LINES} lines, {MAX_BYTES} bytes); keep some of them instead of disavowing everything."
    )


def disavow_for(db, team_id: str, site_domain: str, *, today: date | None = None) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The disavow file of a tracked site from its ``disavow`` marks: (text, number of domains)."""
    from bot.domains import normalise_site
    from storage import compare_repo
    from storage.sites import require_site

    site = require_site(db, team_id, normalise_site(site_domain))
    marks = compare_repo.list_marks(db, team_id, site.id, decision="disavow")
    entries = []
    for domain, mark in marks.items():
        urls: tuple[str, ...] = ()
        entry = DisavowEntry(domain, mark.reason, mark.decided_at)
        if entry.is_ip:
            urls = tuple(compare_repo.domain_source_urls(db, team_id, site.id, domain))
            entry = DisavowEntry(domain, mark.reason, mark.decided_at, urls)
        entries.append(entry)
    return build_disavow(site.domain, entries, today=today), len(entries)
