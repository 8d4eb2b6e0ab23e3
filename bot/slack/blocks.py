"""Block Kit builders: pure functions from engine data to Slack messages and views.

Everything is built with slack_sdk's block classes, whose ``to_dict()`` validates Slack's limits;
on top of that a message never holds more than 50 blocks (100 in App Home) and a section's text never
exceeds 3000 characters: long text is split over sections, long lists are cut with a note (the full
detail goes into a CSV file). Every message carries a plain ``text`` fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.blocks.block_elements import FileInputElement
from slack_sdk.models.views import View

from bot.i18n import t
from bot.plural import tn

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_TEXT = 3000  # chat.postMessage truncates text at 40k; keep notifications short


@dataclass
class Message:
    """A Slack message: fallback ``text`` plus blocks (slack_sdk objects)."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        """``{"text", "blocks"}`` ready for chat.postMessage / chat.update / respond (validated)."""
        blocks = fit_blocks(self.blocks, MAX_MESSAGE_BLOCKS)
        return {"text": clip(self.text, MAX_FALLBACK_TEXT), "blocks": [b.to_dict() for b in blocks]}


# ---------------------------------------------------------------- small pieces


def escape(text: str) -> str:
    """Escape user or web text for mrkdwn (``&``, ``<``, ``>``)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def site_text(domain: str) -> str:
    """A site as people read it in mrkdwn: unicode for IDN (``xn--bcher-kva.de`` -> ``bücher.de``), escaped."""
    from bot.domains import display_domain

    return escape(display_domain(str(domain)))


def clip(text: str, limit: int) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"


def sections(text: str, limit: int = MAX_SECTION_TEXT) -> list[SectionBlock]:
    """``text`` as one or more mrkdwn sections of at most ``limit`` characters, split at line ends."""
    chunks: list[str] = []
    current = ""
    for line in str(text).split("\n"):
        while len(line) > limit:  # one very long line: hard split
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        chunks.append(current)
    return [SectionBlock(text=MarkdownTextObject(text=c)) for c in chunks if c.strip()]


def section(text: str) -> SectionBlock:
    """One section; text longer than the limit is clipped (use :func:`sections` to keep it all)."""
    return SectionBlock(text=MarkdownTextObject(text=clip(text, MAX_SECTION_TEXT)))


def header(text: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=clip(text, MAX_HEADER_TEXT), emoji=True))


def context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=clip(text, MAX_SECTION_TEXT))])


def confirm_dialog(title: str, text: str, confirm: str, deny: str, *, danger: bool = True) -> ConfirmObject:
    """A Block Kit ``confirm`` object: Slack asks "are you sure?" before the button's action is sent."""
    return ConfirmObject(
        title=clip(title, 100), text=MarkdownTextObject(text=clip(text, 300)), confirm=clip(confirm, 30),
        deny=clip(deny, 30), style="danger" if danger else None,
    )


def button(text: str, action_id: str, value: str = "", *, style: str | None = None, confirm: ConfirmObject | None = None) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=clip(text, MAX_BUTTON_TEXT), emoji=True),
        action_id=action_id,
        value=clip(value, MAX_BUTTON_VALUE) if value else None,
        style=style,
        confirm=confirm,
    )


UNTRACK_CONFIRM = "untrack_confirm"
UNTRACK_CANCEL = "untrack_cancel"


def untrack_question(lang: str, domain: str, backlinks: int) -> Message:
    """``untrack`` asks first: it deletes the site's backlinks and their whole check history. The red
    button has a confirm dialog too (a second "are you sure?" from Slack itself)."""
    text = tn("slack.untrack.ask", lang, backlinks, domain=site_text(domain))
    dialog = confirm_dialog(
        t("slack.untrack.confirm_title", lang),
        tn("slack.untrack.confirm_text", lang, backlinks, domain=site_text(domain)),
        t("slack.untrack.confirm_yes", lang),
        t("slack.untrack.confirm_no", lang),
    )
    blocks: list[Block] = sections(text)
    blocks.append(actions(
        button(t("slack.untrack.button", lang), UNTRACK_CONFIRM, domain, style="danger", confirm=dialog),
        button(t("slack.untrack.keep", lang), UNTRACK_CANCEL, domain),
    ))
    return Message(text=text, blocks=blocks)


