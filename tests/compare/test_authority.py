"""Authority import: Tranco and Common Crawl ranks files written for the tests, and a malformed file."""

from __future__ import annotations

import gzip
import json
import zipfile

import pytest

from bot.cli import main
from bot.compare.authority import import_authority
from bot.compare.gap import gap_for
from bot.errors import UserInputError
from storage import compare_repo
from storage.sites import add_site
from tests.compare.helpers import L, put_links

CC_HEADER = "#harmonicc_pos\t#harmonicc_val\t#pr_pos\t#pr_val\t#host_rev\n"


def world(db) -> None:  # type: ignore[no-untyped-def]
    add_site(db, "T1", "mysite.nl")
    add_site(db, "T1", "rival.nl", competitor_of="mysite.nl")
    put_links(db, "T1", "rival.nl", [L("https://www.nos.nl/a"), L("https://blog.tiny.nl/b"), L("https://nowhere.nl/c")])


def test_tranco_keeps_only_referring_domains(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    world(db)
    f = tmp_path / "top-1m.csv"
    f.write_text("1,google.com\n2,nos.nl\n3,facebook.com\n4,www.nos.nl\n50000,tiny.nl\n", encoding="utf-8")
    result = import_authority(db, "T1", f)
    assert (result.source, result.lines, result.kept, result.wanted) == ("tranco", 5, 2, 3)
    found = compare_repo.authority_for(db, "T1", ["nos.nl", "tiny.nl", "nowhere.nl", "google.com"])
    assert set(found) == {"nos.nl", "tiny.nl"} and found["nos.nl"].rank == 2
    assert found["nos.nl"].score == pytest.approx(100 * (1 - 0.30103 / 8), abs=0.1)
    _, _, gap = gap_for(db, "T1", "mysite.nl")
    assert {g.domain: g.authority for g in gap}["nowhere.nl"] is None  # unknown stays unknown
    assert [g.domain for g in gap] == ["nos.nl", "tiny.nl", "nowhere.nl"]


def test_zipped_tranco(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    world(db)
    f = tmp_path / "tranco.zip"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("top-1m.csv", "1,google.com\n7,tiny.nl\n")
    assert import_authority(db, "T1", f).kept == 1


def test_common_crawl_ranks_gz_and_replace(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    world(db)
    f = tmp_path / "cc-main-domain-ranks.txt.gz"
    rows = CC_HEADER + "1\t3.2e7\t5\t0.01\tcom.google\n120\t1.0e7\t99\t0.001\tnl.nos\n9000\t1.0e6\t800\t0.0001\tnl.tiny\n"
    f.write_bytes(gzip.compress(rows.encode()))
    result = import_authority(db, "T1", f)
    assert (result.source, result.kept) == ("common-crawl", 2)
    # a second source: the best score counts
    compare_repo.store_authority(db, "T1", "tranco", [("nos.nl", 2, 96.2)])
    assert compare_repo.authority_for(db, "T1", ["nos.nl"])["nos.nl"].source == "tranco"
    # a new import of a source replaces its old rows
    f.write_bytes(gzip.compress((CC_HEADER + "5\t3.0e7\t5\t0.01\tnl.tiny\n").encode()))
    import_authority(db, "T1", f)
    assert compare_repo.authority_counts(db, "T1") == {"common-crawl": 1, "tranco": 1}


def test_malformed_and_missing_files(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    world(db)
    bad = tmp_path / "notes.txt"
    bad.write_text("hello, this is not a ranking\nat all\n", encoding="utf-8")
    with pytest.raises(UserInputError):
        import_authority(db, "T1", bad)
    assert main(["authority", "import", str(bad), "--workspace", "T1"]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert main(["authority", "import", str(tmp_path / "absent.csv"), "--workspace", "T1"]) == 2
    broken = tmp_path / "ranks.gz"
    data = gzip.compress((CC_HEADER + "".join(f"{i}\t3\t{i}\t0.01\tnl.site{i}\n" for i in range(1, 5000))).encode())
    broken.write_bytes(data[: len(data) // 2])  # cut off mid-stream
    with pytest.raises(UserInputError):
        import_authority(db, "T1", broken)
    # malformed lines inside a good file are counted, not fatal
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("1,google.com\n2,nos.nl\nxx,broken\n3,tiny.nl\n", encoding="utf-8")
    result = import_authority(db, "T1", mixed)
    assert result.kept == 2 and result.skipped == 1


def test_all_domains_is_bounded_and_per_workspace(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    world(db)
    f = tmp_path / "top.csv"
    f.write_text("".join(f"{i},d{i}.com\n" for i in range(1, 101)) + "101,www.d1.com\n", encoding="utf-8")
    result = import_authority(db, "T2", f, all_domains=True, limit=50)
    assert result.kept == 50 and result.wanted is None
    assert compare_repo.authority_counts(db, "T2") == {"tranco": 50} and compare_repo.authority_counts(db, "T1") == {}
    assert main(["authority", "import", str(f), "--json", "--workspace", "T3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["stored"] == 0 and data["referring_domains"] == 0
