"""Where a link stands: editorial ``content`` in the main text, or one of the boilerplate zones.

The classifier works in three steps, all on one parsed page:

1. Text statistics per block element (characters of plain text and of link text directly in the
   block, commas, links), from one walk over the page (:meth:`Document.walk`); ``<nav>``,
   ``<footer>`` and ``<aside>`` are not walked, their links simply take that zone.
2. A main-content finder in the manner of Readability: every block that reads like a paragraph
   gives credit to its parent and grandparent; candidates are weighed by tag, main-content hints
   (``<article>``, ``<main>``, ``class="entry-content"``...) and link density. Candidates inside a
   dialog, a cookie banner or a hidden panel are passed over. When several strong candidates sit
   under one ancestor (an article split into sections), that ancestor is the main content. The main
   content is the chosen element plus its strong siblings.
3. Per link: a boilerplate zone (``<nav>``, ``role=contentinfo``, ``class="sidebar"``,
   ``comments``, ``author``...) between the link and the main content wins; zones on elements that
   *contain* the main content are ignored (a ``<div class="page-with-sidebar">`` wrapper is not a
   sidebar), and so are headers inside the main content (``<header>`` of an ``<article>`` card
   holds its title). A link in the main content is ``content`` when its block also holds plain
   text (a link in a sentence, a card with a description) rather than being a bare link list.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.analysis.dom import Document, ElementInfo
from bot.analysis.model import Placement

_TAG_WEIGHT = {
    "div": 5.0, "article": 10.0, "main": 10.0, "section": 3.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0,
    "address": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0, "dt": -3.0, "li": -3.0, "form": -3.0,
    "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0, "h5": -5.0, "h6": -5.0, "th": -5.0,
}
_ROOT_TAGS = frozenset({"body", "html", "-document"})
#: characters of plain text that make a block a paragraph
PARAGRAPH_MIN_TEXT = 25
#: alternative candidates score at least this share of the best one's...
ALT_RATIO = 0.3
#: ...and when at least this many of them share an ancestor with the best, that ancestor is the main
#: content, provided its link density stays below ALT_MAX_DENSITY
ALT_MIN = 2
ALT_MAX_DENSITY = 0.5
#: how many of the best candidates to try for one outside a SKIP_ZONES zone
SKIP_ZONED = 5
#: zones whose text is never the main content (cookie dialogs and hidden panels are OTHER)
SKIP_ZONES = frozenset({Placement.OTHER})
#: siblings of the main element join it when they score this share of it (and at least SIBLING_MIN)
SIBLING_RATIO = 0.2
SIBLING_MIN = 10.0
#: plain-text characters a link's block needs for the link to count as standing in text
LINK_BLOCK_MIN_TEXT = 1
#: zones that do not make a link boilerplate when they sit inside the main content
MAIN_NEUTRAL_ZONES = frozenset({Placement.HEADER})


@dataclass
class LinkFeatures:
    """What the decision looks at for one link (kept for tests and the benchmark's diagnostics)."""

    in_main: bool
    zone: Placement | None  # innermost boilerplate zone between the link and the main content
    outer_zone: Placement | None  # innermost zone anywhere above the link (when outside the main content)
    block_text: int  # plain (non-link) characters in the link's block
    block_link_text: int
    block_links: int


def _score(info: ElementInfo) -> float:
    return info.score


def _candidates(blocks: list[ElementInfo]) -> list[ElementInfo]:
    """Readability scoring: paragraphs credit their parent (1), grandparent (1/2) and great-
    grandparent (1/6); the result is weighed by (1 - link density). Best first."""
    candidates: dict[int, ElementInfo] = {}
    for block in blocks:
        if block.own_text < PARAGRAPH_MIN_TEXT:
            continue
        points = 1.0 + block.commas + min(block.own_text // 100, 3)
        node = block.parent
        level = 0
        while node is not None and level < 3 and node.tag not in _ROOT_TAGS:
            if node.uid not in candidates:
                candidates[node.uid] = node
                node.score = _TAG_WEIGHT.get(node.tag, 0.0) + (25.0 if node.main_hint else 0.0)
                if node.zone is not None:
                    node.score -= 25.0
            node.score += points / (1.0, 2.0, 6.0)[level]
            node = node.parent
            level += 1
    result = list(candidates.values())
    for cand in result:
        text, link = cand.sub_text, cand.sub_link
        if text + link:
            cand.score *= 1.0 - link / (text + link)
    result.sort(key=_score, reverse=True)
    return result


def _common_ancestor(best: ElementInfo, candidates: list[ElementInfo]) -> ElementInfo:
    """When several strong candidates sit under one ancestor of the best (the article is split over
    sections), that ancestor holds the main content."""
    floor = max(best.score * ALT_RATIO, 0.0)
    alternates = [c for c in candidates[:9] if c is not best and c.score > floor]
    if len(alternates) < ALT_MIN:
        return best
    alt_paths = [{a.uid for a in c.ancestors()} for c in alternates]
    node = best.parent
    while node is not None and node.tag not in _ROOT_TAGS:
        if node.zone is not None:
            return best
        if sum(1 for path in alt_paths if node.uid in path) >= ALT_MIN:
            text, link = node.sub_text, node.sub_link
            if text + link and link / (text + link) <= ALT_MAX_DENSITY:
                node.score = max(node.score, best.score)
                return node
            return best
        node = node.parent
    return best


def find_main(doc: Document, blocks: list[ElementInfo]) -> set[int]:
    """uids of the elements that make up the main content (empty when nothing reads like text)."""
    doc.subtree_totals()
    candidates = _candidates(blocks)
    if not candidates:
        return set()
    zones = LinkContext(set())
    best = candidates[0]
    for cand in candidates[:SKIP_ZONED]:  # pass over candidates inside a dialog, a footer...
        if zones.zone(cand) not in SKIP_ZONES:
            best = cand
            break
    best = _common_ancestor(best, candidates)
    main = {best.uid}
    parent = best.parent
    if parent is not None:
        threshold = max(SIBLING_MIN, best.score * SIBLING_RATIO)
        for cand in candidates:
            if cand.parent is parent and cand is not best and cand.score >= threshold:
                main.add(cand.uid)
    return main


class LinkContext:
    """For an element: whether it lies in the main content, and the innermost boilerplate zone
    between it and the main content (or, outside the main content, anywhere above it).

    Both are memoised (links share ancestors). Zones are classified lazily, only up to the first one
    found or the main content, so the classes of most wrappers are never looked at.
    """

    def __init__(self, main: set[int]) -> None:
        self.main = main
        self._in_main: dict[int, bool] = {}
        self._zone: dict[int, Placement | None] = {}

    def in_main(self, info: ElementInfo) -> bool:
        memo = self._in_main
        main = self.main
        pending: list[int] = []
        node: ElementInfo | None = info
        result = False
        while node is not None:
            uid = node.uid
            hit = memo.get(uid)
            if hit is not None:
                result = hit
                break
            if uid in main:
                result = True
                break
            pending.append(uid)
            node = node.parent
        for uid in pending:
            memo[uid] = result
        return result

    def zone(self, info: ElementInfo) -> Placement | None:
        memo = self._zone
        main = self.main
        pending: list[int] = []
        node: ElementInfo | None = info
        result: Placement | None = None
        while node is not None:
            uid = node.uid
            if uid in memo:
                result = memo[uid]
                break
            if uid in main:
                break  # zones on or above the main content do not apply inside it
            pending.append(uid)
            zone = node.zone
            if zone is not None:
                result = zone
                break
            node = node.parent
        for uid in pending:
            memo[uid] = result
        return result


def link_features(info: ElementInfo, context: LinkContext) -> LinkFeatures:
    zone = context.zone(info)
    in_main = context.in_main(info)
    block = info.block
    return LinkFeatures(
        in_main=in_main,
        zone=zone if in_main else None,
        outer_zone=None if in_main else zone,
        block_text=block.own_text,
        block_link_text=block.link_text,
        block_links=block.n_links,
    )


def decide(f: LinkFeatures) -> Placement:
    """The placement of one link from its features."""
    return _decide(f.in_main, f.zone if f.in_main else f.outer_zone, f.block_text)


def _decide(in_main: bool, zone: Placement | None, block_text: int) -> Placement:
    if not in_main:
        return zone or Placement.OTHER
    if zone is not None and zone not in MAIN_NEUTRAL_ZONES:
        return zone
    if block_text < LINK_BLOCK_MIN_TEXT:
        return Placement.OTHER  # a bare link list inside the main content (tags, "related" lists)
    return Placement.CONTENT


def classify(doc: Document, infos: list[ElementInfo], blocks: list[ElementInfo],
             ) -> tuple[list[Placement], LinkContext]:
    """Placements of the links ``infos`` (records of ``<a>`` elements from ``doc.walk()``, in
    document order); ``blocks`` is the first part of that walk's result. Also returns the context
    (which elements are main content) for the caller's further use."""
    for info in infos:
        info.block.n_links += 1
    context = LinkContext(find_main(doc, blocks))
    zone_of = context.zone
    in_main_of = context.in_main
    return [_decide(in_main_of(info), zone_of(info), info.block.own_text) for info in infos], context


def classify_with_features(doc: Document, infos: list[ElementInfo], blocks: list[ElementInfo],
                           ) -> tuple[list[Placement], list[LinkFeatures]]:
    """:func:`classify` plus the features behind each decision (for tests and diagnostics)."""
    for info in infos:
        info.block.n_links += 1
    context = LinkContext(find_main(doc, blocks))
    feats = [link_features(info, context) for info in infos]
    return [decide(f) for f in feats], feats


def main_text(doc: Document, context: LinkContext, limit: int) -> str:
    """The visible text of the main content (of the whole body when no main content was found),
    whitespace collapsed, at most ``limit`` characters."""
    texts = doc.texts
    if context.main:
        memo = context._in_main
        in_main = context.in_main
        parts = []
        for record, text in texts:
            inside = memo.get(record.uid)
            if inside is None:
                inside = in_main(record)
            if inside:
                parts.append(text)
    else:
        parts = [text for _, text in texts]
    return " ".join(" ".join(parts).split())[:limit]
