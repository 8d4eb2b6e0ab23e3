"""Plain-text rendering of comparison results in Dutch or English (CLI output and Slack sections)."""

from __future__ import annotations

from typing import Any, Sequence

from bot.compare.anchors import MIN_LINKS_FOR_WARNING, AnchorClass, AnchorProfile
from bot.compare.gap import GapDomain
from bot.domains import display_domain as _d
from bot.i18n import t
from bot.plural import tn


def pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def authority_text(score: float | None, lang: str) -> str:
    return t("compare.unknown", lang) if score is None else f"{score:.0f}"


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned first column, right-aligned others, padded to the widest cell."""
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [str(row[0]).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(row[1:], widths[1:])]
        out.append("  ".join(cells).rstrip())
    return out


def not_checked_line(unchecked: Sequence[str], lang: str, *, cmd: str = "backlinks") -> str:
    """``rival.nl has not been checked yet ...``: its zero live links say nothing."""
    key = "compare.not_checked" if len(unchecked) == 1 else "compare.not_checked_many"
    return t(key, lang, sites=", ".join(map(_d, unchecked)), first=unchecked[0], cmd=cmd)


def compare_lines(comparison: Any, lang: str, *, cmd: str = "backlinks") -> list[str]:
    """Header, a table of sites, (whether a site was never checked,) the leader and the anchor mix lines."""
    lines = [t("compare.title", lang, site=_d(comparison.site), competitors=", ".join(map(_d, comparison.competitors))), ""]
    head = [t(f"compare.col.{c}", lang) for c in ("site", "live", "domains", "dofollow", "content", "authority", "high", "new", "lost")]
    rows = [head]
    for s in comparison.sites:
        median = s.authority.get("median")
        rows.append(
            [
                _d(s.site),
                str(s.live_links),
                str(s.referring_domains),
                pct(s.dofollow_share),
                pct(s.content_share),
                authority_text(median, lang),
                str(s.authority.get("high", 0)),
                str(s.new_30d),
                str(s.lost_30d),
            ]
        )
    lines += table(rows)
    lines.append("")
    unchecked = list(getattr(comparison, "unchecked", ()) or ())
    if unchecked:
        lines.append(not_checked_line(unchecked, lang, cmd=cmd))
    lines += leader_lines(comparison.leader, lang)
    for s in comparison.sites:
        mix = ", ".join(
            f"{t(f'compare.anchor.{c.value}', lang)} {pct(s.anchor_mix.get(c.value, 0.0))}"
            for c in AnchorClass
            if s.anchor_mix.get(c.value, 0.0) > 0
        )
        if mix:
            lines.append(t("compare.anchor_mix", lang, site=_d(s.site), mix=mix))
    return lines


def leader_lines(leader: dict[str, Any] | None, lang: str) -> list[str]:
    if not leader:
        return [t("compare.no_leader", lang)]
    examples = [e["domain"] for e in leader.get("examples", [])[:5]]
    lines = [
        tn(
            "compare.leader",
            lang,
            leader["referring_domains"],
            site=_d(leader["site"]),
            domains=leader["referring_domains"],
            exclusive=leader["exclusive_domains"],
            exclusive_text=tn("compare.leader.exclusive", lang, leader["exclusive_domains"]),
            examples=t("compare.leader_examples", lang, domains=", ".join(examples)) if examples else "",
        )
    ]
    if leader.get("ahead_on"):
        measures = ", ".join(t(f"compare.measure.{m}", lang) for m in leader["ahead_on"])
        lines.append(t("compare.ahead_on", lang, measures=measures))
    return lines


def gap_line(rank: int, item: GapDomain, lang: str) -> str:
    flags = [t("compare.flag.dofollow", lang)] if item.dofollow else []
    if item.editorial:
        flags.append(t("compare.flag.editorial", lang))
    if item.was_linking:
        flags.append(t("compare.flag.was_linking", lang))
    return t(
        "compare.gap.line",
        lang,
        rank=rank,
        domain=_d(item.domain),
        links_to=", ".join(map(_d, item.links_to)),
        pages=item.pages,
        pages_text=tn("compare.gap.pages", lang, item.pages),
        flags=("; " + ", ".join(flags)) if flags else "",
        authority=authority_text(item.authority, lang),
    )


def gap_lines(
    site: str,
    competitors: Sequence[str],
    items: Sequence[GapDomain],
    lang: str,
    *,
    limit: int = 20,
    slack: bool = False,
    unchecked: Sequence[str] = (),
) -> list[str]:
    """The gap, best first; ``unchecked`` competitors (never checked) are named instead of being
    silently counted as having no links."""
    comps = ", ".join(map(_d, competitors))
    note = [not_checked_line(unchecked, lang, cmd="/backlinks" if slack else "backlinks")] if unchecked else []
    if not items:
        if note and len(unchecked) == len(competitors):
            return note
        return note + [t("compare.gap.none", lang, site=_d(site), competitors=", ".join(_d(c) for c in competitors if c not in unchecked))]
    lines = note + [tn("compare.gap.head", lang, len(items), site=_d(site), competitors=comps)]
    lines += [gap_line(i, item, lang) for i, item in enumerate(items[:limit], start=1)]
    if len(items) > limit:
        lines.append(t("compare.gap.more_slack" if slack else "compare.gap.more", lang, count=len(items) - limit))
    return lines


def anchor_lines(site: str, profile: AnchorProfile, brands: Sequence[str], keywords: Sequence[str], lang: str, *,
                 slack: bool = False) -> list[str]:
    if profile.total == 0:
        return [t("compare.anchors.none", lang, site=_d(site))]
    lines = [tn("compare.anchors.head", lang, profile.total, site=_d(site), total=profile.total)]
    rows = [[t(f"compare.anchor.{c.value}", lang), str(profile.counts.get(c.value, 0)), pct(profile.shares.get(c.value, 0.0))] for c in AnchorClass]
    lines += ["  " + r for r in table(rows)]
    lines.append(
        t(
            "compare.anchors.terms",
            lang,
            brands=", ".join(brands) or "-",
            keywords=", ".join(keywords)
            or (t("compare.anchors.no_keywords_slack", lang, site=_d(site)) if slack else t("compare.anchors.no_keywords", lang)),
        )
    )
    lines.append(t("compare.anchors.top", lang))
    lines += [f"  {n:>5}  {phrase[:60]}  ({t(f'compare.anchor.{cls}', lang)})" for phrase, n, cls in profile.top]
    lines += warning_lines(profile, lang)
    return lines


def warning_lines(profile: AnchorProfile, lang: str) -> list[str]:
    if profile.total < MIN_LINKS_FOR_WARNING:
        return [t("compare.anchors.too_few", lang, min=MIN_LINKS_FOR_WARNING)]
    if not profile.warnings:
        return [t("compare.anchors.natural", lang)]
    out = []
    for w in profile.warnings:
        key = f"compare.warn.{w.code}" + (".severe" if w.severity == "severe" else "")
        out.append(t(key, lang, phrase=w.phrase or "", share=pct(w.share)))
    return out


def reason_text(reason: Any, lang: str) -> str:
    code = reason.code
    params = dict(reason.params)
    if code.startswith("spam-"):
        category = t(f"compare.spam.{code[5:]}", lang)
        if params.get("niche"):
            return t("compare.reason.spam_niche", lang, category=category)
        return t("compare.reason.spam", lang, category=category, hits=params.get("hits", 0))
    if code == "foreign-script":
        params.setdefault("script", "?")
    if code == "sitewide" and "pages" not in params:
        return t("compare.reason.template-link", lang, placement=params.get("placement", "footer"))
    try:
        return t(f"compare.reason.{code}", lang, **params)
    except (KeyError, IndexError):
        return code


def toxic_line(d: Any, lang: str) -> str:
    reasons = "; ".join(f"{reason_text(r, lang)} (+{r.points})" for r in d.reasons if r.points or r.params.get("niche"))
    if d.verdict == "unknown" or (d.pages_read == 0 and d.unread):
        why = [w for w in d.unread if w != "not-read"]
        unread = t("compare.reason.unread", lang, why=", ".join(why)) if why else t("compare.reason.not_read", lang)
        reasons = "; ".join(x for x in (reasons, unread) if x)
    return t(
        "compare.toxic.line",
        lang,
        domain=_d(d.domain),
        score="?" if d.score is None else d.score,
        verdict=t(f"compare.verdict.{d.verdict}", lang),
        decision=t(f"compare.decision.{d.decision}", lang) if d.decision else "",
        reasons=reasons,
    ).rstrip()


def toxic_lines(report: Any, lang: str, *, limit: int = 30, show_clean: bool = False, cmd: str = "backlinks") -> list[str]:
    """Summary, the risky domains and the reminder; ``cmd`` is the command prefix shown in the reminder
    (``backlinks`` on the command line, ``/backlinks`` in Slack)."""
    if not report.domains:
        return [t("compare.toxic.none", lang, site=_d(report.site))]
    c = report.counts()
    lines = [tn("compare.toxic.head", lang, len(report.domains), site=_d(report.site), **c)]
    if report.niche:
        lines.append(t("compare.toxic.niche", lang, niche=", ".join(t(f"compare.spam.{n}", lang) if n in _SPAM else n for n in report.niche)))
    shown = [d for d in report.domains if show_clean or d.verdict != "clean"]
    lines += ["  " + toxic_line(d, lang) for d in shown[:limit]]
    hidden_clean = sum(1 for d in report.domains if d.verdict == "clean") if not show_clean else 0
    if hidden_clean:
        lines.append(tn("compare.toxic.clean_hidden", lang, hidden_clean))
    lines.append(t("compare.toxic.never_auto", lang, site=report.site, cmd=cmd))
    return lines


_SPAM = {"gambling", "pharma", "adult", "replica", "essay", "payday", "link-selling"}
