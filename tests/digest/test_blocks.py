"""Block Kit of the digest (valid, within limits, CSV when long) and the PNG chart."""

from __future__ import annotations

import csv
import io
import json

from bot.digest.blocks import SECTION_BUDGET, build_digest_message
from bot.digest.chart import render_series_png
from bot.digest.report import ChangeItem, CompetitorHint, LinkItem, LossRate, SeriesPoint, TargetProgress, WeeklyReport


def report(gained: int = 2, lost: int = 1, changed: int = 1, competitors: int = 1, long_urls: bool = False) -> WeeklyReport:
    pad = "x" * 400 if long_urls else ""
    return WeeklyReport(
        team_id="T1",
        site_id=1,
        site="mysite.nl",
        period_start="2026-11-16T08:00:00+00:00",
        period_end="2026-11-23T08:00:00+00:00",
        gained=[LinkItem(f"https://g{i}.example/{pad}<&>", f"g{i}.example", "dofollow", True, "a <b> & c", "content") for i in range(gained)],
        lost=[LinkItem(f"https://l{i}.example/{pad}", f"l{i}.example", "dofollow", True, reason="page-not-found") for i in range(lost)],
        changed=[ChangeItem(f"https://c{i}.example/", f"c{i}.example", "anchor-changed", "old", "new") for i in range(changed)],
        live_now=120,
        live_before=118,
        domains_now=40,
        domains_before=41,
        series=[SeriesPoint(f"2026-{9 + i // 5:02d}-{1 + i:02d}T08:00:00+00:00", 100 + i, 30 + i // 2) for i in range(12)],
        loss_rate=LossRate(lost=3, average_live=110.0, span_days=84.0, annual=0.12, verdict="normal"),
        target=TargetProgress("2026-11", 1, 2, 4, 1.5, "on-track"),
        competitors=[CompetitorHint("rival.nl", f"gap{i}.example", f"https://gap{i}.example/p", True, "2026-11-20T10:00:00+00:00") for i in range(competitors)],
    )


def all_text(blocks: list[dict]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def test_normal_digest_blocks_in_english_and_dutch() -> None:
    en = build_digest_message(report(), lang="en")
    nl = build_digest_message(report(), lang="nl")
    assert en.blocks[0]["type"] == "header" and "mysite.nl" in en.blocks[0]["text"]["text"]
    text = all_text(en.blocks)
    assert "+2" in text and "page no longer exists" in text and "rival.nl got a link from" in text
    assert "12.0 %" in text and "normal" in text and "on track" in text
    assert "&lt;b&gt; &amp; c" in text  # mrkdwn escaped
    assert "<https://g0.example/%3C&amp;%3E|g0.example>" in text and "in the text" in text
    assert "(follow, in de tekst)" in all_text(nl.blocks)
    assert "de pagina bestaat niet meer" in all_text(nl.blocks) and "daar sta jij nog niet" in all_text(nl.blocks)
    assert en.csv is None and en.text.startswith("Weekly backlinks for mysite.nl")
    assert len(en.blocks) <= 50


def test_long_lists_are_cut_and_go_to_csv() -> None:
    message = build_digest_message(report(gained=300, lost=80, changed=40, competitors=30, long_urls=True), lang="en")
    assert len(message.blocks) <= 50
    for block in message.blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
            assert len(block["text"]["text"]) <= SECTION_BUDGET + 200
    assert "more: see the CSV file" in all_text(message.blocks)
    rows = list(csv.reader(io.StringIO(message.csv.decode("utf-8"))))
    assert rows[0][0] == "section"
    sections = [r[0] for r in rows[1:]]
    assert sections.count("gained") == 300 and sections.count("lost") == 80
    assert sections.count("changed") == 40 and sections.count("competitor") == 30
    assert message.csv_filename == "digest-mysite.nl-2026-11-23.csv"


def test_quiet_week_is_one_line() -> None:
    message = build_digest_message(report(gained=0, lost=0, changed=0, competitors=0), lang="nl")
    assert len(message.blocks) == 1
    assert "Rustige week" in message.blocks[0]["text"]["text"] and "120" in message.text


def test_chart_is_a_png() -> None:
    png = render_series_png(report().series, site="mysite.nl", lang="nl")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
