"""Files that are not backlink exports get one clear sentence."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from bot.errors import UserInputError
from bot.imports import ImportFileError, parse_export


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"  \r\n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(300), "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"name,age,city\nJan,42,Utrecht\nPiet,33,Zwolle\n", "no column of page URLs"),
        (b"Linking page,Last crawled\n", "no rows"),
        (_zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "Excel"),
        (_zip({"notes.txt": b"hello there\nnothing here\n"}), "zip file holds no backlink export"),
        (b"PK\x03\x04 this is not really a zip", "damaged"),
        (b"\x1f\x8b\x08\x00garbage", "damaged"),
        (b"Target page,Incoming links,Linking sites\nhttps://mijnsite.nl/,12,4\n", "your own linked pages"),
        (bytes(range(1, 256)) * 40, "not a backlink export"),
    ],
)
def test_not_an_export(data: bytes, words: str) -> None:
    with pytest.raises(ImportFileError) as info:
        parse_export(data, "upload.bin")
    message = str(info.value)
    assert words in message
    assert isinstance(info.value, UserInputError)
    assert message.endswith(".") and "\n" not in message
    assert info.value.text("nl") != message  # also available in Dutch


def test_gzipped_image_is_still_refused() -> None:
    with pytest.raises(ImportFileError, match="PNG"):
        parse_export(gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(100)))


def test_dutch_sentence() -> None:
    with pytest.raises(ImportFileError) as info:
        parse_export(b"")
    assert info.value.text("nl") == "Het bestand is leeg."


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"<!DOCTYPE html>\n<html><body><a href='https://a.nl/'>a</a></body></html>", "web page"),
        (b'[{"source_url": "https://a.nl/"}]', "JSON"),
        (b"PAR1\x15\x04\x15\x10\x15\x14L\x15\x02\x15\x00\x12\x00\x00", "Parquet"),
    ],
)
def test_other_file_kinds(data: bytes, words: str) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        pass
    else:
        if words == "Parquet":
            pytest.skip("pyarrow is installed: Parquet is read, not refused")
    with pytest.raises(ImportFileError, match=words):
        parse_export(data)


def test_garbage_never_crashes() -> None:
    """Random mixes of export-like pieces: either a result that accounts for every row or one sentence."""
    import random

    rnd = random.Random(20261125)
    pieces = ['"', ",", ";", "\t", "\n", "\r\n", "https://a.nl/x", "http://", "Source url", "Target url", "Anchor",
              "Linking page", "2026-03-04", "true", "ja", "\x00", "é", "mailto:x@y.nl", "www.b.nl/p", " ", "#", "PK\x03\x04"]
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 60)))
        data = text.encode(rnd.choice(["utf-8", "utf-16", "cp1252"]), errors="replace")
        try:
            result = parse_export(data)
        except ImportFileError as err:
            assert str(err).endswith(".")
            continue
        accounted = len(result.links) + len(result.referring_domains) + result.duplicates_merged + len(result.rejected)
        assert accounted == result.rows_read
