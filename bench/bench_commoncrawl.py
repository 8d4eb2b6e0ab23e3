"""Common Crawl benchmark: WAT scan rate with and without the byte prefilter, and web-graph import rate
and memory.

    .venv/bin/python bench/bench_commoncrawl.py [--records 20000] [--edges-mb 200] [--keep DIR]

1. WAT: a generated WAT file in the real format (pages with ~60 links each, like real pages; 1 in 200
   pages links to a wanted site, the rest to other domains). Records per second on one core, scanned
   with the prefilter (skip records whose bytes do not mention a wanted domain) and without it (parse
   every record's JSON): the ratio is what the prefilter buys. Real WAT files hold ~150,000-200,000
   metadata records (about a third are HTML responses with links).
2. Graph: generated vertices (2 million domains) and edges files (``--edges-mb``, plain text; a gzipped
   copy of part of it for the gzip rate). Each import runs in a child process that reports its own peak
   RSS, for a quarter-size and a full-size edges file: memory stays flat while the input grows. The
   baseline is the obvious per-line loop (split, int, set lookup) over the same edges file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.commoncrawl import watfiles as W  # noqa: E402

WANTED = ["site.nl", "rival.nl", "camping-heidezicht.nl"]
WORDS = "de het een camping vakantie fiets wandelen recept nieuws blog over ons contact prijzen route natuur".split()


def fake_domain(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)}-{rng.choice(WORDS)}{rng.randrange(10000)}.{rng.choice(['nl', 'com', 'de', 'org', 'be'])}"


def make_wat(path: Path, records: int, seed: int = 7) -> int:
    """A WAT file of ``records`` metadata records (HTML responses; every third one a request record).
    Returns the number of records that link to a wanted domain."""
    rng = random.Random(seed)
    hits = 0
    with path.open("wb") as out:
        out.write(W.warcinfo("CC-MAIN-2024-10"))
        for i in range(records):
            host = fake_domain(rng)
            url = f"https://www.{host}/{rng.choice(WORDS)}/{i}"
            if i % 3 == 2:
                out.write(W.metadata_record(url, W.request_json(url), compresslevel=1))
                continue
            links = []
            for _ in range(rng.randrange(30, 90)):
                if rng.random() < 0.5:
                    links.append(W.link(f"/{rng.choice(WORDS)}/{rng.randrange(1000)}", " ".join(rng.choices(WORDS, k=3))))
                else:
                    links.append(W.link(f"https://{fake_domain(rng)}/{rng.choice(WORDS)}", " ".join(rng.choices(WORDS, k=2))))
            if rng.random() < 0.005:
                links.append(W.link(f"https://www.{rng.choice(WANTED)}/", "a wanted link"))
                hits += 1
            metas = [{"name": "description", "content": " ".join(rng.choices(WORDS, k=25))}]
            out.write(W.metadata_record(url, W.response_json(url, links, title=" ".join(rng.choices(WORDS, k=6)), metas=metas),
                                        compresslevel=1))
    return hits


def bench_wat(tmp: Path, records: int) -> dict[str, float]:
    from bot.commoncrawl.wat import scan_file

    path = tmp / "bench.warc.wat.gz"
    started = time.perf_counter()
    hits = make_wat(path, records)
    print(f"WAT file: {records:,} metadata records, {path.stat().st_size / 1e6:.1f} MB gzipped, "
          f"{hits} pages link to a wanted site (made in {time.perf_counter() - started:.1f} s)")
    out: dict[str, float] = {}
    rows_seen = {}
    for label, prefilter in (("without prefilter (json.loads every record)", False), ("with byte prefilter", True)):
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            rows, stats = scan_file(str(path), WANTED, prefilter=prefilter)
            best = min(best, time.perf_counter() - t0)
        rows_seen[prefilter] = rows
        rate = stats["metadata"] / best
        out[label] = rate
        print(f"  {label:45s} {rate:10,.0f} records/s/core  ({best:.2f} s, {stats['parsed']:,} parsed, {len(rows)} rows)")
    assert rows_seen[True] == rows_seen[False], "the prefilter must not change the rows"
    ratio = out["with byte prefilter"] / out["without prefilter (json.loads every record)"]
    print(f"  prefilter speed-up: {ratio:.1f}x (same rows)")
    return out


def make_graph(tmp: Path, edges_mb: int, seed: int = 11) -> dict[str, Path]:
    """2M vertices, and an edges file of about ``edges_mb`` MB (plus a quarter-size one)."""
    rng = random.Random(seed)
    n = 2_000_000
    vertices = tmp / "vertices.txt"
    names = sorted({".".join(reversed(fake_domain(rng).split("."))) for _ in range(n)})
    wanted_rev = {"nl.site", "nl.rival", "nl.camping-heidezicht"}
    names = sorted(set(names) | wanted_rev)
    ids = {name: i for i, name in enumerate(names)}
    with vertices.open("w") as out:
        out.writelines(f"{i}\t{name}\t{rng.randrange(1, 9)}\n" for i, name in enumerate(names))
    targets = [ids[w] for w in sorted(wanted_rev)]
    total = len(names)
    lines = []
    for _ in range(1_000_000):  # a 1M-line block, repeated: ~0.1% of edges point to a wanted site
        src = rng.randrange(total)
        dst = rng.choice(targets) if rng.random() < 0.001 else rng.randrange(total)
        lines.append(f"{src}\t{dst}\n")
    block = "".join(lines).encode()
    edges = tmp / "edges.txt"
    quarter = tmp / "edges-quarter.txt"
    with edges.open("wb") as out:
        while out.tell() < edges_mb * 1_000_000:
            out.write(block)
    with quarter.open("wb") as out:
        while out.tell() < edges_mb * 250_000:
            out.write(block)
    edges_gz = tmp / "edges-quarter.txt.gz"
    with gzip.open(edges_gz, "wb", compresslevel=6) as out:
        out.write(quarter.read_bytes())
    return {"vertices": vertices, "edges": edges, "quarter": quarter, "edges_gz": edges_gz}


PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"  # this process's own peak RSS
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from bot.commoncrawl.graph import import_graph
t = time.perf_counter()
r = import_graph([sys.argv[2]], [sys.argv[3]], ["site.nl", "rival.nl", "camping-heidezicht.nl"])
print(json.dumps({"seconds": time.perf_counter() - t, "rss_mb": PEAK_EXPR,
                  "passes": {k: v.to_dict() for k, v in r.passes.items()}, "referring": {k: len(v) for k, v in r.referring.items()}}))
"""

