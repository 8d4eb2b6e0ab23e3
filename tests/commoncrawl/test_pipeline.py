"""The whole path: WAT files -> Spark job (local[2]) and process pool -> identical partitioned output ->
``backlinks import SITE DIR`` -> every link verified live by the real checker on a local web."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.commoncrawl.local import read_location_list, scan_locations
from bot.commoncrawl.output import collect_result, have_pyarrow
from bot.commoncrawl.wat import CSV_COLUMNS
from tests.check.helpers import article
from tests.commoncrawl import watfiles as W
from tests.localweb import LocalWeb

pytest.importorskip("fastwarc")


def read_tree(root: Path) -> list[tuple[str, ...]]:
    """Every row under ``root`` (CSV or Parquet parts in ``target_domain=`` directories), in
    ``ROW_FIELDS`` order, sorted."""
    rows: list[tuple[str, ...]] = []
    for part in sorted(root.rglob("*")):
        if not part.is_file() or part.name.startswith((".", "_")):
            continue
        domain = next(p for p in part.relative_to(root).parts if p.startswith("target_domain=")).split("=", 1)[1]
        if part.suffix == ".csv":
            reader = csv.reader(io.StringIO(part.read_text(encoding="utf-8")))
            assert tuple(next(reader)) == CSV_COLUMNS  # exactly the import format's header
            records = [r for r in reader if r]
        elif part.suffix == ".parquet":
            import pyarrow.parquet as pq

            table = pq.read_table(str(part), columns=list(CSV_COLUMNS))
            records = [[row[c] for c in CSV_COLUMNS] for row in table.to_pylist()]
        else:
            continue
        rows += [(r[0], r[1], domain, r[2], r[3], r[4], r[5]) for r in records]
    return sorted(rows)


def test_process_pool_writes_expected_rows(tmp_path: Path) -> None:
    files, expected = W.scenario(tmp_path / "wat")
    formats = ("csv", "parquet") if have_pyarrow() else ("csv",)
    result = scan_locations([str(f) for f in files], W.WANTED, tmp_path / "out", workers=2, formats=formats)
    assert result.failed == [] and result.files == 2
    assert result.rows == {"site.nl": 6, "rival.nl": 2, "xn--caf-dma.nl": 1}
    assert read_tree(tmp_path / "out" / "csv") == sorted(expected)
    if have_pyarrow():
        assert read_tree(tmp_path / "out" / "parquet") == sorted(expected)
    # the same run again writes byte-identical files (rows in file order, then record order)
    again = scan_locations([str(f) for f in files], W.WANTED, tmp_path / "again", workers=2, formats=("csv",))
    for path in result.outputs:
        if path.suffix == ".csv":
            twin = tmp_path / "again" / path.relative_to(tmp_path / "out")
            assert twin.read_bytes() == path.read_bytes()
    assert again.stats.to_dict() == result.stats.to_dict()


def test_unreadable_file_is_reported_and_the_rest_scanned(tmp_path: Path) -> None:
    files, expected = W.scenario(tmp_path / "wat")
    bad = tmp_path / "wat" / "bad.warc.wat.gz"
    bad.write_bytes(b"not a warc file\n" * 10)
    listing = tmp_path / "wat.paths"
    listing.write_text(f"# a comment\n{files[0].relative_to(tmp_path)}\n\nwat/bad.warc.wat.gz\n{files[1]}\n")
    locations = read_location_list(listing)
    assert locations == [str(files[0]), str(bad), str(files[1])]
    result = scan_locations(locations, ["site.nl"], tmp_path / "out", workers=2, formats=("csv",))
    assert [loc for loc, _ in result.failed] == [str(bad)] and "OSError" in result.failed[0][1]
    assert read_tree(tmp_path / "out" / "csv") == sorted(r for r in expected if r[2] == "site.nl")


def test_scan_over_http_and_a_missing_file(tmp_path: Path) -> None:
    """Locations may be URLs (data.commoncrawl.org on a laptop): a non-seekable stream works, a 404
    is reported for its file."""
    import functools
    import http.server
    import threading

    files, expected = W.scenario(tmp_path / "wat")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "wat"))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        locations = [f"{base}/first.warc.wat.gz", f"{base}/missing.warc.wat.gz"]
        result = scan_locations(locations, ["site.nl"], tmp_path / "out", workers=2, formats=("csv",))
    finally:
        server.shutdown()
        thread.join()
    assert [loc for loc, _ in result.failed] == [locations[1]] and "404" in result.failed[0][1]
    assert read_tree(tmp_path / "out" / "csv") == sorted(r for r in expected if r[2] == "site.nl" and r[5] == "CC-MAIN-2024-10")


def test_spark_job_local_mode_matches_process_pool(spark: Any, tmp_path: Path) -> None:
    from bot.commoncrawl.sparkjob import run_job

    files, expected = W.scenario(tmp_path / "wat")
    bad = tmp_path / "wat" / "bad.warc.wat.gz"
    bad.write_bytes(b"not a warc file\n" * 10)
    locations = [str(files[0]), str(bad), str(files[1])]
    out = tmp_path / "spark"
    result = run_job(spark, locations, W.WANTED, str(out), formats=("parquet", "csv"))
    assert result["rows"] == {"rival.nl": 2, "site.nl": 6, "xn--caf-dma.nl": 1}
    assert result["stats"]["failed_files"] == 1 and result["stats"]["files"] == 2
    assert result["stats"]["skipped_by_prefilter"] == 3
    spark_csv = read_tree(out / "csv")
    assert spark_csv == sorted(expected)
    assert read_tree(out / "parquet") == sorted(expected)
    local = scan_locations(locations, W.WANTED, tmp_path / "local", workers=2, formats=("csv",))
    assert read_tree(tmp_path / "local" / "csv") == spark_csv
    # what `backlinks import` reads from either directory is the same set of rows
    def import_rows(root: Path, site: str) -> list[list[str]]:
        return sorted(list(csv.reader(io.StringIO(collect_result(root, site).decode())))[1:])

    for site in ("site.nl", "rival.nl"):
        assert import_rows(out, site) == import_rows(tmp_path / "local", site)
    # a Parquet-only Spark result is readable too
    only_parquet = import_rows(out / "parquet", "site.nl")
    assert only_parquet == import_rows(out, "site.nl")


def test_spark_job_entry_point_arguments(spark: Any, tmp_path: Path) -> None:
    """``main`` as spark-submit runs it, on the shared session."""
    from bot.commoncrawl import sparkjob

    files, expected = W.scenario(tmp_path / "wat")
    listing = tmp_path / "wat.paths"
    listing.write_text("\n".join(str(f) for f in files) + "\n")
    assert sparkjob.main(["--wat-list", str(listing), "--out", str(tmp_path / "o"), "--format", "csv",
                          "--crawl", "CC-MAIN-2000-01", "rival.nl"], spark=spark) == 0
    rows = read_tree(tmp_path / "o" / "csv")
    assert rows == sorted((*r[:5], "CC-MAIN-2000-01", r[6]) for r in expected if r[2] == "rival.nl")


async def test_import_result_and_verify_live(local_web: LocalWeb, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.check.engine import check_site
    from storage.backlinks import list_backlinks
    from storage.store import Store

    files, _ = W.scenario(tmp_path / "wat")
    out = tmp_path / "out"
    scan_locations([str(f) for f in files], W.WANTED, out, workers=2, formats=("csv",))
    assert main(["track", "site.nl", "--json"]) == 0
    capsys.readouterr()
    assert main(["import", "site.nl", str(out), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported["format"] == "common-crawl"
    assert (imported["rows_read"], imported["added"], imported["rejected"]) == (6, 4, 0)  # blog.nl has two links

    hosts = {name: await local_web.add_host(name) for name in ("blog.nl", "forum.nl", "news.nl", "shop.nl")}
    hosts["blog.nl"].page("/post", article('<a href="https://www.site.nl/shop">Site shop</a>'))
    hosts["forum.nl"].page("/t/1", article(None))  # the link is gone since the crawl
    hosts["news.nl"].page("/a", article('<a rel="sponsored" href="https://WWW.SITE.NL/Contact">Contact</a>'))
    hosts["shop.nl"].status("/links", 404)
    store = Store(Path(os.environ["BACKLINKS_DB"]))
    await store.open()
    try:
        before = await store.call(list_backlinks, "local", "site.nl")
        assert {b.found_by for b in before} == {"common-crawl"}
        assert {b.source_url: b.first_seen for b in before} == {
            "http://blog.nl/post": "2024-02-21", "http://forum.nl/t/1": "2024-02-21",
            "http://news.nl/a": "2024-02-21", "http://shop.nl/links": "2024-05-02"}
        assert {b.status for b in before} == {"pending"}  # nobody sees them as backlinks before the check
        async with local_web.fetcher(max_retries=0) as fetcher:
            report = await check_site(store, fetcher, "local", "site.nl")
    finally:
        await store.aclose()
    links = {link["source_url"]: link for link in report.to_json()["links"]}
    assert report.checked == 4 and report.live == 2
    assert links["http://blog.nl/post"]["status"] == "live" and links["http://blog.nl/post"]["kind"] == "dofollow"
    assert links["http://news.nl/a"]["status"] == "live" and links["http://news.nl/a"]["kind"] == "sponsored"
    assert links["http://forum.nl/t/1"]["status"] == "missing" and links["http://forum.nl/t/1"]["reason"] == "link-removed"
    assert links["http://shop.nl/links"]["reason"] == "page-not-found"


def test_import_directory_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files, _ = W.scenario(tmp_path / "wat")
    out = tmp_path / "out"
    scan_locations([str(files[1])], ["rival.nl"], out, workers=1, formats=("csv",))
    assert main(["track", "site.nl"]) == 0
    code = main(["import", "site.nl", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "no Common Crawl scan result for site.nl" in err
    # a folder of ordinary exports (here UTF-16, as Ahrefs writes them) is refused with one sentence
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "ahrefs.csv").write_bytes(b"\xff\xfe" + "Referring page URL\tTarget URL\nhttps://b.nl/\thttps://site.nl/\n".encode("utf-16-le"))
    (downloads / "semrush.csv").write_text("Source url,Target url\nhttps://b.nl/,https://site.nl/\n")
    code = main(["import", "site.nl", str(downloads)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "import an export file by itself" in err
    (downloads / "ahrefs.csv").unlink()
    code = main(["import", "site.nl", str(downloads)])
    err = capsys.readouterr().err
    assert code == 2 and "semrush.csv in this folder is not part of a Common Crawl scan result" in err
    # a single part file imports as it is
    assert main(["track", "rival.nl"]) == 0
    part = out / "csv" / "target_domain=rival.nl" / "part-00000.csv"
    capsys.readouterr()
    assert main(["import", "rival.nl", str(part), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 1
