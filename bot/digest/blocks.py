"""Block Kit for the weekly digest, built with slack_sdk's block classes (``to_dict()`` validates).

Limits respected: at most 50 blocks (we use at most 12), 3000 characters a section (we stop adding
lines at :data:`SECTION_BUDGET`), 150 for the header. Lists that do not fit are cut with a
"…and N more" line and the full list goes in a CSV file (``DigestMessage.csv``) that the sender
uploads into the digest's thread. Every message has a plain ``text`` fallback.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.digest.report import ChangeItem, CompetitorHint, LinkItem, WeeklyReport
from bot.i18n import t

SECTION_BUDGET = 2800
MAX_LINES = 10
MAX_COMPETITOR_LINES = 5


@dataclass(frozen=True)
class DigestMessage:
    text: str
    blocks: list[dict]
    csv: bytes | None
    csv_filename: str | None


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str) -> str:
    """A URL fit for ``<url|label>``: ``&`` escaped as Slack expects, ``< > |`` percent-encoded."""
    return url.replace("&", "&amp;").replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")


def _link(url: str, label: str) -> str:
    return f"<{safe_url(url)}|{escape(label)}>"


def _placement_word(placement: str, lang: str) -> str:
    try:
        return t(f"digest.placement.{placement}", lang)
    except KeyError:
        return escape(placement)


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def _follow_word(item: LinkItem, lang: str) -> str:
    follow = item.follow if item.follow is not None else item.kind == "dofollow"
    return t("digest.link_follow" if follow else "digest.link_nofollow", lang)


def _gained_line(item: LinkItem, lang: str) -> str:
    bits = [_follow_word(item, lang)]
    if item.placement:
        bits.append(_placement_word(item.placement, lang))
    if item.authority is not None:
        bits.append(t("digest.authority", lang, score=round(item.authority)))
    if item.returned:
        bits.append(t("digest.returned", lang))
    anchor = f" “{escape(item.anchor[:60])}”" if item.anchor else ""
    return f"• {_link(item.source_url, item.source_domain)}{anchor} ({', '.join(bits)})"


def _lost_line(item: LinkItem, lang: str) -> str:
    reason_key = f"digest.reason.{item.reason}" if item.reason else "digest.reason.unknown"
    try:
        reason = t(reason_key, lang)
    except KeyError:
        reason = escape(item.reason or t("digest.reason.unknown", lang))
    return f"• {_link(item.source_url, item.source_domain)}: {reason}"


def _change_line(item: ChangeItem, lang: str) -> str:
    try:
        what = t(f"digest.change.{item.change}", lang)
    except KeyError:
        what = escape(item.change)
    detail = ""
    if item.change == "anchor-changed" and (item.before or item.after):
        detail = f" (“{escape((item.before or '')[:40])}” → “{escape((item.after or '')[:40])}”)"
    return f"• {_link(item.source_url, item.source_domain)}: {what}{detail}"


def _competitor_line(hint: CompetitorHint, lang: str) -> str:
    return "• " + t(
        "digest.competitor_hint",
        lang,
        competitor=escape(hint.competitor),
        url=safe_url(hint.source_url),
        domain=escape(hint.source_domain),
    )


def _section(title: str, lines: list[str], total: int, lang: str, max_lines: int) -> tuple[SectionBlock, bool]:
    """A section with as many lines as fit; returns (block, truncated)."""
    text = title
    shown = 0
    for line in lines[:max_lines]:
        candidate = f"{text}\n{line}"
        if len(candidate) > SECTION_BUDGET:
            break
        text = candidate
        shown += 1
    truncated = shown < total
    if truncated:
        text += "\n" + t("digest.more", lang, count=total - shown)
    return SectionBlock(text=MarkdownTextObject(text=text)), truncated


def _date(text: str, zone: ZoneInfo) -> str:
    return datetime.fromisoformat(text).astimezone(zone).strftime("%d-%m-%Y")


def summary_lines(report: WeeklyReport, lang: str) -> list[str]:
    """Loss rate and target progress, one line each."""
    lines = []
    rate = report.loss_rate
    if rate.annual is None:
        lines.append(t("digest.loss_unknown", lang, days=int(rate.span_days)))
    else:
        lines.append(
            t(
                "digest.loss_rate",
                lang,
                rate=f"{rate.annual * 100:.1f} %",
                lost=rate.lost,
                weeks=max(1, round(rate.span_days / 7)),
                verdict=t(f"digest.loss_{rate.verdict}", lang),
            )
        )
    target = report.target
    lines.append(
        t(
            "digest.target",
            lang,
            count=target.quality_links,
            low=target.target_min,
            high=target.target_max,
            month=target.month,
            verdict=t(f"digest.target_{target.verdict}", lang),
        )
    )
    return lines


def fallback_text(report: WeeklyReport, lang: str) -> str:
    if report.quiet:
        return t("digest.quiet", lang, site=report.site, live=report.live_now, domains=report.domains_now).replace("*", "")
    return t(
        "digest.fallback",
        lang,
        site=report.site,
        gained=len(report.gained),
        lost=len(report.lost),
        changed=len(report.changed),
        live=report.live_now,
        domains=report.domains_now,
    )


def digest_csv(report: WeeklyReport) -> bytes:
    """Every gained, lost and changed link and competitor hint of the report, as UTF-8 CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["section", "source_url", "source_domain", "kind", "follow", "anchor", "placement", "reason_or_change", "competitor", "at"])
    for item in report.gained:
        writer.writerow(["gained", item.source_url, item.source_domain, item.kind or "", _b(item.follow), item.anchor or "", item.placement or "", "", "", item.at or ""])
    for item in report.lost:
        writer.writerow(["lost", item.source_url, item.source_domain, item.kind or "", _b(item.follow), item.anchor or "", item.placement or "", item.reason or "", "", item.at or ""])
    for change in report.changed:
        writer.writerow(["changed", change.source_url, change.source_domain, "", "", change.after or "", "", change.change, "", change.at or ""])
    for hint in report.competitors:
        writer.writerow(["competitor", hint.source_url, hint.source_domain, "", _b(hint.follow), "", "", "", hint.competitor, hint.at])
    return buffer.getvalue().encode("utf-8")


