"""What a site says it has: robots.txt ``Sitemap:`` lines, XML sitemaps, sitemap indexes and feeds.

Pure functions, no I/O (the crawl fetches; this reads bytes):

- :func:`sitemaps_from_robots`: the ``Sitemap:`` URLs of a robots.txt text.
- :func:`parse_listing`: bytes of a sitemap (``urlset``), a sitemap index (``sitemapindex``), an RSS
  2.0 / RSS 1.0 (RDF) / Atom feed, or a plain-text sitemap (one URL a line), gzipped or not, into a
  :class:`Listing` of :class:`Entry` (URL and ``lastmod``). Broken XML keeps what was read before the
  error and says why; a document type declaration (entity tricks) is refused.
- :func:`feed_links`: the RSS/Atom feeds a home page announces with ``<link rel="alternate">``.
- :func:`parse_lastmod`: W3C datetime (sitemaps, Atom) or RFC 822 date (RSS) as an aware UTC datetime.
"""

from __future__ import annotations

import email.utils
import re
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import StrEnum
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

#: the sitemap protocol's limits: 50,000 URLs and 50 MB (uncompressed) per file
MAX_ENTRIES = 50_000
MAX_UNCOMPRESSED = 50_000_000
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"})

_W3C = re.compile(
    r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
    r"(Z|z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
)
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class ListingKind(StrEnum):
    URLSET = "urlset"  # a sitemap: pages
    INDEX = "index"  # a sitemap index: more sitemaps
    FEED = "feed"  # RSS or Atom: pages
    TEXT = "text"  # a plain-text sitemap
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Entry:
    """One page (or, in an index, one sitemap) and when it last changed, if the listing says."""

    url: str
    lastmod: datetime | None = None


@dataclass(frozen=True)
class Listing:
    kind: ListingKind
    entries: tuple[Entry, ...] = ()
    error: str | None = None  # why the listing could not be read (fully)
    truncated: bool = False  # more entries than were kept

    @property
    def pages(self) -> tuple[Entry, ...]:
        """Entries that are pages (not sitemaps of an index)."""
        return () if self.kind is ListingKind.INDEX else self.entries


class ListingError(ValueError):
    """The bytes are not a listing we can read (too large after decompression, corrupt gzip)."""


# ------------------------------------------------------------------ robots.txt