def actions(*elements: ButtonElement, block_id: str | None = None) -> ActionsBlock:
    return ActionsBlock(elements=list(elements)[:25], block_id=block_id)


def fit_blocks(blocks: Sequence[Block], limit: int, note: str | None = None) -> list[Block]:
    """At most ``limit`` blocks; when cut, the last one says so (``note`` or a plain "…")."""
    blocks = list(blocks)
    if len(blocks) <= limit:
        return blocks
    return blocks[: limit - 1] + [context(note or "…")]


def message(text: str, *more: str) -> Message:
    """A plain message: ``text`` (and more paragraphs) as sections, with ``text`` as fallback."""
    body = "\n\n".join((text,) + more)
    return Message(text=text, blocks=sections(body))


# ---------------------------------------------------------------- errors

SLASH_COMMAND = "/backlinks"
MAX_ERROR_TEXT = 600  # an error that echoes a 5000-character argument is cut

# Parameters of keyed error texts that name command syntax: the raiser fills them for the command line
# (``backlinks``, ``--competitor-of``); Slack shows its own syntax. Only parameters the error has are set,
# except ``cmd``, which every keyed error gets.
SLACK_SYNTAX = {"cmd": SLASH_COMMAND, "competitor_of": "competitor-of", "force": "`force`"}


def error_text(err: Exception, lang: str | None) -> str:
    """The sentence of a :class:`bot.errors.BacklinksError` for Slack: in ``lang`` when the error has a
    text key, with Slack command syntax (``/backlinks track rival.nl competitor-of mysite.nl``), escaped
    for mrkdwn and cut to a readable length."""
    key = getattr(err, "key", None)
    params = getattr(err, "params", None)
    if key is not None and isinstance(params, dict):
        for name, value in SLACK_SYNTAX.items():
            if name == "cmd" or name in params:
                params[name] = value
    text_of = getattr(err, "text", None)
    try:
        text = text_of(lang) if callable(text_of) else str(err)
    except (KeyError, IndexError, ValueError):  # a text that needs a parameter the raiser did not give
        text = str(err)
    return escape(clip(text, MAX_ERROR_TEXT))


def error_message(err: Exception, lang: str | None) -> Message:
    """``:warning: <sentence>`` as a message (see :func:`error_text`)."""
    return message(t("slack.error", lang, message=error_text(err, lang)))


# ---------------------------------------------------------------- help


def help_message(lang: str, usages: Iterable[str]) -> Message:
    lines = "\n".join(f"• {u}" for u in usages)
    blocks: list[Block] = [header(t("slack.help.title", lang))]
    blocks += sections(t("slack.help.intro", lang) + "\n\n" + lines)
    blocks.append(context(t("slack.help.footer", lang)))
    return Message(text=t("slack.help.title", lang), blocks=blocks)


# ---------------------------------------------------------------- sites


def sites_message(lang: str, rows: Sequence[dict[str, Any]]) -> Message:
    """``rows``: ``{"domain", "role", "channel_id", "live", "lost", "referring_domains", "last_check_at"}``."""
    return sites_listing(lang, rows)[0]


