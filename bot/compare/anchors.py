"""Anchor-text profile: classify anchors and warn when the mix looks unnatural (pure functions).

Classes, checked in this order (the first that fits wins):

1. ``image``: an empty anchor. The analyser puts an image's ``alt`` in the anchor, so an empty anchor is
   a link holding an image without alt text (or nothing readable).
2. ``naked-url``: the anchor is a URL or a bare host name (``https://mysite.nl/shop``, ``www.mysite.nl``).
3. ``brand``: the anchor contains one of the site's brand names as whole words (or the brand written
   together: "Jansen Bakkerij" for the brand ``jansenbakkerij``). Brand names are settable; by default
   they come from the domain label (``jansen-bakkerij.nl`` -> "jansen bakkerij").
4. ``generic``: the whole anchor is a generic phrase ("klik hier", "click here", "lees meer", "website" ...).
5. ``exact-match``: the anchor is one of the target keywords (case, accents, punctuation and simple
   plural/inflection ignored through Snowball stems).
6. ``partial-match``: the anchor contains a keyword, or at least half (rounded up) of its significant
   words.
7. ``other``: anything else (descriptive text, article titles ...).

Unnatural-profile warnings (only with at least :data:`MIN_LINKS_FOR_WARNING` live links: fewer are too
few to judge):

- ``phrase-dominates``: one commercial phrase (exact, partial or other; brand, URL, generic and image
  anchors are natural to repeat) is more than :data:`PHRASE_WARN_SHARE` (50%) of the live links;
  severity ``severe`` from :data:`PHRASE_SEVERE_SHARE` (90%: the reference article calls 90% the same
  phrase manipulation).
- ``exact-match-heavy``: exact-match keyword anchors are more than :data:`EXACT_WARN_SHARE` (30%) of the
  live links (natural profiles in the field stay well under that; brand and URL anchors dominate).
- ``commercial-heavy``: exact plus partial match together more than :data:`COMMERCIAL_WARN_SHARE` (60%).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Iterable

MIN_LINKS_FOR_WARNING = 10
PHRASE_WARN_SHARE = 0.50
PHRASE_SEVERE_SHARE = 0.90
EXACT_WARN_SHARE = 0.30
COMMERCIAL_WARN_SHARE = 0.60


class AnchorClass(StrEnum):
    BRAND = "brand"
    NAKED_URL = "naked-url"
    GENERIC = "generic"
    EXACT = "exact-match"
    PARTIAL = "partial-match"
    IMAGE = "image"
    OTHER = "other"


COMMERCIAL = frozenset({AnchorClass.EXACT, AnchorClass.PARTIAL, AnchorClass.OTHER})

GENERIC_NL = frozenset(
    """
    klik hier|klik|hier|lees meer|lees verder|meer lezen|meer info|meer informatie|meer weten|bekijk|bekijk hier
    |bekijk meer|bekijk de website|bezoek|bezoek de website|bezoek website|naar de website|ga naar|ga naar website
    |deze website|deze site|website|site|webpagina|pagina|deze pagina|link|deze link|bron|bronnen|via|zie|zie hier
    |zie ook|verder lezen|hier lezen|hier klikken|lees het hele artikel|lees het artikel|artikel|meer|download
    |downloaden|aanmelden|inschrijven|contact|offerte|bestel|bestel hier|koop hier|shop|webshop|homepage|home
    |officiele website|de website|volgende|vorige|doorlezen
    """.replace("\n", "").split("|")
)
GENERIC_EN = frozenset(
    """
    click here|click|here|read more|more|learn more|find out more|more info|more information|continue reading
    |see more|see here|view|view more|visit|visit site|visit website|visit the website|go to|go to website|website
    |this website|this site|site|web site|webpage|page|this page|link|this link|source|sources|via|see|see also
    |details|download|sign up|subscribe|contact|contact us|buy now|shop now|order now|home|homepage|official site
    |official website|the website|article|this article|next|previous|check it out|check this out|full article
    |read the full article|get started
    """.replace("\n", "").split("|")
)
GENERIC = frozenset(p.strip() for p in GENERIC_NL | GENERIC_EN if p.strip())

STOPWORDS = frozenset(
    "de het een en of van in op voor met bij naar te aan uit om als door over is je jouw uw "
    "the a an and or of in on for with at to by from as is your you my our".split()
)

_URL_RE = re.compile(r"^(?:https?://)?(?:www\d?\.)?[a-z0-9\u00a1-\uffff-]+(?:\.[a-z0-9\u00a1-\uffff-]+)+(?::\d+)?(?:[/?#]\S*)?$")
_TOKEN_RE = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents removed (é -> e), whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def tokens(text: str) -> list[str]:
    """Words of ``text`` after :func:`fold` (punctuation dropped)."""
    return _TOKEN_RE.findall(fold(text))


@lru_cache(maxsize=1)
def _stemmers():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("dutch"), snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A stem that equates simple Dutch and English inflections (bakkers/bakker, tools/tool)."""
    nl, en = _stemmers()
    a, b = nl.stemWord(word), en.stemWord(word)
    return min(a, b, key=len)


