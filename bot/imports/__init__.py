"""Pure parsers for files users download from their SEO tools, and for public domain rankings.

No database and no network: callers store what these return.

- :func:`parse_export` reads a backlink export (Google Search Console, Ahrefs, Semrush, Majestic,
  Moz, the Common Crawl job's CSV, a plain list of URLs; zipped or gzipped; any common encoding and
  delimiter) into an :class:`ImportResult`.
- :func:`parse_authority` streams a Tranco list or a Common Crawl domain ranks file as
  :class:`DomainRank` records scored by :func:`authority_score`.
"""

from bot.imports.authority import AuthorityReader, authority_score, detect_authority_source, parse_authority
from bot.imports.errors import ImportFileError
from bot.imports.exports import parse_export
from bot.imports.model import (
    AuthoritySource,
    DomainRank,
    ImportedLink,
    ImportFormat,
    ImportResult,
    RejectedRow,
)

__all__ = [
    "AuthorityReader",
    "AuthoritySource",
    "DomainRank",
    "ImportFileError",
    "ImportFormat",
    "ImportResult",
    "ImportedLink",
    "RejectedRow",
    "authority_score",
    "detect_authority_source",
    "parse_authority",
    "parse_export",
]
