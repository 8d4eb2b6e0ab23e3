"""Disavow file: Google's format and limits, only from marks."""

from __future__ import annotations

from datetime import date

import pytest

from bot.cli import main
from bot.compare.disavow import MAX_BYTES, MAX_LINES, DisavowEntry, DisavowTooLarge, NothingMarked, build_disavow, disavow_for
from storage import compare_repo
from storage.sites import add_site, require_site
from tests.compare.helpers import L, put_links

DAY = date(2026, 11, 25)


def test_format() -> None:
    text = build_disavow(
        "mysite.nl",
        [
            DisavowEntry("spam.example", "casino words\nand hidden links", "2026-11-20T10:00:00+00:00"),
            DisavowEntry("xn--bcher-kva.example", None, "2026-11-21T10:00:00+00:00"),
            DisavowEntry("192.0.2.9", "injected", "2026-11-22T00:00:00+00:00", ("http://192.0.2.9/a", "http://192.0.2.9/b")),
        ],
        today=DAY,
    )
    lines = text.splitlines()
    assert text.endswith("\n") and not text.startswith("\ufeff")
    assert lines[0] == "# Disavow file for mysite.nl, made by backlinks on 2026-11-25"
    body = [l for l in lines if not l.startswith("#")]
    assert body == ["http://192.0.2.9/a", "http://192.0.2.9/b", "domain:spam.example", "domain:xn--bcher-kva.example"]
    assert "# 2026-11-20 casino words and hidden links" in lines  # a reason never breaks the line
    assert "# 2026-11-21 marked disavow" in lines
    assert all(l.startswith(("#", "domain:", "http://")) for l in lines)
    text.encode("utf-8")


def test_nothing_marked_is_an_error() -> None:
    with pytest.raises(NothingMarked):
        build_disavow("mysite.nl", [], today=DAY)


def test_line_limit_drops_comments_first_then_refuses() -> None:
    # 60,000 entries: with comments 120,003 lines (too many); without comments 60,003 lines: fits
    entries = [DisavowEntry(f"d{i}.example", "spam") for i in range(60_000)]
    text = build_disavow("mysite.nl", entries, today=DAY)
    lines = text.splitlines()
    assert len(lines) == 60_003 and len(lines) <= MAX_LINES
    assert sum(1 for l in lines if l.startswith("domain:")) == 60_000
    with pytest.raises(DisavowTooLarge):
        build_disavow("mysite.nl", [DisavowEntry(f"d{i}.example") for i in range(MAX_LINES)], today=DAY)
    # exactly at the limit: 99,997 domains + 3 header lines = 100,000 lines
    ok = build_disavow("mysite.nl", [DisavowEntry(f"d{i}.nl") for i in range(MAX_LINES - 3)], today=DAY)
    assert ok.count("\n") == MAX_LINES


def test_byte_limit() -> None:
    long = "a" * 60
    entries = [DisavowEntry(f"{long}{i}.example") for i in range(35_000)]  # ~ 35,000 * 80 bytes = 2.8 MB
    with pytest.raises(DisavowTooLarge) as err:
        build_disavow("mysite.nl", entries, today=DAY)
    assert "2000000 bytes" in str(err.value)
    fits = build_disavow("mysite.nl", entries[:24_000], today=DAY)
    assert len(fits.encode("utf-8")) <= MAX_BYTES


def test_only_marked_domains_via_cli(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    add_site(db, "T1", "mysite.nl")
    put_links(db, "T1", "mysite.nl", [L("http://spam.nl/1"), L("http://ok.nl/1"), L("http://198.51.100.4/x")])
    out = tmp_path / "disavow.txt"
    assert main(["disavow", "mysite.nl", "--output", str(out), "--workspace", "T1"]) == 2
    assert "Nothing is marked" in capsys.readouterr().err and not out.exists()
    site = require_site(db, "T1", "mysite.nl")
    compare_repo.mark_domain(db, "T1", site.id, "spam.nl", "disavow", reason="casino")
    compare_repo.mark_domain(db, "T1", site.id, "ok.nl", "keep")
    compare_repo.mark_domain(db, "T1", site.id, "198.51.100.4", "disavow")
    add_site(db, "T2", "mysite.nl")
    compare_repo.mark_domain(db, "T2", require_site(db, "T2", "mysite.nl").id, "t2.nl", "disavow")
    assert main(["disavow", "mysite.nl", "--output", str(out), "--workspace", "T1"]) == 0
    assert "2 domains" in capsys.readouterr().out
    body = [l for l in out.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    assert body == ["http://198.51.100.4/x", "domain:spam.nl"]
    # changing one's mind: keep replaces disavow
    compare_repo.mark_domain(db, "T1", site.id, "spam.nl", "keep")
    text, count = disavow_for(db, "T1", "mysite.nl")
    assert count == 1 and "domain:spam.nl" not in text
