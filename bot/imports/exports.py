"""``parse_export``: one downloaded file from an SEO tool in, typed backlink records out.

The format is detected from the file itself (compression, zip members, encoding, delimiter, the
header and, failing a known header, the content of the columns). Every data row ends up either as a
link (merged with duplicates) or as a :class:`RejectedRow` with its 1-based line number.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bot.domains import registrable_domain
from bot.i18n import t
from bot.imports import columns as C
from bot.imports.decode import (
    GZIP_MAGIC,
    MAX_UNPACKED,
    PARQUET_MAGIC,
    ZIP_MAGIC,
    binary_kind,
    decode_text,
    gunzip,
    looks_binary,
    too_compressed,
)
from bot.imports.errors import ImportFileError
from bot.imports.model import ImportedLink, ImportFormat, ImportResult, RejectedRow
from bot.imports.values import BadUrl, clean_url, looks_like_domain, looks_like_url, parse_bool, parse_date, rel_flags, url_or_none

HEADER_SEARCH_LINES = 30  # Moz puts a few lines of report description before its header
SAMPLE_ROWS = 60
MAX_RECORD_LINES = 20  # a quoted field may hold newlines; past this the quoting is broken
DELIMITERS = (",", "\t", ";", "|")


# ---------------------------------------------------------------- collecting and merging


@dataclass
class _Collector:
    """Links keyed by (source page, target page), rejected rows and counters of one import."""

    prefix: str = ""
    links: dict[tuple[str, str | None], list[Any]] = field(default_factory=dict)
    rejected: list[RejectedRow] = field(default_factory=list)
    rows_read: int = 0
    duplicates: int = 0
    domains: dict[str, None] = field(default_factory=dict)

    def reject(self, line: int, code: str) -> None:
        reason = t(f"imports.rejected.{code}", "en")
        self.rejected.append(RejectedRow(line, f"{self.prefix}{reason}" if self.prefix else reason, code))

    def add(self, key: tuple[str, str | None], values: list[Any]) -> None:
        """``values``: [source, target, anchor, nofollow, ugc, sponsored, first_seen, last_seen]."""
        have = self.links.get(key)
        if have is None:
            self.links[key] = values
            return
        self.duplicates += 1
        for i in range(1, 6):
            if have[i] is None:
                have[i] = values[i]
        first, last = values[6], values[7]
        if first is not None and (have[6] is None or first < have[6]):
            have[6] = first
        if last is not None and (have[7] is None or last > have[7]):
            have[7] = last

    def add_domain(self, domain: str) -> None:
        if domain in self.domains:
            self.duplicates += 1
        else:
            self.domains[domain] = None

    def merge(self, other: "_Collector") -> None:
        for key, values in other.links.items():
            self.add(key, values)
        for domain in other.domains:
            self.add_domain(domain)
        self.rejected.extend(other.rejected)
        self.rows_read += other.rows_read
        self.duplicates += other.duplicates

    def result(self, fmt: ImportFormat) -> ImportResult:
        return ImportResult(
            format=fmt,
            links=tuple(ImportedLink(*v) for v in self.links.values()),
            rejected=tuple(self.rejected),
            rows_read=self.rows_read,
            duplicates_merged=self.duplicates,
            referring_domains=tuple(self.domains),
        )


# ---------------------------------------------------------------- records and rows


def _split_lines(text: str) -> list[str]:
    if "\n" in text:
        return text.replace("\r\n", "\n").split("\n")
    return text.split("\r")


def _parse_one(record: str, delimiter: str, strict: bool = True) -> list[str]:
    return next(csv.reader((record,), delimiter=delimiter, strict=strict))


def _records(
    lines: list[str], start: int, delimiter: str, width: int, out: _Collector
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line_no, fields)`` for each data record from ``lines[start:]``.

    A quoted field may span lines; an unterminated quote swallows at most ``MAX_RECORD_LINES`` lines
    before the row is rejected as broken quoting and reading resumes on the next line.
    """
    n = len(lines)
    i = start
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        try:
            fields = _parse_one(line, delimiter)
            yield i + 1, fields
            i += 1
            continue
        except csv.Error as err:
            unterminated = "unexpected end of data" in str(err)
        if unterminated:
            record = line
            j = i + 1
            joined: list[str] | None = None
            while j < n and j - i < MAX_RECORD_LINES:
                record = record + "\n" + lines[j]
                j += 1
                try:
                    joined = _parse_one(record, delimiter)
                    break
                except csv.Error as err:
                    if "unexpected end of data" not in str(err):
                        break
            if joined is not None and (width <= 1 or len(joined) == width):
                yield i + 1, joined
                i = j
                continue
        # broken: accept the line alone if a lenient reading gives the right number of columns
        lenient = _parse_one(line, delimiter, strict=False)
        if width > 1 and len(lenient) == width:
            yield i + 1, lenient
        else:
            out.rows_read += 1
            out.reject(i + 1, "bad-quoting")
        i += 1


