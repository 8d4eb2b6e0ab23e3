"""spark-submit entry point of the Common Crawl backlink job (the code is :mod:`bot.commoncrawl.sparkjob`).

    spark-submit --master local[2] jobs/commoncrawl_backlinks.py --wat-list wat.paths --out OUT site.nl

On a cluster ship the ``bot`` package with ``--py-files`` (see docs/commoncrawl.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if (ROOT / "bot" / "commoncrawl").is_dir() and str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from bot.commoncrawl.sparkjob import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
