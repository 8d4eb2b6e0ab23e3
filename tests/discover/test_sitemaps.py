"""Sitemaps, sitemap indexes, gzip, feeds, robots.txt Sitemap lines and dates: pure parsers."""

from __future__ import annotations

import gzip
from datetime import datetime, timezone

from bot.discover.sitemaps import (
    ListingKind,
    feed_links,
    maybe_gunzip,
    parse_lastmod,
    parse_listing,
    sitemaps_from_robots,
)
from tests.discover.helpers import atom, rss, sitemap_index, urlset

UTC = timezone.utc


def test_robots_sitemap_lines_any_case_and_relative() -> None:
    text = (
        "User-agent: *\nDisallow: /x\n\nsitemap: https://a.nl/s1.xml\nSITEMAP:https://a.nl/s2.xml.gz # main\n"
        "Sitemap: /rel.xml\nSitemap: https://a.nl/s1.xml\nNot-a-sitemap: https://a.nl/no.xml\nSitemap:\n"
    )
    assert sitemaps_from_robots(text, "https://a.nl/robots.txt") == [
        "https://a.nl/s1.xml", "https://a.nl/s2.xml.gz", "https://a.nl/rel.xml",
    ]
    assert sitemaps_from_robots(text) == ["https://a.nl/s1.xml", "https://a.nl/s2.xml.gz"]


def test_lastmod_formats() -> None:
    assert parse_lastmod("2026-11-20") == datetime(2026, 11, 20, tzinfo=UTC)
    assert parse_lastmod("2026-11") == datetime(2026, 11, 1, tzinfo=UTC)
    assert parse_lastmod("2026-11-20T10:30:00+01:00") == datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    assert parse_lastmod("2026-11-20T10:30:15.123Z") == datetime(2026, 11, 20, 10, 30, 15, tzinfo=UTC)
    assert parse_lastmod("2026-11-20 10:30") == datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
    assert parse_lastmod("Fri, 20 Nov 2026 10:00:00 GMT") == datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert parse_lastmod("Fri, 20 Nov 2026 10:00:00 +0200") == datetime(2026, 11, 20, 8, tzinfo=UTC)
    for bad in ("", None, "yesterday", "2026-13-45", "2026-02-30"):
        assert parse_lastmod(bad) is None


def test_urlset_with_namespace_lastmod_and_relative_urls() -> None:
    data = urlset([("https://a.nl/new", "2026-11-21"), ("https://a.nl/old", None), ("/rel", "2026-01-01"), ("mailto:x@a.nl", None)])
    listing = parse_listing(data, "https://a.nl/sitemap.xml")
    assert listing.kind is ListingKind.URLSET and listing.error is None
    assert [(e.url, e.lastmod) for e in listing.pages] == [
        ("https://a.nl/new", datetime(2026, 11, 21, tzinfo=UTC)),
        ("https://a.nl/old", None),
        ("https://a.nl/rel", datetime(2026, 1, 1, tzinfo=UTC)),
    ]


def test_sitemap_index_and_gzip() -> None:
    index = parse_listing(gzip.compress(sitemap_index([("https://a.nl/s1.xml.gz", "2026-11-01")])), "https://a.nl/i.xml.gz")
    assert index.kind is ListingKind.INDEX and index.pages == ()
    assert [e.url for e in index.entries] == ["https://a.nl/s1.xml.gz"]
    assert parse_listing(gzip.compress(urlset([("https://a.nl/p", None)])), "https://a.nl/s").entries[0].url == "https://a.nl/p"


def test_gzip_bomb_and_corrupt_gzip_stop_cleanly() -> None:
    bomb = gzip.compress(b"<" + b" " * 2_000_000)
    listing = parse_listing(bomb, "https://a.nl/s.xml.gz")
    assert listing.kind is ListingKind.UNKNOWN and listing.entries == ()
    try:
        maybe_gunzip(bomb, limit=1000)
    except ValueError as err:
        assert "larger than 1000" in str(err)
    else:
        raise AssertionError("no error for a bomb")
    broken = parse_listing(b"\x1f\x8b\x08\x00garbage", "https://a.nl/s.xml.gz")
    assert broken.error and "corrupt" in broken.error


