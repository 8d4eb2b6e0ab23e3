"""Retrieval over the knowledge base's curated question variants.

Every variant becomes a set of *keys*: a shared bilingual concept (``C:nofollow``) where the synonym map
knows the word (or an inflection of it), otherwise its Snowball stem tagged with the variant's language
(``nl:zoekwoord``). A question is analysed the same way, with extra steps for sloppy typing: Dutch
compounds are split into known parts ("backlinkprofiel" -> backlink + profiel), and words that are
neither known nor real words of the knowledge base are corrected against the variants' vocabulary
(Damerau-Levenshtein, 1 edit for 4-6 letters, 2 beyond, same first letter, via a deletion index).

Two numbers come out per entry (:class:`Hit`):

* ``score``: IDF-weighted cosine similarity between the question's *known* keys and the entry's best
  variant (IDF over entries, so a topic with many variants weighs no more than one with few), blended
  with the similarity to the union of its variants;
* ``coverage``: the share of the *whole* question the entry accounts for, unknown words included.

Entries are *ranked* by the score tipped by three smaller signals (:meth:`Index.rank_score`): how much of
the question's whole wording, function words included, a variant shares (``form``), how much of it the
entry's answer text mentions (``told``), and intent concepts (how long, how many, why, ...) weigh more.
The decision to answer uses the score itself, so these never make an off-topic question answerable.

The desk answers when the score passes a threshold and the coverage passes what
:func:`required_coverage` asks for the question: little for a question that names an unambiguous SEO
term ("backlinks for my hair salon"), more for SEO-leaning words ("toxic coworker" is declined), and
nearly all of it for everyday words only ("how much does a website cost" is declined).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from bot.faq.knowledge import entries
from bot.faq.synonyms import DOMAIN_CONFLICT, OFFTOPIC, STRONG, VERY_WORDS, WEAK, concept_of
from bot.faq.text import COMMON, CONTEXT, PHRASE_WORDS, is_stop, join_phrases, quoted_words, raw_tokens, stem

CORRECTED_WEIGHT = 0.8
SHORT_WORD = 5  # typo repair in words this short must land on an SEO term
LONG_WORD = 9  # from this length a word may be repaired by two edits
CROSS_LANGUAGE_WEIGHT = 0.6
UNION_BLEND = 0.2
REPEAT_BOOST = 0.3
# What a question asks (how long, how many, why, what does it mean, what does it cost, the difference
# between...) picks between entries on the same subject, so these concepts weigh more in the question.
INTENT = frozenset({"long", "many", "why", "definition", "difference", "type", "example", "cost"})
INTENT_BOOST = 0.5
# Ranking only (never the answer/decline decision): how much the question's wording as a whole, function
# words included, may tip the choice between entries. "hoe zie ik welke backlinks ik al heb" keeps only
# "backlinks" after stop words go; its "hoe zie ik welke ... heb" is what says it asks for an inventory.
FORM_WEIGHT = 0.25
# Ranking only, too: the share of the question's concepts that an entry's answer itself mentions.
ANSWER_WEIGHT = 0.05
# On-topic markers that name no topic of their own: they count for relatedness, not for matching.
NEUTRAL = frozenset({"seo", "zoekmachineoptimalisatie"})


@dataclass(frozen=True)
class Term:
    key: str
    surface: str
    weight: float = 1.0  # lower for guessed (typo-corrected) words and other-language matches


@dataclass(frozen=True)
class Analysis:
    terms: tuple[Term, ...]
    concepts: frozenset[str]
    offtopic: bool
    specific: frozenset[str] = frozenset()  # unambiguous SEO words in the question (VERY_WORDS)
    conflict: bool = False  # names software where "backlink" means something else (Obsidian, Notion)
    form: frozenset[str] = frozenset()  # every word of the question, function words included (see form_tokens)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(t.key for t in self.terms)


@dataclass(frozen=True)
class Hit:
    topic: str
    score: float  # cosine similarity of the question's known words, 0..1
    coverage: float = 1.0  # share of the question (unknown words included) the entry accounts for
    form: float = 0.0  # word overlap (function words included) with the entry's closest variant, 0..1
    told: float = 0.0  # share of the question's (IDF-weighted) concepts that the entry's answer mentions


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment (Damerau-Levenshtein) distance, or ``limit + 1`` when above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


# Concepts that stand in for each other at a discount: people say "links" and mean backlinks.
SOFT_MATCH = {"C:link": ("C:backlink", 0.7), "C:backlink": ("C:link", 0.7)}


def _max_edits(word: str) -> int:
    if len(word) < 4:
        return 0
    return 1 if len(word) <= 6 else 2


class Index:
    """The knowledge base, analysed once: variant key sets, IDF and the spelling vocabulary."""

    def __init__(self) -> None:
        self.entries = entries()
        vocab: dict[str, int] = {}
        variant_words: list[tuple[str, str, list[str]]] = []
        self.forms: dict[str, list[frozenset[str]]] = {}
        for item in self.entries.values():
            for lang, variants in item.variants.items():
                for text in variants:
                    tokens = join_phrases(raw_tokens(text))
                    self.forms.setdefault(item.id, []).append(frozenset(form_tokens(tokens, lang)))
                    words = [w for w in tokens if not is_stop(w) and (not w.isdigit() or w in STATUS_CODES)]
                    variant_words.append((item.id, lang, words))
                    for w in words:
                        vocab[w] = vocab.get(w, 0) + 1
        from bot.faq.synonyms import CONCEPTS

        for forms in CONCEPTS.values():
            for form in forms:
                if " " not in form:
                    vocab.setdefault(form, 1)
        self.vocab = vocab
        # Every word the knowledge base itself writes is a real word: never "correct" it into another.
        self.real_words: set[str] = set(vocab)
        for item in self.entries.values():
            for lang in ("nl", "en"):
                self.real_words.update(raw_tokens(item.answer[lang] + " " + item.more.get(lang, "")))
        # The concepts each entry's answer talks about: a question using them is likelier to be about it.
        self.answer_keys: dict[str, frozenset[str]] = {}
        for item in self.entries.values():
            said = " ".join(item.answer[lang] + " " + item.more.get(lang, "") for lang in ("nl", "en"))
            concepts = (concept_of(w) for w in join_phrases(raw_tokens(said)) if not is_stop(w))
            self.answer_keys[item.id] = frozenset("C:" + c for c in concepts if c is not None)
        self.keyset: set[str] = set()
        self.variants: list[tuple[str, frozenset[str]]] = []
        for topic, lang, words in variant_words:
            keys = frozenset(self._doc_key(w, lang) for w in words)
            self.variants.append((topic, keys))
            self.keyset |= keys
        union: dict[str, set[str]] = {}
        for topic, keys in self.variants:
            union.setdefault(topic, set()).update(keys)
        self.union = {topic: frozenset(keys) for topic, keys in union.items()}
        n = len(self.union)
        df: dict[str, int] = {}
        for keys in self.union.values():
            for k in keys:
                df[k] = df.get(k, 0) + 1
        self.idf = {k: math.log(1 + n / d) for k, d in df.items()}
        self.norms = [(topic, keys, self._norm(keys)) for topic, keys in self.variants]
        self.union_norms = {topic: self._norm(keys) for topic, keys in self.union.items()}
        self.delete_index: dict[str, set[str]] = {}
        for word in vocab:
            depth = _max_edits(word)
            if depth == 0 or word.isdigit():
                continue
            for d in _deletes(word, depth):
                self.delete_index.setdefault(d, set()).add(word)

    # -- analysis -------------------------------------------------------------------------------
    def _key(self, word: str, lang: str, *, known_only: bool) -> str:
        return self._lookup(word, lang)[0] if known_only else self._doc_key(word, lang)

    @staticmethod
    def _doc_key(word: str, lang: str) -> str:
        """A variant word's key: its shared concept, else its stem tagged with the variant's language."""
        concept = concept_of(word)
        return "C:" + concept if concept is not None else f"{lang}:{stem(word, lang)}"

    def _lookup(self, word: str, lang: str) -> tuple[str, float]:
        """A question word's known key and weight, or ``("", 0)``.

        Words outside the bilingual concept map match variants of the question's language; a match in
        the other language's variants counts, but less ("kind" is a child in Dutch, not a sort).
        """
        concept = concept_of(word)
        if concept is not None:
            return "C:" + concept, 1.0
        own = f"{lang}:{stem(word, lang)}"
        if own in self.keyset:
            return own, 1.0
        other_lang = "en" if lang == "nl" else "nl"
        other = f"{other_lang}:{stem(word, other_lang)}"
        if other in self.keyset:
            return other, CROSS_LANGUAGE_WEIGHT
        return "", 0.0

    def correct(self, word: str) -> tuple[str, int] | None:
        """The closest vocabulary word to a misspelt ``word`` and its edit distance, or ``None``."""
        # Two edits only in long words: shorter ones are far more often real words we do not know
        # ("weekend" is not "werken", "chicken" not "checken") than twice-mistyped SEO terms.
        limit = min(_max_edits(word), 1 if len(word) < LONG_WORD else 2)
        if limit == 0 or word.isdigit():
            return None
        candidates: set[str] = set()
        for d in _deletes(word, limit):
            candidates |= self.delete_index.get(d, set())
        best: tuple[int, int, int, str] | None = None
        for cand in candidates:
            dist = _distance(word, cand, limit)
            if dist > limit:
                continue
            if cand[0] != word[0]:
                continue  # a typo rarely hits the first letter; "grant" is not "krant"
            if len(word) == 4 and len(cand) != 5:
                continue  # a short word is only missing a letter ("kopn"); "boat" is not "beat"
            rank = (dist, 0, -self.vocab.get(cand, 0), cand)
            if best is None or rank < best:
                best = rank
        return (best[3], best[0]) if best else None

    def _split(self, word: str, lang: str) -> list[str]:
        """Known parts of a Dutch compound word, or an empty list ("pointless" is not point + less)."""
        if len(word) < 8 or lang != "nl":
            return []
        for i in range(len(word) - 3, 2, -1):
            left, right = word[:i], word[i:]
            if right[:1] in "se" and len(right) > 4 and right[1:] in self.vocab:
                right = right[1:]
            lk = self._key(left, lang, known_only=True) if left in self.vocab or concept_of(left) else ""
            rk = self._key(right, lang, known_only=True) if right in self.vocab or concept_of(right) else ""
            if lk and rk:
                return [left, right]
        return []

    def _phrase_repair(self, tokens: list[str], lang: str) -> list[str]:
        """Tokens with one-letter slips inside multi-word terms repaired ("link juise" -> "link juice")."""
        out = []
        for token in tokens:
            if (
                len(token) >= 5  # "snap" is not "swap"
                and token not in PHRASE_WORDS
                and token not in self.real_words
                and token not in COMMON
                and token not in OFFTOPIC
                and token not in CONTEXT
                and concept_of(token) is None
                and not self._lookup(token, lang)[0]
            ):
                fixed = self.correct(token)
                if fixed is not None and fixed[1] == 1 and fixed[0] in PHRASE_WORDS:
                    token = fixed[0]
                elif fixed is None:
                    near = [w for w in PHRASE_WORDS if w[0] == token[0] and _distance(token, w, 1) <= 1]
                    if len(near) == 1:
                        token = near[0]
            out.append(token)
        return out

    def analyse(self, text: str, lang: str) -> Analysis:
        words = join_phrases(self._phrase_repair(raw_tokens(text), lang))
        form = frozenset(form_tokens(words, lang))
        quoted = quoted_words(text)
        scene: list[str] = []
        kinds = self._site_kinds(words)
        offtopic = any(w in OFFTOPIC for w in words if w not in kinds)
        conflict = any(w in DOMAIN_CONFLICT for w in words)
        terms: list[Term] = []
        concepts: set[str] = set()
        specific: set[str] = set()
        for pos, word in enumerate(words):
            if is_stop(word) or (word.isdigit() and word not in STATUS_CODES):
                continue  # numbers say nothing about the topic ("top 10", "lost 30 links")
            if word in ("help", "hulp") and (
                pos == 0
                or words[pos - 1] in _PLEA_NEXT
                or (pos == len(words) - 1 and words[pos - 1] not in _EFFECT_BEFORE)
                or (pos < len(words) - 1 and words[pos + 1] in _PLEA_NEXT)
            ):
                continue
            if word in VERY_WORDS:
                specific.add(word)
            if word in NEUTRAL:
                continue  # "seo" says the question is ours, not which topic it is about
            key, weight = self._lookup(word, lang)
            if key:
                terms.append(Term(key, word, weight))
                if key.startswith("C:"):
                    concepts.add(concept_of(word) or key[2:])
                continue
            if word in quoted:
                continue  # an unknown word the asker quotes is an example (an anchor, a search term)
            if word in kinds:
                continue  # what a linking site is about: see below
            if word in CONTEXT:
                scene.append(word)  # the asker's trade, town or people: see below
                continue
            parts = self._split(word, lang)
            if parts:
                for part in parts:
                    pkey, pweight = self._lookup(part, lang)
                    terms.append(Term(pkey, part, pweight))
                    if pkey.startswith("C:"):
                        concepts.add(concept_of(part) or pkey[2:])
                    if part in VERY_WORDS:
                        specific.add(part)
                continue
            real = word in self.real_words or word in COMMON or word in OFFTOPIC
            fixed = None if real else self.correct(word)
            if fixed is not None and len(word) <= SHORT_WORD:
                # A short word with one letter changed is as likely a word we do not know ("smart",
                # "smash"): trust the repair when a letter was dropped ("kopn") or swapped ("lnik"), or
                # when it lands on an SEO term ("ankor").
                target = fixed[0]
                slip = len(target) == len(word) + 1 or sorted(target) == sorted(word)
                if not slip and concept_of(target) not in STRONG | {"link"} and target not in VERY_WORDS:
                    fixed = None
            if fixed is not None:
                fkey, fweight = self._lookup(fixed[0], lang)
                fkey = fkey or f"{lang}:{stem(fixed[0], lang)}"
                terms.append(Term(fkey, word, CORRECTED_WEIGHT * (fweight or 1.0)))
                # Only a near-certain correction may make a question count as being about SEO.
                if fkey.startswith("C:") and fixed[1] == 1:
                    concepts.add(concept_of(fixed[0]) or fkey[2:])
                    if fixed[0] in VERY_WORDS:
                        specific.add(fixed[0])
                continue
            terms.append(Term("U:" + stem(word, lang), word))
        # Scene words (trade, town, people) are left out of the judgement only when the question is
        # evidently about links; otherwise they count as words no entry explains ("mijn collega is
        # toxisch", "hoeveel kost een kapper" stay off-topic).
        evident = specific or concepts & {"link", "backlink"} or concepts & (STRONG - AMBIGUOUS)
        if not evident:
            terms.extend(Term("U:" + stem(word, lang), word) for word in scene)
        # "a link from a car blog", "een link van een reisblog": the kind of site linking is a question
        # of relevance when the question is about links; otherwise the word stands for itself.
        if kinds and concepts & {"link", "backlink"}:
            terms.append(Term("C:relevance", sorted(kinds)[0], KIND_WEIGHT))
            concepts.add("relevance")
        elif kinds:
            terms.extend(Term("U:" + stem(word, lang), word) for word in kinds)
            offtopic = offtopic or any(w in OFFTOPIC for w in kinds)
        return Analysis(tuple(terms), frozenset(concepts), offtopic, frozenset(specific), conflict, form)

    def _site_kinds(self, words: list[str]) -> set[str]:
        """Words naming what a linking site is about ("car" in "from a car blog", "reis" in "reisblog").

        Only words that say nothing else the desk knows: "a news site" and "a big blog" are concepts.
        """
        kinds: set[str] = set()
        for i, word in enumerate(words):
            if word in SITE_NOUNS and i >= 2:
                before = words[i - 1]
                if words[i - 2] in KIND_INTRO or (i >= 3 and words[i - 3] in KIND_INTRO and words[i - 2] in ARTICLES):
                    if not is_stop(before) and not before.isdigit() and concept_of(before) is None:
                        kinds.add(before)
            elif len(word) > 7 and word.endswith(("blog", "site")) and concept_of(word) is None:
                head = word[: -4]
                if f"nl:{stem(word, 'nl')}" not in self.keyset and f"en:{stem(word, 'en')}" not in self.keyset:
                    if head not in SITE_NOUNS and concept_of(head) is None:
                        kinds.add(word)
        return kinds

    # -- scoring --------------------------------------------------------------------------------
    def _norm(self, keys: frozenset[str]) -> float:
        return math.sqrt(sum(self.idf[k] ** 2 for k in keys)) or 1.0

    def _query_weights(self, analysis: Analysis) -> tuple[dict[str, float], dict[str, float]]:
        """The question's known keys with their IDF weights, and every key with its plain weight."""
        known: dict[str, float] = {}
        plain: dict[str, float] = {}
        seen: dict[str, int] = {}
        for term in analysis.terms:
            seen[term.key] = seen.get(term.key, 0) + 1
            plain[term.key] = max(plain.get(term.key, 0.0), term.weight)
            if term.key in self.idf:
                known[term.key] = max(known.get(term.key, 0.0), term.weight * self.idf[term.key])
        for key in known:  # a concept named twice ("buy ... on fiverr") is what the question is about
            known[key] *= 1 + REPEAT_BOOST * (min(seen[key], 3) - 1)
            if key[2:] in INTENT and key.startswith("C:"):
                known[key] *= 1 + INTENT_BOOST
        return known, plain

    def search(self, analysis: Analysis, limit: int = 5) -> list[Hit]:
        """Entries ranked by similarity to the known words of the question, best first.

        ``score`` is the cosine similarity over the words the knowledge base knows (so a shop owner's
        "for my bakery" does not drown a clear match); ``coverage`` is the share of the whole question,
        unknown words included, that the entry accounts for (so "toxic coworker" is not about links).
        """
        known, plain = self._query_weights(analysis)
        if not known:
            return []
        qvec = dict(known)
        for key, (other, factor) in SOFT_MATCH.items():
            if key in qvec and other not in qvec and other in self.idf:
                qvec[other] = factor * self.idf[other] * qvec[key] / self.idf[key]
        qnorm = math.sqrt(sum(w * w for w in qvec.values()))
        qsum = sum(w * self.idf[k] for k, w in qvec.items()) or 1.0
        best: dict[str, float] = {}
        for topic, keys, norm in self.norms:
            dot = sum(w * self.idf[k] for k, w in qvec.items() if k in keys)
            if dot <= 0:
                continue
            sim = dot / (qnorm * norm)
            if sim > best.get(topic, 0.0):
                best[topic] = sim
        total = sum(plain.values())
        hits = []
        for topic, sim in best.items():
            keys = self.union[topic]
            dot = sum(w * self.idf[k] for k, w in qvec.items() if k in keys)
            usim = dot / (qnorm * self.union_norms[topic])
            covered = 0.0
            for key, w in plain.items():
                if key in keys:
                    covered += w
                elif key in SOFT_MATCH and SOFT_MATCH[key][0] in keys:
                    covered += w * SOFT_MATCH[key][1]
                elif key in self.idf:
                    covered += w * KNOWN_ELSEWHERE  # a word of our vocabulary, just not of this entry
            form = 0.0
            if analysis.form:
                for variant in self.forms[topic]:
                    shared = len(analysis.form & variant)
                    if shared:
                        form = max(form, shared / len(analysis.form | variant))
            said = self.answer_keys[topic]
            told = sum(w * self.idf[k] for k, w in qvec.items() if k in said) / qsum
            hits.append(Hit(topic, (1 - UNION_BLEND) * sim + UNION_BLEND * usim, covered / total, form, told))
        hits.sort(key=lambda h: (-(h.score + FORM_WEIGHT * h.form + ANSWER_WEIGHT * h.told), h.topic))
        return hits[:limit]

    def explains(self, topic: str, analysis: Analysis) -> bool:
        """Does ``topic`` use at least one of the words that make the question look like an SEO question?

        With only ambiguous evidence ("toxic", "blocked", "link"), the entry chosen must be about that very
        word: "mijn relatie is toxisch" may not be answered by the entry on relationships for links.
        """
        found = analysis.concepts & (STRONG | {"link"})
        if not found or not found <= AMBIGUOUS:
            return True  # some evidence has no everyday meaning ("google", "linkbuilding"): not this rule's case
        evidence = {"C:" + c for c in found}
        if "C:link" in evidence:
            evidence.add("C:backlink")
        if "C:backlink" in evidence:
            evidence.add("C:link")
        return not evidence or bool(evidence & self.union[topic])


