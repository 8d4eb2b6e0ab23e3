"""The backlink question desk: answers in Dutch and English from a curated knowledge base.

Public API (the Slack surface and the CLI call only these)::

    answer(question, lang=None) -> FaqAnswer     # lang None: detect; else force "nl" / "en"
    answer_topic(topic, lang) -> FaqAnswer       # a "related question" button click
    detect_language(text) -> "nl" | "en"

The knowledge base and its index load on first use and stay cached; importing this package is cheap.
"""

from __future__ import annotations

from bot.faq.model import FaqAnswer

__all__ = ["FaqAnswer", "answer", "answer_topic", "detect_language", "warm_up"]


def answer(question: str, lang: str | None = None) -> FaqAnswer:
    from bot.faq.desk import answer as _answer

    return _answer(question, lang)


def answer_topic(topic: str, lang: str) -> FaqAnswer:
    from bot.faq.desk import answer_topic as _answer_topic

    return _answer_topic(topic, lang)


def detect_language(text: str) -> str:
    from bot.faq.lang import detect_language as _detect

    return _detect(text)


def warm_up() -> None:
    """Build the index now (e.g. at bot start-up) so the first question is as fast as the rest."""
    from bot.faq.index import get_index
    from bot.faq.lang import _model

    get_index()
    _model()
