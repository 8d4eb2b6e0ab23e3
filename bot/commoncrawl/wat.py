"""The per-file function: links to wanted domains from one Common Crawl WAT file.

A WAT file is a gzipped WARC file of ``metadata`` records (``Content-Type: application/json``), one
per record of the crawl's WARC files. For an HTML response the JSON holds the page's links::

    {"Envelope": {"WARC-Header-Metadata": {"WARC-Target-URI": ..., "WARC-Date": ...},
      "Payload-Metadata": {"HTTP-Response-Metadata": {"HTML-Metadata": {
          "Head": {"Base": "..."},
          "Links": [{"path": "A@/href", "url": "/relative", "text": "anchor", "rel": "nofollow"}, ...]}}}}}

:func:`scan_wat` reads the records with FastWARC and, unless ``prefilter`` is off, skips a record whose
raw bytes (lower-cased) do not mention any wanted domain *before* parsing its JSON: almost every record
of a crawl mentions none, and a substring search is far cheaper than ``json.loads``. The prefilter
never drops a link that the full parse would keep: a link to ``site.nl`` has ``site.nl`` in its URL
(relative links on a page of ``site.nl`` are internal, not backlinks, and are not kept either way).

Only ``A@/href`` links count. They are resolved against ``Head.Base`` (itself resolved against the
page) or the page's ``WARC-Target-URI``; a link is kept when its registrable domain (``bot.domains``,
public suffix list) is wanted and differs from the page's own. ``site.nl.evil.com`` and
``evil.com/?u=site.nl`` are not ``site.nl``.

:func:`scan_file` is what both the local process pool (:mod:`bot.commoncrawl.local`) and the Spark
job (:mod:`bot.commoncrawl.sparkjob`) call per file: picklable arguments, plain tuples out.
"""

from __future__ import annotations

import io
import json
import re
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import BinaryIO
from urllib.parse import urldefrag, urljoin

from bot.domains import domain_of_url, normalise_site

# The CSV columns of the job's output, exactly the Common Crawl format of ``bot.imports`` (the
# partition directory ``target_domain=<domain>`` carries the target domain).
CSV_COLUMNS = ("source_url", "target_url", "anchor", "rel", "crawl", "fetch_time")
ROW_FIELDS = ("source_url", "target_url", "target_domain", "anchor", "rel", "crawl", "fetch_time")

_CRAWL_RE = re.compile(r"CC-MAIN-\d{4}-\d{2}")
_CRAWL_BYTES_RE = re.compile(rb"isPartOf:\s*(CC-MAIN-\d{4}-\d{2})")
_SPACE_RE = re.compile(r"\s+")
_MAX_ANCHOR = 500


@dataclass(frozen=True)
class LinkRow:
    """One link from a crawled page to a wanted domain."""

    source_url: str
    target_url: str
    target_domain: str
    anchor: str
    rel: str
    crawl: str
    fetch_time: str

    def as_tuple(self) -> tuple[str, ...]:
        return (self.source_url, self.target_url, self.target_domain, self.anchor, self.rel, self.crawl, self.fetch_time)

    def csv_row(self) -> tuple[str, ...]:
        """The values in :data:`CSV_COLUMNS` order."""
        return (self.source_url, self.target_url, self.anchor, self.rel, self.crawl, self.fetch_time)


