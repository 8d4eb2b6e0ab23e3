"""Bytes to text: compression, byte-order marks, UTF-16 without BOM, and charset detection."""

from __future__ import annotations

import codecs
import zlib

from bot.imports.errors import ImportFileError

MAX_UNPACKED = 200 * 1024 * 1024  # a 100k-row Ahrefs export is ~60 MB as UTF-16; leave room
# A real export compresses 5-30x (UTF-16 up to ~60x); past this ratio, once the output is big enough
# to matter, the file is a decompression bomb and is refused before it is unpacked any further.
MAX_RATIO = 200
RATIO_FROM = 16 * 1024 * 1024
_IN_CHUNK = 64 * 1024
_OUT_CHUNK = 1024 * 1024

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


def too_compressed(unpacked: int, packed: int, *, max_ratio: int = MAX_RATIO, ratio_from: int = RATIO_FROM) -> bool:
    """True when ``unpacked`` bytes came out of ``packed`` bytes at a bomb's ratio (checked once the
    output passes ``ratio_from``, so small files are never refused for compressing well)."""
    return unpacked > ratio_from and unpacked > max_ratio * max(packed, 1)


def gunzip(data: bytes, limit: int = MAX_UNPACKED, *, max_ratio: int = MAX_RATIO, ratio_from: int = RATIO_FROM) -> bytes:
    """Unpack gzip data (several members allowed), streaming: refused as soon as the output passes
    ``limit`` bytes or grows ``max_ratio`` times larger than the input read so far, so a bomb costs
    neither the time nor the memory of unpacking it."""
    out: list[bytes] = []
    size = 0
    consumed = 0  # compressed bytes fed to the decompressor, over all members
    too_big = ImportFileError("imports.not_export.too_big", limit=limit // (1024 * 1024))
    rest = memoryview(data)
    try:
        while bytes(rest[:2]) == GZIP_MAGIC:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pos = 0
            while not d.eof and pos < len(rest):
                piece = rest[pos : pos + _IN_CHUNK]
                pos += len(piece)
                pending = bytes(piece)
                while pending:
                    chunk = d.decompress(pending, _OUT_CHUNK)
                    pending = d.unconsumed_tail
                    size += len(chunk)
                    if size > limit or too_compressed(size, consumed + pos - len(pending) - len(d.unused_data), max_ratio=max_ratio, ratio_from=ratio_from):
                        raise too_big
                    out.append(chunk)
                    if d.eof:
                        break
            if not d.eof:
                raise ImportFileError("imports.not_export.gzip_broken")
            used = pos - len(d.unused_data)
            consumed += used
            rest = rest[used:]
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