def sites_listing(lang: str, rows: Sequence[dict[str, Any]]) -> tuple[Message, int]:
    """The sites message, several sites to a section so hundreds fit in one message, and how many sites
    did not fit (the message then ends with a note saying so; the caller sends them all as a CSV file)."""
    if not rows:
        return message(t("slack.sites.none", lang)), 0
    title = t("slack.sites.title", lang, count=len(rows))
    room = MAX_MESSAGE_BLOCKS - 2  # sections between the header and a possible note
    chunks: list[str] = []
    current, shown = "", 0
    for row in rows:
        line = clip(site_line(lang, row), MAX_SECTION_TEXT)
        candidate = f"{current}\n\n{line}" if current else line
        if len(candidate) <= MAX_SECTION_TEXT:
            current = candidate
        elif len(chunks) + 1 < room:
            chunks.append(current)
            current = line
        else:
            break
        shown += 1
    chunks.append(current)
    blocks: list[Block] = [header(title)] + [section(c) for c in chunks]
    hidden = len(rows) - shown
    if hidden:
        blocks.append(context(tn("slack.sites.more", lang, hidden)))
    return Message(text=title, blocks=blocks), hidden


def site_line(lang: str, row: dict[str, Any]) -> str:
    role = t("slack.sites.competitor", lang) if row.get("role") == "competitor" else ""
    channel = f" → <#{row['channel_id']}>" if row.get("channel_id") else ""
    last = row.get("last_check_at") or t("slack.sites.never", lang)
    return t(
        "slack.sites.line", lang,
        domain=site_text(row["domain"]), role=role, channel=channel, lost=row.get("lost", 0),
        live_links=tn("slack.count.live_links", lang, row.get("live", 0)),
        sites=tn("slack.count.sites", lang, row.get("referring_domains", 0)), last=str(last)[:16].replace("T", " "),
    )


# ---------------------------------------------------------------- check


def check_progress(lang: str, domain: str, done: int, total: int) -> Message:
    if total:
        text = t("slack.check.progress", lang, domain=domain, done=done, total=total, pct=int(100 * done / max(total, 1)))
    else:
        text = t("slack.check.starting", lang, domain=domain)
    return Message(text=text, blocks=[section(text)])