def _cell(fields: list[str], index: int | None) -> str | None:
    if index is None or index >= len(fields):
        return None
    value = fields[index].strip()
    return value or None


def _flag(fields: list[str], index: int | None, empty_is_false: bool) -> bool | None:
    if index is None or index >= len(fields):
        return None
    value = fields[index].strip()
    if not value:
        return False if empty_is_false else None
    return parse_bool(value)


def _read_link_rows(lines: list[str], start: int, delimiter: str | None, width: int, cols: C.Columns,
                    out: _Collector) -> None:
    if delimiter is None:  # a plain list: the whole line is the URL (URLs may hold commas)
        records = ((i + 1, [lines[i]]) for i in range(start, len(lines)) if lines[i].strip())
    else:
        records = _records(lines, start, delimiter, width, out)
    src_i, tgt_i, anc_i = cols.source, cols.target, cols.anchor
    for line_no, fields in records:
        raw = fields[src_i] if src_i < len(fields) else ""
        if not raw.strip() and not any(f.strip() for f in fields):
            continue  # a blank row is not a row
        out.rows_read += 1
        try:
            source, source_key = clean_url(raw)
        except BadUrl as bad:
            out.reject(line_no, bad.code)
            continue
        target = url_or_none(_cell(fields, tgt_i))
        anchor = _cell(fields, anc_i)
        nofollow = _flag(fields, cols.nofollow, cols.empty_flag_is_false)
        if nofollow is None and cols.dofollow is not None:
            follow = _flag(fields, cols.dofollow, False)
            nofollow = None if follow is None else not follow
        ugc = _flag(fields, cols.ugc, cols.empty_flag_is_false)
        sponsored = _flag(fields, cols.sponsored, cols.empty_flag_is_false)
        if cols.rel is not None and (nofollow is None or ugc is None or sponsored is None):
            raw_rel = fields[cols.rel] if cols.rel < len(fields) else None
            if raw_rel is not None and not raw_rel.strip() and not cols.empty_rel_is_follow:
                raw_rel = None
            r_nofollow, r_ugc, r_sponsored = rel_flags(raw_rel)
            nofollow = r_nofollow if nofollow is None else nofollow
            ugc = r_ugc if ugc is None else ugc
            sponsored = r_sponsored if sponsored is None else sponsored
        first = parse_date(_cell(fields, cols.first_seen))
        last = parse_date(_cell(fields, cols.last_seen))
        if cols.fetch_time is not None:
            fetched = parse_date(_cell(fields, cols.fetch_time))
            first = first or fetched
            last = last or fetched
        key = (source_key, target[1] if target else None)
        out.add(key, [source, target[0] if target else None, anchor, nofollow, ugc, sponsored, first, last])


def _read_site_rows(lines: list[str], start: int, delimiter: str, width: int, site_i: int, out: _Collector) -> None:
    for line_no, fields in _records(lines, start, delimiter, width, out):
        if not any(f.strip() for f in fields):
            continue
        out.rows_read += 1
        raw = (fields[site_i] if site_i < len(fields) else "").strip().lower()
        if "://" in raw:
            try:
                raw = clean_url(raw)[1].split("/", 1)[0]
            except BadUrl:
                raw = ""
        domain = registrable_domain(raw) if raw and looks_like_domain(raw) else None
        if domain is None:
            out.reject(line_no, "bad-domain" if raw else "no-url")
            continue
        out.add_domain(domain)


# ---------------------------------------------------------------- finding the header


