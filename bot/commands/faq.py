"""``backlinks faq``: ask the backlink question desk, or list the questions it could not answer."""

from __future__ import annotations

import argparse
import json
import re
import sys

from bot.argtypes import positive_int

ORDER = 80


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "faq",
        parents=[parent],
        help="ask a question about backlinks (Dutch or English)",
        description=(
            'Answer a question about backlinks or this bot, in the language it is asked in: backlinks faq "is '
            'a nofollow link worth anything?". "backlinks faq unanswered" lists the questions the desk could '
            "not answer in this workspace."
        ),
    )
    p.add_argument("question", nargs="*", help='the question, e.g. "hoe snel werken backlinks?" (or: unanswered)')
    p.add_argument("--lang", choices=("nl", "en"), help="answer in this language instead of the question's")
    p.add_argument("--limit", type=positive_int, default=50, help="with 'unanswered': how many to list (default 50)")
    p.set_defaults(handler=run)


_SLACK_LINK = re.compile(r"<((?:https?|mailto):[^<>|\s]+)(?:\|([^<>]*))?>")


def _link(m: re.Match[str]) -> str:
    url, label = m.group(1), (m.group(2) or "").strip()
    return f"{label} ({url})" if label and label != url and label not in url else (label or url)


def _plain(mrkdwn: str) -> str:
    """Slack mrkdwn to terminal text: ``<url|text>`` becomes ``text (url)``; *bold*, _italic_ and
    ~strike~ markers go; ``&amp;`` and friends are unescaped; `code` stays; ``/backlinks`` (the Slack
    command) reads ``backlinks`` (the CLI)."""
    text = _SLACK_LINK.sub(_link, mrkdwn)
    for mark in ("*", "_", "~"):
        m = re.escape(mark)
        text = re.sub(rf"(?<![\w{m}]){m}([^\s{m}](?:[^{m}\n]*?[^\s{m}])?){m}(?![\w{m}])", r"\1", text)
    text = re.sub(r"(?<![\w/])/backlinks\b", "backlinks", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _record_unanswered(workspace: str, question: str) -> None:
    from bot.config import Settings
    from storage.db import connect
    from storage.faq_repo import record_unanswered

    db = connect(Settings.from_env().db_path)
    try:
        record_unanswered(db, workspace, question)
    finally:
        db.conn.close()


def _list_unanswered(args: argparse.Namespace) -> int:
    from bot.config import Settings
    from bot.i18n import t
    from storage.db import connect
    from storage.faq_repo import list_unanswered

    db = connect(Settings.from_env().db_path)
    try:
        rows = list_unanswered(db, args.workspace, limit=args.limit)
    finally:
        db.conn.close()
    if args.json:
        print(json.dumps({"unanswered": [{"text": r.text, "asked_at": r.asked_at} for r in rows]}, ensure_ascii=False))
        return 0
    lang = args.lang or "en"
    if not rows:
        print(t("faq.unanswered_none", lang))
        return 0
    print(t("faq.unanswered_heading", lang, count=len(rows)))
    for row in rows:
        print(f"  {row.asked_at}  {row.text}")
    return 0


def run(args: argparse.Namespace) -> int:
    from bot.errors import BacklinksError, UserInputError
    from bot.i18n import t

    question = " ".join(args.question).strip()
    if question.lower() == "unanswered":
        return _list_unanswered(args)
    if not re.search(r"\w", question):
        raise UserInputError(t("faq.empty_question", args.lang or "en"))

    from bot.faq import answer

    reply = answer(question, args.lang)
    if not reply.answered:
        try:
            _record_unanswered(args.workspace, question)
        except BacklinksError as err:  # the answer matters more than the log of it
            print(f"warning: {err}", file=sys.stderr)
    if args.json:
        print(json.dumps(reply.to_json(), ensure_ascii=False))
        return 0
    print(_plain(reply.answer))
    if reply.more:
        print()
        print(_plain(reply.more))
    if reply.command_hint:
        print()
        print(f"{t('faq.command_heading', reply.lang)}: {reply.command_hint.strip('`').lstrip('/')}")
    if reply.related:
        print()
        print(f"{t('faq.related_heading', reply.lang)}:")
        for _topic, title in reply.related:
            print(f"  - {title}")
    return 0
