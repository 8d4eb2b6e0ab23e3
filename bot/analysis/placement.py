"""Where a link stands: editorial ``content`` in the main text, or one of the boilerplate zones.

The classifier works in three steps, all on one parsed page:

1. Text statistics per block element (characters of plain text and of link text directly in the
   block, commas, links), from one walk over the text nodes.
2. A main-content finder in the manner of Readability: every block that reads like a paragraph gives
   credit to its parent and grandparent; candidates are weighed by tag, main-content hints
   (``<article>``, ``<main>``, ``class="entry-content"``...) and link density. The best candidate and
   its strong siblings form the main content.
3. Per link: a boilerplate zone (``<nav>``, ``role=contentinfo``, ``class="sidebar"``,
   ``comments``, ``author``...) between the link and the main content wins; zones on elements that
   *contain* the main content are ignored (a ``<div class="page-with-sidebar">`` wrapper is not a
   sidebar). A link in the main content is ``content`` unless it stands in a link list rather than
   in running text.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from bot.analysis.dom import HEADING_TAGS, LIST_TAGS, Document, ElementInfo
from bot.analysis.model import Placement

_TAG_WEIGHT = {
    "div": 5.0, "article": 10.0, "main": 10.0, "section": 3.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0,
    "address": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0, "dt": -3.0, "li": -3.0, "form": -3.0,
    "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0, "h5": -5.0, "h6": -5.0, "th": -5.0,
}
#: characters of plain text that make a block a paragraph
PARAGRAPH_MIN_TEXT = 25


@dataclass
class LinkFeatures:
    """What the decision looks at for one link (kept for tests and the benchmark's diagnostics)."""

    in_main: bool
    zone: Placement | None  # innermost boilerplate zone between the link and the main content
    outer_zone: Placement | None  # innermost zone anywhere above the link (used outside the main content)
    block_text: int  # plain (non-link) characters in the link's block
    block_link_text: int
    block_links: int
    heading: bool
    list_item: bool
    main_hint: bool


def find_main(doc: Document, blocks: list[ElementInfo]) -> set[int]:
    """uids of the elements that make up the main content (may be empty when nothing reads like text)."""
    candidates: dict[int, ElementInfo] = {}
    for block in blocks:
        if block.own_text < PARAGRAPH_MIN_TEXT or block.zone is not None:
            continue
        points = 1.0 + block.commas + min(block.own_text // 100, 3)
        node = block.parent
        level = 0
        while node is not None and level < 3:
            if node.tag in ("body", "html", "-document"):
                break
            if node.uid not in candidates:
                candidates[node.uid] = node
                node.score = _TAG_WEIGHT.get(node.tag, 0.0) + (25.0 if node.main_hint else 0.0)
                if node.zone is not None:
                    node.score -= 25.0
            node.score += points / (1.0, 2.0, 6.0)[level]
            node = node.parent
            level += 1
    if not candidates:
        return set()
    doc.subtree_totals()
    best: ElementInfo | None = None
    best_score = float("-inf")
    for cand in candidates.values():
        text, link = cand.sub_text, cand.sub_link
        density = link / (text + link) if text + link else 0.0
        cand.score *= 1.0 - density
        if cand.score > best_score:
            best, best_score = cand, cand.score
    assert best is not None
    main = {best.uid}
    parent = best.parent
    if parent is not None:
        threshold = max(10.0, best_score * 0.2)
        for cand in candidates.values():
            if cand.parent is parent and cand is not best and cand.score >= threshold:
                main.add(cand.uid)
    return main


class _Paths:
    """Facts about the path from the root to an element, memoised (links share ancestors).

    Zones are computed lazily and only up to the innermost zone: the classes of the elements above
    it never matter.
    """

    def __init__(self, main: set[int]) -> None:
        self.main = main
        self._zone: dict[int, tuple[Placement | None, int]] = {}
        self._main_depth: dict[int, int] = {}

    def inner_zone(self, info: ElementInfo) -> tuple[Placement | None, int]:
        """(innermost zone at or above ``info``, depth of the element naming it) or (None, -1)."""
        memo = self._zone
        pending: list[ElementInfo] = []
        node: ElementInfo | None = info
        result: tuple[Placement | None, int] = (None, -1)
        while node is not None:
            hit = memo.get(node.uid)
            if hit is not None:
                result = hit
                break
            pending.append(node)
            zone = node.zone
            if zone is not None:
                result = (zone, node.depth)
                break
            node = node.parent
        for node in pending:
            memo[node.uid] = result
        return result

    def main_depth(self, info: ElementInfo) -> int:
        """Depth of the main-content element holding ``info``, or -1 when it is outside."""
        memo = self._main_depth
        main = self.main
        pending: list[ElementInfo] = []
        node: ElementInfo | None = info
        result = -1
        while node is not None:
            hit = memo.get(node.uid)
            if hit is not None:
                result = hit
                break
            pending.append(node)
            if node.uid in main:
                result = node.depth
                break
            node = node.parent
        for node in pending:
            memo[node.uid] = result
        return result


def _inside(info: ElementInfo, tags: frozenset[str], stop_depth: int) -> bool:
    node: ElementInfo | None = info
    while node is not None and node.depth > stop_depth:
        if node.tag in tags:
            return True
        node = node.parent
    return False


def link_features(info: ElementInfo, paths: _Paths) -> LinkFeatures:
    zone, zone_depth = paths.inner_zone(info)
    main_depth = paths.main_depth(info)
    in_main = main_depth >= 0
    block = info.block
    return LinkFeatures(
        in_main=in_main,
        zone=zone if in_main and zone_depth > main_depth else None,
        outer_zone=None if in_main else zone,
        block_text=block.own_text,
        block_link_text=block.link_text,
        block_links=block.n_links,
        heading=_inside(info, HEADING_TAGS, max(main_depth, 0)),
        list_item=_inside(info, LIST_TAGS, max(main_depth, 0)),
        main_hint=False,
    )


def decide(f: LinkFeatures) -> Placement:
    """The placement of one link from its features."""
    if not f.in_main:
        return f.outer_zone or Placement.OTHER
    if f.zone is not None:
        return f.zone
    return Placement.CONTENT


def classify(doc: Document, anchors: list[LexborNode], blocks: list[ElementInfo] | None = None,
             ) -> tuple[list[Placement], list[LinkFeatures]]:
    """Placements (and features) of ``anchors``, elements of ``doc`` in document order.
    ``blocks`` is the result of ``doc.walk()`` when the caller already walked the page."""
    if blocks is None:
        blocks = doc.walk()
    infos = [doc.info(a) for a in anchors]
    for info in infos:
        info.block.n_links += 1
    main = find_main(doc, blocks)
    paths = _Paths(main)
    feats = [link_features(info, paths) for info in infos]
    return [decide(f) for f in feats], feats