def _header_candidates(lines: list[str], first: int) -> tuple[int, str, list[str]] | None:
    """The best-scoring header line among the first lines: ``(index, delimiter, fields)``."""
    best: tuple[int, int, int, str, list[str]] | None = None
    for i in range(first, min(len(lines), first + HEADER_SEARCH_LINES)):
        line = lines[i]
        if not line.strip() or looks_like_url(line.split(",")[0].split("\t")[0]):
            continue
        for delimiter in DELIMITERS:
            if delimiter != "," and delimiter not in line:
                continue
            try:
                fields = _parse_one(line, delimiter, strict=False)
            except csv.Error:
                continue
            score = C.header_score([C.norm_header(f) for f in fields])
            if score and (best is None or (score, len(fields)) > (best[0], best[1])):
                best = (score, len(fields), i, delimiter, fields)
    if best is None:
        return None
    return best[2], best[3], best[4]


def _sniff_delimiter(sample_lines: list[str]) -> str:
    """csv.Sniffer over a sample, checked; else the delimiter that splits lines most consistently."""
    sample = "\n".join(sample_lines)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
        if sniffed in DELIMITERS:
            return sniffed
    except csv.Error:
        pass
    best, best_score = ",", 0.0
    for delimiter in DELIMITERS:
        counts = [line.count(delimiter) for line in sample_lines if line.strip()]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) * (1 if common else 0)
        if score > best_score or (score == best_score and common > 0 and best == ","):
            best, best_score = delimiter, score
    return best


_BOOL_WORDS = frozenset({"true", "false", "yes", "no", "ja", "nee", "0", "1"})


def _multi_column(line: str) -> bool:
    """True when a line without spaces still splits into columns (``https://a.nl/x,2026-03-01``): the
    part after the last delimiter is a date, number, flag, URL or empty, not the rest of a URL."""
    for delimiter in DELIMITERS:
        if delimiter in line:
            tail = line.rsplit(delimiter, 1)[1].strip().strip("\"'")
            if (not tail or parse_date(tail) or tail.replace(".", "").isdigit() or looks_like_url(tail)
                    or tail.lower() in _BOOL_WORDS):
                return True
    return False


def _is_plain_list(lines: list[str], first: int) -> bool:
    """A list of URLs, one a line (an optional header word such as ``URL`` allowed)."""
    body = [line.strip().strip("\"'") for line in lines[first:first + SAMPLE_ROWS] if line.strip()]
    if not body:
        return False
    if not looks_like_url(body[0]) and any(d in body[0] for d in DELIMITERS):
        return False  # a header with several columns
    urls = sum(1 for line in body if looks_like_url(line) or (looks_like_domain(line.split("/")[0]) and "/" in line))
    single = sum(1 for line in body if not any(ch.isspace() for ch in line) and not _multi_column(line))
    return urls >= max(1, (len(body) - 1) * 0.6) and single >= len(body) - 1 - len(body) // 10


# ---------------------------------------------------------------- one table (text)


def _parse_table(text: str, out: _Collector) -> ImportFormat:
    """Parse one CSV/TSV/list text into ``out``; the detected format, or raise ImportFileError."""
    lines = _split_lines(text)
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first == len(lines):
        raise ImportFileError("imports.not_export.empty")
    hint: str | None = None
    if lines[first].lower().startswith("sep=") and len(lines[first].strip()) == 5:  # Excel's delimiter line
        hint = lines[first].strip()[4]
        first += 1

    found = _header_candidates(lines, first)
    if found is not None:
        index, delimiter, fields = found
        if hint:
            delimiter = hint
            fields = _parse_one(lines[index], delimiter, strict=False)
        names = [C.norm_header(f) for f in fields]
        fmt = C.detect_format(names, has_preamble=index > first)
        if fmt is ImportFormat.GSC_TOP_SITES:
            site_i = C.find(names, C.SITE)
            assert site_i is not None
            _read_site_rows(lines, index + 1, delimiter, len(fields), site_i, out)
            return fmt
        cols = C.map_columns(names, fmt)
        if cols is not None and not (cols.source == 0 and len(names) == 1 and C.find(names, C.OWN_PAGES) == 0):
            if len(names) == 1:  # one column: read whole lines, so URLs holding a comma stay whole
                _read_link_rows(lines, index + 1, None, 1, cols, out)
                return fmt or ImportFormat.URL_LIST
            _read_link_rows(lines, index + 1, delimiter, len(fields), cols, out)
            return fmt or _generic_format(names, cols)
        if C.find(names, C.OWN_PAGES) == 0:
            raise ImportFileError("imports.not_export.own_pages")
    return _parse_by_content(lines, first, hint, out)