# Numbers are left out of matching ("top 10", "lost 30 links") except HTTP status codes ("a 404").
STATUS_CODES = frozenset({"301", "302", "401", "403", "404", "410", "429", "500", "502", "503"})

# SEO-leaning concepts with an everyday meaning too (a toxic relationship, a blocked drain, a ship's
# anchor, front crawl, the football ranking, a traffic jam, a penalty kick, a chain link).
AMBIGUOUS = frozenset(
    {"toxic", "blocked", "anchor", "crawler", "rank", "traffic", "penalty", "link", "directory", "bot"}
)
# "help" is a plea at the start or end of a message ("help, ...", "..., help") or before "me"/"with";
# elsewhere it asks about an effect ("do backlinks help my ranking").
_PLEA_NEXT = frozenset({"me", "with", "please", "pls", "plz", "nodig", "mij", "ons", "us"})
_EFFECT_BEFORE = frozenset(
    {"it", "they", "that", "this", "these", "those", "will", "would", "does", "do", "did", "can", "could",
     "really", "actually", "still", "ever", "even", "also", "links", "backlinks", "link", "backlink"}
)

# "a link from a car blog": the words around a linking site's kind (see Index._site_kinds).
SITE_NOUNS = frozenset({"blog", "blogs", "site", "sites", "website", "websites", "webshop", "forum", "magazine",
                        "pagina", "page", "platform"})