def sitemaps_from_robots(text: str, base_url: str | None = None) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt (any place in the file, any case), in order, once each.

    Relative values are resolved against ``base_url`` when given (RFC 9309 asks for absolute URLs;
    some sites write ``Sitemap: /sitemap.xml``)."""
    found: dict[str, None] = {}
    for line in (text or "").splitlines():
        line = line.split(" #", 1)[0].strip()
        if ":" not in line:
            continue
        name, _, value = line.partition(":")
        if name.strip().lower() != "sitemap":
            continue
        url = _absolute(value.strip(), base_url)
        if url:
            found.setdefault(url, None)
    return list(found)


# ------------------------------------------------------------------ dates


def parse_lastmod(text: str | None) -> datetime | None:
    """``2026-11-20``, ``2026-11-20T10:00:00+01:00``, ``Fri, 20 Nov 2026 10:00:00 GMT`` -> aware UTC
    datetime; None for anything else (a wrong date is no date)."""
    if not text:
        return None
    value = text.strip()
    match = _W3C.match(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        try:
            moment = datetime(
                int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0),
                tzinfo=timezone.utc,
            )
        except ValueError:
            return None
        if zone and zone not in ("Z", "z"):
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            offset = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) >= 4 else 0)
            from datetime import timedelta

            moment -= sign * timedelta(minutes=offset)
        return moment
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


# ------------------------------------------------------------------ bytes


def maybe_gunzip(data: bytes, limit: int = MAX_UNCOMPRESSED) -> bytes:
    """``data`` itself, or its gzip content when it is gzipped (``sitemap.xml.gz``), read up to
    ``limit`` bytes. Raises :class:`ListingError` when it is larger or corrupt (a gzip bomb stops at
    the limit; it is never inflated whole)."""
    if data[:2] != b"\x1f\x8b":
        if len(data) > limit:
            raise ListingError(f"the file is larger than {limit} bytes")
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as err:
        raise ListingError(f"the gzip data is corrupt ({err})") from None
    if len(out) > limit:
        raise ListingError(f"the file is larger than {limit} bytes once uncompressed")
    if not inflater.eof:
        raise ListingError("the gzip data is cut off or corrupt")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _absolute(value: str | None, base: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if base is not None:
        try:
            value = urljoin(base, value)
        except ValueError:
            return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value.split("#", 1)[0]


def _child_text(element: ET.Element, *names: str) -> str | None:
    for child in element:
        if _local(child.tag) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def _atom_link(entry: ET.Element) -> str | None:
    fallback = None
    for child in entry:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if not href:
            if child.text and child.text.strip():  # RSS-style <link>text</link> inside Atom-ish feeds
                fallback = fallback or child.text.strip()
            continue
        if (child.get("rel") or "alternate").lower() == "alternate":
            return href
    return fallback


def _rss_link(item: ET.Element) -> str | None:
    link = _child_text(item, "link")
    if link:
        return link
    for child in item:  # <guid isPermaLink="true"> (the default) is the page's address
        if _local(child.tag) == "guid" and child.text and (child.get("isPermaLink") or "true").lower() == "true":
            return child.text.strip()
    return _atom_link(item)


def parse_listing(data: bytes, url: str, *, limit: int = MAX_ENTRIES) -> Listing:
    """Read a sitemap, sitemap index, feed or plain-text sitemap fetched from ``url``.

    Relative entry URLs resolve against ``url``. At most ``limit`` entries are kept (``truncated``).
    Never raises: a listing that cannot be read comes back with ``error`` set."""
    try:
        raw = maybe_gunzip(data)
    except ListingError as err:
        return Listing(ListingKind.UNKNOWN, error=str(err))
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return Listing(ListingKind.UNKNOWN, error="the file is empty")
    if not head.startswith(b"<"):
        return _parse_text(head, url, limit)
    start = _ROOT_START.search(raw)
    if start is not None and _DOCTYPE.search(raw, 0, start.start()):
        return Listing(ListingKind.UNKNOWN, error="the XML has a document type declaration (refused)")
    parser = ET.XMLPullParser(events=("start", "end"))
    kind = ListingKind.UNKNOWN
    entries: list[Entry] = []
    truncated = False
    error: str | None = None
    root: ET.Element | None = None
    try:
        for offset in range(0, len(raw), 1 << 20):
            parser.feed(raw[offset : offset + (1 << 20)])
            for event, element in parser.read_events():
                name = _local(element.tag)
                if event == "start":
                    if root is None:
                        root = element
                        kind = {
                            "urlset": ListingKind.URLSET,
                            "sitemapindex": ListingKind.INDEX,
                            "rss": ListingKind.FEED,
                            "rdf": ListingKind.FEED,
                            "feed": ListingKind.FEED,
                        }.get(name, ListingKind.UNKNOWN)
                        if kind is ListingKind.UNKNOWN:
                            return Listing(kind, error=f"not a sitemap or feed (<{name}>)")
                    continue
                entry: Entry | None = None
                if kind in (ListingKind.URLSET, ListingKind.INDEX) and name in ("url", "sitemap"):
                    loc = _absolute(_child_text(element, "loc"), url)
                    if loc:
                        entry = Entry(loc, parse_lastmod(_child_text(element, "lastmod")))
                elif kind is ListingKind.FEED and name in ("item", "entry"):
                    link = _absolute(_rss_link(element) if name == "item" else _atom_link(element), url)
                    if link:
                        when = _child_text(element, "updated", "lastbuilddate", "pubdate", "published", "date", "modified")
                        entry = Entry(link, parse_lastmod(when))
                else:
                    continue
                if entry is not None:
                    if len(entries) >= limit:
                        truncated = True
                    else:
                        entries.append(entry)
                element.clear()
                if root is not None and len(root) > 64:
                    del root[:]  # keep memory flat on 50,000-entry files
        parser.close()
    except ET.ParseError as err:
        error = f"the XML is broken ({err})"
    return Listing(kind, tuple(entries), error, truncated)


def _parse_text(data: bytes, url: str, limit: int) -> Listing:
    entries: list[Entry] = []
    truncated = False
    for line in data.decode("utf-8", errors="replace").splitlines():
        link = _absolute(line.strip(), None)
        if link is None:
            continue
        if len(entries) >= limit:
            truncated = True
            break
        entries.append(Entry(link))
    if not entries:
        return Listing(ListingKind.UNKNOWN, error="no URLs in the file")
    return Listing(ListingKind.TEXT, tuple(entries), None, truncated)


# ------------------------------------------------------------------ feeds on a home page


def feed_links(html: str, base_url: str, *, limit: int = 3) -> list[str]:
    """The feeds a page announces (``<link rel="alternate" type="application/rss+xml" href>``, Atom,
    RDF), absolute, once each; comment feeds last; at most ``limit``."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html or "")
    base = base_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = _absolute(base_node.attributes.get("href"), base_url) or base_url
    found: dict[str, bool] = {}
    for node in tree.css("link[rel][href]"):
        attrs = node.attributes
        rels = re.split(r"[\s,]+", (attrs.get("rel") or "").lower())
        kind = (attrs.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rels or kind not in FEED_TYPES:
            continue
        href = _absolute(attrs.get("href"), base)
        if href is None:
            continue
        title = (attrs.get("title") or "").lower()
        comments = "comment" in title or "reactie" in title or "/comments/" in href
        found.setdefault(href, comments)
    ordered = sorted(found, key=lambda u: found[u])
    return ordered[:limit]