def _b(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def build_digest_message(report: WeeklyReport, *, lang: str = "en", zone: ZoneInfo = ZoneInfo("Europe/Amsterdam")) -> DigestMessage:
    """The digest message of one site: blocks, fallback text and (when lists were cut) a CSV."""
    text = fallback_text(report, lang)
    if report.quiet:
        quiet = t("digest.quiet", lang, site=escape(report.site), live=report.live_now, domains=report.domains_now)
        blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=quiet))]
        return DigestMessage(text=text, blocks=[b.to_dict() for b in blocks], csv=None, csv_filename=None)

    header = t("digest.header", lang, site=report.site)[:150]
    blocks = [
        HeaderBlock(text=PlainTextObject(text=header)),
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text=t("digest.period", lang, start=_date(report.period_start, zone), end=_date(report.period_end, zone))
                )
            ]
        ),
        SectionBlock(
            text=MarkdownTextObject(
                text=t(
                    "digest.summary",
                    lang,
                    gained=len(report.gained),
                    lost=len(report.lost),
                    changed=len(report.changed),
                    live=report.live_now,
                    net_live=_signed(report.net_live),
                    domains=report.domains_now,
                    net_domains=_signed(report.net_domains),
                )
            )
        ),
    ]
    truncated = False
    if report.gained:
        block, cut = _section(t("digest.gained_title", lang), [_gained_line(i, lang) for i in report.gained[:MAX_LINES]], len(report.gained), lang, MAX_LINES)
        blocks.append(block)
        truncated |= cut
    if report.lost:
        block, cut = _section(t("digest.lost_title", lang), [_lost_line(i, lang) for i in report.lost[:MAX_LINES]], len(report.lost), lang, MAX_LINES)
        blocks.append(block)
        truncated |= cut
    if report.changed:
        block, cut = _section(t("digest.changed_title", lang), [_change_line(i, lang) for i in report.changed[:MAX_LINES]], len(report.changed), lang, MAX_LINES)
        blocks.append(block)
        truncated |= cut
    if report.competitors:
        block, cut = _section(
            t("digest.competitors_title", lang),
            [_competitor_line(h, lang) for h in report.competitors[:MAX_COMPETITOR_LINES]],
            len(report.competitors),
            lang,
            MAX_COMPETITOR_LINES,
        )
        blocks.append(block)
        truncated |= cut
    blocks.append(DividerBlock())
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=line) for line in summary_lines(report, lang)]))
    csv_bytes = digest_csv(report) if truncated else None
    filename = f"digest-{report.site}-{report.period_end[:10]}.csv" if truncated else None
    return DigestMessage(text=text, blocks=[b.to_dict() for b in blocks], csv=csv_bytes, csv_filename=filename)
