"""Is a response HTML, and which characters do its bytes spell? Pure functions.

Order for the character set (as browsers do it): a byte-order mark wins, then the ``charset`` of the
``Content-Type`` header, then ``<meta charset>`` / ``<meta http-equiv=content-type>`` in the first
4 KB, then valid UTF-8, then detection by charset-normalizer, and finally windows-1252.
"""

from __future__ import annotations

import codecs
import re

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG MIME sniffing: the byte patterns that make an untyped resource HTML.
_HTML_SNIFF_TAGS = (
    b"<!doctype html", b"<html", b"<head", b"<script", b"<iframe", b"<h1", b"<div", b"<font",
    b"<table", b"<a", b"<style", b"<title", b"<b", b"<body", b"<br", b"<p", b"<!--",
)
_SNIFF_TERMINATORS = (b" ", b">", b"\t", b"\r", b"\n", b"/")

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""",
    re.IGNORECASE,
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s;"']+)""", re.IGNORECASE)


def split_content_type(header: str | None) -> tuple[str | None, str | None]:
    """``("text/html", "utf-8")`` from ``"text/html; charset=UTF-8"``; Nones for what is missing."""
    if not header or not header.strip():
        return None, None
    mime = header.split(";", 1)[0].strip().lower() or None
    match = _HEADER_CHARSET.search(header)
    return mime, (match.group(1).strip().lower() if match else None)


def is_html_type(mime: str | None) -> bool:
    return mime in HTML_TYPES


def sniff_html(head: bytes) -> bool:
    """True when the first bytes of an untyped body look like HTML (WHATWG sniffing rules)."""
    for bom, _ in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
            break
    text = head.lstrip(b" \t\r\n\x0c").lower()
    for tag in _HTML_SNIFF_TAGS:
        if text.startswith(tag):
            rest = text[len(tag):len(tag) + 1]
            if not rest or rest in _SNIFF_TERMINATORS or tag == b"<!--":
                return True
    return False


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def normalise_encoding(name: str | None) -> str | None:
    """A Python codec name for a declared charset, following the WHATWG Encoding Standard's quirks.

    ``iso-8859-1``/``latin1``/``ascii`` mean windows-1252 on the web, and a UTF-16 declaration inside
    the document means UTF-8. Unknown names give None.
    """
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if codec in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    if codec == "iso8859-9":
        return "cp1254"
    if codec == "tis-620" or codec == "iso8859-11":
        return "cp874"
    return codec


def meta_encoding(head: bytes) -> str | None:
    """The charset a ``<meta>`` in the first 4 KB declares (UTF-16 declarations mean UTF-8)."""
    match = _META_CHARSET.search(head[:4096])
    if not match:
        return None
    codec = normalise_encoding(match.group(1).decode("ascii", "replace"))
    if codec and codec.startswith("utf-16"):
        return "utf-8"
    return codec


def decode_html(data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Decode an HTML body; returns ``(text, encoding used)``. Never raises."""
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace").lstrip("\ufeff"), bom
    for candidate in (normalise_encoding(header_charset), meta_encoding(data)):
        if candidate:
            try:
                return data.decode(candidate, errors="replace"), candidate
            except LookupError:
                continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected:
        return data.decode(detected, errors="replace"), detected
    return data.decode("cp1252", errors="replace"), "cp1252"


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    codec = normalise_encoding(best.encoding)
    return codec