def test_broken_xml_keeps_what_was_read_and_doctype_is_refused() -> None:
    data = urlset([("https://a.nl/1", None), ("https://a.nl/2", None)])[:-9]
    listing = parse_listing(data, "https://a.nl/s.xml")
    assert listing.error and [e.url for e in listing.entries] == ["https://a.nl/1", "https://a.nl/2"]
    evil = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><urlset><url><loc>&lol;</loc></url></urlset>'
    refused = parse_listing(evil, "https://a.nl/s.xml")
    assert refused.entries == () and "document type" in (refused.error or "")
    html = parse_listing(b"<html><body>Not found</body></html>", "https://a.nl/s.xml")
    assert html.kind is ListingKind.UNKNOWN and html.entries == ()


def test_limit_and_plain_text_sitemaps() -> None:
    data = urlset([(f"https://a.nl/{i}", None) for i in range(10)])
    listing = parse_listing(data, "https://a.nl/s.xml", limit=4)
    assert len(listing.entries) == 4 and listing.truncated
    text = parse_listing(b"\xef\xbb\xbfhttps://a.nl/x\n\nnot a url\nhttps://a.nl/y\r\n", "https://a.nl/s.txt")
    assert text.kind is ListingKind.TEXT and [e.url for e in text.entries] == ["https://a.nl/x", "https://a.nl/y"]
    assert parse_listing(b"", "https://a.nl/s").error


def test_feeds_rss_atom_rdf() -> None:
    feed = parse_listing(rss([("https://a.nl/p1", "Sat, 21 Nov 2026 10:00:00 GMT"), ("/p2", "nonsense")]), "https://a.nl/feed")
    assert feed.kind is ListingKind.FEED
    assert [(e.url, e.lastmod) for e in feed.pages] == [
        ("https://a.nl/p1", datetime(2026, 11, 21, 10, tzinfo=UTC)), ("https://a.nl/p2", None),
    ]
    guid = b'<rss><channel><item><guid>https://a.nl/g</guid></item><item><guid isPermaLink="false">x</guid></item></channel></rss>'
    assert [e.url for e in parse_listing(guid, "https://a.nl/feed").pages] == ["https://a.nl/g"]
    at = parse_listing(atom([("https://a.nl/a1", "2026-11-20T08:00:00Z")]), "https://a.nl/atom")
    assert at.kind is ListingKind.FEED and at.pages[0].lastmod == datetime(2026, 11, 20, 8, tzinfo=UTC)
    rdf = (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><item><link>https://a.nl/r</link><dc:date>2026-11-19</dc:date></item></rdf:RDF>'
    )
    assert [(e.url, e.lastmod) for e in parse_listing(rdf, "https://a.nl/rdf").pages] == [("https://a.nl/r", datetime(2026, 11, 19, tzinfo=UTC))]


def test_feed_links_on_a_home_page() -> None:
    html = (
        '<html><head><base href="https://www.a.nl/blog/">'
        '<link rel="alternate" type="application/rss+xml" title="Reacties" href="/comments/feed">'
        '<link rel="alternate" type="application/rss+xml" title="Blog" href="feed">'
        '<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://www.a.nl/atom.xml">'
        '<link rel="alternate" hreflang="en" href="https://www.a.nl/en/">'
        '<link rel="stylesheet" type="text/css" href="/s.css"></head><body></body></html>'
    )
    assert feed_links(html, "https://a.nl/") == [
        "https://www.a.nl/blog/feed", "https://www.a.nl/atom.xml", "https://www.a.nl/comments/feed",
    ]
    assert feed_links("", "https://a.nl/") == []