def _generic_format(names: list[str], cols: C.Columns) -> ImportFormat:
    if len(names) == 2 and cols.last_seen is not None:
        return ImportFormat.GSC_LATEST
    return ImportFormat.URL_LIST


def _parse_by_content(lines: list[str], first: int, hint: str | None, out: _Collector) -> ImportFormat:
    """No known header: find the URL columns by their values (headers in any language)."""
    if hint is None and _is_plain_list(lines, first):
        start = first
        if not looks_like_url(lines[first]) and "/" not in lines[first]:
            start = first + 1  # a header word
        _read_link_rows(lines, start, None, 1, C.Columns(source=0), out)
        return ImportFormat.URL_LIST
    sample_lines = [line for line in lines[first:first + SAMPLE_ROWS] if line.strip()]
    delimiter = hint or _sniff_delimiter(sample_lines)
    rows: list[tuple[int, list[str]]] = []
    for i in range(first, min(len(lines), first + SAMPLE_ROWS)):
        if lines[i].strip():
            try:
                rows.append((i, _parse_one(lines[i], delimiter, strict=False)))
            except csv.Error:
                continue
    width = max((len(r) for _, r in rows), default=0)
    url_cols: list[int] = []
    for col in range(width):
        values = [r[col] for _, r in rows if col < len(r) and r[col].strip()]
        if values and sum(1 for v in values if looks_like_url(v)) >= max(1, len(values) - 1) * 0.6:
            url_cols.append(col)
    if not url_cols:
        site_col = _domain_column(rows)
        if site_col is not None:
            start = next(i for i, r in rows if site_col < len(r) and looks_like_domain(r[site_col]))
            _read_site_rows(lines, start, delimiter, width, site_col, out)
            return ImportFormat.GSC_TOP_SITES
        raise ImportFileError("imports.not_export.no_urls")
    data_start = next(i for i, r in rows if any(c < len(r) and looks_like_url(r[c]) for c in url_cols))
    data_rows = [r for i, r in rows if i >= data_start]
    if len(url_cols) == 1 and width > 1 and _is_own_pages_table(data_rows, url_cols[0], width):
        raise ImportFileError("imports.not_export.own_pages")
    if len(url_cols) == 1:
        source, target = url_cols[0], None
    else:
        def spread(col: int) -> int:
            return len({(r[col].split("/")[2] if col < len(r) and r[col].count("/") >= 2 else "") for r in data_rows})
        ranked = sorted(url_cols, key=spread)
        target, source = ranked[0], ranked[-1]
    date_cols = [
        col for col in range(width)
        if col not in url_cols and sum(1 for r in data_rows if col < len(r) and parse_date(r[col])) >= 0.8 * len(data_rows)
    ]
    first_seen = last_seen = None
    if len(date_cols) == 1:
        last_seen = date_cols[0]
    elif len(date_cols) >= 2:
        first_seen, last_seen = date_cols[0], date_cols[1]
    cols = C.Columns(source=source, target=target, first_seen=first_seen, last_seen=last_seen)
    _read_link_rows(lines, data_start, delimiter, width, cols, out)
    if width == 2 and last_seen is not None:
        return ImportFormat.GSC_LATEST
    return ImportFormat.URL_LIST


def _is_own_pages_table(rows: list[list[str]], url_col: int, width: int) -> bool:
    """Search Console's "Top linked pages" in any language: pages of ONE site, each with counts only."""
    others = [c for c in range(width) if c != url_col]
    if not all(c < len(r) and _is_count(r[c]) for r in rows for c in others):
        return False
    hosts = {r[url_col].strip().split("/")[2].lower().removeprefix("www.") for r in rows
             if url_col < len(r) and looks_like_url(r[url_col]) and r[url_col].count("/") >= 2}
    return len(hosts) <= 1


def _is_count(text: str) -> bool:
    """``12``, ``1,240``, ``1.240``, ``1 240``: a number of links or pages."""
    digits = text.strip().replace(",", "").replace(".", "").replace(" ", "").replace("\u00a0", "")
    return digits.isdigit()


def _domain_column(rows: list[tuple[int, list[str]]]) -> int | None:
    """A "Top linking sites" table in an unknown language: a header row, then a column of domain
    names next to a column of counts. A bare list of domains (a ranking) is not one."""
    if len(rows) < 2:
        return None
    header, body = rows[0][1], [r for _, r in rows[1:]]
    width = min(len(r) for r in body)
    for col in range(min(width, len(header))):
        if looks_like_domain(header[col]):
            continue
        values = [r[col] for r in body if r[col].strip()]
        if not values or sum(1 for v in values if looks_like_domain(v)) < 0.8 * len(values):
            continue
        counts = [c for c in range(width) if c != col and all(_is_count(r[c]) for r in body)]
        if counts:
            return col
    return None


