"""Dutch or English? Language detection that works on short, sloppy questions.

Three signals, from strong to weak: function words that belong to one language only ("een", "the",
"hoe", "how"); words that the knowledge base uses in only one of its two languages ("belangrijk",
"gratis", "free"); and a naive Bayes model of character trigrams trained on that same Dutch and English
text, which decides when there is nothing else ("backlinks kopen?"). SEO terms occur in both
languages' texts, so they weigh nothing either way.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from bot.faq.text import STOP_EN, STOP_NL, raw_tokens

# Function words that are typical of one language; shared or ambiguous ones ("in", "is", "have") are out.
_NL_WORDS = (STOP_NL - STOP_EN) | frozenset(
    """
    hoeveel waarom wanneer welke moet mag kan kun goed goede slecht slechte nodig krijg krijgen mijn
    jouw zijn waard wordt werkt werken beter snel sneller lang duurt maand maanden jaar nee ja alleen
    linkjes ik wij bedrijf site's zoekmachine zoekwoord zoekwoorden verschil tussen soorten precies
    nieuwe oude eerst eerste kopen verliezen verloren vind vindt zie zien weet weten gaat artikel
    pagina bedrijf klant klanten tekst zoekwoord winkel kosten kost betalen maken zoeken vraag vragen
    """.split()
)
_EN_WORDS = (STOP_EN - STOP_NL) | frozenset(
    """
    how many much need worth good bad better fast faster long take takes month months year until
    until till does doing getting buy lose lost new old first difference between types kind which
    should would could any every something anything know see find keep get got article page
    company customer customers text keyword store shop cost costs pay make search ask question
    """.split()
) - {"in", "is", "me", "we", "so", "ok", "okay", "hi", "hey"}
_SHARED = frozenset({"in", "is", "me", "we", "so", "ok", "okay", "hi", "hey", "over", "want", "had", "die"})

_DEFAULT = "en"


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, Counter[str]], dict[str, int], int, dict[str, frozenset[str]]]:
    """Character-trigram counts per language and the words used in one language only, from the knowledge base."""
    from bot.faq.knowledge import entries

    counts: dict[str, Counter[str]] = {"nl": Counter(), "en": Counter()}
    words: dict[str, set[str]] = {"nl": set(), "en": set()}
    code = re.compile(r"`[^`]*`")
    for item in entries().values():
        for lang in ("nl", "en"):
            texts = [item.answer[lang], item.more.get(lang, ""), *item.variants[lang]]
            for text in texts:
                for word in raw_tokens(code.sub(" ", text)):
                    counts[lang].update(_grams(word))
                    if not word.isdigit() and len(word) > 2:
                        words[lang].add(word)
    totals = {lang: sum(c.values()) for lang, c in counts.items()}
    vocab = len(set(counts["nl"]) | set(counts["en"]))
    only = {"nl": frozenset(words["nl"] - words["en"]), "en": frozenset(words["en"] - words["nl"])}
    return counts, totals, vocab, only


def _grams(word: str) -> list[str]:
    padded = f"<{word}>"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def language_scores(text: str) -> float:
    """Positive means Dutch, negative English (log-odds-like units)."""
    tokens = raw_tokens(text)
    score = 0.0
    for tok in tokens:
        if tok in _SHARED:
            continue
        nl, en = tok in _NL_WORDS, tok in _EN_WORDS
        if nl and not en:
            score += 2.5
        elif en and not nl:
            score -= 2.5
    counts, totals, vocab, only = _model()
    for tok in tokens:
        if tok in _SHARED or tok in _NL_WORDS or tok in _EN_WORDS:
            continue
        if tok in only["nl"]:
            score += 1.5
        elif tok in only["en"]:
            score -= 1.5
    ngram = 0.0
    for tok in tokens:
        if tok.isdigit():
            continue
        for gram in _grams(tok):
            p_nl = (counts["nl"][gram] + 0.5) / (totals["nl"] + 0.5 * vocab)
            p_en = (counts["en"][gram] + 0.5) / (totals["en"] + 0.5 * vocab)
            ngram += math.log(p_nl / p_en)
    # The n-gram evidence is capped so that it decides only when the function words do not.
    return score + max(-2.0, min(2.0, ngram * 0.25))


def detect_language(text: str) -> str:
    """``"nl"`` or ``"en"`` for a (short) question; English when nothing tells them apart."""
    score = language_scores(text)
    if score > 0:
        return "nl"
    if score < 0:
        return "en"
    return _DEFAULT