def default_brands(domain: str) -> list[str]:
    """Brand names guessed from a registrable domain: ``jansen-bakkerij.nl`` -> ["jansen bakkerij"]."""
    label = (domain or "").split(".")[0]
    if not label:
        return []
    spaced = " ".join(p for p in re.split(r"[-_]+", label) if p)
    return [spaced] if spaced else []


def _phrase_in(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    if n == 0 or n > len(hay):
        return False
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


@dataclass(frozen=True)
class AnchorRules:
    """What the classifier knows about a site: brand names and target keywords (already prepared)."""

    brands: tuple[tuple[str, ...], ...]
    brand_compact: frozenset[str]
    keywords: tuple[tuple[str, ...], ...]  # stemmed tokens, stopwords kept for exact match
    keyword_significant: tuple[frozenset[str], ...]

    @classmethod
    def for_site(cls, domain: str, brands: Iterable[str] = (), keywords: Iterable[str] = ()) -> "AnchorRules":
        brand_list = [b for b in brands if b and b.strip()] or default_brands(domain)
        brand_tokens = tuple(tuple(tokens(b)) for b in brand_list if tokens(b))
        compact = frozenset("".join(bt) for bt in brand_tokens if len("".join(bt)) >= 3)
        kw_tokens = tuple(tuple(stem(w) for w in tokens(k)) for k in keywords if tokens(k))
        significant = tuple(frozenset(w for w in kw if w not in STOPWORDS) or frozenset(kw) for kw in kw_tokens)
        return cls(brand_tokens, compact, kw_tokens, significant)


def is_naked_url(anchor: str) -> bool:
    text = fold(anchor).strip(" .,;:!?\"'()[]<>")
    return bool(text) and " " not in text and bool(_URL_RE.match(text))


def classify_anchor(anchor: str | None, rules: AnchorRules) -> AnchorClass:
    """The class of one anchor text for a site described by ``rules`` (see module docstring)."""
    words = tokens(anchor or "")
    if not words:
        return AnchorClass.IMAGE
    if is_naked_url(anchor or ""):
        return AnchorClass.NAKED_URL
    compact = "".join(words)
    for brand in rules.brands:
        if _phrase_in(list(brand), words):
            return AnchorClass.BRAND
    if compact in rules.brand_compact or any(w in rules.brand_compact for w in words):
        return AnchorClass.BRAND
    if " ".join(words) in GENERIC:
        return AnchorClass.GENERIC
    stems = [stem(w) for w in words]
    for kw in rules.keywords:
        if list(kw) == stems or [w for w in kw if w not in STOPWORDS] == [w for w in stems if w not in STOPWORDS] != []:
            return AnchorClass.EXACT
    stem_set = set(stems)
    for kw, significant in zip(rules.keywords, rules.keyword_significant):
        if _phrase_in(list(kw), stems):
            return AnchorClass.PARTIAL
        need = max(1, math.ceil(len(significant) / 2))
        if len(significant & stem_set) >= need:
            return AnchorClass.PARTIAL
    return AnchorClass.OTHER


@dataclass(frozen=True)
class AnchorWarning:
    code: str  # phrase-dominates | exact-match-heavy | commercial-heavy
    severity: str  # warning | severe
    share: float
    phrase: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "severity": self.severity, "share": round(self.share, 4), "phrase": self.phrase}


@dataclass(frozen=True)
class AnchorProfile:
    total: int
    counts: dict[str, int]
    top: list[tuple[str, int, str]] = field(default_factory=list)  # (phrase, count, class)
    warnings: list[AnchorWarning] = field(default_factory=list)

    @property
    def shares(self) -> dict[str, float]:
        return {k: (v / self.total if self.total else 0.0) for k, v in self.counts.items()}

    @property
    def natural(self) -> bool | None:
        """No warnings; None (unknown) below :data:`MIN_LINKS_FOR_WARNING` live links, where the mix is
        not judged (0 links is not a natural profile)."""
        if self.total < MIN_LINKS_FOR_WARNING:
            return None
        return not self.warnings

    def to_dict(self) -> dict[str, object]:
        return {
            "live_links": self.total,
            "counts": dict(self.counts),
            "shares": {k: round(v, 4) for k, v in self.shares.items()},
            "top": [{"anchor": p, "links": n, "class": c} for p, n, c in self.top],
            "warnings": [w.to_dict() for w in self.warnings],
            "natural": self.natural,
        }