REASON_ORDER = {
    "link-removed": 0, "no-link-found": 0, "page-not-found": 1, "redirected": 2, "noindex": 3, "canonical-elsewhere": 4,
    "server-error": 5, "unreachable": 6, "blocked": 7,
}


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key reading numbers as numbers: ``/m2`` before ``/m10`` (as text ``m10`` sorts before ``m2``)."""
    parts = re.split(r"(\d+)", str(text).lower())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def lost_priority(link: dict[str, Any]) -> tuple[Any, ...]:
    """Most important first: links that counted (dofollow, in the text), then by how sure the loss is,
    then by address in natural order."""
    return (
        0 if link.get("follow") or link.get("kind") == "dofollow" else 1,
        0 if link.get("placement") == "content" else 1,
        REASON_ORDER.get(str(link.get("reason") or ""), 9),
        natural_key(str(link.get("source_url") or "")),
    )


def reason_words(lang: str, reason: str | None) -> str:
    key = f"slack.reason.{reason}" if reason else "slack.reason.unknown"
    try:
        return t(key, lang)
    except KeyError:
        return t("slack.reason.unknown", lang)


def change_words(lang: str, change: str) -> str:
    try:
        return t(f"slack.change.{change}", lang)
    except KeyError:
        return change


def mrkdwn_link(url: str, label: str | None = None, limit: int = 120) -> str:
    """A mrkdwn link to ``url`` whose text is ``label`` (default: the URL, clipped)."""
    target = escape(url).replace("|", "%7C")
    if label is None:
        label = re.sub(r"^https?://(www\.)?", "", url, flags=re.I).rstrip("/") or url
    return f"<{target}|{escape(clip(label, limit))}>"


def never_seen(link: dict[str, Any]) -> bool:
    """True when no check ever saw a link to the site on this page (so nothing was *removed*).

    A stored backlink keeps the last-seen ``kind`` and ``last_live_at``; a check report's ``target_url``
    is the link found now or the last one seen (None when none ever was)."""
    if link.get("kind") is not None:
        return False
    if "last_live_at" in link:
        return not link.get("last_live_at")
    return not link.get("target_url")


def link_reason(link: dict[str, Any]) -> str | None:
    """The reason code shown for a link: ``link-removed`` reads ``no-link-found`` for a page that never linked."""
    reason = link.get("reason")
    if reason == "link-removed" and never_seen(link):
        return "no-link-found"
    return str(reason) if reason else None


def link_line(lang: str, link: dict[str, Any]) -> str:
    url = str(link.get("source_url") or "")
    anchor = str(link.get("anchor") or "").strip()
    said = f" (“{escape(clip(anchor, 60))}”)" if anchor else ""
    return f"• {mrkdwn_link(url)}{said}: {reason_words(lang, link_reason(link))}"


def check_result(lang: str, report: dict[str, Any], *, events: dict[str, int] | None = None, max_lost: int = 10,
                 max_changes: int = 5, requested_by: str | None = None) -> tuple[Message, bool]:
    """The result of ``check SITE`` (``report`` = ``CheckReport.to_json()``, ``events`` = counts of
    ``appeared``/``lost``/``returned``/change events this check recorded).

    Returns the message and whether the full detail did not fit (so a CSV should be attached).
    """
    domain = str(report.get("site") or "")
    links: list[dict[str, Any]] = list(report.get("links") or [])
    counts = {k: int(report.get(k) or 0) for k in ("checked", "live", "missing", "lost", "blocked")}
    summary = t("slack.check.summary", lang, domain=site_text(domain), **counts)
    blocks: list[Block] = [header(t("slack.check.title", lang, domain=domain)), section(summary)]
    events = events or {}
    if events.get("appeared") or events.get("lost") or events.get("returned"):
        blocks.append(section(t("slack.check.since_last", lang, appeared=events.get("appeared", 0),
                                lost=events.get("lost", 0), returned=events.get("returned", 0))))

    lost = sorted((l for l in links if l.get("status") == "lost"), key=lost_priority)
    changed = [l for l in links if l.get("changes")]
    truncated = False
    if lost:
        shown = lost[:max_lost]
        text = t("slack.check.lost_title", lang, count=len(lost)) + "\n" + "\n".join(link_line(lang, l) for l in shown)
        if len(lost) > len(shown):
            truncated = True
            text += "\n" + t("slack.more_in_csv", lang, count=len(lost) - len(shown))
        blocks += sections(text)
    if changed:
        lines = []
        for l in changed[:max_changes]:
            url = str(l.get("source_url") or "")
            words = ", ".join(change_words(lang, c) for c in l.get("changes") or [])
            lines.append(f"• {mrkdwn_link(url)}: {words}")
        text = t("slack.check.changes_title", lang, count=len(changed)) + "\n" + "\n".join(lines)
        if len(changed) > max_changes:
            truncated = True
            text += "\n" + t("slack.more_in_csv", lang, count=len(changed) - max_changes)
        blocks += sections(text)
    if not counts["checked"] and not links:
        blocks.append(section(t("slack.check.no_links", lang, domain=site_text(domain))))
    else:
        if counts["missing"]:
            blocks.append(section(tn("slack.check.missing_note", lang, counts["missing"])))
        elif not lost and not changed:
            blocks.append(section(t("slack.check.nothing_changed", lang)))
    if counts["blocked"]:
        blocks.append(context(tn("slack.check.blocked_note", lang, counts["blocked"])))
    if requested_by:
        blocks.append(context(t("slack.check.requested_by", lang, user=requested_by)))
    blocks.append(actions(
        button(t("slack.button.recheck", lang), "check_recheck", domain),
        button(t("slack.button.show_lost", lang), "check_show_lost", domain),
        button(t("slack.button.export", lang), "check_export", domain),
    ))
    if len(blocks) > MAX_MESSAGE_BLOCKS:
        truncated = True
        blocks = blocks[: MAX_MESSAGE_BLOCKS - 2] + [context(t("slack.more_in_csv_plain", lang))] + [blocks[-1]]
    fallback = t("slack.check.fallback", lang, domain=domain, **counts)
    return Message(text=fallback, blocks=blocks), truncated


def lost_links_message(lang: str, domain: str, links: Sequence[dict[str, Any]], *, limit: int = 30) -> tuple[Message, bool]:
    """The lost links of a site, most important first; True when not all fit (attach a CSV)."""
    if not links:
        return message(t("slack.lost.none", lang, domain=domain)), False
    ordered = sorted(links, key=lost_priority)
    text = t("slack.lost.title", lang, domain=site_text(domain), count=len(ordered)) + "\n"
    text += "\n".join(link_line(lang, l) for l in ordered[:limit])
    truncated = len(ordered) > limit
    if truncated:
        text += "\n" + t("slack.more_in_csv", lang, count=len(ordered) - limit)
    blocks = fit_blocks(sections(text), MAX_MESSAGE_BLOCKS)
    return Message(text=t("slack.lost.title", lang, domain=domain, count=len(ordered)), blocks=blocks), truncated


def inspect_message(lang: str, url: str, final_url: str | None, status: int | None, error: str | None,
                    links: Sequence[dict[str, Any]], page: dict[str, Any], targets: Sequence[str], *, limit: int = 20) -> Message:
    """``check URL``: the links one page has to the workspace's tracked sites."""
    if error:
        text = t("slack.inspect.error", lang, url=escape(url), reason=reason_words(lang, error))
        return message(text)
    head = tn("slack.inspect.title", lang, len(links), url=escape(url))
    notes = []
    if final_url and final_url != url:
        notes.append(t("slack.inspect.redirected", lang, final=escape(final_url)))
    if page.get("noindex"):
        notes.append(t("slack.inspect.noindex", lang))
    if page.get("nofollow"):
        notes.append(t("slack.inspect.page_nofollow", lang))
    if not targets:
        notes.append(t("slack.inspect.no_sites", lang))
    lines = []
    for l in links[:limit]:
        kind = l.get("kind")
        follow = t("slack.inspect.follow", lang) if l.get("follow") else t("slack.inspect.nofollow", lang)
        lines.append(t("slack.inspect.link", lang, href=escape(clip(str(l.get("href")), 200)), anchor=escape(clip(str(l.get("anchor") or "—"), 100)),
                       kind=kind, follow=follow, placement=t(f"slack.placement.{l.get('placement')}", lang)))
    if len(links) > limit:
        lines.append(t("slack.more_plain", lang, count=len(links) - limit))
    if targets and not links:
        lines.append(t("slack.inspect.none", lang, sites=", ".join(targets)))
    body = head + ("\n" + "\n".join(notes) if notes else "") + ("\n\n" + "\n".join(lines) if lines else "")
    return Message(text=head, blocks=fit_blocks(sections(body), MAX_MESSAGE_BLOCKS))