@dataclass
class ScanStats:
    """Counts of one scan (add them up over files with :meth:`add`)."""

    files: int = 0
    records: int = 0  # WARC records read (all types)
    metadata: int = 0  # metadata records (the ones with link JSON)
    skipped_by_prefilter: int = 0  # metadata records whose bytes mention no wanted domain
    parsed: int = 0  # JSON parsed
    malformed: int = 0  # JSON that did not parse or had the wrong shape
    pages: int = 0  # records with HTML links
    links: int = 0  # A@/href links looked at (in parsed records)
    rows: int = 0  # links kept
    bytes_read: int = 0  # JSON payload bytes

    def add(self, other: "ScanStats") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def to_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Wanted:
    """The registrable domains to look for, with the byte probes of the prefilter."""

    domains: frozenset[str]
    probes: tuple[bytes, ...] = field(default=())
    text_probes: tuple[str, ...] = field(default=())  # the same, as lower-case text (for URLs after json.loads)

    @classmethod
    def of(cls, domains: Iterable[str]) -> "Wanted":
        """From what a user typed (``Site.nl``, ``https://www.site.nl/``); each becomes its registrable
        domain (:func:`bot.domains.normalise_site`; raises ``UserInputError`` for junk)."""
        names = frozenset(normalise_site(d) for d in domains)
        probes: set[bytes] = set()
        for name in names:
            probes.add(name.encode("ascii"))
            if "xn--" in name:  # an IDN: pages may write the Unicode form, raw or JSON-escaped
                try:
                    uni = name.encode("ascii").decode("idna")
                except UnicodeError:
                    continue
                probes.add(uni.lower().encode("utf-8"))
                probes.add(json.dumps(uni.lower())[1:-1].lower().encode("ascii"))
        texts = tuple(sorted({p.decode("utf-8") for p in probes if b"\\" not in p}))
        return cls(names, tuple(sorted(probes)), texts)

    def mentioned(self, raw: bytes) -> bool:
        """Whether the bytes mention any wanted domain (case-insensitive)."""
        low = raw.lower()
        for probe in self.probes:
            if probe in low:
                return True
        return False

    def mentioned_text(self, text: str) -> bool:
        """Whether a URL (or any text) mentions a wanted domain (case-insensitive)."""
        low = text.lower()
        for probe in self.text_probes:
            if probe in low:
                return True
        return False

    def match(self, url: str) -> str | None:
        """The wanted registrable domain ``url`` points to, or None."""
        domain = domain_of_url(url)
        return domain if domain in self.domains else None


def crawl_of(location: str) -> str | None:
    """``CC-MAIN-2024-10`` from a path such as ``crawl-data/CC-MAIN-2024-10/segments/.../x.warc.wat.gz``."""
    m = _CRAWL_RE.search(location)
    return m.group(0) if m else None


def _clean_text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    text = _SPACE_RE.sub(" ", value).strip()
    return text[:_MAX_ANCHOR]


