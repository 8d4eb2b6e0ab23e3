"""Domain authority from public rankings: Tranco and Common Crawl's web-graph domain ranks.

Both files are streamed line by line (a Common Crawl ranks file is gigabytes uncompressed); nothing
but the current line and, with ``wanted``, the set of domains already emitted is held in memory.

Score formula (log scale, documented for users)::

    score = 100 * (1 - log10(rank) / log10(total))     clamped to 0..100, one decimal

Rank 1 scores 100 and rank ``total`` scores 0; every factor of ten in rank costs the same number of
points, which matches how popularity falls off on the web (rank 10 vs 100 is as big a step as
100,000 vs 1,000,000). ``parse_authority`` uses one universe for both sources,
``DEFAULT_UNIVERSE = 100,000,000`` domains (about the size of Common Crawl's domain graph), so the
scores of the two sources are comparable: Tranco's last entry (rank 1,000,000) scores 25, a
domain at Common Crawl rank 10,000,000 scores 12.5. Unknown domains get no score at all (unknown is
not zero).
"""

from __future__ import annotations

import codecs
import gzip
import io
import itertools
import math
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from bot.imports.errors import ImportFileError
from bot.imports.model import AuthoritySource, DomainRank
from bot.imports.psl import rules

DEFAULT_UNIVERSE = 100_000_000
HEAD_BYTES = 64 * 1024
_NAME_RE = re.compile(rb"[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?")
_TRANCO_RE = re.compile(r"^\s*\d+\s*,\s*[A-Za-z0-9_.-]+\.[A-Za-z0-9-]+\s*$")
_CC_DATA_RE = re.compile(r"^\d+\t[0-9.eE+-]+\t\d+\t[0-9.eE+-]+\t[a-z0-9_-]+(?:\.[a-z0-9_-]+)+(?:\t\d+)?\s*$")


def authority_score(rank: int, total: int = 1_000_000) -> float:
    """``100 * (1 - log10(rank) / log10(total))``, clamped to 0..100 and rounded to one decimal.

    Rank 1 is 100, rank ``total`` (or worse) is 0. With ``total`` one million: rank 10 -> 83.3,
    1,000 -> 50.0, 100,000 -> 16.7.
    """
    if rank < 1:
        raise ValueError("rank starts at 1")
    if total <= 1:
        return 100.0 if rank == 1 else 0.0
    score = 100.0 * (1.0 - math.log10(rank) / math.log10(total))
    return round(min(100.0, max(0.0, score)), 1)


def _peek_text(head: bytes) -> str:
    """The first bytes of a rankings file as text, looking through gzip and into a zip's first member."""
    data = head
    if data.startswith(b"\x1f\x8b"):
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, HEAD_BYTES)
        except zlib.error:
            raise ImportFileError("imports.authority.broken") from None
    elif data.startswith(b"PK\x03\x04") and len(data) >= 30:
        method = int.from_bytes(data[8:10], "little")
        start = 30 + int.from_bytes(data[26:28], "little") + int.from_bytes(data[28:30], "little")
        body = data[start:]
        if method == 8:
            try:
                data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, HEAD_BYTES)
            except zlib.error:
                raise ImportFileError("imports.authority.broken") from None
        elif method == 0:
            data = body
        else:
            raise ImportFileError("imports.authority.unknown")
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    return data.decode("utf-8", errors="replace")


def detect_authority_source(head: bytes) -> AuthoritySource:
    """Which ranking the first bytes (up to 64 KB, compressed or not) belong to, or raise
    :class:`ImportFileError` with one sentence."""
    text = _peek_text(head)
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if not lines:
        raise ImportFileError("imports.authority.unknown")
    first = lines[0].strip()
    if first.startswith("#") and ("harmonicc" in first or "host_rev" in first):
        return AuthoritySource.COMMON_CRAWL_RANKS
    body = lines[:-1] if len(lines) > 1 else lines  # the last line of a head may be cut short
    # most lines must have the shape; a few malformed ones are skipped later, not fatal here
    if sum(1 for line in body if _CC_DATA_RE.match(line)) > len(body) / 2:
        return AuthoritySource.COMMON_CRAWL_RANKS
    if sum(1 for line in body if _TRANCO_RE.match(line)) > len(body) / 2:
        return AuthoritySource.TRANCO
    raise ImportFileError("imports.authority.unknown")