# ---------------------------------------------------------------- containers


def _parse_zip(data: bytes) -> ImportResult:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportFileError("imports.not_export.zip_broken") from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        names = [i.filename for i in infos]
        if any(n.startswith("xl/") for n in names) or "[Content_Types].xml" in names:
            raise ImportFileError("imports.not_export.excel")
        members = [
            i for i in infos
            if not i.filename.startswith("__MACOSX/") and not i.filename.rsplit("/", 1)[-1].startswith(".")
            and i.filename.lower().rsplit(".", 1)[-1] in ("csv", "tsv", "txt", "gz")
        ]
        unpacked = sum(i.file_size for i in members)
        if unpacked > MAX_UNPACKED or too_compressed(unpacked, sum(i.compress_size for i in members)):
            raise ImportFileError("imports.not_export.too_big", limit=MAX_UNPACKED // (1024 * 1024))
        parts: list[tuple[ImportFormat, _Collector]] = []
        for info in sorted(members, key=lambda i: i.filename):
            try:
                raw = archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError):
                raise ImportFileError("imports.not_export.zip_broken") from None
            part = _Collector(prefix=f"{info.filename.rsplit('/', 1)[-1]}: ")
            try:
                fmt = _parse_bytes(raw, part)
            except ImportFileError:
                continue  # e.g. "Top linking text.csv" next to the links in a Search Console zip
            parts.append((fmt, part))
    if not parts:
        raise ImportFileError("imports.not_export.zip_empty")
    total = _Collector()
    for _, part in parts:
        total.merge(part)
    link_parts = [(fmt, part) for fmt, part in parts if fmt is not ImportFormat.GSC_TOP_SITES]
    if link_parts:
        fmt = max(link_parts, key=lambda p: p[1].rows_read)[0]
    else:
        fmt = ImportFormat.GSC_TOP_SITES
    return total.result(fmt)


def _parse_parquet(data: bytes, out: _Collector) -> ImportFormat:
    try:
        import pyarrow.parquet as pq  # optional: the Spark job's Parquet output
    except ImportError:
        raise ImportFileError("imports.not_export.parquet") from None
    table = pq.read_table(io.BytesIO(data))
    header = list(table.column_names)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    for row in table.to_pylist():
        writer.writerow(["" if row[name] is None else str(row[name]) for name in header])
    return _parse_table(buf.getvalue(), out)


def _parse_bytes(data: bytes, out: _Collector) -> ImportFormat:
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data)
    if not data.strip():
        raise ImportFileError("imports.not_export.empty")
    if data.startswith(PARQUET_MAGIC):
        return _parse_parquet(data, out)
    kind = binary_kind(data)
    if kind is not None:
        raise ImportFileError("imports.not_export.binary", kind=kind)
    text = decode_text(data)
    if looks_binary(text):
        raise ImportFileError("imports.not_export.binary", kind="a binary file")
    start = text[:2048].lstrip().lower()
    if start.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body")):
        raise ImportFileError("imports.not_export.binary", kind="a web page or XML file")
    if start.startswith(("{", "[{", "[\n", "[ ")):
        raise ImportFileError("imports.not_export.binary", kind="a JSON file")
    return _parse_table(text, out)


def parse_export(data: bytes, filename: str | None = None) -> ImportResult:
    """Read a backlink export of any supported tool; the format is detected, never named.

    Raises :class:`~bot.imports.errors.ImportFileError` (a ``UserInputError``) with one sentence when
    the file is not a backlink export: empty, an image or other binary, an Excel workbook, a table
    without a column of page URLs. ``filename`` is only a hint for messages; detection never trusts it.
    """
    del filename  # detection is by content only; kept for the caller's symmetry with parse_authority
    if not data or not data.strip():
        raise ImportFileError("imports.not_export.empty")
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data)
    if data.startswith(ZIP_MAGIC):
        return _parse_zip(data)
    out = _Collector()
    fmt = _parse_bytes(data, out)
    if out.rows_read == 0:
        raise ImportFileError("imports.not_export.no_rows")
    return out.result(fmt)