# ---------------------------------------------------------------- import


def format_words(lang: str, fmt: str) -> str:
    """The export format as people call it (``list`` -> "URL list" / "URL-lijst")."""
    try:
        return t(f"slack.import.format.{fmt}", lang)
    except KeyError:
        return fmt


def rejected_line(lang: str, line: int | None, reason: str) -> str:
    """One rejected row: with its line number when known (rows the store refused may have none)."""
    reason = escape(clip(reason, 200))
    if line:
        return t("slack.import.rejected_line", lang, line=line, reason=reason)
    return t("slack.import.rejected_row", lang, reason=reason)


def import_result(lang: str, domain: str, fmt: str, rows_read: int, added: int, merged: int,
                  rejected: Sequence[tuple[int | None, str]], *, limit: int = 10) -> Message:
    text = t("slack.import.done", lang, domain=site_text(domain), format=format_words(lang, fmt), rows=rows_read, added=added,
             merged=merged, rejected=len(rejected))
    if rejected:
        text += "\n" + t("slack.import.rejected_title", lang) + "\n"
        text += "\n".join(rejected_line(lang, line, reason) for line, reason in rejected[:limit])
        if len(rejected) > limit:
            text += "\n" + t("slack.more_plain", lang, count=len(rejected) - limit)
    text += "\n" + t("slack.import.next", lang, domain=domain)
    return Message(text=tn("slack.import.done_short", lang, added, domain=domain, added=added), blocks=fit_blocks(sections(text), MAX_MESSAGE_BLOCKS))


