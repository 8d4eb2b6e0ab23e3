"""Slack subcommands ``compare``, ``gap``, ``anchors``, ``toxic`` (and ``toxic mark``) and ``disavow``.

Thin: parse, call the engine in :mod:`bot.compare` through the store thread, render with the texts of
:mod:`bot.texts.compare`. Tables go in a code block; long lists go into a CSV file; the comparison
chart is uploaded as a PNG. The toxicity scan reads pages, so it runs in the background.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, AsyncIterator

from slack_bolt.async_app import AsyncApp

from bot.domains import normalise_site
from bot.errors import BacklinksError
from bot.i18n import t
from bot.plural import tn
from bot.slack.app import AppContext
from bot.slack.blocks import error_message, escape, message
from handlers import router

log = logging.getLogger(__name__)

GAP_LINES = 10
TOXIC_BUTTONS = 12  # domains shown with Keep / Mark disavow buttons (2 blocks each; Slack allows 50)


def _sites(cmd: router.Command) -> tuple[str, list[str]]:
    site = normalise_site(router.unwrap(cmd.args[0]))
    comps = [normalise_site(router.unwrap(a)) for a in cmd.args[1:]]
    return site, comps


def _code(lines: list[str]) -> str:
    return "```\n" + "\n".join(lines) + "\n```"


async def _upload(cmd: router.Command, *, filename: str, content: bytes, title: str, comment: str) -> None:
    from handlers.export import upload_for

    await upload_for(cmd, filename=filename, content=content, title=title, comment=comment, private=True)


# ---------------------------------------------------------------- compare


async def compare(cmd: router.Command) -> None:
    if not cmd.args:
        await cmd.usage("slack.usage.compare")
        return
    from bot.compare.chart import chart_for
    from bot.compare.compare import compare_sites
    from bot.compare.render import compare_lines, gap_lines

    site, comps = _sites(cmd)
    comparison = await cmd.ctx.store.call(compare_sites, cmd.team_id, site, comps or None)
    lines = compare_lines(comparison, cmd.lang, cmd=router.COMMAND)
    # title, blank, table rows (header + one per site), blank, then leader and anchor lines
    n_table = 1 + len(comparison.sites)
    title, table, rest = lines[0], lines[2 : 2 + n_table], lines[3 + n_table :]
    unchecked = [c for c in comparison.competitors if c in comparison.unchecked]
    gap = gap_lines(comparison.site, comparison.competitors, comparison.gap, cmd.lang, limit=5, slack=True, unchecked=unchecked)
    await cmd.reply(message(f"*{escape(title)}*", _code(table), escape("\n".join(rest)), escape("\n".join(gap))))
    png = await asyncio.to_thread(chart_for, comparison)
    await _upload(
        cmd,
        filename=f"compare-{comparison.site}.png",
        content=png,
        title=t("compare.chart_title", cmd.lang, site=comparison.site),
        comment=t("compare.slack.chart_comment", cmd.lang),
    )


# ---------------------------------------------------------------- gap


async def gap(cmd: router.Command) -> None:
    if not cmd.args:
        await cmd.usage("compare.usage.gap")
        return
    from bot.compare.gap import gap_csv, gap_report
    from bot.compare.render import gap_lines

    site, comps = _sites(cmd)
    report = await cmd.ctx.store.call(gap_report, cmd.team_id, site, comps or None)
    site, comps, items = report.site, report.competitors, report.items
    lines = gap_lines(site, comps, items, cmd.lang, limit=GAP_LINES, slack=True, unchecked=report.unchecked)
    await cmd.reply(message(escape("\n".join(lines))))
    if items:
        await _upload(
            cmd,
            filename=f"outreach-{site}.csv",
            content=gap_csv(items).encode("utf-8"),
            title=t("compare.slack.csv_title", cmd.lang, site=site),
            comment=tn("compare.gap.head", cmd.lang, len(items), site=site, competitors=", ".join(comps)),
        )


# ---------------------------------------------------------------- anchors

_TERM_WORDS = {
    "brand": "brands", "brands": "brands", "merk": "brands", "merken": "brands", "merknaam": "brands", "merknamen": "brands",
    "keyword": "keywords", "keywords": "keywords", "zoekwoord": "keywords", "zoekwoorden": "keywords",
}


def parse_terms(words: list[str]) -> dict[str, list[str]]:
    """``keywords beste bakker utrecht, taart bestellen brands Jansen`` -> lists per kind (comma-separated)."""
    out: dict[str, list[str]] = {}
    current: str | None = None
    buffer: list[str] = []

    def flush() -> None:
        if current is not None:
            out[current] = [p.strip() for p in " ".join(buffer).split(",") if p.strip()]

    for word in words:
        kind = _TERM_WORDS.get(word.lower().rstrip(":="))
        if kind is not None:
            flush()
            current, buffer = kind, []
        elif current is not None:
            buffer.append(word)
    flush()
    return out


async def anchors(cmd: router.Command) -> None:
    if not cmd.args:
        await cmd.usage("compare.usage.anchors")
        return
    from bot.compare.anchors import anchors_for
    from bot.compare.render import anchor_lines

    site = normalise_site(router.unwrap(cmd.args[0]))
    terms = parse_terms([router.unwrap(a) for a in cmd.args[1:]])
    result = await cmd.ctx.store.call(anchors_for, cmd.team_id, site, brands=terms.get("brands"), keywords=terms.get("keywords"))
    lines = anchor_lines(result.site, result.profile, result.brands, result.keywords, cmd.lang, slack=True)
    saved = [t("compare.slack.terms_saved", cmd.lang, site=result.site)] if terms else []
    await cmd.reply(anchors_message(saved + lines, len(saved), len(result.profile.top) if result.profile.total else -1))


def _code_block(lines: list[str], limit: int = 2900) -> str:
    """Escaped lines in a code block (a monospace font keeps the columns aligned), cut to fit a section."""
    kept: list[str] = []
    for line in lines:
        if len(_code(kept + [escape(line)])) > limit:
            kept.append("…")
            break
        kept.append(escape(line))
    return _code(kept)


def anchors_message(lines: list[str], skip: int, n_top: int) -> Any:
    """``anchor_lines`` output (after ``skip`` leading lines) with the class table and the top anchors
    each in a code block, every paragraph its own section (a code block is never split); ``n_top`` < 0:
    no profile (one sentence)."""
    from bot.compare.anchors import AnchorClass
    from bot.slack.blocks import Message, section

    if n_top < 0:
        return message(escape("\n".join(lines)))
    head, n_cls = lines[: skip + 1], len(AnchorClass)
    table = lines[skip + 1 : skip + 1 + n_cls]
    terms, top_head = lines[skip + 1 + n_cls], lines[skip + 2 + n_cls]
    top = lines[skip + 3 + n_cls : skip + 3 + n_cls + n_top]
    rest = lines[skip + 3 + n_cls + n_top :]
    paragraphs = [escape("\n".join(head)), _code_block([l[2:] if l.startswith("  ") else l for l in table]),
                  escape(terms) + "\n" + escape(top_head)]
    if top:
        paragraphs.append(_code_block([l[2:] if l.startswith("  ") else l for l in top]))
    if rest:
        paragraphs.append(escape("\n".join(rest)))
    from bot.slack.blocks import clip

    return Message(text=clip(escape(head[-1]), 2900), blocks=[section(p) for p in paragraphs if p.strip()])


# ---------------------------------------------------------------- toxic


@contextlib.asynccontextmanager
async def _borrowed(fetcher: Any) -> AsyncIterator[Any]:
    """The app's shared fetcher as an async context manager that does not close it."""
    yield fetcher