KIND_INTRO = frozenset({"from", "van", "vanaf", "uit", "on", "op", "a", "an", "een"})
ARTICLES = frozenset({"a", "an", "een", "de", "het", "the"})
KIND_WEIGHT = 0.8

# How much of a question the best entry must account for, by how clearly the question is about SEO.
COVER_SPECIFIC = 0.30  # names an unambiguous SEO term: "backlinks for my hair salon" is fine
COVER_LEANING = 0.60  # SEO-ish but ambiguous terms ("toxic", "blocked", "ranking") or "link"
COVER_WEAK = 0.90  # only everyday words that also occur in link questions ("site", "cost")
# Coverage credit for a question word the knowledge base knows but the matched entry does not use.
KNOWN_ELSEWHERE = 0.5


def required_coverage(analysis: Analysis) -> float | None:
    """The coverage a match needs for this question, or ``None`` when it is not about SEO or the bot at all.

    A word from another domain ("mortgage", "weather") leaves only the unambiguous SEO terms standing;
    software with backlinks of its own (Obsidian, Notion, Excel) leaves nothing.
    """
    if analysis.conflict:
        return None
    if analysis.offtopic:
        return COVER_SPECIFIC if analysis.specific else None
    if analysis.specific:
        return COVER_SPECIFIC
    if analysis.concepts & STRONG or "link" in analysis.concepts:
        return COVER_LEANING
    if len(analysis.concepts & WEAK) >= 2:
        return COVER_WEAK
    return None


def form_tokens(tokens: list[str], lang: str) -> list[str]:
    """Every word (stemmed, function words kept) for comparing a question's wording with a variant's."""
    return [stem(t, lang) for t in tokens if not t.isdigit()]


def seo_related(analysis: Analysis) -> bool:
    return required_coverage(analysis) is not None


_INDEX: Index | None = None
_INDEX_LOCK = threading.Lock()


def get_index() -> Index:
    """The index, built on first use and kept for the life of the process.

    Guarded by a lock: two first questions arriving at once (two threads) build it once.
    """
    global _INDEX
    index = _INDEX
    if index is None:
        with _INDEX_LOCK:
            if _INDEX is None:
                _INDEX = Index()
            index = _INDEX
    return index
