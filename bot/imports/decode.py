"""Bytes to text: compression, byte-order marks, UTF-16 without BOM, and charset detection."""

from __future__ import annotations

import codecs
import zlib

from bot.imports.errors import ImportFileError

MAX_UNPACKED = 512 * 1024 * 1024  # a 100k-row Ahrefs export is ~60 MB as UTF-16; leave room

ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"

_BINARY_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
)


def binary_kind(data: bytes) -> str | None:
    """A short name for well-known binary formats (``a PNG image``), else None."""
    for magic, kind in _BINARY_KINDS:
        if data.startswith(magic):
            return kind
    if data[4:12] in (b"ftypheic", b"ftypmif1") or data[8:12] == b"WEBP":
        return "an image"
    return None


def gunzip(data: bytes, limit: int = MAX_UNPACKED) -> bytes:
    """Unpack gzip data (several members allowed), refusing to grow past ``limit`` bytes."""
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest.startswith(GZIP_MAGIC):
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = d.decompress(rest, limit - size + 1)
            size += len(chunk)
            out.append(chunk)
            if size > limit or d.unconsumed_tail:
                raise ImportFileError("imports.not_export.too_big", limit=limit // (1024 * 1024))
            if not d.eof:
                raise ImportFileError("imports.not_export.gzip_broken")
            rest = d.unused_data
    except zlib.error:
        raise ImportFileError("imports.not_export.gzip_broken") from None
    return b"".join(out)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros > even_zeros * 4:
        return "utf-16-le"
    if even_zeros > odd_zeros * 4:
        return "utf-16-be"
    return None


_WESTERN_LOOKALIKES = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_9", "iso8859_15",
    "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp437",
})


def decode_text(data: bytes) -> str:
    """Text of a file: by BOM (UTF-8, UTF-16, UTF-32), then UTF-16 without BOM, then strict UTF-8,
    then charset-normalizer's best guess on a sample (cp1252 and latin-1 exports from Excel)."""
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return data.decode("utf-32", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace")
    bomless = _utf16_without_bom(data)
    if bomless:
        return data.decode(bomless, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding in _WESTERN_LOOKALIKES:
        # short samples make the detector hesitate between single-byte Latin code pages; the exports
        # we read come from Dutch and English Excel installs, which write cp1252
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control characters (a binary file decoded by force)."""
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f\v") or ch == "\ufffd")
    return bad > len(sample) // 20