async def toxic(cmd: router.Command) -> None:
    if not cmd.args:
        await cmd.usage("compare.usage.toxic")
        return
    if cmd.args[0].lower() in ("mark", "markeer"):
        await toxic_mark(cmd)
        return
    if len(cmd.args) != 1:
        await cmd.usage("compare.usage.toxic")
        return
    site = normalise_site(router.unwrap(cmd.args[0]))
    from storage.sites import require_site

    await cmd.ctx.store.call(require_site, cmd.team_id, site)  # a clear error now, not from the background
    await cmd.reply(message(t("compare.slack.scanning", cmd.lang, site=escape(site))))
    cmd.ctx.spawn(_scan(cmd, site), name=f"toxic:{cmd.team_id}:{site}")


async def _scan(cmd: router.Command, site: str) -> None:
    from bot.compare.render import toxic_lines
    from bot.compare.toxic import toxic_scan

    try:
        fetcher = await cmd.ctx.get_fetcher()
        report = await toxic_scan(cmd.ctx.store, cmd.team_id, site, open_fetcher_fn=lambda: _borrowed(fetcher))
        await cmd.reply(toxic_message(report, cmd.lang))
        risky = [d for d in report.domains if d.verdict != "clean"]
        if len(risky) > TOXIC_BUTTONS:
            await _upload(
                cmd,
                filename=f"toxic-{report.site}.csv",
                content=toxic_csv(report, cmd.lang).encode("utf-8"),
                title=t("compare.slack.toxic_csv_title", cmd.lang, site=report.site),
                comment=t("compare.slack.toxic_more", cmd.lang, count=len(risky) - TOXIC_BUTTONS),
            )
    except BacklinksError as err:
        await cmd.reply(error_message(err, cmd.lang))
    except Exception:
        log.exception("toxic scan of %s failed", site)
        await cmd.reply(message(t("slack.internal_error", cmd.lang)))


