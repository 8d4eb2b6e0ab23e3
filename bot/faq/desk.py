"""The question desk: a question in, a short answer in the asker's language out (or an honest "no")."""

from __future__ import annotations

import re

from bot.faq.index import COVER_SPECIFIC, get_index, required_coverage
from bot.faq.knowledge import entries
from bot.faq.lang import detect_language
from bot.faq.model import LANGS, FaqAnswer
from bot.i18n import t

# A match must reach this similarity (0..1) to be given as an answer (and cover enough of the question,
# see bot.faq.index.required_coverage). Calibrated on the shared eval sample plus
# tests/faq/paraphrases.jsonl with bench/bench_faq.py --sweep; the range 0.40-0.45 behaves the same.
THRESHOLD = 0.45
# Questions about the desk itself that consist of nothing but function words ("what can you do?").
_HELP = re.compile(
    r"^\W*(?:(?:wat|what)\s+(?:kan|kun|can|do|doe)\s+(?:je|jij|u|you)"
    r"(?:\s+(?:allemaal|all|so|voor\s+mij|for\s+me|do|doen))*"
    r"|what\s+are\s+you\s+able\s+to\s+do|wat\s+doe\s+je|who\s+are\s+you|wie\s+ben\s+je|help|hulp|helpen)\W*$",
    re.IGNORECASE,
)
MAX_QUESTION = 500
# How far behind the best entry a runner-up may be and still answer in its place (see _match).
RUNNER_UP_MARGIN = 0.08


def _lang(lang: str | None, question: str) -> str:
    """``lang`` as "nl"/"en" ("nl-NL" and "en_GB" too); ``None`` or another language: the question's own."""
    code = (lang or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGS else detect_language(question)


def _build(topic: str, lang: str, score: float) -> FaqAnswer:
    item = entries()[topic]
    known = entries()
    related = tuple((rid, known[rid].title(lang)) for rid in item.related)
    hint = None
    if item.command:
        hint = item.command if lang == "nl" else item.command.replace("jouwsite.nl", "yoursite.nl").replace(
            "concurrent.nl", "rival.nl"
        )
    answer = item.answer[lang]
    if lang == "en":
        answer = answer.replace("jouwsite.nl", "yoursite.nl")
    return FaqAnswer(
        answered=True,
        answer=answer,
        lang=lang,
        topic=topic,
        score=round(score, 4),
        related=related,
        command_hint=hint,
        more=item.more.get(lang),
    )


def answer(question: str, lang: str | None = None) -> FaqAnswer:
    """Answer ``question``; ``lang=None`` detects Dutch or English, otherwise ``"nl"``/``"en"`` is forced.

    ``lang`` may also be a locale ("nl-NL"); a language the desk does not speak falls back to detection.
    Questions outside the knowledge base (and text without words, "??") get ``answered=False`` with a
    short reply saying what the desk can help with. Raises ``ValueError`` for an empty or blank question.
    """
    question = " ".join((question or "").split())[:MAX_QUESTION]
    if not question:
        raise ValueError("empty question")
    lang = _lang(lang, question)
    if _HELP.match(question):
        return _build("bot-help", lang, 1.0)
    best = 0.0
    for part in _parts(question):
        found, score = _match(part, lang)
        if found is not None:
            return _build(found, lang, score)
        best = max(best, score)
    return FaqAnswer(answered=False, answer=t("faq.declined", lang), lang=lang, topic=None, score=round(best, 4))


def _parts(question: str) -> list[str]:
    """The question, then (when it has several) its clauses from last to first.

    Shop owners often set the scene first: "i sell bike parts online, how do i get other sites to link to
    me". The whole text is tried first; a clause alone may then carry the actual question.
    """
    clauses = [c.strip() for c in re.split(r"[,.;:!?]+|\s+-\s+", question) if len(c.split()) >= 2]
    parts = [question]
    if len(clauses) > 1:
        parts.extend(reversed(clauses))
    return parts


def _match(text: str, lang: str) -> tuple[str | None, float]:
    """The topic answering ``text`` (or ``None``) and the match's score (similarity x coverage, 0..1)."""
    index = get_index()
    analysis = index.analyse(text, lang)
    hits = index.search(analysis, limit=3)
    if not hits:
        return None, 0.0
    top = hits[0]
    # The reported score: how well the best topic matches, times how much of the question it explains.
    score = top.score * top.coverage
    needed = required_coverage(analysis)
    if needed is not None and top.score >= THRESHOLD and top.coverage >= needed:
        if needed > COVER_SPECIFIC and not index.explains(top.topic, analysis):
            # The best entry is about other words than the ones that make this an SEO question. A close
            # runner-up about those very words may answer ("hoe lang blijft een penalty"); a distant one
            # may not ("mijn relatie is toxisch" is not about toxic links).
            for hit in hits[1:]:
                if (
                    hit.score >= max(THRESHOLD, top.score - RUNNER_UP_MARGIN)
                    and hit.coverage >= needed
                    and index.explains(hit.topic, analysis)
                ):
                    return hit.topic, hit.score * hit.coverage
            return None, score
        return top.topic, score
    return None, score


def answer_topic(topic: str, lang: str) -> FaqAnswer:
    """The answer of one topic (a "related question" button click). Raises ``KeyError`` for an unknown topic."""
    if topic not in entries():
        raise KeyError(topic)
    code = (lang or "").replace("_", "-").split("-")[0].lower()
    return _build(topic, code if code in LANGS else "en", 1.0)


def topics() -> list[tuple[str, str, str]]:
    """``(topic_id, English title, Dutch title)`` of every entry, for listings and tests."""
    return [(item.id, item.title("en"), item.title("nl")) for item in entries().values()]
