"""Small WAT files in Common Crawl's real format, written by hand for tests and the benchmark.

A WAT file is a sequence of gzip members, one WARC/1.0 record each: first a ``warcinfo`` record
(``isPartOf: CC-MAIN-...``), then ``metadata`` records with ``Content-Type: application/json`` whose
JSON has ``Container`` and ``Envelope`` -> ``WARC-Header-Metadata`` / ``Payload-Metadata`` ->
``HTTP-Response-Metadata`` -> ``HTML-Metadata`` -> ``Head`` / ``Links`` (as ia-web-commons writes them).
"""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

FETCH_TIME = "2024-02-21T10:11:12Z"


def warc_record(kind: str, headers: dict[str, str], body: bytes, *, compresslevel: int = 6) -> bytes:
    """One gzipped WARC/1.0 record."""
    lines = [f"WARC/1.0", f"WARC-Type: {kind}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return gzip.compress(head + body + b"\r\n\r\n", compresslevel=compresslevel)


def warcinfo(crawl: str | None = "CC-MAIN-2024-10", filename: str = "CC-MAIN-20240221-00000.warc.wat.gz") -> bytes:
    fields = ["Software-Info: ia-web-commons.1.1.10-SNAPSHOT", "Extracted-Date: Thu, 22 Feb 2024 04:11:12 GMT",
              "robots: checked via crawler-commons", "operator: Common Crawl Admin (info@commoncrawl.org)",
              "description: Wide crawl of the web", "publisher: Common Crawl"]
    if crawl:
        fields.insert(3, f"isPartOf: {crawl}")
    body = ("\r\n".join(fields) + "\r\n").encode()
    return warc_record("warcinfo", {"WARC-Date": "2024-02-22T04:11:12Z", "WARC-Filename": filename,
                                    "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>",
                                    "Content-Type": "application/warc-fields"}, body)


def link(url: str, text: str | None = None, rel: str | None = None, path: str = "A@/href", **extra: str) -> dict[str, str]:
    entry = {"path": path, "url": url}
    if text is not None:
        entry["text"] = text
    if rel is not None:
        entry["rel"] = rel
    entry.update(extra)
    return entry


def response_json(page_url: str, links: Sequence[dict[str, str]], *, fetch_time: str = FETCH_TIME, base: str | None = None,
                  title: str = "A page", metas: Sequence[dict[str, str]] = ()) -> dict[str, Any]:
    """The JSON of a WAT record for an HTML response."""
    head: dict[str, Any] = {"Title": title, "Metas": list(metas),
                            "Link": [{"path": "LINK@/href", "url": "/static/site.css", "rel": "stylesheet"}]}
    if base is not None:
        head["Base"] = base
    return {
        "Container": {"IsCompressed": True, "Gzip-Metadata": {"Deflate-Length": "4412", "Header-Length": "10",
                                                             "Footer-Length": "8", "Inflated-Length": "18231"},
                      "Compressed": True, "Offset": "91724", "Filename": "CC-MAIN-20240220211055-20240221001055-00000.warc.gz"},
        "Envelope": {
            "Format": "WARC", "WARC-Header-Length": "520", "Actual-Content-Length": "17711",
            "WARC-Header-Metadata": {
                "WARC-Type": "response", "WARC-Date": fetch_time, "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>",
                "Content-Length": "17711", "Content-Type": "application/http; msgtype=response",
                "WARC-IP-Address": "192.0.2.10", "WARC-Target-URI": page_url,
                "WARC-Payload-Digest": "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "WARC-Identified-Payload-Type": "text/html",
            },
            "Block-Digest": "sha1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
            "Payload-Metadata": {
                "Actual-Content-Type": "application/http; msgtype=response",
                "HTTP-Response-Metadata": {
                    "Response-Message": {"Version": "HTTP/1.1", "Status": "200", "Reason": "OK"},
                    "Headers": {"Content-Type": "text/html; charset=UTF-8", "Server": "nginx"},
                    "Headers-Length": "410", "Entity-Length": "17301", "Entity-Trailing-Slop-Length": "0",
                    "HTML-Metadata": {"Head": head, "Links": list(links)},
                },
            },
        },
    }


def request_json(page_url: str, fetch_time: str = FETCH_TIME) -> dict[str, Any]:
    """The JSON of a WAT record for a WARC request record (no links)."""
    return {"Envelope": {"Format": "WARC", "WARC-Header-Metadata": {"WARC-Type": "request", "WARC-Date": fetch_time,
                                                                     "WARC-Target-URI": page_url},
                         "Payload-Metadata": {"Actual-Content-Type": "application/http; msgtype=request",
                                              "HTTP-Request-Metadata": {"Request-Message": {"Method": "GET", "Path": "/"},
                                                                        "Headers": {"Host": page_url.split("/")[2]}}}}}


def metadata_record(page_url: str, payload: dict[str, Any] | bytes, fetch_time: str = FETCH_TIME, *, compresslevel: int = 6) -> bytes:
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return warc_record("metadata", {"WARC-Target-URI": page_url, "WARC-Date": fetch_time,
                                    "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>",
                                    "WARC-Refers-To": f"<urn:uuid:{uuid.uuid4()}>",
                                    "Content-Type": "application/json"}, body, compresslevel=compresslevel)


def page(page_url: str, links: Sequence[dict[str, str]], **kwargs: Any) -> bytes:
    fetch_time = kwargs.get("fetch_time", FETCH_TIME)
    return metadata_record(page_url, response_json(page_url, links, **kwargs), fetch_time)


def write_wat(path: Path, records: Iterable[bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        for record in records:
            out.write(record)
    return path


# ---------------------------------------------------------------- the scenario used by the tests

WANTED = ("site.nl", "rival.nl", "café.nl")


def scenario(root: Path) -> tuple[list[Path], set[tuple[str, ...]]]:
    """Two WAT files with every case the scan must get right; returns the files and the exact expected
    rows (``ROW_FIELDS`` order)."""
    c1 = "CC-MAIN-2024-10"
    first = write_wat(root / "first.warc.wat.gz", [
        warcinfo(c1),
        page("http://blog.nl/post", [
            link("https://www.site.nl/shop", "Site shop"),
            link("/about", "About us"),                                  # relative, internal to blog.nl
            link("https://site.nl.evil.com/x", "look-alike"),            # not site.nl
            link("https://evil.com/?u=site.nl", "redirector"),           # not site.nl
            link("https://rival.nl/", "  Rival \n camping  ", rel="nofollow"),
            link("https://site.nl/logo.png", path="IMG@/src", alt="logo"),  # an image, not a link
            link("https://www.site.nl/#top", "fragment"),                 # the fragment goes
        ]),
        metadata_record("http://blog.nl/post", request_json("http://blog.nl/post")),
        page("http://forum.nl/t/1", [
            link("guide.html", "the guide", rel="nofollow ugc"),          # resolved against Head.Base
            link("https://other.org/", "other"),
        ], base="https://site.nl/docs/"),
        page("http://news.nl/a", [
            link("//site.nl/x", "protocol relative"),
            link("//site.nl/x", "protocol relative"),                     # the same link twice: one row
            link("mailto:info@site.nl", "mail"),
            link("javascript:void(0)", "js"),
            link("https://WWW.SITE.NL/Contact", "Contact", rel="sponsored"),
        ]),
        page("http://reviews.nl/r", [link("https://other.com/", "site.nl is great")],
             title="site.nl review"),                                      # mentions site.nl in text only
        page("https://www.site.nl/", [link("/contact", "contact"), link("https://shop.site.nl/", "shop")]),  # own pages
        metadata_record("http://broken.nl/p", b'{"Envelope": {"Payload-Metadata": "https://site.nl/ ...'),  # malformed
        metadata_record("http://odd.nl/p", json.dumps({"Container": {}, "note": "site.nl"}).encode()),  # no Envelope
        page("http://unrelated.nl/", [link("https://example.com/", "example"), link("/x", "x")]),
        page("http://eten.nl/gids", [link("https://café.nl/menu", "Café")]),  # IDN written in Unicode
    ])
    second = write_wat(root / "crawl-data" / "CC-MAIN-2024-18" / "segments" / "1" / "wat" / "second.warc.wat.gz", [
        warcinfo(None),
        page("http://shop.nl/links", [link("https://site.nl/", "Site"), link("https://rival.nl/prijzen", "prijzen")],
             fetch_time="2024-05-02T08:00:01Z"),
        page("http://unrelated.nl/2", [link("https://example.org/", "x")], fetch_time="2024-05-02T08:00:02Z"),
    ])
    t1, t2 = FETCH_TIME, "2024-05-02T08:00:01Z"
    expected = {
        ("http://blog.nl/post", "https://www.site.nl/shop", "site.nl", "Site shop", "", c1, t1),
        ("http://blog.nl/post", "https://rival.nl/", "rival.nl", "Rival camping", "nofollow", c1, t1),
        ("http://blog.nl/post", "https://www.site.nl/", "site.nl", "fragment", "", c1, t1),
        ("http://forum.nl/t/1", "https://site.nl/docs/guide.html", "site.nl", "the guide", "nofollow ugc", c1, t1),
        ("http://news.nl/a", "http://site.nl/x", "site.nl", "protocol relative", "", c1, t1),
        ("http://news.nl/a", "https://WWW.SITE.NL/Contact", "site.nl", "Contact", "sponsored", c1, t1),
        ("http://eten.nl/gids", "https://café.nl/menu", "xn--caf-dma.nl", "Café", "", c1, t1),
        ("http://shop.nl/links", "https://site.nl/", "site.nl", "Site", "", "CC-MAIN-2024-18", t2),
        ("http://shop.nl/links", "https://rival.nl/prijzen", "rival.nl", "prijzen", "", "CC-MAIN-2024-18", t2),
    }
    return [first, second], expected