IMPORT_CALLBACK = "backlinks_import"
IMPORT_FILE_BLOCK = "import_file"
IMPORT_FILE_ACTION = "file"


def import_modal(lang: str, domain: str) -> View:
    """The modal with a file input for ``import SITE``; the domain travels in private_metadata."""
    return View(
        type="modal",
        callback_id=IMPORT_CALLBACK,
        private_metadata=domain,
        title=PlainTextObject(text=clip(t("slack.import.modal_title", lang), 24)),
        submit=PlainTextObject(text=clip(t("slack.import.modal_submit", lang), 24)),
        close=PlainTextObject(text=clip(t("slack.import.modal_close", lang), 24)),
        blocks=[
            section(t("slack.import.modal_intro", lang, domain=site_text(domain))),
            InputBlock(
                block_id=IMPORT_FILE_BLOCK,
                label=PlainTextObject(text=t("slack.import.modal_label", lang)),
                element=FileInputElement(action_id=IMPORT_FILE_ACTION, filetypes=["csv", "txt", "tsv"], max_files=1),
            ),
        ],
    )


# ---------------------------------------------------------------- App Home


def home_view(lang: str, rows: Sequence[dict[str, Any]]) -> View:
    """App Home: tracked sites with live links, referring domains, lost this week and last check."""
    blocks: list[Block] = [header(t("slack.home.title", lang))]
    if not rows:
        blocks += sections(t("slack.home.empty", lang))
    per_site = 3
    room = (MAX_VIEW_BLOCKS - 4) // per_site
    for row in rows[:room]:
        last = row.get("last_check_at")
        last_text = str(last)[:16].replace("T", " ") if last else t("slack.sites.never", lang)
        role = t("slack.sites.competitor", lang) if row.get("role") == "competitor" else ""
        blocks.append(section(t(
            "slack.home.site", lang, domain=site_text(row["domain"]), role=role,
            links=tn("slack.home.live_links", lang, int(row.get("live") or 0)),
            sites=tn("slack.home.from_sites", lang, int(row.get("referring_domains") or 0)),
            lost_week=row.get("lost_this_week", 0), lost=row.get("lost", 0),
            blocked=row.get("blocked", 0), last=last_text,
        )))
        blocks.append(actions(
            button(t("slack.button.check_now", lang), "check_recheck", row["domain"], style="primary"),
            button(t("slack.button.show_lost", lang), "check_show_lost", row["domain"]),
            button(t("slack.button.export", lang), "check_export", row["domain"]),
            button(t("slack.button.import", lang), "import_open", row["domain"]),
        ))
        blocks.append(DividerBlock())
    if len(rows) > room:
        blocks.append(context(tn("slack.home.more", lang, len(rows) - room)))
    blocks.append(context(t("slack.home.footer", lang)))
    return View(type="home", blocks=fit_blocks(blocks, MAX_VIEW_BLOCKS))


# ---------------------------------------------------------------- FAQ


def faq_message(lang: str, answered: bool, answer: str, related: Sequence[tuple[str, str]], command_hint: str | None,
                more: str | None = None) -> Message:
    blocks: list[Block] = sections(answer)
    if more:
        blocks += sections(more)
    if command_hint:
        blocks.append(context(t("slack.faq.hint", lang, command=command_hint)))
    if related:
        blocks.append(context(t("slack.faq.related", lang)))
        blocks.append(actions(*[button(title, f"faq_related_{i}", topic) for i, (topic, title) in enumerate(related[:5])]))
    return Message(text=clip(answer, 300), blocks=fit_blocks(blocks, MAX_MESSAGE_BLOCKS))
