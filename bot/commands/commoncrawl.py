"""``backlinks commoncrawl graph|scan|spark``: backlink discovery from Common Crawl.

- ``graph --vertices F --edges F [--ranks F] [SITE...]``: referring domains of the sites (default:
  every tracked site of the workspace, competitors included) from the domain-level web graph, stored
  per site with their rank as authority.
- ``scan --wat-list F --out DIR [SITE...] [--workers N]``: links to the sites from WAT files, with a
  local process pool; the result is read by ``backlinks import SITE DIR``.
- ``spark --wat-list F --out DIR [SITE...] [--master M]``: the same scan as a Spark job (spark-submit).
- ``gap SITE``: domains that link to the site's competitors in the graph but not to the site.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.argtypes import positive_int

ORDER = 70


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "commoncrawl", help="discover backlinks in Common Crawl (web graph, WAT files, Spark)",
        description="Find who links to your sites in Common Crawl: the domain-level web graph (graph), "
        "the links of crawled pages in WAT files on this machine (scan) or on a Spark cluster (spark).")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    g = actions.add_parser("graph", parents=[parent], help="referring domains from the domain-level web graph",
                           description="Stream the web-graph files (gzipped or not; a file may be given several "
                           "times for split files) and store, per site, the domains that link to it.")
    g.add_argument("--vertices", action="append", required=True, metavar="FILE", help="vertices file(s): id<TAB>reversed.domain")
    g.add_argument("--edges", action="append", required=True, metavar="FILE", help="edges file(s): from_id<TAB>to_id")
    g.add_argument("--ranks", action="append", default=[], metavar="FILE", help="ranks file(s): harmonic centrality and PageRank")
    g.add_argument("--graph", metavar="NAME", help="the graph release (default: from the vertices file name)")
    g.add_argument("--top", type=positive_int, default=10, help="referring domains to show per site (default 10)")
    g.add_argument("sites", nargs="*", metavar="SITE", help="tracked sites (default: every tracked site)")
    g.set_defaults(handler=run_graph)

    gp = actions.add_parser("gap", parents=[parent], help="domains that link to competitors but not to you, per the web graph",
                            description="From the referring domains stored by 'commoncrawl graph': domains that link "
                            "to at least one competitor but not to SITE (no graph edge and no known backlink), "
                            "most competitors first, then authority.")
    gp.add_argument("site", metavar="SITE")
    gp.add_argument("--competitor", action="append", metavar="DOMAIN", help="compare with these (default: the site's competitors)")
    gp.add_argument("--limit", type=positive_int, default=25, help="domains to show (default 25)")
    gp.set_defaults(handler=run_gap)

    s = actions.add_parser("scan", parents=[parent], help="links from WAT files, with a local process pool",
                           description="Scan WAT files (local paths or URLs, one a line in --wat-list) for links "
                           "to the sites; write CSV (and Parquet) partitioned by target domain under --out.")
    _scan_args(s)
    s.add_argument("--workers", type=positive_int, help="processes (default: all cores)")
    s.set_defaults(handler=run_scan)

    k = actions.add_parser("spark", parents=[parent], help="the same scan as a Spark job (spark-submit)",
                           description="Start jobs/commoncrawl_backlinks.py with spark-submit (local[*] unless "
                           "--master); on a cluster run spark-submit yourself, see docs/commoncrawl.md.")
    _scan_args(k)
    k.add_argument("--master", default="local[*]", help="Spark master (default local[*])")
    k.add_argument("--dry-run", action="store_true", help="print the spark-submit command, do not run it")
    k.set_defaults(handler=run_spark)


def _scan_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--wat-list", required=True, metavar="FILE", help="text file, one WAT location a line")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory")
    p.add_argument("--format", choices=["csv", "parquet", "both"], help="default: csv, plus parquet when pyarrow is installed")
    p.add_argument("--crawl", help="crawl id for the rows (default: from the paths or the files)")
    p.add_argument("sites", nargs="*", metavar="SITE", help="domains to look for (default: every tracked site)")


def _formats(choice: str | None) -> tuple[str, ...]:
    from bot.commoncrawl.output import have_pyarrow

    if choice == "both":
        return ("csv", "parquet")
    if choice:
        return (choice,)
    return ("csv", "parquet") if have_pyarrow() else ("csv",)


def _sites(args: argparse.Namespace, db: Any, *, tracked_only: bool) -> list[str]:
    """The sites named, else every tracked site of the workspace (own sites and competitors)."""
    from bot.domains import normalise_site
    from bot.errors import UserInputError
    from bot.i18n import t
    from storage.sites import list_sites, require_site

    if args.sites:
        names = [normalise_site(s) for s in args.sites]
        if tracked_only:
            for name in names:
                require_site(db, args.workspace, name)
        return sorted(set(names))
    names = sorted({s.domain for s in list_sites(db, args.workspace)})
    if not names:
        raise UserInputError(t("commoncrawl.no_sites", None))
    return names


class _GraphProgress:
    """One line on a terminal (stderr), rewritten in place."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.enabled:
            from bot.i18n import t

            sys.stderr.write("\r" + t("commoncrawl.progress", None, phase=phase, done=done // 1_000_000,
                                      total=max(1, total // 1_000_000)) + "   ")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 60 + "\r")


def graph_name(path: str) -> str:
    """``cc-main-2024-feb-apr-may-domain-vertices.txt.gz`` -> ``cc-main-2024-feb-apr-may-domain``."""
    from pathlib import Path

    name = Path(path).name
    for suffix in (".gz", ".txt"):
        name = name.removesuffix(suffix)
    return name.removesuffix("-vertices").removesuffix("-ranks") or name


def run_graph(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json
    from bot.commoncrawl.graph import import_graph
    from bot.i18n import t
    from storage import commoncrawl_repo, compare_repo

    db = open_db()
    sites = _sites(args, db, tracked_only=True)
    progress = _GraphProgress()
    try:
        result = import_graph(args.vertices, args.edges, sites, ranks=args.ranks, progress=progress)
    finally:
        progress.close()
    _refuse_unreadable(result)
    graph = args.graph or graph_name(args.vertices[0])
    with db.atomic():
        for site in sites:
            if site in result.found:
                commoncrawl_repo.record_graph_domains(db, args.workspace, site, result.referring[site], graph=graph)
        if result.ranks:
            compare_repo.store_authority(db, args.workspace, "common-crawl",
                                         ((d, rank, score) for d, (rank, score) in sorted(result.ranks.items())), replace=False)
    payload: dict[str, Any] = {"graph": graph, **result.to_dict(), "top": {}}
    for site in sites:
        if site in result.found:
            top = commoncrawl_repo.graph_domains(db, args.workspace, site)[: args.top]
            payload["top"][site] = [{"domain": d.domain, "authority": d.authority} for d in top]
    if args.json:
        print_json(payload)
        return 0
    for site in sites:
        if site not in result.found:
            print(t("commoncrawl.graph.missing", None, site=site))
            continue
        domains = result.referring[site]
        print(t("commoncrawl.graph.site", None, site=site, count=len(domains), ranked=sum(1 for d in domains if d in result.ranks)))
        for row in payload["top"][site]:
            score = "?" if row["authority"] is None else f"{row['authority']:.0f}"
            print(t("commoncrawl.graph.top", None, domain=row["domain"], score=score))
    passes = result.passes
    malformed = sum(p.malformed for p in passes.values())
    seconds = sum(p.seconds for p in passes.values())
    print(t("commoncrawl.graph.passes", None, vertices=passes["vertices"].lines, edges=passes["edges"].lines,
            seconds=f"{seconds:.1f}", malformed=malformed))
    print(t("commoncrawl.graph.next", None))
    return 0


_SHAPES = {"vertices": "id<TAB>name", "edges": "from_id<TAB>to_id"}


def _refuse_unreadable(result: Any) -> None:
    """One sentence (exit 2) when the vertices or edges read are not graph lines: nothing valid, or
    more garbage than valid lines (a binary file, a CSV, the wrong file given), before anything is
    stored. A pass that did not run (no wanted site found, so no edges read) is not judged."""
    from bot.errors import UserInputError
    from bot.i18n import t

    for kind in ("vertices", "edges"):
        p = result.passes.get(kind)
        if p is None or (kind == "edges" and p.bytes == 0 and p.lines == 0):
            continue
        valid = p.lines - p.malformed
        if valid <= 0 or p.malformed > valid:
            example = ":".join(map(str, p.malformed_lines[0])) if p.malformed_lines else "-"
            raise UserInputError(t("commoncrawl.graph.unreadable", None, kind=kind, malformed=p.malformed,
                                   lines=p.lines, shape=_SHAPES[kind], example=example))


def run_gap(args: argparse.Namespace) -> int:
    from bot.check.cli import open_db, print_json, site_arg
    from bot.i18n import t
    from storage import commoncrawl_repo

    db = open_db()
    site = site_arg(args.site)
    gap = commoncrawl_repo.graph_gap(db, args.workspace, site, args.competitor)
    if args.json:
        print_json({"site": site, "total": len(gap), "domains": [g.to_dict() for g in gap[: args.limit]]})
        return 0
    print(t("commoncrawl.gap.title", None, site=site, count=len(gap)))
    for g in gap[: args.limit]:
        score = "?" if g.authority is None else f"{g.authority:.0f}"
        print(t("commoncrawl.gap.row", None, domain=g.domain, competitors=", ".join(g.links_to), score=score))
    if not gap:
        print(t("commoncrawl.gap.none", None))
    return 0


def _require_fastwarc() -> None:
    from bot.errors import UserInputError
    from bot.i18n import t

    try:
        import fastwarc  # noqa: F401
    except ImportError:
        raise UserInputError(t("commoncrawl.needs_fastwarc", None)) from None


def run_scan(args: argparse.Namespace) -> int:
    from bot.check.cli import ProgressBar, open_db, print_json
    from bot.commoncrawl.local import read_location_list, scan_locations
    from bot.i18n import t

    _require_fastwarc()
    locations = read_location_list(args.wat_list)
    db = open_db()
    sites = _sites(args, db, tracked_only=False)
    bar = ProgressBar("WAT")
    try:
        result = scan_locations(locations, sites, args.out, workers=args.workers, formats=_formats(args.format),
                                crawl=args.crawl, progress=bar)
    finally:
        bar.close()
    if args.json:
        print_json({"sites": sites, **result.to_dict()})
        return 0
    print(t("commoncrawl.scan.summary", None, files=result.files, failed=len(result.failed), records=result.stats.metadata,
            skipped=result.stats.skipped_by_prefilter, rows=sum(result.rows.values()), seconds=f"{result.seconds:.1f}"))
    for location, error in result.failed[:5]:
        print(t("commoncrawl.scan.failed", None, location=location, error=error))
    for domain, rows in sorted(result.rows.items()):
        print(t("commoncrawl.scan.domain", None, domain=domain, rows=rows))
    if result.rows:
        print(t("commoncrawl.scan.next", None, out=args.out))
    return 1 if result.failed and len(result.failed) == result.files else 0


def spark_command(args: argparse.Namespace, sites: list[str]) -> list[str]:
    """The spark-submit command line for the job."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    job = root / "jobs" / "commoncrawl_backlinks.py"
    if not job.is_file():
        job = root / "bot" / "commoncrawl" / "sparkjob.py"
    submit = shutil.which("spark-submit") or str(Path(sys.executable).with_name("spark-submit"))
    fmt = args.format or ("both" if "parquet" in _formats(None) else "csv")
    cmd = [submit, "--master", args.master, "--conf", "spark.log.level=WARN", str(job), "--wat-list", args.wat_list, "--out", args.out,
           "--format", fmt, "--prefix", "https://data.commoncrawl.org/"]
    if args.crawl:
        cmd += ["--crawl", args.crawl]
    return cmd + sites


def run_spark(args: argparse.Namespace) -> int:
    import os
    import shlex
    import subprocess
    from pathlib import Path

    from bot.check.cli import open_db
    from bot.errors import UserInputError
    from bot.i18n import t

    db = open_db()
    sites = _sites(args, db, tracked_only=False)
    cmd = spark_command(args, sites)
    if args.dry_run:
        print(shlex.join(cmd))
        return 0
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise UserInputError(t("commoncrawl.no_spark", None)) from None
    if not Path(cmd[0]).is_file():
        raise UserInputError(t("commoncrawl.no_spark", None))
    _require_fastwarc()
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    env.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    code = subprocess.call(cmd, env=env)
    if code != 0:
        raise UserInputError(t("commoncrawl.spark_failed", None, code=code))
    return 0
