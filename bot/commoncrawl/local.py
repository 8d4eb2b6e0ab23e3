"""Scan WAT files on one machine: the per-file function in a process pool, results partitioned by
target domain (the same layout and rows as the Spark job).

A laptop scans a few hundred WAT files this way (each is ~250-300 MB compressed and takes about a
minute per core); the whole crawl (~90,000-100,000 files) is what the Spark job is for.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bot.commoncrawl.output import PartitionedWriter
from bot.commoncrawl.wat import ScanStats, Wanted, scan_file
from bot.errors import UserInputError
from bot.i18n import t


@dataclass
class LocalScan:
    """What a local scan did."""

    files: int
    failed: list[tuple[str, str]]  # (location, error) for files that could not be read
    stats: ScanStats
    rows: dict[str, int]  # target domain -> rows written
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "failed": [{"location": loc, "error": err} for loc, err in self.failed],
            "rows": dict(sorted(self.rows.items())),
            "stats": self.stats.to_dict(),
            "outputs": [str(p) for p in self.outputs],
            "seconds": round(self.seconds, 2),
        }


def read_location_list(path: str | Path, prefix: str = "https://data.commoncrawl.org/") -> list[str]:
    """WAT locations, one a line (blank lines and ``#`` comments skipped). Relative local paths are
    taken relative to the list file; ``s3://``, ``http(s)://`` and absolute paths as they are.
    Common Crawl's ``wat.paths.gz`` lists keys like ``crawl-data/...``: they become
    ``https://data.commoncrawl.org/crawl-data/...`` (``prefix``; on AWS ``s3://commoncrawl/``)."""
    import gzip

    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError:
        raise UserInputError(t("commoncrawl.list_missing", None, path=path)) from None
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    out: list[str] = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "://" in line:
            out.append(line)
        elif line.startswith("crawl-data/"):
            out.append(prefix + line)
        else:
            local = Path(line)
            out.append(str(local if local.is_absolute() else (file.parent / local)))
    if not out:
        raise UserInputError(t("commoncrawl.list_empty", None, name=file.name))
    return out


def _scan_one(location: str, domains: tuple[str, ...], crawl: str | None, prefilter: bool
              ) -> tuple[str, list[tuple[str, ...]], dict[str, int], str | None]:
    """:func:`scan_file` for the pool: a file that cannot be read is reported, not raised."""
    try:
        rows, stats = scan_file(location, domains, crawl=crawl, prefilter=prefilter)
    except Exception as err:  # one bad file (download error, not a WARC, corrupt gzip) must not stop the rest
        return location, [], {}, f"{type(err).__name__}: {err}"[:300]
    except BaseException as err:
        if not is_reader_panic(err):
            raise
        return location, [], {}, f"{type(err).__name__}: {err}"[:300]
    return location, rows, stats, None


def is_reader_panic(err: BaseException) -> bool:
    """FastWARC (Rust) reports some broken input as a pyo3 ``PanicException``, a ``BaseException``."""
    return type(err).__name__ == "PanicException"


def scan_locations(
    locations: Sequence[str],
    domains: Iterable[str],
    out_dir: str | Path,
    *,
    workers: int | None = None,
    formats: Sequence[str] = ("csv",),
    crawl: str | None = None,
    prefilter: bool = True,
    progress: Callable[[int, int], object] | None = None,
) -> LocalScan:
    """Scan ``locations`` for links to ``domains`` with ``workers`` processes (default: all cores) and
    write the rows under ``out_dir`` (see :mod:`bot.commoncrawl.output`). Rows come out in input file
    order, then record order, so two runs write identical files."""
    started = time.perf_counter()
    wanted = tuple(sorted(Wanted.of(domains).domains))  # validates the names before any work
    if not wanted:
        raise UserInputError(t("commoncrawl.no_sites", None))
    out = Path(out_dir)
    writer = PartitionedWriter(out, formats)
    stats = ScanStats()
    failed: list[tuple[str, str]] = []
    count = len(locations)
    job = partial(_scan_one, domains=wanted, crawl=crawl, prefilter=prefilter)
    n_workers = max(1, min(workers or multiprocessing.cpu_count(), count or 1))
    try:
        if n_workers == 1:
            results: Iterable[tuple[str, list[tuple[str, ...]], dict[str, int], str | None]] = map(job, locations)
            _consume(results, writer, stats, failed, count, progress)
        else:
            # spawn: the parent may hold threads (a Spark gateway, an event loop) that fork would copy
            with ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                _consume(pool.map(job, locations, chunksize=1), writer, stats, failed, count, progress)
    finally:
        writer.close()
    return LocalScan(count, failed, stats, dict(writer.counts), list(writer.files), time.perf_counter() - started)


def _consume(results: Iterable[tuple[str, list[tuple[str, ...]], dict[str, int], str | None]], writer: PartitionedWriter,
             stats: ScanStats, failed: list[tuple[str, str]], count: int,
             progress: Callable[[int, int], object] | None) -> None:
    for done, (location, rows, file_stats, error) in enumerate(results, 1):
        if error is not None:
            failed.append((location, error))
        else:
            stats.add(ScanStats(**file_stats))
            writer.write(rows)
        if progress is not None:
            progress(done, count)
