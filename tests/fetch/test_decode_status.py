"""Pure decisions: content types, sniffing, charsets, status mapping, Retry-After, bot challenges, robots."""

from __future__ import annotations

import codecs
import email.utils

import pytest

from bot.fetch.decode import decode_html, meta_encoding, sniff_html, split_content_type
from bot.fetch.result import FetchError
from bot.fetch.robots import RobotsState, rules_from_response
from bot.fetch.status import error_for_status, is_challenge, parse_retry_after

DUTCH = "Één café aan de Keizersgracht: koffie voor €3,50 – ‘lekker’ en “goed”. Ook crème brûlée. " * 5


def test_split_content_type() -> None:
    assert split_content_type('text/html; charset="UTF-8"') == ("text/html", "utf-8")
    assert split_content_type("TEXT/HTML") == ("text/html", None)
    assert split_content_type(None) == (None, None)
    assert split_content_type("") == (None, None)


@pytest.mark.parametrize(
    "head, html",
    [
        (b"<!DOCTYPE html><html>", True), (b"  \n<html lang=nl>", True), (b"<HEAD>", True),
        (codecs.BOM_UTF8 + b"<!doctype html>", True), (b"<!-- x -->", True), (b"<p>hi", True),
        (b"%PDF-1.7", False), (b"\x89PNG\r\n", False), (b'{"a": 1}', False), (b"<?xml version", False),
        (b"<bogus>", False), (b"plain text", False),
    ],
)
def test_sniff_html(head: bytes, html: bool) -> None:
    assert sniff_html(head) is html


def test_cp1252_without_any_declaration_is_detected() -> None:
    text, encoding = decode_html(f"<html><body><p>{DUTCH}</p></body></html>".encode("cp1252"))
    assert "€3,50" in text and "Één café" in text and "‘lekker’" in text


def test_bom_beats_header() -> None:
    body = codecs.BOM_UTF8 + "<p>€ café</p>".encode()
    text, encoding = decode_html(body, "iso-8859-1")
    assert encoding == "utf-8" and text == "<p>€ café</p>"
    text16, _ = decode_html(codecs.BOM_UTF16_LE + "<p>ß</p>".encode("utf-16-le"), "utf-8")
    assert text16 == "<p>ß</p>"


def test_header_beats_meta_and_latin1_means_windows_1252() -> None:
    body = '<meta charset="utf-8"><p>€</p>'.encode("cp1252")
    text, encoding = decode_html(body, "ISO-8859-1")
    assert encoding == "cp1252" and "€" in text


def test_meta_charset_and_http_equiv() -> None:
    assert meta_encoding(b'<head><meta charset="windows-1252">') == "cp1252"
    assert meta_encoding(b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-15'>") == "iso8859-15"
    assert meta_encoding(b"<meta charset=utf-16>") == "utf-8"  # as browsers do
    assert meta_encoding(b"<meta charset=nonsense-enc>") is None
    assert meta_encoding(b" " * 5000 + b"<meta charset=cp1252>") is None  # only the first 4 KB count
    text, _ = decode_html('<meta charset="windows-1252"><p>café €</p>'.encode("cp1252"))
    assert "café €" in text


def test_unknown_header_charset_falls_through() -> None:
    text, encoding = decode_html("<p>café</p>".encode(), "x-unknown-charset")
    assert encoding == "utf-8" and "café" in text


@pytest.mark.parametrize(
    "status, error",
    [
        (200, None), (204, None), (404, FetchError.PAGE_NOT_FOUND), (410, FetchError.PAGE_NOT_FOUND),
        (400, FetchError.PAGE_NOT_FOUND), (401, FetchError.BLOCKED), (403, FetchError.BLOCKED),
        (429, FetchError.BLOCKED), (451, FetchError.BLOCKED), (999, FetchError.BLOCKED),
        (500, FetchError.SERVER_ERROR), (503, FetchError.SERVER_ERROR), (599, FetchError.SERVER_ERROR),
        (304, FetchError.UNREACHABLE),
    ],
)
def test_status_mapping(status: int, error: FetchError | None) -> None:
    assert error_for_status(status) is error


def test_retry_after() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after(" 0 ") == 0
    assert parse_retry_after("-5") == 0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert parse_retry_after(date, now=1_000_000) == pytest.approx(30)
    assert parse_retry_after("nan") is None


def test_bot_challenges() -> None:
    assert is_challenge(403, {"cf-mitigated": "challenge"})
    assert is_challenge(503, {}, "<html><head><title>Just a moment...</title>")
    assert is_challenge(200, {}, '<script>window._cf_chl_opt={cType: "managed"}</script>')
    assert is_challenge(403, {}, "<title>Attention Required! | Cloudflare</title>")
    assert not is_challenge(503, {}, "<title>Maintenance</title><p>Back soon</p>")
    assert not is_challenge(200, {}, "<title>Just a moment with our founder</title>")


def test_robots_rules_by_status() -> None:
    ok = rules_from_response(200, b"User-agent: *\nDisallow: /private\n")
    assert ok.allows("http://a.example/public", "TestBot") and not ok.allows("http://a.example/private/x", "TestBot")
    assert rules_from_response(404, b"").state is RobotsState.ALLOW_ALL
    assert rules_from_response(403, b"").state is RobotsState.ALLOW_ALL  # RFC 9309: 4xx = unavailable
    assert rules_from_response(500, b"").state is RobotsState.DISALLOW_ALL
    assert rules_from_response(429, b"").state is RobotsState.DISALLOW_ALL
    named = rules_from_response(200, b"User-agent: TestBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    assert not named.allows("http://a.example/", "TestBot") and named.allows("http://a.example/", "OtherBot")


def test_decode_body_for_saved_pages() -> None:
    from bot.fetch.charset import decode_body

    assert decode_body('<meta charset="windows-1252"><p>€</p>'.encode("cp1252")).endswith("<p>€</p>")
    assert decode_body(codecs.BOM_UTF8 + b"<p>x</p>", "latin-1") == "<p>x</p>"


def test_every_fetch_error_has_a_sentence_in_both_languages() -> None:
    from bot.i18n import t

    for error in FetchError:
        english, dutch = t(f"fetch.error.{error.value}", "en"), t(f"fetch.error.{error.value}", "nl")
        assert english and dutch and english != dutch