BASELINE = r"""
import json, sys, time
wanted = set(int(x) for x in sys.argv[2].split(","))
t = time.perf_counter(); found = {}
with open(sys.argv[1], "rb") as f:
    for line in f:
        a, b = line.split(b"\t")
        b = int(b)
        if b in wanted:
            found.setdefault(int(a), set()).add(b)
print(json.dumps({"seconds": time.perf_counter() - t, "rss_mb": PEAK_EXPR}))
"""


def child(code: str, *args: str) -> dict:  # type: ignore[type-arg]
    proc = subprocess.run([sys.executable, "-c", code.replace("PEAK_EXPR", PEAK), *args], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_graph(tmp: Path, edges_mb: int) -> None:
    started = time.perf_counter()
    files = make_graph(tmp, edges_mb)
    size = {k: p.stat().st_size / 1e6 for k, p in files.items()}
    print(f"Graph files: vertices {size['vertices']:.0f} MB (2M domains), edges {size['edges']:.0f} MB "
          f"and {size['quarter']:.0f} MB (gzipped copy {size['edges_gz']:.0f} MB); made in {time.perf_counter() - started:.0f} s")
    ids = [str(i) for i, line in enumerate(files["vertices"].open()) if line.split("\t")[1] in ("nl.site", "nl.rival", "nl.camping-heidezicht")]
    base = child(BASELINE, str(files["edges"]), ",".join(ids))
    base_rate = size["edges"] / base["seconds"]
    print(f"  baseline per-line loop over the edges:   {base_rate:7.0f} MB/s  (peak RSS {base['rss_mb']:.0f} MB)")
    results = {}
    for label, key in (("quarter", "quarter"), ("full", "edges"), ("gzipped quarter", "edges_gz")):
        r = child(CHILD, str(ROOT), str(files["vertices"]), str(files[key]))
        results[label] = r
        e = r["passes"]["edges"]
        v = r["passes"]["vertices"]
        n = r["passes"]["names"]
        rate = e["bytes"] / 1e6 / e["seconds"]
        print(f"  import, {label:16s} edges {e['bytes'] / 1e6:5.0f} MB: edges pass {rate:6.0f} MB/s "
              f"({e['lines'] / e['seconds'] / 1e6:.1f} M lines/s); vertices pass {v['bytes'] / 1e6 / v['seconds']:.0f} MB/s; "
              f"names pass {n['bytes'] / 1e6 / n['seconds']:.0f} MB/s; total {r['seconds']:.1f} s; peak RSS {r['rss_mb']:.0f} MB; "
              f"referring {sum(r['referring'].values())}")
    full = results["full"]["passes"]["edges"]
    rate = full["bytes"] / 1e6 / full["seconds"]
    gz = results["gzipped quarter"]["passes"]["edges"]
    gz_rate = gz["bytes"] / 1e6 / gz["seconds"]
    print(f"  edges pass vs baseline: {rate / base_rate:.1f}x")
    print(f"  peak RSS quarter vs full edges file: {results['quarter']['rss_mb']:.0f} MB vs {results['full']['rss_mb']:.0f} MB (flat)")
    print(f"  extrapolated 1 GB of edges: {1000 / rate:.0f} s plain text, {1000 / gz_rate:.0f} s gzipped "
          f"(uncompressed GB); + two vertices passes over the vertices file")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--records", type=int, default=20_000)
    p.add_argument("--edges-mb", type=int, default=200)
    p.add_argument("--keep", help="write the generated files here instead of a temp directory")
    p.add_argument("--skip-graph", action="store_true")
    p.add_argument("--skip-wat", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(args.keep) if args.keep else Path(tmpdir)
        tmp.mkdir(parents=True, exist_ok=True)
        if not args.skip_wat:
            bench_wat(tmp, args.records)
        if not args.skip_graph:
            bench_graph(tmp, args.edges_mb)


if __name__ == "__main__":
    main()