def _resolve(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urldefrag(urljoin(base, href))[0]
    except ValueError:
        return None
    if not url.lower().startswith(("http://", "https://")):
        return None
    return url


def links_from_payload(payload: dict, page_url: str | None, fetch_time: str | None, crawl: str,
                       wanted: Wanted) -> list[LinkRow] | None:
    """The kept links of one parsed WAT JSON document; None when it is not WAT metadata (malformed).

    ``page_url`` and ``fetch_time`` come from the WAT record's headers and are used when the
    envelope does not carry them. Pages without HTML links (requests, robots.txt, PDFs) give ``[]``.
    """
    envelope = payload.get("Envelope") if isinstance(payload, dict) else None
    if not isinstance(envelope, dict):
        return None
    header = envelope.get("WARC-Header-Metadata")
    if isinstance(header, dict):
        page_url = header.get("WARC-Target-URI") or page_url
        fetch_time = header.get("WARC-Date") or fetch_time
    meta = envelope.get("Payload-Metadata")
    response = meta.get("HTTP-Response-Metadata") if isinstance(meta, dict) else None
    html = response.get("HTML-Metadata") if isinstance(response, dict) else None
    if not isinstance(html, dict):
        return []
    links = html.get("Links")
    if not isinstance(links, list) or not page_url:
        return [] if links is None or page_url else None
    base = page_url
    head = html.get("Head")
    if isinstance(head, dict) and isinstance(head.get("Base"), str) and head["Base"].strip():
        base = _resolve(page_url, head["Base"]) or page_url
    # A link can point to a wanted domain only if its href names it, or it is relative and the base
    # does: everything else is skipped before the (costly) URL resolution and domain lookup.
    base_mentions = wanted.mentioned_text(base)
    page_domain: str | None = None
    out: list[LinkRow] = []
    seen: set[tuple[str, str, str]] = set()
    for link in links:
        if not isinstance(link, dict) or link.get("path") != "A@/href":
            continue
        href = link.get("url")
        if not isinstance(href, str):
            continue
        if not (base_mentions or wanted.mentioned_text(href)):
            continue
        if page_domain is None:
            page_domain = domain_of_url(page_url) or ""
        target = _resolve(base, href)
        if target is None:
            continue
        domain = wanted.match(target)
        if domain is None or domain == page_domain:
            continue
        anchor = _clean_text(link.get("text"))
        rel = _clean_text(link.get("rel")).lower()
        key = (target, anchor, rel)
        if key in seen:
            continue
        seen.add(key)
        out.append(LinkRow(page_url, target, domain, anchor, rel, crawl, fetch_time or ""))
    return out


def _count_links(payload: dict) -> int:
    try:
        links = payload["Envelope"]["Payload-Metadata"]["HTTP-Response-Metadata"]["HTML-Metadata"]["Links"]
    except (KeyError, TypeError):
        return 0
    return sum(1 for link in links if isinstance(link, dict) and link.get("path") == "A@/href") if isinstance(links, list) else 0


def scan_wat(stream: BinaryIO, wanted: Wanted, *, crawl: str | None = None, prefilter: bool = True,
             stats: ScanStats | None = None) -> Iterator[LinkRow]:
    """Links to wanted domains from an open WAT stream (gzipped or not), in record order.

    ``crawl`` (``CC-MAIN-2024-10``) names the crawl in the rows; without it the ``isPartOf`` of the
    file's ``warcinfo`` record is used. Malformed JSON is counted in ``stats.malformed`` and skipped.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    stats = stats if stats is not None else ScanStats()
    crawl_id = crawl or ""
    kinds = WarcRecordType.metadata | WarcRecordType.warcinfo
    for record in ArchiveIterator(stream, record_types=kinds, parse_http=False):
        stats.records += 1
        raw = record.reader.read()
        if record.record_type == WarcRecordType.warcinfo:
            if not crawl_id:
                m = _CRAWL_BYTES_RE.search(raw)
                crawl_id = m.group(1).decode("ascii") if m else ""
            continue
        stats.metadata += 1
        stats.bytes_read += len(raw)
        if prefilter and not wanted.mentioned(raw):
            stats.skipped_by_prefilter += 1
            continue
        headers = record.headers
        if "json" not in (headers.get("Content-Type") or ""):
            continue
        stats.parsed += 1
        try:
            payload = json.loads(raw)
        except ValueError:  # JSONDecodeError and bad UTF-8 alike
            stats.malformed += 1
            continue
        rows = links_from_payload(payload, headers.get("WARC-Target-URI"), headers.get("WARC-Date"), crawl_id, wanted)
        if rows is None:
            stats.malformed += 1
            continue
        count = _count_links(payload)
        if count:
            stats.pages += 1
            stats.links += count
        stats.rows += len(rows)
        yield from rows


class StreamReader(io.RawIOBase):
    """A forward-only network stream (HTTP response, S3 body) that knows its position: FastWARC
    asks for ``tell()`` and panics on a stream that cannot answer."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self._stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self._pos += n
        return n

    def tell(self) -> int:
        return self._pos

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            super().close()


def open_location(location: str) -> BinaryIO:
    """A binary stream of a WAT location: a local path, ``https://`` (for example
    ``https://data.commoncrawl.org/crawl-data/...``) or ``s3://bucket/key`` (needs ``boto3``)."""
    if location.startswith(("http://", "https://")):
        request = urllib.request.Request(location, headers={"User-Agent": "backlinks-commoncrawl/0.1"})
        response = urllib.request.urlopen(request, timeout=60)  # noqa: S310 (the user's own list of locations)
        return io.BufferedReader(StreamReader(response), 1 << 20)  # type: ignore[return-value]
    if location.startswith("s3://"):
        import boto3  # on a cluster (EMR has it); not a dependency of the bot

        bucket, _, key = location[5:].partition("/")
        body = boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"]
        return io.BufferedReader(StreamReader(body), 1 << 20)  # type: ignore[return-value]
    path = location[7:] if location.startswith("file://") else location
    return open(path, "rb")


def scan_file(location: str, domains: tuple[str, ...] | list[str], *, crawl: str | None = None,
              prefilter: bool = True) -> tuple[list[tuple[str, ...]], dict[str, int]]:
    """Scan one WAT location; returns rows as tuples in :data:`ROW_FIELDS` order and the stats.

    The same function runs in a process pool and in Spark's ``mapPartitions`` (arguments and results
    are plain, picklable values). The crawl id comes from ``crawl``, else the location's path, else the
    file's ``warcinfo`` record.
    """
    wanted = _wanted_cached(tuple(sorted(domains)))
    stats = ScanStats(files=1)
    with open_location(location) as stream:
        rows = [row.as_tuple() for row in scan_wat(stream, wanted, crawl=crawl or crawl_of(location), prefilter=prefilter, stats=stats)]
    return rows, stats.to_dict()


_WANTED: dict[tuple[str, ...], Wanted] = {}


def _wanted_cached(domains: tuple[str, ...]) -> Wanted:
    wanted = _WANTED.get(domains)
    if wanted is None:
        wanted = _WANTED[domains] = Wanted.of(domains)
    return wanted