def toxic_message(report: Any, lang: str) -> Any:
    """Summary, then each risky (or unknown) domain with Keep / Mark disavow buttons, then the reminder
    that nothing happens automatically."""
    from bot.compare.render import toxic_line, toxic_lines
    from bot.slack.blocks import Message, actions, button, context, sections

    lines = toxic_lines(report, lang, limit=0, cmd=router.COMMAND)
    if not report.domains:
        return message(escape(lines[0]))
    summary, reminder = lines[:-1], lines[-1]
    blocks: list[Any] = sections(escape("\n".join(l for l in summary if l.strip())))
    risky = [d for d in report.domains if d.verdict != "clean"]
    for d in risky[:TOXIC_BUTTONS]:
        blocks += sections(escape(toxic_line(d, lang)))
        value = f"{report.site} {d.domain}"
        blocks.append(
            actions(
                button(t("compare.button.keep", lang), "toxic_keep", value),
                button(t("compare.button.disavow", lang), "toxic_disavow", value, style="danger"),
            )
        )
    blocks.append(context(escape(reminder)))
    return Message(text=escape(summary[0]), blocks=blocks)


def toxic_csv(report: Any, lang: str) -> str:
    import csv
    import io

    from bot.compare.render import reason_text

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["domain", "score", "verdict", "decision", "pages", "pages_read", "reasons"])
    for d in report.domains:
        reasons = "; ".join(f"{reason_text(r, lang)} (+{r.points})" for r in d.reasons)
        writer.writerow([d.domain, "" if d.score is None else d.score, d.verdict, d.decision or "", d.pages, d.pages_read, reasons])
    return out.getvalue()


async def mark_from_button(cmd: router.Command, value: str, decision: str) -> None:
    from bot.compare.toxic import referring_domain
    from storage import compare_repo
    from storage.sites import require_site

    site_domain, _, domain = (value or "").partition(" ")

    def mark(db: Any) -> Any:
        site = require_site(db, cmd.team_id, normalise_site(site_domain))
        return compare_repo.mark_domain(db, cmd.team_id, site.id, referring_domain(domain), decision, decided_by=cmd.user_id)

    saved = await cmd.ctx.store.call(mark)
    await cmd.reply(message(t("compare.mark.saved", cmd.lang, domain=escape(saved.domain), decision=saved.decision, site=escape(site_domain))))


async def toxic_mark(cmd: router.Command) -> None:
    """``toxic mark SITE DOMAIN keep|disavow [force] [reason ...]``."""
    force = any(a.lower() in ("--force", "—force") for a in cmd.args)  # Slack may turn -- into an em dash
    args = [a for a in cmd.args[1:] if a.lower() not in ("--force", "—force")]
    if any(a.lower() in ("force", "forceer") for a in args[3:]):  # the Slack way: the plain word after the decision
        force = True
        args = args[:3] + [a for a in args[3:] if a.lower() not in ("force", "forceer")]
    decision = args[2].lower() if len(args) >= 3 else ""
    decision = {"behouden": "keep", "houden": "keep", "afwijzen": "disavow"}.get(decision, decision)
    if len(args) < 3 or decision not in ("keep", "disavow"):
        await cmd.usage("compare.usage.toxic")
        return
    from bot.compare.toxic import mark_decision

    site_domain = normalise_site(router.unwrap(args[0]))
    domain = router.unwrap(args[1])
    reason = " ".join(router.unwrap(a) for a in args[3:]) or None

    def mark(db: Any) -> Any:
        return mark_decision(db, cmd.team_id, site_domain, domain, decision, reason=reason, decided_by=cmd.user_id, force=force)[1]

    saved = await cmd.ctx.store.call(mark)
    await cmd.reply(message(t("compare.mark.saved", cmd.lang, domain=escape(saved.domain), decision=saved.decision, site=escape(site_domain))))


# ---------------------------------------------------------------- disavow


async def disavow(cmd: router.Command) -> None:
    if len(cmd.args) != 1:
        await cmd.usage("compare.usage.disavow")
        return
    from bot.compare.disavow import disavow_for

    site = normalise_site(router.unwrap(cmd.args[0]))
    text, count = await cmd.ctx.store.call(disavow_for, cmd.team_id, site)
    await _upload(
        cmd,
        filename=f"disavow-{site}.txt",
        content=text.encode("utf-8"),
        title=f"disavow-{site}.txt",
        comment=tn("compare.disavow.slack", cmd.lang, count, site=site),
    )


def register(app: AsyncApp, ctx: AppContext) -> None:
    from handlers.check import command_from_action, run_action
    router.register("compare", compare, usage_key="slack.usage.compare", aliases=("vergelijk",))
    router.register("gap", gap, usage_key="compare.usage.gap", aliases=("linkgat",))
    router.register("anchors", anchors, usage_key="compare.usage.anchors", aliases=("ankers", "ankerteksten"))
    router.register("toxic", toxic, usage_key="compare.usage.toxic", aliases=("toxisch",))
    router.register("disavow", disavow, usage_key="compare.usage.disavow")

    for decision in ("keep", "disavow"):

        def listener(decision: str = decision) -> Any:
            async def on_mark(ack: Any, body: dict[str, Any], action: dict[str, Any], client: Any, respond: Any, context: Any) -> None:
                await ack()
                cmd = await command_from_action(ctx, body, client, respond, context)
                await run_action(cmd, mark_from_button(cmd, action.get("value") or "", decision))

            return on_mark

        app.action(f"toxic_{decision}")(listener())