def anchor_profile(anchors: Iterable[str | None], rules: AnchorRules, *, top_n: int = 10) -> AnchorProfile:
    """Distribution of ``anchors`` (one per live link) over the classes, top phrases and warnings."""
    return anchor_profile_counted(Counter(a or "" for a in anchors).items(), rules, top_n=top_n)


def anchor_profile_counted(
    pairs: Iterable[tuple[str | None, int]], rules: AnchorRules, *, top_n: int = 10
) -> AnchorProfile:
    """Like :func:`anchor_profile` for ``(anchor, number of live links)`` pairs (a GROUP BY result)."""
    counts: Counter[str] = Counter({c.value: 0 for c in AnchorClass})
    phrases: Counter[str] = Counter()
    phrase_class: dict[str, AnchorClass] = {}
    shown: dict[str, str] = {}  # phrase -> the anchor as written (first seen), for display
    total = 0
    for anchor, n in pairs:
        if n <= 0:
            continue
        total += n
        cls = classify_anchor(anchor or "", rules)
        counts[cls.value] += n
        phrase = " ".join(tokens(anchor or "")) if cls is not AnchorClass.IMAGE else ""
        phrases[phrase] += n
        phrase_class.setdefault(phrase, cls)
        shown.setdefault(phrase, " ".join((anchor or "").split()))
    top = [(shown[p] if p else "(image / empty)", n, phrase_class[p].value) for p, n in phrases.most_common(top_n)]
    warnings: list[AnchorWarning] = []
    if total >= MIN_LINKS_FOR_WARNING:
        for phrase, n in phrases.most_common():
            if phrase_class[phrase] not in COMMERCIAL:
                continue
            share = n / total
            if share > PHRASE_WARN_SHARE:
                severity = "severe" if share >= PHRASE_SEVERE_SHARE else "warning"
                warnings.append(AnchorWarning("phrase-dominates", severity, share, phrase))
            break  # only the most frequent commercial phrase can dominate
        exact = counts[AnchorClass.EXACT.value] / total
        if exact > EXACT_WARN_SHARE:
            warnings.append(AnchorWarning("exact-match-heavy", "warning", exact))
        commercial = (counts[AnchorClass.EXACT.value] + counts[AnchorClass.PARTIAL.value]) / total
        if commercial > COMMERCIAL_WARN_SHARE:
            warnings.append(AnchorWarning("commercial-heavy", "warning", commercial))
    return AnchorProfile(total=total, counts=dict(counts), top=top, warnings=warnings)


# ---------------------------------------------------------------- with the database


@dataclass(frozen=True)
class SiteAnchors:
    site: str
    brands: tuple[str, ...]  # as used (the site's, or the default from its domain)
    brands_default: bool
    keywords: tuple[str, ...]
    profile: AnchorProfile

    def to_json(self) -> dict[str, object]:
        return {"site": self.site, "brands": list(self.brands), "brands_default": self.brands_default, "keywords": list(self.keywords), **self.profile.to_dict()}


def anchors_for(db, team_id: str, site_domain: str, *, brands: Iterable[str] | None = None, keywords: Iterable[str] | None = None) -> SiteAnchors:  # type: ignore[no-untyped-def]
    """The anchor profile of a tracked site's live links. Given ``brands``/``keywords`` are saved on the
    site first (they replace the earlier ones)."""
    from bot.domains import normalise_site
    from storage import compare_repo
    from storage.sites import require_site, set_site_terms

    domain = normalise_site(site_domain)
    site = require_site(db, team_id, domain)
    if brands is not None or keywords is not None:
        site = set_site_terms(db, team_id, domain, brands=list(brands) if brands is not None else None, keywords=list(keywords) if keywords is not None else None)
    used = tuple(site.brands) or tuple(default_brands(site.domain))
    rules = AnchorRules.for_site(site.domain, used, site.keywords)
    profile = anchor_profile_counted(compare_repo.live_anchor_counts(db, team_id, site.id), rules)
    return SiteAnchors(site.domain, used, not site.brands, tuple(site.keywords), profile)
