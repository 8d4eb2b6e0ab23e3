"""Import parsers: throughput of backlink exports and of authority rankings files.

Run: ``.venv/bin/python bench/bench_imports.py [--rows 100000] [--mb 100]``

Prints rows per second and, because machines here are noisy, a ratio against a baseline measured in
the same run on the same data: for exports, decoding plus a bare ``csv.reader`` pass (the least any
CSV import must do); for rankings, a bare ``gzip`` line loop with ``split`` (the least any streaming
reader must do).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.imports import parse_authority, parse_export  # noqa: E402

AHREFS_HEADER = [
    "Referring page title", "Referring page URL", "Language", "Platform", "Referring page HTTP code",
    "Domain rating", "UR", "Domain traffic", "Referring domains", "Linked domains", "External links",
    "Page traffic", "Keywords", "Target URL", "Left context", "Anchor", "Right context", "Type", "Content",
    "Nofollow", "UGC", "Sponsored", "Rendered", "Raw", "Lost status", "Drop reason", "Discovered status",
    "Link Group Count", "Is root source", "First seen", "Last seen", "Lost",
]
TLDS = ["com", "nl", "de", "org", "net", "be", "fr", "co.uk", "io", "info", "eu", "com.au", "it", "es"]


def ahrefs_export(rows: int, seed: int = 7) -> bytes:
    """A realistic Ahrefs backlink export (UTF-16 LE with BOM, tab-separated), ~470 bytes a row."""
    rnd = random.Random(seed)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\r\n")
    writer.writerow(AHREFS_HEADER)
    for i in range(rows):
        host = f"{rnd.choice(['www.', 'blog.', '', 'nieuws.'])}site{rnd.randrange(rows // 3 + 1)}.{rnd.choice(TLDS)}"
        writer.writerow([
            f"Artikel {i} over fietsen en wandelen", f"https://{host}/artikel/{i}-fietsen-wandelen", "nl", "Blog",
            "200", rnd.randrange(90), rnd.randrange(60), rnd.randrange(90000), rnd.randrange(900), rnd.randrange(300),
            rnd.randrange(80), rnd.randrange(3000), rnd.randrange(300), f"https://mijnsite.nl/p{rnd.randrange(60)}",
            "lees meer bij", f"anker {rnd.randrange(500)}", "voor tips", "text", "true",
            rnd.choice(["true", "false", "false", "false"]), "false", rnd.choice(["false"] * 9 + ["true"]), "true",
            "true", "", "", "", "1", "false", f"2025-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d} 08:11:45",
            f"2026-{rnd.randrange(1, 4):02d}-{rnd.randrange(1, 29):02d} 17:40:09", "",
        ])
    return b"\xff\xfe" + buf.getvalue().encode("utf-16-le")


def bench_exports(rows: int) -> None:
    data = ahrefs_export(rows)
    print(f"exports: Ahrefs UTF-16 TSV, {rows:,} rows, {len(data) / 1e6:.1f} MB")
    t0 = time.perf_counter()
    text = data.decode("utf-16")
    n = sum(1 for _ in csv.reader(io.StringIO(text), delimiter="\t"))
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = parse_export(data)
    took = time.perf_counter() - t0
    assert result.rows_read == n - 1, (result.rows_read, n)
    print(f"  baseline decode + csv.reader : {base:6.2f} s  {n / base:>10,.0f} rows/s")
    print(f"  parse_export                 : {took:6.2f} s  {result.rows_read / took:>10,.0f} rows/s"
          f"  ({len(result.links):,} links, {result.duplicates_merged:,} merged, {len(result.rejected)} rejected)")
    print(f"  ratio parse_export / baseline: {took / base:.1f}x the time of a bare CSV pass")


def write_cc_ranks(path: Path, target_mb: int, seed: int = 11) -> int:
    """A Common Crawl domain ranks file (gzip, tab-separated, reversed names, #n_hosts) of ~target_mb."""
    rnd = random.Random(seed)
    lines = 0
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as gz:
        gz.write(b"#harmonicc_pos\t#harmonicc_val\t#pr_pos\t#pr_val\t#host_rev\t#n_hosts\n")
        while raw.tell() < target_mb * 1_000_000:
            chunk = []
            for _ in range(50_000):
                lines += 1
                tld = ".".join(reversed(rnd.choice(TLDS).split(".")))
                name = f"{tld}.{rnd.choice(['shop', 'blog', 'bakker', 'fiets', 'tuin', 'reis', 'auto', 'nieuws'])}{rnd.randrange(10**9):x}"
                chunk.append(f"{lines}\t{3.5e7 / (lines ** 0.3):.7E}\t{rnd.randrange(1, 10**8)}\t{rnd.random() / 1e4:.4E}\t{name}\t{rnd.randrange(1, 500)}\n")
            gz.write("".join(chunk).encode())
    return lines


def bench_authority(target_mb: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "domain-ranks.txt.gz"
        t0 = time.perf_counter()
        lines = write_cc_ranks(path, target_mb)
        size = os.path.getsize(path)
        print(f"\nauthority: Common Crawl domain ranks, {size / 1e6:.0f} MB gzip, {lines:,} lines "
              f"(written in {time.perf_counter() - t0:.0f} s)")
        t0 = time.perf_counter()
        with gzip.open(path, "rb") as gz:
            n = sum(1 for line in gz if len(line.split(b"\t")) > 4)
        base = time.perf_counter() - t0
        print(f"  baseline gzip lines + split   : {base:6.1f} s  {n / base:>12,.0f} lines/s")
        # the usual use: the referring domains we know (a few thousand), picked out of the file
        with gzip.open(path, "rb") as gz:
            sample = [line.split(b"\t")[4].decode() for i, line in enumerate(gz) if i % 97 == 1][:5000]
        wanted = {".".join(reversed(name.split("."))) for name in sample}
        for label, wanted_set in ((f"wanted ({len(wanted):,} domains)", wanted), ("everything", None)):
            t0 = time.perf_counter()
            with open(path, "rb") as f:
                reader = parse_authority(f, path.name, wanted=wanted_set)
                kept = sum(1 for _ in reader)
            took = time.perf_counter() - t0
            print(f"  parse_authority {label:<22}: {took:6.1f} s  {reader.lines / took:>12,.0f} lines/s  "
                  f"kept {kept:,}, skipped {reader.skipped}  ratio {took / base:.1f}x baseline")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the generated export")
    parser.add_argument("--mb", type=int, default=100, help="size of the generated ranks file (gzip MB)")
    args = parser.parse_args()
    bench_exports(args.rows)
    bench_authority(args.mb)


if __name__ == "__main__":
    main()
