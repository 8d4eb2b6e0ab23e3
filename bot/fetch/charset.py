"""Decoding HTML bytes to text (the rules live in :mod:`bot.fetch.decode`); for saved pages and the fetcher."""

from __future__ import annotations

from bot.fetch.decode import decode_html


def decode_body(data: bytes, header_charset: str | None = None) -> str:
    """Text of an HTML body: charset from BOM, then ``header_charset``, then ``<meta>``, then detection."""
    text, _encoding = decode_html(data, header_charset)
    return text


__all__ = ["decode_body", "decode_html"]
