"""Run every benchmark in turn (each prints its own ratios against a baseline from the same run).

    .venv/bin/python bench/run_all.py            # full sizes (tens of minutes on 2 cores)
    .venv/bin/python bench/run_all.py --quick    # smaller sizes, a few minutes
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHES: list[tuple[str, list[str], list[str]]] = [
    # (script, full-size args, quick args)
    ("bench_placement.py", [], []),
    ("bench_check.py", [], ["--skip-big"]),
    ("bench_ack.py", [], ["--links", "500", "--commands", "50"]),
    ("bench_faq.py", ["--quiet"], ["--quiet"]),
    ("bench_compare.py", [], ["--links", "10000", "--repeat", "1"]),
    ("bench_discover.py", [], ["--hosts", "20"]),
    ("bench_imports.py", [], ["--rows", "20000", "--mb", "10"]),
    ("bench_commoncrawl.py", [], ["--records", "5000", "--edges-mb", "20"]),
    ("bench_digest.py", [], ["--workspaces", "50"]),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("only", nargs="*", help="run only these scripts (e.g. bench_faq.py)")
    args = parser.parse_args()
    failed = []
    for script, full, quick in BENCHES:
        if args.only and script not in args.only:
            continue
        cmd = [sys.executable, str(HERE / script), *(quick if args.quick else full)]
        print(f"\n=== {script} {' '.join(cmd[2:])}", flush=True)
        start = time.perf_counter()
        code = subprocess.call(cmd, cwd=HERE.parent)
        print(f"=== {script}: exit {code} in {time.perf_counter() - start:.0f} s", flush=True)
        if code:
            failed.append(script)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
