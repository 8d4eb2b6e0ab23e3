"""Authority rankings: Tranco and Common Crawl domain ranks, streamed, with malformed lines counted."""

from __future__ import annotations

import gzip
import io
import math
from pathlib import Path

import pytest

from bot.imports import AuthoritySource, DomainRank, ImportFileError, authority_score, detect_authority_source, parse_authority
from bot.imports.authority import DEFAULT_UNIVERSE

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


class OneWay(io.RawIOBase):
    """A stream that cannot seek (an upload being received)."""

    def __init__(self, data: bytes) -> None:
        self._buf = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        chunk = self._buf.read(min(len(b), 7))  # small reads on purpose
        b[: len(chunk)] = chunk
        return len(chunk)


def test_score_formula_is_log_scale() -> None:
    assert authority_score(1) == 100.0
    assert authority_score(10) == 83.3
    assert authority_score(1_000) == 50.0
    assert authority_score(100_000) == 16.7
    assert authority_score(1_000_000) == 0.0
    assert authority_score(5_000_000) == 0.0  # past the end: clamped
    assert authority_score(1_000_000, total=DEFAULT_UNIVERSE) == 25.0
    # every factor of ten costs the same
    assert math.isclose(authority_score(10) - authority_score(100), authority_score(10_000) - authority_score(100_000), abs_tol=0.11)
    with pytest.raises(ValueError):
        authority_score(0)


def test_tranco_csv() -> None:
    reader = parse_authority((DATA / "tranco_top.csv").open("rb"), "top-1m.csv")
    assert reader.source is AuthoritySource.TRANCO
    ranks = list(reader)
    assert ranks[0] == DomainRank("google.com", 1, authority_score(1, DEFAULT_UNIVERSE))
    domains = [r.domain for r in ranks]
    assert "bbc.co.uk" in domains and "www.bbc.co.uk" not in domains  # mapped to the registrable domain
    assert "marktplaats.nl" in domains  # lower-cased
    assert "co.uk" not in domains
    # malformed: "eleven,...", a line with no domain, "-bad-.nl", and the bare suffix co.uk
    assert reader.skipped == 4
    assert reader.skipped_lines == [8, 11, 12, 13]
    assert reader.lines == 15 and reader.kept == len(ranks) == 11


def test_tranco_zip_as_downloaded_seekable_and_not() -> None:
    data = (DATA / "tranco_top.zip").read_bytes()
    assert detect_authority_source(data[:512]) is AuthoritySource.TRANCO
    seekable = list(parse_authority(io.BytesIO(data)))
    one_way = list(parse_authority(io.BufferedReader(OneWay(data))))
    assert seekable == one_way and len(seekable) == 11


def test_tranco_wanted_keeps_the_best_rank_once() -> None:
    reader = parse_authority((DATA / "tranco_top.csv").open("rb"), wanted={"bbc.co.uk", "bakkerijdevries.nl", "absent.nl"})
    ranks = list(reader)
    assert [(r.domain, r.rank) for r in ranks] == [("bbc.co.uk", 6), ("bakkerijdevries.nl", 15)]
    assert reader.duplicates == 1


def test_common_crawl_ranks_gzipped() -> None:
    data = (DATA / "cc_domain_ranks.txt.gz").read_bytes()
    assert detect_authority_source(data[:64]) is AuthoritySource.COMMON_CRAWL_RANKS
    reader = parse_authority(OneWay(data), "cc-main-2026-jan-feb-mar-domain-ranks.txt.gz")
    ranks = list(reader)
    assert reader.source is AuthoritySource.COMMON_CRAWL_RANKS
    assert [(r.domain, r.rank) for r in ranks][:5] == [
        ("facebook.com", 1), ("google.com", 2), ("youtube.com", 3), ("nu.nl", 4), ("bbc.co.uk", 5),
    ]
    assert ("bbc.co.uk", 6) in [(r.domain, r.rank) for r in ranks]  # www.bbc.co.uk without a wanted set
    assert ranks[-1] == DomainRank("bakkerijdevries.nl", 11, authority_score(11, DEFAULT_UNIVERSE))
    # "not a line at all", a rank "nine", and the bare suffix uk.co
    assert reader.skipped == 3
    assert reader.skipped_lines == [9, 11, 12]


def test_common_crawl_wanted_filter_and_headerless_plain_text() -> None:
    text = (DATA / "cc_domain_ranks.txt").read_bytes()
    body = b"\n".join(text.split(b"\n")[1:])  # without the header line: columns by position
    reader = parse_authority(io.BytesIO(body), wanted={"bbc.co.uk", "utrechtsnieuws.nl"})
    assert [(r.domain, r.rank) for r in reader] == [("bbc.co.uk", 5), ("utrechtsnieuws.nl", 7)]
    assert reader.duplicates == 1  # www.bbc.co.uk at rank 6


def test_columns_follow_the_header() -> None:
    text = (b"#host_rev\t#harmonicc_pos\t#harmonicc_val\t#pr_pos\t#pr_val\n"
            b"nl.voorbeeld\t42\t1.0\t7\t0.1\nnl.ander\t43\t1.0\t8\t0.1\n")
    ranks = list(parse_authority(io.BytesIO(gzip.compress(text))))
    assert [(r.domain, r.rank) for r in ranks] == [("voorbeeld.nl", 42), ("ander.nl", 43)]


@pytest.mark.parametrize(
    "data",
    [b"", b"hello world\nthis is text\n", b"\x89PNG\r\n\x1a\n\x00\x00", b"Linking page,Last crawled\nhttps://a.nl/,2026-01-01\n",
     gzip.compress(b"name,age\njan,3\n")],
)
def test_not_a_rankings_file(data: bytes) -> None:
    with pytest.raises(ImportFileError) as info:
        parse_authority(io.BytesIO(data))
    assert "Tranco" in str(info.value)


def test_truncated_gzip_is_reported() -> None:
    data = (DATA / "cc_domain_ranks.txt.gz").read_bytes()
    reader = parse_authority(io.BytesIO(data[:-12]))
    with pytest.raises(ImportFileError, match="damaged"):
        list(reader)
