"""Result files of a scan, partitioned by target domain, in the layout Spark writes.

::

    OUT/csv/target_domain=site.nl/part-00000.csv          (header: source_url,target_url,anchor,rel,crawl,fetch_time)
    OUT/parquet/target_domain=site.nl/part-00000.parquet  (same columns; when pyarrow is installed)

The CSV columns are exactly the Common Crawl format of :mod:`bot.imports`, so
``backlinks import SITE OUT/csv/target_domain=site.nl/part-00000.csv`` reads a part as it is, and
:func:`collect_result` turns a whole output directory (Spark's many part files, CSV or Parquet) into
one such CSV for ``backlinks import SITE OUT``.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.commoncrawl.wat import CSV_COLUMNS
from bot.errors import UserInputError
from bot.i18n import t

FORMATS = ("csv", "parquet")


def have_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def partition_dir(out: Path, fmt: str, domain: str) -> Path:
    return out / fmt / f"target_domain={domain}"


class PartitionedWriter:
    """Appends rows (tuples in ``ROW_FIELDS`` order) to one file per target domain and format.

    Files are opened on the first row of a domain and kept open (a scan looks for a handful of
    domains); Parquet rows are buffered and written as row groups of ``batch`` rows.
    """

    def __init__(self, out: Path, formats: Sequence[str] = ("csv",), *, batch: int = 50_000) -> None:
        unknown = set(formats) - set(FORMATS)
        if unknown or not formats:
            raise UserInputError(t("commoncrawl.formats", None, formats=", ".join(sorted(unknown)) or "none"))
        if "parquet" in formats and not have_pyarrow():
            raise UserInputError(t("commoncrawl.parquet_needs_pyarrow", None))
        self.out = out
        self.formats = tuple(formats)
        self.batch = batch
        self.counts: dict[str, int] = {}
        self._csv: dict[str, tuple[TextIO, Any]] = {}
        self._parquet: dict[str, Any] = {}
        self._buffers: dict[str, list[tuple[str, ...]]] = {}
        self.files: list[Path] = []

    def write(self, rows: Iterable[tuple[str, ...]]) -> None:
        for row in rows:
            domain = row[2]
            values = (row[0], row[1], row[3], row[4], row[5], row[6])
            self.counts[domain] = self.counts.get(domain, 0) + 1
            if "csv" in self.formats:
                handle = self._csv.get(domain)
                if handle is None:
                    handle = self._open_csv(domain)
                handle[1].writerow(values)
            if "parquet" in self.formats:
                buffer = self._buffers.setdefault(domain, [])
                buffer.append(values)
                if len(buffer) >= self.batch:
                    self._flush_parquet(domain)

    def _open_csv(self, domain: str) -> tuple[TextIO, Any]:
        path = partition_dir(self.out, "csv", domain) / "part-00000.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = path.open("w", encoding="utf-8", newline="")
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        self._csv[domain] = (stream, writer)
        self.files.append(path)
        return self._csv[domain]

    def _flush_parquet(self, domain: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = self._buffers.get(domain) or []
        table = pa.table({name: [r[i] for r in rows] for i, name in enumerate(CSV_COLUMNS)},
                         schema=pa.schema([(name, pa.string()) for name in CSV_COLUMNS]))
        writer = self._parquet.get(domain)
        if writer is None:
            path = partition_dir(self.out, "parquet", domain) / "part-00000.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            writer = self._parquet[domain] = pq.ParquetWriter(str(path), table.schema)
            self.files.append(path)
        writer.write_table(table)
        self._buffers[domain] = []

    def close(self) -> None:
        for stream, _ in self._csv.values():
            stream.close()
        if "parquet" in self.formats:
            for domain, rows in list(self._buffers.items()):
                if rows or domain not in self._parquet:
                    self._flush_parquet(domain)
            for writer in self._parquet.values():
                writer.close()
        self._csv.clear()
        self._parquet.clear()


# ---------------------------------------------------------------- reading results back


def _part_files(root: Path, domain: str | None) -> tuple[list[Path], list[Path]]:
    """CSV and Parquet part files under ``root``: in ``target_domain=<domain>`` directories when any
    exist, else all of them (a directory of parts without partitions)."""
    def is_csv(p: Path) -> bool:
        return p.name.endswith((".csv", ".csv.gz")) and not p.name.startswith((".", "_"))

    def is_parquet(p: Path) -> bool:
        return p.name.endswith(".parquet") and not p.name.startswith((".", "_"))

    files = sorted(p for p in root.rglob("*") if p.is_file())
    partitioned = [p for p in files if any(part.startswith("target_domain=") for part in p.relative_to(root).parts)]
    if partitioned:
        files = [p for p in partitioned if f"target_domain={domain}" in p.relative_to(root).parts] if domain else partitioned
    return [p for p in files if is_csv(p)], [p for p in files if is_parquet(p)]


def _copy_part(path: Path, writer: Any) -> None:
    """The rows of one CSV part file, in :data:`CSV_COLUMNS` order (its header may order them otherwise)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    header = next(reader, None)
    if header is None:
        return
    names = [h.strip().lower() for h in header]
    if not set(CSV_COLUMNS) <= set(names):
        raise csv.Error("not a scan result")
    index = [names.index(c) for c in CSV_COLUMNS]
    for row in reader:
        if row:
            writer.writerow([row[i] if i < len(row) else "" for i in index])


def collect_result(root: str | Path, domain: str | None = None) -> bytes:
    """One CSV (Common Crawl import format) from a scan or Spark output directory: the part files of
    ``domain``'s partition (all partitions without ``domain``), CSV parts preferred over Parquet.

    Raises :class:`UserInputError` with one sentence when the directory holds no result for the site.
    """
    root = Path(root)
    csv_parts, parquet_parts = _part_files(root, domain)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    if csv_parts:
        for path in csv_parts:
            try:
                _copy_part(path, writer)
            except (UnicodeDecodeError, csv.Error, EOFError, OSError, zlib.error):
                raise UserInputError(t("commoncrawl.not_result", None, name=path.name)) from None
    elif parquet_parts:
        if not have_pyarrow():
            raise UserInputError(t("commoncrawl.result_parquet_only", None))
        import pyarrow.parquet as pq

        for path in parquet_parts:
            table = pq.read_table(str(path), columns=list(CSV_COLUMNS))
            for row in table.to_pylist():
                writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
    else:
        raise UserInputError(t("commoncrawl.no_result", None, root=root, site=domain or "..."))
    return out.getvalue().encode("utf-8")