def _read_head(stream: BinaryIO) -> bytes:
    """Up to HEAD_BYTES from the start of a stream (a raw stream may return less per read)."""
    parts: list[bytes] = []
    size = 0
    while size < HEAD_BYTES:
        chunk = stream.read(HEAD_BYTES - size)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


class _Prepended(io.RawIOBase):
    """A read-only stream: ``head`` bytes already read, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


class AuthorityReader(Iterator[DomainRank]):
    """Iterates :class:`DomainRank` records and counts as it goes.

    After (or during) iteration: ``lines`` read, ``kept`` yielded, ``skipped`` malformed lines (with
    the first line numbers in ``skipped_lines``), ``duplicates`` (a domain seen again at a worse rank,
    e.g. ``www.example.com`` after ``example.com``; only tracked when ``wanted`` is given) and
    ``source``. Rows whose name has no registrable domain (a bare public suffix such as ``co.uk``)
    count as skipped.
    """

    def __init__(self, stream: BinaryIO, filename: str | None, wanted: set[str] | None, universe: int) -> None:
        self.filename = filename
        self.lines = 0
        self.kept = 0
        self.skipped = 0
        self.skipped_lines: list[int] = []
        self.duplicates = 0
        self.universe = universe
        head = _read_head(stream)
        self.source = detect_authority_source(head)
        self._wanted = {w.strip().lower().rstrip(".") for w in wanted} if wanted is not None else None
        self._lines = self._open(head, stream)
        self._it = self._iterate()

    def __iter__(self) -> "AuthorityReader":
        return self

    def __next__(self) -> DomainRank:
        return next(self._it)

    def _open(self, head: bytes, stream: BinaryIO) -> Iterator[bytes]:
        if head.startswith(b"PK\x03\x04"):
            if stream.seekable():
                stream.seek(0)
                archive = zipfile.ZipFile(stream)  # type: ignore[arg-type]
            else:
                archive = zipfile.ZipFile(io.BytesIO(head + stream.read()))
            members = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
            if not members:
                raise ImportFileError("imports.authority.unknown")
            return _lines(archive.open(max(members, key=lambda i: i.file_size)))  # type: ignore[arg-type]
        raw = io.BufferedReader(_Prepended(head, stream), 1 << 20)
        if head.startswith(b"\x1f\x8b"):
            return _lines(gzip.GzipFile(fileobj=raw))  # type: ignore[arg-type]
        return _lines(raw)  # type: ignore[arg-type]

    def _skip(self, line_no: int) -> None:
        self.skipped += 1
        if len(self.skipped_lines) < 20:
            self.skipped_lines.append(line_no)

    def _iterate(self) -> Iterator[DomainRank]:
        try:
            yield from self._read()
        except (OSError, EOFError, zlib.error, zipfile.BadZipFile):
            raise ImportFileError("imports.authority.broken") from None

    def _read(self) -> Iterator[DomainRank]:
        """The per-line loop; kept lean because a ranks file has millions of lines.

        With ``wanted``, a line costs a split and a set lookup or two unless it is a hit: only hits
        have their name checked in full (a malformed rank or a short line is always counted)."""
        cc = self.source is AuthoritySource.COMMON_CRAWL_RANKS
        sep = b"\t" if cc else b","
        rank_i, name_i = 0, (4 if cc else 1)
        lines = self._lines
        line_no = 0
        first = next(lines, None)
        if first is None:
            return
        if first[:1] == b"#":
            line_no = 1
            header = [h.strip().lstrip(b"#") for h in first.split(sep)]
            if b"harmonicc_pos" in header and b"host_rev" in header:
                rank_i, name_i = header.index(b"harmonicc_pos"), header.index(b"host_rev")
        else:
            lines = itertools.chain((first,), lines)
        width = max(rank_i, name_i) + 1
        wanted = self._wanted
        if wanted is None:
            probe = None
        elif cc:
            probe = {".".join(reversed(w.split("."))).encode() for w in wanted}
        else:
            probe = {w.encode() for w in wanted}
        seen: set[str] = set()
        psl = rules()
        registrable, plain, wild = psl.registrable, psl.plain, psl.wild
        name_ok = _NAME_RE.fullmatch
        slope = 100.0 / math.log10(self.universe) if self.universe > 1 else 0.0
        log10 = math.log10
        for line_no, raw in enumerate(lines, line_no + 1):
            parts = raw.split(sep)
            if len(parts) < width:
                if raw.strip():
                    self._skip(line_no)
                continue
            rank_text = parts[rank_i].strip()
            if not rank_text.isdigit():
                self._skip(line_no)
                continue
            name = parts[name_i].strip()
            if probe is not None and name not in probe:
                name = name.lower()
                if name not in probe:
                    # a subdomain of a wanted domain? (never true for a domain-level file)
                    if cc:  # reversed: nl.voorbeeld.www -> prefixes nl.voorbeeld
                        dot = name.find(b".")
                        dot = name.find(b".", dot + 1) if dot != -1 else -1
                        while dot != -1 and name[:dot] not in probe:
                            dot = name.find(b".", dot + 1)
                    else:  # www.voorbeeld.nl -> suffixes voorbeeld.nl
                        dot = name.find(b".")
                        while dot != -1 and name[dot + 1:] not in probe:
                            dot = name.find(b".", dot + 1)
                    if dot == -1:
                        continue
            name = name.lower()
            rank = int(rank_text)
            if rank < 1 or not name_ok(name):
                self._skip(line_no)
                continue
            if cc:
                tld, dot_, rest = name.partition(b".")
                if dot_ and b"." not in rest:  # the usual two-label name: com.example
                    host = (rest + b"." + tld).decode("ascii")
                    tld_s = tld.decode("ascii")
                    simple = tld_s in plain and tld_s not in wild and host not in plain
                    domain = host if simple else registrable(host)
                else:
                    domain = registrable(".".join(reversed(name.decode("ascii").split("."))))
            else:
                domain = registrable(name.decode("ascii"))
            if domain is None:
                self._skip(line_no)
                continue
            if wanted is not None:
                if domain not in wanted:
                    continue
                if domain in seen:
                    self.duplicates += 1
                    continue
                seen.add(domain)
            self.kept += 1
            self.lines = line_no
            score = 100.0 - slope * log10(rank)
            yield DomainRank(domain, rank, round(score, 1) if score > 0.0 else 0.0)
        self.lines = line_no


def _lines(stream: BinaryIO, block: int = 1 << 20) -> Iterator[bytes]:
    """Lines of a binary stream without their ending, read in large blocks (faster than readline)."""
    rest = b""
    while True:
        data = stream.read(block)
        if not data:
            break
        chunk = rest + data
        lines = chunk.split(b"\n")
        rest = lines.pop()
        yield from lines
    if rest:
        yield rest


def parse_authority(
    stream: BinaryIO,
    filename: str | None = None,
    wanted: set[str] | None = None,
    universe: int = DEFAULT_UNIVERSE,
) -> AuthorityReader:
    """Stream a Tranco list (``rank,domain``, plain or zipped) or a Common Crawl domain ranks file
    (gzipped, tab-separated, reversed names) as :class:`DomainRank` records.

    The source is detected from the first bytes (:func:`detect_authority_source`); a file that is
    neither raises :class:`ImportFileError` at once. Names are mapped to their registrable domain
    (``com.example.www`` -> ``example.com``). With ``wanted`` (registrable domains), only those are
    yielded, each once with its best rank, and lines for other domains cost a few set lookups. The
    returned reader counts ``lines``, ``kept``, ``skipped`` (malformed lines) and ``duplicates``.
    """
    return AuthorityReader(stream, filename, wanted, universe)  # detection is by content, not by name
