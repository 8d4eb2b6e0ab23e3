"""Records produced by the import parsers: typed, frozen, free of I/O."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ImportFormat(StrEnum):
    """Which tool produced an export; detected from the file, never named by the user."""

    GSC_LATEST = "gsc-latest"
    GSC_TOP_SITES = "gsc-top-sites"
    AHREFS = "ahrefs"
    SEMRUSH = "semrush"
    MAJESTIC = "majestic"
    MOZ = "moz"
    URL_LIST = "list"
    COMMON_CRAWL = "common-crawl"

    @property
    def found_by(self) -> str:
        """The ``backlinks.found_by`` value for links of this format (see ``m010_core``)."""
        if self in (ImportFormat.GSC_LATEST, ImportFormat.GSC_TOP_SITES):
            return "gsc"
        return self.value


@dataclass(frozen=True)
class ImportedLink:
    """One backlink claimed by an export. Dates are ISO ``YYYY-MM-DD``; None means the file did not say."""

    source_url: str
    target_url: str | None = None
    anchor: str | None = None
    nofollow: bool | None = None
    ugc: bool | None = None
    sponsored: bool | None = None
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True)
class RejectedRow:
    """A row that could not be read. ``line`` is the 1-based physical line where the row starts
    (inside a zip: in the member named at the start of ``reason``). ``code`` is a stable name
    (``no-url``, ``not-http``, ``bad-quoting``, ``bad-domain``) so a surface can show the reason in
    another language with ``t(f"imports.rejected.{code}", lang)``."""

    line: int
    reason: str
    code: str = ""


@dataclass(frozen=True)
class ImportResult:
    """What one export file held.

    ``rows_read`` counts data rows (not the header, preamble or blank lines); every one of them is
    either in ``links`` (possibly merged: ``duplicates_merged``) or in ``rejected``.
    ``referring_domains`` comes from Google Search Console's "Top linking sites" (domains, no pages).
    """

    format: ImportFormat
    links: tuple[ImportedLink, ...]
    rejected: tuple[RejectedRow, ...]
    rows_read: int
    duplicates_merged: int
    referring_domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class DomainRank:
    """A registrable domain's position in a public ranking and the 0-100 score derived from it."""

    domain: str
    rank: int
    score: float


class AuthoritySource(StrEnum):
    """Public domain rankings we can import."""

    TRANCO = "tranco"
    COMMON_CRAWL_RANKS = "common-crawl-ranks"
