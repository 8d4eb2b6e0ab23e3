"""The PySpark job: links to wanted domains from many WAT files, written partitioned by target domain.

Run with ``spark-submit jobs/commoncrawl_backlinks.py --wat-list wat.paths --out OUT site.nl ...`` (or
``backlinks commoncrawl spark ...``, which starts that). Every file is scanned by the same per-file
function as the local process pool (:func:`bot.commoncrawl.wat.scan_file`), inside ``mapPartitions``;
one Spark task per file (or per ``--files-per-task`` files) so a slow or failed download is retried
alone. Output: Parquet (and/or CSV with a header) under ``OUT/parquet`` and ``OUT/csv``, partitioned
``target_domain=<domain>``; with the partition column moved to the path, the files have exactly the
columns of the Common Crawl import format (``bot.commoncrawl.wat.CSV_COLUMNS``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from bot.commoncrawl.wat import ROW_FIELDS, ScanStats

STAT_NAMES = (*ScanStats().to_dict(), "failed_files")


def scan_partition(locations: Iterable[str], domains: tuple[str, ...], crawl: str | None, prefilter: bool,
                   accumulators: dict[str, Any] | None = None) -> Iterator[tuple[str, ...]]:
    """The ``mapPartitions`` function: every row of every WAT location in the partition. A file that
    cannot be read twice is counted in ``failed_files`` and skipped (one bad file of 100,000 must not
    fail the job; Common Crawl's own cc-pyspark does the same)."""
    from bot.commoncrawl.wat import scan_file

    for location in locations:
        for attempt in (1, 2):  # one retry for a dropped download; a corrupt file is counted, not fatal
            try:
                rows, stats = scan_file(location, domains, crawl=crawl, prefilter=prefilter)
                break
            except BaseException as err:  # noqa: B036 (FastWARC panics are BaseExceptions)
                if not isinstance(err, Exception) and type(err).__name__ != "PanicException":
                    raise
                if attempt == 2:
                    rows, stats = [], {"failed_files": 1}
        if accumulators:
            for name, value in stats.items():
                accumulators[name].add(value)
        yield from rows


def run_job(spark: Any, locations: Sequence[str], domains: Iterable[str], out: str, *,
            formats: Sequence[str] = ("parquet",), crawl: str | None = None, files_per_task: int = 1,
            prefilter: bool = True) -> dict[str, Any]:
    """Scan ``locations`` on the cluster behind ``spark`` and write the result under ``out``.

    Returns ``{"rows": {domain: count}, "stats": {...}}`` (stats from accumulators: approximate when
    tasks were retried)."""
    from functools import partial

    from pyspark.sql.types import StringType, StructField, StructType

    from bot.commoncrawl.wat import Wanted

    wanted = tuple(sorted(Wanted.of(domains).domains))
    if not wanted:
        raise ValueError("no domains to look for")
    if not locations:
        raise ValueError("no WAT locations")
    sc = spark.sparkContext
    accumulators = {name: sc.accumulator(0) for name in STAT_NAMES}
    slices = max(1, (len(locations) + files_per_task - 1) // files_per_task)
    rdd = sc.parallelize(list(locations), slices).mapPartitions(
        partial(scan_partition, domains=wanted, crawl=crawl, prefilter=prefilter, accumulators=accumulators))
    schema = StructType([StructField(name, StringType(), nullable=False) for name in ROW_FIELDS])
    frame = spark.createDataFrame(rdd, schema).persist()  # scanned once, written in every format
    counts = {row["target_domain"]: row["count"] for row in frame.groupBy("target_domain").count().collect()}
    # one file per domain partition: results are small next to the input
    by_domain = frame.repartition("target_domain")
    base = out.rstrip("/")
    if "parquet" in formats:
        by_domain.write.partitionBy("target_domain").mode("overwrite").parquet(f"{base}/parquet")
    if "csv" in formats:
        (by_domain.write.partitionBy("target_domain").mode("overwrite")
         .option("header", True).option("escape", '"').option("emptyValue", "")
         .csv(f"{base}/csv"))
    frame.unpersist()
    return {"rows": dict(sorted(counts.items())), "stats": {name: acc.value for name, acc in accumulators.items()}}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="commoncrawl_backlinks",
                                description="Links to the given domains from Common Crawl WAT files (PySpark).")
    p.add_argument("--wat-list", required=True, help="text file (local, s3:// or gzipped) with one WAT location a line")
    p.add_argument("--out", required=True, help="output directory (local path, s3://, gs://, hdfs://)")
    p.add_argument("--format", choices=["parquet", "csv", "both"], default="parquet")
    p.add_argument("--prefix", default="s3://commoncrawl/",
                   help="put before list entries like crawl-data/... (default s3://commoncrawl/; off AWS https://data.commoncrawl.org/)")
    p.add_argument("--crawl", help="crawl id for the rows (default: from the WAT paths)")
    p.add_argument("--files-per-task", type=int, default=1)
    p.add_argument("--limit", type=int, help="only the first N files of the list (a trial run)")
    p.add_argument("--no-prefilter", action="store_true", help="parse every record's JSON (for measuring)")
    p.add_argument("--master", help="Spark master when run with python instead of spark-submit (e.g. local[2])")
    p.add_argument("domains", nargs="+", metavar="DOMAIN")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None, spark: Any = None) -> int:
    """The spark-submit entry point; ``spark`` (a running session, kept running) is for tests."""
    import json

    args = parse_args(argv)
    own = spark is None
    if own:
        from pyspark.sql import SparkSession

        builder = SparkSession.builder.appName("backlinks-commoncrawl")
        if args.master:
            builder = builder.master(args.master)
        spark = builder.getOrCreate()
    try:
        if "://" in args.wat_list and not args.wat_list.startswith("file://"):
            lines = [x.strip() for x in spark.sparkContext.textFile(args.wat_list).collect()]
            locations = [x if "://" in x else args.prefix + x for x in lines if x and not x.startswith("#")]
        else:
            from bot.commoncrawl.local import read_location_list

            locations = read_location_list(args.wat_list.removeprefix("file://"), prefix=args.prefix)
        if args.limit:
            locations = locations[: args.limit]
        formats = ("parquet", "csv") if args.format == "both" else (args.format,)
        result = run_job(spark, locations, args.domains, args.out, formats=formats, crawl=args.crawl,
                         files_per_task=args.files_per_task, prefilter=not args.no_prefilter)
        print(json.dumps({"files": len(locations), "out": args.out, "formats": list(formats), **result}))
    finally:
        if own:
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
