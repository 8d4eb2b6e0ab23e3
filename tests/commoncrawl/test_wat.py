"""The per-file function on WAT files written in Common Crawl's real format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.commoncrawl.wat import ROW_FIELDS, Wanted, crawl_of, links_from_payload, scan_file
from bot.errors import UserInputError
from tests.commoncrawl import watfiles as W

pytest.importorskip("fastwarc")


def test_exact_rows_and_counts(tmp_path: Path) -> None:
    files, expected = W.scenario(tmp_path)
    rows1, stats1 = scan_file(str(files[0]), W.WANTED)
    rows2, stats2 = scan_file(str(files[1]), W.WANTED)
    assert set(rows1) | set(rows2) == expected
    assert len(rows1) + len(rows2) == len(expected)  # no duplicates
    assert all(len(r) == len(ROW_FIELDS) for r in rows1 + rows2)
    # record order within a file
    assert [r[1] for r in rows1[:3]] == ["https://www.site.nl/shop", "https://rival.nl/", "https://www.site.nl/"]
    # file 1: 10 metadata records; the request record and the unrelated page never reach json.loads
    assert (stats1["records"], stats1["metadata"], stats1["skipped_by_prefilter"], stats1["parsed"]) == (11, 10, 2, 8)
    assert stats1["malformed"] == 2  # broken JSON, and JSON without an Envelope
    assert stats1["rows"] == 7 and stats2["rows"] == 2
    # file 2: no isPartOf in its warcinfo: the crawl comes from the path
    assert {r[5] for r in rows2} == {"CC-MAIN-2024-18"}


def test_prefilter_changes_cost_not_rows(tmp_path: Path) -> None:
    files, expected = W.scenario(tmp_path)
    for f in files:
        fast, fast_stats = scan_file(str(f), W.WANTED)
        slow, slow_stats = scan_file(str(f), W.WANTED, prefilter=False)
        assert fast == slow
        assert slow_stats["skipped_by_prefilter"] == 0
        assert slow_stats["parsed"] == fast_stats["parsed"] + fast_stats["skipped_by_prefilter"]


def test_crawl_override_and_sources(tmp_path: Path) -> None:
    files, _ = W.scenario(tmp_path)
    rows, _ = scan_file(str(files[0]), ["site.nl"], crawl="CC-MAIN-2099-01")
    assert {r[5] for r in rows} == {"CC-MAIN-2099-01"}
    assert {r[2] for r in rows} == {"site.nl"}  # only what was asked for
    assert crawl_of("s3://commoncrawl/crawl-data/CC-MAIN-2024-10/segments/17/wat/x.warc.wat.gz") == "CC-MAIN-2024-10"
    assert crawl_of("/tmp/x.warc.wat.gz") is None
    no_crawl = W.write_wat(tmp_path / "plain.wat.gz", [W.warcinfo(None), W.page("http://a.nl/", [W.link("https://site.nl/")])])
    rows, _ = scan_file(str(no_crawl), ["site.nl"])
    assert rows == [("http://a.nl/", "https://site.nl/", "site.nl", "", "", "", W.FETCH_TIME)]


def test_wanted_names_are_normalised_and_checked() -> None:
    wanted = Wanted.of(["https://www.Site.nl/shop", "café.nl"])
    assert wanted.domains == {"site.nl", "xn--caf-dma.nl"}
    assert b"caf\\u00e9.nl" in wanted.probes and "café.nl".encode() in wanted.probes
    assert wanted.mentioned(b'{"url": "HTTPS://SITE.NL/"}')
    assert not wanted.mentioned(b'{"url": "https://sitex.nl/", "text": "si te.nl"}')
    assert wanted.mentioned(b"https://mysite.nl/")  # a cheap superset: the parse decides
    assert wanted.match("https://a.b.site.nl/x") == "site.nl"
    assert wanted.match("https://site.nl.evil.com/") is None
    assert wanted.match("https://evil.com/?u=site.nl") is None
    with pytest.raises(UserInputError):
        Wanted.of(["not a domain"])


def test_links_from_payload_shapes() -> None:
    wanted = Wanted.of(["site.nl"])
    doc = W.response_json("https://blog.nl/a/b", [W.link("../c", "up"), W.link("https://site.nl/p", "P"),
                                                  W.link("https://site.nl/q", "Q", path="AREA@/href")])
    rows = links_from_payload(doc, None, None, "C", wanted)
    assert [(r.source_url, r.target_url) for r in rows or []] == [("https://blog.nl/a/b", "https://site.nl/p")]
    # relative links resolve against Head.Base (itself relative to the page)
    doc = W.response_json("https://blog.nl/a/b", [W.link("x/y", "rel")], base="//site.nl/base/")
    assert [r.target_url for r in links_from_payload(doc, None, None, "C", wanted) or []] == ["https://site.nl/base/x/y"]
    # a record without HTML links gives nothing; one without an envelope is malformed
    assert links_from_payload(W.request_json("https://site.nl/"), None, None, "C", wanted) == []
    assert links_from_payload({"foo": 1}, None, None, "C", wanted) is None
    assert links_from_payload([], None, None, "C", wanted) is None  # type: ignore[arg-type]
    # the page address falls back to the WARC header when the envelope lacks it
    doc = W.response_json("https://blog.nl/", [W.link("https://site.nl/")])
    del doc["Envelope"]["WARC-Header-Metadata"]
    rows = links_from_payload(doc, "https://blog.nl/from-header", "2024-01-01T00:00:00Z", "C", wanted) or []
    assert [(r.source_url, r.fetch_time) for r in rows] == [("https://blog.nl/from-header", "2024-01-01T00:00:00Z")]


def test_unreadable_files_raise_oserror(tmp_path: Path) -> None:
    files, _ = W.scenario(tmp_path)
    data = files[0].read_bytes()
    garbage = tmp_path / "garbage.wat.gz"
    garbage.write_bytes(b"this is not a WARC file\n" * 50)
    corrupt = tmp_path / "corrupt.wat.gz"
    corrupt.write_bytes(data[:3000] + b"\x00" * 64 + data[3064:])
    for path in (garbage, corrupt):
        with pytest.raises(OSError):
            scan_file(str(path), ["site.nl"])
    with pytest.raises(OSError):
        scan_file(str(tmp_path / "missing.wat.gz"), ["site.nl"])
    empty = tmp_path / "empty.wat.gz"
    empty.write_bytes(b"")
    assert scan_file(str(empty), ["site.nl"])[0] == []


def test_uncompressed_wat_and_json_escaped_urls(tmp_path: Path) -> None:
    import gzip

    doc = W.response_json("http://blog.nl/", [W.link("https://site.nl/esc", "x")])
    body = json.dumps(doc).replace("/", "\\/").encode()  # JSON may escape slashes
    gz = W.metadata_record("http://blog.nl/", body)
    plain = tmp_path / "plain.warc.wat"
    plain.write_bytes(gzip.decompress(W.warcinfo()) + gzip.decompress(gz))
    rows, _ = scan_file(str(plain), ["site.nl"])
    assert [r[1] for r in rows] == ["https://site.nl/esc"]
