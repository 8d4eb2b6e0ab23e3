"""Decompression bombs are refused fast, with bounded memory, before any parsing (QA 4)."""

from __future__ import annotations

import gzip
import io
import time
import tracemalloc
import zipfile
import zlib

import pytest

from bot.imports import parse_export
from bot.imports.decode import MAX_UNPACKED, gunzip
from bot.imports.errors import ImportFileError

ROW = b"https://blog.example/post,https://mysite.nl/,My Site\n"
HEADER = b"source_url,target_url,anchor\n"


def bomb(megabytes: int, byte: bytes = b"a") -> bytes:
    """``megabytes`` MB of one byte, gzipped (about 1 KB per MB), built without holding it unpacked."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = byte * (1024 * 1024)
    return b"".join([*(c.compress(block) for _ in range(megabytes)), c.flush()])


def test_small_gzip_bomb_is_refused_quickly_with_little_memory() -> None:
    data = bomb(120)  # like the QA file (300 MB of "a" in 290 KB), smaller to build fast
    assert len(data) < 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ImportFileError) as info:
            parse_export(data, "links.csv.gz")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 64 * 1024 * 1024, peak  # unpacking stopped long before 300 MB
    assert info.value.key == "imports.not_export.too_big"
    assert "200 MB" in str(info.value) and "200 MB" in info.value.text("nl")


def test_the_cap_holds_for_data_that_compresses_normally() -> None:
    text = HEADER + b"".join(b"https://blog%d.example/post,https://mysite.nl/,anchor %d\n" % (i, i) for i in range(20000))
    with pytest.raises(ImportFileError):
        gunzip(gzip.compress(text), limit=len(text) // 2)
    assert gunzip(gzip.compress(text), limit=len(text)) == text
    # several members are one stream
    assert gunzip(gzip.compress(text[:1000]) + gzip.compress(text[1000:])) == text


def test_a_real_sized_export_still_unpacks() -> None:
    text = HEADER + ROW * 2000
    result = parse_export(gzip.compress(text), "export.csv.gz")
    assert result.rows_read == 2000  # very repetitive, tiny: under the ratio threshold, so accepted
    assert MAX_UNPACKED == 200 * 1024 * 1024


def test_zip_bomb_member_is_refused_before_reading() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("links.csv", "w", force_zip64=True) as member:
            block = b"a" * (1024 * 1024)
            for _ in range(64):
                member.write(block)
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as info:
        parse_export(buf.getvalue(), "links.zip")
    assert info.value.key == "imports.not_export.too_big"
    assert time.perf_counter() - started < 2
